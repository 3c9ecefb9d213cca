"""Staff pages of proactive disclosure: who sees what, one POST per action, messages in Chinese."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from disclosuretesting import _fresh_cache, make_item, publish, science_catalogue
from disclosuretesting import client_for as _client
from disclosuretesting import messages_of as _messages
from gongkai.web.disclosure import vocabulary as v
from gongkai.web.disclosure.models import Item

__all__ = ["_fresh_cache", "make_item", "publish", "science_catalogue"]

pytestmark = pytest.mark.django_db


def test_clerk_registers_an_item_through_the_form(people: Any, science_catalogue: Any) -> None:
    c = _client(people["clerk"])
    assert c.get("/work/disclosure/new/").status_code == 200
    response = c.post(
        "/work/disclosure/new/",
        {
            "category": science_catalogue["其他文件"].pk,
            "title": "2026年科技工作要点",
            "doc_type": "other",
            "written_on": "2026-03-02",
            "attribute": "active",
            "body": "正文",
        },
        follow=True,
    )
    item = Item.objects.get()
    assert response.redirect_chain[-1][0] == f"/work/disclosure/items/{item.pk}/"
    assert item.made_on == date(2026, 3, 2) and item.publisher == "平湖市科学技术局"
    assert f"已登记，索引号 {item.index_number}" in _messages(response)


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("clerk", 200),  # the agency's own clerk
        ("reviewer", 200),  # its reviewer reads it too
        ("supervisor", 200),  # the 公开办 above it reads its subtree
        ("finance_clerk", 404),  # another agency: not even its existence
        ("outsider", 404),  # another city's office
    ],
)
def test_who_sees_an_item(client: Client, people: Any, make_item: Any, who: str, status: int) -> None:
    item = make_item()
    assert _client(people[who]).get(f"/work/disclosure/items/{item.pk}/").status_code == status


def test_anonymous_users_are_sent_to_login(client: Client, make_item: Any) -> None:
    item = make_item()
    assert client.get(f"/work/disclosure/items/{item.pk}/").status_code == 302
    assert client.get("/work/disclosure/").status_code == 302


def test_full_flow_through_the_action_posts(
    people: Any, make_item: Any, agencies: Any, make_user: Any
) -> None:
    item = make_item(body="联系人手机13812345678。")
    clerk, reviewer, head = (_client(people[k]) for k in ("clerk", "reviewer", "head"))
    secrecy = _client(make_user("reviewer2", (agencies["science"], "reviewer")))
    url = f"/work/disclosure/items/{item.pk}/"
    r = clerk.post(url + "scan/", follow=True)
    assert "检查完成：发现1处敏感信息" in _messages(r)
    r = clerk.post(url + "submit/", follow=True)
    assert "还有未处理的敏感信息：请删除或说明理由" in _messages(r)
    clerk.post(url + "redact/")
    assert "13812345678" not in Item.objects.get(pk=item.pk).body
    clerk.post(url + "submit/")
    # The clerk cannot take a review step.
    assert clerk.post(url + "review/", {"conclusion": "approve"}).status_code == 403
    reviewer.post(url + "review/", {"conclusion": "approve", "opinion": "同意"})
    page = reviewer.get(url)
    assert "保密审查" in page.content.decode()
    # Issue 17: the same reviewer cannot also take 保密审查; another reviewer does.
    r = reviewer.post(url + "review/", {"conclusion": "approve", "opinion": "不涉密"}, follow=True)
    assert any("“保密审查”须由另一人完成" in m for m in _messages(r))
    secrecy.post(url + "review/", {"conclusion": "approve", "opinion": "不涉密"})
    head.post(url + "review/", {"conclusion": "approve"})
    r = clerk.post(url + "publish/", {"on": "2026-03-05"}, follow=True)
    assert "已发布到政府网站" in _messages(r)
    assert Item.objects.get(pk=item.pk).status == v.Status.PUBLISHED
    r = clerk.post(url + "channel/", {"channel": "wechat", "on": "2026-03-06", "note": ""}, follow=True)
    assert "已登记渠道发布" in _messages(r)
    r = clerk.post(url + "withdraw/", {"on": "2026-03-07", "reason": "发布有误"}, follow=True)
    assert Item.objects.get(pk=item.pk).status == v.Status.WITHDRAWN


def test_bad_form_input_is_a_message_not_a_crash(people: Any, make_item: Any) -> None:
    item = make_item()
    r = _client(people["clerk"]).post(
        f"/work/disclosure/items/{item.pk}/publish/", {"on": "不是日期"}, follow=True
    )
    assert r.status_code == 200
    assert any("日期" in m for m in _messages(r))


def test_unknown_verb_is_404(people: Any, make_item: Any) -> None:
    item = make_item()
    assert _client(people["clerk"]).post(f"/work/disclosure/items/{item.pk}/explode/").status_code == 404


def test_attachment_upload_is_read_and_scanned(people: Any, make_item: Any) -> None:
    item = make_item()
    c = _client(people["clerk"])
    upload = SimpleUploadedFile("名单.txt", "获奖人员：王五，身份证110101199001011237".encode(), "text/plain")
    c.post(f"/work/disclosure/items/{item.pk}/attach/", {"file": upload})
    att = Item.objects.get(pk=item.pk).attachments.get()
    assert "110101199001011237" in att.text
    r = c.post(f"/work/disclosure/items/{item.pk}/scan/", follow=True)
    assert "附件 名单.txt" in r.content.decode()
    c.post(f"/work/disclosure/items/{item.pk}/redact/")
    att.refresh_from_db()
    assert "110101199001011237" not in att.text
    assert "110101199001011237" not in att.file.open("rb").read().decode()


def test_due_list_and_ledger_pages(people: Any, make_item: Any, agencies: Any) -> None:
    make_item(written_on=date(2020, 1, 6), title="早已逾期的事项")
    c = _client(people["clerk"])
    page = c.get("/work/disclosure/").content.decode()
    assert "早已逾期的事项" in page and "已逾期" in page
    c.post(
        "/work/disclosure/ledger/",
        {
            "agency": agencies["science"].pk,
            "title": "预算公开",
            "responsible_unit": "办公室",
            "frequency": "yearly",
            "next_due": "2020-03-31",
        },
    )
    ledger = c.get("/work/disclosure/ledger/").content.decode()
    assert "预算公开" in ledger and 'data-overdue="1"' in ledger


def test_table2_page_shows_figures_and_import_errors(people: Any, agencies: Any, make_item: Any) -> None:
    make_item(written_on=date(2023, 5, 1), doc_type="normative", category="行政规范性文件")
    c = _client(people["clerk"])
    page = c.get("/work/disclosure/table2/?year=2023").content.decode()
    assert '<td id="t2-licensing">0</td>' in page
    bad = SimpleUploadedFile("list.csv", "决定书文号,决定日期\nA1,2023-13-01\n".encode())
    r = c.post(
        "/work/disclosure/table2/?year=2023",
        {"agency": agencies["science"].pk, "year": 2023, "kind": "licensing", "file": bad},
    )
    assert "第2行：决定日期不存在" in r.content.decode()
    good = SimpleUploadedFile("list.csv", "决定书文号,决定日期\nA1,2023-12-01\n".encode())
    c.post(
        "/work/disclosure/table2/?year=2023",
        {"agency": agencies["science"].pk, "year": 2023, "kind": "licensing", "file": good},
    )
    page = c.get("/work/disclosure/table2/?year=2023").content.decode()
    assert '<td id="t2-licensing">1</td>' in page
    assert "全年共通过各渠道发布政府信息0条" in page


@pytest.mark.parametrize(
    ("pattern", "chain", "errors"),
    [
        # Both fine: the default chain with its 保密审查 step.
        ("{prefix}-{year}-{serial:04d}", [{"label": "保密审查", "role": "reviewer", "secrecy": True}], set()),
        # A chain without the confidentiality review is refused.
        ("{prefix}-{serial}", [{"label": "分管领导审批", "role": "head"}], {"review_chain"}),
        # An unknown placeholder and an unknown role.
        (
            "{prefix}-{month}",
            [{"label": "保密审查", "role": "mayor", "secrecy": True}],
            {"index_pattern", "review_chain"},
        ),
    ],
)
def test_admin_setup_form_checks_pattern_and_chain(
    agencies: Any, pattern: str, chain: Any, errors: set[str]
) -> None:
    import json

    from gongkai.web.disclosure.admin import SetupForm

    form = SetupForm(
        data={
            "agency": agencies["science"].pk,
            "index_prefix": "002482631",
            "index_pattern": pattern,
            "review_chain": json.dumps(chain, ensure_ascii=False),
        }
    )
    assert set(form.errors) == errors

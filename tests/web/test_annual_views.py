"""Staff pages of the annual report: list, generate, edit, check, acknowledge, publish, downloads."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.web import clock
from gongkai.web.annual import actions
from gongkai.web.annual.models import AnnualReport, State

pytestmark = pytest.mark.django_db
YEAR = 2025


def login(client: Client, user: Any) -> Client:
    client.force_login(user)
    return client


@pytest.fixture
def science(agencies: dict[str, Any]) -> Any:
    return agencies["science"]


def url(verb: str, agency: Any, year: int = YEAR) -> str:
    return reverse("annual:act", args=[agency.pk, year, verb])


@pytest.mark.cjk_font  # publishes or issues a PDF
def test_clerk_generates_edits_checks_and_head_publishes(
    client: Client, people: dict[str, Any], science: Any
) -> None:
    login(client, people["clerk"])
    page = client.get(reverse("annual:index"))
    assert page.status_code == 200 and "由本年度记录生成报告" in page.content.decode()
    today = clock.today()
    assert f"{today.year - 1}年度报告尚未发布，法定发布期限为{today.year}年1月31日" in page.content.decode()
    r = client.post(reverse("annual:generate"), {"agency": science.pk, "year": YEAR})
    report = AnnualReport.objects.get(agency=science, year=YEAR)
    assert r.status_code == 302 and report.state == State.DRAFT
    page = client.get(reverse("annual:year", args=[science.pk, YEAR])).content.decode()
    assert 'id="table3"' in page and "一、本年新收政府信息公开申请数量" in page
    # Each cell opens the records behind it (the drill-down of tables.cell_records).
    cell_link = reverse("annual:cell", args=[science.pk, YEAR, "table3.new.total"])
    assert f'href="{cell_link}" data-cell="table3.new.total"' in page
    assert client.get(cell_link).status_code == 200
    assert "全年共通过各渠道发布政府信息0条" in page

    texts = {f"section_{s['number']}": s["text"] for s in report.sections()}
    texts["section_五"] = "（一）存在的主要问题。政策解读不够。（二）改进情况。加强解读。"
    client.post(url("edit", science), {"version": 1, **texts})
    report.refresh_from_db()
    assert report.sections()[4]["text"] == texts["section_五"]
    client.post(url("check", science), {"version": 1})
    report.refresh_from_db()
    assert report.checked_at is not None and report.errors == 0
    page = client.get(reverse("annual:year", args=[science.pk, YEAR])).content.decode()
    assert 'id="findings"' in page and "错误 0 项" in page

    # A clerk cannot publish: the button is not shown and the POST is refused.
    assert 'id="publish"' not in page
    assert client.post(url("publish", science), {"version": 1}).status_code == 403
    login(client, people["head"])
    page = client.get(reverse("annual:year", args=[science.pk, YEAR])).content.decode()
    assert 'id="publish"' in page
    client.post(url("publish", science), {"version": 1})
    report.refresh_from_db()
    assert report.state == State.PUBLISHED
    page = client.get(reverse("annual:year", args=[science.pk, YEAR])).content.decode()
    f = report.files.get(fmt="pdf")
    assert f.sha256 in page
    download = client.get(reverse("annual:download", args=[f.pk]))
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert hashlib.sha256(download.content).hexdigest() == f.sha256
    # Published: no editing form any more, a correction button instead.
    assert 'name="section_一"' not in page and 'id="correct"' in page
    assert client.post(url("edit", science), {"version": 1, "section_一": "x"}).status_code == 302
    report.refresh_from_db()
    assert report.sections()[0]["text"] != "x"


def test_acknowledging_a_warning_on_the_page(client: Client, people: dict[str, Any], science: Any) -> None:
    clerk = people["clerk"]
    report = actions.do_generate_report(science, YEAR, acting_user=clerk)
    text = report.sections()[2]["text"].replace("新收政府信息公开申请0件", "新收政府信息公开申请2件")
    actions.do_edit_narrative(report, {"三": text}, acting_user=clerk)
    actions.do_check_report(report, acting_user=clerk)
    login(client, clerk)
    page = client.get(reverse("annual:year", args=[science.pk, YEAR])).content.decode()
    assert 'data-rule="TEXT-TABLE-NEW"' in page and "确认此警告" in page
    assert "正文第三部分" in page  # the cell label, in Chinese
    report.refresh_from_db()
    finding = next(f for f in report.findings if f["rule"] == "TEXT-TABLE-NEW")
    r = client.post(
        url("acknowledge", science),
        {
            "version": 1,
            "rule": "TEXT-TABLE-NEW",
            "cells": ",".join(finding["cells"]),
            "reason": "按受理口径统计",
        },
    )
    assert r.status_code == 302
    page = client.get(reverse("annual:year", args=[science.pk, YEAR])).content.decode()
    assert "按受理口径统计" in page and "确认此警告" not in page


def test_errors_are_shown_in_chinese_when_publishing_is_refused(
    client: Client, people: dict[str, Any], science: Any
) -> None:
    report = actions.do_generate_report(science, YEAR, acting_user=people["clerk"])
    actions.do_edit_narrative(report, {"五": ""}, acting_user=people["clerk"])
    login(client, people["head"])
    r = client.post(url("publish", science), {"version": 1}, follow=True)
    page = r.content.decode()
    assert "检查发现 1 项错误，改正后才能发布" in page
    assert "SEC5-EMPTY" in page
    report.refresh_from_db()
    assert report.state == State.DRAFT


@pytest.mark.cjk_font  # publishes or issues a PDF
def test_other_agencies_cannot_see_or_act(client: Client, people: dict[str, Any], science: Any) -> None:
    report = actions.do_generate_report(science, YEAR, acting_user=people["clerk"])
    actions.do_publish_report(
        actions.do_edit_narrative(report, {}, acting_user=people["clerk"]), acting_user=people["head"]
    )
    year_url = reverse("annual:year", args=[science.pk, YEAR])
    login(client, people["finance_clerk"])
    assert client.get(year_url).status_code == 404
    assert client.post(url("generate", science)).status_code == 404
    assert client.get(reverse("annual:download", args=[report.files.first().pk])).status_code == 404
    login(client, people["outsider"])
    assert client.get(year_url).status_code == 404
    # The supervising office reads its subtree, but does not write another agency's report.
    login(client, people["supervisor"])
    page = client.get(year_url)
    assert page.status_code == 200 and 'id="correct"' not in page.content.decode()
    assert client.post(url("correct", science), {"version": 1}).status_code == 403


def test_bad_year_is_a_chinese_message(client: Client, people: dict[str, Any], science: Any) -> None:
    login(client, people["clerk"])
    r = client.post(reverse("annual:generate"), {"agency": science.pk, "year": "abc"}, follow=True)
    assert "请选择机构并填写年度" in r.content.decode()
    r = client.post(reverse("annual:generate"), {"agency": science.pk, "year": 1999}, follow=True)
    assert "年度应在 2008 至" in r.content.decode()
    assert not AnnualReport.objects.exists()


def test_check_results_speak_plain_chinese_with_the_rule_id_as_a_detail(
    client: Client, people: dict[str, Any], science: Any
) -> None:
    """Issue 17, point 11: the message leads, the rule id is a small detail, no CLI-only hint."""
    clerk = people["clerk"]
    report = actions.do_generate_report(science, YEAR, acting_user=clerk)
    text = report.sections()[2]["text"].replace("新收政府信息公开申请0件", "新收政府信息公开申请2件")
    actions.do_edit_narrative(report, {"三": text}, acting_user=clerk)
    actions.do_check_report(report, acting_user=clerk)
    page = login(client, clerk).get(reverse("annual:year", args=[science.pk, YEAR])).content.decode()
    item = page[page.index('data-rule="TEXT-TABLE-NEW"') :]
    item = item[: item.index("</li>")]
    assert item.index("正文第三部分写") < item.index('<code class="rule-id">TEXT-TABLE-NEW</code>')
    assert "规则编号" in item and "涉及：正文第三部分" in item
    assert "命令行" not in page and "--previous" not in page


def test_the_clerk_submits_and_the_page_says_the_head_publishes(
    client: Client, people: dict[str, Any], science: Any
) -> None:
    """Issue 17, point 12: 提交 for the clerk, 发布 for the 负责人, and a line saying who acts next."""
    clerk = people["clerk"]
    report = actions.do_generate_report(science, YEAR, acting_user=clerk)
    year_url = reverse("annual:year", args=[science.pk, YEAR])
    page = login(client, clerk).get(year_url).content.decode()
    assert "下一步：经办人检查报告" in page and "由机构负责人或审核人发布" in page
    assert 'id="submit-report"' in page and 'id="publish"' not in page
    # Not checked yet: submitting is refused with the reason.
    r = client.post(url("submit", science), {"version": 1}, follow=True)
    assert "请先检查报告，再提交" in r.content.decode()
    actions.do_check_report(report, acting_user=clerk)
    client.post(url("submit", science), {"version": 1})
    report.refresh_from_db()
    assert report.submitted_at is not None and report.submitted_by == clerk
    page = client.get(year_url).content.decode()
    assert (
        "经办人clerk已提交，下一步：由机构负责人或审核人发布。" in page and 'id="submit-report"' not in page
    )
    page = login(client, people["head"]).get(year_url).content.decode()
    assert 'id="publish"' in page and "已提交" in page
    # Editing the draft withdraws the submission: it is not what was submitted any more.
    actions.do_edit_narrative(report, {"一": report.sections()[0]["text"] + "。"}, acting_user=clerk)
    report.refresh_from_db()
    assert report.submitted_at is None

"""The catalogue, the 内容概述 and the guide as the 条例 asks (issue 16 point 7).

Legal basis enforced: 条例 第二十条 (every item of proactive disclosure has its heading), 第十二条第三款
(the 目录 includes each item's 内容概述), 第十二条第二款 and 第五十一条 (what the 指南 contains).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from disclosuretesting import _fresh_cache, client_for, make_item, publish, science_catalogue
from gongkai.guide import GUIDE_ELEMENTS, missing_guide_elements
from gongkai.web.actions_base import ActionError
from gongkai.web.audit.models import AuditEvent
from gongkai.web.disclosure import catalogue
from gongkai.web.disclosure import vocabulary as v
from gongkai.web.disclosure.demo import GUIDE
from gongkai.web.disclosure.models import Category
from gongkai.web.portal.actions import do_publish_guide
from gongkai.web.portal.models import Guide
from testsupport import SHARED, require

__all__ = ["_fresh_cache", "make_item", "publish", "science_catalogue"]

pytestmark = pytest.mark.django_db
REGULATION = SHARED / "reference" / "regulation.md"

COMPLETE_GUIDE = GUIDE.format(
    agency="平湖市科学技术局", phone="0573-85000000", fax="0573-85000001", number=2, version=1
)


def article_20_items() -> list[tuple[str, str]]:
    """（一）…（十五） of 条例 第二十条 as regulation.md gives them: (number, text)."""
    require(REGULATION.is_file(), f"the regulation's text is not at {REGULATION} (../shared/reference)")
    text = REGULATION.read_text(encoding="utf-8")
    article = text[text.index("第二十条 ") : text.index("第二十一条 ")]
    return re.findall(r"^(（[一二三四五六七八九十]+）)(.+?)[；。]$", article, flags=re.M)


# ---------------------------------------------------------------------------------------------
# 第二十条: every item has its heading
# ---------------------------------------------------------------------------------------------


def test_every_item_of_article_20_has_its_heading() -> None:
    items = article_20_items()
    assert len(items) == 15
    table = {number: (text, codes) for number, text, codes in v.ARTICLE_20_HEADINGS}
    assert list(table) == [number for number, _ in items]
    codes = catalogue.standard_codes()
    for number, text in items:
        quoted, headings = table[number]
        assert quoted == text, number  # quoted verbatim
        assert headings and all(code in codes for code in headings), number
    assert codes["13"] == "统计信息"  # （四）
    assert codes["14"] == "应急管理" and codes["1402"] == "应急管理 / 预警信息"  # （十二）
    assert [codes[f"15{i:02d}"] for i in range(1, 6)] == [
        f"监督检查 / {n}" for n in ("环境保护", "公共卫生", "安全生产", "食品药品", "产品质量")
    ]  # （十三）


def test_the_seeded_catalogue_has_the_new_headings(science_catalogue: dict[str, Any]) -> None:
    for name in (
        "统计信息",
        "应急预案",
        "预警信息",
        "应对情况",
        "环境保护",
        "食品药品",
        "产品质量",
        "促进就业",
    ):
        assert name in science_catalogue, name


def test_an_agency_seeded_before_gets_the_missing_headings_through_the_audited_action(
    agencies: Any, people: Any, science_catalogue: dict[str, Any]
) -> None:
    science = agencies["science"]
    before = Category.objects.filter(agency=science, code__regex=r"^1[3-7]")
    before.filter(parent__isnull=False).delete()
    before.delete()  # the catalogue as seeded before
    assert catalogue.missing_headings(science)[:2] == ["统计信息", "应急管理"]
    c = client_for(people["clerk"])
    page = c.get(f"/work/disclosure/setup/?agency={science.pk}").content.decode()
    assert "目录缺少条例第二十条规定主动公开信息的标准分类：统计信息、应急管理、" in page
    c.post(f"/work/disclosure/setup/?agency={science.pk}", {"agency": science.pk, "op": "seed"})
    assert catalogue.missing_headings(science) == []
    row = AuditEvent.objects.filter(action="disclosure.catalogue.seed").latest("pk")
    assert row.after["codes"][:2] == ["13", "14"] and row.actor == people["clerk"]
    assert "目录缺少" not in c.get(f"/work/disclosure/setup/?agency={science.pk}").content.decode()


# ---------------------------------------------------------------------------------------------
# 第十二条第三款: 内容概述
# ---------------------------------------------------------------------------------------------


def test_the_summary_is_entered_in_the_form_and_shown_in_the_catalogue_and_on_the_item_page(
    agencies: Any, people: Any, science_catalogue: dict[str, Any], publish: Any
) -> None:
    c = client_for(people["clerk"])
    response = c.post(
        f"/work/disclosure/new/?agency={agencies['science'].pk}",
        {
            "category": science_catalogue["统计信息"].pk,
            "title": "平湖市2025年科技统计公报",
            "summary": "公布2025年全市研发经费投入和高新技术企业数量。",
            "written_on": "2026-03-02",
            "doc_type": "other",
            "attribute": "active",
            "body": "2025年全市研发经费投入增长。",
        },
    )
    assert response.status_code == 302
    item = agencies["science"].disclosure_items.get(title="平湖市2025年科技统计公报")
    assert item.summary == "公布2025年全市研发经费投入和高新技术企业数量。"
    staff_list = c.get(f"/work/disclosure/?agency={agencies['science'].pk}").content.decode()
    assert "公布2025年全市研发经费投入和高新技术企业数量。" in staff_list
    version = publish(item)
    assert version.summary == item.summary
    public = client_for(people["clerk"])
    page = public.get(f"/open/items/{item.pk}/").content.decode()
    assert (
        '<dt>内容概述</dt><dd id="item-summary">公布2025年全市研发经费投入和高新技术企业数量。</dd>' in page
    )
    listing = public.get(f"/open/agencies/{agencies['science'].pk}/").content.decode()
    assert "公布2025年全市研发经费投入和高新技术企业数量。" in listing


# ---------------------------------------------------------------------------------------------
# 第十二条第二款, 第五十一条: the guide is checked before it is published
# ---------------------------------------------------------------------------------------------


def test_an_incomplete_guide_is_refused_naming_what_is_missing(agencies: Any, people: Any) -> None:
    body = "依申请公开：可以通过网上申请方式提出申请。联系电话：0573-85000000。"
    with pytest.raises(ActionError) as refused:
        do_publish_guide(agencies["science"], body, date(2026, 1, 5), acting_user=people["clerk"])
    message = refused.value.message
    assert message.startswith("政府信息公开指南缺少：")
    for name in ("办公地址", "办公时间", "传真号码", "互联网联系方式"):
        assert name in message
    assert "（条例 第十二条第二款）" in message
    assert "投诉、举报的途径（条例 第五十一条）" in message
    assert "联系电话" not in message and "申请程序" not in message
    assert not Guide.objects.exists()


def test_the_guide_page_shows_the_refusal(agencies: Any, people: Any) -> None:
    c = client_for(people["clerk"])
    page = c.post(
        f"/work/disclosure/guide/?agency={agencies['science'].pk}",
        {"body": "本机关政府信息公开指南。", "published_on": "2026-01-05"},
        follow=True,
    ).content.decode()
    assert "政府信息公开指南缺少：" in page and "传真号码" in page
    assert not Guide.objects.exists()


def test_a_complete_guide_is_published(agencies: Any, people: Any) -> None:
    assert missing_guide_elements(COMPLETE_GUIDE) == []
    guide = do_publish_guide(
        agencies["science"], COMPLETE_GUIDE, date(2026, 1, 5), acting_user=people["clerk"]
    )
    assert guide.version == 1


def test_each_element_is_missed_when_absent() -> None:
    # Every element is recognised by some wording of the demo guide and is reported alone
    # when that wording is removed.
    for element in GUIDE_ELEMENTS:
        stripped = element.pattern.sub("", COMPLETE_GUIDE)
        assert element in missing_guide_elements(stripped), element.name

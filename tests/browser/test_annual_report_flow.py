"""Issue 8's browser scenario for one agency: a clerk generates, edits, checks and acknowledges a
warning; the head publishes; the report appears on the portal with its downloads."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from browser_helpers import PHONE, login, shot

from disclosuretesting import _fresh_cache

__all__ = ["_fresh_cache"]

pytestmark = pytest.mark.django_db(transaction=True)


def test_clerk_drafts_head_publishes_public_reads(open_page: Any, people: Any, submit: Any) -> None:
    submit(received=date(2025, 6, 2))  # still open at the year end: 结转下年度 1
    clerk = open_page()
    login(clerk, "clerk")
    clerk.click("nav.site-nav >> text=年度报告")
    assert clerk.input_value("#gen-year") == "2025"
    clerk.click("#generate-form button[type=submit]")
    assert "已由本年度记录生成表格" in clerk.inner_text(".messages")
    assert clerk.inner_text("[data-cell='table3.carry_next.total']") == "1"
    assert "结转下年度继续办理1件" in clerk.input_value("#section_三")
    year_url = clerk.url
    clerk.click("[data-cell='table3.carry_next.total']")  # the records behind the cell
    assert "平科依申〔2025〕0001号" in clerk.inner_text("main")
    clerk.goto(year_url)

    # The clerk writes section 五 and, in section 一, a count that differs from table 3.
    clerk.fill("#section_五", "（一）存在的主要问题。政策解读形式单一。（二）改进情况。增加图解和问答。")
    text = (
        clerk.input_value("#section_一")
        + "全年受理群众来电咨询政府信息公开申请事宜，新收政府信息公开申请3件。"
    )
    clerk.fill("#section_一", text)
    clerk.click("#save-narrative")
    assert "正文已保存" in clerk.inner_text(".messages")
    clerk.click("#check")
    assert "检查完成" in clerk.inner_text(".messages")
    finding = clerk.locator("li.finding[data-rule='TEXT-TABLE-NEW']")
    assert "正文第一部分" in finding.inner_text()
    shot(clerk, "annual-findings")
    finding.locator("input[name=reason]").fill("另计电话咨询，已在正文说明口径")
    finding.locator("button[type=submit]").click()
    assert "已确认该警告" in clerk.inner_text(".messages")
    assert "另计电话咨询" in clerk.inner_text("#findings")
    assert clerk.locator("#publish").count() == 0  # the clerk does not sign off
    # Issue 17: the clerk submits, and the page says who acts next.
    clerk.click("#submit-report")
    assert "已提交，等待机构负责人或审核人发布" in clerk.inner_text(".messages")
    assert "由机构负责人或审核人发布" in clerk.inner_text("#next-step")

    head = open_page()
    login(head, "head")
    head.goto(clerk.url)
    head.on("dialog", lambda dialog: dialog.accept())
    head.click("#publish")
    assert "年度报告已发布" in head.inner_text(".messages")
    assert "已发布" in head.inner_text("#report-state")
    digests = head.inner_text("#versions")

    public = open_page(PHONE)
    public.goto("/open/")
    public.click("nav[aria-label='政府信息公开'] >> text=年度报告")
    public.click("text=平湖市科学技术局2025年政府信息公开工作年度报告")
    assert "全年受理群众来电咨询" in public.inner_text("#annual-report")
    assert "四、结转下年度继续办理" in public.inner_text("#annual-report")
    for sha in public.locator("#annual-files code").all_inner_texts():
        assert sha in digests
    with public.expect_download() as download:
        public.click("#annual-files >> text=DOCX")
    assert download.value.suggested_filename.endswith(".docx")
    shot(public, "annual-portal-phone")

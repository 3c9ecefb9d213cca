"""Issue 6's browser scenario: draft → return for changes → approve → issue → download the DOCX
and read it → deliver, in a real chromium against the live server."""

from __future__ import annotations

import io
from typing import Any

import pytest
from browser_helpers import PHONE, login, shot, take_step

from gongkai.report.render.fonts import cjk_font_available
from gongkai.web.applications import actions as app_actions
from testsupport import require

pytestmark = pytest.mark.django_db(transaction=True)


def _draft(page: Any, *, delivery_how: str) -> None:
    page.select_option("#reply-draft select[name=outcome]", "granted")
    page.select_option("#reply-draft select[name=ground]", "disclosable")
    page.fill(
        "#reply-draft textarea[name=information_provided]", "《平湖市2025年度科技项目补助资金分配结果》全文"
    )
    page.fill("#reply-draft textarea[name=delivery_how]", delivery_how)
    page.fill("#reply-draft input[name=reconsideration_body]", "平湖市人民政府")
    page.click("#reply-save")
    assert "答复草稿已保存" in page.inner_text(".messages")


def test_draft_return_approve_issue_download_deliver(open_page: Any, people: Any, submit: Any) -> None:
    require(cjk_font_available(), "PDF letters need a CJK TrueType font (apt-get install fonts-wqy-zenhei)")
    app = app_actions.do_assign_application(submit(), people["clerk"], acting_user=people["clerk"])
    case_url = f"/work/cases/{app.pk}/"

    clerk = open_page()
    login(clerk, "clerk")
    clerk.goto(case_url)
    _draft(clerk, delivery_how="以电子邮件发送")
    assert clerk.inner_text("#case-status") == "答复已起草"
    preview = clerk.inner_text("#letter-preview")
    assert "平湖市科学技术局" in preview and "向平湖市人民政府申请行政复议" in preview
    shot(clerk, "reply-drafted-desktop")
    clerk.click("#reply-submit")
    assert clerk.inner_text("#case-status") == "审核中"

    reviewer = open_page()
    login(reviewer, "reviewer")
    reviewer.goto(case_url)
    shot(reviewer, "reply-review-desktop")
    reviewer.fill("#reply-review textarea[name=comment]", "请写明提供的时间")
    reviewer.click("#reply-return")
    assert reviewer.inner_text("#case-status") == "退回修改"

    clerk.reload()
    assert "退回修改：请写明提供的时间" in clerk.inner_text("#review-comments")
    _draft(clerk, delivery_how="于2026年3月2日以电子邮件发送至申请人邮箱")
    clerk.click("#reply-submit")

    reviewer.reload()
    reviewer.click("#reply-approve")
    assert reviewer.inner_text("#case-status") == "审核通过"
    assert reviewer.locator("#reply-issue").count() == 0  # the reviewer does not issue

    clerk.reload()
    take_step(clerk, "#reply-issue-button", message="答复书已出具", status="已答复")
    number = clerk.inner_text("#reply-number")
    assert number == "平科依申复〔2026〕1号"
    with clerk.expect_download() as download:
        clerk.click("#issued-letters a:has-text('Word')")
    import docx

    path = download.value.path()
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(path.read_bytes())).paragraphs)
    assert "平湖市科学技术局" in text
    assert number in text
    assert "张三" in text and "2025年度科技项目补助资金分配结果" in text
    assert "第三十六条第（二）项" in text  # the outcome's legal basis
    assert "于2026年3月2日以电子邮件发送至申请人邮箱" in text
    assert "60日内向平湖市人民政府申请行政复议" in text and "6个月内" in text  # the remedies

    clerk.select_option("#reply-delivery select[name=method]", "email")
    clerk.fill("#reply-delivery textarea[name=log]", "2026-03-02 15:10 发送至 zhangsan@example.com")
    take_step(clerk, "#delivery-submit", message="已登记送达", status="已办结")
    assert "电子邮件" in clerk.inner_text("#deliveries")
    shot(clerk, "reply-closed-desktop")

    phone = open_page(PHONE)
    login(phone, "clerk")
    phone.goto(case_url)
    assert phone.locator("#issued-letters").is_visible()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"] + 1  # nothing forces sideways scrolling on a phone
    shot(phone, "reply-closed-phone")

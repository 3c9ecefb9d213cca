"""Issue 7's browser scenarios: publishing with the scan and the review chain, finding it on
the portal, withdrawal, and the ledger's overdue line -- in chromium against the live server."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from browser_helpers import PHONE, login, shot

from disclosuretesting import _fresh_cache, make_item, science_catalogue

__all__ = ["_fresh_cache", "make_item", "science_catalogue"]

pytestmark = pytest.mark.django_db(transaction=True)

ID_NUMBER = "110101199001011237"


def _review(page: Any, url: str, expected_step: str) -> None:
    page.goto(url)
    assert expected_step in page.inner_text("#review-form legend")
    page.check("#review_conclusion_0")  # 同意
    page.fill("#review_opinion", "同意")
    page.click("#do-review")
    assert "审核意见已记录" in page.inner_text(".messages")


def test_draft_scan_redact_review_publish_search_withdraw(
    open_page: Any, people: Any, agencies: Any, make_user: Any
) -> None:
    make_user("reviewer2", (agencies["science"], "reviewer"))
    clerk = open_page()
    login(clerk, "clerk")
    clerk.goto("/work/disclosure/new/")
    clerk.select_option("#id_category", label="政策文件 / 其他文件")
    clerk.fill("#id_title", "关于公布星创天地认定结果的通知")
    clerk.fill("#id_written_on", "2026-03-02")
    clerk.fill("#id_body", f"经评审，认定如下。联系人李四，身份证号{ID_NUMBER}。")
    clerk.click("#item-form button[type=submit]")
    assert "已登记，索引号" in clerk.inner_text(".messages")
    url = clerk.url
    # The messages are at the top of <main>: wait until the whole page is in before reading it.
    clerk.wait_for_load_state()
    assert "2026-03-30" in clerk.inner_text("main")  # 第二十六条: 20 working days after 2 March

    clerk.click("#do-scan")
    assert "发现" in clerk.inner_text(".messages")
    assert "居民身份证号码" in clerk.inner_text("#findings")
    clerk.click("#do-submit")
    assert "还有未处理的敏感信息" in clerk.inner_text(".messages")
    shot(clerk, "disclosure-scan-finding")
    clerk.click("#do-redact")
    assert "已删除" in clerk.inner_text(".messages")
    assert ID_NUMBER not in clerk.inner_text("#item-body")
    clerk.click("#do-submit")
    assert clerk.inner_text("#item-status") == "审核中"

    reviewer = open_page()
    login(reviewer, "reviewer")
    _review(reviewer, url, "科室负责人审核")
    # Issue 17: 保密审查 is another person's check.
    secrecy = open_page()
    login(secrecy, "reviewer2")
    _review(secrecy, url, "保密审查")
    head = open_page()
    login(head, "head")
    _review(head, url, "分管领导审批")
    assert "保密审查：reviewer2 同意" in head.inner_text("#reviews")

    clerk.goto(url)
    clerk.click("#do-publish")
    assert clerk.inner_text("#item-status") == "已发布"
    shot(clerk, "disclosure-published")

    public = open_page()
    public.goto("/open/")
    public.fill("#portal-q", "星创天地")
    public.press("#portal-q", "Enter")
    assert public.inner_text("#total") == "1"
    assert public.locator("#results mark").first.inner_text() == "星创天地"
    shot(public, "portal-search-desktop")
    public.click("#results a")
    assert "关于公布星创天地认定结果的通知" in public.inner_text("h1")
    assert ID_NUMBER not in public.inner_text("main")

    clerk.click("#withdraw summary")
    clerk.fill("#withdraw_reason", "认定结果有误，待更正")
    clerk.click("#do-withdraw")
    assert clerk.inner_text("#item-status") == "已撤回"
    public.reload()
    assert "该信息已撤回" in public.inner_text("main")
    public.goto("/search/?q=星创天地")
    assert public.inner_text("#total") == "0"


def test_ledger_shows_an_overdue_item(open_page: Any, people: Any, agencies: Any, make_item: Any) -> None:
    from gongkai.web.disclosure import actions

    actions.do_add_ledger_entry(
        agencies["science"],
        {
            "title": "科技项目立项公示",
            "responsible_unit": "科技计划科",
            "frequency": "quarterly",
            "next_due": date(2026, 2, 27),
        },
        acting_user=people["clerk"],
    )
    actions.do_add_ledger_entry(
        agencies["science"],
        {
            "title": "部门预算",
            "responsible_unit": "办公室",
            "frequency": "yearly",
            "next_due": date(2026, 3, 31),
        },
        acting_user=people["clerk"],
    )
    clerk = open_page()
    login(clerk, "clerk")
    clerk.goto("/work/disclosure/ledger/")
    late = clerk.locator("#ledger tr[data-overdue='1']")
    assert late.count() == 1 and "科技项目立项公示" in late.inner_text() and "已逾期" in late.inner_text()
    shot(clerk, "disclosure-ledger")
    # Recording the publication moves the next due date on by a quarter: no longer overdue.
    late.locator("button[name=done]").click()
    assert clerk.locator("#ledger tr[data-overdue='1']").count() == 0
    assert "2026-05-27" in clerk.inner_text("#ledger")
    # An item linked by its 索引号 is listed on its line.
    item = make_item(title="2026年部门预算公开")
    budget = clerk.locator("#ledger tr", has_text="办公室")
    budget.locator("input[name=index_number]").fill(item.index_number)
    budget.locator("button[name=link]").click()
    assert "已关联" in clerk.inner_text(".messages")
    assert "2026年部门预算公开" in clerk.locator("#ledger tr", has_text="办公室").inner_text()


def test_portal_on_a_phone_in_large_text_mode(open_page: Any) -> None:
    page = open_page(PHONE)
    page.goto("/open/")
    page.click("#text-size")
    assert page.get_attribute("#text-size", "aria-pressed") == "true"
    size = page.evaluate("getComputedStyle(document.documentElement).fontSize")
    assert float(size.rstrip("px")) >= 19
    # Nothing wider than the screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # The search box is reachable by keyboard and labelled.
    assert page.locator("label[for=portal-q]").count() == 1
    shot(page, "portal-phone-large-text")

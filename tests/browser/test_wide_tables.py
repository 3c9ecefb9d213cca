"""Issue 17 point 15: wide tables -- the supervisor's 汇总 and 报送情况, a report's tables -- keep
their 总计 column in reach at 1366 px, scroll sideways in a box whose scrollbar is on screen, keep
their column headers in view, and work on a 390 px phone without clipping the page."""

from __future__ import annotations

from typing import Any

import pytest
from browser_helpers import PHONE, shot
from browser_helpers import login_demo as login

pytestmark = pytest.mark.django_db(transaction=True)

WIDE = {"width": 1366, "height": 768}


def _rect(page: Any, selector: str) -> dict[str, float]:
    return dict(page.eval_on_selector(selector, "e => e.getBoundingClientRect().toJSON()"))


def _page_fits(page: Any) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


def test_the_combined_table_shows_its_total_column_at_1366(open_page: Any, demo: Any) -> None:
    page = open_page(WIDE)
    login(page, "gongkaiban")
    page.goto("/work/oversight/2025/combined/")
    assert _page_fits(page)
    grid = "#grid-三"
    page.eval_on_selector(grid, "e => e.scrollIntoView()")
    box = page.eval_on_selector(grid, "e => e.closest('.table-wrap').getBoundingClientRect().toJSON()")
    # The box is no taller than the window: its horizontal scrollbar is on screen with the table.
    assert box["height"] <= WIDE["height"]
    total = page.locator(f"{grid} thead th", has_text="总计").first
    right = total.evaluate("e => e.getBoundingClientRect().right")
    assert right <= box["right"] + 1  # 总计 in view without scrolling sideways
    # The column headers stay on top while the rows scroll under them.
    page.eval_on_selector(grid, "e => e.closest('.table-wrap').scrollTop = 400")
    head = page.eval_on_selector(f"{grid} thead", "e => e.getBoundingClientRect().toJSON()")
    assert head["top"] == pytest.approx(box["top"] + 1, abs=2)
    shot(page, "wide-combined-desktop")


def test_the_year_table_and_the_report_tables_on_a_phone(open_page: Any, demo: Any) -> None:
    from gongkai.web.accounts.models import Agency

    page = open_page(PHONE)
    login(page, "gongkaiban")
    page.goto("/work/oversight/2025/")
    assert _page_fits(page)
    # Each agency is a block of label/value lines, all within the screen; the note too.
    for cell in page.locator("#agencies td").all()[:30]:
        assert cell.evaluate("e => e.getBoundingClientRect().right") <= PHONE["width"]
    assert _rect(page, "#agencies-note")["right"] <= PHONE["width"]
    shot(page, "wide-year-phone")
    page.goto("/work/oversight/2025/combined/")
    assert _page_fits(page)
    # The grid scrolls inside its own box, which stays within the screen.
    wrap = "#grid-三"
    assert page.eval_on_selector(
        wrap, "e => e.closest('.table-wrap').scrollWidth > e.closest('.table-wrap').clientWidth"
    )
    assert (
        page.eval_on_selector(wrap, "e => e.closest('.table-wrap').getBoundingClientRect().right")
        <= PHONE["width"]
    )
    clerk = open_page(PHONE)
    login(clerk, "kj_clerk")
    science = Agency.objects.get(short_name="平科")
    clerk.goto(f"/work/annual/{science.pk}/2025/")
    assert _page_fits(clerk)
    assert (
        clerk.eval_on_selector("#table3", "e => e.closest('.table-wrap').getBoundingClientRect().right")
        <= PHONE["width"]
    )
    shot(clerk, "wide-annual-phone")

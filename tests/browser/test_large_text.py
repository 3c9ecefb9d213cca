"""Issue 17 point 7: 大字模式 and the browser's own text size scale all text alike -- titles,
links, body text and the grey metadata -- and the content stays aligned with the header."""

from __future__ import annotations

from typing import Any

import pytest
from browser_helpers import PHONE, shot

from disclosuretesting import _fresh_cache, make_item, publish, science_catalogue

__all__ = ["_fresh_cache", "make_item", "publish", "science_catalogue"]

pytestmark = pytest.mark.django_db(transaction=True)

WIDE = {"width": 1366, "height": 768}
#: What is measured on /open/: the page title (h2 of a card), an item's link, body text, the
#: grey metadata, the portal's navigation link.
PARTS = {
    "heading": "#latest-h",
    "link": ".entries li a",
    "body": ".entries li",
    "metadata": ".entries .muted",
    "nav": ".portal-bar nav a",
}


def _sizes(page: Any) -> dict[str, float]:
    return {
        part: float(page.eval_on_selector(sel, "e => parseFloat(getComputedStyle(e).fontSize)"))
        for part, sel in PARTS.items()
    }


def _left(page: Any, selector: str) -> float:
    return float(page.eval_on_selector(selector, "e => e.getBoundingClientRect().left"))


@pytest.fixture
def item_published(make_item: Any, publish: Any) -> Any:
    return publish(make_item())


def test_large_text_scales_every_kind_of_text_alike(open_page: Any, item_published: Any) -> None:
    page = open_page(WIDE)
    page.goto("/open/")
    normal = _sizes(page)
    assert normal["body"] == pytest.approx(15, abs=0.1)  # .9375rem of the browser's 16 px
    main_left = _left(page, "main > .card")
    assert main_left == pytest.approx(_left(page, ".site-header .brand") - 0, abs=1)
    page.click("#text-size")
    page.wait_for_load_state()
    assert page.get_attribute("#text-size", "aria-pressed") == "true"
    large = _sizes(page)
    assert "{#" not in page.inner_text("main")  # no template comment leaks into the page
    for part, size in normal.items():
        assert large[part] / size == pytest.approx(1.25, rel=0.02), (part, size, large[part])
    # The content still starts where the header does.
    assert _left(page, "main > .card") == pytest.approx(_left(page, ".site-header .brand"), abs=1)
    shot(page, "large-text-desktop")
    phone = open_page(PHONE)
    phone.context.add_cookies(
        [{"name": c["name"], "value": c["value"], "url": page.url} for c in page.context.cookies()]
    )
    phone.goto("/open/")
    assert (
        phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    )  # nothing clipped sideways
    shot(phone, "large-text-phone")


def test_the_browsers_own_text_size_is_honoured(open_page: Any, item_published: Any) -> None:
    page = open_page(WIDE)
    page.goto("/open/")
    normal = _sizes(page)
    # The reader set 20 px instead of 16 px as the browser's default font size.
    cdp = page.context.new_cdp_session(page)
    cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 20, "fixed": 16}})
    page.reload()
    larger = _sizes(page)
    for part, size in normal.items():
        assert larger[part] / size == pytest.approx(20 / 16, rel=0.02), (part, size, larger[part])
    for path in ("/", "/work/", "/login/"):
        page.goto(path)
        assert page.eval_on_selector(
            "body", "e => parseFloat(getComputedStyle(e).fontSize)"
        ) == pytest.approx(20 * 15 / 16, abs=0.1)

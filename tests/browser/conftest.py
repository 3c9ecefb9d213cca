"""Browser tests: Playwright driving Debian's chromium against pytest-django's live server.

Skipped locally when /usr/bin/chromium is absent (``require`` fails instead on CI, where
.ci/run installs it). The views' time seam is fixed to Monday 2 March 2026, so the deadlines the
tests read do not depend on the day they run.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from webtesting import configure_environment

configure_environment()
# Playwright's sync API runs an event loop in this thread; Django's ORM calls from the test
# (setting up personas) would otherwise be refused as "async unsafe".
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "1"

from browser_helpers import DESKTOP, require  # noqa: E402

from webtesting import (  # noqa: E402
    DEMO_TODAY,
    DemoCity,
    agencies,
    applicant,
    configure,
    demo_city,
    demo_module,
    make_user,
    people,
    pytest_runtest_teardown,
    set_today,
    submit,
)

__all__ = ["agencies", "applicant", "demo_city", "make_user", "people", "pytest_runtest_teardown", "submit"]

CHROMIUM = Path("/usr/bin/chromium")


def pytest_configure(config: pytest.Config) -> None:
    configure(config)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    require(CHROMIUM.exists(), f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def clock(monkeypatch: Any) -> Callable[[date], None]:
    """Set the views' "today" (the live server runs in this process, so the seam applies)."""

    def today(day: date) -> None:
        set_today(monkeypatch, day)

    today(date(2026, 3, 2))
    return today


@pytest.fixture
def demo(demo_city: DemoCity, django_db_blocker: Any, clock: Any) -> Iterator[list[tuple[str, str, str]]]:
    """The demo city (built once per session, copied in per test), seen on the day it was built for."""
    clock(DEMO_TODAY)
    yield from demo_module(django_db_blocker, demo_city)


@pytest.fixture
def open_page(browser: Any, live_server: Any, clock: Any) -> Iterator[Callable[..., Any]]:
    contexts = []

    def make(viewport: dict[str, int] = DESKTOP) -> Any:
        context = browser.new_context(viewport=viewport, locale="zh-CN", base_url=live_server.url)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()

"""Helpers of the browser tests (a plain module: tests/ is not a package)."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from typing import Any

SHOTS = Path(os.environ.get("GONGKAI_SCREENSHOTS", "/tmp/gongkai-screenshots"))
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

# ``require`` of tests/conftest.py (skips locally, fails on CI); loaded by path because every
# conftest module is called "conftest".
_spec = importlib.util.spec_from_file_location(
    "gongkai_tests_conftest", Path(__file__).parent.parent / "conftest.py"
)
assert _spec is not None and _spec.loader is not None
_root = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_root)
require = _root.require


def login(page: Any, username: str) -> None:
    page.goto("/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "pw-" + username)
    page.click("button[type=submit]")
    page.wait_for_url("**/work/")


def login_demo(page: Any, username: str) -> None:
    """Sign in as one of the demo city's accounts (gongkai.web.demo.people)."""
    from gongkai.web.demo.people import PASSWORD

    page.goto("/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/work/")


def take_step(page: Any, button: str, *, message: str, status: str) -> None:
    """Press ``button`` on the case page, then check the flash ``message`` and the case status the
    step leads to."""
    page.click(button)
    assert message in page.inner_text(".messages")
    assert page.inner_text("#case-status") == status


def shot(page: Any, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path

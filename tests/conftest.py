"""Fixtures shared by all tests; plain helpers live in tests/testsupport.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from testsupport import CORPUS, REPO_ROOT, SHARED, require, require_cjk_font

__all__ = ["CORPUS", "REPO_ROOT", "SHARED", "require"]


def pytest_runtest_setup(item: pytest.Item) -> None:
    """``@pytest.mark.cjk_font`` (or ``pytestmark``): the test makes a PDF; without the font it is
    skipped with the reason (a failure on CI)."""
    if item.get_closest_marker("cjk_font") is not None:
        require_cjk_font()


@pytest.fixture
def corpus_dir() -> Path:
    require(CORPUS.is_dir(), f"the shared corpus is not at {CORPUS} (it sits beside the repository on CI)")
    return CORPUS

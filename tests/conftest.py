"""Fixtures shared by all tests; plain helpers live in tests/testsupport.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from testsupport import CORPUS, REPO_ROOT, SHARED, require

__all__ = ["CORPUS", "REPO_ROOT", "SHARED", "require"]


@pytest.fixture
def corpus_dir() -> Path:
    require(CORPUS.is_dir(), f"the shared corpus is not at {CORPUS} (it sits beside the repository on CI)")
    return CORPUS

"""Shared test helpers.

Tests that need ../shared/ (the reference corpus) skip with a reason when it is absent, so that
`make test` passes on a fresh clone. On CI (CI=true) shared/ is always present, and a missing
corpus or system dependency is a failure rather than a skip.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = REPO_ROOT.parent / "shared"
CORPUS = SHARED / "corpus"


def require(condition: bool, reason: str) -> None:
    """Skip the test with ``reason`` unless ``condition`` holds; on CI, fail instead of skipping."""
    if condition:
        return
    if os.environ.get("CI"):
        pytest.fail(f"required on CI: {reason}")
    pytest.skip(reason)


@pytest.fixture
def corpus_dir() -> Path:
    require(CORPUS.is_dir(), f"the shared corpus is not at {CORPUS} (it sits beside the repository on CI)")
    return CORPUS

"""Helpers shared by all tests, importable as ``from testsupport import ...``.

(Not in conftest.py: several folders have their own conftest.py, and ``from conftest import``
would pick whichever pytest loaded first. pyproject's ``pythonpath = ["tests"]`` makes this
module importable from every test folder.)

Tests that need ../shared/ (the reference corpus) or a system package skip with a reason when it
is absent, so that `make test` passes on a fresh clone. On CI (CI=true) they must be present, and
a missing corpus or dependency is a failure rather than a skip.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

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


def assert_refused(read: Callable[[Path], object], path: Path, content: bytes | None, message: str) -> None:
    """``read(path)`` raises a GongkaiError saying ``message`` when ``path`` holds ``content`` (or, for
    None, when there is no such file)."""
    from gongkai.errors import GongkaiError

    if content is not None:
        path.write_bytes(content)
    with pytest.raises(GongkaiError, match=message):
        read(path)


def assert_exact_spans(text: str, labels: Iterable[Any]) -> None:
    """Labelled spans of ``text`` (anything with ``start``, ``end`` and ``text``: entities, decoys)
    are exact: each is its slice of ``text``, not empty and without surrounding white space, and no
    two overlap."""
    spans = sorted((label.start, label.end, label.text) for label in labels)
    for start, end, value in spans:
        assert text[start:end] == value and value and value == value.strip()
    for (_, end, a), (start, _, b) in itertools.pairwise(spans):
        assert end <= start, (a, b, text)


#: The official texts of the 2023–2026 State Council holiday notices.
HOLIDAY_NOTICES = SHARED / "reference" / "holiday-notices.md"


def official_notice(year: int) -> str:
    """The text of ``year``'s holiday notice as published, from its heading to the signature date
    (skips where ../shared is absent)."""
    require(
        HOLIDAY_NOTICES.is_file(),
        f"the holiday notices are not at {HOLIDAY_NOTICES} (../shared sits beside the repository)",
    )
    for part in re.split(r"^## ", HOLIDAY_NOTICES.read_text(encoding="utf-8"), flags=re.MULTILINE)[1:]:
        if part.startswith(f"国务院办公厅关于{year}年"):
            return part.split("\n---", 1)[0]
    raise AssertionError(f"no {year} notice in {HOLIDAY_NOTICES}")


#: Why a test that makes a PDF (a letter, a receipt, a published annual report, the demo city)
#: is skipped on a machine without the font (see gongkai.report.render.fonts).
NO_CJK_FONT = (
    "no CJK TrueType font for PDF output: install fonts-wqy-zenhei (apt-get install fonts-wqy-zenhei "
    "fonts-arphic-uming) or set GONGKAI_CJK_FONT"
)


def require_cjk_font() -> None:
    """Skip (fail on CI) unless a PDF can be made here: issuing a letter, publishing an annual
    report, a receipt PDF and building the demo city all embed the CJK font."""
    from gongkai.report.render.fonts import cjk_font_available

    require(cjk_font_available(), NO_CJK_FONT)


def measure_volume(cases: Iterable[Any]) -> tuple[Any, int]:
    """The detector on a labelled volume (``HoldoutCase`` values): its evaluation and how many
    decoys a finding overlaps; for the floor tests of the seen volumes."""
    from gongkai.sensitive import detect
    from gongkai.sensitive.labelled import evaluate

    cases = list(cases)
    found = {case.document.text: detect(case.document.text) for case in cases}
    result = evaluate([case.document for case in cases], found.__getitem__)
    flagged = sum(
        any(f.start < decoy.end and decoy.start < f.end for f in found[case.document.text])
        for case in cases
        for decoy in case.decoys
    )
    return result, flagged

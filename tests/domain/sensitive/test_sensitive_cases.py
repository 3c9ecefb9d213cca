"""The detector on the short texts of ``cases/*.toml``: each text gives exactly the spans listed.

The tables hold our own examples of each kind of error the corpora showed (issue 14); the corpora
are the measurement, not the tests. ``support.detection`` says how a table is written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.detection import DetectionCase, detection_cases, found

CASES = {
    f"{path.stem}.{key}": case
    for path in sorted((Path(__file__).parent / "cases").glob("*.toml"))
    for key, case in detection_cases(path).items()
}


def test_every_case_file_has_cases() -> None:
    stems = {key.split(".", 1)[0] for key in CASES}
    assert stems == {"forms", "general_kinds", "published_kinds", "running_text", "volume_b_kinds",
                      "volume_c_kinds"}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_case(case: DetectionCase) -> None:
    spans = found(case.text, *case.kinds)
    if case.any_order:
        assert sorted(spans) == sorted(case.expected)
    else:
        assert spans == case.expected

"""Short fuzzing of every reader (the long run is bench/fuzz_readers.py --minutes N).

Each input -- a mutated seed of the format, or random bytes -- must give a report or a
GongkaiError: no other exception, no hang. Derandomized so that the normal suite is repeatable;
the long run explores.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from fuzz_inputs import FORMATS, check_input, mutate, seeds
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from gongkai.report.batch import FailureKind, check_paths
from gongkai.report.summary import write_html, write_xlsx
from testsupport import require

# Damaged workbooks make openpyxl warn; whether the reader then answers properly is what is tested.
pytestmark = pytest.mark.filterwarnings("ignore::UserWarning:openpyxl")

# Few examples per format: the suite runs on every change; binary formats are slower to read.
EXAMPLES = {"pdf": 15, "docx": 20, "xlsx": 15}
LIMIT_SECONDS = 20.0


def _settings(fmt: str) -> settings:
    return settings(
        max_examples=EXAMPLES.get(fmt, 50),
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_mutated_files_give_a_report_or_a_clear_error(fmt: str) -> None:
    pool = seeds(fmt)
    # PDF seeds need the CJK font the renderer embeds (.ci/run installs it): skip here, fail on CI.
    require(bool(pool), f"no {fmt} seed could be made on this machine (for PDF: install fonts-wqy-zenhei)")

    @_settings(fmt)
    @given(st.sampled_from(pool), st.randoms(use_true_random=False))
    def run(seed: bytes, rng: random.Random) -> None:
        _, problem = check_input(mutate(seed, fmt, rng), LIMIT_SECONDS)
        assert problem is None, f"{problem.kind}: {problem.detail}"

    run()


@settings(max_examples=100, deadline=None, derandomize=True, database=None)
@given(st.binary(max_size=4096))
def test_random_bytes_give_a_clear_error(data: bytes) -> None:
    outcome, problem = check_input(data, LIMIT_SECONDS)
    assert problem is None, f"{problem.kind}: {problem.detail}"
    assert outcome in ("report", "error")


def test_the_property_check_catches_what_it_must() -> None:
    # The harness itself: a GongkaiError passes, anything else is a problem, a hang is a timeout.
    assert check_input(b"")[0] == "error"
    assert check_input(seeds("json")[0])[0] == "report"


def test_a_batch_of_mutated_files_is_checked_and_summarised(tmp_path: Path) -> None:
    # Damaged files all the way to the summaries: odd agency names and raw text must not break them.
    rng = random.Random(7)
    for i in range(24):
        fmt = ("text", "html", "json", "markdown")[i % 4]
        suffix = {"text": "txt", "markdown": "md"}.get(fmt, fmt)
        (tmp_path / f"{i:02d}.{suffix}").write_bytes(mutate(rng.choice(seeds(fmt)), fmt, rng))
    result = check_paths([tmp_path], workers=2, progress=False, expected=["示例市示例局"])
    assert len(result.files) == 24
    assert all(f.failure in (None, FailureKind.UNREADABLE) for f in result.files), [
        f.error for f in result.files if f.failure not in (None, FailureKind.UNREADABLE)
    ]
    write_xlsx(result, tmp_path / "s.xlsx")
    write_html(result, tmp_path / "s.html")
    assert load_workbook(tmp_path / "s.xlsx")["报告一览"].max_row == 25

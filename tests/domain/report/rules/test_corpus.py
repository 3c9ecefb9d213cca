"""The corpus' expected JSON: 000, 001 and 003 have no table errors; 002's table 4 does not balance."""

from __future__ import annotations

from pathlib import Path

import pytest
from rules_testkit import errors, findings

from gongkai.report import jsonio
from gongkai.report.naming import cell_label
from gongkai.report.rules import Severity

BALANCED = ["000_e8025cd57936e9f9", "001", "003"]


@pytest.mark.parametrize("stem", BALANCED)
def test_corpus_reports_without_table_errors(corpus_dir: Path, stem: str) -> None:
    report = jsonio.load(corpus_dir / f"{stem}.expected.json")
    assert errors(report) == []


def test_corpus_002_table_4_does_not_balance_and_nothing_else_is_an_error(corpus_dir: Path) -> None:
    report = jsonio.load(corpus_dir / "002.expected.json")
    found = errors(report)
    assert [(f.rule, f.cells[-1], f.expected, f.actual) for f in found] == [
        ("T4-GROUP-SUM", "table4.reconsideration.total", 11, 0),
        ("T4-GROUP-SUM", "table4.litigation_after_reconsideration.total", 5, 0),
    ]


@pytest.mark.parametrize("stem", ["002", "003"])
def test_corpus_002_and_003_kept_the_2019_other_row(corpus_dir: Path, stem: str) -> None:
    report = jsonio.load(corpus_dir / f"{stem}.expected.json")
    assert [f.severity for f in findings(report, "TEMPLATE-2019-LAYOUT")] == [Severity.WARNING]


@pytest.mark.parametrize("stem", BALANCED)
def test_one_changed_cell_fails_with_a_message_naming_that_cell(corpus_dir: Path, stem: str) -> None:
    report = jsonio.load(corpus_dir / f"{stem}.expected.json")
    cells = [(p, v) for p, v in report.cells() if p.startswith(("table3.", "table4.")) and v is not None]
    assert len(cells) >= 23 * 7 + 15  # the 2019 layout has 23 rows, the 2021 one 25
    for path, value in cells:
        assert isinstance(value, int)
        changed = report.with_cell(path, value + 1)
        named = [
            f
            for f in errors(changed)
            if path in f.cells and (cell_label(path) in f.message or path in f.message)
        ]
        assert named, path


def test_corpus_003_with_002_as_previous_year(corpus_dir: Path) -> None:
    # Same agency, 2023 then 2024: nothing carried over, 规范性文件 5 + 3 − 0 = 8 in force.
    previous = jsonio.load(corpus_dir / "002.expected.json")
    report = jsonio.load(corpus_dir / "003.expected.json")
    for rule_id in ("XYEAR-CARRY", "XYEAR-IN-FORCE", "XYEAR-PERIOD", "XYEAR-AGENCY"):
        assert findings(report, rule_id, previous) == [], rule_id
    carried = report.with_cell("table3.carried.natural", 1)
    (finding,) = findings(carried, "XYEAR-CARRY", previous)
    assert finding.cells == ("table3.carried.natural", "previous.table3.carry_next.natural")

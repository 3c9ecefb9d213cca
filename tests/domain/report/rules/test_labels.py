"""T3-LABEL: table-3 row labels printed otherwise than the national format (国办公开办函〔2021〕30号)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from rules_testkit import base_report, findings

from gongkai.report import jsonio
from gongkai.report.model import AnnualReport
from gongkai.report.read import read_report
from gongkai.report.rules import Severity


def with_labels(**labels: str) -> AnnualReport:
    report = base_report()
    return replace(report, meta={**report.meta, "table3_labels": labels})


def test_the_national_wording_passes_whatever_the_spacing_width_and_quotes() -> None:
    report = with_labels(
        deny_secret="1.属于国家秘密",
        deny_safety='3.危及"三安全一稳定"',
        granted="(一)予以公开",
        total="（七） 总计",
    )
    assert findings(report, "T3-LABEL") == []


def test_a_misprinted_label_names_the_row_and_the_expected_label() -> None:
    (finding,) = findings(with_labels(deny_law="2.其他法律行政止公开"), "T3-LABEL")
    assert finding.severity is Severity.WARNING
    assert finding.cells == ("table3.deny_law",)
    assert finding.expected == "2.其他法律行政法规禁止公开" and finding.actual == "2.其他法律行政止公开"
    assert "“2.其他法律行政止公开”" in finding.message and "“2.其他法律行政法规禁止公开”" in finding.message


def test_other_numbering_is_a_difference() -> None:
    (finding,) = findings(with_labels(other_other="3、其他"), "T3-LABEL")
    assert finding.expected == "3.其他"


def test_a_report_without_printed_labels_is_not_assessed_and_not_flagged() -> None:
    assert findings(base_report(), "T3-LABEL") == []
    assert findings(with_labels(unknown_row="x", deny_law=""), "T3-LABEL") == []


@pytest.mark.parametrize(
    ("name", "rows"),
    [
        ("001.pdf", ["other_overdue_correction", "other_overdue_fee", "other_other"]),  # "1、/2、/3、"
        ("002.pdf", ["deny_law"]),  # "2.其他法律行政止公开"
        ("003.pdf", ["deny_law"]),
        ("000_e8025cd57936e9f9.txt", []),
    ],
)
def test_corpus_label_warnings(corpus_dir: Path, name: str, rows: list[str]) -> None:
    report = read_report(corpus_dir / name)
    assert [f.cells for f in findings(report, "T3-LABEL")] == [(f"table3.{row}",) for row in rows]


def test_the_printed_labels_survive_the_json_round_trip(corpus_dir: Path) -> None:
    report = jsonio.loads(jsonio.dumps(read_report(corpus_dir / "002.pdf")))
    assert [f.cells for f in findings(report, "T3-LABEL")] == [("table3.deny_law",)]

"""Table rules: 勾稽关系, the total row, row sums, table 4 groups, non-negative counts and fees."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from rules_testkit import base_report, findings

from gongkai.report.model import (
    OTHER_SPLIT_KEYS,
    AnnualReport,
    ApplicantCounts,
    Table3,
    Template,
)
from gongkai.report.naming import cell_label
from gongkai.report.rules import Severity
from gongkai.report.samples import balanced_report


def _broken(report: AnnualReport, path: str, delta: int) -> AnnualReport:
    value = dict(report.cells())[path]
    assert isinstance(value, int)
    return report.with_cell(path, value + delta)


HOLDS_AND_BREAKS = [
    # 勾稽关系: one more new application (自然人) without an outcome breaks 一+二 = 三（七）+四.
    ("T3-BALANCE", "table3.new.natural", 1, ["table3.new.natural", "table3.total.natural"]),
    # 勾稽关系 in the 总计 column: 四、结转下年度 too small.
    ("T3-BALANCE", "table3.carry_next.total", -1, ["table3.carry_next.total"]),
    # （七）总计 is not the sum of the outcome rows when one outcome grows.
    (
        "T3-TOTAL-SUM",
        "table3.granted.commercial",
        1,
        ["table3.total.commercial", "table3.granted.commercial"],
    ),
    # the 2021 （六）2 row counts in （七）总计.
    (
        "T3-TOTAL-SUM",
        "table3.other_overdue_fee.total",
        2,
        ["table3.total.total", "table3.other_overdue_fee.total"],
    ),
    # a row whose 总计 is not the sum of its six applicant columns.
    (
        "T3-ROW-SUM",
        "table3.unable_nodata.total",
        1,
        ["table3.unable_nodata.total", "table3.unable_nodata.natural"],
    ),
    # table 4: 行政复议 总计 differs from 维持+纠正+其他+尚未审结.
    ("T4-GROUP-SUM", "table4.reconsideration.total", 1, ["table4.reconsideration.total"]),
    # table 4: a litigation group's part changes.
    ("T4-GROUP-SUM", "table4.litigation_direct.pending", 2, ["table4.litigation_direct.pending"]),
]


@pytest.mark.parametrize(("rule_id", "path", "delta", "cells"), HOLDS_AND_BREAKS)
def test_rule_holds_on_a_balanced_report_and_catches_the_change(
    rule_id: str, path: str, delta: int, cells: list[str]
) -> None:
    report = base_report()
    assert findings(report, rule_id) == []
    found = findings(_broken(report, path, delta), rule_id)
    assert [f.severity for f in found] == [Severity.ERROR]
    assert set(cells) <= set(found[0].cells)
    assert found[0].expected is not None and found[0].actual is not None
    assert found[0].expected != found[0].actual
    assert found[0].source and not found[0].cannot_assess


def test_balance_message_names_column_and_cells_with_expected_and_actual() -> None:
    report = base_report()
    new = report.table3.cell("new", "natural")
    assert new is not None
    (finding,) = findings(report.with_cell("table3.new.natural", new + 3), "T3-BALANCE")
    assert "“自然人”列" in finding.message
    assert cell_label("table3.new.natural") in finding.message
    assert finding.cells == (
        "table3.new.natural",
        "table3.carried.natural",
        "table3.total.natural",
        "table3.carry_next.natural",
    )
    assert finding.actual is not None and finding.expected == finding.actual + 3  # type: ignore[operator]


CANNOT_ASSESS = [
    # a blank cell in the 勾稽关系 of one column.
    ("T3-BALANCE", "table3.carried.research"),
    # a blank outcome cell: （七）总计 of that column cannot be checked.
    ("T3-TOTAL-SUM", "table3.deny_secret.other"),
    # a blank 总计 cell in a row.
    ("T3-ROW-SUM", "table3.partial.total"),
    # a blank cell in table 4.
    ("T4-GROUP-SUM", "table4.litigation_after_reconsideration.upheld"),
]


@pytest.mark.parametrize(("rule_id", "path"), CANNOT_ASSESS)
def test_a_missing_cell_is_cannot_assess_never_pass_or_failure(rule_id: str, path: str) -> None:
    found = findings(base_report().with_cell(path, None), rule_id)
    assert len(found) == 1
    assert found[0].severity is Severity.INFO and found[0].cannot_assess
    assert found[0].message.startswith("无法核对：")
    assert path in found[0].cells


def test_the_2019_single_other_row_is_summed_when_the_report_uses_it() -> None:
    # Corpus 002/003: a 2021 report that kept the single （六）其他处理 row, the three sub-rows blank.
    report = balanced_report(3, year=2020, template=Template.Y2019, new=60)
    rows = {**report.table3.rows, **{k: ApplicantCounts() for k in OTHER_SPLIT_KEYS}}
    kept_layout = replace(report, template=Template.Y2021, table3=Table3(rows))
    assert findings(kept_layout, "T3-TOTAL-SUM") == []
    assert findings(kept_layout, "T3-ROW-SUM") == []
    other = kept_layout.table3.cell("other", "total")
    assert other is not None
    broken = kept_layout.with_cell("table3.other.total", other + 1)
    assert [f.rule for f in findings(broken, "T3-TOTAL-SUM")] == ["T3-TOTAL-SUM"]


def test_a_2021_report_without_any_other_rows_misses_its_template_rows() -> None:
    report = base_report()
    rows = {k: v for k, v in report.table3.rows.items() if k not in OTHER_SPLIT_KEYS}
    (finding,) = findings(replace(report, table3=Table3(rows)), "T3-TOTAL-SUM")
    assert finding.cannot_assess
    assert "table3.other_overdue_fee.total" in finding.cells


NONNEG = [
    # a negative count in table 3.
    ("table3.granted.natural", -1),
    # a negative count in table 2.
    ("table2.regulations.issued", -2),
    # a negative count in table 4.
    ("table4.reconsideration.pending", -5),
    # a negative decision count in table 2.
    ("table2.penalty", -1),
]


@pytest.mark.parametrize(("path", "value"), NONNEG)
def test_negative_counts_are_errors_naming_the_cell(path: str, value: int) -> None:
    report = base_report()
    assert findings(report, "CELL-NONNEG") == []
    (finding,) = findings(report.with_cell(path, value), "CELL-NONNEG")
    assert finding.severity is Severity.ERROR
    assert finding.cells == (path,)
    assert cell_label(path) in finding.message
    assert finding.actual == value


def test_no_counts_at_all_cannot_be_assessed() -> None:
    empty = AnnualReport(agency=None, year=2023)
    (finding,) = findings(empty, "CELL-NONNEG")
    assert finding.cannot_assess


FEES = [
    # zero fees hold.
    (Decimal("0"), None),
    # a fee with cents holds.
    (Decimal("12.34"), None),
    # a negative fee is an error.
    (Decimal("-0.5"), Severity.ERROR),
    # not a number (a Decimal NaN) is an error.
    (Decimal("NaN"), Severity.ERROR),
    # a missing fee cannot be assessed.
    (None, Severity.INFO),
]


@pytest.mark.parametrize(("fees", "severity"), FEES)
def test_fees_are_a_non_negative_amount(fees: Decimal | None, severity: Severity | None) -> None:
    found = findings(base_report().with_cell("table2.fees_10k_yuan", fees), "FEES-NONNEG")
    assert [f.severity for f in found] == ([] if severity is None else [severity])
    if found:
        assert found[0].cells == ("table2.fees_10k_yuan",)


def test_a_negative_count_next_to_a_blank_cell_is_still_found() -> None:
    report = base_report().with_cell("table3.granted.research", None).with_cell("table3.granted.natural", -4)
    (finding,) = findings(report, "CELL-NONNEG")
    assert finding.cells == ("table3.granted.natural",) and finding.actual == -4

"""Template detection and the warning for a 2021-or-later report in the 2019 layout."""

from __future__ import annotations

from dataclasses import replace

import pytest
from rules_testkit import base_report, findings

from gongkai.report.model import OTHER_SPLIT_KEYS, AnnualReport, ApplicantCounts, Table3, Template
from gongkai.report.rules import Severity
from gongkai.report.samples import balanced_report


def _kept_2019_layout(year: int) -> AnnualReport:
    """A report declared "2021" (its table 2) that kept the single （六）其他处理 row, like corpus 002/003."""
    report = balanced_report(5, year=year, template=Template.Y2019)
    rows = {**report.table3.rows, **{k: ApplicantCounts() for k in OTHER_SPLIT_KEYS}}
    return replace(report, template=Template.Y2021, table3=Table3(rows))


DETECT = [
    # a 2021 report in the 2021 format: info naming the format and the split （六） rows.
    (base_report(), Severity.INFO, "三个子项"),
    # the 2019 trial format with its single （六） row.
    (balanced_report(1, year=2020, template=Template.Y2019), Severity.INFO, "单行"),
    # a 2021-format declaration with the 2019 （六） row: info saying both.
    (_kept_2019_layout(2023), Severity.INFO, "单行"),
    # declared 2019 but the table uses the three 2021 rows: contradictory, a warning.
    (replace(base_report(), template=Template.Y2019), Severity.WARNING, "2021年格式的写法"),
]


@pytest.mark.parametrize(("report", "severity", "reason"), DETECT)
def test_template_detect_says_which_template_and_why(
    report: AnnualReport, severity: Severity, reason: str
) -> None:
    (finding,) = findings(report, "TEMPLATE-DETECT")
    assert finding.severity is severity
    assert reason in finding.message
    assert finding.actual == report.template.value


def test_both_layouts_filled_in_is_a_warning() -> None:
    report = base_report()
    both = replace(report, table3=Table3({**report.table3.rows, "other": ApplicantCounts.zeros()}))
    (finding,) = findings(both, "TEMPLATE-DETECT")
    assert finding.severity is Severity.WARNING
    assert "table3.other.total" in finding.cells


LAYOUT = [
    # a 2023 report with the 2021 rows: fine.
    (base_report(), []),
    # a 2020 report in the 2019 trial format: fine, that was the format then.
    (balanced_report(1, year=2020, template=Template.Y2019), []),
    # a 2023 report that kept the single （六） row (corpus 002): warning.
    (_kept_2019_layout(2023), [Severity.WARNING]),
    # a 2021 report declared in the 2019 format: warning.
    (balanced_report(1, year=2021, template=Template.Y2019), [Severity.WARNING]),
    # no year: cannot assess.
    (replace(base_report(), year=None), [Severity.INFO]),
]


@pytest.mark.parametrize(("report", "severities"), LAYOUT)
def test_2019_layout_after_2021_is_a_warning(report: AnnualReport, severities: list[Severity]) -> None:
    found = findings(report, "TEMPLATE-2019-LAYOUT")
    assert [f.severity for f in found] == severities
    if severities == [Severity.WARNING]:
        assert found[0].expected == "2021" and found[0].actual == "2019"
        assert "2021年格式" in found[0].message

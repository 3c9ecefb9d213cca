"""Cross-year rules: 上年结转 against last year's 结转下年度, 现行有效 件数, and the pairing itself."""

from __future__ import annotations

from dataclasses import replace

import pytest
from rules_testkit import findings

from gongkai.report.model import AnnualReport, ApplicantCounts, DocumentCounts, Table3
from gongkai.report.rules import Severity
from gongkai.report.samples import balanced_report


def _pair() -> tuple[AnnualReport, AnnualReport]:
    """Two consecutive years of one agency where every cross-year relation holds."""
    previous = balanced_report(11, year=2022)
    current = balanced_report(12, year=2023)
    carry = previous.table3.row("carry_next")
    # Make this year's 上年结转 last year's 结转下年度 (and keep 勾稽关系 by moving the difference into 四).
    rows = dict(current.table3.rows)
    rows["carried"] = carry
    current = replace(current, table3=Table3(rows))
    t2 = current.table2
    docs = {
        key: DocumentCounts(
            issued=2,
            abolished=1,
            in_force=(previous.table2.documents(key).in_force or 0) + 2 - 1,
        )
        for key in ("regulations", "normative_documents")
    }
    return previous, replace(current, table2=replace(t2, **docs))


def test_consecutive_reports_that_agree_give_no_cross_year_findings() -> None:
    previous, current = _pair()
    for rule_id in ("XYEAR-CARRY", "XYEAR-IN-FORCE", "XYEAR-PERIOD", "XYEAR-AGENCY"):
        assert findings(current, rule_id, previous) == [], rule_id


def test_one_finding_per_mismatching_column_naming_both_cells() -> None:
    previous, current = _pair()
    carry = previous.table3.row("carry_next")
    changed = replace(carry, natural=(carry.natural or 0) + 1, total=(carry.total or 0) + 1)
    previous = replace(previous, table3=Table3({**previous.table3.rows, "carry_next": changed}))
    found = findings(current, "XYEAR-CARRY", previous)
    assert [f.severity for f in found] == [Severity.ERROR, Severity.ERROR]
    assert {f.cells for f in found} == {
        ("table3.carried.natural", "previous.table3.carry_next.natural"),
        ("table3.carried.total", "previous.table3.carry_next.total"),
    }
    natural = next(f for f in found if "natural" in f.cells[0])
    assert natural.expected == changed.natural and natural.actual == carry.natural
    assert "上年报告表三“四、结转下年度继续办理”行“自然人”列" in natural.message
    assert "表三“二、上年结转政府信息公开申请数量”行“自然人”列" in natural.message


def test_in_force_that_does_not_follow_is_a_warning() -> None:
    previous, current = _pair()
    current = current.with_cell("table2.normative_documents.in_force", 99)
    (finding,) = findings(current, "XYEAR-IN-FORCE", previous)
    assert finding.severity is Severity.WARNING
    assert "previous.table2.normative_documents.in_force" in finding.cells
    assert finding.actual == 99
    assert finding.expected == (previous.table2.normative_documents.in_force or 0) + 1


CANNOT = [
    # no previous report given.
    (None, "没有提供上一年度的报告"),
    # the previous report is two years back.
    (balanced_report(11, year=2021), "不是2022年度的"),
    # the previous report has no year.
    (replace(balanced_report(11, year=2022), year=None), "没有年度"),
]


@pytest.mark.parametrize(("previous", "reason"), CANNOT)
def test_without_a_usable_previous_report_cross_year_rules_cannot_assess(
    previous: AnnualReport | None, reason: str
) -> None:
    _, current = _pair()
    for rule_id in ("XYEAR-CARRY", "XYEAR-IN-FORCE"):
        (finding,) = findings(current, rule_id, previous)
        assert finding.cannot_assess and reason in finding.message


def test_missing_cells_in_either_report_cannot_be_assessed() -> None:
    previous, current = _pair()
    same_natural = ApplicantCounts(natural=current.table3.cell("carried", "natural"))
    previous = replace(previous, table3=Table3({**previous.table3.rows, "carry_next": same_natural}))
    (finding,) = findings(current, "XYEAR-CARRY", previous)
    assert finding.cannot_assess
    assert "previous.table3.carry_next.total" in finding.cells


PAIRING = [
    # the year before: nothing to say.
    (2022, "示例市示例局", []),
    # not the year before: a warning naming both years.
    (2020, "示例市示例局", ["XYEAR-PERIOD"]),
    # another agency: a warning.
    (2022, "另一个局", ["XYEAR-AGENCY"]),
    # the same agency written with spaces and full-width brackets: the same.
    (2022, "示例市 示例局（）", []),
]


@pytest.mark.parametrize(("year", "agency", "rules"), PAIRING)
def test_the_previous_report_is_the_same_agency_the_year_before(
    year: int, agency: str, rules: list[str]
) -> None:
    current = balanced_report(12, year=2023)
    previous = replace(balanced_report(11, year=2022), year=year, agency=agency)
    found = [
        f for f in findings(current, "XYEAR-PERIOD", previous) + findings(current, "XYEAR-AGENCY", previous)
    ]
    assert [f.rule for f in found] == rules
    assert all(f.severity is Severity.WARNING for f in found)


def test_pairing_rules_say_nothing_without_a_previous_report() -> None:
    current = balanced_report(12, year=2023)
    assert findings(current, "XYEAR-PERIOD") == [] and findings(current, "XYEAR-AGENCY") == []


def test_another_agencys_previous_report_expects_that_agency_and_finds_this_one() -> None:
    """Issue 17: 应为/实为 were swapped. The report checked is this one; the previous year's is the
    reference (as in XYEAR-CARRY): expected is the previous report's agency, actual this one's."""
    current = balanced_report(12, year=2023)
    previous = replace(balanced_report(11, year=2022), agency="另一个局")
    (finding,) = findings(current, "XYEAR-AGENCY", previous)
    assert (finding.expected, finding.actual) == ("另一个局", current.agency)
    assert finding.cells == ("agency", "previous.agency")


def test_without_a_previous_report_the_message_names_no_command_line_option() -> None:
    """The reason is shown on web pages too: the CLI adds its own hint (CLI_HINTS)."""
    from gongkai.report.rules.finding import CLI_HINTS

    current = balanced_report(12, year=2023)
    (finding,) = findings(current, "XYEAR-CARRY")
    assert "--previous" not in finding.message and "命令行" not in finding.message
    assert "--previous" in CLI_HINTS[finding.message.removeprefix("无法核对：")]


def test_the_pairing_cells_have_chinese_names() -> None:
    """Issue 17: cells were shown as "agency；agency"."""
    from gongkai.report.naming import cell_names

    assert cell_names(("agency", "previous.agency")) == "机关名称；上年报告机关名称"
    assert cell_names(["previous.table3.carry_next.total"]).startswith("上年报告表三“四、结转下年度")

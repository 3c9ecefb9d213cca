"""TABLE-EMPTY and CELL-BLANK: tables 二–四 absent or without numbers (条例 第五十条第（一）至（三）项),
cells the published table leaves blank -- kept apart from what could not be read."""

from __future__ import annotations

from dataclasses import replace

from rules_testkit import base_report, findings, with_section

from gongkai.report.model import (
    OTHER_SINGLE_KEY,
    OTHER_SPLIT_KEYS,
    TABLE3_COLUMN_KEYS,
    AnnualReport,
    ApplicantCounts,
    CaseResults,
    CellSource,
    Table2,
    Table3,
    Table4,
)
from gongkai.report.rules import Severity

READ = {"read_findings": []}  # what the reader writes into meta (here: it found nothing wrong)


def without_table4(report: AnnualReport) -> AnnualReport:
    return replace(report, table4=Table4())


def read_as(
    report: AnnualReport, raw: dict[str, str], read_findings: list[dict[str, str]] | None = None
) -> AnnualReport:
    """``report`` as if read from a document where the cells of ``raw`` printed that text."""
    provenance = {path: CellSource(text) for path, text in raw.items()}
    return replace(report, meta={"read_findings": read_findings or []}, provenance=provenance)


TABLE4_PATHS = [
    f"table4.{g}.{f}"
    for g in ("reconsideration", "litigation_direct", "litigation_after_reconsideration")
    for f in ("upheld", "corrected", "other", "pending", "total")
]


def test_a_table_without_numbers_whose_section_is_there_is_a_warning_naming_it() -> None:
    (finding,) = findings(without_table4(base_report()), "TABLE-EMPTY")
    assert finding.severity is Severity.WARNING
    assert finding.cells == ("sections.四", "table4")
    assert "表四" in finding.message and "第五十条第（三）项" in finding.message
    assert finding.actual == "缺失或空白"  # JSON: absent and blank cannot be told apart
    assert not finding.cannot_assess


def test_each_of_tables_two_three_and_four() -> None:
    report = replace(base_report(), table2=Table2(), table3=Table3({}), table4=Table4())
    found = findings(report, "TABLE-EMPTY")
    assert [f.cells[-1] for f in found] == ["table2", "table3", "table4"]
    assert ["第五十条第（一）项" in found[0].message, "第五十条第（二）项" in found[1].message] == [
        True,
        True,
    ]


def test_not_when_the_section_is_missing_too_or_there_is_no_narrative() -> None:
    report = without_table4(base_report())
    assert report.sections is not None
    no_section = replace(report, sections=tuple(s for s in report.sections if s.number != "四"))
    assert findings(no_section, "TABLE-EMPTY") == []  # SEC-PRESENT reports the section
    assert findings(replace(report, sections=None), "TABLE-EMPTY") == []


def test_a_table_the_reader_did_not_find_is_absent() -> None:
    missed = [{"cell": "table4", "message": "未找到表四", "raw": ""}]
    (finding,) = findings(read_as(without_table4(base_report()), {}, missed), "TABLE-EMPTY")
    assert finding.actual == "缺失"


def test_a_table_printed_but_not_found_could_not_be_read_and_is_not_absent() -> None:
    # Its header stays in the section's text when the reader could not read the table (corpus 005).
    missed = [{"cell": "table4", "message": "未找到表四", "raw": ""}]
    report = with_section(
        without_table4(base_report()), "四", "行政复议 行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计"
    )
    assert findings(read_as(report, {}, missed), "TABLE-EMPTY") == []


def test_a_table_of_blank_cells_is_reported_as_blank_once() -> None:
    report = read_as(without_table4(base_report()), dict.fromkeys(TABLE4_PATHS, "/"))
    (finding,) = findings(report, "TABLE-EMPTY")
    assert finding.actual == "全部空白"
    assert findings(report, "CELL-BLANK") == []  # the whole table is TABLE-EMPTY's finding


def test_a_table_of_unreadable_cells_is_not_absent() -> None:
    report = read_as(without_table4(base_report()), dict.fromkeys(TABLE4_PATHS, "1O"))
    assert findings(report, "TABLE-EMPTY") == []
    assert findings(report, "CELL-BLANK") == []


def test_blank_cells_are_listed_in_one_warning() -> None:
    report = base_report().with_cell("table3.new.research", None).with_cell("table2.licensing", None)
    report = read_as(report, {"table3.new.research": "", "table2.licensing": "—"})
    (finding,) = findings(report, "CELL-BLANK")
    assert finding.severity is Severity.WARNING
    assert finding.cells == ("table2.licensing", "table3.new.research")
    assert "2 个单元格空白" in finding.message and "“科研机构”" in finding.message


def test_unreadable_and_json_nulls_are_not_called_blank() -> None:
    report = base_report().with_cell("table3.new.research", None)
    assert findings(report, "CELL-BLANK") == []  # JSON: no provenance
    assert findings(read_as(report, {"table3.new.research": "三"}), "CELL-BLANK") == []


def test_no_blank_warning_for_the_other_rows_a_2019_layout_does_not_have() -> None:
    # A report that kept the single （六）其他处理 row (corpus 002/003) and prints empty 2021 sub-rows.
    base = base_report()
    rows = dict(base.table3.rows)
    total = sum(rows[k].total or 0 for k in OTHER_SPLIT_KEYS)
    rows[OTHER_SINGLE_KEY] = ApplicantCounts(total, 0, 0, 0, 0, 0, total)
    for key in OTHER_SPLIT_KEYS:
        rows[key] = ApplicantCounts()
    report = replace(base, table3=Table3(rows))
    raw = {f"table3.{k}.{c}": "" for k in OTHER_SPLIT_KEYS for c in TABLE3_COLUMN_KEYS}
    assert findings(read_as(report, raw), "CELL-BLANK") == []


def test_a_whole_table_present_with_numbers_is_fine() -> None:
    report = replace(base_report(), table4=Table4(CaseResults.of(1), CaseResults.of(), CaseResults.of()))
    assert findings(report, "TABLE-EMPTY") == [] and findings(report, "CELL-BLANK") == []

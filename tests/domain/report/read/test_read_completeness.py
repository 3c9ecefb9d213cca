"""What the reader tells the rules: blank cells and blank tables of a published document
(rules CELL-BLANK and TABLE-EMPTY, 条例 第五十条第（一）至（三）项)."""

from __future__ import annotations

from dataclasses import replace

from read_helpers import read_text
from report_writers import markdown, whitespace_rows

from gongkai.report.model import Table4
from gongkai.report.rules import check
from gongkai.report.samples import balanced_report


def test_blank_cells_of_a_published_table_are_listed_once() -> None:
    report = balanced_report(3, year=2023).with_cell("table3.new.research", None)
    report = report.with_cell("table4.litigation_direct.pending", None)
    read = read_text(markdown(report))
    (finding,) = [f for f in check(read) if f.rule == "CELL-BLANK"]
    assert finding.cells == ("table3.new.research", "table4.litigation_direct.pending")


def test_a_table_printed_with_no_number_is_blank_not_unreadable() -> None:
    report = replace(balanced_report(3, year=2023), table4=Table4())
    read = read_text(markdown(report))
    (finding,) = [f for f in check(read) if f.rule == "TABLE-EMPTY"]
    assert finding.cells == ("sections.四", "table4") and finding.actual == "全部空白"
    assert [f for f in check(read) if f.rule == "CELL-BLANK"] == []


def test_a_complete_published_report_has_neither() -> None:
    read = read_text(whitespace_rows(balanced_report(3, year=2023)))
    assert [f.rule for f in check(read) if f.rule in ("CELL-BLANK", "TABLE-EMPTY")] == []

"""Issue 13: the checks do their work on damaged inputs too, and ``--explain`` shows why a cell
reads as it does."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest
from read_helpers import findings, read_text

from gongkai.cli import EXIT_FINDINGS, EXIT_OK, main
from gongkai.report.model import AnnualReport, Section, Table3
from gongkai.report.read.explain import explain
from gongkai.report.rules import check
from gongkai.report.samples import balanced_report
from support.damage import damage


def _glued(report: AnnualReport) -> AnnualReport:
    return read_text(damage(report, "glued", random.Random(0)))


def test_an_unbalanced_published_table_is_read_as_printed_and_flagged() -> None:
    report = balanced_report(11)
    row = report.table3.row("carry_next")
    # One more 自然人 carried to next year, its row total too: rows add up, the table does not.
    broken = replace(row, natural=(row.natural or 0) + 1, total=(row.total or 0) + 1)
    published = replace(report, table3=Table3({**report.table3.rows, "carry_next": broken}))
    back = _glued(published)
    assert back.table3.row("carry_next") == broken
    assert back.table3.row("new") == report.table3.row("new")
    rules = {f.rule for f in check(back)}
    assert "T3-BALANCE" in rules
    assert any("没有一种拆法满足表三的全部合计关系" in f["message"] for f in findings(back))


def _changed(report: AnnualReport, **deltas: int) -> AnnualReport:
    """``report`` with one 自然人 cell per named table-3 row raised, the row's 总计 left as printed."""
    rows = dict(report.table3.rows)
    for key, delta in deltas.items():
        rows[key] = replace(rows[key], natural=(rows[key].natural or 0) + delta)
    return replace(report, table3=Table3(rows))


def test_a_glued_row_with_one_faulty_printed_cell_is_read_as_printed_and_flagged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 13, item 7 (found by the independent attack, tests/support/attack.py): one published
    cell changed so that neither its row nor its column adds up. Glued ("523015357"), no split
    satisfies the row's 总计; the splits failing the fewest constraints agree, and each fails only
    the row sum and the 自然人 column, mended by that one cell. The row is read as printed (52, not
    the 45 that would balance) and ``gongkai report check`` reports the row and the column."""
    report = balanced_report(11)
    published = _changed(report, new=7)
    text = damage(published, "glued", random.Random(0))
    assert "申请数量523015357" in text
    back = read_text(text)
    assert back.table3.row("new") == published.table3.row("new")
    assert back.table3.row("total") == report.table3.row("total")
    assert any("只有“自然人”列一个单元格" in f["message"] for f in findings(back))
    errors = {f.rule: f.cells for f in check(back) if f.severity == "error"}
    assert "table3.new.total" in errors["T3-ROW-SUM"]
    assert "table3.new.natural" in errors["T3-BALANCE"]
    path = tmp_path / "glued.txt"
    path.write_text(text, encoding="utf-8")
    assert main(["report", "check", str(path), "--json"]) == EXIT_FINDINGS
    out = capsys.readouterr().out
    assert '"T3-ROW-SUM"' in out and '"table3.new.total"' in out


def test_glued_rows_that_cannot_add_up_in_two_places_are_flagged_not_read() -> None:
    """Two rows whose glued digits no split makes add up: not one faulty cell, so nothing says
    which reading is the printed one. Both rows are null (never a guessed reading) and
    T3-ROW-GLUED names each as a fault to check."""
    report = balanced_report(11)
    back = _glued(_changed(report, new=7, carry_next=3))
    for key in ("new", "carry_next"):
        assert all(v is None for _, v in back.table3.row(key).items())
    flagged = [f for f in check(back) if f.rule == "T3-ROW-GLUED"]
    assert sorted(f.cells for f in flagged) == [("table3.carry_next",), ("table3.new",)]
    assert all("无法拆分为与该行总计相符" in f.message for f in flagged)
    # A balanced glued report gives no such warning.
    assert "T3-ROW-GLUED" not in {f.rule for f in check(_glued(report))}


def test_a_narrative_figure_that_contradicts_the_table_is_flagged() -> None:
    report = balanced_report(12)
    docs = replace(report.table2.normative_documents, issued=2, abolished=10, in_force=17)
    report = replace(report, table2=replace(report.table2, normative_documents=docs))
    sections = list(report.sections or ())
    stated = "本年制发行政规范性文件2件，废止10件，现行有效18件。具体情况见下表。"
    sections[1] = Section("二", sections[1].title, stated)
    back = _glued(replace(report, sections=tuple(sections)))
    # "21017" splits several ways; the narrative's figures pick 2 / 10 / 17 (the only split that
    # agrees with two of them), and the check reports the third.
    assert back.table2.normative_documents == docs
    assert "TEXT-TABLE-DOCUMENTS" in {f.rule for f in check(back)}


def _explain(capsys: pytest.CaptureFixture[str], path: Path, cell: str) -> str:
    assert main(["report", "parse", str(path), "--explain", cell]) == EXIT_OK
    return capsys.readouterr().out


def test_explain_shows_source_text_and_the_constraints(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _explain(capsys, corpus_dir / "007.txt", "table3.new.natural")
    assert "值：64" in out and "按约束拆分" in out and "行合计" in out
    assert "本年新收政府信息公开申请数量640020470" in out


def test_explain_of_a_cell_mapped_by_position(corpus_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _explain(capsys, corpus_dir / "005.md", "table3.partial.total")
    assert "按位置对应" in out and "值：0" in out


def test_explain_of_an_undecided_cell_gives_the_candidates(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _explain(capsys, corpus_dir / "007.txt", "table2.normative_documents.in_force")
    assert "值：null" in out and "69 3 665" in out


def test_rows_read_from_a_cell_say_so() -> None:
    report = balanced_report(3)
    back = read_text(damage(report, "pipe_rows", random.Random(1)))
    text = explain(back, "table3.granted.total")
    assert f"值：{report.table3.row('granted').total}" in text and "从单元格读取" in text


def test_glued_table4_digits_that_cannot_add_up_are_flagged_not_read() -> None:
    """Found by the independent attack (unbalanced_glued, 23 of 300 samples change a table-4 cell):
    table 4 glued into one run whose groups cannot all add up. With no relation between the groups
    nothing says which group is at fault, so table 4 stays null, and T4-GLUED names it."""
    report = balanced_report(11)
    total = report.table4.reconsideration.total or 0
    back = _glued(report.with_cell("table4.reconsideration.total", total + 1))
    assert all(v is None for p, v in back.cells() if p.startswith("table4."))
    flagged = [f for f in check(back) if f.rule == "T4-GLUED"]
    assert [f.cells for f in flagged] == [("table4",)]
    assert "无法拆分为各组总计都与其四项之和相符" in flagged[0].message
    assert "T4-GLUED" not in {f.rule for f in check(_glued(report))}

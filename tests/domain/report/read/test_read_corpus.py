"""The real published reports of ../shared/corpus, read through the text reader, cell for cell."""

from __future__ import annotations

from pathlib import Path

import pytest
from read_helpers import figures, findings

from gongkai.report import jsonio
from gongkai.report.model import STANDARD_SECTION_TITLES
from gongkai.report.read import read_report

SAMPLE = "000_e8025cd57936e9f9"


def test_sample_report_text_reads_every_cell_exactly(corpus_dir: Path) -> None:
    report = read_report(corpus_dir / f"{SAMPLE}.txt")
    expected = jsonio.load(corpus_dir / f"{SAMPLE}.expected.json")
    assert figures(report) == figures(expected)
    assert (report.agency, report.year) == ("平湖市科学技术局", 2023)
    assert findings(report) == []


def test_sample_report_has_its_six_sections_despite_the_numbering(corpus_dir: Path) -> None:
    report = read_report(corpus_dir / f"{SAMPLE}.txt")
    assert report.sections is not None
    assert [(s.number, s.title) for s in report.sections] == [
        (n, STANDARD_SECTION_TITLES[n]) for n in ("一", "二", "三", "四", "五", "六")
    ]
    first = report.sections[0]
    # The first heading is printed "1、 总体情况": kept verbatim for the numbering rule.
    assert first.extra["heading"] == "1、 总体情况"
    assert first.text.startswith("2023年，平湖市科学技术局严格按照")
    assert "（二）依申请公开情况。" in first.text
    assert "信息处理费" in report.sections[5].text
    # Tables are not narrative: the table's labels stay out of the section text.
    assert "本年制发件数" not in report.sections[1].text
    assert "[bookmark" not in "".join(s.text for s in report.sections)


def test_sample_report_cells_keep_their_provenance(corpus_dir: Path) -> None:
    report = read_report(corpus_dir / f"{SAMPLE}.txt")
    source = report.provenance["table2.normative_documents.in_force"]
    assert (source.raw, source.table, source.row, source.column) == ("6", 1, 4, 4)
    text = (corpus_dir / f"{SAMPLE}.txt").read_text(encoding="utf-8").splitlines()
    assert source.line is not None and text[source.line - 1] == "\t6"
    assert len(report.provenance) == len(list(report.cells()))


@pytest.mark.parametrize(
    ("name", "agency", "year"),
    [
        # 淮安市 2024: labels wrap, "三、本年度办理结果" one character per line, label lines split
        # between pages ("（四）无" ... "- 5 -" ... "法提供").
        ("001", "淮安市人民政府", 2024),
        # 洪泽区 2023: single （六） row in a 2021 table 2, the typo "其他法律行政止公开", a table 4 that
        # does not balance (read as printed), the title's short name completed from "本报告由…".
        ("002", "淮安市洪泽区人民政府", 2023),
        # 洪泽区 2024: same layout as 002.
        ("003", "淮安市洪泽区人民政府", 2024),
    ],
)
def test_pdf_text_layers_read_every_cell_exactly(corpus_dir: Path, name: str, agency: str, year: int) -> None:
    report = read_report(corpus_dir / f"{name}.pdf.txt")
    expected = jsonio.load(corpus_dir / f"{name}.expected.json")
    assert figures(report) == figures(expected)
    assert (report.agency, report.year) == (agency, year)
    assert findings(report) == []
    assert report.sections is not None and len(report.sections) == 6
    # The tables' lines are not part of the narrative.
    assert "本年新收政府信息公开申请数量" not in report.sections[2].text
    assert "结果维持" not in report.sections[3].text


@pytest.mark.parametrize(
    ("cell", "page", "raw"),
    [
        # The pages the PDF itself puts them on (its text layer marks pages "- 4 -").
        ("table2.regulations.issued", 3, "1"),
        ("table3.new.natural", 4, "3001"),
        ("table3.unable_create.total", 5, "11"),
        ("table4.reconsideration.upheld", 5, "72"),
    ],
)
def test_pdf_text_layer_cells_know_their_page_and_line(
    corpus_dir: Path, cell: str, page: int, raw: str
) -> None:
    report = read_report(corpus_dir / "001.pdf.txt")
    source = report.provenance[cell]
    assert (source.page, source.raw) == (page, raw)
    lines = (corpus_dir / "001.pdf.txt").read_text(encoding="utf-8").splitlines()
    assert source.line is not None and raw in lines[source.line - 1].split(" ")

"""Table 3 split into two tables (a page break in Word, two <table>s on a web page), with and
without the three header rows printed again at the top of the continuation, split inside a
merged label block: every cell must read back as written."""

from __future__ import annotations

import copy
import io

import docx
import pytest
from lxml import etree
from lxml import html as lxml_html
from read_helpers import figures, findings

from gongkai.report.model import AnnualReport, Template
from gongkai.report.read import read_bytes
from gongkai.report.render import render
from gongkai.report.samples import balanced_report

#: The rendered table 3 has three header rows; row 17 (0-based) lies inside the merged label
#: blocks 三、本年度办理结果 and （四）无法提供, so both blocks continue after the split.
HEADER_ROWS = 3
SPLIT_AFTER = 17


def _docx_split(report: AnnualReport, header_again: bool) -> bytes:
    """Table 3 of the rendered DOCX cut after row ``SPLIT_AFTER`` into two w:tbl elements with a
    paragraph between them, as Word saves a table the author split; the vertically merged label
    cells go on in the second table as ``w:vMerge`` continuations."""
    document = docx.Document(io.BytesIO(render(report, "docx")))
    first = document.tables[1]._tbl
    rows = first.tr_lst
    second = copy.deepcopy(first)
    for tr in second.tr_lst:
        second.remove(tr)
    moved = rows[SPLIT_AFTER:]
    for tr in (*(copy.deepcopy(r) for r in rows[:HEADER_ROWS] if header_again), *moved):
        second.append(tr)  # a row appended here leaves the first table
    paragraph = copy.deepcopy(document.add_paragraph("（续表）")._p)
    first.addnext(paragraph)
    paragraph.addnext(second)
    document.element.body.remove(document.paragraphs[-1]._p)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _placed(rows: list[etree._Element]) -> list[list[tuple[int, etree._Element]]]:
    """Each row's cells with the column each starts in (the HTML table algorithm)."""
    taken: set[tuple[int, int]] = set()
    placed = []
    for r, tr in enumerate(rows):
        column, row = 0, []
        for cell in tr:
            while (r, column) in taken:
                column += 1
            span_r, span_c = int(cell.get("rowspan", "1")), int(cell.get("colspan", "1"))
            taken.update((r + dr, column + dc) for dr in range(span_r) for dc in range(span_c))
            row.append((column, cell))
            column += span_c
        placed.append(row)
    return placed


def _html_split(report: AnnualReport, header_again: bool, keep_merged: bool) -> bytes:
    """Table 3 of the rendered page cut after row ``SPLIT_AFTER`` into two <table>s. A label
    merged over the cut ends with the first table; with ``keep_merged`` it goes on in the second
    as an empty merged cell (how Word exports a split table), otherwise it is simply left out."""
    page = lxml_html.fromstring(render(report, "html"))
    table = page.findall(".//table")[1]
    rows = table.findall(".//tr")
    continued: list[etree._Element] = []
    for r, row in enumerate(_placed(rows)[:SPLIT_AFTER]):
        for _, cell in row:
            span = int(cell.get("rowspan", "1"))
            if r + span > SPLIT_AFTER:
                cell.set("rowspan", str(SPLIT_AFTER - r))
                rest = etree.Element("th", rowspan=str(r + span - SPLIT_AFTER))
                rest.set("colspan", cell.get("colspan", "1"))
                continued.append(rest)
    second = etree.Element("table")
    for row in rows[:HEADER_ROWS] if header_again else ():
        second.append(copy.deepcopy(row))
    for row in rows[SPLIT_AFTER:]:
        second.append(row)  # moves it out of the first table
    if keep_merged:
        for cell in reversed(continued):  # outermost label first, leftmost
            rows[SPLIT_AFTER].insert(0, cell)
    note = etree.Element("p")
    note.text = "（续表）"
    table.addnext(note)
    note.addnext(second)
    return lxml_html.tostring(page, encoding="utf-8")


CASES = [
    # A 2021 report, every cell filled.
    balanced_report(2),
    # A 2019 trial-format report on 2020 (a single （六）其他处理 row).
    balanced_report(5, year=2020, template=Template.Y2019),
    # A blank cell in the first row after the cut keeps its place.
    balanced_report(4).with_cell("table3.unable_unclear.research", None),
]


@pytest.mark.parametrize("report", CASES)
@pytest.mark.parametrize("header_again", [True, False])
def test_docx_table3_split_inside_a_merged_label_reads_back(report: AnnualReport, header_again: bool) -> None:
    back = read_bytes(_docx_split(report, header_again))
    assert dict(back.cells()) == dict(report.cells())
    assert figures(back) == figures(report)
    blank = [path for path, value in report.cells() if value is None]
    assert {f["cell"] for f in findings(back)} == set(blank)


@pytest.mark.parametrize("report", CASES)
@pytest.mark.parametrize("header_again", [True, False])
@pytest.mark.parametrize("keep_merged", [True, False])
def test_html_table3_split_into_two_tables_reads_back(
    report: AnnualReport, header_again: bool, keep_merged: bool
) -> None:
    back = read_bytes(_html_split(report, header_again, keep_merged))
    assert dict(back.cells()) == dict(report.cells())
    blank = [path for path, value in report.cells() if value is None]
    assert {f["cell"] for f in findings(back)} == set(blank)


def test_the_split_documents_are_split_as_described() -> None:
    """The helpers really cut table 3 in two and repeat the header (else the tests above prove
    nothing)."""
    report = balanced_report(2)
    document = docx.Document(io.BytesIO(_docx_split(report, header_again=True)))
    assert len(document.tables) == 4
    first, second = document.tables[1]._tbl.tr_lst, document.tables[2]._tbl.tr_lst
    assert len(first) == SPLIT_AFTER
    assert "".join(second[0].itertext()) == "".join(first[0].itertext())
    assert "3.补正后申请内容仍不明确" in "".join(second[HEADER_ROWS].itertext())
    page = lxml_html.fromstring(_html_split(report, header_again=True, keep_merged=True))
    tables = page.findall(".//table")
    assert len(tables) == 4
    assert len(tables[1].findall(".//tr")) == SPLIT_AFTER
    assert "（本列数据的勾稽关系为" in tables[2].findall(".//tr")[0].text_content()

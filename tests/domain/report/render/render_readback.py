"""Read rendered documents back with each format's own library, as grids of cells.

Each reader returns, per table, ``{(row, col): (text, rowspan, colspan)}`` for every cell that
starts at (row, col) -- merges as the format itself records them (DOCX gridSpan/vMerge, HTML
rowspan/colspan, XLSX merged ranges, PDF ruled cell boxes). ``assert_grid`` compares that with
the layout the renderer was given, so every label, merge and number is checked in its place.
"""

from __future__ import annotations

import functools
import io
import re
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

import docx
import openpyxl
import pdfplumber
import pytest
from docx.table import _Cell
from lxml import html as lxml_html
from openpyxl.cell.cell import MergedCell

from gongkai.report import jsonio
from gongkai.report.model import AnnualReport, Template
from gongkai.report.render import fonts, render
from gongkai.report.render.layout import CellRole, DocumentLayout, TableGrid, format_value
from gongkai.report.render.xlsx import NARRATIVE_SHEET, TABLE_FIRST_ROW
from gongkai.report.samples import balanced_report

Found = dict[tuple[int, int], tuple[object, int, int]]


_SPACE = re.compile(r"\s+")


def squash(text: object) -> str:
    """Text without any whitespace (PDF cells wrap their labels over several lines)."""
    return _SPACE.sub("", str(text))


def sample_reports() -> list[tuple[str, AnnualReport]]:
    """Generated reports of both templates, one without narrative and one with missing cells."""
    with_missing = (
        balanced_report(7)
        .with_cell("table3.new.research", None)
        .with_cell("table3.total.total", None)
        .with_cell("table2.fees_10k_yuan", None)
        .with_cell("table2.regulations.abolished", None)
        .with_cell("table4.litigation_direct.pending", None)
    )
    return [
        ("2021-seed1", SAMPLE),
        ("2021-seed2-big", balanced_report(2, new=400)),
        ("2019-seed3", balanced_report(3, template=Template.Y2019, year=2020)),
        ("2021-no-sections", replace(balanced_report(4), sections=None)),
        ("2021-missing-cells", with_missing),
    ]


#: The report most single-format tests look at.
SAMPLE = balanced_report(1)


@functools.cache
def rendered_sample(fmt: str) -> bytes:
    """``SAMPLE`` rendered once per test process and format."""
    return render(SAMPLE, fmt)


def corpus_reports(corpus_dir: Path) -> list[tuple[str, AnnualReport]]:
    files = sorted(corpus_dir.glob("*.expected.json"))
    assert files, f"no expected JSON in {corpus_dir}"
    return [(f.name, jsonio.load(f)) for f in files]


def expected_cells(grid: TableGrid) -> Found:
    return {(c.row, c.col): (c.text, c.rowspan, c.colspan) for c in grid.cells}


def hide_cjk_fonts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the PDF renderer see a machine without any CJK TrueType font."""
    monkeypatch.delenv(fonts.FONT_ENV, raising=False)
    monkeypatch.setattr(fonts, "KNOWN_CJK_TRUETYPE", ())
    monkeypatch.setattr(fonts, "_fontconfig_candidates", list)
    # A font registered by an earlier test must not be reused; a failed lookup is not cached.
    fonts.pdf_font_name.cache_clear()


def narrative(layout: DocumentLayout) -> list[str]:
    """The title, then each section's heading and paragraphs, as the layout orders them."""
    return [layout.title] + [text for b in layout.blocks for text in (b.heading, *b.paragraphs)]


def assert_tables(found: list[Found], layout: DocumentLayout, *, where: str) -> None:
    """The document holds exactly the three tables, each cell as laid out."""
    assert len(found) == 3, f"{where}: {len(found)} tables"
    for cells, grid in zip(found, layout.tables(), strict=True):
        assert_grid(cells, grid, where=where)


def assert_grid(found: Found, grid: TableGrid, *, where: str) -> None:
    """Every cell of ``grid`` at its place with its spans and (whitespace-free) text."""
    expected = {k: (squash(t), rs, cs) for k, (t, rs, cs) in expected_cells(grid).items()}
    actual = {k: (squash(t), rs, cs) for k, (t, rs, cs) in found.items()}
    assert actual == expected, f"{where}: table {grid.number} differs"


# ---- DOCX ------------------------------------------------------------------------------------


def docx_grids(data: bytes) -> list[Found]:
    document = docx.Document(io.BytesIO(data))
    grids = []
    for table in document.tables:
        found: Found = {}
        open_merge: dict[int, tuple[int, int]] = {}
        for r, tr in enumerate(table._tbl.tr_lst):
            c = 0
            for tc in tr.tc_lst:
                span = tc.grid_span
                if tc.vMerge == "continue":
                    origin = open_merge[c]
                    text, rowspan, colspan = found[origin]
                    found[origin] = (text, rowspan + 1, colspan)
                else:
                    found[(r, c)] = (_Cell(tc, table).text, 1, span)
                    if tc.vMerge == "restart":
                        open_merge[c] = (r, c)
                c += span
        grids.append(found)
    return grids


# ---- HTML ------------------------------------------------------------------------------------


def html_grids(data: bytes) -> list[Found]:
    """The HTML table model: each cell goes to the first column its row has not yet filled."""
    page = lxml_html.fromstring(data)
    grids = []
    for table in page.iter("table"):
        found: Found = {}
        occupied: set[tuple[int, int]] = set()
        for r, tr in enumerate(table.iter("tr")):
            c = 0
            for cell in tr:
                if cell.tag not in ("td", "th"):
                    continue
                while (r, c) in occupied:
                    c += 1
                rowspan, colspan = int(cell.get("rowspan", "1")), int(cell.get("colspan", "1"))
                found[(r, c)] = (cell.text_content(), rowspan, colspan)
                occupied.update((r + i, c + j) for i in range(rowspan) for j in range(colspan))
                c += colspan
        grids.append(found)
    return grids


# ---- XLSX ------------------------------------------------------------------------------------


def xlsx_grids(data: bytes, grids: tuple[TableGrid, ...]) -> list[Found]:
    """Cells of each table sheet; values as stored (numbers stay numbers)."""
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    result = []
    for ws, grid in zip(workbook.worksheets[1:], grids, strict=True):
        spans = {
            (m.min_row, m.min_col): (m.max_row - m.min_row + 1, m.max_col - m.min_col + 1)
            for m in ws.merged_cells.ranges
        }
        found: Found = {}
        for r in range(grid.n_rows):
            for c in range(grid.n_cols):
                cell = ws.cell(TABLE_FIRST_ROW + r, 1 + c)
                if isinstance(cell, MergedCell):
                    continue
                rowspan, colspan = spans.get((cell.row, cell.column), (1, 1))
                found[(r, c)] = (cell.value, rowspan, colspan)
        result.append(found)
    return result


def xlsx_as_text(found: Found, grid: TableGrid) -> Found:
    """XLSX values as the layout prints them, after checking that figures are numbers."""
    roles = {(c.row, c.col): c for c in grid.cells}
    text: Found = {}
    for key, (value, rowspan, colspan) in found.items():
        cell = roles.get(key)
        if cell is not None and cell.role is CellRole.VALUE:
            assert value is None or isinstance(value, int | float), f"{cell.path} stored as {value!r}"
            if isinstance(cell.value, Decimal):
                # A whole amount (0 万元) reads back as an int; its display format says 0.00.
                value = format_value(Decimal(str(value)))
            else:
                value = format_value(value)  # type: ignore[arg-type]
        text[key] = ("" if value is None else value, rowspan, colspan)
    return text


# ---- PDF -------------------------------------------------------------------------------------


def pdf_text(data: bytes) -> str:
    return _parse_pdf(data)[1]


def pdf_grids(data: bytes) -> list[Found]:
    return list(_parse_pdf(data)[0])


@functools.lru_cache(maxsize=4)
def _parse_pdf(data: bytes) -> tuple[tuple[Found, ...], str]:
    """Tables found from the ruling lines, and the text; pdfminer parses each page once.

    A table's cell boxes are mapped onto the grid of all their edges, so a merged cell is one
    box spanning several rows or columns of that grid. A table continued on the next page (the
    first table there, starting with the header rows repeated) is read as one table.
    """
    tables: list[list[_Box]] = []
    texts = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            texts.append(page.extract_text() or "")
            # Characters by their centre, in drawing order (page.within_bbox per cell is slow).
            centres = [((c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2, c["text"]) for c in page.chars]
            for number, table in enumerate(page.find_tables()):
                y0 = table.bbox[1]
                boxes = [
                    _Box(
                        round(x0, 1),
                        round(top - y0, 1),
                        round(x1, 1),
                        round(bottom - y0, 1),
                        "".join(t for x, y, t in centres if x0 < x < x1 and top < y < bottom),
                    )
                    for x0, top, x1, bottom in table.cells
                ]
                if not (number == 0 and tables and _continue(tables[-1], boxes)):
                    tables.append(boxes)
    return tuple(_grid(boxes) for boxes in tables), "\n".join(texts)


@dataclass(frozen=True)
class _Box:
    x0: float
    top: float
    x1: float
    bottom: float
    text: str


def _continue(table: list[_Box], part: list[_Box]) -> bool:
    """Append ``part`` to ``table`` if it repeats ``table``'s header rows at its top (the
    continuation of a table broken across pages). Returns whether it did.

    pdfplumber joins ruling lines with a tolerance, so the same column edge can be read a little
    apart on the two pages: ``part``'s edges are snapped to ``table``'s within 1.5 pt.
    """
    edges = sorted({v for b in table for v in (b.x0, b.x1)})

    def snap(x: float) -> float:
        near = min(edges, key=lambda e: abs(e - x))
        return near if abs(near - x) <= 1.5 else x

    part = [_Box(snap(b.x0), b.top, snap(b.x1), b.bottom, b.text) for b in part]
    header = 0.0
    for cut in sorted({b.bottom for b in part}):
        top_part = {b for b in part if b.bottom <= cut}
        if all(b.top >= cut for b in part if b not in top_part) and top_part == {
            b for b in table if b.bottom <= cut
        }:
            header = cut
    if not header:
        return False
    height = max(b.bottom for b in table)
    table.extend(
        _Box(b.x0, b.top - header + height, b.x1, b.bottom - header + height, b.text)
        for b in part
        if b.top >= header
    )
    return True


def _grid(boxes: list[_Box]) -> Found:
    xs = sorted({v for b in boxes for v in (b.x0, b.x1)})
    ys = sorted({v for b in boxes for v in (b.top, b.bottom)})
    found: Found = {}
    for b in boxes:
        row, col = ys.index(b.top), xs.index(b.x0)
        found[(row, col)] = (b.text, ys.index(b.bottom) - row, xs.index(b.x1) - col)
    return found


# ---- any format ------------------------------------------------------------------------------

FORMATS = ("docx", "html", "xlsx", "pdf")


def read_tables(fmt: str, data: bytes, layout: DocumentLayout) -> list[Found]:
    """The tables of a rendered document, as printed text, by the format's own library."""
    if fmt == "docx":
        return docx_grids(data)
    if fmt == "html":
        return html_grids(data)
    if fmt == "pdf":
        return pdf_grids(data)
    grids = layout.tables()
    return [xlsx_as_text(found, grid) for found, grid in zip(xlsx_grids(data, grids), grids, strict=True)]


def assert_narrative(fmt: str, data: bytes, layout: DocumentLayout, *, where: str) -> None:
    """Title, headings and paragraphs are all there, in order."""
    expected = narrative(layout)
    if fmt == "docx":
        assert [p.text for p in docx.Document(io.BytesIO(data)).paragraphs] == expected, where
    elif fmt == "html":
        page = lxml_html.fromstring(data)
        assert [e.text_content() for e in page.iter("h1", "h2", "p")] == expected, where
    elif fmt == "xlsx":
        sheet = openpyxl.load_workbook(io.BytesIO(data))[NARRATIVE_SHEET]
        texts = [row[0] for row in sheet.iter_rows(values_only=True) if row[0] is not None]
        # Where a table belongs, the narrative sheet points to the table's own sheet.
        pointers = [f"（见工作表“表{g.number} {g.caption}”）" for g in layout.tables()]
        assert [t for t in texts if t not in pointers] == expected, where
        assert [t for t in texts if t in pointers] == pointers, where
    else:
        # PDF lines wrap at the page width, so compare without whitespace, in order.
        text = squash(pdf_text(data))
        position = 0
        for part in expected:
            found_at = text.find(squash(part), position)
            assert found_at >= 0, f"{where}: {part!r} missing or out of order"
            position = found_at


# ---- golden files ----------------------------------------------------------------------------

GOLDEN_DIR = Path(__file__).resolve().parent / "golden"


def golden_reports() -> dict[str, AnnualReport]:
    """The fixed reports whose rendered tables are kept as golden text files."""
    return {
        "sample-2021": balanced_report(1),
        "sample-2019": balanced_report(3, template=Template.Y2019, year=2020),
    }


def dump_tables(tables: list[Found]) -> str:
    """Tables as normalised text: one line per row, each cell ``text[rowspan×colspan]``."""
    lines = []
    for number, found in enumerate(tables, start=2):
        lines.append(f"== table {number}")
        for row in sorted({r for r, _ in found}):
            cells = sorted((c, v) for (r, c), v in found.items() if r == row)
            lines.append(" | ".join(f"{squash(text)}[{rs}×{cs}]" for _, (text, rs, cs) in cells))
    return "\n".join(lines) + "\n"

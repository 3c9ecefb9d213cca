"""XLSX (openpyxl): the narrative on one sheet and each table on its own sheet, merged as printed.

Figures are stored as numbers (counts as integers, the fee in 万元 with two decimals shown), so
officials can sum and compare them; a missing cell stays empty, never 0. Every sheet prints on
A4 (tables 三 and 四 in landscape, one page wide, with their header rows repeated).
"""

from __future__ import annotations

import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.merge import MergedCellRange
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from gongkai.report.model import AnnualReport
from gongkai.report.render.fonts import BODY_FONT, HEADING_FONT, TITLE_FONT
from gongkai.report.render.layout import CellRole, TableGrid, document_layout

NARRATIVE_SHEET = "报告正文"
#: Rows above each table: its title, then the table from this row on (1-based).
TABLE_FIRST_ROW = 2
#: Width of the table columns in characters for a weight of 1.
BASE_COLUMN_WIDTH = 9.0
FEE_NUMBER_FORMAT = "0.00"
#: Height of one line of 10.5 pt text in a table cell, in points.
LINE_HEIGHT = 14.0

_THIN = Side(style="thin", color="000000")
_GRID = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_FONTS = {
    CellRole.NOTE: Font(name=BODY_FONT, size=9),
    CellRole.HEADER: Font(name=BODY_FONT, size=10.5, bold=True),
    CellRole.LABEL: Font(name=BODY_FONT, size=10.5),
    CellRole.VALUE: Font(name=BODY_FONT, size=10.5),
}
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)


def sheet_title(grid: TableGrid) -> str:
    """``表三 收到和处理政府信息公开申请情况`` (within Excel's 31 characters)."""
    return f"表{grid.number} {grid.caption}"[:31]


def row_heights(grid: TableGrid) -> dict[int, float]:
    """Heights (points) for rows whose text wraps: spreadsheets do not grow rows for wrapped text.

    A Chinese character takes about two units of Excel's column width (which counts digits),
    so a cell holds ``width / 2`` characters a line; a merged-down cell spreads its lines over
    the rows it covers.
    """
    widths = [BASE_COLUMN_WIDTH * w for w in grid.col_weights]
    lines = dict.fromkeys(range(grid.n_rows), 1.0)
    for cell in grid.cells:
        per_line = max(1, int(sum(widths[cell.col : cell.last_col + 1]) / 2) - 1)
        needed = -(-len(cell.text) // per_line) / cell.rowspan
        for row in range(cell.row, cell.last_row + 1):
            lines[row] = max(lines[row], needed)
    return {row: round(LINE_HEIGHT * n, 1) for row, n in lines.items() if n > 1}


def _print_on_a4(ws: Worksheet, *, landscape: bool) -> None:
    """A4, one page wide (as many pages down as needed)."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    if landscape:
        ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


def _table_sheet(ws: Worksheet, grid: TableGrid) -> None:
    top = TABLE_FIRST_ROW
    ws.cell(1, 1, f"{grid.number}、{grid.caption}").font = Font(name=HEADING_FONT, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=grid.n_cols)
    # Every position of the grid gets the thin border (so a merged area is outlined all round),
    # then the merges are recorded. openpyxl's ``merge_cells`` would re-derive the edge borders
    # of each merge itself, which took most of the time of a workbook.
    for r in range(grid.n_rows):
        for c in range(grid.n_cols):
            ws.cell(top + r, 1 + c).border = _GRID
    for item in grid.cells:
        value: int | Decimal | str | None = item.value if item.role is CellRole.VALUE else item.text
        cell = ws.cell(top + item.row, 1 + item.col, value)
        cell.font = _FONTS[item.role]
        cell.alignment = _LEFT if item.role is CellRole.LABEL else _CENTER
        if isinstance(item.value, Decimal):
            cell.number_format = FEE_NUMBER_FORMAT
        if item.merged:
            area = CellRange(
                min_row=top + item.row,
                min_col=1 + item.col,
                max_row=top + item.last_row,
                max_col=1 + item.last_col,
            )
            ws.merged_cells.add(MergedCellRange(ws, area.coord))
    for i, weight in enumerate(grid.col_weights):
        ws.column_dimensions[get_column_letter(i + 1)].width = BASE_COLUMN_WIDTH * weight
    for row, height in row_heights(grid).items():
        ws.row_dimensions[top + row].height = height
    _print_on_a4(ws, landscape=grid.n_cols > 4)
    if grid.header_rows:
        ws.print_title_rows = f"{top}:{top + grid.header_rows - 1}"
    ws.freeze_panes = f"A{top + grid.header_rows}"


def build_xlsx(report: AnnualReport) -> Workbook:
    layout = document_layout(report)
    wb = Workbook()
    narrative = wb.active
    assert narrative is not None
    narrative.title = NARRATIVE_SHEET
    narrative.column_dimensions["A"].width = 100
    _print_on_a4(narrative, landscape=False)
    title = narrative.cell(1, 1, layout.title)
    title.font = Font(name=TITLE_FONT, size=18)
    title.alignment = Alignment(horizontal="center")
    row = 2
    for block in layout.blocks:
        narrative.cell(row, 1, block.heading).font = Font(name=HEADING_FONT, size=14)
        row += 1
        for text in block.paragraphs:
            cell = narrative.cell(row, 1, text)
            cell.font = Font(name=BODY_FONT, size=12)
            cell.alignment = Alignment(wrap_text=True, vertical="top", indent=2)
            row += 1
        if block.table is not None:
            note = f"（见工作表“{sheet_title(block.table)}”）"
            narrative.cell(row, 1, note).font = Font(name=BODY_FONT, size=12, italic=True)
            row += 1
    for grid in layout.tables():
        _table_sheet(wb.create_sheet(sheet_title(grid)), grid)
    wb.properties.title = layout.title
    wb.properties.language = "zh-CN"
    return wb


def render_xlsx(report: AnnualReport) -> bytes:
    buffer = io.BytesIO()
    build_xlsx(report).save(buffer)
    return buffer.getvalue()

"""Extract an Excel (.xlsx) report into a ``SourceDocument``.

Every sheet is read, in workbook order. openpyxl is used in full (not read-only) mode because
read-only worksheets do not expose merged ranges, and merges are what give a table's header and
group labels their spans.

The sheet's number (1-based, workbook order) is given as the ``page`` of its lines and cells, and
the row number as their ``line``, so that a finding can say "sheet 3, row 12".

On a sheet, the rows that belong to a table are those with a bordered cell or with two or more
filled cells; each run of consecutive table rows becomes one Grid (merged ranges -> spans, the
cells a merge hides are not repeated). Every other filled row becomes a text line: a title, a
section heading, a paragraph of the narrative. Blank rows only separate.

Cells give the text Excel would display: integers as "12" (never "12.0"), other numbers as their
shortest exact decimal or in the cell's fixed-decimals/percent format, dates as ISO dates.
Formulas give the value Excel last calculated and saved; a formula that was never calculated (a
file written by a script) has no value and reads as a blank cell, which the assembler reports.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from gongkai import limits
from gongkai.errors import ReportFormatError
from gongkai.report.read.document import Block, Grid, GridCell, SourceDocument, TextLine
from gongkai.report.read.docx import ENCRYPTION_STREAM, OLE_SIGNATURE, ZIP_ERRORS

CORRUPT_MESSAGE = "Excel 文件已损坏或不是有效的 XLSX 文件，无法读取"
ENCRYPTED_MESSAGE = "Excel 文件设有打开密码（已加密），无法读取；请提供未加密的版本"
LEGACY_MESSAGE = "这是旧版 Excel（.xls）文件，无法读取；请在 Excel 中另存为 .xlsx 后再读取"
EMPTY_MESSAGE = "Excel 文件中没有任何内容"
TOO_WIDE_MESSAGE = "Excel 表格过大（行列过多），不是年度报告的表格"
#: More cells than this in one merged range is no report (table 三 merges 25 rows at most).
MAX_MERGED_CELLS = 100_000
#: Wider than this a table is no annual report table (table 四 has 15 columns).
MAX_TABLE_COLUMNS = 1000

_FIXED_DECIMALS = re.compile(r"^[#,0]*0\.(0+)(%?)$")


def extract(data: bytes) -> SourceDocument:
    """Text lines and tables of every sheet (see the module docstring)."""
    workbook = _open(data)
    blocks: list[Block] = []
    try:
        for number, sheet in enumerate(workbook.worksheets, start=1):
            blocks.extend(_sheet_blocks(sheet, number, grid_start=sum(isinstance(b, Grid) for b in blocks)))
    finally:
        workbook.close()
    if not blocks:
        raise ReportFormatError(EMPTY_MESSAGE)
    return SourceDocument(blocks=tuple(blocks), source_format="xlsx")


def _open(data: bytes) -> Any:
    if data.startswith(OLE_SIGNATURE):
        raise ReportFormatError(ENCRYPTED_MESSAGE if ENCRYPTION_STREAM in data else LEGACY_MESSAGE)
    _refuse_huge_merges(data)
    try:
        return load_workbook(io.BytesIO(data), data_only=True)
    except (*ZIP_ERRORS, InvalidFileException) as exc:
        raise ReportFormatError(CORRUPT_MESSAGE, detail=type(exc).__name__) from exc
    except Exception as exc:
        # A damaged part fails deep inside openpyxl, lxml or zipfile in many ways; all mean "corrupt".
        raise ReportFormatError(CORRUPT_MESSAGE, detail=type(exc).__name__) from exc


_MERGE_REF = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*ref="([A-Z]{1,3})([0-9]{1,7}):([A-Z]{1,3})([0-9]{1,7})"')


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _refuse_huge_merges(data: bytes) -> None:
    """Refuse a merged range of more than MAX_MERGED_CELLS cells before openpyxl sees it.

    openpyxl creates an object for every cell a merge covers when it loads a sheet, so a damaged
    or hostile file merging A1:XFD1048576 would hang the reader; no report merges that much.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            limits.check_zip(archive, what="Excel 文件")
            for name in archive.namelist():
                if not name.startswith("xl/worksheets/") or not name.endswith(".xml"):
                    continue
                for match in _MERGE_REF.finditer(archive.read(name)):
                    first_col, first_row, last_col, last_row = match.groups()
                    rows = abs(int(last_row) - int(first_row)) + 1
                    columns = abs(_column_number(last_col) - _column_number(first_col)) + 1
                    if rows * columns > MAX_MERGED_CELLS:
                        raise ReportFormatError(
                            TOO_WIDE_MESSAGE, detail=f"合并单元格 {match.group(0)[-40:]!r}"
                        )
    except ZIP_ERRORS as exc:
        raise ReportFormatError(CORRUPT_MESSAGE, detail=type(exc).__name__) from exc


def display_text(value: Any, number_format: str = "General") -> str:
    """The text a cell shows for ``value`` (see the module docstring)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float | Decimal):
        fixed = _FIXED_DECIMALS.match(number_format.replace("\\", ""))
        number = Decimal(repr(value)) if isinstance(value, float) else value
        if fixed is not None:
            places, percent = len(fixed.group(1)), fixed.group(2)
            shown = number * 100 if percent else number
            return f"{shown:.{places}f}{percent}"
        if number_format.endswith("%"):
            return f"{(number * 100).normalize():f}%"
        if number == number.to_integral_value():
            return str(int(number))
        return f"{number.normalize():f}"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value).strip()


@dataclass(frozen=True, slots=True)
class _Merges:
    """A sheet's merged ranges: the span of each range's top-left cell, and the cells it hides."""

    ranges: tuple[tuple[int, int, int, int], ...]  # (min_row, min_col, max_row, max_col)
    spans: dict[tuple[int, int], tuple[int, int]]

    @classmethod
    def of(cls, sheet: Worksheet) -> _Merges:
        ranges = tuple((m.min_row, m.min_col, m.max_row, m.max_col) for m in sheet.merged_cells.ranges)
        spans = {(r0, c0): (r1 - r0 + 1, c1 - c0 + 1) for r0, c0, r1, c1 in ranges}
        return cls(ranges, spans)

    def hides(self, row: int, column: int) -> bool:
        # Checked range by range rather than by listing covered cells: a damaged or hostile file
        # may merge A1:XFD1048576, and a report has a few dozen ranges at most.
        return any(
            r0 <= row <= r1 and c0 <= column <= c1 and (row, column) != (r0, c0)
            for r0, c0, r1, c1 in self.ranges
        )


def _sheet_blocks(sheet: Worksheet, sheet_number: int, grid_start: int) -> list[Block]:
    merges = _Merges.of(sheet)
    #: (row number, [(column, text, bordered)] of its visible cells that show something, in table?)
    rows: list[tuple[int, list[tuple[int, str, bool]], bool]] = []
    # The cells the file stores, not the dense rectangle up to the sheet's last used cell:
    # ``iter_rows`` would walk 17 billion cells for a stray value in XFD1048576.
    stored = sorted(sheet._cells.values(), key=lambda c: (c.row, c.column))
    for row_number, row in itertools.groupby(stored, key=lambda c: c.row):
        shown: list[tuple[int, str, bool]] = []
        for cell in row:
            column = cell.column
            if column is None or merges.hides(row_number, column):
                continue
            text = display_text(cell.value, cell.number_format)
            bordered = _has_border(cell)
            if text or bordered:
                shown.append((column, text, bordered))
        if shown:
            filled = sum(1 for _, text, _ in shown if text)
            in_table = filled >= 2 or any(bordered for _, _, bordered in shown)
            rows.append((row_number, shown, in_table))
    blocks: list[Block] = []
    run: list[tuple[int, list[tuple[int, str, bool]]]] = []
    next_row = None
    for row_number, shown, in_table in rows:
        if run and (not in_table or row_number != next_row):
            blocks.append(_grid(run, merges, grid_start + 1 + _grids(blocks), sheet_number))
            run = []
        if in_table:
            run.append((row_number, shown))
        elif any(text for _, text, _ in shown):
            blocks.append(
                TextLine(" ".join(text for _, text, _ in shown if text), page=sheet_number, line=row_number)
            )
        next_row = row_number + 1
    if run:
        blocks.append(_grid(run, merges, grid_start + 1 + _grids(blocks), sheet_number))
    return [b for b in blocks if not isinstance(b, Grid) or any(c.text for c in b.cells)]


def _has_border(cell: Any) -> bool:
    border = cell.border
    return any(
        side is not None and side.style for side in (border.left, border.right, border.top, border.bottom)
    )


def _grid(
    run: list[tuple[int, list[tuple[int, str, bool]]]],
    merges: _Merges,
    index: int,
    sheet_number: int,
) -> Grid:
    """One table: every visible position between its leftmost and rightmost shown cell."""
    first_row = run[0][0]
    first_column = min(column for _, shown in run for column, _, _ in shown)
    last_column = max(
        column + merges.spans.get((row, column), (1, 1))[1] - 1
        for row, shown in run
        for column, _, _ in shown
    )
    if last_column - first_column >= MAX_TABLE_COLUMNS:
        raise ReportFormatError(TOO_WIDE_MESSAGE, detail=f"{last_column - first_column + 1} 列")
    cells = []
    for row_number, shown in run:
        texts = {column: text for column, text, _ in shown}
        for column in range(first_column, last_column + 1):
            if merges.hides(row_number, column):
                continue
            row_span, column_span = merges.spans.get((row_number, column), (1, 1))
            cells.append(
                GridCell(
                    text=texts.get(column, ""),
                    row=row_number - first_row,
                    column=column - first_column,
                    row_span=row_span,
                    column_span=column_span,
                    page=sheet_number,
                    line=row_number,
                )
            )
    return Grid(cells=tuple(cells), index=index, page=sheet_number)


def _grids(blocks: list[Block]) -> int:
    return sum(isinstance(b, Grid) for b in blocks)

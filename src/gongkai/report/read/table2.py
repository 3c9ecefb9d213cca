"""Reading table 2 (主动公开政府信息情况). Part of the assembler."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from gongkai.report.model import (
    DocumentCounts,
    Table2,
)
from gongkai.report.read import labels
from gongkai.report.read.assembly import (
    Assembly,
    exclude_table,
    is_table2_grid,
    with_note,
)
from gongkai.report.read.cells import CellKind, regroupings
from gongkai.report.read.document import TextLine
from gongkai.report.read.glued_table2 import WRAPPED, read_glued_table2
from gongkai.report.read.tokens import (
    Row,
    Tok,
    text_row,
)

# ---------------------------------------------------------------------------------------------
# Table 2
# ---------------------------------------------------------------------------------------------


def _table2_is_2019(asm: Assembly, rows: Sequence[Row]) -> bool:
    text = "".join(t.norm for row in rows for t in row.toks)
    return any(marker in text for marker in labels.TABLE2_2019_MARKERS)


@dataclass(slots=True)
class _Table2Row:
    """A table-2 row as printed: its label's key, the header above it, its values."""

    key: str
    header: tuple[str, ...]
    values: list[Tok]
    block: int
    grid: bool


def _table2_grid_rows(rows: Sequence[Row]) -> list[_Table2Row]:
    """Rows of table-2 grids: a label cell, then value cells (blank or not) in their places."""
    found: list[_Table2Row] = []
    header: tuple[str, ...] = ()
    for row in rows:
        toks = [t for t in row.toks if not t.copy]
        norm = "".join(t.norm for t in toks)
        if labels.TABLE2_CONTENT_HEADER in norm:
            header = labels.table2_header_columns(norm)
            continue
        head = 0
        while head < len(toks) and toks[head].kind is CellKind.BLANK:
            head += 1
        if head == len(toks):
            continue
        # A table-2 label is one cell; what follows it are values, readable or not.
        key = _table2_key(toks[head].norm)
        if key is not None:
            found.append(_Table2Row(key, header, toks[head + 1 :], row.block, True))
    return found


def _table2_text_rows(rows: Sequence[Row]) -> list[_Table2Row]:
    """Rows of table 2 in running text: a line that is a row label, then the numbers that follow
    it (on the same line or, one cell per line, on the next lines) up to the next line of text.

    Numbers followed by words on their line are narrative ("新增规章 1 件"), not a table row.
    """
    found: list[_Table2Row] = []
    header: tuple[str, ...] = ()
    text = ""  # the text since the last numbers: header and label
    line_text = ""  # the text of the current line before its numbers
    numbers: list[Tok] = []
    block = 0

    def emit(clean: bool) -> None:
        nonlocal header
        if labels.TABLE2_CONTENT_HEADER in text:
            header = labels.table2_header_columns(text)
        key = _table2_key(line_text) or _wrapped_table2_key(text)
        if key is not None and clean:
            found.append(_Table2Row(key, header, numbers, block, False))

    for row in rows:
        for tok in row.toks:
            if tok.kind is CellKind.NUMBER:
                numbers.append(tok)
                block = row.block
                continue
            if tok.kind is CellKind.BLANK:
                continue
            if numbers:
                emit(clean=tok.line_start)
                text, line_text, numbers = "", "", []
            line_text = tok.norm if tok.line_start else line_text + tok.norm
            text += tok.norm
    if numbers:
        emit(clean=True)
    return found


_TABLE2_LABELS_LONGEST = sorted(labels.TABLE2_ROWS, key=len, reverse=True)


def _wrapped_table2_key(text: str) -> str | None:
    """The row whose label ends ``text`` (a label wrapped over lines: "行政\n许可")."""
    return next((labels.TABLE2_ROWS[k] for k in _TABLE2_LABELS_LONGEST if text.endswith(k)), None)


def _table2_key(label: str) -> str | None:
    return labels.TABLE2_ROWS.get(labels.normalize(labels.strip_ordinal(label))) if label else None


def read_table2_any(asm: Assembly, start: int, end: int) -> tuple[set[str], bool]:
    """Read table 2 by its rows (``read_table2``); where that leaves rows unread in running text,
    also as glued text (``gongkai.report.read.glued``), and keep the reading with more cells."""
    standard = asm.trial()
    found, is_2019 = read_table2(standard, start, end)
    if is_2019 or standard.read_count("table2.") >= _FULL_CELLS:
        asm.adopt(standard)
        return found, is_2019
    glued = asm.trial()
    text = "".join(b.text for b in asm.doc.blocks if isinstance(b, TextLine))
    narrative = re.sub(r"\s+", "", labels.to_simplified(unicodedata.normalize("NFKC", text)))
    glued_found = read_glued_table2(glued, start, end, narrative)
    if glued.read_count("table2.") > standard.read_count("table2."):
        asm.adopt(glued)
        return glued_found, False
    asm.adopt(standard)
    return found, is_2019


#: The cells of a complete 2021 table 2.
_FULL_CELLS = 10


def read_table2(asm: Assembly, start: int, end: int) -> tuple[set[str], bool]:
    """Read table 2; returns the row keys found and whether it is the 2019 trial layout."""
    rows = asm.rows(start, end, is_table2_grid)
    is_2019 = _table2_is_2019(asm, rows)
    defaults = labels.TABLE2_DEFAULT_COLUMNS_2019 if is_2019 else labels.TABLE2_DEFAULT_COLUMNS_2021
    grid = bool(rows) and rows[0].grid
    found: set[str] = set()
    blocks: list[int] = []
    printed = _table2_grid_rows(rows) if grid else _table2_text_rows(rows)
    if grid:
        # Rows printed as text beside the grid (a conversion that kept only part of the table
        # as a table: corpus 005 prints 行政许可 97 on a line of its own).
        blocks_ = asm.doc.blocks
        text = [text_row(b, i) for i in range(start, end) if isinstance(b := blocks_[i], TextLine)]
        printed += [t2 for t2 in _table2_text_rows(text) if t2.key not in {p.key for p in printed}]
    for t2 in printed:
        key, columns, values = t2.key, t2.header, t2.values
        if key in found:
            continue
        row_columns = columns if len(columns) == len(values) else defaults.get(key, ())
        if len(row_columns) != len(values) and t2.grid:
            # A value cell merged over the row's remaining columns is exported as the value
            # followed by empty cells (Markdown, text): those are not cells of their own.
            while values and values[-1].kind is CellKind.BLANK and len(values) > len(row_columns or columns):
                values = values[:-1]
            row_columns = columns if len(columns) == len(values) else defaults.get(key, ())
        expected = columns if columns and key not in _TABLE2_SINGLE else defaults.get(key, ())
        if len(row_columns) != len(values) and not t2.grid and 0 < len(values) < len(expected):
            # Cells glued together in running text ("规章000"): without arithmetic to decide,
            # only a reading that is the only one possible is taken (one digit per cell).
            if not asm.ends_document(values[-1].source):
                values = _unglued(values, len(expected)) or values
            row_columns = expected if len(values) == len(expected) else row_columns
        if len(row_columns) != len(values):
            raw = " ".join(t.text for t in values)
            asm.finding(f"table2.{key}", "表二此行的数值个数与表头对不上，按缺失处理", raw)
            found.add(key)
            continue
        if not t2.grid and values and _wrapped_decimal(asm, t2.block):
            # "行政事业性收费3⏎.39": the amount goes on past the line break; 3 would be wrong.
            asm.finding(f"table2.{key}", WRAPPED, " ".join(t.text for t in values))
            found.add(key)
            continue
        for column, tok in zip(row_columns, values, strict=True):
            _put_table2(asm, key, column, tok)
        found.add(key)
        blocks.append(t2.block)
    if blocks:
        exclude_table(asm, start, blocks, ("第二十条", labels.TABLE2_CONTENT_HEADER))
    return found, is_2019


def _wrapped_decimal(asm: Assembly, block: int) -> bool:
    """Whether the line after ``block`` opens with a decimal part (".39"): a wrapped amount."""
    blocks = asm.doc.blocks
    after = blocks[block + 1] if block + 1 < len(blocks) else None
    return isinstance(after, TextLine) and re.match(r"\s*[.．]\d", after.text) is not None


#: Table-2 rows whose single value cannot be glued to anything.
_TABLE2_SINGLE = frozenset({"licensing", "penalty", "coercion", "fees_10k_yuan"})


def _unglued(values: list[Tok], width: int) -> list[Tok] | None:
    """The one way to read glued digits as ``width`` counts, if there is exactly one."""
    digits = [t.text for t in values]
    if not all(d.isdigit() for d in digits):
        return None
    readings = regroupings(digits, [t.line_start for t in values], width)
    if len(readings) != 1:
        return None
    raw = " ".join(digits)
    note = f"原文“{raw}”的数字连在一起，只有一种拆法"
    source = with_note(values[0].source, note)
    return [Tok(str(v), str(v), CellKind.NUMBER, source) for v in readings[0]]


def _put_table2(asm: Assembly, key: str, column: str, tok: Tok) -> None:
    if key in ("regulations", "normative_documents") and column in ("issued", "abolished", "in_force"):
        asm.put_count(f"table2.{key}.{column}", tok)
    elif key in ("licensing", "penalty", "coercion") and column == labels.DECISIONS:
        asm.put_count(f"table2.{key}", tok)
    elif key == "fees_10k_yuan" and column == labels.FEES:
        asm.put_amount("table2.fees_10k_yuan", tok)
    else:
        # A 2019 trial-layout figure with no 2021 field: kept as printed, never dropped.
        row = asm.meta_2019.setdefault(key.removeprefix("2019:"), {})
        row[column.removeprefix("2019:")] = tok.text.strip()


def build_table2(asm: Assembly, found: set[str], is_2019: bool) -> Table2:
    wanted = ["regulations", "normative_documents", "licensing", "penalty", "coercion"]
    if not is_2019:
        wanted.append("fees_10k_yuan")
    if not found:
        asm.finding("table2", "未找到表二（主动公开政府信息情况）的数据，按缺失处理")
    else:
        for key in wanted:
            if key not in found:
                asm.finding(f"table2.{key}", "表二中未找到此行，按缺失处理")
    docs: dict[str, DocumentCounts] = {}
    for key in ("regulations", "normative_documents"):
        docs[key] = DocumentCounts(
            **{f: asm.value(f"table2.{key}.{f}") for f in ("issued", "abolished", "in_force")}
        )
    fee_cell = asm.cells.get("table2.fees_10k_yuan")
    fee = fee_cell.value if fee_cell is not None and isinstance(fee_cell.value, Decimal) else None
    return Table2(
        regulations=docs["regulations"],
        normative_documents=docs["normative_documents"],
        licensing=asm.value("table2.licensing"),
        penalty=asm.value("table2.penalty"),
        coercion=asm.value("table2.coercion"),
        fees_10k_yuan=fee,
    )

"""The state of one assembly: the cells read so far, the findings, the document's blocks.
Part of the assembler (``gongkai.report.read.assembler``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from gongkai.report.model import (
    TABLE3_COLUMN_KEYS,
    TABLE4_FIELD_KEYS,
    TABLE4_GROUP_KEYS,
    CellSource,
)
from gongkai.report.read import labels
from gongkai.report.read.cells import CellKind, classify, parse_amount, parse_count
from gongkai.report.read.document import Grid, SourceDocument, TextLine
from gongkai.report.read.tokens import (
    Row,
    Run,
    Tok,
    grid_rows,
    text_row,
)

READ_FINDINGS_KEY = "read_findings"
#: ``meta`` key: each table-3 row's label as the report prints it, by row key (rule T3-LABEL).
TABLE3_LABELS_KEY = "table3_labels"
TRUNCATED = "报告在此处截断"
TRUNCATED_MESSAGE = f"{TRUNCATED}：文本停在这个数字上，它可能不完整，按缺失处理"
T3_WIDTH = len(TABLE3_COLUMN_KEYS)
T4_WIDTH = len(TABLE4_GROUP_KEYS) * len(TABLE4_FIELD_KEYS)
T4_GROUP_WIDTH = len(TABLE4_FIELD_KEYS)

# ---------------------------------------------------------------------------------------------
# The assembler
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Cell:
    value: int | Decimal | None
    source: CellSource


@dataclass(slots=True)
class Candidate:
    """A table-3 row read from running text whose digits admit several readings."""

    key: str
    readings: list[tuple[int, ...]]
    run: Run


@dataclass
class Assembly:
    doc: SourceDocument
    findings: list[dict[str, str]] = field(default_factory=list)
    cells: dict[str, Cell] = field(default_factory=dict)
    excluded_blocks: set[int] = field(default_factory=set)
    heading_lines: set[int] = field(default_factory=set)
    meta_2019: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: Table-3 rows whose numbers were found but could not be read (reported once, as such).
    failed_rows: set[str] = field(default_factory=set)
    #: The label each table-3 row was found by, as printed (``meta["table3_labels"]``).
    printed_labels: dict[str, str] = field(default_factory=dict)
    #: 现行有效 counts of 规章 / 行政规范性文件 in the previous year's report, when one is given:
    #: they decide a glued table-2 row (上年现行有效 + 本年制发 − 本年废止 = 现行有效).
    previous_in_force: dict[str, int] = field(default_factory=dict)
    #: The document ends inside a table: what follows the cut is missing ("报告在此处截断").
    truncated: bool = False
    #: Each grid's rows and normalised text, computed once (every table looks at every grid).
    grid_cache: dict[int, tuple[list[Row], str]] = field(default_factory=dict)

    def trial(self) -> Assembly:
        """A scratch assembly over the same document, for reading a table in a place it may not be."""
        return Assembly(
            self.doc,
            grid_cache=self.grid_cache,
            heading_lines=self.heading_lines,
            previous_in_force=self.previous_in_force,
        )

    def adopt(self, trial: Assembly) -> None:
        self.findings.extend(trial.findings)
        self.cells.update(trial.cells)
        self.excluded_blocks.update(trial.excluded_blocks)
        self.meta_2019.update(trial.meta_2019)
        self.failed_rows.update(trial.failed_rows)
        self.printed_labels.update(trial.printed_labels)
        self.truncated = self.truncated or trial.truncated

    def read_count(self, prefix: str) -> int:
        """How many cells under ``prefix`` ("table3.") hold a value."""
        return sum(
            1 for path, cell in self.cells.items() if path.startswith(prefix) and cell.value is not None
        )

    def grid(self, index: int) -> tuple[list[Row], str]:
        cached = self.grid_cache.get(index)
        if cached is None:
            block = self.doc.blocks[index]
            assert isinstance(block, Grid)
            cached = (grid_rows(block, index), "".join(labels.normalize(c.text) for c in block.cells))
            self.grid_cache[index] = cached
        return cached

    # --- findings and cells ----------------------------------------------------------------

    def finding(self, cell: str, message: str, raw: str = "") -> None:
        self.findings.append({"cell": cell, "message": message, "raw": raw})

    def put(self, path: str, value: int | Decimal | None, source: CellSource) -> None:
        if value is not None and self.at_cut(source):
            value = None
            self.finding(path, TRUNCATED_MESSAGE, source.raw)
            self.truncated = True
        self.cells[path] = Cell(value, source)

    def at_cut(self, source: CellSource) -> bool:
        """Whether ``source`` is the figure the document stops on, which may be cut short."""
        return self.doc.cut and self.ends_document(source)

    def ends_document(self, source: CellSource) -> bool:
        """Whether ``source`` is the last thing in the document: a row ending there may have lost
        cells to a cut, so its digits are read only as printed, never split."""
        if source.line is None:
            return False
        last = self.doc.blocks[-1] if self.doc.blocks else None
        if isinstance(last, Grid):
            line = max((c.line or 0) for c in last.cells) if last.cells else 0
            text = next((c.text for c in reversed(last.cells) if c.line == line), "")
        elif isinstance(last, TextLine):
            line, text = last.line or 0, last.text
        else:
            return False
        return source.line == line and text.rstrip(" \t|").endswith(source.raw.strip())

    def put_count(self, path: str, tok: Tok, note: str | None = None) -> None:
        source = tok.source if note is None else with_note(tok.source, note)
        if tok.copy:
            self.put(path, None, source)
            self.finding(path, "此单元格与相邻单元格合并，没有单独的数值，按缺失处理", tok.text)
            return
        kind = classify(tok.text)
        if kind is CellKind.BLANK:
            self.put(path, None, source)
            self.finding(path, "单元格为空，按缺失处理", tok.text)
            return
        value = parse_count(tok.text)
        if value is None:
            self.put(path, None, source)
            self.finding(path, f"无法识别的数值“{tok.text.strip()}”，按缺失处理", tok.text)
            return
        self.put(path, value, source)

    def put_amount(self, path: str, tok: Tok) -> None:
        kind = classify(tok.text)
        amount = parse_amount(tok.text) if kind is CellKind.NUMBER else None
        self.put(path, amount, tok.source)
        if kind is CellKind.BLANK:
            self.finding(path, "单元格为空，按缺失处理", tok.text)
        elif amount is None:
            self.finding(path, f"无法识别的金额“{tok.text.strip()}”，按缺失处理", tok.text)

    def value(self, path: str) -> int | None:
        cell = self.cells.get(path)
        return cell.value if cell is not None and isinstance(cell.value, int) else None

    # --- document structure ----------------------------------------------------------------

    def rows(self, start: int, end: int, want: Callable[[Grid, str], bool]) -> list[Row]:
        """Rows of the blocks in [start, end): from the grids ``want`` accepts if there are any,
        otherwise from the running text (a table is either laid out as a grid or as text)."""
        blocks = self.doc.blocks
        rows: list[Row] = []
        for i in range(start, end):
            block = blocks[i]
            if isinstance(block, Grid):
                grid_rows, norm = self.grid(i)
                if want(block, norm):
                    rows.extend(grid_rows)
        if rows:
            return rows
        for i in range(start, end):
            block = blocks[i]
            if isinstance(block, TextLine):
                rows.append(text_row(block, i))
        return rows


def with_note(source: CellSource, note: str) -> CellSource:
    return CellSource(source.raw, source.page, source.line, source.table, source.row, source.column, note)


def is_table3_grid(grid: Grid, norm: str) -> bool:
    return bool(labels.table3_matches(norm))


def is_table2_grid(grid: Grid, norm: str) -> bool:
    return any(labels.normalize(c.text) in labels.TABLE2_ROWS for c in grid.cells)


def is_table4_grid(grid: Grid, norm: str) -> bool:
    return labels.table4_header(norm)


def exclude_table(asm: Assembly, start: int, blocks: Sequence[int], markers: Sequence[str]) -> None:
    """Leave a table read from running text out of the section text.

    The table runs from its header (the first block after ``start`` that prints one of
    ``markers``; a marker written ``^text`` must open the line) to the last block whose numbers
    were read. Without a header line, from the first block that was read.
    """
    first, last = min(blocks), max(blocks)
    for i in range(start, last + 1):
        block = asm.doc.blocks[i]
        text = labels.normalize(block.text) if isinstance(block, TextLine) else ""
        if any(text.startswith(m[1:]) if m.startswith("^") else m in text for m in markers):
            first = min(first, i)
            break
    asm.excluded_blocks.update(range(first, last + 1))

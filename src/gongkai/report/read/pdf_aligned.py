"""Tables printed without ruling lines, rebuilt from the alignment of their figures.

Some PDFs (printed from web pages, or from Word tables with borders switched off) show table 三
as rows of a label followed by figures lined up in columns. Read as plain lines, a blank cell
would make the figures after it slide one column to the left. Here the columns are found from the
figures' right edges (numbers are right- or centre-aligned under their header, so the right edges
of one column stay within a character of each other), and every figure is put in the column it
stands under; a column with nothing under it in a row is a blank cell, in its place.

A row is tabular when it holds a label and at least two figures set apart by gaps; two or more
such rows in a row make a table. Narrative lines never qualify: their words and numbers are not
set apart by gaps of two characters. Header lines (without figures) stay text lines above the table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from gongkai.report.read.pdf_layout import Char, Line

#: A gap wider than this many character heights separates two cells of a row.
CELL_GAP = 1.5
#: Figures whose right edges are closer than this many character heights share a column.
COLUMN_TOLERANCE = 1.0
_FIGURE = re.compile(r"^[0-9０-９][0-9０-９,，.．]*$")


@dataclass(frozen=True, slots=True)
class Segment:
    """Characters of a line that belong to one cell."""

    text: str
    x0: float
    x1: float

    @property
    def is_figure(self) -> bool:
        return bool(_FIGURE.match(self.text))


@dataclass(frozen=True, slots=True)
class AlignedTable:
    """Consecutive lines read as a table: per row, the label and the figures by column ("" blank)."""

    lines: tuple[Line, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]

    @property
    def column_count(self) -> int:
        return 1 + len(self.rows[0][1])


def segments(line: Line) -> list[Segment]:
    """The cells of a line: split at wide gaps, and between two figures at any gap."""
    result: list[list[Char]] = []
    for char in line.chars:
        if char.text == " ":
            continue
        if result:
            previous = result[-1][-1]
            gap = char.x0 - previous.x1
            size = max(char.size, previous.size)
            digits = previous.text.isdigit() and char.text.isdigit()
            if gap > CELL_GAP * size or (digits and gap > 0.2 * size):
                result.append([char])
                continue
            result[-1].append(char)
        else:
            result.append([char])
    return [Segment("".join(c.text for c in group), group[0].x0, group[-1].x1) for group in result]


def _is_tabular(parts: Sequence[Segment]) -> bool:
    return len(parts) >= 3 and not parts[0].is_figure and sum(p.is_figure for p in parts[1:]) >= 2


def find_aligned_tables(lines: Sequence[Line]) -> list[AlignedTable]:
    """Runs of two or more tabular lines (top to bottom), each read as a table."""
    tables: list[AlignedTable] = []
    run: list[tuple[Line, list[Segment]]] = []
    for line in [*lines, None]:
        parts = segments(line) if line is not None else []
        if line is not None and _is_tabular(parts):
            run.append((line, parts))
            continue
        if len(run) >= 2:
            table = _table(run)
            if table is not None:
                tables.append(table)
        run = []
    return tables


def _table(run: list[tuple[Line, list[Segment]]]) -> AlignedTable | None:
    size = max(line.size for line, _ in run)
    edges = sorted(p.x1 for _, parts in run for p in parts[1:] if p.is_figure)
    columns: list[list[float]] = []
    for edge in edges:
        if columns and edge - columns[-1][-1] <= COLUMN_TOLERANCE * size:
            columns[-1].append(edge)
        else:
            columns.append([edge])
    rights = [sum(c) / len(c) for c in columns]
    first_left = min(p.x0 for _, parts in run for p in parts[1:] if p.is_figure)
    rows = []
    for _, parts in run:
        labels = [p for p in parts if not p.is_figure and p.x1 < first_left]
        cells = [""] * len(rights)
        for part in parts[len(labels) :]:
            column = min(range(len(rights)), key=lambda i: abs(rights[i] - part.x1))
            if cells[column] or abs(rights[column] - part.x1) > COLUMN_TOLERANCE * size:
                return None  # two figures under one column, or one under none: not a clean table
            cells[column] = part.text
        rows.append((" ".join(p.text for p in labels), tuple(cells)))
    return AlignedTable(lines=tuple(line for line, _ in run), rows=tuple(rows))

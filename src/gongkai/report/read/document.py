"""The intermediate form every reader produces: what a published document shows, in reading order.

Each format's reader (text, Markdown, HTML, DOCX, XLSX, PDF) only extracts what the document
shows -- lines of text and tables as grids of cells with positions -- into a ``SourceDocument``.
One assembler (``gongkai.report.read.assembler``) then finds the report in it by row and column
labels. Keeping extraction apart from interpretation is what lets every format share the same
label matching, the same handling of blank cells, and the same provenance.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


@dataclass(frozen=True, slots=True)
class TextLine:
    """A line (or paragraph) of running text outside any table."""

    text: str
    page: int | None = None
    line: int | None = None


class GridCell(NamedTuple):
    """One cell of a table as the document lays it out (0-based row/column of its top-left corner).

    A named tuple rather than a frozen dataclass: equally immutable, and a page of tables has
    hundreds of cells, which a tuple builds three times faster.
    """

    text: str
    row: int
    column: int
    row_span: int = 1
    column_span: int = 1
    page: int | None = None
    #: 1-based line of the source file where the cell's text starts, when the format has lines.
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Grid:
    """A table. ``index`` numbers the tables of the document from 1, in reading order."""

    cells: tuple[GridCell, ...]
    index: int
    page: int | None = None


Block = TextLine | Grid


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """A document's text lines and tables in reading order, with the format it came from."""

    blocks: tuple[Block, ...]
    #: "text", "markdown", "html", "docx", "xlsx" or "pdf".
    source_format: str
    #: The encoding the bytes were decoded with, for text-based formats.
    encoding: str | None = None
    #: The text stops in the middle of a line, on a figure: the last figure may be cut short
    #: (a page limit, a crawler's cut), so it is not read ("报告在此处截断").
    cut: bool = False


def ends_cut(text: str) -> bool:
    """Whether ``text`` stops inside a line right after a digit (its last figure may be partial)."""
    return not text.endswith("\n") and text.rstrip(" \t|")[-1:].isdigit()

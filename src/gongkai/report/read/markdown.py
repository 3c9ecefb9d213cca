"""Markdown, including what PDF-conversion and OCR tools write.

Pipe tables (``| a | b |``) become ``Grid`` blocks; every other line becomes a ``TextLine`` with
its Markdown marks (``#`` headings, ``**bold**``, list bullets, ``>``) removed. Tolerated, because
converters produce them:

- rows shorter than the table (GitHub's rule: the missing cells are empty, at the end);
- a table interrupted by a blank line, a page marker or repeated header rows: each part is a
  grid of its own, and the assembler reads the parts of a table together;
- a row broken over two lines (a line inside a table without the leading pipe continues the
  previous row's last cell when that row was left open, and is a row of one cell otherwise);
- ``<br>`` inside cells, escaped pipes (``\\|``), HTML entities such as ``&nbsp;``.
"""

from __future__ import annotations

import html
import re

from gongkai.report.read.document import Block, Grid, GridCell, SourceDocument, TextLine, ends_cut
from gongkai.report.read.encoding import decode
from gongkai.report.read.labels import clean_text
from gongkai.report.read.text import PAGE_MARK

_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_SPLIT = re.compile(r"(?<!\\)\|")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAGS = re.compile(r"</?[A-Za-z][^>]*>")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*")
_BULLET = re.compile(r"^\s*(?:[-*+]\s+|>\s*)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~)(?=\S)(.+?)(?<=\S)\1")


_MARKUP_CHARS = frozenset("<*_~&\\")


def _cell(text: str) -> str:
    if _MARKUP_CHARS.isdisjoint(text):
        return clean_text(text)  # most cells are plain numbers and labels
    text = _BR.sub("\n", text.replace("\\|", "|"))
    return clean_text(html.unescape(_TAGS.sub("", _EMPHASIS.sub(r"\2", text))))


def _text(line: str) -> str:
    line = _BULLET.sub("", _HEADING.sub("", line))
    return clean_text(html.unescape(_TAGS.sub("", _EMPHASIS.sub(r"\2", _BR.sub(" ", line)))))


class _Table:
    def __init__(self) -> None:
        self.rows: list[list[tuple[str, int]]] = []
        self.open_row = False

    def add_row(self, line: str, number: int) -> None:
        body = line.strip()
        closed = body.endswith("|") and not body.endswith("\\|")
        if body.startswith("|"):
            body = body[1:]
        if closed:
            body = body[:-1]
        self.rows.append([(_cell(part), number) for part in _SPLIT.split(body)])
        self.open_row = not closed

    def continue_row(self, line: str, number: int) -> None:
        if self.open_row and self.rows:
            # The converter broke the row's last cell over two lines.
            text, first = self.rows[-1][-1]
            body = line.strip()
            self.open_row = not body.endswith("|") or body.endswith("\\|")
            parts = _SPLIT.split(body if self.open_row else body[:-1])
            self.rows[-1][-1] = (f"{text}\n{_cell(parts[0])}", first)
            self.rows[-1].extend((_cell(part), number) for part in parts[1:])
        else:
            self.rows.append([(_cell(line), number)])

    def build(self, index: int) -> Grid | None:
        if not self.rows:
            return None
        width = len(self.rows[0])
        cells: list[GridCell] = []
        for r, row in enumerate(self.rows):
            # Short rows have empty cells at the end (GitHub Flavored Markdown's rule).
            padded = row + [("", row[-1][1])] * (width - len(row))
            cells.extend(GridCell(text, r, c, line=line) for c, (text, line) in enumerate(padded))
        self.rows = []
        return Grid(tuple(cells), index=index)


def extract(data: bytes) -> SourceDocument:
    text, encoding = decode(data)
    return extract_markdown(text, encoding=encoding)


def extract_markdown(text: str, *, encoding: str | None = None) -> SourceDocument:
    blocks: list[Block] = []
    table = _Table()
    tables = 0

    def end_table() -> None:
        nonlocal tables
        grid = table.build(tables + 1)
        if grid is not None:
            tables += 1
            blocks.append(grid)

    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if _RULE.match(stripped) and "-" in stripped and (table.rows or "|" in stripped):
            continue  # the header rule: not a row
        if stripped.startswith("|"):
            table.add_row(stripped, number)
            continue
        inside = table.open_row or _next_is_row(lines, number)
        if table.rows and stripped and inside and not PAGE_MARK.match(stripped):
            table.continue_row(stripped, number)
            continue
        end_table()
        if not stripped or PAGE_MARK.match(stripped):
            continue
        cleaned = _text(stripped)
        if cleaned:
            blocks.append(TextLine(cleaned, line=number))
    end_table()
    return SourceDocument(tuple(blocks), source_format="markdown", encoding=encoding, cut=ends_cut(text))


def _next_is_row(lines: list[str], number: int) -> bool:
    """Whether a table row follows line ``number`` (1-based), so the line sits inside the table."""
    return number < len(lines) and lines[number].strip().startswith("|")

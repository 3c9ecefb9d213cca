"""Plain text copied out of a report, in the shapes copying produces.

- One cell per line, as Word's "save as text" writes a table: every cell on its own line starting
  with a tab, a blank line after each row, a cell's own line breaks continuing without the tab
  (corpus 000: "\\t商业" then "企业"). Such runs become ``Grid`` blocks, so a blank cell keeps its
  place and never shifts its neighbours.
- One row per line with tab-separated cells (copied from a spreadsheet or a web page): ``Grid``.
- Everything else -- narrative, whitespace-separated rows, cells glued together, a PDF's text
  layer with wrapped labels -- becomes ``TextLine`` blocks; the assembler finds labels and numbers
  in them.

Residue of the copy is dropped here: Word bookmarks ("[bookmark: _GoBack]"), page markers
("- 3 -", "第 3 页"), form feeds (which start a new page), and in the one-cell-per-line shape a
lone page number between two tables. Page markers and form feeds give each line its page, for
the provenance of what is read there.
"""

from __future__ import annotations

import re

from gongkai.report.model import STANDARD_SECTION_TITLES
from gongkai.report.read.document import Block, Grid, GridCell, SourceDocument, TextLine, ends_cut
from gongkai.report.read.encoding import decode
from gongkai.report.read.labels import (
    SECTION_HEADING_MAX_CHARS,
    SECTION_TITLE_VARIANTS,
    clean_text,
    to_simplified,
)

PAGE_MARK = re.compile(
    r"^\s*(?:[-—–－]\s*(?P<dash>\d{1,4})\s*[-—–－]|第\s*(?P<nth>\d{1,4})\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?"
    r"|(?P<of>\d{1,4})\s*/\s*\d{1,4})\s*$"
)
_LONE_NUMBER = re.compile(r"^\s*\d{1,4}\s*$")
#: A cell's continuation line (its own line break) is short; a longer line is narrative.
_MAX_CONTINUATION = 30
#: How many tab-led lines make a document "one cell per line".
_MIN_CELL_LINES = 8


_TITLES = sorted(
    {to_simplified(t) for n, t in STANDARD_SECTION_TITLES.items()}
    | {to_simplified(t) for variants in SECTION_TITLE_VARIANTS.values() for t in variants},
    key=len,
    reverse=True,
)
#: A section heading inside a long line ("…提供了重要保障。二、主动公开政府信息情况…"): a
#: top-level ordinal directly followed by a known section title.
_INLINE_HEADING = re.compile(
    r"(?<![一二三四五六七八九十第])[一二三四五六]\s*[、.．]\s*(?:"
    + "|".join(re.escape(t) for t in _TITLES)
    + ")"
)


#: Where a table begins inside a long line: table 2's first block, table 3's header note, table
#: 4's header.
_TABLE_START = re.compile(
    r"第二十条第[（(]一[）)]项\s*信息内容|[（(]本列数据的勾稽关系|行政复议\s*行政诉讼\s*(?=结果维持|未经复议)"
)


def split_inline_headings(text: str) -> list[str]:
    """A long line cut before and after each section heading it holds (a crawler's page text is
    often one line); a short line, or one without headings, as it is."""
    if len(text) <= SECTION_HEADING_MAX_CHARS:
        return [text]
    pieces: list[str] = []
    position = 0
    simplified = to_simplified(text)
    cuts = [(m.start(), m.end()) for m in _INLINE_HEADING.finditer(simplified)]
    # A table run into the narrative starts a line of its own, so that the narrative stays text.
    cuts += [(m.start(), m.start()) for m in _TABLE_START.finditer(simplified)]
    for start, end in sorted(cuts):
        if start < position:
            continue
        before = text[position:start].strip()
        if before:
            pieces.append(before)
        if end > start:
            pieces.append(text[start:end])
        position = end if end > start else start
    rest = text[position:].strip()
    if rest:
        pieces.append(rest)
    return pieces or [text]


def _pipes_to_tabs(line: str) -> str:
    """A pipe row ("label | 1 | 2 |", with or without the leading or the closing pipe) as a
    tab-separated row; a cell on its own line ending in "|" as that cell. A pipe inside a sentence
    is kept."""
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    closed = text.endswith("|")
    cells = [c.strip() for c in (text[:-1] if closed else text).split("|")]
    if not closed and not (len(cells) > 2 or (len(cells) == 2 and cells[1].replace(".", "").isdigit())):
        return line  # a pipe inside a sentence, not a row
    return "\t".join(cells) if len(cells) > 1 else cells[0]


class _GridBuilder:
    def __init__(self) -> None:
        self.rows: list[list[tuple[str, int]]] = []
        self.row: list[tuple[str, int]] = []

    def end_row(self) -> None:
        if self.row:
            self.rows.append(self.row)
            self.row = []

    def build(self, index: int, page: int | None) -> Grid | None:
        self.end_row()
        if not self.rows:
            return None
        cells = tuple(
            GridCell(clean_text(text), row=r, column=c, page=page, line=line)
            for r, row in enumerate(self.rows)
            for c, (text, line) in enumerate(row)
        )
        self.rows = []
        return Grid(cells, index=index, page=page)


def page_numbers(lines: list[str]) -> list[int | None] | None:
    """The page of each line, from the page markers a PDF's text layer keeps ("- 3 -").

    A marker printed as a page header comes first on its page (the text starts with it); as a
    footer, it comes last. None when the text has no markers.
    """
    marks = [(i, m) for i, line in enumerate(lines) if (m := PAGE_MARK.match(line))]
    if not marks:
        return None
    first_text = next(i for i, line in enumerate(lines) if line.strip())
    numbers = [(i, int(m.group("dash") or m.group("nth") or m.group("of"))) for i, m in marks]
    pages: list[int | None] = []
    if numbers[0][0] == first_text:
        current: int | None = None
        marks_at = dict(numbers)
        for i in range(len(lines)):
            current = marks_at.get(i, current)
            pages.append(current)
        return pages
    start = 0
    for i, number in numbers:
        pages.extend([number] * (i + 1 - start))
        start = i + 1
    pages.extend([numbers[-1][1] + 1] * (len(lines) - start))
    return pages


def extract(data: bytes) -> SourceDocument:
    """The blocks of a plain-text report (any of the supported encodings)."""
    text, encoding = decode(data)
    return extract_text(text, encoding=encoding)


def extract_text(text: str, *, encoding: str | None = None) -> SourceDocument:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cell_mode = sum(1 for line in lines if line.startswith("\t") and "\t" not in line[1:]) >= _MIN_CELL_LINES
    has_form_feeds = "\f" in text
    page: int | None = 1 if has_form_feeds else None
    marked_pages = None if has_form_feeds else page_numbers(lines)
    blocks: list[Block] = []
    grid = _GridBuilder()
    grid_page: int | None = page
    previous_was_cell = False

    grids = 0

    def flush_grid() -> None:
        nonlocal grids
        built = grid.build(grids + 1, grid_page)
        if built is not None:
            grids += 1
            blocks.append(built)

    for number, whole in enumerate(lines, start=1):
        if marked_pages is not None:
            page = marked_pages[number - 1]
        # A form feed starts a page. Each page's text is read, also when a line holds several
        # (pdftotext output whose line breaks were removed keeps only its form feeds).
        for index, raw in enumerate(whole.split("\f")):
            if index and page is not None:
                page += 1
            # Trailing tabs are kept: in a tab-separated row they are blank cells at the row's end.
            body = _pipes_to_tabs(raw.rstrip(" \r")) if "|" in raw else raw.rstrip(" \r")
            if cell_mode and body.startswith("\t") and "\t" not in body[1:]:
                if not grid.rows and not grid.row:
                    grid_page = page
                grid.row.append((body[1:], number))
                previous_was_cell = True
                continue
            inner_tab = "\t" in body.strip("\t ")
            # A row whose only text is its label still has its blank cells' tabs (one leading tab
            # alone is a paragraph indent, not a row).
            blank_cells = body.count("\t") >= 2 or body.endswith("\t")
            label_row = bool(grid.rows) and blank_cells and bool(body.strip())
            if not cell_mode and (inner_tab or label_row):
                # One row per line, cells separated by tabs; an empty field is a blank cell.
                if not grid.rows and not grid.row:
                    grid_page = page
                grid.row.extend((cell, number) for cell in body.split("\t"))
                grid.end_row()
                previous_was_cell = False
                continue
            if not body.strip():
                grid.end_row()
                previous_was_cell = False
                continue
            if PAGE_MARK.match(body):
                # A page number inside a table continued on the next page ("第 3 页 共 5 页"
                # between table 四's header and its figures): neither a row nor the table's end.
                continue
            if previous_was_cell and grid.row and len(body.strip()) <= _MAX_CONTINUATION:
                # A line break inside a cell: Word writes the rest of the cell without the tab.
                cell_text, line = grid.row[-1]
                grid.row[-1] = (f"{cell_text}\n{body.strip()}", line)
                continue
            previous_was_cell = False
            flush_grid()
            if cell_mode and _LONE_NUMBER.match(body):
                continue
            cleaned = clean_text(body)
            for piece in split_inline_headings(cleaned) if cleaned else ():
                blocks.append(TextLine(piece, page=page, line=number))
    flush_grid()
    return SourceDocument(tuple(blocks), source_format="text", encoding=encoding, cut=ends_cut(text))

"""HTML: a report as published on a web page, usually a whole saved page.

Parsed with lxml's HTML parser (libxml2's forgiving parser, the one lxml.html uses; its plain
elements, without lxml.html's Python element classes, which cost more than the parse on a page of
300 cells). What the page shows becomes blocks in
reading order:

- Data tables become ``Grid`` blocks with their rowspan/colspan, placed by the usual HTML table
  algorithm (a cell goes to the first column its row has free after the cells spanning down
  from above). Only innermost tables are data: a table that contains tables is page layout
  (old government sites lay whole pages out with tables), and its own text is running text.
- Everything else becomes ``TextLine`` blocks, one per block-level element or ``<br>``.
- ``<script>``, ``<style>``, comments and elements hidden with ``display:none`` are dropped;
  ``&nbsp;`` and full-width spaces become spaces; numbers wrapped in ``<span>``s keep together.

The encoding is taken from the bytes (BOM, UTF-8, GB18030 ...; ``gongkai.report.read.encoding``)
unless the page declares one with ``<meta charset>``, which is then used.
"""

from __future__ import annotations

import re

from lxml import etree

from gongkai.errors import ReportFormatError
from gongkai.report.read.document import Block, Grid, GridCell, SourceDocument, TextLine
from gongkai.report.read.encoding import decode

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.IGNORECASE)
_GB_NAMES = frozenset({"gb2312", "gbk", "gb18030", "x-gbk", "cp936"})
_SKIP = frozenset({"script", "style", "noscript", "template", "head", "select", "option", "button"})
#: Deleted or struck-out text (Word's tracked deletions saved as HTML: ``<del>12</del><ins>13</ins>``):
#: not the current text, and its figures would run into the current ones ("1213").
_DELETED = ("del", "s", "strike")
#: Elements after which the text continues on a new line.
_BLOCK = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
        "h3", "h4", "h5", "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre",
        "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul",
    }
)  # fmt: skip
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
#: Site furniture around the article on a saved page: by tag, or by a class/id word that
#: government site templates use for it. Dropped so it does not run into the last section.
_FURNITURE_TAGS = frozenset({"nav", "footer", "aside"})
_FURNITURE_NAMES = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|sidebar|footer|copyright|share)(?:$|[\s_-])",
    re.IGNORECASE,
)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u3000\u2002\u2003\u2009\u200b]+")
#: Spans beyond this are damaged markup, not a table (a 25-row table spans at most 25).
_MAX_SPAN = 200


def _decode(data: bytes) -> tuple[str, str]:
    declared = _META_CHARSET.search(data[:4096])
    if declared is not None:
        name = declared.group(1).decode("ascii").lower()
        encoding = "gb18030" if name in _GB_NAMES else name
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError):
            pass  # A wrong declaration is common; fall back to what the bytes say.
    return decode(data)


def extract(data: bytes) -> SourceDocument:
    text, encoding = _decode(data)
    # lxml refuses str input that carries an XML encoding declaration; drop it (already decoded).
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    if not text.strip():
        raise ReportFormatError("网页是空的")
    try:
        root = etree.fromstring(text, etree.HTMLParser(remove_comments=True, remove_pis=True))
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ReportFormatError("网页无法解析", detail=str(exc)) from exc
    _prepare(root)
    walker = _Walker()
    walker.walk(root)
    walker.flush()
    return SourceDocument(tuple(walker.blocks), source_format="html", encoding=encoding)


class _Walker:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.line: list[str] = []
        self.line_number: int | None = None
        self.tables = 0

    def flush(self) -> None:
        text = _SPACES.sub(" ", "".join(self.line)).strip()
        self.line = []
        if text:
            self.blocks.append(TextLine(text, line=self.line_number))

    def add(self, text: str | None, element: etree._Element) -> None:
        if text and text.strip():
            if not self.line:
                # 1-based line of the page's source where this text starts (for findings).
                self.line_number = _source_line(element)
            self.line.append(text.replace("\n", " "))

    def walk(self, element: etree._Element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag.lower() in _SKIP and tag.lower() != "head":
            return
        if tag == "" or _HIDDEN.search(element.get("style") or "") or _is_furniture(element, tag):
            return
        if tag.lower() == "head":
            # The page title often names the report ("…2023年度政府信息公开工作年度报告_…").
            for title in element.iter("title"):
                self.add("".join(str(t) for t in title.itertext()), title)
                self.flush()
            return
        if tag == "table" and not element.xpath(".//table"):
            self.flush()
            self.tables += 1
            grid = _grid(element, self.tables)
            if grid.cells:
                self.blocks.append(grid)
            return
        if tag == "br":
            self.flush()
            return
        block = tag in _BLOCK
        if block:
            self.flush()
        self.add(element.text, element)
        for child in element:
            self.walk(child)
            self.add(child.tail, element)
        if block:
            self.flush()


def _source_line(element: etree._Element) -> int | None:
    line = element.sourceline
    return line if isinstance(line, int) else None


def _is_furniture(element: etree._Element, tag: str) -> bool:
    if tag in _FURNITURE_TAGS:
        return True
    names = f"{element.get('class') or ''} {element.get('id') or ''}".strip()
    return bool(names) and _FURNITURE_NAMES.search(names) is not None


def _prepare(root: etree._Element) -> None:
    """Drop what a reader does not see and mark line breaks, once for the whole page, so that a
    cell's text is then lxml's own ``itertext`` (fast, in C) rather than a walk in Python."""
    etree.strip_elements(root, etree.Comment, *(_SKIP - {"head"}), *_DELETED, with_tail=False)
    hidden = [e for e in root.iter() if _HIDDEN.search(e.get("style") or "")]
    for element in hidden:
        if element.getparent() is not None:
            _drop(element)
    for element in root.iter("br", "p", "div", "li"):
        element.tail = "\n" + (element.tail or "")


def _drop(element: etree._Element) -> None:
    """Remove an element but keep the text that follows it (lxml.html's drop_tree)."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _cell_text(cell: etree._Element) -> str:
    # tostring(method="text") is lxml's C serialiser: four times faster than itertext here.
    text = etree.tostring(cell, method="text", encoding="unicode", with_tail=False)
    if "\u200b" in text:
        text = text.replace("\u200b", "")
    if "\n" not in text:
        # str.split() splits on every Unicode space, &nbsp; and the full-width space included.
        return " ".join(text.split())
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _span(cell: etree._Element, name: str) -> int:
    text = cell.get(name)
    if text is None:
        return 1
    try:
        value = int(text.strip())
    except ValueError:
        return 1
    return min(max(value, 1), _MAX_SPAN)


def _grid(table: etree._Element, index: int) -> Grid:
    """The table's cells placed on a grid (the HTML table model, simplified: no <col> groups)."""
    occupied: set[tuple[int, int]] = set()
    cells: list[GridCell] = []
    rows = list(table.iter("tr"))
    height = len(rows)
    for r, tr in enumerate(rows):
        column = 0
        for cell in tr.iterchildren("td", "th"):
            while (r, column) in occupied:
                column += 1
            row_span = column_span = 1
            if cell.get("rowspan") is not None:
                row_span = min(_span(cell, "rowspan"), height - r)
            if cell.get("colspan") is not None:
                column_span = _span(cell, "colspan")
            if row_span > 1 or column_span > 1:
                occupied.update((r + dr, column + dc) for dr in range(row_span) for dc in range(column_span))
            line = _source_line(cell)
            cells.append(GridCell(_cell_text(cell), r, column, row_span, column_span, None, line))
            column += column_span
    return Grid(tuple(cells), index=index)

"""A fourth way of damaging reports for the reader (issue 13): what PDF-to-Markdown converters, OCR
and web copies do that ``damage.py``, ``attack.py`` and ``attack3.py`` do not.

Every input starts from the generated report's HTML page (``attack._page``). Its tables are written
as a converter writes them, a cell grid whose merged cells hold their text in their first position
only (colspan and rowspan flattened, the covered positions left empty: what marker, docling and
most "HTML to Markdown" tools print), then changed:

- ``md_spans_blank``: that Markdown, undamaged (the reference of the kinds below);
- ``md_br_cells``: ``<br>`` (or ``<br/>``) inside header and label cells, as a PDF line break inside
  a cell comes out ("商业<br>企业", "（三）不予公开<br>1.属于国家秘密");
- ``md_page_break_header``: table 三 continued on the next page: a page footer ("第 3 页 共 5 页"),
  sometimes the report's running title, then table 三's header rows and alignment row again;
- ``md_page_break_no_header``: table 三 cut at a page break, its continuation a Markdown table of
  its own whose first data row became the header row;
- ``html_spans_blank``: the same grid as HTML, every covered position an empty ``<td>`` (spans lost);
- ``md_rows_merged_br``: two rows of table 三 printed as one, each cell "a<br>b";
- ``html_rows_merged_br``: that HTML with two rows of table 三 as one, each cell "a<br>b";
- ``md_footer_row``: the page footer inside table 三 or 四 as a one-cell table row;
- ``md_ocr_letters``: OCR'd figures: 0 read as O or o, 1 as l or I (in value cells only);
- ``md_row_dropped`` / ``md_row_doubled``: OCR dropped one row of table 三, or printed it twice;
- ``md_cells_merged``: OCR merged two neighbouring value cells of a row into one ("3 5"; the row
  keeps its width with an empty cell at its end);
- ``md_thousands``: four-digit figures written "1,234", "1，234" or "1 234" (big samples);
- ``cells_per_line_tables``: the narrative and table 二 as Markdown, tables 三 and 四 as blocks of
  one cell per line with no blank line between rows (a copy of a page whose tables are ``div``s);
- ``text_footer_in_tables``: tab- or space-separated rows with a page footer line inside table 二,
  三 and 四 (between table 四's header and its figures too).

The truth is always the original report: where the damage destroys information (a dropped row,
two merged cells) null is allowed, a different number is a wrong value.
``attack4(kind, seed)`` returns an ``attack.Damaged``; score it with ``attack.score``.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Mapping
from html import escape

from lxml import html as lxml_html

from support.attack import Damaged, _cell_text, _page, sample, thousands

Grid = list[list[str]]
#: A table's rows as cells, with how many of its first rows are its header.
Table = tuple[Grid, int]

_TABLE3_CAPTION = "三、收到和处理政府信息公开申请情况"


def page_blocks(root: lxml_html.HtmlElement) -> list[str | Table]:
    """The page in reading order: paragraph and heading texts, and tables as flattened grids
    (a merged cell's text in its first position, the positions it covers empty)."""
    body = root.find("body")
    assert body is not None
    out: list[str | Table] = []
    for element in body.iter("h1", "h2", "h3", "p", "table"):
        if element.tag != "table":
            if not any(a.tag == "table" for a in element.iterancestors()):
                out.append(_cell_text(element))
            continue
        caption = element.find("caption")
        if caption is not None:
            out.append(_cell_text(caption))
        grid: dict[tuple[int, int], str] = {}
        header_rows = 0
        for r, tr in enumerate(element.iter("tr")):
            c = 0
            if tr.getparent().tag == "thead":
                header_rows = r + 1
            for cell in tr.iter("th", "td"):
                while (r, c) in grid:
                    c += 1
                rows, cols = int(cell.get("rowspan", "1")), int(cell.get("colspan", "1"))
                for dr in range(rows):
                    for dc in range(cols):
                        grid[(r + dr, c + dc)] = "" if dr or dc else _cell_text(cell)
                c += cols
        height = 1 + max(r for r, _ in grid)
        width = 1 + max(c for _, c in grid)
        out.append(([[grid.get((r, c), "") for c in range(width)] for r in range(height)], header_rows))
    return out


def _is_value(cell: str) -> bool:
    return bool(re.fullmatch(r"\d+(?:\.\d+)?", cell))


def write(blocks: list[str | Table], table: Callable[[Table], list[str]]) -> str:
    """The page as lines: paragraphs as they are, each table as the lines ``table`` makes of it."""
    lines: list[str] = []
    for block in blocks:
        lines.extend([block] if isinstance(block, str) else table(block))
    return "\n".join(lines) + "\n"


def _markdown_table(table: Table) -> list[str]:
    grid, _ = table
    lines = [""]
    for r, row in enumerate(grid):
        lines.append("| " + " | ".join(row) + " |")
        if r == 0:
            lines.append("|" + "---|" * len(row))
    return [*lines, ""]


def markdown(blocks: list[str | Table]) -> str:
    return write(blocks, _markdown_table)


def _tables(blocks: list[str | Table]) -> list[Table]:
    return [b for b in blocks if not isinstance(b, str)]


def _table3(blocks: list[str | Table]) -> Table:
    """Table 三: the table after its caption."""
    at = max(i for i, b in enumerate(blocks) if b == _TABLE3_CAPTION)
    table = blocks[at + 1]
    assert not isinstance(table, str)
    return table


def _data_rows(table: Table) -> list[int]:
    grid, header = table
    return [r for r in range(header, len(grid)) if sum(_is_value(c) for c in grid[r]) >= 7]


def _edit_cells(blocks: list[str | Table], edit: Callable[[str], str], values: bool) -> None:
    """Apply ``edit`` to every value cell (``values``) or every non-empty text cell of every table."""
    for grid, _ in _tables(blocks):
        for row in grid:
            for c, cell in enumerate(row):
                if cell and _is_value(cell) == values:
                    row[c] = edit(cell)


# ---------------------------------------------------------------------------------------------
# The changes
# ---------------------------------------------------------------------------------------------

FOOTERS = ("第 3 页 共 5 页", "第3页 共5页", "- 3 -", "第 3 页，共 5 页", "3 / 5")


def br_cells(blocks: list[str | Table], rng: random.Random) -> None:
    br = rng.choice(("<br>", "<br/>", "<br />"))

    def cut(cell: str) -> str:
        if len(cell) < 4 or rng.random() > 0.5:
            return cell
        at = rng.randint(1, len(cell) - 1)
        return cell[:at] + br + cell[at:]

    _edit_cells(blocks, cut, values=False)


def page_break_header(blocks: list[str | Table], rng: random.Random) -> None:
    grid, header = _table3(blocks)
    rows = _data_rows((grid, header))
    at = rng.choice(rows[1:])
    footer = rng.choice(FOOTERS)
    running = rng.random() < 0.5
    title = blocks[0]
    assert isinstance(title, str)
    repeat = [list(r) for r in grid[:header]]
    index = blocks.index((grid, header))
    blocks[index : index + 1] = [
        (grid[:at], header),
        footer,
        *([title] if running else []),
        (repeat + grid[at:], header),
    ]


def rows_merged_br(blocks: list[str | Table], rng: random.Random) -> None:
    """Two neighbouring rows of table 三 as one, each cell holding both rows' texts apart by
    ``<br>`` (a converter that missed the rule between two rows; an empty side stays empty)."""
    grid, header = _table3(blocks)
    rows = _data_rows((grid, header))
    at = rng.choice([r for r in rows if r + 1 in rows])
    br = rng.choice(("<br>", "<br/>"))
    grid[at] = [br.join(c for c in pair if c) for pair in zip(grid[at], grid[at + 1], strict=True)]
    del grid[at + 1]


def page_break_no_header(blocks: list[str | Table], rng: random.Random) -> None:
    """Table 三 cut at a page break, its continuation a table of its own without the header: the
    converter makes the continuation's first data row that table's header (alignment row after it)."""
    grid, header = _table3(blocks)
    at = rng.choice(_data_rows((grid, header))[1:])
    index = blocks.index((grid, header))
    blocks[index : index + 1] = [(grid[:at], header), rng.choice(FOOTERS), (grid[at:], 0)]


def _html_cell(text: str) -> str:
    """A cell's text escaped, its line breaks (``<br>``, ``<br/>``) kept as elements."""
    return re.sub(r"&lt;br ?/?&gt;", "<br>", escape(text))


def html_table(blocks: list[str | Table]) -> bytes:
    """The page as HTML whose merged cells lost rowspan/colspan: every position a cell of its own,
    the covered positions empty ``<td>`` (a copy through an editor that flattens spans)."""
    parts = ["<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>"]
    for block in blocks:
        if isinstance(block, str):
            parts.append(f"<p>{escape(block)}</p>")
            continue
        parts.append("<table>")
        for row in block[0]:
            parts.append("<tr>" + "".join(f"<td>{_html_cell(cell)}</td>" for cell in row) + "</tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    return "".join(parts).encode("utf-8")


def footer_row(blocks: list[str | Table], rng: random.Random) -> None:
    tables = _tables(blocks)
    grid, _ = rng.choice([_table3(blocks), tables[-1]])
    at = rng.randint(1, len(grid) - 1)
    grid.insert(at, [rng.choice(FOOTERS)] + [""] * (len(grid[0]) - 1))


_OCR = {"0": ("O", "o"), "1": ("l", "I")}


def ocr_letters(blocks: list[str | Table], rng: random.Random) -> None:
    def edit(cell: str) -> str:
        return "".join(rng.choice(_OCR[ch]) if ch in _OCR and rng.random() < 0.15 else ch for ch in cell)

    _edit_cells(blocks, edit, values=True)


def row_dropped(blocks: list[str | Table], rng: random.Random) -> None:
    grid, header = _table3(blocks)
    del grid[rng.choice(_data_rows((grid, header)))]


def row_doubled(blocks: list[str | Table], rng: random.Random) -> None:
    grid, header = _table3(blocks)
    at = rng.choice(_data_rows((grid, header)))
    grid.insert(at, list(grid[at]))


def cells_merged(blocks: list[str | Table], rng: random.Random) -> None:
    grid, header = _table3(blocks)
    for r in rng.sample(_data_rows((grid, header)), 2):
        row = grid[r]
        values = [c for c, cell in enumerate(row) if _is_value(cell)]
        c = rng.choice(values[:-1])
        merged = f"{row[c]} {row[c + 1]}"
        grid[r] = [*row[:c], merged, *row[c + 2 :], ""]


def thousands_marks(blocks: list[str | Table], rng: random.Random) -> None:
    mark = rng.choice((",", "，", " "))
    _edit_cells(blocks, lambda cell: thousands(cell).replace(",", mark), values=True)


def cells_per_line_tables(blocks: list[str | Table]) -> str:
    """Table 二 and the narrative as Markdown; tables 三 and 四 as one non-empty cell per line."""
    table3 = _table3(blocks)
    at = blocks.index(table3)
    head = markdown(blocks[:at])
    lines: list[str] = []
    for block in blocks[at:]:
        if isinstance(block, str):
            lines.append(block)
        else:
            lines.extend(cell for row in block[0] for cell in row if cell)
    return head + "\n".join(lines) + "\n"


def text_with_footers(blocks: list[str | Table], rng: random.Random, sep: str) -> str:
    """Rows as ``sep``-separated text; a page footer line inside each table (for table 四 between its
    header rows and its figures)."""

    def rows(table: Table) -> list[str]:
        grid, header = table
        lines = [sep.join(cell for cell in row if cell) for row in grid]
        at = len(grid) - 1 if len(grid) <= header + 1 else rng.randint(header, len(grid) - 1)
        lines.insert(at, rng.choice(FOOTERS))
        return lines

    return write(blocks, rows)


# ---------------------------------------------------------------------------------------------
# The kinds
# ---------------------------------------------------------------------------------------------

Change = Callable[[list[str | Table], random.Random], None]
Make = Callable[[int, random.Random], Damaged]


def _markdown_kind(change: Change | None, big: bool = False) -> Make:
    def make(seed: int, rng: random.Random) -> Damaged:
        report = sample(seed, big=big)
        blocks = page_blocks(_page(report, seed=seed, big=big))
        if change is not None:
            change(blocks, rng)
        return Damaged(markdown(blocks).encode("utf-8"), report)

    return make


def _html_kind(change: Change | None) -> Make:
    def make(seed: int, rng: random.Random) -> Damaged:
        report = sample(seed)
        blocks = page_blocks(_page(report, seed=seed))
        if change is not None:
            change(blocks, rng)
        return Damaged(html_table(blocks), report)

    return make


def _cells_per_line(seed: int, rng: random.Random) -> Damaged:
    report = sample(seed)
    return Damaged(cells_per_line_tables(page_blocks(_page(report, seed=seed))).encode("utf-8"), report)


def _footers(seed: int, rng: random.Random) -> Damaged:
    report = sample(seed)
    text = text_with_footers(page_blocks(_page(report, seed=seed)), rng, rng.choice(("\t", " ")))
    return Damaged(text.encode("utf-8"), report)


KINDS4: Mapping[str, Make] = {
    "md_spans_blank": _markdown_kind(None),
    "md_br_cells": _markdown_kind(br_cells),
    "md_page_break_header": _markdown_kind(page_break_header),
    "md_page_break_no_header": _markdown_kind(page_break_no_header),
    "md_footer_row": _markdown_kind(footer_row),
    "md_rows_merged_br": _markdown_kind(rows_merged_br),
    "md_ocr_letters": _markdown_kind(ocr_letters),
    "md_row_dropped": _markdown_kind(row_dropped),
    "md_row_doubled": _markdown_kind(row_doubled),
    "md_cells_merged": _markdown_kind(cells_merged),
    "md_thousands": _markdown_kind(thousands_marks, big=True),
    "html_spans_blank": _html_kind(None),
    "html_rows_merged_br": _html_kind(rows_merged_br),
    "cells_per_line_tables": _cells_per_line,
    "text_footer_in_tables": _footers,
}


def attack4(kind: str, seed: int) -> Damaged:
    """The damaged input of ``kind`` for sample ``seed``."""
    return KINDS4[kind](seed, random.Random(f"attack4:{kind}:{seed}"))

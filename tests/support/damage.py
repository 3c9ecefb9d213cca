"""Damage done to published reports on their way to a reader, applied to generated reports.

Each kind of damage (issue 13) turns a report from ``gongkai.report.samples``, rendered as an HTML
page by Gongkai's own renderer, into the text a reader then gets:

- ``glued``: every cell and paragraph run together with no separator, as a portal crawler stores a
  page's text (one long line, section headings inline);
- ``split_headers``: text with one cell per line whose header cells are broken over two lines;
- ``drop_labels``: table 3 as Markdown pipe rows, some of whose rows lost their labels;
- ``flatten_table4``: table 4's header on one line and its fifteen figures on one line;
- ``flatten_table3``: table 3's rows, labels and figures, all on one line;
- ``cut``: the text stopped at a random point inside the tables;
- ``traditional``: Traditional characters, some figures in full-width digits;
- ``pipe_rows``: every table row as ``label | n | n |`` (with or without the leading pipe, without
  the closing one too), or one cell per line ending in ``|``.

``damage(report, kind, rng)`` returns the damaged text; ``KINDS`` lists the kinds.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from lxml import html as lxml_html

from gongkai.report.model import AnnualReport
from gongkai.report.read.labels import SIMPLIFIED, TRADITIONAL
from gongkai.report.render import render

_TO_TRADITIONAL = str.maketrans(dict(zip(SIMPLIFIED, TRADITIONAL, strict=True)))
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@dataclass(frozen=True, slots=True)
class Item:
    """A paragraph (``cells`` of one) or a table row, with the table it belongs to (0: none)."""

    cells: tuple[str, ...]
    table: int
    row: bool


def page_items(report: AnnualReport) -> list[Item]:
    """The rendered page's paragraphs and table rows in reading order."""
    root = lxml_html.fromstring(render(report, "html"))
    items: list[Item] = []
    tree = root.getroottree()
    tables = {tree.getpath(t): i + 1 for i, t in enumerate(root.iter("table"))}
    for element in root.iter("h1", "h2", "h3", "p", "tr"):
        if element.tag == "tr":
            table = next(a for a in element.iterancestors("table"))
            cells = tuple(" ".join(c.text_content().split()) for c in element.iter("th", "td"))
            items.append(Item(cells, tables[tree.getpath(table)], True))
        else:
            text = " ".join(element.text_content().split())
            if text and not any(a.tag == "table" for a in element.iterancestors()):
                items.append(Item((text,), 0, False))
    return items


def one_cell_per_line(items: list[Item]) -> str:
    """A line per paragraph and per cell, a blank line after each row (text copied from a page)."""
    lines: list[str] = []
    for item in items:
        lines.extend(c for c in item.cells if c)
        if item.row:
            lines.append("")
    return "\n".join(lines) + "\n"


def glued(report: AnnualReport, rng: random.Random) -> str:
    return "".join(c for item in page_items(report) for c in item.cells)


def split_headers(report: AnnualReport, rng: random.Random) -> str:
    items = page_items(report)
    out = []
    for item in items:
        if item.row:
            cells = []
            for cell in item.cells:
                if len(cell) >= 3 and not any(ch.isdigit() for ch in cell) and rng.random() < 0.7:
                    at = rng.randint(1, len(cell) - 1)
                    cell = f"{cell[:at]}\n{cell[at:]}"
                cells.append(cell)
            item = Item(tuple(cells), item.table, True)
        out.append(item)
    return one_cell_per_line(out)


def drop_labels(report: AnnualReport, rng: random.Random) -> str:
    """Table 3 as pipe rows (label cells, then seven figures); a few rows keep only their figures."""
    lines: list[str] = []
    rows = page_items(report)
    table3 = [
        i
        for i in rows
        if i.row
        and len(i.cells) >= 8
        and not i.cells[0].isdigit()
        and all(_cell_is_value(c) for c in i.cells[-7:])
    ]
    dropped = set(rng.sample(range(len(table3)), k=min(len(table3), rng.randint(1, 6))))
    index = 0
    in_table = False
    for item in rows:
        if item in table3:
            if not in_table:
                lines.append(_TABLE3_HEADER)
                lines.append("|---|---|---|---|---|---|---|---|")
                in_table = True
            label = "".join(item.cells[:-7])
            values = item.cells[-7:]
            if index in dropped:
                lines.append("| " + " | ".join(values) + " |")
            else:
                lines.append(f"| {label} | " + " | ".join(values) + " |")
            index += 1
            continue
        if in_table:
            lines.append("")
            in_table = False
        lines.extend(c for c in item.cells if c)
        if item.row:
            lines.append("")
    return "\n".join(lines) + "\n"


_TABLE3_HEADER = "| 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |"


def _cell_is_value(text: str) -> bool:
    return text.isdigit() or text == ""


def flatten_table4(report: AnnualReport, rng: random.Random) -> str:
    items = page_items(report)
    table4 = max(i.table for i in items)
    lines: list[str] = []
    header: list[str] = []
    for item in items:
        if item.table == table4 and item.row:
            if all(c.isdigit() for c in item.cells if c):
                lines.append(" ".join(header))
                lines.append(" ".join(item.cells))
            else:
                header.extend(c for c in item.cells if c)
            continue
        lines.extend(c for c in item.cells if c)
        if item.row:
            lines.append("")
    return "\n".join(lines) + "\n"


def flatten_table3(report: AnnualReport, rng: random.Random) -> str:
    """Table 3's rows (labels and figures) on one line, separated by spaces."""
    items = page_items(report)
    lines: list[str] = []
    flat: list[str] = []
    for item in items:
        if item.row and len(item.cells) >= 8 and not item.cells[0].isdigit() and item.cells[-1].isdigit():
            flat.extend(c for c in item.cells if c)
            continue
        if flat:
            lines.append(" ".join(flat))
            flat = []
        lines.extend(c for c in item.cells if c)
        if item.row:
            lines.append("")
    return "\n".join(lines) + "\n"


def cut(report: AnnualReport, rng: random.Random) -> str:
    text = one_cell_per_line(page_items(report))
    start = text.find("第二十条")
    end = text.find("五、存在的主要问题")
    return text[: rng.randint(start, end)]


def traditional(report: AnnualReport, rng: random.Random) -> str:
    lines = one_cell_per_line(page_items(report)).split("\n")
    out = []
    for line in lines:
        line = line.translate(_TO_TRADITIONAL)
        if line.isdigit() and rng.random() < 0.5:
            line = line.translate(_FULL_WIDTH)
        out.append(line)
    return "\n".join(out)


def pipe_rows(report: AnnualReport, rng: random.Random) -> str:
    lead = rng.random() < 0.5
    per_line = rng.random() < 0.3
    close = lead or rng.random() < 0.6
    lines: list[str] = []
    for item in page_items(report):
        if not item.row:
            lines.extend(item.cells)
            continue
        cells = list(item.cells)
        if per_line:
            lines.extend(f"{c} |" for c in cells)
            lines.append("")
        else:
            lines.append(("| " if lead else "") + " | ".join(cells) + (" |" if close else ""))
    return "\n".join(lines) + "\n"


KINDS: dict[str, Callable[[AnnualReport, random.Random], str]] = {
    "glued": glued,
    "split_headers": split_headers,
    "drop_labels": drop_labels,
    "flatten_table4": flatten_table4,
    "flatten_table3": flatten_table3,
    "cut": cut,
    "traditional": traditional,
    "pipe_rows": pipe_rows,
}


def damage(report: AnnualReport, kind: str, rng: random.Random) -> str:
    return KINDS[kind](report, rng)

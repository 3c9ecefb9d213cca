"""A third attack on the report reader (issue 13): damage that neither ``damage.py`` nor
``attack.py`` makes, as reports copied off the web come.

The inputs start from the generated report's HTML page (``attack._page``) and are changed either in
the tree (merged cells, ``<del>``/``<ins>``, ``&nbsp;`` cells, footnote marks, units after figures)
or as tab-separated rows (``attack.html_cells``) before the separators are chosen:

- table structure: 三's rows shuffled, a row duplicated, a row dropped, the 总计 column printed
  first, two organisation columns swapped, one column dropped (header too), table 三 or 四
  transposed, the 2019 single "（六）其他处理" row in a 2021 report, last year's table 三 appended,
  a page footer/header (page numbers, URL, date) or the repeated column header of a page break in
  the middle of table 三, "1." enumerators moved onto the line before, merged cells dropped,
  rowspan filled but colspan not (and the reverse);
- figures: units after figures (件/个/人/万元), the fee written in 元, thin-space thousands
  separators, footnote marks after a figure (¹, ①, *, [1]), 〇/零 for zero, 无 or "不适用" for
  zero, track-changes remnants marked as such (struck "~~12~~13", "12 13" in one cell,
  ``<del>``/``<ins>``), mixed full-width digits inside one figure, mixed space characters
  (U+2009, U+3000, U+00A0) between figures, with or without some tabs;
- misprinted (``MISPRINTED``: the truth is the report as printed, and ``check`` must flag it): OCR
  confusing digits among themselves (8/3, 1/7, 5/6, 0/8) in one cell of table 三/四, an unmarked
  tracked change whose old value runs into the new one ("12" + "13" = "1213");
- formats: Markdown with alignment rows and escaped pipes, HTML with ``&nbsp;`` for blank cells,
  tables printed as "标签：n件" lines.

``attack3(kind, seed)`` returns an ``attack.Damaged``; score it with ``attack.score``. Where the
damage destroys information (a dropped column, a one-row 其他处理, a transposed table), the truth
stays the original report: null is allowed, a different number is a wrong value.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Mapping
from decimal import Decimal

from lxml import etree
from lxml import html as lxml_html

from gongkai.report.model import AnnualReport
from support.attack import Damaged, _page, html_bytes, html_cells, sample

Lines = list[str]
LineChange = Callable[[Lines, random.Random], Lines]

_NUM = re.compile(r"\d+(?:\.\d+)?")
_TABLE3_CAPTION = "三、收到和处理政府信息公开申请情况"
_TABLE4_CAPTION = "四、政府信息公开行政复议、行政诉讼情况"


def _utf8(text: str) -> bytes:
    return text.encode("utf-8")


def _lines(report: AnnualReport, seed: int | None, big: bool = False) -> Lines:
    """The page as tab-separated rows (one line per heading, paragraph, caption and table row)."""
    return html_cells(_page(report, seed=seed, big=big), "\t").rstrip("\n").split("\n")


def _caption_at(lines: Lines, caption: str) -> int:
    """The index of ``caption`` as a table caption (its second occurrence: the first is the heading)."""
    found = [i for i, line in enumerate(lines) if line == caption]
    return found[-1]


def table3_rows(lines: Lines) -> list[int]:
    """Indices of table 三's data rows (a line ending with seven figures)."""
    start, end = _caption_at(lines, _TABLE3_CAPTION), _caption_at(lines, _TABLE4_CAPTION)
    return [i for i in range(start, end) if len(_cells(lines[i])) >= 8 and _figures(lines[i]) >= 7]


def table3_header(lines: Lines) -> list[int]:
    """Indices of table 三's header rows (between its caption and its first data row)."""
    start = _caption_at(lines, _TABLE3_CAPTION)
    return list(range(start + 1, table3_rows(lines)[0]))


def table4_rows(lines: Lines) -> tuple[list[int], int]:
    """Table 四's header row indices and its value row index."""
    start = _caption_at(lines, _TABLE4_CAPTION)
    value = next(i for i in range(start, len(lines)) if _figures(lines[i]) == 15)
    return list(range(start + 1, value)), value


def _cells(line: str) -> list[str]:
    return line.split("\t")


def _figures(line: str) -> int:
    """How many trailing cells of a row are figures."""
    n = 0
    for cell in reversed(_cells(line)):
        if not re.fullmatch(r"\d+", cell):
            break
        n += 1
    return n


def _join(lines: Lines, sep: str) -> bytes:
    return _utf8("\n".join(line.replace("\t", sep) for line in lines) + "\n")


# ---------------------------------------------------------------------------------------------
# Table structure
# ---------------------------------------------------------------------------------------------


def rows_shuffled(lines: Lines, rng: random.Random) -> Lines:
    """Table 三's data rows in a random order (each keeps its own label and figures).

    The rows of a group lose their group label when they move, so the shuffled rows get their full
    label ("（三）不予公开 1.属于国家秘密") -- a reader must not attach them to the previous group.
    """
    rows = table3_rows(lines)
    group = ""
    labelled: list[str] = []
    for i in rows:
        cells = _cells(lines[i])
        labels = cells[: len(cells) - 7]
        if len(labels) >= 2 and labels[0].startswith("三、"):
            labels = labels[1:]
        if len(labels) >= 2 and labels[0].startswith("（"):
            group = labels[0]
        elif labels and re.match(r"\d\.", labels[0]) and group:
            labels = [group, *labels]
        else:
            group = ""
        labelled.append("\t".join([*labels, *cells[-7:]]))
    rng.shuffle(labelled)
    out = list(lines)
    for i, line in zip(rows, labelled, strict=True):
        out[i] = line
    return out


def row_duplicated(lines: Lines, rng: random.Random) -> Lines:
    """One of table 三's rows printed twice in a row (a page break repeating its last row)."""
    i = rng.choice(table3_rows(lines))
    return [*lines[: i + 1], lines[i], *lines[i + 1 :]]


def total_first(lines: Lines, rng: random.Random) -> Lines:
    """Table 三 with its 总计 column printed first (header and every row)."""
    out = list(lines)
    header = table3_header(lines)
    out[header[1]] = "总计\t自然人\t法人或其他组织"
    for i in table3_rows(lines):
        cells = _cells(lines[i])
        labels, figures = cells[:-7], cells[-7:]
        out[i] = "\t".join([*labels, figures[-1], *figures[:-1]])
    return out


_T3_COLUMNS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")


def column_dropped(lines: Lines, rng: random.Random) -> Lines:
    """One of table 三's columns (not 总计) left out entirely, its header cell too."""
    k = rng.randrange(6)
    out = list(lines)
    header = table3_header(lines)
    if k == 0:
        out[header[1]] = "法人或其他组织\t总计"
    else:
        names = [c for c in _T3_COLUMNS[1:] if c != _T3_COLUMNS[k]]
        out[header[2]] = "\t".join(names)
    for i in table3_rows(lines):
        cells = _cells(lines[i])
        labels, figures = cells[:-7], cells[-7:]
        out[i] = "\t".join([*labels, *figures[:k], *figures[k + 1 :]])
    return out


def columns_swapped(lines: Lines, rng: random.Random) -> Lines:
    """Two of table 三's organisation columns printed in the other order (header and rows), as an
    agency that redrew the table did: every row still adds up, only the header tells."""
    a, b = sorted(rng.sample(range(1, 6), 2))
    out = list(lines)
    header = table3_header(lines)
    names = list(_T3_COLUMNS[1:])
    names[a - 1], names[b - 1] = names[b - 1], names[a - 1]
    out[header[2]] = "\t".join(names)
    for i in table3_rows(lines):
        cells = _cells(lines[i])
        figures = cells[-7:]
        figures[a], figures[b] = figures[b], figures[a]
        out[i] = "\t".join([*cells[:-7], *figures])
    return out


def row_dropped(lines: Lines, rng: random.Random) -> Lines:
    """One of table 三's rows missing (lost at a page break)."""
    i = rng.choice(table3_rows(lines))
    return [*lines[:i], *lines[i + 1 :]]


def previous_year_appended(lines: Lines, rng: random.Random) -> Lines:
    """Last year's table 三 printed after this year's for comparison ("附：上年度情况"), its
    figures different (each non-zero figure changed by a little)."""
    rows = table3_rows(lines)
    header = table3_header(lines)

    def older(cell: str) -> str:
        return str(int(cell) + rng.randint(0, 3)) if cell.isdigit() and cell != "0" else cell

    copy = ["附：上年度政府信息公开申请情况", *(lines[h] for h in header)]
    copy += ["\t".join(older(c) for c in _cells(lines[i])) for i in rows]
    return [*lines[: rows[-1] + 1], *copy, *lines[rows[-1] + 1 :]]


def table3_transposed(lines: Lines, rng: random.Random) -> Lines:
    """Table 三 transposed: one line per applicant column, its figures in row order."""
    rows = table3_rows(lines)
    matrix = [_cells(lines[i])[-7:] for i in rows]
    header = table3_header(lines)
    new = [lines[header[0]].split("\t")[0]]
    for c, name in enumerate([*_T3_COLUMNS, "总计"]):
        new.append("\t".join([name, *(row[c] for row in matrix)]))
    return [*lines[: header[0]], *new, *lines[rows[-1] + 1 :]]


_T4_NAMES = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")


def table4_transposed(lines: Lines, rng: random.Random) -> Lines:
    """Table 四 printed as one line per column: "行政复议 结果维持 2"."""
    header, value = table4_rows(lines)
    figures = _cells(lines[value])
    groups = ("行政复议", "行政诉讼 未经复议直接起诉", "行政诉讼 复议后起诉")
    new = [
        f"{group}\t{name}\t{figures[5 * g + k]}"
        for g, group in enumerate(groups)
        for k, name in enumerate(_T4_NAMES)
    ]
    return [*lines[: header[0]], *new, *lines[value + 1 :]]


def other_processing_2019(lines: Lines, rng: random.Random) -> Lines:
    """A 2021 report whose three "（六）其他处理" rows are printed as the 2019 format's single row
    (their sums): the three cells cannot be told apart."""
    rows = table3_rows(lines)
    at = [i for i in rows if "（六）其他处理" in lines[i] and lines[i + 1].startswith("2.")]
    if not at:
        return lines
    first = at[0]
    three = [first, first + 1, first + 2]
    sums = [sum(int(_cells(lines[i])[-7:][c]) for i in three) for c in range(7)]
    merged = "\t".join(["（六）其他处理", *map(str, sums)])
    return [*lines[:first], merged, *lines[first + 3 :]]


_FOOTERS = (
    "第 2 页 共 5 页",
    "- 3 -",
    "2",
    "第2页/共4页",
    "http://www.example.gov.cn/zwgk/2024/0120/art_1234_567890.html",
    "2024/1/20 10:35:12",
    "2024年1月20日",
    "示例市人民政府办公室 2024-01-20",
    "— 12 —",
)


def footer_inside(lines: Lines, rng: random.Random) -> Lines:
    """A page footer/header line (page numbers, URL, print date) between two of table 三's rows."""
    rows = table3_rows(lines)
    i = rng.choice(rows[1:])
    inserted = [rng.choice(_FOOTERS) for _ in range(rng.randint(1, 2))]
    return [*lines[:i], *inserted, *lines[i:]]


def page_break_header(lines: Lines, rng: random.Random) -> Lines:
    """Table 三 broken over two pages, its column header (and the caption, sometimes with 续表)
    repeated before the rows of the second page."""
    rows = table3_rows(lines)
    i = rng.choice(rows[2:-1])
    header = [lines[h] for h in table3_header(lines)]
    again = header if rng.random() < 0.5 else ["（续表）", *header]
    return [*lines[:i], *again, *lines[i:]]


def enumerator_detached(lines: Lines, rng: random.Random) -> Lines:
    """The "1." of sub-row labels moved onto the line before (a PDF extractor that puts a
    vertically-centred enumerator at the end of the previous row)."""
    out = list(lines)
    for i in table3_rows(lines):
        cells = _cells(out[i])
        for j, cell in enumerate(cells[:-7]):
            m = re.match(r"(\d\.)(.+)", cell)
            if m and rng.random() < 0.5:
                cells[j] = m.group(2)
                out[i - 1] = out[i - 1] + "\t" + m.group(1)
        out[i] = "\t".join(cells)
    return out


# ---------------------------------------------------------------------------------------------
# Figures
# ---------------------------------------------------------------------------------------------

_OCR_DIGITS = {"8": "3", "3": "8", "1": "7", "7": "1", "5": "6", "6": "5", "0": "8"}


def misprint(report: AnnualReport, rng: random.Random, style: str) -> tuple[AnnualReport, str]:
    """``report`` with one table-3/4 figure as a copy shows it: one digit read as another by OCR
    (8/3, 1/7, 5/6, 0/8: the row still looks numeric), or a tracked change whose deleted value runs
    into the new one ("12" then "13": "1213").

    The text then prints that figure and nothing marks it: it is what a published table that does
    not balance looks like, and the reader's contract (issue 13 item 7) is to read it as printed and
    let the checks flag the table. So the truth is the report as printed, and ``check`` must find an
    error in the reading.
    """
    cells = [
        (p, v)
        for p, v in report.cells()
        if isinstance(v, int) and (p.startswith("table3.") or p.startswith("table4."))
    ]
    path, value = rng.choice(cells)
    if style == "ocr":
        figure = str(value)
        at = rng.randrange(len(figure))
        changed = int(figure[:at] + _OCR_DIGITS.get(figure[at], "8") + figure[at + 1 :])
    else:
        # The deleted value is a figure of its own (no leading 0), so the two run into a new number.
        old = rng.choice([v for v in (value - 3, value - 1, value + 1, value + 2, value + 5) if v >= 1])
        changed = int(f"{old}{value}")
    return report.with_cell(path, changed), f"{path}: {value} -> {changed}"


_UNITS = ("件", "个", "人", "项", " 件")


def with_units(lines: Lines, rng: random.Random) -> Lines:
    """Every figure of tables 二–四 followed by a unit (件/个/人/项; 万元 after the fee)."""
    unit = rng.choice(_UNITS)
    out = []
    start = next(i for i, line in enumerate(lines) if line.startswith("第二十条第（一）项"))
    end = table4_rows(lines)[1]
    for i, line in enumerate(lines):
        if start <= i <= end:
            cells = _cells(line)
            for j, cell in enumerate(cells):
                if re.fullmatch(r"\d+\.\d+", cell):
                    cells[j] = cell + "万元"
                elif cell.isdigit() and (j > 0 or i == end):
                    cells[j] = cell + unit
            line = "\t".join(cells)
        out.append(line)
    return out


def fee_in_yuan(lines: Lines, rng: random.Random) -> Lines:
    """The fee printed in 元 ("3043100元" or "3,043,100.00元") under the 万元 header."""
    out = []
    for line in lines:
        cells = _cells(line)
        if cells[0] == "行政事业性收费" and len(cells) == 2:
            yuan = Decimal(cells[1]) * 10000
            text = f"{int(yuan):,}.00元" if rng.random() < 0.5 else f"{int(yuan)}元"
            line = f"{cells[0]}\t{text}"
        out.append(line)
    return out


def thin_thousands(lines: Lines, rng: random.Random) -> Lines:
    """Figures of four or more digits with a thin space (U+2009) or NBSP as thousands separator."""
    mark = rng.choice(("\u2009", "\u00a0", "\u202f"))

    def group(m: re.Match[str]) -> str:
        whole, _, frac = m.group(0).partition(".")
        grouped = f"{int(whole):,}".replace(",", mark)
        return grouped + ("." + frac if frac else "")

    start = next(i for i, line in enumerate(lines) if line.startswith("第二十条第（一）项"))
    end = table4_rows(lines)[1]
    return [
        re.sub(r"(?<![\d.])\d{4,}(?:\.\d+)?", group, line) if start <= i <= end else line
        for i, line in enumerate(lines)
    ]


_MARKS = ("¹", "²", "①", "*", "[1]", "注1", "（注）", "※")


def footnote_marks(lines: Lines, rng: random.Random) -> Lines:
    """One to three non-zero figures of tables 三–四 followed by a footnote mark (¹, ①, *, [1])."""
    out = list(lines)
    rows = [*table3_rows(lines), table4_rows(lines)[1]]
    spots = [
        (i, j) for i in rows for j, c in enumerate(_cells(lines[i])) if j > 0 and re.fullmatch(r"[1-9]\d*", c)
    ]
    for i, j in rng.sample(spots, k=min(len(spots), rng.randint(1, 3))):
        cells = _cells(out[i])
        cells[j] += rng.choice(_MARKS)
        out[i] = "\t".join(cells)
    return out


def zero_words(mark: str) -> Callable[[Lines, random.Random], Lines]:
    """Every 0 of tables 三–四 written as ``mark`` (〇, 零, 无, 不适用)."""

    def change(lines: Lines, rng: random.Random) -> Lines:
        out = list(lines)
        for i in [*table3_rows(lines), table4_rows(lines)[1]]:
            out[i] = "\t".join(mark if c == "0" else c for c in _cells(lines[i]))
        return out

    return change


def mixed_full_width(lines: Lines, rng: random.Random) -> Lines:
    """Some digits of the tables in full width, inside one figure too ("1２")."""
    full = str.maketrans("0123456789", "０１２３４５６７８９")
    start = next(i for i, line in enumerate(lines) if line.startswith("第二十条第（一）项"))
    end = table4_rows(lines)[1]
    out = []
    for i, line in enumerate(lines):
        if start <= i <= end:
            line = "".join(ch.translate(full) if ch.isdigit() and rng.random() < 0.4 else ch for ch in line)
        out.append(line)
    return out


_SPACES = ("\u2009", "\u3000", "\u00a0", "\u202f", "  ", " \u3000 ")


def mixed_spaces(with_tabs: bool) -> LineChange:
    """Every separator of the tables a random space character (U+2009, U+3000, U+00A0, ...), and
    with ``with_tabs`` some of them a tab (a row neither tab-separated nor space-separated)."""
    choices = (*_SPACES, "\t", "\t") if with_tabs else _SPACES

    def change(lines: Lines, rng: random.Random) -> Lines:
        return [re.sub("\t", lambda m: rng.choice(choices), line) for line in lines]

    return change


def track_changes_marked(style: str) -> LineChange:
    """Word track changes kept in a copy, the deletion still marked: in one to two cells of tables
    三–四 the deleted value stands before the new one struck through (Markdown "~~12~~13") or apart
    by a space in the same cell ("12 13"). The new value is the truth; the old one must not be read
    into it."""

    def change(lines: Lines, rng: random.Random) -> Lines:
        out = list(lines)
        rows = [*table3_rows(lines), table4_rows(lines)[1]]
        spots = [(i, j) for i in rows for j, c in enumerate(_cells(lines[i])) if j > 0 and c.isdigit()]
        for i, j in rng.sample(spots, k=rng.randint(1, 2)):
            cells = _cells(out[i])
            new = cells[j]
            old = str(max(0, int(new) + rng.choice((-3, -2, -1, 1, 2, 5))))
            cells[j] = f"~~{old}~~{new}" if style == "struck" else f"{old} {new}"
            out[i] = "\t".join(cells)
        return out

    return change


def colon_lines(lines: Lines, rng: random.Random) -> Lines:
    """Tables 二 and 三 printed as prose lines: "规章：本年制发5件，本年废止3件，现行有效13件";
    table 三 keeps only its 总计 ("一、本年新收政府信息公开申请数量：17件")."""
    out = []
    rows = set(table3_rows(lines))
    for i, line in enumerate(lines):
        cells = _cells(line)
        if i in rows:
            labels = [c for c in cells[:-7] if not c.startswith("三、本年度")]
            out.append(f"{''.join(labels)}：{cells[-1]}件")
        elif cells[0] in ("规章", "行政规范性文件") and len(cells) == 4:
            out.append(f"{cells[0]}：本年制发{cells[1]}件，本年废止{cells[2]}件，现行有效{cells[3]}件")
        else:
            out.append(line)
    return out


def markdown_aligned(lines: Lines, rng: random.Random) -> Lines:
    """Tables as Markdown: each table's first row followed by an alignment row (``:---:``), cells
    padded, and "|" escaped as ``\\|`` inside a label (a 部分公开 note written with a pipe)."""
    out: Lines = []
    in_table = False
    for line in lines:
        cells = _cells(line)
        if len(cells) < 2:
            out.append(line)
            in_table = False
            continue
        cells = [c.replace("（区分处理的", "\\|（区分处理的") for c in cells]
        out.append("| " + " | ".join(cells) + " |")
        if not in_table:
            out.append("|" + "|".join(rng.choice((":---:", "---:", ":---", "---")) for _ in cells) + "|")
            in_table = True
    return out


# ---------------------------------------------------------------------------------------------
# HTML tree changes
# ---------------------------------------------------------------------------------------------


def _value_cells(root: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    return [td for td in root.iter("td") if td.text and re.fullmatch(r"\d+", td.text.strip())]


def html_track_changes(root: lxml_html.HtmlElement, rng: random.Random) -> tuple[bytes, str]:
    """One to two cells holding Word's revision marks: ``<del>12</del><ins>13</ins>``."""
    cells = [td for td in _value_cells(root) if td.getparent() is not None]
    for td in rng.sample(cells, k=rng.randint(1, 2)):
        new = td.text.strip()
        old = str(max(0, int(new) + rng.choice((-3, -1, 1, 4))))
        td.text = None
        deleted = etree.SubElement(td, "del")
        deleted.text = old
        inserted = etree.SubElement(td, "ins")
        inserted.text = new
    return html_bytes(root), "text_content"


def html_nbsp_zeros(report: AnnualReport) -> AnnualReport:
    """The truth when every table-3/4 zero is printed as ``&nbsp;``: those cells are null."""
    for path, value in list(report.cells()):
        if value == 0 and (path.startswith("table3.") or path.startswith("table4.")):
            report = report.with_cell(path, None)
    return report


def spans_dropped(root: lxml_html.HtmlElement) -> str:
    """Each table's rows without their merged cells (a crawler that keeps only single cells): the
    group labels ("（三）不予公开") and the spanning headers are lost."""
    for cell in list(root.iter("th", "td")):
        if int(cell.get("rowspan", "1")) > 1 or int(cell.get("colspan", "1")) > 1:
            parent = cell.getparent()
            if parent is not None:
                parent.remove(cell)
    return html_cells(root, "\t")


def span_fill(root: lxml_html.HtmlElement, fill_rows: bool) -> str:
    """Each table's rows with merged cells repeated along one axis only (a crawler that handles one
    of the two attributes): a rowspan cell repeated at the start of every row it covers and
    colspans written once (``fill_rows``), or a colspan cell repeated and rowspans written once."""
    for table in root.iter("table"):
        pending: dict[int, list[lxml_html.HtmlElement]] = {}
        for r, tr in enumerate(table.iter("tr")):
            for at, carried in enumerate(pending.pop(r, [])):
                tr.insert(at, carried)
            for cell in list(tr.iter("th", "td")):
                span = int(cell.get("rowspan" if fill_rows else "colspan", "1"))
                for k in range(1, span):
                    copy = copy_cell(cell)
                    if fill_rows:
                        pending.setdefault(r + k, []).append(copy)
                    else:
                        cell.addnext(copy)
    return html_cells(root, "\t")


def copy_cell(cell: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    copy = lxml_html.fromstring(lxml_html.tostring(cell))
    for name in ("rowspan", "colspan"):
        if name in copy.attrib:
            del copy.attrib[name]
    copy.tail = None
    return copy


# ---------------------------------------------------------------------------------------------
# The kinds
# ---------------------------------------------------------------------------------------------

Make = Callable[[int, random.Random], Damaged]


def _lines_kind(change: LineChange, sep: str = "\t", big: bool = False) -> Make:
    def make(seed: int, rng: random.Random) -> Damaged:
        report = sample(seed, big=big)
        return Damaged(_join(change(_lines(report, seed, big), rng), sep), report)

    return make


def _zero_kind(mark: str, dashed: bool) -> Callable[[int, random.Random], Damaged]:
    """Zeros as a word: 〇/零 are zero (0 is right); 无/不适用 are not figures (null asked, 0 tolerated)."""

    def make(seed: int, rng: random.Random) -> Damaged:
        report = sample(seed)
        data = _join(zero_words(mark)(_lines(report, seed), rng), rng.choice(("\t", " ")))
        marked = frozenset(
            p
            for p, v in report.cells()
            if v == 0 and not isinstance(v, Decimal) and (p.startswith("table3.") or p.startswith("table4."))
        )
        return Damaged(data, report, marked if dashed else frozenset())

    return make


def _html_track(seed: int, rng: random.Random) -> Damaged:
    report = sample(seed)
    data, _ = html_track_changes(_page(report, seed=seed), rng)
    return Damaged(data, report)


def _misprinted(style: str, sep: str) -> Make:
    def make(seed: int, rng: random.Random) -> Damaged:
        printed, note = misprint(sample(seed), rng, style)
        return Damaged(_join(_lines(printed, None), sep), printed, note=note)

    return make


def _nbsp(target: str) -> Callable[[int, random.Random], Damaged]:
    def make(seed: int, rng: random.Random) -> Damaged:
        report = sample(seed)
        root = _page(report, seed=seed)
        for td in root.iter("td"):
            if td.text is not None and td.text.strip() == "0" and len(td) == 0:
                td.text = "\u00a0"
        truth = html_nbsp_zeros(report)
        if target == "html":
            return Damaged(html_bytes(root), truth)
        return Damaged(_utf8(html_cells(root, "\t")), truth)

    return make


def _span(fill_rows: bool) -> Callable[[int, random.Random], Damaged]:
    def make(seed: int, rng: random.Random) -> Damaged:
        report = sample(seed)
        return Damaged(_utf8(span_fill(_page(report, seed=seed), fill_rows)), report)

    return make


def _other_2019(sep: str) -> Callable[[int, random.Random], Damaged]:
    """A 2021 report printing the single （六） row: report-json.md transcribes that row as
    ``table3.other`` (its printed sums) and the three sub-rows as null."""

    def make(seed: int, rng: random.Random) -> Damaged:
        report = sample(seed)
        truth = report
        if report.template.value == "2021":
            for path, value in report.cells():
                if path.startswith("table3.other_"):
                    column = path.rsplit(".", 1)[1]
                    single = f"table3.other.{column}"
                    got = dict(truth.cells()).get(single)
                    truth = truth.with_cell(single, (got or 0) + (value or 0)).with_cell(path, None)
        return Damaged(_join(other_processing_2019(_lines(report, seed), rng), sep), truth)

    return make


def _spans_dropped(seed: int, rng: random.Random) -> Damaged:
    report = sample(seed)
    return Damaged(_utf8(spans_dropped(_page(report, seed=seed))), report)


def _fee_shifted(seed: int, rng: random.Random) -> Damaged:
    report = sample(seed, big=True)
    return Damaged(_join(fee_in_yuan(_lines(report, seed, big=True), rng), " "), report)


KINDS3: Mapping[str, Make] = {
    # table structure
    "t3_rows_shuffled": _lines_kind(rows_shuffled),
    "t3_rows_shuffled_space": _lines_kind(rows_shuffled, " "),
    "t3_row_duplicated": _lines_kind(row_duplicated),
    "t3_row_duplicated_space": _lines_kind(row_duplicated, " "),
    "t3_total_first": _lines_kind(total_first),
    "t3_total_first_space": _lines_kind(total_first, " "),
    "t3_column_dropped": _lines_kind(column_dropped),
    "t3_column_dropped_space": _lines_kind(column_dropped, " "),
    "t3_transposed": _lines_kind(table3_transposed),
    "t3_transposed_space": _lines_kind(table3_transposed, " "),
    "t4_transposed": _lines_kind(table4_transposed),
    "t4_transposed_space": _lines_kind(table4_transposed, " "),
    "t3_other_processing_2019_row": _other_2019("\t"),
    "t3_other_processing_2019_row_space": _other_2019(" "),
    "t3_footer_inside": _lines_kind(footer_inside),
    "t3_footer_inside_space": _lines_kind(footer_inside, " "),
    "t3_page_break_header": _lines_kind(page_break_header),
    "t3_page_break_header_space": _lines_kind(page_break_header, " "),
    "t3_enumerator_detached": _lines_kind(enumerator_detached, " "),
    "t3_columns_swapped": _lines_kind(columns_swapped),
    "t3_columns_swapped_space": _lines_kind(columns_swapped, " "),
    "t3_row_dropped": _lines_kind(row_dropped),
    "t3_row_dropped_space": _lines_kind(row_dropped, " "),
    "t3_previous_year_appended": _lines_kind(previous_year_appended),
    "t3_previous_year_appended_space": _lines_kind(previous_year_appended, " "),
    "spans_dropped": _spans_dropped,
    "span_rows_filled": _span(fill_rows=True),
    "span_cols_filled": _span(fill_rows=False),
    # figures
    "units_after_figures": _lines_kind(with_units),
    "units_after_figures_space": _lines_kind(with_units, " "),
    "fee_in_yuan": _fee_shifted,
    "thin_space_thousands": _lines_kind(thin_thousands, " ", big=True),
    "thin_space_thousands_tab": _lines_kind(thin_thousands, "\t", big=True),
    "footnote_marks": _lines_kind(footnote_marks),
    "footnote_marks_space": _lines_kind(footnote_marks, " "),
    "zero_as_ling_circle": _zero_kind("〇", dashed=False),
    "zero_as_ling": _zero_kind("零", dashed=False),
    "zero_as_wu": _zero_kind("无", dashed=True),
    "zero_as_not_applicable": _zero_kind("不适用", dashed=True),
    "mixed_full_width_digits": _lines_kind(mixed_full_width, " "),
    "mixed_space_characters": _lines_kind(mixed_spaces(with_tabs=False)),
    "mixed_tabs_and_spaces": _lines_kind(mixed_spaces(with_tabs=True)),
    "track_changes_struck": _lines_kind(track_changes_marked("struck")),
    "track_changes_struck_space": _lines_kind(track_changes_marked("struck"), " "),
    "track_changes_spaced_in_cell": _lines_kind(track_changes_marked("spaced")),
    "track_changes_html_del_ins": _html_track,
    # formats
    "markdown_aligned_escaped": _lines_kind(markdown_aligned),
    "nbsp_zero_cells_html": _nbsp("html"),
    "nbsp_zero_cells_text": _nbsp("text"),
    "colon_lines": _lines_kind(colon_lines),
}


#: Kinds whose text shows a figure that is not the original one, with nothing to mark it: the
#: truth is the report as printed, and ``check`` must flag the reading (see ``misprint``).
MISPRINTED: Mapping[str, Make] = {
    "ocr_digit_confusion": _misprinted("ocr", "\t"),
    "ocr_digit_confusion_space": _misprinted("ocr", " "),
    "track_changes_glued": _misprinted("glued", "\t"),
    "track_changes_glued_space": _misprinted("glued", " "),
}
ALL_KINDS: Mapping[str, Make] = {**KINDS3, **MISPRINTED}


def attack3(kind: str, seed: int) -> Damaged:
    """The damaged input of ``kind`` for sample ``seed``."""
    return ALL_KINDS[kind](seed, random.Random(f"attack3:{kind}:{seed}"))

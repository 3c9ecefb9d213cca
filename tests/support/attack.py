"""An independent attack on the report reader (issue 13): damage made by converting rendered reports
the way the web converts them, not by ``tests/support/damage.py``.

``damage.py`` builds its inputs from one intermediate (the page's rows, re-joined). Here every
input comes out of a real conversion tool or a real file structure, then optionally a text-level
or cell-level change:

- PDF (Gongkai's own renderer) -> ``pdftotext -layout`` / ``pdftotext -raw`` (poppler, skipped when
  absent), pypdf ``extract_text()``, pdfplumber ``extract_text()``;
- HTML -> ``lxml`` ``text_content()`` of the whole page (style sheet and title included, as a
  crawler stores it), whitespace-stripped ``itertext()`` glued (captions included), cells joined by
  tab / space / newline, the whole page on one line, Markdown whose pipes are partly dropped;
- DOCX -> python-docx paragraphs only (tables lost), every ``w:p`` of the XML in document order, each
  table row's text glued;
- XLSX -> CSV (merged cells give empty fields);
- text-level: every newline removed, hard wrap at 40 columns (keeping or breaking digit runs), cut
  at a random character inside tables 三–四, full-width digits, Traditional characters by a
  character table written here (and Taiwan wording 資訊), GB18030 bytes;
- cell-level (on the HTML before conversion): thousands separators ("1,234"), "—"/"-"/"/" printed
  for zero, and one cell changed after the report was made so that the table does not balance (the
  truth is then the changed report: the reader must read the changed value or null).

``attack(kind, seed)`` returns a ``Damaged`` input with its truth; ``score`` compares a reading with
it cell by cell. A non-null cell that differs from the truth is a wrong value.
"""

from __future__ import annotations

import csv
import functools
import io
import random
import re
import shutil
import subprocess
import tempfile
import time
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

from gongkai.errors import ReportFormatError
from gongkai.report.model import AnnualReport, Template
from gongkai.report.read import read_bytes
from gongkai.report.render import render
from gongkai.report.samples import balanced_report

Value = int | Decimal | None

# ---------------------------------------------------------------------------------------------
# The reports attacked, and their renderings (cached: a PDF takes about a second to render)
# ---------------------------------------------------------------------------------------------


def sample(seed: int, *, big: bool = False) -> AnnualReport:
    """A generated balanced report; every fifth one in the 2019 trial format; ``big`` gives 4-digit cells."""
    rng = random.Random(seed * 7919 + 13)
    y2019 = seed % 5 == 4
    template = Template.Y2019 if y2019 else Template.Y2021
    new = rng.randint(1500, 4000) if big else None
    report = balanced_report(seed, template=template, year=2020 if y2019 else 2023, new=new)
    if big:
        fees = Decimal(rng.randint(100000, 9999999)) / 100
        report = replace(report, table2=replace(report.table2, fees_10k_yuan=fees))
    return report


@functools.lru_cache(maxsize=32)
def _rendered_sample(seed: int, big: bool, fmt: str) -> bytes:
    return render(sample(seed, big=big), fmt)


def rendered(report: AnnualReport, fmt: str, seed: int | None = None, big: bool = False) -> bytes:
    """``report`` rendered as ``fmt``; cached when it is ``sample(seed, big=big)``."""
    if seed is not None:
        return _rendered_sample(seed, big, fmt)
    return render(report, fmt)


# ---------------------------------------------------------------------------------------------
# HTML: the page as a browser or crawler sees it
# ---------------------------------------------------------------------------------------------

_BLOCKS = ("h1", "h2", "h3", "p", "caption", "tr")


def _page(
    report: AnnualReport,
    cell_edit: Callable[[str], str] | None = None,
    seed: int | None = None,
    big: bool = False,
) -> lxml_html.HtmlElement:
    """The rendered page, without Gongkai's ``data-cell`` attributes (a published page has none)."""
    root = lxml_html.fromstring(rendered(report, "html", seed, big))
    for td in root.iter("td"):
        td.attrib.pop("data-cell", None)
        if cell_edit is not None and td.text and td.text.strip() and len(td) == 0:
            td.text = cell_edit(td.text.strip())
    return root


def _cell_text(element: lxml_html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def _lines(root: lxml_html.HtmlElement, sep: str) -> list[str]:
    """A line per heading, paragraph, caption and table row; a row's cells joined by ``sep``."""
    out: list[str] = []
    body = root.find("body")
    assert body is not None
    for element in body.iter(*_BLOCKS):
        if element.tag == "tr":
            out.append(sep.join(_cell_text(c) for c in element.iter("th", "td")))
        elif not any(a.tag == "table" for a in element.iterancestors()) or element.tag == "caption":
            out.append(_cell_text(element))
    return out


def html_text_content(root: lxml_html.HtmlElement) -> str:
    """``text_content()`` of the whole document: title, style sheet and the page's own line breaks."""
    return str(root.text_content())


def html_glued(root: lxml_html.HtmlElement) -> str:
    """Every text node of the body stripped and run together (captions included)."""
    body = root.find("body")
    assert body is not None
    return "".join(t.strip() for t in body.itertext())


def html_cells(root: lxml_html.HtmlElement, sep: str) -> str:
    return "\n".join(_lines(root, sep)) + "\n"


def html_one_line(root: lxml_html.HtmlElement) -> str:
    return " ".join(_lines(root, " "))


def markdown_dropped_pipes(root: lxml_html.HtmlElement, rng: random.Random, share: float = 0.12) -> str:
    """Tables as Markdown pipe rows; each inner pipe dropped with probability ``share``."""
    out: list[str] = []
    body = root.find("body")
    assert body is not None
    first_row = True
    for element in body.iter(*_BLOCKS):
        if element.tag != "tr":
            if element.tag == "caption":
                first_row = True
            if not any(a.tag == "table" for a in element.iterancestors()) or element.tag == "caption":
                out.append(_cell_text(element))
            continue
        cells = [_cell_text(c) for c in element.iter("th", "td")]
        joined = cells[0]
        for cell in cells[1:]:
            joined += (" " if rng.random() < share else " | ") + cell
        out.append(f"| {joined} |")
        if first_row:
            out.append("|" + "---|" * len(cells))
            first_row = False
    return "\n".join(out) + "\n"


def html_bytes(root: lxml_html.HtmlElement) -> bytes:
    return bytes(lxml_html.tostring(root, encoding="utf-8", doctype="<!DOCTYPE html>"))


def expanded_grid(root: lxml_html.HtmlElement, sep: str, markdown: bool) -> str:
    """Each table as a full grid, merged cells repeated in every position they span (what
    ``pandas.read_html`` does), rows joined by ``sep`` or written as Markdown pipe rows."""
    out: list[str] = []
    body = root.find("body")
    assert body is not None
    for element in body.iter("h1", "h2", "p", "table"):
        if element.tag != "table":
            if not any(a.tag == "table" for a in element.iterancestors()):
                out.append(_cell_text(element))
            continue
        grid: dict[tuple[int, int], str] = {}
        for r, tr in enumerate(element.iter("tr")):
            c = 0
            for cell in tr.iter("th", "td"):
                while (r, c) in grid:
                    c += 1
                text = _cell_text(cell)
                for dr in range(int(cell.get("rowspan", "1"))):
                    for dc in range(int(cell.get("colspan", "1"))):
                        grid[(r + dr, c + dc)] = text
                c += int(cell.get("colspan", "1"))
        rows = 1 + max(r for r, _ in grid)
        cols = 1 + max(c for _, c in grid)
        for r in range(rows):
            cells = [grid.get((r, c), "") for c in range(cols)]
            if markdown:
                out.append("| " + " | ".join(cells) + " |")
                if r == 0:
                    out.append("|" + "---|" * cols)
            else:
                out.append(sep.join(cells))
    return "\n".join(out) + "\n"


#: What a crawler stores around the report: navigation, dates, hit counters, neighbouring reports.
CRAWLER_HEAD = (
    "首页 > 政府信息公开 > 法定主动公开内容 > 政府信息公开年报 索引号：11350128MB1234567X/2024-00012 "
    "发布机构：示例市人民政府办公室 生成日期：2024-01-20 浏览次数：1273 字号：大 中 小"
)
CRAWLER_TAIL = (
    "扫一扫在手机打开当前页 上一篇：示例市示例局2022年度政府信息公开工作年度报告 下一篇：示例市2024年"
    "政府信息公开工作要点 网站标识码：3501000012 闽ICP备05001234号-1 总访问量：2389451 第1页 共3页"
)


# ---------------------------------------------------------------------------------------------
# Cell-level changes (applied to the HTML's value cells)
# ---------------------------------------------------------------------------------------------


def thousands(text: str) -> str:
    """``1234`` -> ``1,234`` (the fee keeps its decimals: ``12345.67`` -> ``12,345.67``)."""
    whole, dot, frac = text.partition(".")
    if not whole.isdigit():
        return text
    return f"{int(whole):,}{dot}{frac}"


_DASHES = ("—", "-", "/", "－", "——")


def dash_for_zero(rng: random.Random) -> Callable[[str], str]:
    mark = rng.choice(_DASHES)
    return lambda text: mark if text == "0" else text


# ---------------------------------------------------------------------------------------------
# PDF, DOCX, XLSX conversions
# ---------------------------------------------------------------------------------------------


def has_pdftotext() -> bool:
    return shutil.which("pdftotext") is not None


def pdftotext(pdf: bytes, mode: str) -> str:
    """poppler's ``pdftotext -layout`` or ``-raw`` (the caller checks ``has_pdftotext()``)."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp, "in.pdf")
        src.write_bytes(pdf)
        result = subprocess.run(
            ["pdftotext", f"-{mode}", "-enc", "UTF-8", str(src), "-"],
            capture_output=True,
            check=True,
            timeout=60,
        )
    return result.stdout.decode("utf-8")


def pypdf_text(pdf: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def pdfplumber_text(pdf: bytes) -> str:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return "\n".join(page.extract_text() or "" for page in document.pages)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx_body(docx: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        xml = archive.read("word/document.xml")
    body = etree.fromstring(xml).find(f"{_W}body")
    assert body is not None
    return body


def _w_text(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{_W}t"))


def docx_paragraphs_only(docx: bytes) -> str:
    """python-docx ``Document.paragraphs``: the body's paragraphs; every table is lost."""
    import docx as python_docx

    return "\n".join(p.text for p in python_docx.Document(io.BytesIO(docx)).paragraphs) + "\n"


def docx_xml_order(docx: bytes) -> str:
    """Every ``w:p`` of the document in XML order, one per line (table cells included, empty ones too)."""
    return "\n".join(_w_text(p) for p in _docx_body(docx).iter(f"{_W}p")) + "\n"


def docx_rows_glued(docx: bytes) -> str:
    """Paragraphs one per line; each table row's text run together on one line."""
    out: list[str] = []
    for child in _docx_body(docx):
        if child.tag == f"{_W}p":
            out.append(_w_text(child))
        elif child.tag == f"{_W}tbl":
            out.extend(_w_text(row) for row in child.iter(f"{_W}tr"))
    return "\n".join(out) + "\n"


def xlsx_csv(xlsx: bytes) -> str:
    """Every sheet as CSV, one after the other (merged cells' other positions are empty fields)."""
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(xlsx), data_only=True)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows(values_only=True):
            writer.writerow(["" if v is None else v for v in row])
    return buffer.getvalue()


# ---------------------------------------------------------------------------------------------
# Text-level changes
# ---------------------------------------------------------------------------------------------


def no_newlines(text: str) -> str:
    return text.replace("\r", "").replace("\n", "")


def wrap(text: str, width: int, keep_digits: bool) -> str:
    """Every line broken at ``width`` characters, as a narrow PDF column flows text.

    With ``keep_digits`` a run of digits is never broken (a layout engine keeps a number whole);
    without it the break falls wherever the column ends.
    """
    out: list[str] = []
    for line in text.split("\n"):
        while len(line) > width:
            at = width
            if keep_digits:
                while 0 < at < len(line) and line[at - 1].isdigit() and line[at].isdigit():
                    at -= 1
                if at == 0:
                    at = width
            out.append(line[:at])
            line = line[at:]
        out.append(line)
    return "\n".join(out)


def cut_in_tables(text: str, rng: random.Random) -> str:
    """The text stopped at a random character between table 三's first label and table 四's end."""
    start = text.find("本年新收")
    if start < 0:
        start = len(text) // 3
    end = text.find("五、存在的主要问题")
    if end <= start:
        end = len(text)
    return text[: rng.randint(start, end)]


_FULL_WIDTH = str.maketrans("0123456789,.", "０１２３４５６７８９，．")


def cut_mid_number(text: str, rng: random.Random, start_at: str, end_at: str) -> str:
    """The text stopped between two digits of a number between ``start_at`` and ``end_at``."""
    start, end = text.find(start_at), text.find(end_at)
    inside = [i for i in range(max(start, 1), end) if text[i - 1].isdigit() and text[i].isdigit()]
    return text[: rng.choice(inside)] if inside else text[:end]


def ocr_letters(text: str, rng: random.Random, share: float = 0.08) -> str:
    """OCR confusions in table figures: 0 read as O, 1 as l (inside table rows only: lines with tabs)."""
    swap = {"0": "O", "1": "l"}
    lines = []
    for line in text.split("\n"):
        if "\t" in line:
            line = "".join(swap[ch] if ch in swap and rng.random() < share else ch for ch in line)
        lines.append(line)
    return "\n".join(lines)


def glue_some_figures(text: str, rng: random.Random, share: float = 0.15) -> str:
    """The space between two figures dropped with probability ``share`` ("1 0" -> "10"), as a PDF
    extractor does when two narrow columns' figures sit closer than its tolerance."""
    return re.sub(r"(?<=\d) (?=\d)", lambda m: "" if rng.random() < share else " ", text)


def split_some_figures(text: str, rng: random.Random, share: float = 0.1) -> str:
    """A space put inside a multi-digit figure with probability ``share`` ("108" -> "10 8"), as a
    justified PDF line spreads its characters."""

    def spread(m: re.Match[str]) -> str:
        figure = m.group(0)
        if len(figure) < 2 or rng.random() >= share:
            return figure
        at = rng.randint(1, len(figure) - 1)
        return f"{figure[:at]} {figure[at:]}"

    return re.sub(r"(?<![\d.])\d+(?![\d.])", spread, text)


def label_typos(text: str, rng: random.Random) -> str:
    """One to three row labels of table 三 with two characters dropped (typing or OCR slips, as in
    a published "其他法律行政止公开"); the figures stay on their line."""
    lines = text.split("\n")
    rows = [
        i
        for i, line in enumerate(lines)
        if re.search(r"[\u4e00-\u9fff]{6,}.* \d+ \d+ \d+ \d+ \d+ \d+ \d+$", line)
    ]
    for i in rng.sample(rows, k=min(len(rows), rng.randint(1, 3))):
        label_end = lines[i].index(re.findall(r" \d+ \d+ \d+ \d+ \d+ \d+ \d+$", lines[i])[0])
        label = lines[i][:label_end]
        hanzi = [j for j, ch in enumerate(label) if "\u4e00" <= ch <= "\u9fff"]
        for j in sorted(rng.sample(hanzi, k=2), reverse=True):
            label = label[:j] + label[j + 1 :]
        lines[i] = label + lines[i][label_end:]
    return "\n".join(lines)


def full_width(text: str) -> str:
    """Digits (and the separators inside numbers) in full width, as some portals print them."""
    return re.sub(r"[0-9][0-9,.]*", lambda m: m.group(0).translate(_FULL_WIDTH), text)


#: Simplified -> Traditional, character by character, for the characters of a rendered report
#: (written out here so that it does not share the reader's own table; phrases first, because
#: 复 is 復 in 复议 but 複/覆 in 重复/反复, and 制 is 製 in 制作/制发).
_T_PHRASES = (("重复", "重複"), ("反复", "反覆"), ("制作", "製作"), ("制发", "製發"), ("系统", "系統"))
_T_CHARS = str.maketrans(
    "万业为举于会体关决况办务动区单华发后国围处复审实将对属废开强当彻总扎执护报据无时机权条构没现监确稳类系纠纳组织"
    "经结绕继续维缴罚范获补见规计认议许讼设访诉询请质贯费转过这进针问项题额",
    "萬業為舉於會體關決況辦務動區單華發後國圍處復審實將對屬廢開強當徹總紮執護報據無時機權條構沒現監確穩類係糾納組織"
    "經結繞繼續維繳罰範獲補見規計認議許訟設訪訴詢請質貫費轉過這進針問項題額",
)


def traditional(text: str, taiwan: bool = False) -> str:
    """``text`` in Traditional characters; ``taiwan`` also uses Taiwan wording (信息 -> 資訊)."""
    for simplified, trad in _T_PHRASES:
        text = text.replace(simplified, trad)
    if taiwan:
        text = text.replace("信息", "資訊")
    return text.translate(_T_CHARS)


# ---------------------------------------------------------------------------------------------
# The damage kinds
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Damaged:
    """An input for the reader, the report it was made from, and cells printed as a dash."""

    data: bytes
    truth: AnnualReport
    #: Cells whose 0 was printed as "—"/"-"/"/": the contract asks null for them (0 is tolerated
    #: as "not wrong" but counted; any other number is wrong).
    dashed: frozenset[str] = frozenset()
    note: str = ""


def _utf8(text: str) -> bytes:
    return text.encode("utf-8")


def _unbalance(report: AnnualReport, rng: random.Random) -> tuple[AnnualReport, str]:
    """The report with one table-3 or table-4 cell changed, so that its table no longer balances."""
    cells = [
        (p, v)
        for p, v in report.cells()
        if isinstance(v, int) and (p.startswith("table3.") or p.startswith("table4."))
    ]
    path, value = rng.choice(cells)
    delta = rng.choice([d for d in (-3, -2, -1, 1, 2, 3, 10) if value + d >= 0])
    return report.with_cell(path, value + delta), f"{path}: {value} -> {value + delta}"


def _pdf_kind(mode: str) -> Callable[[int, random.Random], Damaged | None]:
    def make(seed: int, rng: random.Random) -> Damaged | None:
        report = sample(seed)
        pdf = rendered(report, "pdf", seed)
        if mode in ("layout", "raw", "layout_oneline"):
            if not has_pdftotext():
                return None
            text = pdftotext(pdf, "layout" if mode == "layout_oneline" else mode)
            if mode == "layout_oneline":
                text = no_newlines(text)
        elif mode == "pypdf":
            text = pypdf_text(pdf)
        else:
            text = pdfplumber_text(pdf)
        return Damaged(_utf8(text), report)

    return make


def _html_kind(
    convert: Callable[[lxml_html.HtmlElement, random.Random], str | bytes],
) -> Callable[[int, random.Random], Damaged]:
    def make(seed: int, rng: random.Random) -> Damaged:
        report = sample(seed)
        out = convert(_page(report, seed=seed), rng)
        return Damaged(out if isinstance(out, bytes) else _utf8(out), report)

    return make


def _docx_kind(convert: Callable[[bytes], str]) -> Callable[[int, random.Random], Damaged]:
    def make(seed: int, rng: random.Random) -> Damaged:
        report = sample(seed)
        return Damaged(_utf8(convert(rendered(report, "docx", seed))), report)

    return make


def _xlsx_csv(seed: int, rng: random.Random) -> Damaged:
    report = sample(seed)
    return Damaged(_utf8(xlsx_csv(rendered(report, "xlsx", seed))), report)


def _text_kind(
    change: Callable[[str, random.Random], str], sep: str = " "
) -> Callable[[int, random.Random], Damaged]:
    def make(seed: int, rng: random.Random) -> Damaged:
        report = sample(seed)
        return Damaged(_utf8(change(html_cells(_page(report, seed=seed), sep), rng)), report)

    return make


def _thousands(target: str) -> Callable[[int, random.Random], Damaged]:
    def make(seed: int, rng: random.Random) -> Damaged:
        report = sample(seed, big=True)
        root = _page(report, thousands, seed, big=True)
        if target == "html":
            return Damaged(html_bytes(root), report)
        if target == "glued":
            return Damaged(_utf8(html_glued(root)), report)
        if target == "fullwidth":
            return Damaged(_utf8(full_width(html_cells(root, "\t"))), report)
        return Damaged(_utf8(html_cells(root, " ")), report)

    return make


def _dashed_cells(report: AnnualReport) -> frozenset[str]:
    return frozenset(p for p, v in report.cells() if v == 0 and not isinstance(v, Decimal))


def _dash_zero(target: str) -> Callable[[int, random.Random], Damaged]:
    def make(seed: int, rng: random.Random) -> Damaged:
        report = sample(seed)
        root = _page(report, dash_for_zero(rng), seed)
        dashed = _dashed_cells(report)
        if target == "html":
            return Damaged(html_bytes(root), report, dashed)
        return Damaged(_utf8(html_cells(root, " " if target == "space" else "\n")), report, dashed)

    return make


def _unbalanced(target: str) -> Callable[[int, random.Random], Damaged | None]:
    def make(seed: int, rng: random.Random) -> Damaged | None:
        report, note = _unbalance(sample(seed), rng)
        if target == "pdf_layout":
            if not has_pdftotext():
                return None
            return Damaged(_utf8(pdftotext(render(report, "pdf"), "layout")), report, note=note)
        root = _page(report)
        if target == "glued":
            text = html_glued(root)
        elif target == "lines":
            text = html_cells(root, "\n")
        elif target == "html":
            return Damaged(html_bytes(root), report, note=note)
        else:
            text = html_cells(root, " ")
        return Damaged(_utf8(text), report, note=note)

    return make


def _big_text_kind(
    change: Callable[[str, random.Random], str], sep: str = " "
) -> Callable[[int, random.Random], Damaged]:
    def make(seed: int, rng: random.Random) -> Damaged:
        report = sample(seed, big=True)
        return Damaged(_utf8(change(html_cells(_page(report, seed=seed, big=True), sep), rng)), report)

    return make


def _blanked(report: AnnualReport, rng: random.Random) -> AnnualReport:
    """``report`` with one to three of its table-3/4 zeros printed blank (the truth is then null)."""
    zeros = [p for p, v in report.cells() if v == 0 and (p.startswith("table3.") or p.startswith("table4."))]
    for path in rng.sample(zeros, k=min(len(zeros), rng.randint(1, 3))):
        report = report.with_cell(path, None)
    return report


def _all_zeros_blank(report: AnnualReport) -> AnnualReport:
    """``report`` with every table-3/4 zero printed blank, as many agencies print their tables."""
    for path, value in list(report.cells()):
        if value == 0 and (path.startswith("table3.") or path.startswith("table4.")):
            report = report.with_cell(path, None)
    return report


def _blank(target: str, every_zero: bool = False) -> Callable[[int, random.Random], Damaged | None]:
    def make(seed: int, rng: random.Random) -> Damaged | None:
        report = _all_zeros_blank(sample(seed)) if every_zero else _blanked(sample(seed), rng)
        if target in ("pdf_layout", "pypdf", "pdf"):
            if target == "pdf_layout" and not has_pdftotext():
                return None
            pdf = render(report, "pdf")
            if target == "pdf":
                return Damaged(pdf, report)
            text = pdftotext(pdf, "layout") if target == "pdf_layout" else pypdf_text(pdf)
            return Damaged(_utf8(text), report)
        root = _page(report)
        if target == "glued":
            text = html_glued(root)
        elif target == "tab":
            text = html_cells(root, "\t")
        else:
            text = re.sub(" +", " ", html_cells(root, " "))
        return Damaged(_utf8(text), report)

    return make


def _contradicting_narrative(report: AnnualReport, rng: random.Random) -> AnnualReport:
    """The narrative's figures (sections 二 and 三) changed: published text and tables disagree."""
    sections = []
    for section in report.sections or ():
        if section.number in ("二", "三"):
            text = re.sub(r"\d+件", lambda m: f"{int(m.group(0)[:-1]) + rng.randint(1, 12)}件", section.text)
            section = replace(section, text=text)
        sections.append(section)
    return replace(report, sections=tuple(sections))


def _narrative(target: str) -> Callable[[int, random.Random], Damaged]:
    def make(seed: int, rng: random.Random) -> Damaged:
        report = _contradicting_narrative(sample(seed), rng)
        root = _page(report)
        text = html_glued(root) if target == "glued" else html_cells(root, " ")
        return Damaged(_utf8(text), report)

    return make


def _with_notes(rng: random.Random) -> Callable[[str], str]:
    """Some non-zero cells followed by a note holding a number, as in "22（其中修订 16 件）"."""

    def edit(text: str) -> str:
        if text.isdigit() and text != "0" and rng.random() < 0.15:
            return f"{text}（其中{rng.randint(1, 9)}件为上年度延续）"
        return text

    return edit


def _notes(target: str) -> Callable[[int, random.Random], Damaged]:
    def make(seed: int, rng: random.Random) -> Damaged:
        report = sample(seed)
        root = _page(report, _with_notes(rng), seed)
        if target == "html":
            return Damaged(html_bytes(root), report)
        text = html_glued(root) if target == "glued" else html_cells(root, " ")
        return Damaged(_utf8(text), report)

    return make


def numbers_before_label(root: lxml_html.HtmlElement) -> str:
    """Cells joined by spaces, but in every table row the figures come before the labels (a PDF
    extractor that emits a vertically centred multi-line label after its row's numbers)."""
    out: list[str] = []
    body = root.find("body")
    assert body is not None
    for element in body.iter(*_BLOCKS):
        if element.tag != "tr":
            if not any(a.tag == "table" for a in element.iterancestors()) or element.tag == "caption":
                out.append(_cell_text(element))
            continue
        cells = [_cell_text(c) for c in element.iter("th", "td")]
        figures = [c for c in cells if re.fullmatch(r"[0-9.]+", c)]
        labels = [c for c in cells if c not in figures]
        out.append(" ".join(figures + labels))
    return "\n".join(out) + "\n"


def table3_in_two_halves(root: lxml_html.HtmlElement) -> str:
    """Cells joined by spaces, table 三 printed as a wide table is on portrait pages: the rows with
    their first four figures, then the rows again (labels repeated) with the last three."""
    out: list[str] = []
    body = root.find("body")
    assert body is not None
    halves: tuple[list[str], list[str]] = (
        ["自然人 商业企业 科研机构 社会公益组织"],
        ["（续表）", "法律服务机构 其他 总计"],
    )
    in_table3 = False
    for element in body.iter(*_BLOCKS):
        if element.tag == "caption":
            in_table3 = "收到和处理" in _cell_text(element)
            out.append(_cell_text(element))
            continue
        if element.tag != "tr":
            if not any(a.tag == "table" for a in element.iterancestors()):
                if in_table3:
                    out.extend(halves[0] + halves[1])
                    in_table3 = False
                out.append(_cell_text(element))
            continue
        cells = [_cell_text(c) for c in element.iter("th", "td")]
        values = [c for c in cells if re.fullmatch(r"\d*", c)]
        if in_table3 and len(values) == 7 and len(cells) > 7:
            label = " ".join(cells[: len(cells) - 7])
            halves[0].append(" ".join([label, *cells[-7:-3]]))
            halves[1].append(" ".join([label, *cells[-3:]]))
        elif not in_table3:
            out.append(" ".join(cells))
    return "\n".join(out) + "\n"


def html_in_layout_table(root: lxml_html.HtmlElement) -> bytes:
    """The page as an old portal serves it: everything inside a layout table's cell, each figure in
    Word's ``<p class=MsoNormal><span>`` with ``&nbsp;`` padding, header cells written as ``td``."""
    body = root.find("body")
    assert body is not None
    for cell in list(body.iter("th", "td")):
        text = cell.text_content().strip()
        for child in list(cell):
            cell.remove(child)
        cell.tag = "td"
        cell.text = None
        para = etree.SubElement(cell, "p", {"class": "MsoNormal", "align": "center"})
        span = etree.SubElement(para, "span", {"style": "font-size:10.5pt"})
        span.text = f"\u00a0{text}\u00a0" if text else "\u00a0"
    wrapper = lxml_html.fromstring(
        '<table width="100%" border="0"><tr><td class="nav">首页 | 政务公开 | 年报</td></tr>'
        '<tr><td class="content"></td></tr></table>'
    )
    content = wrapper.find_class("content")[0]
    for child in list(body):
        content.append(child)
    body.append(wrapper)
    return html_bytes(root)


def _gbk(seed: int, rng: random.Random) -> Damaged:
    report = sample(seed)
    return Damaged(html_cells(_page(report, seed=seed), "\n").encode("gb18030"), report)


KINDS: Mapping[str, Callable[[int, random.Random], Damaged | None]] = {
    # PDF through text extractors
    "pdf_pdftotext_layout": _pdf_kind("layout"),
    "pdf_pdftotext_raw": _pdf_kind("raw"),
    "pdf_pdftotext_layout_one_line": _pdf_kind("layout_oneline"),
    "pdf_pypdf_text": _pdf_kind("pypdf"),
    "pdf_pdfplumber_text": _pdf_kind("pdfplumber"),
    # HTML as crawlers and copy-paste give it
    "html_text_content": _html_kind(lambda root, rng: html_text_content(root)),
    "html_itertext_glued": _html_kind(lambda root, rng: html_glued(root)),
    "html_cells_tab": _html_kind(lambda root, rng: html_cells(root, "\t")),
    "html_cells_space": _html_kind(lambda root, rng: html_cells(root, " ")),
    "html_cells_newline": _html_kind(lambda root, rng: html_cells(root, "\n")),
    "html_one_line": _html_kind(lambda root, rng: html_one_line(root)),
    "html_no_newlines": _html_kind(lambda root, rng: no_newlines(html_cells(root, "\n"))),
    "markdown_dropped_pipes": _html_kind(markdown_dropped_pipes),
    "numbers_before_label": _html_kind(lambda root, rng: numbers_before_label(root)),
    "table3_in_two_halves": _html_kind(lambda root, rng: table3_in_two_halves(root)),
    "html_in_layout_table": _html_kind(lambda root, rng: html_in_layout_table(root)),
    "grid_expanded_markdown": _html_kind(lambda root, rng: expanded_grid(root, "", markdown=True)),
    "grid_expanded_tsv": _html_kind(lambda root, rng: expanded_grid(root, "\t", markdown=False)),
    "crawler_page_glued": _html_kind(lambda root, rng: CRAWLER_HEAD + html_glued(root) + CRAWLER_TAIL),
    "crawler_page_lines": _html_kind(
        lambda root, rng: f"{CRAWLER_HEAD}\n{html_cells(root, chr(9))}{CRAWLER_TAIL}\n"
    ),
    # DOCX and XLSX taken apart
    "docx_paragraphs_only": _docx_kind(docx_paragraphs_only),
    "docx_xml_order": _docx_kind(docx_xml_order),
    "docx_rows_glued": _docx_kind(docx_rows_glued),
    "xlsx_csv": _xlsx_csv,
    # text-level damage
    "wrap40_keep_numbers": _text_kind(lambda t, rng: wrap(t, 40, keep_digits=True)),
    "wrap40_break_numbers": _text_kind(lambda t, rng: wrap(t, 40, keep_digits=False)),
    "cut_space_text": _text_kind(cut_in_tables),
    "cut_newline_text": _text_kind(cut_in_tables, sep="\n"),
    "cut_mid_number_table3": _big_text_kind(
        lambda t, rng: cut_mid_number(t, rng, "本年新收", "四、政府信息公开行政复议")
    ),
    "cut_mid_number_table2": _big_text_kind(lambda t, rng: cut_mid_number(t, rng, "规章", "三、收到")),
    "ocr_letters": _text_kind(ocr_letters, sep="\t"),
    "label_typos": _text_kind(label_typos),
    "glue_some_figures": _text_kind(glue_some_figures),
    "split_some_figures": _text_kind(split_some_figures),
    "glued_wrapped_40": _html_kind(lambda root, rng: wrap(html_glued(root), 40, keep_digits=False)),
    "full_width_digits": _text_kind(lambda t, rng: full_width(t), sep="\t"),
    "traditional": _text_kind(lambda t, rng: traditional(t), sep="\n"),
    "traditional_space": _text_kind(lambda t, rng: traditional(t)),
    "traditional_glued": _html_kind(lambda root, rng: traditional(html_glued(root))),
    "full_width_glued": _html_kind(lambda root, rng: full_width(html_glued(root))),
    "traditional_taiwan": _text_kind(lambda t, rng: traditional(t, taiwan=True), sep="\n"),
    "gb18030_bytes": _gbk,
    # cell-level damage
    "thousands_space": _thousands("space"),
    "thousands_html": _thousands("html"),
    "thousands_glued": _thousands("glued"),
    "thousands_full_width": _thousands("fullwidth"),
    "dash_zero_space": _dash_zero("space"),
    "dash_zero_newline": _dash_zero("newline"),
    "dash_zero_html": _dash_zero("html"),
    "blank_cells_space": _blank("space"),
    "blank_cells_tab": _blank("tab"),
    "blank_cells_glued": _blank("glued"),
    "zeros_blank_space": _blank("space", every_zero=True),
    "zeros_blank_glued": _blank("glued", every_zero=True),
    "zeros_blank_pdf_layout": _blank("pdf_layout", every_zero=True),
    "zeros_blank_pypdf": _blank("pypdf", every_zero=True),
    "zeros_blank_pdf_file": _blank("pdf", every_zero=True),
    "narrative_contradicts_space": _narrative("space"),
    "narrative_contradicts_glued": _narrative("glued"),
    "cell_notes_html": _notes("html"),
    "cell_notes_space": _notes("space"),
    "cell_notes_glued": _notes("glued"),
    "unbalanced_html": _unbalanced("html"),
    "unbalanced_space": _unbalanced("space"),
    "unbalanced_lines": _unbalanced("lines"),
    "unbalanced_glued": _unbalanced("glued"),
    "unbalanced_pdf_layout": _unbalanced("pdf_layout"),
}

#: Kinds whose input needs poppler's pdftotext.
NEEDS_PDFTOTEXT = frozenset(
    {
        "pdf_pdftotext_layout",
        "pdf_pdftotext_raw",
        "pdf_pdftotext_layout_one_line",
        "unbalanced_pdf_layout",
        "zeros_blank_pdf_layout",
    }
)
#: Kinds that need a PDF rendered (about a second each).
NEEDS_PDF = NEEDS_PDFTOTEXT | {
    "pdf_pypdf_text",
    "pdf_pdfplumber_text",
    "zeros_blank_pypdf",
    "zeros_blank_pdf_file",
}


def attack(kind: str, seed: int) -> Damaged | None:
    """The damaged input of ``kind`` for sample ``seed`` (None when its converter is absent)."""
    return KINDS[kind](seed, random.Random(f"{kind}:{seed}"))


# ---------------------------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Wrong:
    cell: str
    expected: Value
    got: Value


@dataclass(slots=True)
class Score:
    """One reading against its truth."""

    cells: int = 0  # cells with a value in the truth
    recovered: int = 0  # of those, read equal
    nulls: int = 0  # of those, read null
    wrong: list[Wrong] = field(default_factory=list)
    dash_as_zero: int = 0  # a "—" read as 0 (the contract asks null)
    refused: bool = False  # ReportFormatError
    error: str = ""  # any other exception: a crash


def score(damaged: Damaged, read: Callable[[bytes], AnnualReport] = read_bytes) -> Score:
    result = Score()
    truth = dict(damaged.truth.cells())
    result.cells = sum(1 for p, v in truth.items() if v is not None and p not in damaged.dashed)
    try:
        back = read(damaged.data)
    except ReportFormatError:
        result.refused = True
        result.nulls = result.cells
        return result
    except Exception as exc:  # a crash is a finding of its own, reported with the input
        result.error = f"{type(exc).__name__}: {exc}"
        return result
    got = dict(back.cells())
    for path in dict.fromkeys([*truth, *got]):
        expected, value = truth.get(path), got.get(path)
        if path in damaged.dashed:
            if value == 0:
                result.dash_as_zero += 1
            elif value is not None:
                result.wrong.append(Wrong(path, None, value))
            continue
        if expected is not None:
            if value is None:
                result.nulls += 1
            elif value == expected:
                result.recovered += 1
        if value is not None and value != expected:
            result.wrong.append(Wrong(path, expected, value))
    return result


def read_right_or_null(damaged: Damaged, seed: int) -> Score:
    """``score`` of ``damaged``, asserting what every attack asks: no crash, no read over 5 s of CPU,
    no wrong value (a cell is right or null)."""
    started = time.process_time()
    result = score(damaged)
    assert time.process_time() - started < 5.0, f"seed {seed}"
    assert result.error == "", f"seed {seed}: {result.error}"
    assert result.wrong == [], f"seed {seed}: {result.wrong[:3]}"
    return result


def snippet(damaged: Damaged, value: Value, width: int = 60) -> str:
    """The input text around the first occurrence of ``value`` in table 三's region (for reports)."""
    text = damaged.data.decode("utf-8", errors="replace")
    if damaged.data[:4] == b"PK\x03\x04":
        return "<binary>"
    start = max(0, text.find("本年新收") - 20)
    at = text.find(str(value), start) if value is not None else -1
    if at < 0:
        return text[start : start + 2 * width]
    return text[max(0, at - width) : at + width]

"""Extract a published PDF report (with a text layer) into a ``SourceDocument``.

What the reader does, page by page:

1. PDFium (pypdfium2, the renderer pdfplumber itself depends on) gives every character with its
   box, and every path with its segments. We use PDFium rather than pdfplumber's pdfminer parser
   for speed: pdfminer needs ~0.7 s for a 6-page report, PDFium ~0.05 s, and the project's target
   is 10 PDF reports per second per core.
2. Only *visible* ruling lines count: stroked segments and thin filled bars. Filled rectangles
   (white boxes behind paragraphs, cell shading) are backgrounds, not rules -- treating them as
   rules, as pdfplumber's default settings do, turns framed paragraphs into one-column "tables"
   (corpus 001, 002).
3. pdfplumber's table algorithm turns the rules into cell rectangles (``pdf_layout``), and each
   character goes into the cell holding its centre. A cell's wrapped lines are joined without a
   separator, so a label printed one character per line ("三\\n、\\n本\\n年...") and a number
   wrapped over two lines read as one string.
4. Lines of figures set apart in columns without any rules (a table printed without borders)
   are rebuilt into a Grid from the alignment of the figures (``pdf_aligned``), so that a blank
   cell keeps its column.
5. The rest of the page is running text, top to bottom. Running headers and footers -- page
   numbers such as "- 1 -", and lines repeated in the margin of most pages -- are dropped. Lines
   wrapped from one paragraph are joined back into one TextLine (see ``_Paragraph``), also across
   a page break, so that a wrapped title or a figure broken over two lines reads whole.
6. A table that ends one page and continues at the top of the next with the same number of
   columns and no repeated header is merged into one Grid (rows renumbered); a label cell broken
   by the page break ("（四）无" / "法提供") is joined back, and a table left open at the break
   (no bottom rule) is closed there. A continuation that repeats the header is kept as a separate
   Grid: the assembler matches rows by their labels either way.

Provenance: every TextLine and GridCell carries its page; a TextLine's ``line`` is its number
among the text lines of that page (the first line of its paragraph).

Not handled (documented limits): rotated pages and vertical writing modes, multi-column page
layouts (read top to bottom across the columns). A scanned page (an image without text) inside an
otherwise text PDF is not an error here; the cells it held are missing and the assembler reports
them. PDFium is not thread-safe: calls into it are serialised by a lock, so threads (a web server's)
may call ``extract``; the batch checker reads in parallel with processes.
"""

from __future__ import annotations

import ctypes
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from gongkai import limits
from gongkai.errors import ReportFormatError
from gongkai.report.read.document import Block, Grid, GridCell, SourceDocument, TextLine
from gongkai.report.read.pdf_aligned import AlignedTable, find_aligned_tables
from gongkai.report.read.pdf_layout import (
    Char,
    Edge,
    Line,
    RuledTable,
    cell_of,
    find_ruled_tables,
    group_lines,
    join_wrapped,
)

SCANNED_MESSAGE = "扫描件，没有文字层，无法读取；请提供可复制文字的版本或先进行 OCR"
ENCRYPTED_MESSAGE = "PDF 文件设有打开密码（已加密），无法读取；请提供未加密的版本"
CORRUPT_MESSAGE = "PDF 文件已损坏或不是有效的 PDF，无法读取"
EMPTY_MESSAGE = "PDF 文件中没有任何文字内容"

#: Thicker than this (points) a filled shape is an area (background, shading), not a rule.
MAX_RULE_THICKNESS = 2.0
#: Lines whose box lies in the top or bottom this fraction of the page are header/footer candidates.
MARGIN_RATIO = 0.08
#: An image covering this fraction of a page with no text on it makes the page a scan.
SCAN_COVERAGE = 0.3
#: ... and fewer characters than this (a page number or a stamp added to the scan).
SCAN_MAX_CHARS = 20

_PAGE_NUMBER = re.compile(
    r"^[\s\-—–_·•]*(第\s*)?[0-9０-９]+\s*(页)?(\s*[/／]\s*[0-9]+|\s*共\s*[0-9]+\s*页)?[\s\-—–_·•]*$"
    r"|^(page\s*)?[0-9]+(\s*of\s*[0-9]+)?$",
    re.IGNORECASE,
)
_SPACES = frozenset((0x20, 0xA0, 0x3000, 0x2002, 0x2003, 0x2009))
_ORDINAL_START = re.compile(r"^[\s(（]*([一二三四五六七八九十]+|[0-9０-９]+)\s*[、.．）)]")
_NUMBER = re.compile(r"^[\s+\-－]*[0-9０-９][0-9０-９,，.．\s]*%?$")


def extract(data: bytes) -> SourceDocument:
    """The text lines and tables of a PDF, in reading order (see the module docstring)."""
    pages = _read_pages(data)
    laid_out = [_layout_page(page) for page in pages]
    _drop_running_lines(laid_out, pages)
    blocks = _merge_across_pages(laid_out)
    if not any(b.text.strip() if isinstance(b, TextLine) else b.cells for b in blocks):
        # Nothing but (at most) page numbers: a scan if pages are images, else an empty file.
        raise ReportFormatError(SCANNED_MESSAGE if any(p.scanned for p in pages) else EMPTY_MESSAGE)
    return SourceDocument(blocks=tuple(_number_grids(blocks)), source_format="pdf")


# ---------------------------------------------------------------------------------------------
# Reading pages with PDFium


@dataclass(slots=True)
class _Page:
    number: int
    width: float
    height: float
    chars: list[Char] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    scanned: bool = False


def _open(data: bytes) -> Any:
    limits.check_pdf(data)
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise ReportFormatError(ENCRYPTED_MESSAGE) from exc
        raise ReportFormatError(CORRUPT_MESSAGE) from exc


#: PDFium keeps global state and must not be entered by two threads at once (pypdfium2's docs).
_PDFIUM = threading.Lock()


def _read_pages(data: bytes) -> list[_Page]:
    with _PDFIUM:
        return _read_pages_unlocked(data)


def _read_pages_unlocked(data: bytes) -> list[_Page]:
    document = _open(data)
    try:
        count = len(document)
        limits.check_pdf_counts(pages=count)
        if count == 0:
            raise ReportFormatError(EMPTY_MESSAGE)
        pages = []
        for index in range(count):
            page = document[index]
            try:
                pages.append(_read_page(page, index + 1))
            finally:
                page.close()
        return pages
    except pdfium.PdfiumError as exc:
        raise ReportFormatError(CORRUPT_MESSAGE, detail=str(exc)) from exc
    finally:
        document.close()


@dataclass(frozen=True, slots=True)
class _View:
    """How a page is shown: its crop box and /Rotate, mapping PDF space to top-down display space.

    Landscape tables are often set on a portrait page turned by /Rotate 90: read in PDF space,
    their text would run bottom to top. Mapped here, every page reads as it is displayed.
    """

    left: float
    bottom: float
    right: float
    top: float
    rotation: int

    def point(self, x: float, y: float) -> tuple[float, float]:
        if self.rotation == 90:
            return y - self.bottom, x - self.left
        if self.rotation == 180:
            return self.right - x, y - self.bottom
        if self.rotation == 270:
            return self.top - y, self.right - x
        return x - self.left, self.top - y

    def box(self, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        """(x0, top, x1, bottom) in display space of a PDF-space box."""
        ax, ay = self.point(x0, y0)
        bx, by = self.point(x1, y1)
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)

    @property
    def size(self) -> tuple[float, float]:
        width, height = self.right - self.left, self.top - self.bottom
        return (height, width) if self.rotation in (90, 270) else (width, height)


def _read_page(page: Any, number: int) -> _Page:
    left, bottom, right, top = page.get_cropbox()
    view = _View(left, bottom, right, top, page.get_rotation() % 360)
    width, height = view.size
    result = _Page(number=number, width=width, height=height)
    textpage = page.get_textpage()
    try:
        result.chars = _chars(textpage, view)
    finally:
        textpage.close()
    image_area = 0.0
    for obj, matrix in _objects(page.raw):
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            result.edges.extend(_path_edges(obj, matrix, view.point))
        elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            x0, y0, x1, y1 = _bounds(obj)
            image_area += max(0.0, x1 - x0) * max(0.0, y1 - y0)
    # A page that is an image with (almost) no text -- at most a page number stamped on the scan.
    result.scanned = (
        len(result.chars) < SCAN_MAX_CHARS and image_area >= SCAN_COVERAGE * result.width * result.height
    )
    return result


def _chars(textpage: Any, view: _View) -> list[Char]:
    """The page's characters with their boxes in display space (see ``_View``)."""
    handle = textpage.raw
    box = pdfium_c.FS_RECTF()
    found: list[tuple[int, int, float, float, float, float]] = []
    for i in range(pdfium_c.FPDFText_CountChars(handle)):
        code = pdfium_c.FPDFText_GetUnicode(handle, i)
        if code in _SPACES:
            # A space the document really contains is kept (PDFium also invents spaces and line
            # breaks of its own: those are dropped, and gaps between characters decide instead).
            if pdfium_c.FPDFText_IsGenerated(handle, i) != 0:
                continue
            code = 0x20
        elif code < 0x20 or code in (0xFFFE, 0xFFFF, 0xFEFF) or 0x7F <= code < 0xA0:
            continue  # control characters and unmapped glyphs carry no text
        # The "loose" box spans the font's ascent to descent and the glyph's advance: every
        # character of a line shares its band and neighbours touch, whatever the glyph's shape.
        if pdfium_c.FPDFText_GetLooseCharBox(handle, i, box):
            found.append((i, code, box.left, box.bottom, box.right, box.top))
    heights = sorted(abs(t - b) for _, code, _, b, _, t in found if code != 0x20)
    typical = heights[len(heights) // 2] if heights else 0.0
    chars = []
    for i, code, x0, y0, x1, y1 in found:
        x0, x1, y0, y1 = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
        if code != 0x20 and max(x1 - x0, y1 - y0) > 3 * typical:
            # PDFium's loose box is wrong for some fonts (200 points tall for a 10-point glyph in
            # corpus 002): an outsized one is checked against the tight glyph box.
            x0, y0, x1, y1 = _checked_box(handle, i, (x0, y0, x1, y1))
        left, top, right, bottom = view.box(x0, y0, x1, y1)
        if bottom > top:
            chars.append(Char(chr(code), left, right, top, bottom, bottom - top))
    return chars


def _checked_box(handle: Any, index: int, loose: tuple[float, float, float, float]) -> tuple[float, ...]:
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    if not pdfium_c.FPDFText_GetCharBox(handle, index, left, right, bottom, top):
        return loose
    tight = (left.value, bottom.value, right.value, top.value)
    size = max(tight[2] - tight[0], tight[3] - tight[1], 4.0)
    if _plausible(loose, tight, size):
        return loose
    middle = (tight[1] + tight[3]) / 2
    return (tight[0], middle - size / 2, tight[2], middle + size / 2)


def _plausible(loose: tuple[float, ...], tight: tuple[float, ...], size: float) -> bool:
    """Whether a loose box (x0, y0, x1, y1) contains the tight one and is not absurdly larger."""
    slack = 0.5
    contains = (
        loose[0] <= tight[0] + slack
        and loose[1] <= tight[1] + slack
        and loose[2] >= tight[2] - slack
        and loose[3] >= tight[3] - slack
    )
    return contains and loose[2] - loose[0] <= 5 * size and loose[3] - loose[1] <= 5 * size


def _objects(page: Any) -> Iterator[tuple[Any, tuple[float, ...]]]:
    """Every page object with the matrix from its form's space to page space (forms descended)."""
    identity = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    for i in range(max(pdfium_c.FPDFPage_CountObjects(page), 0)):
        obj = pdfium_c.FPDFPage_GetObject(page, i)
        if not obj:
            continue
        if pdfium_c.FPDFPageObj_GetType(obj) == pdfium_c.FPDF_PAGEOBJ_FORM:
            yield from _objects_in_form(obj, identity)
        else:
            yield obj, identity


def _objects_in_form(
    form: Any, outer: tuple[float, ...], depth: int = 0
) -> Iterator[tuple[Any, tuple[float, ...]]]:
    if depth > 8:  # a form nested deeper than this is pathological (or cyclic): stop descending
        return
    matrix = _compose(_matrix(form), outer)
    for i in range(max(pdfium_c.FPDFFormObj_CountObjects(form), 0)):
        obj = pdfium_c.FPDFFormObj_GetObject(form, i)
        if not obj:
            continue
        if pdfium_c.FPDFPageObj_GetType(obj) == pdfium_c.FPDF_PAGEOBJ_FORM:
            yield from _objects_in_form(obj, matrix, depth + 1)
        else:
            yield obj, matrix


def _matrix(obj: Any) -> tuple[float, ...]:
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, m):
        return (1, 0, 0, 1, 0, 0)
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _compose(inner: tuple[float, ...], outer: tuple[float, ...]) -> tuple[float, ...]:
    """inner then outer, for PDF row-vector matrices [a b c d e f]."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _apply(m: tuple[float, ...], x: float, y: float) -> tuple[float, float]:
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


def _bounds(obj: Any) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = (ctypes.c_float() for _ in range(4))
    if not pdfium_c.FPDFPageObj_GetBounds(obj, x0, y0, x1, y1):
        return (0.0, 0.0, 0.0, 0.0)
    return (x0.value, y0.value, x1.value, y1.value)


def _is_white(getter: Any, obj: Any) -> bool:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not getter(obj, r, g, b, a):
        return False
    return a.value == 0 or min(r.value, g.value, b.value) >= 245


def _path_edges(
    obj: Any, form_matrix: tuple[float, ...], flip: Callable[[float, float], tuple[float, float]]
) -> list[Edge]:
    """The visible horizontal and vertical rules a path draws, in top-down page coordinates."""
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(obj, fill_mode, stroke):
        return []
    matrix = _compose(_matrix(obj), form_matrix)
    if stroke.value and not _is_white(pdfium_c.FPDFPageObj_GetStrokeColor, obj):
        return _stroked_edges(obj, matrix, flip)
    if fill_mode.value and not _is_white(pdfium_c.FPDFPageObj_GetFillColor, obj):
        # A filled bar no thicker than a rule is how many generators draw table borders.
        points = _segment_points(obj, matrix)
        if not points:
            return []
        xs = [flip(x, y)[0] for x, y, _, _ in points]
        ys = [flip(x, y)[1] for x, y, _, _ in points]
        x0, x1, top, bottom = min(xs), max(xs), min(ys), max(ys)
        if bottom - top <= MAX_RULE_THICKNESS < x1 - x0:
            middle = (top + bottom) / 2
            return [Edge("h", x0, x1, middle, middle)]
        if x1 - x0 <= MAX_RULE_THICKNESS < bottom - top:
            middle = (x0 + x1) / 2
            return [Edge("v", middle, middle, top, bottom)]
    return []


def _segment_points(obj: Any, matrix: tuple[float, ...]) -> list[tuple[float, float, int, bool]]:
    x, y = ctypes.c_float(), ctypes.c_float()
    points = []
    for i in range(max(pdfium_c.FPDFPath_CountSegments(obj), 0)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        if not segment or not pdfium_c.FPDFPathSegment_GetPoint(segment, x, y):
            continue
        px, py = _apply(matrix, x.value, y.value)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        points.append((px, py, kind, bool(pdfium_c.FPDFPathSegment_GetClose(segment))))
    return points


def _stroked_edges(
    obj: Any, matrix: tuple[float, ...], flip: Callable[[float, float], tuple[float, float]]
) -> list[Edge]:
    edges = []
    start: tuple[float, float] | None = None
    previous: tuple[float, float] | None = None
    for px, py, kind, closes in _segment_points(obj, matrix):
        point = flip(px, py)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = previous = point
            continue
        if kind == pdfium_c.FPDF_SEGMENT_LINETO and previous is not None:
            edges.extend(_axis_edge(previous, point))
        previous = point
        if closes and start is not None:
            edges.extend(_axis_edge(point, start))
            previous = start
    return edges


def _axis_edge(a: tuple[float, float], b: tuple[float, float]) -> list[Edge]:
    (xa, ya), (xb, yb) = a, b
    if abs(ya - yb) <= 1.0 and abs(xa - xb) > 1.0:
        y = (ya + yb) / 2
        return [Edge("h", min(xa, xb), max(xa, xb), y, y)]
    if abs(xa - xb) <= 1.0 and abs(ya - yb) > 1.0:
        x = (xa + xb) / 2
        return [Edge("v", x, x, min(ya, yb), max(ya, yb))]
    return []  # diagonal strokes (the slash in a corner header cell) are not grid lines


# ---------------------------------------------------------------------------------------------
# Laying out one page


@dataclass(slots=True)
class _Table:
    """A table of one page (or several, once merged), its cells numbered from its own first row."""

    cells: list[GridCell]
    row_count: int
    column_count: int
    x0: float
    x1: float
    top: float
    bottom: float
    page: int


@dataclass(slots=True)
class _PagePiece:
    top: float
    bottom: float
    line: Line | None = None
    table: _Table | None = None


def _layout_page(page: _Page) -> list[_PagePiece]:
    tables = find_ruled_tables(page.edges)
    cell_chars: dict[tuple[int, int, int], list[Char]] = {}
    loose: list[Char] = []
    for char in page.chars:
        for t_index, table in enumerate(tables):
            cell = cell_of(table, char)
            if cell is not None:
                cell_chars.setdefault((t_index, cell.row, cell.column), []).append(char)
                break
        else:
            loose.append(char)
    lines = group_lines(loose)
    pieces = []
    for aligned in find_aligned_tables(lines):
        top, bottom = aligned.lines[0].top, aligned.lines[-1].bottom
        pieces.append(_PagePiece(top, bottom, table=_aligned_block(aligned, page)))
        taken = {id(line) for line in aligned.lines}
        lines = [line for line in lines if id(line) not in taken]
    pieces.extend(_PagePiece(line.top, line.bottom, line=line) for line in lines)
    for t_index, table in enumerate(tables):
        pieces.append(
            _PagePiece(table.top, table.bottom, table=_table_block(t_index, table, cell_chars, page))
        )
    pieces.sort(key=lambda p: (p.top, p.line is not None))
    return pieces


def _aligned_block(aligned: AlignedTable, page: _Page) -> _Table:
    cells = []
    for row, (label, figures) in enumerate(aligned.rows):
        cells.append(GridCell(text=label, row=row, column=0, page=page.number))
        cells.extend(
            GridCell(text=text, row=row, column=column, page=page.number)
            for column, text in enumerate(figures, start=1)
        )
    return _Table(
        cells=cells,
        row_count=len(aligned.rows),
        column_count=aligned.column_count,
        x0=min(line.x0 for line in aligned.lines),
        x1=max(line.x1 for line in aligned.lines),
        top=aligned.lines[0].top,
        bottom=aligned.lines[-1].bottom,
        page=page.number,
    )


def _table_block(
    t_index: int, table: RuledTable, cell_chars: dict[tuple[int, int, int], list[Char]], page: _Page
) -> _Table:
    cells = []
    for cell in table.cells:
        lines = group_lines(cell_chars.get((t_index, cell.row, cell.column), []))
        cells.append(
            GridCell(
                text=join_wrapped([line.text.strip() for line in lines]),
                row=cell.row,
                column=cell.column,
                row_span=cell.row_span,
                column_span=cell.column_span,
                page=page.number,
            )
        )
    return _Table(
        cells=cells,
        row_count=len(table.ys) - 1,
        column_count=table.column_count,
        x0=table.x0,
        x1=table.x1,
        top=table.top,
        bottom=table.bottom,
        page=page.number,
    )


def _drop_running_lines(laid_out: list[list[_PagePiece]], pages: list[_Page]) -> None:
    """Remove page numbers and running headers/footers (lines in the margins repeated on pages)."""

    def in_margin(piece: _PagePiece, page: _Page) -> bool:
        return piece.bottom <= MARGIN_RATIO * page.height or piece.top >= (1 - MARGIN_RATIO) * page.height

    def shape(text: str) -> str:
        return re.sub(r"[0-9０-９]+", "#", re.sub(r"\s+", "", text))

    seen: Counter[str] = Counter()
    for pieces, page in zip(laid_out, pages, strict=True):
        seen.update({shape(p.line.text) for p in pieces if p.line is not None and in_margin(p, page)})
    repeated = {text for text, count in seen.items() if count >= 2 and count * 2 >= len(pages)}
    for pieces, page in zip(laid_out, pages, strict=True):
        pieces[:] = [
            p
            for p in pieces
            if not (
                p.line is not None
                and in_margin(p, page)
                and (_PAGE_NUMBER.match(p.line.text) or shape(p.line.text) in repeated)
            )
        ]


# ---------------------------------------------------------------------------------------------
# Tables continued on the next page


def _merge_across_pages(laid_out: list[list[_PagePiece]]) -> list[Block]:
    blocks: list[Block | _Table] = []
    paragraph: _Paragraph | None = None
    margins = _margins([p.line for pieces in laid_out for p in pieces if p.line is not None])
    for page_index, pieces in enumerate(laid_out):
        line_number = 0
        for position, piece in enumerate(pieces):
            if piece.line is not None:
                line_number += 1
                if (
                    paragraph is not None
                    and blocks
                    and blocks[-1] is paragraph.block
                    and paragraph.continued_by(piece.line, margins)
                ):
                    paragraph.extend(piece.line, margins)
                    blocks[-1] = paragraph.block
                    continue
                paragraph = _Paragraph(piece.line, page_index + 1, line_number, margins)
                blocks.append(paragraph.block)
                continue
            assert piece.table is not None
            previous = blocks[-1] if blocks else None
            if position == 0 and isinstance(previous, _Table) and _continues(previous, piece.table):
                _append_rows(previous, piece.table)
            else:
                blocks.append(piece.table)
    return [_as_grid(b) if isinstance(b, _Table) else b for b in blocks]


@dataclass(frozen=True, slots=True)
class _Margins:
    """The left and right edges of the running text."""

    left: float
    right: float


def _margins(lines: list[Line]) -> _Margins:
    """Where most lines start and end: the text block's edges, whatever indents and hanging
    punctuation do to single lines (the layout is the same on every page of a report)."""
    if not lines:
        return _Margins(0.0, 0.0)
    starts = Counter(round(line.x0) for line in lines)
    ends = Counter(round(line.x1) for line in lines)
    return _Margins(float(starts.most_common(1)[0][0]), float(ends.most_common(1)[0][0]))


class _Paragraph:
    """Lines of running text rejoined into the paragraph they were wrapped from.

    A line continues the paragraph when the paragraph's last line ran to the right margin (so it
    was wrapped, not ended) and the new line starts at the left margin -- or, for a centred title
    wrapped over two lines, is centred under it -- in the same font size, also across a page
    break. An indented line starts a new paragraph; a line with wide gaps (a rule-less table row)
    is never joined. Rejoining matters for the title ("……政府信息公开工作年" + "度报告") and
    for figures the narrative breaks across lines ("答" + "复3050件").
    """

    def __init__(self, line: Line, page: int, number: int, margins: _Margins) -> None:
        self.block = TextLine(line.text, page=page, line=number)
        self.last = line
        self.open = self._runs_to_margin(line, margins)

    @staticmethod
    def _runs_to_margin(line: Line, margins: _Margins) -> bool:
        return not line.has_wide_gap and line.x1 >= margins.right - 1.2 * line.size

    def continued_by(self, line: Line, margins: _Margins) -> bool:
        # Digits and Latin letters come from other fonts with taller boxes: sizes vary by ~25%.
        if not self.open or line.has_wide_gap or abs(line.size - self.last.size) > 0.4 * self.last.size:
            return False
        starts_at_margin = abs(line.x0 - margins.left) <= 0.4 * line.size
        centred_under = abs((line.x0 + line.x1) / 2 - (self.last.x0 + self.last.x1) / 2) <= line.size
        return starts_at_margin or centred_under

    def extend(self, line: Line, margins: _Margins) -> None:
        text = join_wrapped([self.block.text, line.text])
        self.block = TextLine(text, page=self.block.page, line=self.block.line)
        self.last = line
        self.open = self._runs_to_margin(line, margins)


def _first_row_texts(table: _Table) -> list[str]:
    return [c.text for c in table.cells if c.row == 0]


def _continues(first: _Table, second: _Table) -> bool:
    """Whether ``second`` (at the top of a page) continues ``first`` (ending the page before)."""
    if second.page != _last_page(first) + 1:
        return False
    if first.column_count != second.column_count:
        return False
    overlap = min(first.x1, second.x1) - max(first.x0, second.x0)
    if overlap < 0.8 * max(first.x1 - first.x0, second.x1 - second.x0):
        return False
    # A repeated header row means the generator started the table afresh: keep it separate.
    # (Compared by prefix: a header cell left open below may have swallowed the next label.)
    heads, repeats = _first_row_texts(first), _first_row_texts(second)
    return not (
        len(heads) == len(repeats)
        and any(heads)
        and all(r.startswith(h) for h, r in zip(heads, repeats, strict=True))
    )


def _last_page(table: _Table) -> int:
    return max(c.page or table.page for c in table.cells)


def _is_label(text: str) -> bool:
    return bool(text) and not _NUMBER.match(text)


def _append_rows(first: _Table, second: _Table) -> None:
    """Append ``second``'s rows to ``first``, joining label cells that the page break cut in two."""
    last_row = first.row_count - 1
    bottom_cells = {
        (c.column, c.column_span): i for i, c in enumerate(first.cells) if c.row + c.row_span - 1 == last_row
    }
    top_row = [c for c in second.cells if c.row == 0]
    has_numbers = any(c.text and not _is_label(c.text) for c in top_row)
    joined: set[int] = set()
    for cell in top_row:
        above_index = bottom_cells.get((cell.column, cell.column_span))
        if above_index is None or cell.row_span < 1:
            continue
        above = first.cells[above_index]
        if not _is_label(above.text):
            continue
        labels_to_right = any(_is_label(c.text) for c in top_row if c.column > cell.column)
        if cell.text == "":
            text = above.text  # the merged cell above simply goes on (e.g. "三、本年度办理结果")
        elif (
            _is_label(cell.text)
            and not _ORDINAL_START.match(cell.text)
            and (labels_to_right or not has_numbers)
        ):
            text = above.text + cell.text  # "（四）无" + "法提供"
        else:
            continue
        first.cells[above_index] = GridCell(
            text=text,
            row=above.row,
            column=above.column,
            row_span=above.row_span + cell.row_span,
            column_span=above.column_span,
            page=above.page,
        )
        joined.add(id(cell))
    for cell in second.cells:
        if id(cell) in joined:
            continue
        first.cells.append(
            GridCell(
                text=cell.text,
                row=cell.row + first.row_count,
                column=cell.column,
                row_span=cell.row_span,
                column_span=cell.column_span,
                page=cell.page,
            )
        )
    first.row_count += second.row_count
    first.x0, first.x1 = min(first.x0, second.x0), max(first.x1, second.x1)


def _as_grid(table: _Table) -> Grid:
    cells = tuple(sorted(table.cells, key=lambda c: (c.row, c.column)))
    return Grid(cells=cells, index=0, page=table.page)


def _number_grids(blocks: list[Block]) -> Iterator[Block]:
    index = 0
    for block in blocks:
        if isinstance(block, Grid):
            index += 1
            yield Grid(cells=block.cells, index=index, page=block.page)
        else:
            yield block

"""Reading the pages of a PDF with PDFium: characters with their boxes, visible ruling lines.

Split out of ``gongkai.report.read.pdf`` (which lays the pages out into blocks); see that
module's docstring, steps 1 and 2, for why PDFium and why only visible rules count.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from gongkai import limits
from gongkai.errors import ReportFormatError
from gongkai.report.read.pdf_layout import Char, Edge

SCANNED_MESSAGE = "扫描件，没有文字层，无法读取；请提供可复制文字的版本或先进行 OCR"
ENCRYPTED_MESSAGE = "PDF 文件设有打开密码（已加密），无法读取；请提供未加密的版本"
CORRUPT_MESSAGE = "PDF 文件已损坏或不是有效的 PDF，无法读取"
EMPTY_MESSAGE = "PDF 文件中没有任何文字内容"

#: Thicker than this (points) a filled shape is an area (background, shading), not a rule.
MAX_RULE_THICKNESS = 2.0
#: An image covering this fraction of a page with no text on it makes the page a scan.
SCAN_COVERAGE = 0.3
#: ... and fewer characters than this (a page number or a stamp added to the scan).
SCAN_MAX_CHARS = 20
_SPACES = frozenset((0x20, 0xA0, 0x3000, 0x2002, 0x2003, 0x2009))


# ---------------------------------------------------------------------------------------------
# Reading pages with PDFium


@dataclass(slots=True)
class Page:
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


def read_pages(data: bytes) -> list[Page]:
    with _PDFIUM:
        return _read_pages_unlocked(data)


def _read_pages_unlocked(data: bytes) -> list[Page]:
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


def _read_page(page: Any, number: int) -> Page:
    left, bottom, right, top = page.get_cropbox()
    view = _View(left, bottom, right, top, page.get_rotation() % 360)
    width, height = view.size
    result = Page(number=number, width=width, height=height)
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

"""A :class:`Letter` as DOCX (python-docx) and PDF (reportlab), in a GB/T 9704-2012 style layout.

Layout (GB/T 9704-2012 7.x, simplified for letters without a red 版头): A4, margins
37/35/28/26 mm (top/bottom/left/right); the agency name and the title in 小标宋 二号 (22 pt),
centred; the 文号 under the title in 仿宋 三号 (16 pt), centred; the addressee flush left; body
paragraphs in 仿宋 三号, first line indented two characters, fixed 28 pt line spacing; the 附件说明
(7.3.4) one blank line under the body, two characters in, a long name wrapping under its own first
character; signature and date right-aligned one blank line under it.

The 落款 (signature and date) never stands alone on a page: it is kept with at least the last two
lines of the body (PDF: those lines are split off the last paragraph and kept together with the
附件说明 and the 落款; DOCX: keep-with-next and widow control ask the word processor for the same).
PDF lines follow the Chinese line-breaking rules (gongkai.report.render.linebreak). DOCX only names
the fonts (the reader's machine draws them); PDF embeds the system's CJK TrueType font
(gongkai.report.render.fonts).
"""

from __future__ import annotations

import copy
import functools
import io
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from gongkai.letters.model import Letter
from gongkai.report.render import docx_package
from gongkai.report.render.fonts import BODY_FONT, PAGE_MARGINS_MM, TITLE_FONT, pdf_font_name

if TYPE_CHECKING:
    from gongkai.report.render.linebreak import CjkParagraph

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF_MIME = "application/pdf"

TITLE_PT = 22.0  # 二号
BODY_PT = 16.0  # 三号
LINE_PT = 28.0


class _BlankDocx(docx_package.KeptDocument):
    """python-docx's default template, and once saved, its package with every part but
    word/document.xml kept compressed (:mod:`gongkai.report.render.docx_package`): :func:`render_docx`
    changes only that part, and deflating the others again (about 790 KB of styles) was 8 of the
    11.5 ms of each letter's save (bench/RESULTS.md)."""

    def __init__(self) -> None:
        from docx import Document

        super().__init__(Document())
        #: One formatted, empty paragraph per format (see :func:`_render_docx_into`).
        self.prototypes: dict[Any, Any] = {}


@functools.cache
def _blank_docx() -> _BlankDocx:
    """The template parsed once per process: parsing it (its styles parts are about 800 KB of XML)
    was a third of each letter's DOCX (bench/RESULTS.md). Its body holds only the section
    properties; :func:`render_docx` empties the body back to that before each letter."""
    return _BlankDocx()


def render_docx(letter: Letter) -> bytes:
    blank = _blank_docx()

    def fill(doc: Any) -> tuple[()]:
        _render_docx_into(doc, letter, blank.prototypes)
        return ()

    return blank.render(fill)


def _render_docx_into(doc: Any, letter: Letter, prototypes: dict[Any, Any] | None = None) -> None:
    """Append ``letter``'s paragraphs to the empty body of ``doc``. With ``prototypes`` (kept with
    the template), a paragraph is a copy of the first one formatted the same way, its text set:
    python-docx's property setters for each paragraph's format were most of a letter's DOCX
    (bench/RESULTS.md); without, every paragraph is formatted through python-docx (the reference
    the copies are tested against, byte for byte)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    top, bottom, left, right = PAGE_MARGINS_MM
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)

    def paragraph(
        text: str,
        font: str,
        size: float,
        align: Any,
        *,
        indent: bool | tuple[float, float] = False,
        keep_with_next: bool = False,
    ) -> None:
        key = (font, size, align, indent, keep_with_next)
        if prototypes is not None and key in prototypes:
            p_element = copy.deepcopy(prototypes[key])
            doc.element.body[-1].addprevious(p_element)  # before the w:sectPr, as add_paragraph
            p_element.r_lst[0].text = text  # python-docx's own run text (tabs, breaks, spaces)
            return
        p = doc.add_paragraph()
        p.alignment = align
        fmt = p.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(size + 12 if size > BODY_PT else LINE_PT)
        fmt.space_before = fmt.space_after = Pt(0)
        fmt.widow_control = True  # never one line of a paragraph alone on a page
        fmt.keep_with_next = keep_with_next
        if isinstance(indent, tuple):  # (left indent, hanging first line)
            fmt.left_indent, fmt.first_line_indent = Pt(indent[0]), Pt(-indent[1])
        elif indent:
            fmt.first_line_indent = Pt(2 * size)
        run = p.add_run()
        run.font.name, run.font.size = font, Pt(size)
        # East Asian text uses w:eastAsia, not the Latin font name.
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
        if prototypes is not None:
            prototypes[key] = copy.deepcopy(p._p)
        run.text = text

    center, left_, right_ = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT
    if letter.letterhead:
        paragraph(letter.letterhead, TITLE_FONT, TITLE_PT, center)
    paragraph(letter.title, TITLE_FONT, TITLE_PT, center)
    if letter.document_number:
        paragraph(letter.document_number, BODY_FONT, BODY_PT, center)
    paragraph("", BODY_FONT, BODY_PT, left_)
    if letter.addressee:
        paragraph(letter.addressee, BODY_FONT, BODY_PT, left_)
    last = len(letter.paragraphs) - 1
    for n, p in enumerate(letter.paragraphs):
        # The last paragraph keeps with the 落款 (with widow control: at least its last two lines).
        paragraph(
            p.text, BODY_FONT, BODY_PT, WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True, keep_with_next=n == last
        )
    attachments = _attachment_layout(letter, lambda text: len(text) * BODY_PT / 2)  # half-width
    if attachments:
        paragraph("", BODY_FONT, BODY_PT, left_, keep_with_next=True)
    for line, indent, hang in attachments:
        paragraph(line, BODY_FONT, BODY_PT, left_, indent=(indent, hang), keep_with_next=True)
    paragraph("", BODY_FONT, BODY_PT, left_, keep_with_next=True)
    for line in (letter.signature, letter.date):
        if line:
            paragraph(line, BODY_FONT, BODY_PT, right_, keep_with_next=line is letter.signature)


def _attachment_layout(letter: Letter, latin_width: Callable[[str], float]) -> list[tuple[str, float, float]]:
    """The 附件说明 lines, each with the indent of the name's first character from the margin and
    the hanging indent back to where the line starts; empty without attachments.

    GB/T 9704-2012 7.3.4: 左空二字 "附件：", then the names; "2." stands under "1.", and a long
    name wraps under its own first character.
    """
    lines = letter.attachment_lines
    layout = []
    for n, line in enumerate(lines):
        number, sep, _ = line.removeprefix("附件：").partition(" ")
        label = latin_width(f"{number}{sep}") if len(lines) > 1 else 0.0
        name_indent = 2 * BODY_PT + 3 * BODY_PT + label  # 左空二字, "附件：", "1. "
        layout.append((line, name_indent, label + (3 * BODY_PT if n == 0 else 0.0)))
    return layout


def render_pdf(letter: Letter) -> bytes:
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Flowable, KeepTogether, SimpleDocTemplate, Spacer

    from gongkai.report.render.linebreak import CjkParagraph
    from gongkai.report.render.pdf import PAGE

    font = pdf_font_name()

    def style(name: str, size: float, align: int, indent: float = 0, left: float = 0) -> ParagraphStyle:
        leading = size + 12 if size > BODY_PT else LINE_PT
        return ParagraphStyle(
            name, fontName=font, fontSize=size, leading=leading, alignment=align,
            firstLineIndent=indent, leftIndent=left, wordWrap="CJK",
        )  # fmt: skip

    title = style("title", TITLE_PT, TA_CENTER)
    number = style("number", BODY_PT, TA_CENTER)
    plain = style("plain", BODY_PT, TA_LEFT)
    body = style("body", BODY_PT, TA_JUSTIFY, 2 * BODY_PT)
    sign = style("sign", BODY_PT, TA_RIGHT)

    def para(text: str, st: ParagraphStyle) -> CjkParagraph:
        return CjkParagraph(escape(text), st)

    story: list[Flowable] = []
    for text, st in ((letter.letterhead, title), (letter.title, title), (letter.document_number, number)):
        if text:
            story.append(para(text, st))
    story.append(Spacer(1, LINE_PT))
    if letter.addressee:
        story.append(para(letter.addressee, plain))
    left, right = PAGE_MARGINS_MM[2:]
    # SimpleDocTemplate's frame pads its text block by 6 pt on each side.
    width = A4[0] - (left + right) * mm - 12
    before, kept = _split_tail(
        [para(p.text, body) for p in letter.paragraphs], width, KEEP_BODY_LINES_WITH_SIGNATURE
    )
    story.extend(before)
    tail: list[Flowable] = list(kept)
    attachments = _attachment_layout(letter, lambda text: stringWidth(text, font, BODY_PT))
    if attachments:
        tail.append(Spacer(1, LINE_PT))  # 在正文下空一行
    for line, indent, hang in attachments:
        tail.append(para(line, style("attachment", BODY_PT, TA_LEFT, -hang, indent)))
    tail.append(Spacer(1, LINE_PT))
    tail.extend(para(text, sign) for text in (letter.signature, letter.date) if text)
    story.append(KeepTogether(tail))

    out = io.BytesIO()
    SimpleDocTemplate(out, **PAGE, title=letter.title, author=letter.signature).build(story)
    return out.getvalue()


#: The 落款 never stands alone on a page: at least this many lines of the body go with it.
KEEP_BODY_LINES_WITH_SIGNATURE = 2


def _split_tail(
    paragraphs: list[CjkParagraph], width: float, count: int
) -> tuple[list[CjkParagraph], list[CjkParagraph]]:
    """``paragraphs`` as (before, kept): ``kept`` holds the last ``count`` lines, to be kept
    together with the 落款.

    reportlab splits a paragraph the same way at a page break (its first part keeps the lines
    laid out, the second is laid out again from the line start), so the text reads exactly as
    unsplit wherever the page ends. A paragraph is split only where neither part is a single
    line (reportlab's orphan rule); otherwise it goes whole.
    """
    before = list(paragraphs)
    kept: list[CjkParagraph] = []
    needed = count
    while needed > 0 and before:
        last = before.pop()
        last.wrap(width, 1e9)
        lines = len(last.blPara.lines)
        parts = last.split(width, (lines - needed) * last.style.leading + 0.01) if lines > needed else []
        if len(parts) == 2:
            before.append(parts[0])
            kept.insert(0, parts[1])
            break
        kept.insert(0, last)
        needed -= lines
    return before, kept

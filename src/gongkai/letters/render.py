"""A :class:`Letter` as DOCX (python-docx) and PDF (reportlab), in a GB/T 9704-2012 style layout.

Layout (GB/T 9704-2012 7.x, simplified for letters without a red 版头): A4, margins
37/35/28/26 mm (top/bottom/left/right); the agency name and the title in 小标宋 二号 (22 pt),
centred; the 文号 under the title in 仿宋 三号 (16 pt), centred; the addressee flush left; body
paragraphs in 仿宋 三号, first line indented two characters, fixed 28 pt line spacing; signature
and date right-aligned. DOCX only names the fonts (the reader's machine draws them); PDF embeds
the system's CJK TrueType font (gongkai.report.render.fonts).
"""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from gongkai.letters.model import Letter
from gongkai.report.render.fonts import BODY_FONT, TITLE_FONT, pdf_font_name

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF_MIME = "application/pdf"

TITLE_PT = 22.0  # 二号
BODY_PT = 16.0  # 三号
LINE_PT = 28.0
MARGINS_MM = (37.0, 35.0, 28.0, 26.0)  # top, bottom, left, right


def render_docx(letter: Letter) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    top, bottom, left, right = MARGINS_MM
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)

    def paragraph(text: str, font: str, size: float, align: Any, *, indent: bool = False) -> None:
        p = doc.add_paragraph()
        p.alignment = align
        fmt = p.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(size + 12 if size > BODY_PT else LINE_PT)
        fmt.space_before = fmt.space_after = Pt(0)
        if indent:
            fmt.first_line_indent = Pt(2 * size)
        run = p.add_run(text)
        run.font.name, run.font.size = font, Pt(size)
        # East Asian text uses w:eastAsia, not the Latin font name.
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)

    center, left_, right_ = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT
    if letter.letterhead:
        paragraph(letter.letterhead, TITLE_FONT, TITLE_PT, center)
    paragraph(letter.title, TITLE_FONT, TITLE_PT, center)
    if letter.document_number:
        paragraph(letter.document_number, BODY_FONT, BODY_PT, center)
    paragraph("", BODY_FONT, BODY_PT, left_)
    if letter.addressee:
        paragraph(letter.addressee, BODY_FONT, BODY_PT, left_)
    for p in letter.paragraphs:
        paragraph(p.text, BODY_FONT, BODY_PT, WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True)
    paragraph("", BODY_FONT, BODY_PT, left_)
    for line in (letter.signature, letter.date):
        if line:
            paragraph(line, BODY_FONT, BODY_PT, right_)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def render_pdf(letter: Letter) -> bytes:
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    font = pdf_font_name()

    def style(name: str, size: float, align: int, indent: float = 0) -> ParagraphStyle:
        leading = size + 12 if size > BODY_PT else LINE_PT
        return ParagraphStyle(
            name, fontName=font, fontSize=size, leading=leading, alignment=align,
            firstLineIndent=indent, wordWrap="CJK",
        )  # fmt: skip

    title = style("title", TITLE_PT, TA_CENTER)
    number = style("number", BODY_PT, TA_CENTER)
    plain = style("plain", BODY_PT, TA_LEFT)
    body = style("body", BODY_PT, TA_JUSTIFY, 2 * BODY_PT)
    sign = style("sign", BODY_PT, TA_RIGHT)

    story: list[Any] = []

    def add(text: str, st: ParagraphStyle) -> None:
        if text:
            story.append(Paragraph(escape(text), st))

    add(letter.letterhead, title)
    add(letter.title, title)
    add(letter.document_number, number)
    story.append(Spacer(1, LINE_PT))
    add(letter.addressee, plain)
    for p in letter.paragraphs:
        add(p.text, body)
    story.append(Spacer(1, LINE_PT))
    add(letter.signature, sign)
    add(letter.date, sign)

    out = io.BytesIO()
    top, bottom, left, right = MARGINS_MM
    SimpleDocTemplate(
        out, pagesize=A4, topMargin=top * mm, bottomMargin=bottom * mm, leftMargin=left * mm,
        rightMargin=right * mm, title=letter.title, author=letter.signature,
    ).build(story)  # fmt: skip
    return out.getvalue()

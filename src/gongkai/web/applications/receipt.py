"""The receipt (接收回执) given to an applicant, as DOCX (python-docx) and PDF (reportlab).

Both formats render the same lines from :func:`receipt_lines`; fonts come from the report
renderers (gongkai.report.render.fonts): GB/T 9704 names in DOCX, the system's embeddable CJK
TrueType font in PDF.
"""

from __future__ import annotations

import io

from gongkai.report.render.fonts import BODY_FONT, TITLE_FONT, pdf_font_name
from gongkai.web.applications import vocabulary as v
from gongkai.web.applications.masking import mask_id, mask_phone
from gongkai.web.applications.models import Application

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TITLE = "政府信息公开申请接收回执"


def _cn_date(d: object) -> str:
    from datetime import date

    if not isinstance(d, date):
        return "待定"
    return f"{d.year}年{d.month}月{d.day}日"


def receipt_lines(app: Application) -> list[tuple[str, str]]:
    """What the receipt says; personal numbers are masked (the receipt may be photographed)."""
    return [
        ("登记编号", app.number),
        ("受理机关", app.agency.name),
        ("申请人", app.name),
        ("身份证明", f"{v.IdType(app.id_type).label} {mask_id(app.id_number)}"),
        ("联系电话", mask_phone(app.phone)),
        ("提交方式", v.Channel(app.channel).label),
        ("收到申请之日", _cn_date(app.received_on)),
        ("所需信息", app.description[:300]),
        (
            "提供形式",
            f"{v.DeliveryForm(app.delivery_form).label}，{v.DeliveryMethod(app.delivery_method).label}",
        ),
        ("答复期限", _cn_date(app.due_on) if app.due_on else "待收到申请之日确定后计算"),
    ]


NOTE = (
    "本机关已收到您的政府信息公开申请。除能够当场答复的外，本机关将自收到申请之日起20个工作日内"
    "予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知您，延长期限最长不超过"
    "20个工作日；征求第三方和其他机关意见所需时间不计算在内（《中华人民共和国政府信息公开条例》"
    "第三十三条）。您可以凭登记编号和查询码在网上查询办理进度。"
)


def render_docx(app: Application) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()

    def run(paragraph: object, text: str, font: str, size: float, bold: bool = False) -> None:
        r = paragraph.add_run(text)  # type: ignore[attr-defined]
        r.font.name, r.font.size, r.font.bold = font, Pt(size), bold
        r._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)

    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run(title, TITLE, TITLE_FONT, 22)
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in receipt_lines(app):
        cells = table.add_row().cells
        run(cells[0].paragraphs[0], label, BODY_FONT, 12, bold=True)
        run(cells[1].paragraphs[0], value, BODY_FONT, 12)
    run(doc.add_paragraph(), NOTE, BODY_FONT, 12)
    sign = doc.add_paragraph()
    sign.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run(sign, f"{app.agency.name}\n{_cn_date(app.received_on or app.submitted_at.date())}", BODY_FONT, 12)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def render_pdf(app: Application) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font = pdf_font_name()
    body = ParagraphStyle("body", fontName=font, fontSize=11, leading=17, wordWrap="CJK")
    title = ParagraphStyle("title", parent=body, fontSize=18, leading=26, alignment=TA_CENTER)
    right = ParagraphStyle("right", parent=body, alignment=TA_RIGHT)
    out = io.BytesIO()
    pdf = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=25 * mm,
        rightMargin=25 * mm,
        topMargin=25 * mm,
        title=TITLE,
        author=app.agency.name,
    )
    rows = [[Paragraph(label, body), Paragraph(_xml(value), body)] for label, value in receipt_lines(app)]
    table = Table(rows, colWidths=[32 * mm, 128 * mm])
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f2f2f2")),
            ]
        )
    )
    date_text = _cn_date(app.received_on or app.submitted_at.date())
    pdf.build(
        [
            Paragraph(TITLE, title),
            Spacer(1, 8 * mm),
            table,
            Spacer(1, 6 * mm),
            Paragraph(NOTE, body),
            Spacer(1, 10 * mm),
            Paragraph(f"{_xml(app.agency.name)}<br/>{date_text}", right),
        ]
    )
    return out.getvalue()


def _xml(text: str) -> str:
    from xml.sax.saxutils import escape

    return escape(text).replace("\n", "<br/>")

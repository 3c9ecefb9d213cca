"""PDF (reportlab, BSD licence) on A4 with the page and type sizes of GB/T 9704.

The CJK font is a TrueType font found on the system and embedded (see ``fonts``); without one,
``GongkaiError`` says which Debian package to install. Text and table cells wrap by the Chinese
line-breaking rules (``linebreak``), merged cells are reportlab ``SPAN``s, and a table breaks
across pages with its header rows repeated, only between whole rows and never inside a merged
row label's block. A table stays with its section's heading and text (:class:`SectionBlock`):
moved to the next page only when little room is left, otherwise begun where it is, so that no
page is left nearly blank. The text layer is real text, so pdfplumber and pypdf read it back.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate, Table, TableStyle

from gongkai.report.model import AnnualReport
from gongkai.report.render.fonts import PAGE_MARGINS_MM, pdf_font_name
from gongkai.report.render.layout import CellRole, TableGrid, document_layout, printable
from gongkai.report.render.linebreak import CjkParagraph

MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = (m * mm for m in PAGE_MARGINS_MM)
#: The page of every PDF (annual reports and letters), as SimpleDocTemplate's keyword arguments.
PAGE: Mapping[str, Any] = MappingProxyType(
    {
        "pagesize": A4,
        "topMargin": MARGIN_TOP,
        "bottomMargin": MARGIN_BOTTOM,
        "leftMargin": MARGIN_LEFT,
        "rightMargin": MARGIN_RIGHT,
    }
)
#: GB/T 9704: 3号 (16 pt) body, 22 lines a page; 2号 (22 pt) title.
BODY_SIZE, LINE_PITCH, TITLE_SIZE, TABLE_SIZE = 16.0, 28.9, 22.0, 9.0


def paragraph_styles(font: str) -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "body",
        fontName=font,
        fontSize=BODY_SIZE,
        leading=LINE_PITCH,
        firstLineIndent=2 * BODY_SIZE,
        alignment=TA_JUSTIFY,
        wordWrap="CJK",
    )
    cell = ParagraphStyle(
        "cell",
        fontName=font,
        fontSize=TABLE_SIZE,
        leading=TABLE_SIZE * 1.25,
        alignment=TA_CENTER,
        wordWrap="CJK",
    )
    return {
        "title": ParagraphStyle(
            "title",
            parent=body,
            fontSize=TITLE_SIZE,
            leading=TITLE_SIZE * 1.6,
            firstLineIndent=0,
            alignment=TA_CENTER,
            spaceAfter=LINE_PITCH,
        ),
        "heading": ParagraphStyle("heading", parent=body, keepWithNext=True),
        "body": body,
        "cell": cell,
        "label": ParagraphStyle("label", parent=cell, alignment=TA_LEFT),
    }


def table_flowable(grid: TableGrid, font: str, styles: dict[str, ParagraphStyle]) -> Table:
    data: list[list[CjkParagraph | str]] = [[""] * grid.n_cols for _ in range(grid.n_rows)]
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTSIZE", (0, 0), (-1, -1), TABLE_SIZE),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        # 1 pt above and below (reportlab's default is 3): table 三 with its heading and
        # introduction then fits on one A4 page (SectionBlock), as in the printed reports.
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]
    for item in grid.cells:
        if item.role is CellRole.VALUE:
            data[item.row][item.col] = item.text
        else:
            style = styles["label"] if item.role is CellRole.LABEL else styles["cell"]
            data[item.row][item.col] = CjkParagraph(escape(item.text), style)
        if item.merged:
            commands.append(("SPAN", (item.col, item.row), (item.last_col, item.last_row)))
        if item.role is CellRole.LABEL and item.rowspan > 1:
            # A merged row label (三、本年度办理结果, （六）其他处理 ...) and every row it names stay
            # on one page, whatever reportlab does with spans when it splits.
            commands.append(("NOSPLIT", (0, item.row), (-1, item.last_row)))
    width = A4[0] - MARGIN_LEFT - MARGIN_RIGHT
    total = sum(grid.col_weights)
    table = Table(
        data,
        colWidths=[width * w / total for w in grid.col_weights],
        repeatRows=grid.header_rows,
        # A page break falls only between whole rows (splitByRow) and never inside a merged label
        # block (NOSPLIT above), so table 三 may break after 一 or 二 or before 四. splitInRow
        # would cut a row in half across two pages: a row's figures on one page and the rest of
        # its wrapped label on the next, under the repeated header.
        splitByRow=1,
        splitInRow=0,
    )
    table.setStyle(TableStyle(commands))
    table.spaceBefore, table.spaceAfter = 4, 8
    return table


#: The text block's height (SimpleDocTemplate pads its frame by 6 pt on each side).
FRAME_HEIGHT = A4[1] - MARGIN_TOP - MARGIN_BOTTOM - 12
#: A table block that does not fit moves to the next page only if at most this share of the page
#: is left; with more room the table begins here and breaks (issue 17: a page left nearly blank).
MOVE_WHOLE_WITHIN = 1 / 3
#: Data rows a table must show under its header where it begins (fewer: it moves to the next page).
MIN_ROWS_WHERE_IT_BEGINS = 2


class SectionBlock(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """A section as printed: its heading, its text and the table that follows them, if any.

    reportlab's ``keepWithNext`` and ``KeepTogether`` move the whole group to a new page as soon
    as it does not fit, which leaves most of a page blank before a long paragraph or a long table
    (issue 17: page 2 of the report nearly blank). Here the group is placed whole when it fits.
    Otherwise the page is filled: the heading stays with at least two lines of its text (a
    paragraph splits by reportlab's orphan and widow rules) and a table begins with at least
    :data:`MIN_ROWS_WHERE_IT_BEGINS` rows under its header and continues on the next page under
    the repeated header rows. A section with a table that fits on a page moves to the next page
    whole only when at most :data:`MOVE_WHOLE_WITHIN` of this page is left.
    """

    def __init__(self, flowables: list[Flowable], table_header_rows: int | None = None) -> None:
        super().__init__()
        self.flowables, self.table_header_rows = flowables, table_header_rows

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # As KeepTogether: too tall for any frame, so that the frame always asks split().
        return availWidth, 0xFFFFFF

    def _begins_well(self, flowable: Flowable, parts: list[Flowable]) -> bool:
        """Whether the first of ``parts`` is a proper beginning of ``flowable`` on this page."""
        if len(parts) < 2:
            return False  # nothing fits (a paragraph: fewer than two lines, the orphan rule)
        if isinstance(flowable, Table) and self.table_header_rows is not None:
            return len(parts[0]._cellvalues) - self.table_header_rows >= MIN_ROWS_WHERE_IT_BEGINS
        return True

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        heights = [
            f.wrapOn(self.canv, availWidth, availHeight)[1] + f.getSpaceBefore() + f.getSpaceAfter()
            for f in self.flowables
        ]
        whole = list(self.flowables)
        if sum(heights) <= availHeight:
            return whole
        at_top = availHeight >= FRAME_HEIGHT - 1
        fits_a_page = sum(heights) <= FRAME_HEIGHT
        has_table = self.table_header_rows is not None
        if has_table and not at_top and fits_a_page and availHeight <= FRAME_HEIGHT * MOVE_WHOLE_WITHIN:
            return []  # the next page; at most a third of this one stays blank
        room = availHeight
        for index, (flowable, height) in enumerate(zip(self.flowables, heights, strict=True)):
            if height <= room:
                room -= height
                continue
            spacing = flowable.getSpaceBefore() + flowable.getSpaceAfter()
            parts = flowable.split(availWidth, room - spacing) if room > spacing else []
            if self._begins_well(flowable, parts):
                return [*whole[:index], *parts, *whole[index + 1 :]]
            if index <= 1:  # the heading would stand alone
                return whole if at_top else []
            return whole  # a break before ``flowable``: the frame places what fits
        return whole  # pragma: no cover - the heights did not fit, so one flowable cannot

    def draw(self) -> None:  # pragma: no cover - always split into its parts first
        raise NotImplementedError


def _page_number(canvas: Canvas, doc: SimpleDocTemplate) -> None:
    # GB/T 9704 7.5: the page number "— 1 —" under the text block.
    canvas.saveState()
    canvas.setFont(pdf_font_name(), 14)
    canvas.drawCentredString(A4[0] / 2, MARGIN_BOTTOM / 2, f"— {doc.page} —")
    canvas.restoreState()


def render_pdf(report: AnnualReport) -> bytes:
    font = pdf_font_name()
    styles = paragraph_styles(font)
    layout = document_layout(report)
    story: list[Flowable] = [CjkParagraph(escape(layout.title), styles["title"])]
    for block in layout.blocks:
        section: list[Flowable] = [CjkParagraph(escape(block.heading), styles["heading"])]
        section.extend(CjkParagraph(escape(t), styles["body"]) for t in block.paragraphs)
        if block.table is None:
            story.append(SectionBlock(section))
        else:
            section.append(table_flowable(block.table, font, styles))
            story.append(SectionBlock(section, block.table.header_rows))
    return build_pages(story, title=layout.title, author=printable(report.agency or ""))


def build_pages(story: list[Flowable], *, title: str = "", author: str = "") -> bytes:
    """``story`` laid out on numbered A4 pages with the GB/T 9704 margins, as PDF bytes."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, **PAGE, title=title, author=author, subject="政府信息公开工作年度报告", lang="zh-CN"
    )
    doc.build(story, onFirstPage=_page_number, onLaterPages=_page_number)
    return buffer.getvalue()

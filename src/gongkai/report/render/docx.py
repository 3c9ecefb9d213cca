"""DOCX in the layout agencies publish (python-docx).

Page and type follow the national standard for official documents, GB/T 9704-2012: A4 with
margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; title in 2号 小标宋, headings in
3号 黑体, body in 3号 仿宋_GB2312 at a fixed line pitch (22 lines a page), page numbers
"— 1 —" in 4号 at the foot. Word picks the font for Chinese text from ``w:eastAsia`` of
``w:rFonts``, which python-docx's ``font.name`` does not set, so it is set here explicitly
(and the theme-font attributes of the built-in heading style removed, since they would win).
"""

from __future__ import annotations

import functools
from typing import Any
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle

from gongkai.report.model import AnnualReport
from gongkai.report.render import docx_package
from gongkai.report.render.fonts import BODY_FONT, HEADING_FONT, PAGE_MARGINS_MM, TITLE_FONT
from gongkai.report.render.layout import CellRole, GridCell, TableGrid, document_layout, printable

PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = (Mm(m) for m in PAGE_MARGINS_MM)
#: Chinese type sizes (字号) in points.
SIZE_2HAO, SIZE_3HAO, SIZE_4HAO, SIZE_5HAO, SIZE_XIAO5 = 22.0, 16.0, 14.0, 10.5, 9.0
#: GB/T 9704: 22 lines of 3号 type on the 225 mm text block, i.e. a pitch of about 28.9 pt.
LINE_PITCH = Pt(28.9)

TITLE_STYLE = "Gongkai Title"
HEADING_STYLE = "Heading 1"
TABLE_STYLE = "Gongkai Table"
TABLE_SMALL_STYLE = "Gongkai Table Small"

_THEME_FONT_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def _set_font(style: ParagraphStyle, name: str, size: float) -> None:
    style.font.name = name
    style.font.size = Pt(size)
    # Not bold: 黑体 and 小标宋 are heavy faces already (the built-in heading style is bold).
    style.font.bold = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in _THEME_FONT_ATTRS:
        rfonts.attrib.pop(qn(attr), None)
    rfonts.set(qn("w:eastAsia"), name)
    rfonts.set(qn("w:cs"), name)


def _paragraph_style(doc: DocxDocument, name: str) -> ParagraphStyle:
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(style, ParagraphStyle)
    style.base_style = doc.styles["Normal"]
    return style


def _setup_styles(doc: DocxDocument) -> None:
    normal = doc.styles["Normal"]
    assert isinstance(normal, ParagraphStyle)
    _set_font(normal, BODY_FONT, SIZE_3HAO)
    fmt = normal.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = LINE_PITCH
    fmt.space_before = fmt.space_after = Pt(0)
    # Body paragraphs start two characters in (首行缩进2字符).
    fmt.first_line_indent = Pt(2 * SIZE_3HAO)

    title = _paragraph_style(doc, TITLE_STYLE)
    _set_font(title, TITLE_FONT, SIZE_2HAO)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.first_line_indent = Pt(0)
    title.paragraph_format.line_spacing = Pt(36)
    title.paragraph_format.space_after = Pt(28.9)

    heading = doc.styles[HEADING_STYLE]
    assert isinstance(heading, ParagraphStyle)
    _set_font(heading, HEADING_FONT, SIZE_3HAO)
    heading.font.italic = False
    hfmt = heading.paragraph_format
    hfmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    hfmt.line_spacing = LINE_PITCH
    hfmt.space_before = hfmt.space_after = Pt(0)
    hfmt.first_line_indent = Pt(2 * SIZE_3HAO)

    for name, size in ((TABLE_STYLE, SIZE_5HAO), (TABLE_SMALL_STYLE, SIZE_XIAO5)):
        style = _paragraph_style(doc, name)
        _set_font(style, BODY_FONT, size)
        tfmt = style.paragraph_format
        tfmt.first_line_indent = Pt(0)
        tfmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
        tfmt.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _setup_page(doc: DocxDocument) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT
    # Page number "— 1 —" centred in the footer (GB/T 9704 7.5).
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.paragraph_format.first_line_indent = Pt(0)
    footer.add_run("— ").font.size = Pt(SIZE_4HAO)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    footer._p.append(field)
    footer.add_run(" —").font.size = Pt(SIZE_4HAO)


#: Word measures table widths in twentieths of a point (twips); 635 EMU make one.
EMU_PER_TWIP = 635


def _twips(emu: int) -> int:
    return round(emu / EMU_PER_TWIP)


def _cell_xml(item: GridCell | None, width: int, span: int, vmerge: str | None, style_id: str) -> str:
    """One ``w:tc``: a cell that starts a merge (or stands alone), or a continued vertical merge."""
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if vmerge is not None:
        props += f'<w:vMerge w:val="{vmerge}"/>'
    props += '<w:vAlign w:val="center"/>'
    paragraph = f'<w:pPr><w:pStyle w:val="{escape(style_id)}"/>'
    run = ""
    if item is not None:
        if item.role is CellRole.LABEL:
            paragraph += '<w:jc w:val="left"/>'
        bold = "<w:rPr><w:b/></w:rPr>" if item.role is CellRole.HEADER else ""
        run = f'<w:r>{bold}<w:t xml:space="preserve">{escape(item.text)}</w:t></w:r>'
    return f"<w:tc><w:tcPr>{props}</w:tcPr><w:p>{paragraph}</w:pPr>{run}</w:p></w:tc>"


def table_xml(grid: TableGrid, table_style_id: str, paragraph_style_id: str) -> str:
    """The ``w:tbl`` of a grid, merges written as Word records them.

    Written directly rather than through python-docx's ``add_table``/``_Cell.merge``: those
    build the table cell by cell and re-walk the grid on every merge (about 0.3 s a report),
    while the merges here are already known. A horizontal merge is one ``w:tc`` with
    ``w:gridSpan``; a vertical one is a ``w:vMerge="restart"`` cell with ``w:vMerge`` cells of the
    same span below it (ECMA-376 Part 1, 17.4.17 and 17.4.84).
    """
    text_width = _twips(PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT)
    total = sum(grid.col_weights)
    widths = [round(text_width * w / total) for w in grid.col_weights]
    starts = {(c.row, c.col): c for c in grid.cells}
    covering: dict[tuple[int, int], GridCell] = {}
    for cell in grid.cells:
        for r in range(cell.row + 1, cell.last_row + 1):
            covering[(r, cell.col)] = cell
    rows = []
    for r in range(grid.n_rows):
        header = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if r < grid.header_rows else ""
        cells = []
        c = 0
        while c < grid.n_cols:
            item = starts.get((r, c))
            if item is not None:
                span, vmerge = item.colspan, "restart" if item.rowspan > 1 else None
            else:
                item, above = None, covering[(r, c)]
                span, vmerge = above.colspan, "continue"
            width = sum(widths[c : c + span])
            cells.append(_cell_xml(item, width, span, vmerge, paragraph_style_id))
            c += span
        rows.append(f"<w:tr>{header}{''.join(cells)}</w:tr>")
    grid_cols = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    properties = (
        f'<w:tblPr><w:tblStyle w:val="{escape(table_style_id)}"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        '<w:jc w:val="center"/><w:tblLayout w:type="fixed"/></w:tblPr>'
    )
    return f"<w:tbl {nsdecls('w')}>{properties}<w:tblGrid>{grid_cols}</w:tblGrid>{''.join(rows)}</w:tbl>"


def _add_table(doc: DocxDocument, grid: TableGrid) -> None:
    style = doc.styles[TABLE_STYLE if grid.n_cols <= 4 else TABLE_SMALL_STYLE]
    table = parse_xml(table_xml(grid, doc.styles["Table Grid"].style_id, style.style_id))
    body = doc.element.body
    # The body ends with the section properties; the table goes before them.
    last = body[-1]
    if last.tag == qn("w:sectPr"):
        last.addprevious(table)
    else:
        body.append(table)


def build_docx(report: AnnualReport) -> DocxDocument:
    """The report as a new python-docx Document (the template parsed and styled for it)."""
    doc = build_docx_template()
    _fill(doc, report)
    return doc


def _fill(doc: DocxDocument, report: AnnualReport) -> None:
    """Write ``report`` into the styled ``doc``, whose body holds only its section properties."""
    layout = document_layout(report)
    doc.core_properties.title = layout.title
    doc.core_properties.language = "zh-CN"
    # The template's own author ("python-docx") would otherwise show as the document's author.
    doc.core_properties.author = doc.core_properties.last_modified_by = printable(report.agency or "")
    # Styles are set by id: python-docx's ``style=`` looks each name up in the whole style sheet.
    title_id, heading_id = doc.styles[TITLE_STYLE].style_id, doc.styles[HEADING_STYLE].style_id
    doc.add_paragraph(layout.title)._p.style = title_id
    for block in layout.blocks:
        doc.add_paragraph(block.heading)._p.style = heading_id
        for text in block.paragraphs:
            doc.add_paragraph(text)
        if block.table is not None:
            _add_table(doc, block.table)


def build_docx_template() -> DocxDocument:
    """python-docx's template with the report's styles, page and footer, its body empty."""
    doc = Document()
    _setup_styles(doc)
    _setup_page(doc)
    return doc


@functools.cache
def _styled_template() -> docx_package.KeptDocument:
    """The template parsed and styled once per process, and once saved, its package with the
    parts no report changes kept compressed (styles, footer, settings...: everything but the
    document and its core properties; :mod:`gongkai.report.render.docx_package`). Parsing and styling
    the template and deflating those parts again was most of a report's DOCX (bench/RESULTS.md)."""
    return docx_package.KeptDocument(build_docx_template())


def render_docx(report: AnnualReport) -> bytes:
    """The report as DOCX bytes: byte for byte ``build_docx(report)`` saved (tested)."""

    def fill(doc: DocxDocument) -> list[Any]:
        _fill(doc, report)
        return [doc.part.package._core_properties_part]  # the report's title and author

    return _styled_template().render(fill)

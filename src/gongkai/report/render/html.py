"""A self-contained HTML page (lxml builds the tree, so every text is escaped by the serialiser).

Semantic tables: ``<caption>``, the column header in ``<thead>`` with ``<th scope="col">`` (or
``colgroup`` where it spans), row labels as ``<th scope="row">`` (``rowgroup`` where merged down),
rowspan/colspan as in the official table. Readable on a phone (wide tables scroll sideways in
their own box, type scales with the viewport) and printable on A4 (GB/T 9704 margins).
"""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html

from gongkai.report.model import AnnualReport
from gongkai.report.render.layout import CellRole, GridCell, TableGrid, document_layout

STYLE = """
:root { color-scheme: light; }
body { margin: 0 auto; max-width: 60rem; padding: 1rem; color: #000; background: #fff;
  font-family: "仿宋_GB2312", "FangSong", "STFangsong", "Noto Serif CJK SC", serif;
  font-size: clamp(15px, 1.2vw + 12px, 18px); line-height: 1.8; }
h1 { font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "STZhongsong", "Noto Serif CJK SC", serif;
  font-weight: normal; text-align: center; font-size: 1.5em; line-height: 1.5; margin: 1em 0; }
h2 { font-family: "黑体", "SimHei", "Noto Sans CJK SC", sans-serif; font-weight: normal;
  font-size: 1em; margin: 1em 0 0.5em; text-indent: 2em; }
p { margin: 0; text-indent: 2em; text-align: justify; }
.table-wrap { overflow-x: auto; -webkit-overflow-scrolling: touch; margin: 0.75em 0 1.25em; }
table { border-collapse: collapse; margin: 0 auto; font-size: 0.8em; line-height: 1.4; }
caption { font-family: "黑体", "SimHei", sans-serif; padding: 0.3em; }
th, td { border: 1px solid #000; padding: 0.25em 0.4em; vertical-align: middle; }
th { font-weight: bold; text-align: center; }
th[scope="row"], th[scope="rowgroup"] { font-weight: normal; text-align: left; }
td { text-align: center; font-variant-numeric: tabular-nums; min-width: 2.5em; }
td.note { font-size: 0.9em; font-weight: normal; }
th.vertical { writing-mode: vertical-rl; text-align: center; letter-spacing: 0.1em; }
@media (max-width: 40rem) { body { padding: 0.5rem; } table { font-size: 0.75em; } }
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 16pt; line-height: 28.9pt; }
  .table-wrap { overflow: visible; }
  table { font-size: 9pt; width: 100%; page-break-inside: auto; }
  thead { display: table-header-group; }
  tr { page-break-inside: avoid; }
  h2 { page-break-after: avoid; }
}
"""


def _scope(cell: GridCell) -> str | None:
    if cell.role is CellRole.HEADER:
        return "colgroup" if cell.colspan > 1 else "col"
    if cell.role is CellRole.LABEL:
        return "rowgroup" if cell.rowspan > 1 else "row"
    return None


def _cell(parent: etree._Element, cell: GridCell) -> None:
    if cell.role is CellRole.VALUE:
        element = etree.SubElement(parent, "td")
        if cell.path is not None:
            element.set("data-cell", cell.path)
    elif cell.role is CellRole.NOTE:
        element = etree.SubElement(parent, "td", {"class": "note"})
    else:
        element = etree.SubElement(parent, "th")
        scope = _scope(cell)
        if scope is not None:
            element.set("scope", scope)
        if cell.role is CellRole.LABEL and cell.col == 0 and cell.rowspan > 1:
            # 三、本年度办理结果 runs down its merged column, one character a line, as printed.
            element.set("class", "vertical")
    if cell.rowspan > 1:
        element.set("rowspan", str(cell.rowspan))
    if cell.colspan > 1:
        element.set("colspan", str(cell.colspan))
    element.text = cell.text


def _table(parent: etree._Element, grid: TableGrid) -> None:
    wrap = etree.SubElement(parent, "div", {"class": "table-wrap"})
    table = etree.SubElement(wrap, "table")
    etree.SubElement(table, "caption").text = f"{grid.number}、{grid.caption}"
    head = etree.SubElement(table, "thead") if grid.header_rows else None
    body = etree.SubElement(table, "tbody")
    for r, cells in grid.rows():
        tr = etree.SubElement(head if head is not None and r < grid.header_rows else body, "tr")
        for cell in cells:
            _cell(tr, cell)


def build_html(report: AnnualReport) -> etree._Element:
    layout = document_layout(report)
    root = etree.Element("html", {"lang": "zh-CN"})
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "meta", {"charset": "utf-8"})
    etree.SubElement(head, "meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"})
    etree.SubElement(head, "title").text = layout.title
    etree.SubElement(head, "style").text = STYLE
    body = etree.SubElement(root, "body")
    main = etree.SubElement(body, "main")
    etree.SubElement(main, "h1").text = layout.title
    for block in layout.blocks:
        section = etree.SubElement(main, "section", {"id": f"section-{block.number}"})
        etree.SubElement(section, "h2").text = block.heading
        for text in block.paragraphs:
            etree.SubElement(section, "p").text = text
        if block.table is not None:
            _table(section, block.table)
    return root


def render_html(report: AnnualReport) -> bytes:
    text: bytes = lxml_html.tostring(
        build_html(report), doctype="<!DOCTYPE html>", encoding="utf-8", method="html", pretty_print=True
    )
    return text

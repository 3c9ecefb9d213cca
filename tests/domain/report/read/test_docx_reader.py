"""The DOCX reader: reports rendered from JSON and hand-made Word files (merged cells, split and
nested tables, text boxes, revisions), and broken files that must give a clear Chinese error."""

from __future__ import annotations

import io
from collections.abc import Callable

import docx
import pytest
from docx.document import Document as DocumentObject
from grid_lookup import cell_with, grids, row_cells, values_after
from lxml import etree

from filesamples import zip_bytes
from gongkai.errors import ReportFormatError
from gongkai.report.model import TABLE3_COLUMN_KEYS, AnnualReport, table3_rows_for
from gongkai.report.read import docx as docx_reader
from gongkai.report.read.document import Grid, SourceDocument, TextLine
from gongkai.report.render import render
from gongkai.report.samples import balanced_report

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _saved(document: DocumentObject) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _texts(document: SourceDocument) -> list[str]:
    return [b.text if isinstance(b, TextLine) else f"<grid {b.index}>" for b in document.blocks]


def read_back(report: AnnualReport, fmt: str, extract: Callable[[bytes], SourceDocument]) -> SourceDocument:
    """``report`` rendered as ``fmt`` and extracted again: the document says which format it came
    from, and every figure of tables 三 and 四 is in its grids, in its column."""
    document = extract(render(report, fmt))
    assert document.source_format == fmt
    for spec in table3_rows_for(report.template):
        counts = report.table3.row(spec.key)
        expected = ["" if counts[c] is None else str(counts[c]) for c in TABLE3_COLUMN_KEYS]
        assert values_after(document, spec.label, 7) == expected, spec.key
    grid = next(g for g in grids(document) if row_cells(g, 0)[0].text == "行政复议")
    last = row_cells(grid, max(c.row for c in grid.cells))
    published = ["" if v is None else str(v) for _, group in report.table4.groups() for _, v in group.items()]
    assert [c.text for c in last] == published
    return document


@pytest.mark.parametrize(
    "report",
    [
        balanced_report(1),  # the 2021 layout, every cell filled
        balanced_report(7),
        # A cell the agency left blank stays blank in its own column.
        balanced_report(3).with_cell("table3.granted.commercial", None),
    ],
)
def test_rendered_reports_read_back(report: AnnualReport) -> None:
    document = read_back(report, "docx", docx_reader.extract)
    texts = _texts(document)
    assert texts[0].endswith("年度政府信息公开工作年度报告") and str(report.year) in texts[0]
    assert texts.index("三、收到和处理政府信息公开申请情况") < texts.index("<grid 2>")


def test_merged_cells_are_one_cell_with_spans_not_repeated() -> None:
    document = docx.Document()
    table = document.add_table(rows=4, cols=4)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "项目"  # gridSpan 2
    table.cell(0, 2).text, table.cell(0, 3).text = "自然人", "总计"
    table.cell(1, 0).merge(table.cell(3, 0)).text = "三、本年度办理结果"  # vMerge over 3 rows
    for row, (label, natural, total) in enumerate(
        [("（一）予以公开", "12", "12"), ("（二）部分公开", "", "7"), ("（七）总计", "12", "19")], start=1
    ):
        table.cell(row, 1).text, table.cell(row, 2).text, table.cell(row, 3).text = label, natural, total
    extracted = docx_reader.extract(_saved(document))
    merged = cell_with(extracted, "三、本年度办理结果")
    assert (merged.row, merged.column, merged.row_span, merged.column_span) == (1, 0, 3, 1)
    header = cell_with(extracted, "项目")
    assert (header.column_span, cell_with(extracted, "自然人").column) == (2, 2)
    assert values_after(extracted, "（二）部分公开", 2) == ["", "7"]  # the blank keeps its place
    (grid,) = grids(extracted)
    assert len(grid.cells) == 1 + 2 + 1 + 3 * 3  # header, total, merged label, three rows of three


def test_a_table_split_across_pages_stays_two_grids_in_order() -> None:
    document = docx.Document()
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    first = document.add_table(rows=2, cols=2)
    first.cell(0, 0).text, first.cell(0, 1).text = "一、本年新收政府信息公开申请数量", "17"
    first.cell(1, 0).text, first.cell(1, 1).text = "二、上年结转政府信息公开申请数量", "4"
    document.add_page_break()
    second = document.add_table(rows=1, cols=2)
    second.cell(0, 0).text, second.cell(0, 1).text = "四、结转下年度继续办理", "1"
    document.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    extracted = docx_reader.extract(_saved(document))
    assert _texts(extracted) == [
        "三、收到和处理政府信息公开申请情况",
        "<grid 1>",
        "<grid 2>",
        "四、政府信息公开行政复议、行政诉讼情况",
    ]
    assert values_after(extracted, "四、结转下年度继续办理", 1) == ["1"]


def _text_box(title: str) -> etree._Element:
    """A text box as Word writes it: DrawingML in mc:Choice, the same box again as VML in mc:Fallback."""
    xml = f"""
    <mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
        xmlns:w="{W}" xmlns:v="urn:schemas-microsoft-com:vml"
        xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
        xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
        xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
      <mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>
        <w:txbxContent><w:p><w:r><w:t>{title}</w:t></w:r></w:p></w:txbxContent>
      </wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
      <mc:Fallback><w:pict><v:shape><v:textbox>
        <w:txbxContent><w:p><w:r><w:t>{title}</w:t></w:r></w:p></w:txbxContent>
      </v:textbox></v:shape></w:pict></mc:Fallback>
    </mc:AlternateContent>"""
    return etree.fromstring(xml)


def test_a_title_in_a_text_box_is_read_once_before_its_paragraph() -> None:
    document = docx.Document()
    anchor = document.add_paragraph()
    anchor.add_run("本报告依据《条例》编制。")._r.append(_text_box("示例局2024年政府信息公开工作年度报告"))
    extracted = docx_reader.extract(_saved(document))
    assert _texts(extracted) == ["示例局2024年政府信息公开工作年度报告", "本报告依据《条例》编制。"]


def test_revisions_bookmarks_breaks_and_nested_tables() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("全年新收申请")
    paragraph._p.append(etree.fromstring(f'<w:bookmarkStart xmlns:w="{W}" w:id="0" w:name="_GoBack"/>'))
    paragraph._p.append(
        etree.fromstring(f'<w:del xmlns:w="{W}"><w:r><w:delText>999</w:delText></w:r></w:del>')
    )
    paragraph.add_run("17件。")
    table = document.add_table(rows=1, cols=2)
    label = table.cell(0, 0).paragraphs[0]
    label.add_run("三、本年度")
    label.add_run().add_break()  # a label broken over two lines inside its cell
    label.add_run("办理结果")
    inner = table.cell(0, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "（一）予以公开", "8"
    extracted = docx_reader.extract(_saved(document))
    assert _texts(extracted) == ["全年新收申请17件。", "<grid 1>", "<grid 2>"]
    outer, nested = grids(extracted)
    assert [c.text for c in outer.cells] == ["三、本年度办理结果", ""]
    assert [c.text for c in nested.cells] == ["（一）予以公开", "8"]


def test_a_one_cell_frame_table_is_read_through() -> None:
    document = docx.Document()
    frame = document.add_table(rows=1, cols=1).cell(0, 0)
    frame.text = "示例局2024年政府信息公开工作年度报告"
    frame.add_paragraph("一、总体情况")
    extracted = docx_reader.extract(_saved(document))
    assert _texts(extracted) == ["示例局2024年政府信息公开工作年度报告", "一、总体情况"]


def ole_file(*streams: str) -> bytes:
    # The compound-file signature, then (as an OLE directory would) stream names in UTF-16.
    return (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100 + b"".join(s.encode("utf-16-le") for s in streams)
    )


@pytest.mark.parametrize(
    ("build", "message"),
    [
        # Cut off half way (an interrupted download).
        (lambda: render(balanced_report(1), "docx")[:5000], docx_reader.CORRUPT_MESSAGE),
        # A ZIP archive, but not a Word document.
        (lambda: zip_bytes({"readme.txt": "hello"}), docx_reader.CORRUPT_MESSAGE),
        # Not even a ZIP.
        (lambda: "年度报告".encode() * 20, docx_reader.CORRUPT_MESSAGE),
        (lambda: b"", docx_reader.CORRUPT_MESSAGE),
        # Word's "encrypt with password" wraps the package in an OLE file with EncryptionInfo.
        (lambda: ole_file("EncryptionInfo", "EncryptedPackage"), docx_reader.ENCRYPTED_MESSAGE),
        # A Word 97-2003 .doc renamed .docx.
        (lambda: ole_file("WordDocument"), docx_reader.LEGACY_MESSAGE),
        # A valid document with nothing in it.
        (lambda: _saved(docx.Document()), docx_reader.EMPTY_MESSAGE),
    ],
)
def test_unreadable_docx_gets_a_clear_error(build: Callable[[], bytes], message: str) -> None:
    with pytest.raises(ReportFormatError) as raised:
        docx_reader.extract(build())
    assert raised.value.message == message


def test_grids_are_numbered_in_reading_order() -> None:
    extracted = docx_reader.extract(render(balanced_report(2), "docx"))
    assert [g.index for g in extracted.blocks if isinstance(g, Grid)] == [1, 2, 3]


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
@pytest.mark.parametrize("seed", [0, 6])
def test_rendered_office_files_read_back_through_the_assembler(fmt: str, seed: int) -> None:
    from gongkai.report.read import read_bytes

    report = balanced_report(seed).with_cell("table4.reconsideration.pending", None)
    read = read_bytes(render(report, fmt))
    assert (read.agency, read.year, read.template) == (report.agency, report.year, report.template)
    assert dict(read.cells()) == dict(report.cells())

"""The PDF reader: grids rebuilt from ruling lines, across page breaks, on the corpus and on PDFs
drawn here with reportlab (merged cells, blank cells, wrapped numbers, split tables, broken files)."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from grid_lookup import cell_with, grids, row_cells, values_after
from pypdf import PdfReader, PdfWriter

from gongkai.errors import ReportFormatError
from gongkai.report.model import TABLE3_COLUMN_KEYS, TABLE3_ROW_BY_KEY
from gongkai.report.read import pdf
from gongkai.report.read.document import SourceDocument, TextLine
from gongkai.report.read.pdf_layout import join_wrapped
from testsupport import CORPUS, require


@pytest.fixture(scope="module")
def corpus_documents() -> dict[str, tuple[SourceDocument, dict[str, object]]]:

    require(CORPUS.is_dir(), f"the shared corpus is not at {CORPUS}")
    result = {}
    for name in ("001", "002", "003"):
        document = pdf.extract((CORPUS / f"{name}.pdf").read_bytes())
        expected = json.loads((CORPUS / f"{name}.expected.json").read_text(encoding="utf-8"))
        result[name] = (document, expected)
    return result


# ---------------------------------------------------------------------------------------------
# The corpus


# The label each corpus report prints where it differs from the official wording.
PRINTED_LABELS = {
    # 001 numbers the 其他处理 sub-rows "1、" where the official table has "1."
    ("001", "other_overdue_correction"): "1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    ("001", "other_overdue_fee"): "2、申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    ("001", "other_other"): "3、其他",
    ("002", "deny_law"): "2.其他法律行政止公开",  # the published typo
    ("003", "deny_law"): "2.其他法律行政止公开",
    ("002", "other"): "（六）其他处理",  # a single 其他处理 row, as in the 2019 layout
    ("003", "other"): "（六）其他处理",
}


@pytest.mark.parametrize("name", ["001", "002", "003"])
def test_every_table3_cell_of_the_corpus_reads_as_published(
    name: str, corpus_documents: dict[str, tuple[SourceDocument, dict[str, object]]]
) -> None:
    document, expected = corpus_documents[name]
    table3 = expected["table3"]
    assert isinstance(table3, dict)
    checked = 0
    for key, counts in table3.items():
        if all(v is None for v in counts.values()):
            continue  # the report has no such row
        label = PRINTED_LABELS.get((name, key), TABLE3_ROW_BY_KEY[key].label)
        assert values_after(document, label, 7) == [str(counts[c]) for c in TABLE3_COLUMN_KEYS], key
        checked += 1
    # 001 has the 2021 table's 25 rows; 002 and 003 a single （六）其他处理 row instead of three.
    assert checked == {"001": 25, "002": 23, "003": 23}[name]


@pytest.mark.parametrize("name", ["001", "002", "003"])
def test_table4_and_table2_of_the_corpus_read_as_published(
    name: str, corpus_documents: dict[str, tuple[SourceDocument, dict[str, object]]]
) -> None:
    document, expected = corpus_documents[name]
    table4, table2 = expected["table4"], expected["table2"]
    assert isinstance(table4, dict) and isinstance(table2, dict)
    grid = next(g for g in grids(document) if row_cells(g, 0)[0].text == "行政复议")
    last_row = max(c.row for c in grid.cells)
    published = [int(v) for group in table4.values() for v in group.values()]
    assert [int(c.text) for c in row_cells(grid, last_row)] == published
    assert values_after(document, "行政许可", 1) == [str(table2["licensing"])]
    assert values_after(document, "行政处罚", 1) == [str(table2["penalty"])]
    fee = values_after(document, "行政事业性收费", 1)
    assert len(fee) == 1 and float(fee[0]) == table2["fees_10k_yuan"]
    docs = table2["normative_documents"]
    assert isinstance(docs, dict)
    assert values_after(document, "行政规范性文件", 3) == [str(v) for v in docs.values()]


@pytest.mark.parametrize(
    ("name", "text", "row_span"),
    [
        # Printed one character per line and continued over a page break: one cell, all rows.
        ("001", "三、本年度办理结果", 22),
        # Cut by the page break: "（四）无" on page 4, "法提供" on page 5.
        ("001", "（四）无法提供", 3),
        # Continued on the next page with an empty cell there (002's table has no bottom rule).
        ("002", "三、本年度办理结果", 20),
        ("002", "（四）无法提供", 3),
        ("003", "（四）无法提供", 3),
    ],
)
def test_merged_label_cells_survive_page_breaks(
    name: str, text: str, row_span: int, corpus_documents: dict[str, tuple[SourceDocument, dict[str, object]]]
) -> None:
    assert cell_with(corpus_documents[name][0], text).row_span == row_span


def test_corpus_table3_is_one_grid_across_the_page_break(
    corpus_documents: dict[str, tuple[SourceDocument, dict[str, object]]],
) -> None:
    document = corpus_documents["001"][0]
    grid = next(g for g in grids(document) if any(c.text == "申请人情况" for c in g.cells))
    assert {c.page for c in grid.cells} == {4, 5}
    assert max(c.row for c in grid.cells) == 27  # 3 header rows + 25 data rows
    assert [g.index for g in grids(document)] == list(range(1, len(grids(document)) + 1))


def test_corpus_text_is_in_reading_order_without_page_numbers(
    corpus_documents: dict[str, tuple[SourceDocument, dict[str, object]]],
) -> None:
    document = corpus_documents["001"][0]
    lines = [b for b in document.blocks if isinstance(b, TextLine)]
    assert lines[0].text == "淮安市人民政府" and lines[1].text == "2024年政府信息公开工作年度报告"
    assert not [line.text for line in lines if line.text.strip("- ").isdigit()]  # "- 1 -" dropped
    narrative = next(line for line in lines if "全市共受理政府信息公开申请3119件" in line.text)
    assert narrative.page == 2
    # Headings come before the tables they introduce.
    order = [b.text if isinstance(b, TextLine) else f"grid{b.index}" for b in document.blocks]
    assert order.index("三、收到和处理政府信息公开申请情况") < order.index("grid3")


# ---------------------------------------------------------------------------------------------
# PDFs drawn here


@dataclass
class Table:
    """A ruled table to draw: column widths, row heights and cells (row, col, rows, cols, lines)."""

    widths: Sequence[float]
    heights: Sequence[float]
    cells: Sequence[tuple[int, int, int, int, Sequence[str]]]
    #: Rules left out ("top", "bottom"): a table left open where it is cut by a page break.
    open_edges: frozenset[str] = frozenset()


@dataclass
class Page:
    texts: Sequence[tuple[float, float, str]] = ()  # (x, top, text)
    tables: Sequence[tuple[float, float, Table]] = ()  # (x, top, table)
    images: Sequence[tuple[float, float, float, float]] = field(default_factory=list)


PAGE_HEIGHT = 842.0
TITLE = "示例局2024年政府信息公开工作年度报告"


def draw_pdf(pages: Sequence[Page], *, turned: bool = False) -> bytes:
    """A PDF of ``pages``, positions given top-down on an A4 page.

    ``turned``: landscape pages as Word and Acrobat often make them -- content drawn turned a
    quarter on a portrait page that /Rotate 90 shows upright (positions then on A4 landscape).
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    from gongkai.report.render.fonts import cjk_font_available, pdf_font_name

    require(cjk_font_available(), "a CJK TrueType font (apt-get install fonts-wqy-zenhei)")
    font = pdf_font_name()
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    height = A4[0] if turned else PAGE_HEIGHT
    for page in pages:
        if turned:
            c.translate(A4[0], 0)
            c.rotate(90)
        c.setFont(font, 10)
        for x, top, text in page.texts:
            c.drawString(x, height - top - 10, text)
        for x0, top0, table in page.tables:
            xs = [x0 + sum(table.widths[:i]) for i in range(len(table.widths) + 1)]
            ys = [top0 + sum(table.heights[:i]) for i in range(len(table.heights) + 1)]
            for row, col, rows, cols, lines in table.cells:
                left, right, top, bottom = xs[col], xs[col + cols], ys[row], ys[row + rows]
                y_top, y_bottom = height - top, height - bottom
                c.line(left, y_top, left, y_bottom)
                c.line(right, y_top, right, y_bottom)
                if not (row == 0 and "top" in table.open_edges):
                    c.line(left, y_top, right, y_top)
                if not (row + rows == len(table.heights) and "bottom" in table.open_edges):
                    c.line(left, y_bottom, right, y_bottom)
                for i, line in enumerate(lines):
                    c.drawString(left + 2, y_top - 12 * (i + 1), line)
        for x, top, width, image_height in page.images:
            from PIL import Image

            image = Image.new("RGB", (40, 40), "white")
            c.drawImage(ImageReader(image), x, height - top - image_height, width, image_height)
        c.showPage()
    c.save()
    if not turned:
        return out.getvalue()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(out.getvalue())))
    for turned_page in writer.pages:
        turned_page.rotate(90)
    rotated = io.BytesIO()
    writer.write(rotated)
    return rotated.getvalue()


#: The header row of the small test tables: 项目 over two columns, then 自然人 and 总计.
HEADER = ((0, 0, 1, 2, ["项目"]), (0, 2, 1, 1, ["自然人"]), (0, 3, 1, 1, ["总计"]))


def _small_table() -> Table:
    return Table(
        widths=[30, 150, 60, 60],
        heights=[20, 50, 30],
        cells=[
            *HEADER,
            (1, 0, 2, 1, ["三", "、", "结", "果"]),  # one character per line, two rows tall
            (1, 1, 1, 1, ["（一）予以公开"]),
            (1, 2, 1, 1, ["12"]),
            (1, 3, 1, 1, ["30", "01"]),  # 3001 wrapped inside its cell
            (2, 1, 1, 1, ["（二）部分公开"]),
            (2, 2, 1, 1, []),  # blank: no number printed
            (2, 3, 1, 1, ["7"]),
        ],
    )


@pytest.mark.parametrize("turned", [False, True])
def test_merged_cells_blank_cells_and_a_number_wrapped_in_its_cell(turned: bool) -> None:
    # turned: a landscape page shown by /Rotate 90 reads as displayed, not sideways.
    page = Page(texts=[(72, 60, TITLE)], tables=[(72, 100, _small_table())])
    document = pdf.extract(draw_pdf([page], turned=turned))
    assert document.source_format == "pdf"
    assert cell_with(document, "三、结果").row_span == 2
    assert values_after(document, "（一）予以公开", 2) == ["12", "3001"]
    assert values_after(document, "（二）部分公开", 2) == ["", "7"]  # the blank stays in its column
    assert document.blocks[0] == TextLine(TITLE, page=1, line=1)


def _split_table(header_again: bool, open_edges: bool) -> bytes:
    first = Table(
        widths=[40, 180, 50, 50],
        heights=[20, 20, 20],
        cells=[
            *HEADER,
            (1, 0, 1, 2, ["一、本年新收政府信息公开申请数量"]),
            (1, 2, 1, 1, ["3"]),
            (1, 3, 1, 1, ["3"]),
            (2, 0, 1, 1, ["（四）无"]),
            (2, 1, 1, 1, ["1.本机关不掌握相关政府信息"]),
            (2, 2, 1, 1, ["746"]),
            (2, 3, 1, 1, ["769"]),
        ],
        open_edges=frozenset({"bottom"}) if open_edges else frozenset(),
    )
    offset = 1 if header_again else 0
    second = Table(
        widths=[40, 180, 50, 50],
        heights=[20] * (2 + offset),
        cells=[
            *(HEADER if header_again else []),
            (offset, 0, 2, 1, ["法提供"]),
            (offset, 1, 1, 1, ["2.没有现成信息需要另行制作"]),
            (offset, 2, 1, 1, ["11"]),
            (offset, 3, 1, 1, ["11"]),
            (offset + 1, 1, 1, 1, ["3.补正后申请内容仍不明确"]),
            (offset + 1, 2, 1, 1, ["1"]),
            (offset + 1, 3, 1, 1, ["1"]),
        ],
        open_edges=frozenset({"top"}) if open_edges and not header_again else frozenset(),
    )
    running = TITLE
    return draw_pdf(
        [
            Page(texts=[(200, 30, running), (280, 800, "第 1 页")], tables=[(72, 700, first)]),
            Page(texts=[(200, 30, running), (280, 800, "第 2 页")], tables=[(72, 80, second)]),
        ]
    )


@pytest.mark.parametrize("open_edges", [False, True])
def test_a_table_continued_on_the_next_page_is_one_grid(open_edges: bool) -> None:
    document = pdf.extract(_split_table(header_again=False, open_edges=open_edges))
    assert len(grids(document)) == 1
    assert cell_with(document, "（四）无法提供").row_span == 3
    assert values_after(document, "2.没有现成信息需要另行制作", 2) == ["11", "11"]
    assert values_after(document, "3.补正后申请内容仍不明确", 2) == ["1", "1"]
    # The running header and the page numbers are gone; nothing else was there.
    assert [b for b in document.blocks if isinstance(b, TextLine)] == []


def test_a_continuation_that_repeats_the_header_stays_a_separate_grid() -> None:
    document = pdf.extract(_split_table(header_again=True, open_edges=False))
    first, second = grids(document)
    assert (first.index, first.page, second.index, second.page) == (1, 1, 2, 2)
    assert values_after(document, "2.没有现成信息需要另行制作", 2) == ["11", "11"]


def test_a_table_without_rules_is_rebuilt_from_the_alignment_of_its_figures() -> None:
    def row(top: float, label: str, *figures: str) -> list[tuple[float, float, str]]:
        # Figures right-aligned on columns ending at x = 330, 390, 450 (about 5 characters apart).
        placed = [(72.0, top, label)]
        placed += [(330 + 60 * i - 5.6 * len(f), top, f) for i, f in enumerate(figures) if f]
        return placed

    texts = [
        (72.0, 60.0, "三、收到和处理政府信息公开申请情况"),
        (290.0, 90.0, "自然人   商业企业   总计"),  # a header without figures stays text
        *row(110, "一、本年新收政府信息公开申请数量", "3001", "53", "3054"),
        *row(130, "（二）部分公开", "", "7", "7"),  # the agency printed nothing under 自然人
        *row(150, "四、结转下年度继续办理", "103", "0", "103"),
        (72.0, 190.0, "2024年，全市共受理政府信息公开申请3054件。"),
    ]
    document = pdf.extract(draw_pdf([Page(texts=texts)]))
    assert len(grids(document)) == 1
    assert values_after(document, "一、本年新收政府信息公开申请数量", 3) == ["3001", "53", "3054"]
    assert values_after(document, "（二）部分公开", 3) == ["", "7", "7"]  # the blank keeps its column
    assert values_after(document, "四、结转下年度继续办理", 3) == ["103", "0", "103"]
    lines = [b.text for b in document.blocks if isinstance(b, TextLine)]
    assert lines[0] == "三、收到和处理政府信息公开申请情况"
    assert lines[-1] == "2024年，全市共受理政府信息公开申请3054件。"


@pytest.mark.parametrize(
    ("lines", "text"),
    [
        (["三", "、", "本", "年"], "三、本年"),  # a label printed one character per line
        (["30", "01"], "3001"),  # a number wrapped inside its cell
        (
            ["（二）部分公开（区分处理的，只计这一情形，", "不计其他情形）"],
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        ),
        (["annual", "report"], "annual report"),  # wrapped English words stay apart
        ([], ""),
    ],
)
def test_wrapped_cell_lines_join_without_a_separator(lines: list[str], text: str) -> None:
    assert join_wrapped(lines) == text


def test_rules_drawn_as_thin_filled_bars_make_a_grid_and_fat_boxes_do_not() -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from gongkai.report.render.fonts import cjk_font_available, pdf_font_name

    require(cjk_font_available(), "a CJK TrueType font (apt-get install fonts-wqy-zenhei)")
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    c.setFont(pdf_font_name(), 10)
    c.setFillColorRGB(1, 1, 1)
    c.rect(60, 700, 470, 60, stroke=0, fill=1)  # a white box behind a paragraph: no rule
    c.setFillColorRGB(0, 0, 0)
    c.drawString(72, 740, "本报告由示例局编制。")
    # A 2 x 2 grid whose borders are 0.5-point black bars, as many generators draw them.
    for y in (600, 580, 560):
        c.rect(72, y, 200, 0.5, stroke=0, fill=1)
    for x in (72, 172, 272):
        c.rect(x, 560, 0.5, 40, stroke=0, fill=1)
    c.drawString(76, 586, "行政许可")
    c.drawString(176, 586, "1634")
    c.drawString(76, 566, "行政处罚")
    c.drawString(176, 566, "2210")
    c.showPage()
    c.save()
    document = pdf.extract(out.getvalue())
    assert len(grids(document)) == 1
    assert values_after(document, "行政许可", 1) == ["1634"]
    assert values_after(document, "行政处罚", 1) == ["2210"]
    assert document.blocks[0] == TextLine("本报告由示例局编制。", page=1, line=1)


# ---------------------------------------------------------------------------------------------
# Files that cannot be read: a clear Chinese error, never a traceback


def _stamped_scan() -> bytes:
    return draw_pdf([Page(texts=[(290, 800, f"- {n} -")], images=[(0, 0, 595, 780)]) for n in (1, 2)])


def _encrypted() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(draw_pdf([Page(texts=[(72, 72, "秘密")])]))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("build", "message"),
    [
        # A password is needed to open it.
        (_encrypted, pdf.ENCRYPTED_MESSAGE),
        # A scan: one page-sized image, no text layer.
        (lambda: draw_pdf([Page(images=[(0, 0, 595, 842)])]), pdf.SCANNED_MESSAGE),
        # A scan with page numbers stamped on it as text: still a scan.
        (_stamped_scan, pdf.SCANNED_MESSAGE),
        # A blank page.
        (lambda: draw_pdf([Page()]), pdf.EMPTY_MESSAGE),
        # Not a PDF at all.
        (lambda: b"PK\x03\x04 this is a zip, not a pdf", pdf.CORRUPT_MESSAGE),
        (lambda: b"", pdf.CORRUPT_MESSAGE),
        (lambda: b"%PDF-1.7\n" + b"\x00garbage" * 50, pdf.CORRUPT_MESSAGE),
    ],
)
def test_unreadable_pdfs_get_a_clear_error(build: object, message: str) -> None:
    assert callable(build)
    with pytest.raises(ReportFormatError) as raised:
        pdf.extract(build())
    assert raised.value.message == message


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.9])
def test_a_truncated_corpus_pdf_reads_what_is_there_or_says_it_is_damaged(
    fraction: float, corpus_dir: Path
) -> None:
    data = (corpus_dir / "001.pdf").read_bytes()
    try:
        document = pdf.extract(data[: int(len(data) * fraction)])
    except ReportFormatError as error:
        assert error.message in (pdf.CORRUPT_MESSAGE, pdf.EMPTY_MESSAGE)
    else:
        assert document.source_format == "pdf"


# ---------------------------------------------------------------------------------------------
# The whole path: file -> reader -> assembler -> report


@pytest.mark.parametrize("name", ["001", "002", "003"])
def test_read_report_gives_every_expected_cell_of_the_corpus(name: str, corpus_dir: Path) -> None:
    from gongkai.report import jsonio
    from gongkai.report.read import read_report

    report = read_report(corpus_dir / f"{name}.pdf")
    expected = jsonio.load(corpus_dir / f"{name}.expected.json")
    assert (report.agency, report.year, report.template) == (
        expected.agency,
        expected.year,
        expected.template,
    )
    assert dict(report.cells()) == dict(expected.cells())


@pytest.mark.parametrize("seed", [1, 5])
def test_rendered_pdf_reads_back_through_the_assembler(seed: int) -> None:
    from gongkai.report.read import read_bytes
    from gongkai.report.render import render
    from gongkai.report.render.fonts import cjk_font_available
    from gongkai.report.samples import balanced_report

    require(cjk_font_available(), "a CJK TrueType font (apt-get install fonts-wqy-zenhei)")
    report = balanced_report(seed).with_cell("table3.deny_law.natural", None)
    read = read_bytes(render(report, "pdf"))
    assert (read.agency, read.year) == (report.agency, report.year)
    assert dict(read.cells()) == dict(report.cells())

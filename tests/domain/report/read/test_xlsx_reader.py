"""The XLSX reader: reports rendered from JSON, hand-made workbooks (merged ranges, blank cells,
number formats, several sheets), and broken files that must give a clear Chinese error."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from decimal import Decimal

import pytest
from grid_lookup import cell_with, grids, values_after
from openpyxl import Workbook
from openpyxl.styles import Border, Side
from test_docx_reader import ole_file, read_back

from filesamples import zip_bytes
from gongkai.errors import ReportFormatError
from gongkai.report.model import AnnualReport
from gongkai.report.read import xlsx
from gongkai.report.read.document import TextLine
from gongkai.report.render import render
from gongkai.report.samples import balanced_report


def _saved(workbook: Workbook) -> bytes:
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    "report",
    [
        balanced_report(1),
        # A blank cell stays blank in its own column.
        balanced_report(4).with_cell("table3.deny_law.natural", None),
    ],
)
def test_rendered_reports_read_back(report: AnnualReport) -> None:
    document = read_back(report, "xlsx", xlsx.extract)
    fee = values_after(document, "行政事业性收费", 1)
    assert Decimal(fee[0]) == report.table2.fees_10k_yuan
    first = document.blocks[0]
    assert isinstance(first, TextLine) and first.text.endswith("年度政府信息公开工作年度报告")
    assert (first.page, first.line) == (1, 1)  # sheet 1, row 1


@pytest.mark.parametrize(
    ("value", "number_format", "shown"),
    [
        (12, "General", "12"),  # an integer count
        (12.0, "General", "12"),  # stored as a float by Excel: still shown "12", never "12.0"
        (304.31, "General", "304.31"),  # an amount in 万元
        (304.3, "0.00", "304.30"),  # fixed decimals as formatted
        (1234.5, "#,##0.0", "1234.5"),  # thousands separators are not needed to read the number
        (0.125, "0.0%", "12.5%"),
        (0.5, "0%", "50%"),
        (Decimal("96171.6"), "General", "96171.6"),
        (None, "General", ""),
        (True, "General", "TRUE"),
        (dt.datetime(2024, 12, 31), "yyyy-mm-dd", "2024-12-31"),
        ("  规章 ", "General", "规章"),
    ],
)
def test_cells_read_as_displayed(value: object, number_format: str, shown: str) -> None:
    assert xlsx.display_text(value, number_format) == shown


def test_merged_ranges_blank_cells_and_text_rows() -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet["A1"] = "示例局2024年政府信息公开工作年度报告"
    sheet.merge_cells("A1:D1")  # a title over the table's width, without borders: a text line
    thin = Side(style="thin")
    rows = [
        ["项目", None, "自然人", "总计"],
        ["三、本年度办理结果", "（一）予以公开", 12, 12],
        [None, "（二）部分公开", None, 7],  # a blank figure
        [None, "（七）总计", 12, 19],
    ]
    for r, values in enumerate(rows, start=3):
        for c, value in enumerate(values, start=1):
            cell = sheet.cell(r, c, value)
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    sheet.merge_cells("A3:B3")
    sheet.merge_cells("A4:A6")
    sheet["A8"] = "四、政府信息公开行政复议、行政诉讼情况"
    second = workbook.create_sheet("表四")
    second.append(["结果维持", "总计"])
    second.append([3, 3])
    document = xlsx.extract(_saved(workbook))
    first_grid, other_grid = grids(document)
    assert document.blocks[0] == TextLine("示例局2024年政府信息公开工作年度报告", page=1, line=1)
    merged = cell_with(document, "三、本年度办理结果")
    assert (merged.row, merged.column, merged.row_span, merged.column_span, merged.line) == (1, 0, 3, 1, 4)
    assert cell_with(document, "项目").column_span == 2
    assert values_after(document, "（二）部分公开", 2) == ["", "7"]
    assert len(first_grid.cells) == 3 + 4 + 3 + 3  # merges hide the cells they cover
    assert document.blocks[2] == TextLine("四、政府信息公开行政复议、行政诉讼情况", page=1, line=8)
    assert (other_grid.index, other_grid.page) == (2, 2)
    assert [c.text for c in other_grid.cells] == ["结果维持", "总计", "3", "3"]


def test_a_formula_never_calculated_reads_as_blank() -> None:
    # openpyxl (like any script) writes formulas without the value Excel would cache.
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["项目", "自然人", "商业企业", "总计"])
    sheet.append(["（一）予以公开", 5, 3, "=B2+C2"])
    document = xlsx.extract(_saved(workbook))
    assert values_after(document, "（一）予以公开", 3) == ["5", "3", ""]


def _merged_over_the_whole_sheet() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["项目", "总计"])
    sheet.merge_cells("C1:C2")
    source = zipfile.ZipFile(io.BytesIO(_saved(workbook)))
    return zip_bytes(
        {
            name: source.read(name).replace(b'ref="C1:C2"', b'ref="C1:XFD1048576"')
            for name in source.namelist()
        }
    )


def _zip_of_text() -> bytes:
    return zip_bytes({"readme.txt": "hello"})


@pytest.mark.parametrize(
    ("build", "message"),
    [
        # Cut off half way.
        (lambda: render(balanced_report(1), "xlsx")[:3000], xlsx.CORRUPT_MESSAGE),
        # A ZIP archive that is no workbook.
        (_zip_of_text, xlsx.CORRUPT_MESSAGE),
        (lambda: b"not a workbook at all", xlsx.CORRUPT_MESSAGE),
        # Excel's "encrypt with password".
        (lambda: ole_file("EncryptionInfo", "EncryptedPackage"), xlsx.ENCRYPTED_MESSAGE),
        # An Excel 97-2003 .xls.
        (lambda: ole_file("Workbook"), xlsx.LEGACY_MESSAGE),
        # A merge over 17 billion cells (a damaged file): refused at once instead of hanging.
        (_merged_over_the_whole_sheet, xlsx.TOO_WIDE_MESSAGE),
        # A workbook with nothing in it.
        (lambda: _saved(Workbook()), xlsx.EMPTY_MESSAGE),
    ],
)
def test_unreadable_xlsx_gets_a_clear_error(build: Callable[[], bytes], message: str) -> None:
    with pytest.raises(ReportFormatError) as raised:
        xlsx.extract(build())
    assert raised.value.message == message

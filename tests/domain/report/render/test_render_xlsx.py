"""XLSX: read back with openpyxl -- merged ranges, figures stored as numbers, print setup, narrative."""

from __future__ import annotations

import io

import openpyxl
from render_readback import SAMPLE, rendered_sample


def _book() -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(rendered_sample("xlsx")))


def test_sheets_one_per_table_after_the_narrative() -> None:
    assert _book().sheetnames == [
        "报告正文",
        "表二 主动公开政府信息情况",
        "表三 收到和处理政府信息公开申请情况",
        "表四 政府信息公开行政复议、行政诉讼情况",
    ]


def test_table3_merged_ranges_are_the_official_ones() -> None:
    ws = _book().worksheets[2]
    merged = {str(r) for r in ws.merged_cells.ranges}
    # Row 1 is the sheet's title; the table starts on row 2.
    for cell_range in (
        "A2:C4",  # the 勾稽关系 note, 3x3
        "D2:J2",  # 申请人情况 over 7 columns
        "D3:D4",  # 自然人 over 2 rows
        "E3:I3",  # 法人或其他组织 over 5 columns
        "J3:J4",  # 总计 over 2 rows
        "A7:A28",  # 三、本年度办理结果 over 22 rows
        "B9:B16",  # （三）不予公开 over 8 rows
        "B25:B27",  # （六）其他处理 over 3 rows
    ):
        assert cell_range in merged


def test_figures_are_numbers_and_fees_show_two_decimals() -> None:
    book = _book()
    table2, table3 = book.worksheets[1], book.worksheets[2]
    assert table3["J5"].value == SAMPLE.table3.cell("new", "total")
    assert isinstance(table3["J5"].value, int)
    fee_cells = [c for row in table2.iter_rows() for c in row if isinstance(c.value, float)]
    assert len(fee_cells) == 1
    assert fee_cells[0].number_format == "0.00"
    assert str(SAMPLE.table2.fees_10k_yuan) == f"{fee_cells[0].value:.2f}"


def test_print_setup_and_column_widths() -> None:
    book = _book()
    table3 = book.worksheets[2]
    assert table3.page_setup.orientation == "landscape"
    a4 = 9  # the paper-size code of A4 in SpreadsheetML
    assert table3.page_setup.paperSize == a4
    assert table3.print_title_rows == "$2:$4"  # the three header rows repeat on each page
    assert table3.column_dimensions["C"].width > table3.column_dimensions["D"].width > 0
    # The long （六） labels wrap: their rows are made tall enough (spreadsheets do not grow them).
    assert table3.row_dimensions[25].height >= 3 * 14
    assert table3.row_dimensions[5].height is None  # 一、本年新收 fits on one line
    assert book.worksheets[1].page_setup.paperSize == a4
    assert book.worksheets[1].page_setup.orientation != "landscape"

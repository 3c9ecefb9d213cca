"""The printed layout shared by every format: labels verbatim, the official merged cells, numbers in place.

The expected texts below are typed from ../shared/reference/annual-report-format.md on purpose:
they check that the specs in model.py and the grid built from them print the national format.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from gongkai.errors import GongkaiError
from gongkai.report.model import (
    AnnualReport,
    ApplicantCounts,
    Section,
    Table3,
    Template,
)
from gongkai.report.render.layout import (
    CellRole,
    TableGrid,
    document_layout,
    format_value,
    report_title,
    table2_grid,
    table3_grid,
    table3_rows_shown,
    table4_grid,
)
from gongkai.report.samples import balanced_report

NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


def _cell_at(grid: TableGrid, row: int, col: int) -> tuple[str, int, int]:
    matches = [c for c in grid.cells if (c.row, c.col) == (row, col)]
    assert len(matches) == 1, f"no single cell starts at {(row, col)}"
    return matches[0].text, matches[0].rowspan, matches[0].colspan


# (row, col, text, rowspan, colspan) of table 3's header and label cells, 2021 format.
TABLE3_2021 = [
    (0, 0, NOTE, 3, 3),  # the top-left 3x3 cell carries the 勾稽关系 note
    (0, 3, "申请人情况", 1, 7),  # the applicant band over all seven data columns
    (1, 3, "自然人", 2, 1),  # 自然人 spans both lower header rows
    (1, 4, "法人或其他组织", 1, 5),  # over its five kinds of organisation
    (2, 4, "商业企业", 1, 1),
    (2, 8, "其他", 1, 1),
    (1, 9, "总计", 2, 1),  # 总计 spans both lower header rows
    (3, 0, "一、本年新收政府信息公开申请数量", 1, 3),  # top-level rows fill the label columns
    (4, 0, "二、上年结转政府信息公开申请数量", 1, 3),
    (5, 0, "三、本年度办理结果", 22, 1),  # 22 outcome rows in the 2021 format
    (5, 1, "（一）予以公开", 1, 2),
    (6, 1, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 1, 2),
    (7, 1, "（三）不予公开", 8, 1),
    (7, 2, "1.属于国家秘密", 1, 1),
    (9, 2, "3.危及“三安全一稳定”", 1, 1),
    (15, 1, "（四）无法提供", 3, 1),
    (18, 1, "（五）不予处理", 5, 1),
    (23, 1, "（六）其他处理", 3, 1),  # split into three sub-rows since 2021
    (24, 2, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", 1, 1),
    (25, 2, "3.其他", 1, 1),
    (26, 1, "（七）总计", 1, 2),
    (27, 0, "四、结转下年度继续办理", 1, 3),
]

# The 2019 trial format: （六）其他处理 is one row, so 三 spans 20 rows.
TABLE3_2019 = [
    (0, 0, NOTE, 3, 3),  # same header as 2021
    (5, 0, "三、本年度办理结果", 20, 1),  # 20 outcome rows
    (18, 1, "（五）不予处理", 5, 1),
    (23, 1, "（六）其他处理", 1, 2),  # a single row across the sub-item columns
    (24, 1, "（七）总计", 1, 2),
    (25, 0, "四、结转下年度继续办理", 1, 3),
]

# Table 4: three header rows over 15 figures.
TABLE4 = [
    (0, 0, "行政复议", 1, 5),
    (0, 5, "行政诉讼", 1, 10),
    (1, 0, "结果维持", 2, 1),  # 行政复议's fields are merged down to the figures
    (1, 4, "总计", 2, 1),
    (1, 5, "未经复议直接起诉", 1, 5),
    (1, 10, "复议后起诉", 1, 5),
    (2, 5, "结果维持", 1, 1),
    (2, 8, "尚未审结", 1, 1),
    (2, 14, "总计", 1, 1),
]

# Table 2: four blocks, each headed by its article item across the 4 columns.
TABLE2 = [
    (0, 0, "第二十条第（一）项", 1, 4),
    (1, 0, "信息内容", 1, 1),
    (1, 1, "本年制发件数", 1, 1),
    (1, 2, "本年废止件数", 1, 1),
    (1, 3, "现行有效件数", 1, 1),
    (2, 0, "规章", 1, 1),
    (3, 0, "行政规范性文件", 1, 1),
    (4, 0, "第二十条第（五）项", 1, 4),
    (5, 1, "本年处理决定数量", 1, 3),
    (6, 0, "行政许可", 1, 1),
    (7, 0, "第二十条第（六）项", 1, 4),
    (9, 0, "行政处罚", 1, 1),
    (10, 0, "行政强制", 1, 1),
    (11, 0, "第二十条第（八）项", 1, 4),
    (12, 1, "本年收费金额（单位：万元）", 1, 3),
    (13, 0, "行政事业性收费", 1, 1),
]

REPORT_2021 = balanced_report(11)
REPORT_2019 = balanced_report(12, template=Template.Y2019, year=2020)


@pytest.mark.parametrize(
    ("grid", "spec"),
    [
        (table3_grid(REPORT_2021), TABLE3_2021),
        (table3_grid(REPORT_2019), TABLE3_2019),
        (table4_grid(REPORT_2021), TABLE4),
        (table2_grid(REPORT_2021), TABLE2),
    ],
    ids=["table3-2021", "table3-2019", "table4", "table2"],
)
def test_official_labels_and_merges(grid: TableGrid, spec: list[tuple[int, int, str, int, int]]) -> None:
    for row, col, text, rowspan, colspan in spec:
        assert _cell_at(grid, row, col) == (text, rowspan, colspan)


@pytest.mark.parametrize(
    ("grid", "size", "header_rows"),
    [
        (table2_grid(REPORT_2021), (14, 4), 0),  # blocks of 4, 3, 4 and 3 rows, no repeated header
        (table3_grid(REPORT_2021), (28, 10), 3),  # 3 header rows + 25 rows
        (table3_grid(REPORT_2019), (26, 10), 3),  # 3 header rows + 23 rows
        (table4_grid(REPORT_2021), (4, 15), 3),  # 3 header rows + the figures
    ],
)
def test_cells_tile_the_grid_exactly(grid: TableGrid, size: tuple[int, int], header_rows: int) -> None:
    assert (grid.n_rows, grid.n_cols) == size
    assert grid.header_rows == header_rows
    assert len(grid.col_weights) == grid.n_cols
    covered: list[tuple[int, int]] = []
    for cell in grid.cells:
        covered.extend(
            (r, c) for r in range(cell.row, cell.last_row + 1) for c in range(cell.col, cell.last_col + 1)
        )
    assert sorted(covered) == [(r, c) for r in range(grid.n_rows) for c in range(grid.n_cols)]


@pytest.mark.parametrize("report", [REPORT_2021, REPORT_2019, balanced_report(13, new=0)])
def test_every_figure_is_printed_once_at_its_path(report: AnnualReport) -> None:
    layout = document_layout(report)
    printed = {c.path: c for grid in layout.tables() for c in grid.value_cells()}
    shown = {r.key for r in table3_rows_shown(report)}
    expected = {
        path: value
        for path, value in report.cells()
        if not path.startswith("table3.") or path.split(".")[1] in shown
    }
    assert set(printed) == set(expected)
    for path, value in expected.items():
        assert printed[path].value == value
        assert printed[path].text == format_value(value)
        assert printed[path].role is CellRole.VALUE


def test_table3_rows_and_columns_sit_where_the_format_puts_them() -> None:
    grid = table3_grid(REPORT_2021)
    by_path = {c.path: (c.row, c.col) for c in grid.value_cells()}
    assert by_path["table3.new.natural"] == (3, 3)  # first row, first data column
    assert by_path["table3.new.total"] == (3, 9)
    assert by_path["table3.deny_secret.research"] == (7, 5)
    assert by_path["table3.carry_next.other"] == (27, 8)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),  # missing is blank, never 0
        (0, "0"),  # a reported zero stays 0
        (3119, "3119"),
        (Decimal("96171.6"), "96171.60"),  # fees in 万元 with two decimals
        (Decimal("7545"), "7545.00"),
        (Decimal("0.125"), "0.125"),  # more precise amounts are not rounded away
    ],
)
def test_format_value(value: int | Decimal | None, text: str) -> None:
    assert format_value(value) == text


def _other_rows(single: ApplicantCounts | None, split: ApplicantCounts | None) -> Table3:
    rows = dict(REPORT_2021.table3.rows)
    rows.pop("other", None)
    if single is not None:
        rows["other"] = single
    for key in ("other_overdue_correction", "other_overdue_fee", "other_other"):
        if split is None:
            rows.pop(key, None)
        else:
            rows[key] = split
    return Table3(rows)


ZEROS = ApplicantCounts.zeros()
BLANK = ApplicantCounts()


@pytest.mark.parametrize(
    ("template", "single", "split", "single_layout"),
    [
        (Template.Y2021, None, ZEROS, False),  # the 2021 format: three sub-rows
        (Template.Y2019, ZEROS, None, True),  # the 2019 trial format: one row
        (Template.Y2019, None, None, True),  # 2019 with the row left blank: still the 2019 layout
        (Template.Y2021, ZEROS, BLANK, True),  # marked 2021 but kept the single row (洪泽区 2023)
        (Template.Y2021, BLANK, ZEROS, False),  # a blank single row next to filled sub-rows
    ],
)
def test_layout_of_other_rows(
    template: Template, single: ApplicantCounts | None, split: ApplicantCounts | None, single_layout: bool
) -> None:
    report = replace(REPORT_2021, template=template, table3=_other_rows(single, split))
    keys = [r.key for r in table3_rows_shown(report)]
    assert ("other" in keys) is single_layout
    assert ("other_other" in keys) is not single_layout


@pytest.mark.parametrize(
    ("template", "single", "split"),
    [
        (Template.Y2021, ZEROS, ZEROS),  # both layouts filled: either would drop figures
        (Template.Y2019, None, ZEROS),  # 2019 layout but figures only in the 2021 sub-rows
    ],
)
def test_other_rows_that_no_layout_can_show_are_refused(
    template: Template, single: ApplicantCounts | None, split: ApplicantCounts | None
) -> None:
    report = replace(REPORT_2021, template=template, table3=_other_rows(single, split))
    with pytest.raises(GongkaiError, match="（六）其他处理"):
        table3_rows_shown(report)


def test_document_without_narrative_has_the_six_standard_headings_and_the_tables() -> None:
    layout = document_layout(replace(REPORT_2021, sections=None))
    assert [b.heading for b in layout.blocks] == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]
    assert all(b.paragraphs == () for b in layout.blocks)
    assert [b.number for b in layout.blocks if b.table is not None] == ["二", "三", "四"]
    assert [b.table.number for b in layout.blocks if b.table is not None] == ["二", "三", "四"]


def test_document_keeps_the_report_titles_paragraphs_and_extra_sections() -> None:
    sections = (
        Section("一", "总体情况", "第一段。\n\n  第二段。  "),
        Section("三", "收到和处理政府信息公开申请情况（含依申请公开）", "本年新收申请5件。"),
        Section("七", "附件说明", "无。"),
    )
    layout = document_layout(replace(REPORT_2021, sections=sections))
    assert layout.blocks[0].paragraphs == ("第一段。", "第二段。")
    assert layout.blocks[1].heading == "二、主动公开政府信息情况"  # absent: standard title, no text
    assert layout.blocks[2].heading == "三、收到和处理政府信息公开申请情况（含依申请公开）"
    assert layout.blocks[-1].heading == "七、附件说明"
    assert layout.blocks[-1].paragraphs == ("无。",)


@pytest.mark.parametrize(
    ("agency", "year", "title"),
    [
        ("平湖市科学技术局", 2023, "平湖市科学技术局2023年度政府信息公开工作年度报告"),
        (None, 2023, "2023年度政府信息公开工作年度报告"),  # agency unknown
        ("平湖市科学技术局", None, "平湖市科学技术局政府信息公开工作年度报告"),  # year unknown
    ],
)
def test_title(agency: str | None, year: int | None, title: str) -> None:
    assert report_title(replace(REPORT_2021, agency=agency, year=year)) == title

"""The supervisor's workbook: the year view, the 汇总 tables and the trends, with Chinese headers.

The 汇总 sheet starts with the notice that it is a simple sum (combine.NOTICE) and draws tables
二, 三, 四 from the same printed layout as every rendered report (gongkai.report.render.layout), so
its labels and merged cells are the official ones.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from gongkai.report.render.layout import CellRole, table2_grid, table3_grid, table4_grid
from gongkai.web.oversight.combine import NOTICE, Combined
from gongkai.web.oversight.overview import TrendPoint, YearOverview

YEAR_HEADERS = (
    "单位",
    "本级",
    "状态",
    "说明",
    "报送主管部门",
    "机关类别",
    "来源",
    "错误",
    "警告",
    "本年新收",
    "办结",
    "结转下年度",
    "行政复议",
    "行政诉讼",
    "主动公开信息（条）",
)
TREND_HEADERS = (
    "年度",
    "报告数",
    "本年新收",
    "予以公开",
    "部分公开",
    "不予公开",
    "其他结果",
    "按期办结率",
    "行政复议",
    "行政诉讼",
)
_BOLD = Font(bold=True)


def _header(sheet: Worksheet, headers: Sequence[str], row: int = 1) -> None:
    for col, text in enumerate(headers, start=1):
        cell = sheet.cell(row=row, column=col, value=text)
        cell.font = _BOLD
        cell.alignment = Alignment(horizontal="center", wrap_text=True)


def _year_sheet(sheet: Worksheet, overview: YearOverview) -> None:
    sheet.title = "年度情况"
    _header(sheet, YEAR_HEADERS)
    for r in overview.rows:
        sheet.append(
            [
                r.name,
                "是" if r.is_self else "",
                r.status.value,
                r.note,
                r.submission,
                r.kind,
                r.source.value if r.source else "",
                r.errors,
                r.warnings,
                r.figures.get("new"),
                r.figures.get("done"),
                r.figures.get("carry_next"),
                r.figures.get("reconsideration"),
                r.litigation,
                r.publications,
            ]
        )
    sheet.column_dimensions["A"].width = 30
    sheet.column_dimensions["D"].width = 40
    sheet.freeze_panes = "A2"


def _combined_sheet(sheet: Worksheet, combined: Combined) -> None:
    sheet.cell(row=1, column=1, value=NOTICE).font = Font(bold=True, color="A61B1B", size=13)
    sheet.cell(row=2, column=1, value="已纳入：" + "、".join(name for name, _ in combined.included))
    sheet.cell(row=3, column=1, value="未纳入（无可读报告）：" + ("、".join(combined.missing) or "无"))
    row = 5
    for grid in (table2_grid(combined.report), table3_grid(combined.report), table4_grid(combined.report)):
        sheet.cell(row=row, column=1, value=f"{grid.number}、{grid.caption}").font = _BOLD
        row += 1
        for cell in grid.cells:
            value: Any = cell.value if cell.role is CellRole.VALUE else cell.text
            target = sheet.cell(row=row + cell.row, column=cell.col + 1, value=value)
            if cell.role is CellRole.HEADER:
                target.font = _BOLD
            target.alignment = Alignment(wrap_text=True, vertical="center")
            if cell.merged:
                sheet.merge_cells(
                    start_row=row + cell.row,
                    start_column=cell.col + 1,
                    end_row=row + cell.last_row,
                    end_column=cell.last_col + 1,
                )
        row += grid.n_rows + 1
    if combined.incomplete:
        sheet.cell(row=row, column=1, value="以下单元格有单位缺失，合计仅含有数据的单位：").font = _BOLD
        for label, n in combined.incomplete_cells:
            row += 1
            sheet.cell(row=row, column=1, value=f"{label}：{n}个单位缺失")
    sheet.column_dimensions["A"].width = 24


def _trend_sheet(sheet: Worksheet, points: Sequence[TrendPoint]) -> None:
    _header(sheet, TREND_HEADERS)
    for p in points:
        rate = p.on_time_rate
        sheet.append(
            [
                p.year,
                p.reports,
                p.received,
                p.granted,
                p.partial,
                p.denied,
                p.other,
                "无办理记录" if rate is None else rate,
                p.reconsideration,
                p.litigation,
            ]
        )
        if rate is not None:
            sheet.cell(row=sheet.max_row, column=8).number_format = "0.0%"


def workbook(overview: YearOverview, combined: Combined, points: Sequence[TrendPoint]) -> bytes:
    book = Workbook()
    first = book.active
    assert isinstance(first, Worksheet)
    _year_sheet(first, overview)
    _combined_sheet(book.create_sheet("汇总（仅供参考）"), combined)
    _trend_sheet(book.create_sheet("历年趋势"), points)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()

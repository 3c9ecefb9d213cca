"""Which national format a report follows (2021 format or the 2019 trial format), and whether it should.

The two formats differ in table 2 (the 2019 trial format had other columns and a 第二十条第（九）项
block) and in table 3's （六）其他处理: one row in 2019, three sub-rows since 国办公开办函〔2021〕30号.
The declared ``template`` comes from the reader (which sees table 2); table 3's layout is read
from which rows carry values.
"""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.report.model import (
    OTHER_SINGLE_KEY,
    OTHER_SPLIT_KEYS,
    TABLE3_COLUMN_KEYS,
    TABLE3_ROW_BY_KEY,
    Template,
)
from gongkai.report.rules.finding import Finding, Severity
from gongkai.report.rules.registry import Context, Rule, rule
from gongkai.report.rules.tables import FORMAT_2021, other_layout

TEMPLATE_NAMES = {
    Template.Y2021: "2021年格式（国办公开办函〔2021〕30号）",
    Template.Y2019: "2019年试行格式（国办公开办函〔2019〕60号）",
}
FIRST_YEAR_2021 = 2021
_SINGLE_CELLS = tuple(f"table3.{OTHER_SINGLE_KEY}.{c}" for c in TABLE3_COLUMN_KEYS)
_SPLIT_LABELS = "；".join(TABLE3_ROW_BY_KEY[k].label for k in OTHER_SPLIT_KEYS)


@rule("TEMPLATE-DETECT", Severity.INFO, "国办公开办函〔2021〕30号；国办公开办函〔2019〕60号（试行格式）")
def template_detect(r: Rule, ctx: Context) -> Iterator[Finding]:
    """Say which format the report is checked against and why (info); a contradictory layout is a warning.

    Source: the two national formats; 2021 splits table 3's （六）其他处理 into three rows.
    """
    declared = ctx.report.template
    split, single = other_layout(ctx)
    reason = f"报告标明的格式为“{declared.value}”（读取时依据表二判断）"
    if split and single:
        yield r.finding(
            [*_SINGLE_CELLS, *(f"table3.{k}.total" for k in OTHER_SPLIT_KEYS)],
            f"按{TEMPLATE_NAMES[declared]}核对。{reason}；但表三同时填写了“（六）其他处理”单行（2019年试行格式）"
            f"和它的三个子项（2021年格式），（七）总计按两者之和核对。请只保留一种。",
            actual=declared.value,
            severity=Severity.WARNING,
        )
        return
    if split and declared is Template.Y2019:
        yield r.finding(
            [f"table3.{k}.total" for k in OTHER_SPLIT_KEYS],
            f"报告标明为{TEMPLATE_NAMES[declared]}，但表三“（六）其他处理”分为三个子项，这是2021年格式的写法。",
            expected=Template.Y2021.value,
            actual=declared.value,
            severity=Severity.WARNING,
        )
        return
    if split:
        layout = "表三“（六）其他处理”分为三个子项"
    elif single:
        layout = "表三“（六）其他处理”为单行（2019年试行格式的写法）"
    else:
        layout = "表三没有“（六）其他处理”的数据，无法据此区分格式"
    yield r.finding(
        [], f"按{TEMPLATE_NAMES[declared]}核对。依据：{reason}；{layout}。", actual=declared.value
    )


@rule(
    "TEMPLATE-2019-LAYOUT",
    Severity.WARNING,
    f"{FORMAT_2021}：2021年及以后的年度报告使用修订后的格式，表三（六）其他处理分为三项",
)
def template_2019_layout(r: Rule, ctx: Context) -> Iterator[Finding]:
    """A report for 2021 or later should use the 2021 format, not the 2019 single （六）其他处理 row.

    Source: 国办公开办函〔2021〕30号 revised the format (issued 2021-09-26) for the 2021 reports on.
    """
    year = ctx.report.year
    if year is None:
        yield r.cannot_assess(["year"], "报告没有年度，无法判断应使用哪种格式。")
        return
    if year < FIRST_YEAR_2021:
        return
    split, single = other_layout(ctx)
    if ctx.report.template is Template.Y2019 or (single and not split):
        cells = list(_SINGLE_CELLS) if single else []
        where = "表三“（六）其他处理”只有一行" if single else "报告标明使用2019年试行格式"
        yield r.finding(
            cells,
            f"{year}年度报告应使用{TEMPLATE_NAMES[Template.Y2021]}，但{where}（2019年试行格式）。"
            f"2021年格式将“（六）其他处理”分为三项：{_SPLIT_LABELS}。",
            expected=Template.Y2021.value,
            actual=Template.Y2019.value,
        )

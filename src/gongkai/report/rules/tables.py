"""Rules on the tables' own arithmetic (表二、表三、表四).

Table 3's 勾稽关系 is printed in the table itself; the row and total sums follow from the table's
structure (see ../shared/reference/annual-report-format.md, "由表结构推导的校验规则"). All of them
are errors: a published table that does not add up is wrong whatever the narrative says.

Which outcome rows make up （七）总计 depends on the layout the report actually uses: the three
（六） sub-rows of the 2021 format, or the single （六）其他处理 row of the 2019 trial format (which
some reports for 2021 and later kept, e.g. corpus 002/003). Whichever rows carry values are summed;
when neither does, the template's own rows are expected and reported missing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from itertools import chain
from operator import attrgetter
from typing import cast

from gongkai.report import arithmetic
from gongkai.report.model import (
    OTHER_SINGLE_KEY,
    OTHER_SPLIT_KEYS,
    TABLE2_DECISION_ROWS,
    TABLE2_DOCUMENT_ROWS,
    TABLE3_COLUMN_KEYS,
    TABLE3_COLUMNS,
    TABLE3_ROW_BY_KEY,
    TABLE4_FIELD_KEYS,
    TABLE4_GROUP_KEYS,
    TABLE4_GROUPS,
    AnnualReport,
    ApplicantCounts,
    RowSpec,
)
from gongkai.report.rules.finding import Finding, Severity, Value
from gongkai.report.rules.registry import Context, Rule, name_cells, rule

FORMAT_2021 = "国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》"

COLUMN_LABEL = {c.key: c.label for c in TABLE3_COLUMNS}
_EMPTY = ApplicantCounts()
_PATH3 = {(row, col): f"table3.{row}.{col}" for row in TABLE3_ROW_BY_KEY for col in TABLE3_COLUMN_KEYS}


def row_name(spec: RowSpec) -> str:
    """A row's label as a clerk reads it, e.g. ``（三）不予公开1.属于国家秘密``."""
    return "".join(spec.labels[1:]) if len(spec.labels) > 1 else spec.labels[0]


_DOC_FIELDS = ("issued", "abolished", "in_force")
_DECISION_KEYS = tuple(k for k, *_ in TABLE2_DECISION_ROWS)
#: attrgetter returns a whole row as a tuple in C: the hot path of every table rule.
_ROW = attrgetter(*TABLE3_COLUMN_KEYS)
_GROUP = attrgetter(*TABLE4_FIELD_KEYS)
_DOCS = attrgetter(*_DOC_FIELDS)
_DECISIONS = attrgetter(*_DECISION_KEYS)
_ALL_BLANK = (None,) * len(TABLE3_COLUMN_KEYS)
_ROW_PATHS = {row: tuple(_PATH3[row, c] for c in TABLE3_COLUMN_KEYS) for row in TABLE3_ROW_BY_KEY}
_GROUP_PATHS = {g: tuple(f"table4.{g}.{n}" for n in TABLE4_FIELD_KEYS) for g in TABLE4_GROUP_KEYS}
_DOC_PATHS = {k: tuple(f"table2.{k}.{n}" for n in _DOC_FIELDS) for k, _ in TABLE2_DOCUMENT_ROWS}
_DECISION_PATHS = tuple(f"table2.{k}" for k in _DECISION_KEYS)


_BALANCE_KEYS = arithmetic.BALANCE_KEYS
_BALANCE_PATHS = tuple(tuple(_PATH3[k, col] for k in _BALANCE_KEYS) for col in TABLE3_COLUMN_KEYS)


@rule(
    "T3-BALANCE",
    Severity.ERROR,
    f"{FORMAT_2021} 表三：本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和",
)
def t3_balance(r: Rule, ctx: Context) -> Iterator[Finding]:
    """一、本年新收 + 二、上年结转 = 三（七）总计 + 四、结转下年度继续办理, in every column.

    Source: the 勾稽关系 note printed in table 3 of the national format.
    """

    def check(col: str, paths: Sequence[str], values: tuple[int, ...]) -> Finding | None:
        a, b, c, d = values
        if arithmetic.balance_holds(a, b, c, d):
            return None
        return r.finding(
            paths,
            f"表三“{COLUMN_LABEL[col]}”列不符合勾稽关系：一、本年新收加二、上年结转为 {a + b}，"
            f"三（七）总计加四、结转下年度继续办理为 {c + d}，两者应相等。"
            f"相关单元格：{name_cells(zip(paths, values, strict=True))}。",
            expected=a + b,
            actual=c + d,
        )

    rows = ctx.report.table3.rows
    table = [_ROW(rows.get(k, _EMPTY)) for k in _BALANCE_KEYS]
    columns = zip(TABLE3_COLUMN_KEYS, _BALANCE_PATHS, zip(*table, strict=True), strict=True)
    yield from r.where_complete(columns, check, "表三勾稽关系")


@rule("T3-TOTAL-SUM", Severity.ERROR, f"{FORMAT_2021} 表三：（七）总计为（一）至（六）各项办理结果之和")
def t3_total_sum(r: Rule, ctx: Context) -> Iterator[Finding]:
    """三（七）总计 = the sum of all outcome rows of the layout the report uses, in every column.

    Source: the structure of table 3 (（七）总计 is its only total row; annual-report-format.md).
    """
    rows = ctx.report.table3.rows
    outcomes = outcome_rows(ctx)

    def check(col: str, paths: Sequence[str], values: tuple[int, ...]) -> Finding | None:
        total, *counts = values
        counted = sum(counts)
        if counted == total:
            return None
        nonzero = "、".join(
            f"{row_name(TABLE3_ROW_BY_KEY[k])} {v}" for k, v in zip(outcomes, counts, strict=True) if v
        )
        return r.finding(
            paths,
            f"表三“{COLUMN_LABEL[col]}”列：各项办理结果之和为 {counted}，"
            f"但{name_cells([(paths[0], total)])}。"
            f"该列非零的办理结果：{nonzero or '无'}。",
            expected=counted,
            actual=total,
        )

    columns = zip(*(_ROW(rows.get(k, _EMPTY)) for k in ("total", *outcomes)), strict=True)
    items = (
        (col, (_PATH3["total", col], *(_PATH3[k, col] for k in outcomes)), values)
        for col, values in zip(TABLE3_COLUMN_KEYS, columns, strict=True)
    )
    yield from r.where_complete(items, check, "表三（七）总计的核对")


_ROW_WHERE = {key: f"表三“{row_name(spec)}”行" for key, spec in TABLE3_ROW_BY_KEY.items()}


def _sums(
    r: Rule,
    items: Iterable[tuple[str, tuple[str, ...], tuple[int | None, ...]]],
    parts_name: str,
    total_name: str,
    what: str,
) -> Iterator[Finding]:
    """For each (where, paths, values): the last value is the sum of the others, or a finding."""

    def check(where: str, paths: Sequence[str], values: tuple[int, ...]) -> Finding | None:
        parts = sum(values[:-1])
        if parts == values[-1]:
            return None
        return r.finding(
            paths,
            f"{where}：{parts_name}之和为 {parts}，但{total_name}为 {values[-1]}。"
            f"相关单元格：{name_cells(zip(paths, values, strict=True))}。",
            expected=parts,
            actual=values[-1],
        )

    yield from r.where_complete(items, check, what)


@rule("T3-ROW-SUM", Severity.ERROR, f"{FORMAT_2021} 表三：申请人情况“总计”列为自然人与法人或其他组织各列之和")
def t3_row_sum(r: Rule, ctx: Context) -> Iterator[Finding]:
    """In every row: 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他.

    Source: the header of table 3 (申请人情况: 自然人, 法人或其他组织 (five columns), 总计).
    An all-blank row is an absent row (e.g. corpus 002's 2021 （六） sub-rows), not a missing one.
    """
    rows = [(key, _ROW(row)) for key, row in ctx.report.table3.rows.items()]
    # Only rows with a blank cell or a wrong sum need a closer look (``or`` keeps sum() off blanks).
    suspects = [(k, v) for k, v in rows if None in v or not arithmetic.row_balances(v)]
    items = ((_ROW_WHERE[k], _ROW_PATHS[k], v) for k, v in suspects if v != _ALL_BLANK)
    yield from _sums(r, items, "自然人与法人或其他组织各列", "“总计”列", "表三行合计的核对")


@rule(
    "T4-GROUP-SUM",
    Severity.ERROR,
    f"{FORMAT_2021} 表四：每组“总计”为结果维持、结果纠正、其他结果、尚未审结之和",
)
def t4_group_sum(r: Rule, ctx: Context) -> Iterator[Finding]:
    """For 行政复议 and both 行政诉讼 groups: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.

    Source: the structure of table 4 of the national format (annual-report-format.md).
    """
    table4 = ctx.report.table4
    items = ((f"表四“{label}”", _GROUP_PATHS[key], _GROUP(table4.group(key))) for key, label in TABLE4_GROUPS)
    yield from _sums(r, items, "结果维持、结果纠正、其他结果、尚未审结", "“总计”", "表四合计的核对")


def _filled(rows: Mapping[str, ApplicantCounts], key: str) -> bool:
    """The report shows row ``key`` with at least one value (``Table3.has_row``, on the hot path)."""
    row = rows.get(key)
    return row is not None and _ROW(row) != _ALL_BLANK


def other_layout(ctx: Context) -> tuple[bool, bool]:
    """(the 2021 （六） sub-rows carry values, the 2019 single （六） row carries values), once per check."""
    layout: tuple[bool, bool] | None = ctx.memo.get("other_layout")
    if layout is None:
        rows = ctx.report.table3.rows
        layout = (any(_filled(rows, k) for k in OTHER_SPLIT_KEYS), _filled(rows, OTHER_SINGLE_KEY))
        ctx.memo["other_layout"] = layout
    return layout


def outcome_rows(ctx: Context) -> tuple[str, ...]:
    """The outcome rows whose sum is （七）总计: （一）至（五） and the （六） rows the report fills in.

    Those are the 2021 sub-rows, the 2019 single row, or both (then both are summed and
    TEMPLATE-DETECT warns); when neither carries values, the template's own rows (reported missing).
    """
    split, single = other_layout(ctx)
    return arithmetic.outcome_keys(ctx.report.template, split, single)


def _count_groups(report: AnnualReport) -> Iterator[tuple[tuple[str, ...], tuple[int | None, ...]]]:
    """Every count cell (all but the fee) as (paths, values) per row or group."""
    t2 = report.table2
    for key, _ in TABLE2_DOCUMENT_ROWS:
        yield _DOC_PATHS[key], _DOCS(t2.documents(key))
    yield _DECISION_PATHS, _DECISIONS(t2)
    for row_key, row in report.table3.rows.items():
        yield _ROW_PATHS[row_key], _ROW(row)
    for group_key, group in report.table4.groups():
        yield _GROUP_PATHS[group_key], _GROUP(group)


@rule("CELL-NONNEG", Severity.ERROR, f"{FORMAT_2021} 表二至表四：件数、决定数量和申请数量均为非负整数")
def cell_nonneg(r: Rule, ctx: Context) -> Iterator[Finding]:
    """Every count in tables 2, 3 and 4 is non-negative.

    Source: the tables count documents, decisions, applications and cases (件/数量). That they are
    integers is guaranteed earlier: the model types them ``int`` and the JSON reader refuses anything
    else with the cell's path, so this rule checks the sign (negative numbers are valid JSON).
    """
    groups = list(_count_groups(ctx.report))
    every = tuple(chain.from_iterable(values for _, values in groups))
    if None not in every and min(cast(tuple[int, ...], every)) >= 0:
        return  # the common case (every cell filled in, none negative), decided in C
    seen = False
    for paths, values in groups:
        for path, value in zip(paths, values, strict=True):
            if value is None:
                continue
            seen = True
            if value < 0:
                yield r.finding(
                    [path], f"{name_cells([(path, value)])}：件数不能为负数。", expected=None, actual=value
                )
    if not seen:
        yield r.cannot_assess([], "表二、表三、表四没有任何数字。")


@rule("FEES-NONNEG", Severity.ERROR, f"{FORMAT_2021} 表二 第二十条第（八）项：本年收费金额（单位：万元）")
def fees_nonneg(r: Rule, ctx: Context) -> Iterator[Finding]:
    """行政事业性收费 本年收费金额 is a non-negative amount in 万元.

    Source: table 2, 第二十条第（八）项 (本年收费金额（单位：万元）).
    """
    path = "table2.fees_10k_yuan"
    fees = ctx.report.table2.fees_10k_yuan
    if fees is None:
        yield r.missing_cells([path], "收费金额的核对")
        return
    if not isinstance(fees, Decimal) or not fees.is_finite() or fees < 0:
        shown: Value = fees if isinstance(fees, Decimal) and fees.is_finite() else str(fees)
        yield r.finding(
            [path], f"{name_cells([(path, shown)])}：收费金额应为非负数（单位：万元）。", actual=shown
        )

"""The tables' own arithmetic (勾稽关系), written once for the rules and the reader.

Legal basis: 国办公开办函〔2021〕30号 (and the 2019 trial format 国办公开办函〔2019〕60号), table 3's
printed note "本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和", and the tables'
structure: a row's 总计 is the sum of its six applicant columns, （七）总计 the sum of the outcome
rows, a table-4 group's 总计 the sum of its four results.

The rules (``gongkai.report.rules.tables``) report where a published table breaks these; the
reader (``gongkai.report.read``) uses them to split digits that a copy ran together. Which
outcome rows make up （七）总计 depends on the （六） layout the report uses
(``other_rows``, the one place that merges the 2019 single row).
"""

from __future__ import annotations

from collections.abc import Sequence

from gongkai.report.model import (
    OTHER_SINGLE_KEY,
    OTHER_SPLIT_KEYS,
    TABLE3_ROW_BY_KEY,
    TABLE3_ROWS,
    TABLE4_FIELD_KEYS,
    RowKind,
    RowSpec,
    Template,
)

#: Outcome rows that every layout has: （一）至（五）.
FIXED_OUTCOME_KEYS: tuple[str, ...] = tuple(
    r.key
    for r in TABLE3_ROWS
    if r.kind is RowKind.OUTCOME and r.key not in OTHER_SPLIT_KEYS and r.key != OTHER_SINGLE_KEY
)


def other_rows(template: Template, split_filled: bool, single_filled: bool) -> tuple[str, ...]:
    """The （六）其他处理 rows a report uses: the one place that merges the 2019 single row.

    The 2021 format splits （六） into three sub-rows; the 2019 trial format has one row, and some
    reports for 2021 and later kept it (corpus 002, 003). The rows that carry values decide; a
    report that fills both has both (the rules sum both and TEMPLATE-DETECT warns); a report that
    fills neither has its template's own rows.
    """
    if split_filled and single_filled:
        return (*OTHER_SPLIT_KEYS, OTHER_SINGLE_KEY)
    if split_filled:
        return OTHER_SPLIT_KEYS
    if single_filled:
        return (OTHER_SINGLE_KEY,)
    return tuple(
        k for k in (*OTHER_SPLIT_KEYS, OTHER_SINGLE_KEY) if template in TABLE3_ROW_BY_KEY[k].templates
    )


def counted_in(row: str, template: Template) -> tuple[str, ...]:
    """The rows whose figures ``row`` of ``template`` holds: the 2019 format's single （六）其他处理
    row holds those of the three 2021 sub-rows too; every other row only its own."""
    if template is Template.Y2019 and row == OTHER_SINGLE_KEY:
        return (OTHER_SINGLE_KEY, *OTHER_SPLIT_KEYS)
    return (row,)


def table3_layout(template: Template, split_filled: bool, single_filled: bool) -> tuple[RowSpec, ...]:
    """The rows of table 3 a report shows, in the official order, with the （六） rows of ``other_rows``."""
    other = set(other_rows(template, split_filled, single_filled))
    return tuple(
        r
        for r in TABLE3_ROWS
        if r.key in other or (r.key not in OTHER_SPLIT_KEYS and r.key != OTHER_SINGLE_KEY)
    )


#: The four rows of the balance note: 一 + 二 = 三（七） + 四.
BALANCE_KEYS: tuple[str, str, str, str] = ("new", "carried", "total", "carry_next")
GROUP_WIDTH = len(TABLE4_FIELD_KEYS)


def row_balances(values: Sequence[int]) -> bool:
    """The last value is the sum of the others (a table-3 row, a table-4 group)."""
    return sum(values[:-1]) == values[-1]


def groups_balance(values: Sequence[int]) -> bool:
    """Every table-4 group of five values (four results, then 总计) balances."""
    return all(row_balances(values[g : g + GROUP_WIDTH]) for g in range(0, len(values), GROUP_WIDTH))


def balance_holds(new: int, carried: int, total: int, carry_next: int) -> bool:
    """一、本年新收 + 二、上年结转 = 三（七）总计 + 四、结转下年度继续办理 (one column)."""
    return new + carried == total + carry_next


def outcome_keys(template: Template, split_filled: bool, single_filled: bool) -> tuple[str, ...]:
    """The outcome rows whose sum is （七）总计: （一）至（五） and the （六） rows the report uses."""
    return FIXED_OUTCOME_KEYS + other_rows(template, split_filled, single_filled)


#: What the reader says of a table-3 row printed as one run of digits that no split makes add up to
#: its own 总计 (``read.glued``); rule T3-ROW-GLUED reports such rows (``rules.glued_rows``).
UNSPLITTABLE_ROW = "无法拆分为满足行合计的 7 个数"
#: The same of table 4's fifteen figures printed as one run that no split makes satisfy every
#: group's 总计 (``read.table4``); rule T4-GLUED reports it (``rules.glued_rows``).
UNSPLITTABLE_TABLE4 = "且无法按各组合计拆分"

"""The tables' own arithmetic (勾稽关系), written once for the rules and the reader.

Legal basis: 国办公开办函〔2021〕30号 (and the 2019 trial format 国办公开办函〔2019〕60号), table 3's
printed note "本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和", and the tables'
structure: a row's 总计 is the sum of its six applicant columns, （七）总计 the sum of the outcome
rows, a table-4 group's 总计 the sum of its four results.

The rules (``gongkai.report.rules.tables``) report where a published table breaks these; the
reader (``gongkai.report.read``) uses them to split digits that a copy ran together. Which
outcome rows make up （七）总计 depends on the （六） layout the report uses
(``gongkai.report.model.other_rows``).
"""

from __future__ import annotations

from collections.abc import Sequence

from gongkai.report.model import FIXED_OUTCOME_KEYS, TABLE4_FIELD_KEYS, Template, other_rows

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

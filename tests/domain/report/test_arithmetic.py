"""The table arithmetic and the layout helpers shared by the reader, the rules and the renderers."""

from __future__ import annotations

import pytest

from gongkai.report import arithmetic
from gongkai.report.arithmetic import FIXED_OUTCOME_KEYS, counted_in, other_rows, table3_layout
from gongkai.report.model import (
    DENY_GROUP,
    OTHER_SINGLE_KEY,
    OTHER_SPLIT_KEYS,
    RowKind,
    Template,
    table3_row_keys,
    table3_rows_for,
)


@pytest.mark.parametrize(
    ("year", "template"),
    [(2019, Template.Y2019), (2020, Template.Y2019), (2021, Template.Y2021), (2030, Template.Y2021)],
)
def test_template_for_year(year: int, template: Template) -> None:
    assert Template.for_year(year) is template


def test_other_rows_follow_what_the_report_fills() -> None:
    assert other_rows(Template.Y2021, False, False) == OTHER_SPLIT_KEYS
    assert other_rows(Template.Y2019, False, False) == (OTHER_SINGLE_KEY,)
    assert other_rows(Template.Y2021, False, True) == (OTHER_SINGLE_KEY,)
    assert other_rows(Template.Y2019, True, False) == OTHER_SPLIT_KEYS
    assert other_rows(Template.Y2021, True, True) == (*OTHER_SPLIT_KEYS, OTHER_SINGLE_KEY)


def test_the_2019_single_other_row_holds_the_three_2021_sub_rows() -> None:
    """The figures the web tables and the oversight sums put in a row: one place for the merge."""
    assert counted_in(OTHER_SINGLE_KEY, Template.Y2019) == (OTHER_SINGLE_KEY, *OTHER_SPLIT_KEYS)
    assert counted_in(OTHER_SINGLE_KEY, Template.Y2021) == (OTHER_SINGLE_KEY,)
    assert counted_in(OTHER_SPLIT_KEYS[0], Template.Y2019) == (OTHER_SPLIT_KEYS[0],)
    assert counted_in("granted", Template.Y2019) == ("granted",)


def test_layout_keeps_the_official_order() -> None:
    assert table3_layout(Template.Y2021, False, False) == table3_rows_for(Template.Y2021)
    assert table3_layout(Template.Y2019, False, False) == table3_rows_for(Template.Y2019)
    assert table3_layout(Template.Y2021, False, True) == table3_rows_for(Template.Y2019)


def test_outcome_keys_sum_to_total() -> None:
    keys = arithmetic.outcome_keys(Template.Y2021, False, True)
    assert keys == (*FIXED_OUTCOME_KEYS, OTHER_SINGLE_KEY)
    assert "total" not in keys and "new" not in keys


def test_row_and_group_sums() -> None:
    assert arithmetic.row_balances((1, 2, 0, 0, 0, 0, 3))
    assert not arithmetic.row_balances((1, 2, 0, 0, 0, 0, 4))
    assert arithmetic.groups_balance((1, 0, 2, 0, 3, 0, 0, 0, 0, 0))
    assert not arithmetic.groups_balance((1, 0, 2, 0, 3, 0, 0, 0, 1, 0))
    assert arithmetic.balance_holds(64, 0, 63, 1)
    assert not arithmetic.balance_holds(64, 0, 63, 0)


def test_row_keys_by_group_and_kind() -> None:
    assert table3_row_keys(groups=(DENY_GROUP,))[0] == "deny_secret"
    assert len(table3_row_keys(groups=(DENY_GROUP,))) == 8
    assert table3_row_keys(Template.Y2021, kind=RowKind.INTAKE) == ("new", "carried")
    assert OTHER_SINGLE_KEY not in table3_row_keys(Template.Y2021)

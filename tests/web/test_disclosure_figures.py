"""Table 2 out of the catalogue and the decision lists (条例 第二十条), across year boundaries."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from disclosuretesting import make_item, publish, science_catalogue
from gongkai.report.model import DocumentCounts, Table2
from gongkai.web.disclosure import actions, figures
from gongkai.web.disclosure import vocabulary as v
from gongkai.web.disclosure.models import Decision

__all__ = ["make_item", "publish", "science_catalogue"]

pytestmark = pytest.mark.django_db

N = v.DocType.NORMATIVE


@pytest.fixture
def documents(make_item: Any, people: Any) -> dict[str, Any]:
    """行政规范性文件 of 科技局 with lives across 2022-2024."""

    def doc(written: date, abolished: date | None = None, amended: date | None = None) -> Any:
        item = make_item(
            written_on=written, doc_type=N, category="行政规范性文件", title=f"规范性文件{written}"
        )
        if amended:
            actions.do_record_life_event(item, "amended", amended, "修改决定", acting_user=people["clerk"])
        if abolished:
            actions.do_record_life_event(
                item, "abolished", abolished, "废止决定", acting_user=people["clerk"]
            )
        return item

    return {
        # Issued 2022, abolished on the last day of 2023: out of force at the end of 2023.
        "a": doc(date(2022, 6, 1), abolished=date(2023, 12, 31)),
        # Issued 2022, abolished 1 January 2024: still in force at the end of 2023.
        "b": doc(date(2022, 7, 1), abolished=date(2024, 1, 1)),
        # Issued on the last day of 2023, amended in 2024 (amending does not change the counts).
        "c": doc(date(2023, 12, 31), amended=date(2024, 3, 1)),
        # Issued 1 January 2024.
        "d": doc(date(2024, 1, 1)),
        # A 规章 and an ordinary document do not count as 行政规范性文件.
        "r": make_item(written_on=date(2023, 5, 1), doc_type=v.DocType.REGULATION, category="规章"),
        "o": make_item(written_on=date(2023, 5, 1)),
    }


@pytest.mark.parametrize(
    ("year", "issued", "abolished", "in_force"),
    [
        # 2022: a and b issued, both in force at year end.
        (2022, 2, 0, 2),
        # 2023: c issued on 31 Dec, a abolished on 31 Dec -> in force b, c.
        (2023, 1, 1, 2),
        # 2024: d issued 1 Jan, b abolished 1 Jan -> in force c, d.
        (2024, 1, 1, 2),
        # 2021: nothing yet.
        (2021, 0, 0, 0),
    ],
)
def test_normative_document_counts_across_year_boundaries(
    documents: Any, agencies: Any, year: int, issued: int, abolished: int, in_force: int
) -> None:
    counts = figures.document_counts(agencies["science"], N, year)
    assert counts == DocumentCounts(issued=issued, abolished=abolished, in_force=in_force)


@pytest.mark.parametrize(
    ("day", "in_force"),
    [
        (date(2022, 5, 31), 0),  # before the first
        (date(2023, 12, 30), 2),  # a and b
        (date(2023, 12, 31), 2),  # a abolished that day, c issued that day
        (date(2024, 1, 1), 2),  # b abolished, d issued
    ],
)
def test_number_in_force_on_any_date(documents: Any, agencies: Any, day: date, in_force: int) -> None:
    assert figures.in_force_on(agencies["science"], N, day) == in_force


def test_table2_is_the_catalogue_plus_decisions_and_entered_figures(
    documents: Any, agencies: Any, people: Any
) -> None:
    science = agencies["science"]
    for i, day in enumerate([date(2022, 12, 31), date(2023, 1, 1), date(2023, 12, 31), date(2024, 1, 1)]):
        Decision.objects.create(agency=science, kind="licensing", decided_on=day, number=f"许{i}")
    Decision.objects.create(agency=science, kind="penalty", decided_on=date(2023, 6, 1), number="罚1")
    Decision.objects.create(
        agency=science, kind="fee", decided_on=date(2023, 6, 1), number="费1", amount=Decimal("12345.60")
    )
    Decision.objects.create(
        agency=science, kind="fee", decided_on=date(2023, 7, 1), number="费2", amount=Decimal("4.40")
    )
    # Entered: 3 coercion decisions in 2023 (no list); an entered figure replaces the list count.
    actions.do_set_figure(science, 2023, "coercion", Decimal(3), acting_user=people["clerk"])
    actions.do_set_figure(science, 2023, "penalty", Decimal(7), acting_user=people["clerk"])
    table = figures.table2_for(science, 2023)
    assert table == Table2(
        regulations=DocumentCounts(issued=1, abolished=0, in_force=1),
        normative_documents=DocumentCounts(issued=1, abolished=1, in_force=2),
        licensing=2,
        penalty=7,
        coercion=3,
        fees_10k_yuan=Decimal("1.235"),
    )
    # Removing the entered figure falls back to the list.
    actions.do_set_figure(science, 2023, "penalty", None, acting_user=people["clerk"])
    assert figures.table2_for(science, 2023).penalty == 1


def test_another_agencys_documents_do_not_count(documents: Any, agencies: Any) -> None:
    assert figures.table2_for(agencies["finance"], 2023).normative_documents == DocumentCounts(0, 0, 0)

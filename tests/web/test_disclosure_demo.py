"""The demo catalogue agrees with what the demo agencies' reports state."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest

from gongkai.report.model import DocumentCounts, Table2
from gongkai.web.accounts.models import Agency
from gongkai.web.applications.models import Application
from gongkai.web.disclosure import figures, queues
from gongkai.web.disclosure.models import Item
from gongkai.web.portal import search
from webtesting import DemoCity, demo_module


@pytest.fixture(scope="module")
def demo(demo_city: DemoCity, django_db_blocker: object) -> Iterator[list[tuple[str, str, str]]]:
    yield from demo_module(django_db_blocker, demo_city)


@pytest.mark.django_db
def test_science_2023_matches_its_published_report(demo: object) -> None:
    science = Agency.objects.get(name="平湖市科学技术局")
    # The expected table 2 of corpus/000 (平湖市科学技术局 2023年度报告).
    assert figures.table2_for(science, 2023) == Table2(
        regulations=DocumentCounts(0, 0, 0),
        normative_documents=DocumentCounts(issued=1, abolished=1, in_force=6),
        licensing=0,
        penalty=0,
        coercion=0,
        fees_10k_yuan=Decimal(0),
    )
    # "全年共通过各渠道发布政府信息150余条".
    assert 150 <= figures.publications_in(science, 2023)["total"] < 160
    # "2023年收到依申请公开申请事项0件": no application received in 2023, none carried into it.
    in_2023 = Application.objects.filter(agency=science, received_on__year=2023)
    carried = Application.objects.filter(agency=science, received_on__lt=date(2023, 1, 1))
    assert not in_2023.exists() and not carried.exists()
    # The other years of the same agency do have applications (the exception is that one year).
    assert Application.objects.filter(agency=science, received_on__year=2024).exists()


@pytest.mark.django_db
def test_demo_desk_has_overdue_work_and_the_portal_is_searchable(demo: object) -> None:
    science = Agency.objects.get(name="平湖市科学技术局")
    states = {r.state for r in queues.due_items([science.pk], date(2026, 11, 27))}
    assert queues.DueState.OVERDUE in states
    assert any(r.overdue for r in queues.ledger([science.pk], date(2026, 11, 27)))
    assert search.search(search.Query.parse("科技创新券管理办法")).total >= 2
    assert Item.objects.filter(agency=science, written_on__year=2024).count() >= 40

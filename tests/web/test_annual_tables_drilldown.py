"""The drill-down page behind a report cell (annual:cell): records, masking, permissions."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.urls import reverse
from test_annual_tables import make_appeal, make_application

from gongkai.web.annual import drilldown
from gongkai.web.disclosure.models import Decision, YearFigure

pytestmark = pytest.mark.django_db


def _page(client: Any, agency: Any, year: int, path: str) -> Any:
    return client.get(reverse("annual:cell", args=[agency.pk, year, path]))


def test_cell_url_only_for_listable_cells(agencies: dict[str, Any]) -> None:
    science = agencies["science"]
    assert drilldown.cell_url(science, 2026, "table3.granted.natural") == (
        f"/work/annual/{science.pk}/2026/cell/table3.granted.natural/"
    )
    assert drilldown.cell_url(science, 2026, "table3.granted.martian") is None


def test_table3_cell_lists_its_applications_masked(
    client: Any, people: dict[str, Any], agencies: dict[str, Any]
) -> None:
    science = agencies["science"]
    granted = make_application(science, date(2025, 12, 31), closed=date(2026, 1, 2), resolution="granted")
    make_application(
        science, date(2026, 3, 2), closed=date(2026, 3, 9), resolution="granted", applicant_type="commercial"
    )
    make_application(science, date(2026, 3, 2), closed=date(2026, 3, 9), resolution="deny_secret")
    client.force_login(people["supervisor"])
    page = _page(client, science, 2026, "table3.granted.natural").content.decode()
    assert "共 1 条记录" in page and granted.number in page
    assert "张*" in page and "张三" not in page
    assert "（一）予以公开" in page and "表三“（一）予以公开”行“自然人”列" in page
    assert "共 2 条记录" in _page(client, science, 2026, "table3.granted.total").content.decode()
    assert "共 1 条记录" in _page(client, science, 2026, "table3.carried.total").content.decode()
    assert "没有对应的记录" in _page(client, science, 2027, "table3.carried.total").content.decode()


def test_table4_cell_and_result_at_year_end(
    client: Any, people: dict[str, Any], agencies: dict[str, Any]
) -> None:
    science = agencies["science"]
    make_appeal(science, date(2025, 11, 3), result="upheld", decided_on=date(2026, 2, 1), case_number="复-1")
    client.force_login(people["clerk"])
    page = _page(client, science, 2025, "table4.reconsideration.pending").content.decode()
    assert "复-1" in page and "尚未审结" in page
    assert "复-1" in _page(client, science, 2026, "table4.reconsideration.upheld").content.decode()


def test_table2_decisions_and_entered_figure_note(
    client: Any, people: dict[str, Any], agencies: dict[str, Any]
) -> None:
    science = agencies["science"]
    Decision.objects.create(
        agency=science, kind="penalty", decided_on=date(2026, 5, 1), number="平科罚〔2026〕1号"
    )
    client.force_login(people["clerk"])
    page = _page(client, science, 2026, "table2.penalty").content.decode()
    assert "平科罚〔2026〕1号" in page and "填报的年度数" not in page
    YearFigure.objects.create(agency=science, year=2026, kind="penalty", value=3)
    assert "填报的年度数" in _page(client, science, 2026, "table2.penalty").content.decode()


def test_permissions_and_unknown_cells(client: Any, people: dict[str, Any], agencies: dict[str, Any]) -> None:
    science = agencies["science"]
    client.force_login(people["outsider"])
    assert _page(client, science, 2026, "table3.new.total").status_code == 403
    client.force_login(people["finance_clerk"])
    assert _page(client, science, 2026, "table3.new.total").status_code == 403
    client.force_login(people["supervisor"])  # the office above the agency
    assert _page(client, science, 2026, "table3.new.total").status_code == 200
    assert _page(client, science, 2026, "table3.nothing.total").status_code == 404
    client.logout()
    assert _page(client, science, 2026, "table3.new.total").status_code == 302


def test_pages_of_a_large_cell(client: Any, people: dict[str, Any], agencies: dict[str, Any]) -> None:
    science = agencies["science"]
    for _ in range(drilldown.PAGE_SIZE + 1):
        make_application(science, date(2026, 3, 2))
    client.force_login(people["clerk"])
    first = _page(client, science, 2026, "table3.new.total").content.decode()
    assert "共 101 条记录（第 1 / 2 页）" in first and "下一页" in first
    second = client.get(reverse("annual:cell", args=[science.pk, 2026, "table3.new.total"]) + "?page=2")
    assert "上一页" in second.content.decode()

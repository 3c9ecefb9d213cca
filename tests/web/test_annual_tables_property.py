"""Property test (issue 8 "Done when"): for random records over several years, the report built
from report_tables passes every error rule of the core, cross-year included, and every cell equals
an independent count of the records done here in Python (the test's own oracle).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.report.model import (
    TABLE3_APPLICANT_KEYS,
    TABLE4_GROUP_KEYS,
    AnnualReport,
    RowKind,
    Template,
    table3_rows_for,
)
from gongkai.report.rules import Severity, check
from gongkai.web.annual import tables
from gongkai.web.appeals.models import Appeal
from gongkai.web.applications.models import Application
from webtesting import row_applicant

pytestmark = pytest.mark.django_db

START = date(2024, 1, 1)
YEARS = (2024, 2025, 2026)
OUTCOME_KEYS = [r.key for r in table3_rows_for(Template.Y2021) if r.kind is RowKind.OUTCOME]
_numbers = itertools.count(1)


@dataclass(frozen=True)
class AppSpec:
    received: date
    closed: date | None
    resolution: str
    applicant_type: str


@dataclass(frozen=True)
class AppealSpec:
    group: str
    filed: date
    decided: date | None
    result: str


def _day(offset: int) -> date:
    return START + timedelta(days=offset)


#: Dates near the year ends, where carry-over is decided, drawn often on purpose.
BOUNDARIES = [date(y, 12, d) for y in range(2023, 2027) for d in (30, 31)] + [
    date(y, 1, d) for y in range(2024, 2028) for d in (1, 2)
]
days = st.one_of(st.integers(0, 3 * 365).map(_day), st.sampled_from(BOUNDARIES))


def _later(start: date, end: date | None) -> date | None:
    """An end date on or after ``start`` (records never end before they begin)."""
    return None if end is None else max(start, end)


applications = st.builds(
    lambda received, closed, res, kind: AppSpec(
        received, _later(received, closed), res if closed is not None else "", kind
    ),
    days,
    st.one_of(st.none(), days),
    st.sampled_from(OUTCOME_KEYS),
    st.sampled_from(TABLE3_APPLICANT_KEYS),
)
appeals = st.builds(
    lambda g, filed, decided, res: AppealSpec(g, filed, _later(filed, decided), res),
    st.sampled_from(TABLE4_GROUP_KEYS),
    days,
    st.one_of(st.none(), days),
    st.sampled_from(["upheld", "corrected", "other"]),
)


def _store(agency: Any, apps: list[AppSpec], cases: list[AppealSpec]) -> None:
    now = timezone.now()
    rows = []
    for spec in apps:
        n = next(_numbers)
        rows.append(
            Application(
                agency=agency,
                year=spec.received.year,
                serial=n,
                number=f"P-{n}",
                query_code_hash="x",
                applicant_type=spec.applicant_type,
                description="随机申请",
                **row_applicant(),
                submitted_at=now,
                received_on=spec.received,
                status="closed" if spec.closed else "in_progress",
                closed_on=spec.closed,
                resolution=spec.resolution,
            )
        )
    Application.objects.bulk_create(rows)
    Appeal.objects.bulk_create(
        Appeal(
            agency=agency,
            kind="reconsideration" if c.group == "reconsideration" else "litigation",
            after_reconsideration=c.group == "litigation_after_reconsideration",
            body="示例市人民政府",
            applicant_name="张三",
            act_on=c.filed,
            known_on=c.filed,
            filed_on=c.filed,
            result=c.result if c.decided else "pending",
            decided_on=c.decided,
        )
        for c in cases
    )


def _oracle_table3(apps: list[AppSpec], year: int) -> dict[tuple[str, str], int]:
    """Counts per (row, column) by the definitions, one record at a time."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    out: dict[tuple[str, str], int] = {}

    def add(row: str, column: str) -> None:
        for col in (column, "total"):
            out[(row, col)] = out.get((row, col), 0) + 1

    for a in apps:
        if first <= a.received <= last:
            add("new", a.applicant_type)
        if a.received < first and (a.closed is None or a.closed >= first):
            add("carried", a.applicant_type)
        if a.closed is not None and first <= a.closed <= last:
            add(a.resolution, a.applicant_type)
            add("total", a.applicant_type)
        if a.received <= last and (a.closed is None or a.closed > last):
            add("carry_next", a.applicant_type)
    return out


def _oracle_table4(cases: list[AppealSpec], year: int) -> dict[tuple[str, str], int]:
    first, last = date(year, 1, 1), date(year, 12, 31)
    out: dict[tuple[str, str], int] = {}
    for c in cases:
        if c.filed > last or (c.decided is not None and c.decided < first):
            continue
        result = c.result if c.decided is not None and c.decided <= last else "pending"
        for name in (result, "total"):
            out[(c.group, name)] = out.get((c.group, name), 0) + 1
    return out


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    apps=st.lists(applications, min_size=10, max_size=60),
    cases=st.lists(appeals, min_size=3, max_size=15),
)
def test_generated_reports_pass_rules_and_match_an_independent_count(
    agencies: dict[str, Any], apps: list[AppSpec], cases: list[AppealSpec]
) -> None:
    science = agencies["science"]
    with transaction.atomic():
        _store(science, apps, cases)
        previous: AnnualReport | None = None
        for year in (YEARS[0] - 1, *YEARS, YEARS[-1] + 1):
            t2, t3, t4 = tables.report_tables(science, year)
            report = AnnualReport(science.name, year, table2=t2, table3=t3, table4=t4)
            errors = [f for f in check(report, previous) if f.severity is Severity.ERROR]
            assert errors == [], (year, errors)
            expected3 = _oracle_table3(apps, year)
            for row, counts in t3.rows.items():
                for column, value in counts.items():
                    assert value == expected3.get((row, column), 0), (year, row, column)
            expected4 = _oracle_table4(cases, year)
            for group, results in t4.groups():
                for name, value in results.items():
                    assert value == expected4.get((group, name), 0), (year, group, name)
            if year == YEARS[1]:
                # The drill-down lists the same records as the counts (two columns are enough:
                # the applicant filter is the same for all six).
                listed = [
                    (path, value)
                    for path, value in report.cells()
                    if path.startswith("table4.")
                    or (path.startswith("table3.") and path.endswith((".total", ".natural")))
                ]
                for path, value in listed:
                    assert tables.cell_records(science, year, path).count() == value, path
            previous = report
        transaction.set_rollback(True)

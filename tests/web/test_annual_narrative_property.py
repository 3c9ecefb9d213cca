"""Property test (issue 17, point 10): the draft the system writes from a year's records passes
its own check -- no error at all and no warning from the narrative rules (SEC-*, TEXT-TABLE-*),
for random records whose answers are on time, overdue or without a due date on record."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_annual_tables_property import YEARS, AppealSpec, AppSpec, _store, appeals, applications

from gongkai.report.model import AnnualReport
from gongkai.report.rules import Severity, check
from gongkai.web.annual import narrative, tables
from gongkai.web.applications.models import Application

pytestmark = pytest.mark.django_db

#: Due date relative to the date received: none on record, or some days later (before or after
#: the case was closed, so that answers are on time and overdue).
due_offsets = st.one_of(st.none(), st.integers(0, 60))


def _narrative_rule(rule_id: str) -> bool:
    return rule_id.startswith(("SEC", "TEXT-"))


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    apps=st.lists(applications, min_size=5, max_size=30),
    cases=st.lists(appeals, max_size=8),
    offsets=st.lists(due_offsets, min_size=30, max_size=30),
)
def test_the_drafted_report_passes_its_own_narrative_rules(
    agencies: dict[str, Any], apps: list[AppSpec], cases: list[AppealSpec], offsets: list[int | None]
) -> None:
    science = agencies["science"]
    with transaction.atomic():
        _store(science, apps, cases)
        for app, offset in zip(
            Application.objects.filter(agency=science).order_by("pk"), offsets, strict=False
        ):
            app.due_on = None if offset is None else app.received_on + timedelta(days=offset)
            app.save(update_fields=["due_on"])
        previous: AnnualReport | None = None
        for year in YEARS:
            t2, t3, t4 = tables.report_tables(science, year)
            facts = tables.facts_for(science, year, computed=(t3, t4))
            sections = narrative.draft_sections(science.name, year, t2, t3, t4, facts)
            report = AnnualReport(science.name, year, table2=t2, table3=t3, table4=t4, sections=sections)
            findings = check(report, previous)
            errors = [f for f in findings if f.severity is Severity.ERROR]
            assert errors == [], (year, errors)
            warnings = [f for f in findings if f.severity is Severity.WARNING and _narrative_rule(f.rule)]
            assert warnings == [], (year, warnings, [s.text for s in sections])
            previous = report
        transaction.set_rollback(True)

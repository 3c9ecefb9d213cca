"""The demo city's annual reports: generated from its records and published (issue 8)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date

import pytest

from gongkai.report import rules
from gongkai.web.accounts.models import Agency
from gongkai.web.annual import actions
from gongkai.web.annual.models import AnnualReport, State, deadline_for
from testsupport import CORPUS, require
from webtesting import DemoCity, demo_module

TODAY = date(2026, 11, 27)
SAMPLE = "000_e8025cd57936e9f9.expected.json"


@pytest.fixture(scope="module")
def demo(demo_city: DemoCity, django_db_blocker: object) -> Iterator[list[tuple[str, str, str]]]:
    yield from demo_module(django_db_blocker, demo_city)


def _report(name: str, year: int, state: str = State.PUBLISHED) -> AnnualReport:
    return AnnualReport.objects.get(agency__name=name, year=year, state=state)


@pytest.mark.django_db
def test_science_2023_has_the_figures_of_its_real_published_report(demo: None) -> None:
    sample = CORPUS / SAMPLE
    require(sample.exists(), f"the reference corpus is not here ({sample})")
    expected = json.loads(sample.read_text("utf-8"))
    report = _report("平湖市科学技术局", 2023)
    for table in ("table2", "table3", "table4"):
        assert report.data[table] == expected[table], table


@pytest.mark.django_db
def test_every_finished_year_is_published_and_passes_the_checks(demo: None) -> None:
    staffed = Agency.objects.filter(memberships__role="clerk").distinct()
    for agency in staffed:
        for year in range(2023, TODAY.year):
            current = AnnualReport.objects.filter(agency=agency, year=year, state=State.PUBLISHED).first()
            if year == 2025 and agency.short_name in ("东湖镇", "西塘街道"):
                assert current is None
                continue
            assert current is not None, (agency.name, year)
            previous = actions.previous_published(agency.pk, year)
            found = rules.check(
                actions.report_of(current.data), actions.report_of(previous.data) if previous else None
            )
            assert [f.rule for f in found if f.severity == "error"] == [], (agency.name, year)
            assert set(current.files.values_list("fmt", flat=True)) == {"json", "docx", "pdf", "html"}


@pytest.mark.django_db
def test_the_city_is_not_perfect(demo: None) -> None:
    # Missing (未上报), draft only, late, corrected: what the supervisor's view must show.
    assert not AnnualReport.objects.filter(agency__short_name="东湖镇", year=2025).exists()
    assert AnnualReport.objects.get(agency__short_name="西塘街道", year=2025).state == State.DRAFT
    late = _report("示例市生态环境局", 2024)
    assert late.published_at is not None and late.published_at.date() > deadline_for(late.agency, 2024)
    on_time = _report("示例市财政局", 2024)
    assert on_time.published_at is not None and on_time.published_at.date() <= deadline_for(
        on_time.agency, 2024
    )
    versions = dict(
        AnnualReport.objects.filter(agency__short_name="平科", year=2024).values_list("version", "state")
    )
    assert versions == {1: State.SUPERSEDED, 2: State.PUBLISHED}

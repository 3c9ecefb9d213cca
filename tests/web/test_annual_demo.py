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


# ---------------------------------------------------------------------------------------------
# Issue 16: kinds, a government's March publication, submissions, the complete guide
# ---------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_administrator_set_every_agencys_kind(demo: None) -> None:
    # 条例 第四十九条: the kind decides who publishes by when.
    from gongkai.web.audit.models import AuditEvent

    kinds = dict(Agency.objects.values_list("name", "kind"))
    assert kinds["示例市人民政府"] == "人民政府"
    assert kinds["平湖市科学技术局"] == kinds["示例市人民政府办公室"] == "部门"
    assert (kinds["示例市东湖镇人民政府"], kinds["示例市西塘街道办事处"]) == ("乡镇", "街道")
    rows = AuditEvent.objects.filter(action="accounts.set_kind")
    assert rows.count() == Agency.objects.count()
    assert {r.actor.username for r in rows} == {"admin"}


@pytest.mark.django_db
def test_the_government_publishes_in_march_and_is_not_late(demo: None) -> None:
    # 条例 第四十九条第二款: a 县级以上地方人民政府's report is due by 31 March.
    from gongkai.web.annual.models import published_late
    from gongkai.web.oversight.overview import Status, year_overview

    for year in (2023, 2024, 2025):
        report = _report("示例市人民政府", year)
        assert report.published_at is not None and report.published_at.month == 3
        assert published_late(report.agency, year, report.published_at) is False
    office = Agency.objects.get(name="示例市人民政府办公室")
    rows = {r.name: r for r in year_overview(office, office.subtree_ids(), 2025, TODAY).rows}
    assert rows["示例市人民政府"].status is Status.PUBLISHED  # not 逾期发布
    assert rows["示例市人民政府"].note == "2026年03月20日发布"


@pytest.mark.django_db
def test_departments_submitted_their_reports_to_the_office(demo: None) -> None:
    # 条例 第四十九条第一款: a 部门 submits to the 主管部门 and publishes.
    from gongkai.web.annual.models import Submission

    submissions = Submission.objects.select_related("agency", "submitted_to")
    assert submissions.exists()
    assert {s.submitted_to.name for s in submissions} == {"示例市人民政府办公室"}
    assert {s.agency.kind for s in submissions} == {"部门"}
    finance = Submission.objects.get(agency__name="示例市财政局", year=2024)
    assert finance.submitted_on == date(2025, 1, 20)


@pytest.mark.django_db
def test_governments_drafts_pass_gov_assessment_without_an_acknowledgement(demo: None) -> None:
    # 条例 第五十条第（四）项: the results are in the drafted text, not waved through.
    from gongkai.web.annual.models import WarningAcknowledgement

    assert not WarningAcknowledgement.objects.filter(rule="GOV-ASSESSMENT").exists()
    for name in ("示例市人民政府", "示例市东湖镇人民政府"):
        report = _report(name, 2024)
        assert "GOV-ASSESSMENT" not in {f["rule"] for f in report.findings}
        first = next(s["text"] for s in report.sections() if s["number"] == "一")
        assert "监督保障。工作考核结果：" in first


@pytest.mark.django_db
def test_every_demo_guide_is_complete(demo: None) -> None:
    # 条例 第十二条第二款, 第五十一条.
    from gongkai.guide import missing_guide_elements
    from gongkai.web.portal.models import Guide

    guides = list(Guide.objects.all())
    assert guides
    assert all(missing_guide_elements(g.body) == [] for g in guides)

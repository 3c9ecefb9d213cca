"""Tables 3 and 4 counted from the records (gongkai.web.annual.tables), cell by cell.

Hand-built cases for each kind of cell and the year boundaries; the property test over random
records is in test_annual_tables_property.py.
"""

from __future__ import annotations

import itertools
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from gongkai.report.model import TABLE3_APPLICANT_KEYS, AnnualReport, Template
from gongkai.report.rules import Severity, check
from gongkai.web.annual import tables
from gongkai.web.appeals.models import Appeal
from gongkai.web.applications.models import Application, CaseEvent, FeeNotice
from webtesting import row_applicant

_serial = itertools.count(1)


def make_application(
    agency: Any,
    received: date | None,
    *,
    closed: date | None = None,
    resolution: str = "",
    applicant_type: str = "natural",
    due: date | None = None,
    **extra: Any,
) -> Application:
    """An application row as the actions leave it (closed_on and resolution set together)."""
    serial = next(_serial)
    return Application.objects.create(
        agency=agency,
        year=(received or date(2026, 1, 1)).year,
        serial=serial,
        number=f"T-{agency.pk}-{serial}",
        query_code_hash="x",
        applicant_type=applicant_type,
        description="测试申请",
        **row_applicant(),
        submitted_at=timezone.now(),
        received_on=received,
        status="closed" if closed else "in_progress",
        closed_on=closed,
        resolution=resolution if closed else "",
        due_on=due,
        **extra,
    )


def make_appeal(agency: Any, filed: date, *, kind: str = "reconsideration", **fields: Any) -> Appeal:
    values: dict[str, Any] = {
        "body": "示例市人民政府",
        "applicant_name": "张三",
        "act_on": filed,
        "known_on": filed,
        "filed_on": filed,
        **fields,
    }
    return Appeal.objects.create(agency=agency, kind=kind, **values)


def cell(table: Any, row: str, column: str = "total") -> int | None:
    result: int | None = table.cell(row, column)
    return result


pytestmark = pytest.mark.django_db


def test_year_boundary_received_31_december_resolved_2_january(agencies: dict[str, Any]) -> None:
    science = agencies["science"]
    app = make_application(science, date(2025, 12, 31), closed=date(2026, 1, 2), resolution="granted")
    t25 = tables.table3_for(science, 2025)
    t26 = tables.table3_for(science, 2026)
    assert (cell(t25, "new"), cell(t25, "carried"), cell(t25, "total"), cell(t25, "carry_next")) == (
        1,
        0,
        0,
        1,
    )
    assert (cell(t26, "new"), cell(t26, "carried"), cell(t26, "granted"), cell(t26, "carry_next")) == (
        0,
        1,
        1,
        0,
    )
    assert list(tables.cell_records(science, 2025, "table3.carry_next.natural")) == [app]
    assert list(tables.cell_records(science, 2026, "table3.carried.total")) == [app]
    assert list(tables.cell_records(science, 2026, "table3.granted.natural")) == [app]
    assert not tables.cell_records(science, 2026, "table3.granted.commercial").exists()


def test_resolved_on_31_december_is_not_carried(agencies: dict[str, Any]) -> None:
    science = agencies["science"]
    make_application(science, date(2025, 12, 1), closed=date(2025, 12, 31), resolution="unable_nodata")
    t25 = tables.table3_for(science, 2025)
    assert (cell(t25, "unable_nodata"), cell(t25, "carry_next")) == (1, 0)
    assert cell(tables.table3_for(science, 2026), "carried") == 0


def test_open_case_is_carried_year_after_year(agencies: dict[str, Any]) -> None:
    science = agencies["science"]
    make_application(science, date(2024, 6, 3), applicant_type="legal_service")
    for year in (2024, 2025, 2026):
        t = tables.table3_for(science, year)
        assert cell(t, "carry_next", "legal_service") == 1
        assert cell(t, "carried", "legal_service") == (0 if year == 2024 else 1)
    assert cell(tables.table3_for(science, 2023), "carry_next") == 0


def test_columns_by_applicant_type_and_row_sums(agencies: dict[str, Any]) -> None:
    science = agencies["science"]
    for column in TABLE3_APPLICANT_KEYS:
        make_application(
            science, date(2026, 3, 2), applicant_type=column, closed=date(2026, 3, 20), resolution="partial"
        )
    make_application(science, date(2026, 3, 2), applicant_type="research")
    t = tables.table3_for(science, 2026)
    for column in TABLE3_APPLICANT_KEYS:
        assert cell(t, "partial", column) == 1
        assert cell(t, "new", column) == (2 if column == "research" else 1)
    assert cell(t, "partial") == 6
    assert cell(t, "total") == 6
    assert cell(t, "carry_next", "research") == 1


def test_lapse_outcomes_and_the_2019_merge(agencies: dict[str, Any]) -> None:
    science = agencies["science"]
    make_application(
        science, date(2026, 2, 2), closed=date(2026, 3, 2), resolution="other_overdue_correction"
    )
    make_application(science, date(2026, 2, 3), closed=date(2026, 4, 2), resolution="other_overdue_fee")
    make_application(science, date(2026, 2, 4), closed=date(2026, 4, 3), resolution="other_other")
    t21 = tables.table3_for(science, 2026)
    assert [cell(t21, k) for k in ("other_overdue_correction", "other_overdue_fee", "other_other")] == [
        1,
        1,
        1,
    ]
    assert not t21.has_row("other")
    t19 = tables.table3_for(science, 2026, Template.Y2019)
    assert cell(t19, "other") == 3
    assert not t19.has_row("other_other")
    assert cell(t19, "total") == 3
    assert tables.cell_records(science, 2026, "table3.other.total").count() == 3
    assert tables.cell_records(science, 2026, "table3.other_overdue_fee.total").count() == 1


def test_unestablished_receipt_and_other_agencies_are_not_counted(agencies: dict[str, Any]) -> None:
    make_application(agencies["science"], None)
    make_application(agencies["finance"], date(2026, 3, 2))
    t = tables.table3_for(agencies["science"], 2026)
    assert cell(t, "new") == 0
    assert cell(t, "carry_next") == 0


def test_table4_pending_across_year_end(agencies: dict[str, Any]) -> None:
    science = agencies["science"]
    a = make_appeal(science, date(2025, 11, 3), result="corrected", decided_on=date(2026, 1, 20))
    t25, t26, t27 = (tables.table4_for(science, y) for y in (2025, 2026, 2027))
    assert t25.reconsideration == t25.reconsideration.of(pending=1)
    assert t26.reconsideration == t26.reconsideration.of(corrected=1)
    assert t27.reconsideration.total == 0
    assert list(tables.cell_records(science, 2025, "table4.reconsideration.pending")) == [a]
    assert list(tables.cell_records(science, 2026, "table4.reconsideration.corrected")) == [a]


def test_table4_groups(agencies: dict[str, Any]) -> None:
    science = agencies["science"]
    first = make_appeal(science, date(2026, 2, 2), result="upheld", decided_on=date(2026, 3, 30))
    make_appeal(science, date(2026, 2, 3), kind="litigation", result="other", decided_on=date(2026, 6, 1))
    make_appeal(
        science,
        date(2026, 4, 10),
        kind="litigation",
        after_reconsideration=True,
        reconsideration=first,
        decision_received_on=date(2026, 4, 1),
    )
    make_appeal(science, date(2024, 4, 10), result="upheld", decided_on=date(2024, 9, 1))  # an older year
    t = tables.table4_for(science, 2026)
    assert t.reconsideration == t.reconsideration.of(upheld=1)
    assert t.litigation_direct == t.litigation_direct.of(other=1)
    assert t.litigation_after_reconsideration == t.litigation_after_reconsideration.of(pending=1)
    assert tables.cell_records(science, 2026, "table4.litigation_direct.total").count() == 1


def test_report_from_tables_passes_error_rules_across_years(agencies: dict[str, Any]) -> None:
    science = agencies["science"]
    make_application(science, date(2025, 12, 31), closed=date(2026, 1, 2), resolution="granted")
    make_application(science, date(2025, 5, 6), closed=date(2025, 5, 20), resolution="deny_process")
    reports = {}
    for year in (2025, 2026):
        t2, t3, t4 = tables.report_tables(science, year)
        reports[year] = AnnualReport(science.name, year, table2=t2, table3=t3, table4=t4)
    findings = check(reports[2026], reports[2025])
    assert [f for f in findings if f.severity is Severity.ERROR] == []


def test_facts(agencies: dict[str, Any]) -> None:
    science = agencies["science"]
    on_time = make_application(
        science, date(2026, 3, 2), closed=date(2026, 3, 20), resolution="granted", due=date(2026, 3, 30)
    )
    make_application(
        science, date(2026, 3, 2), closed=date(2026, 4, 20), resolution="granted", due=date(2026, 3, 30)
    )
    make_application(science, date(2026, 3, 2), closed=date(2026, 4, 20), resolution="granted")
    make_application(science, date(2026, 12, 2))
    for paid_on, amount in ((date(2026, 3, 15), "100.00"), (date(2027, 1, 5), "40.00"), (None, "10.00")):
        event = CaseEvent.objects.create(application=on_time, kind="fee_notice_sent", on=date(2026, 3, 10))
        FeeNotice.objects.create(
            application=on_time,
            event=event,
            method="per_page",
            quantity=40,
            amount=Decimal(amount),
            basis="国办函〔2020〕109号",
            how_to_pay="银行转账",
            sent_on=date(2026, 3, 10),
            received_on=date(2026, 3, 11),
            payment_due=date(2026, 4, 9),
            paid_on=paid_on,
        )
    make_appeal(science, date(2026, 5, 1), kind="litigation", result="corrected", decided_on=date(2026, 6, 1))
    facts = tables.facts_for(science, 2026)
    _, t3, t4 = tables.report_tables(science, 2026)
    assert tables.facts_for(science, 2026, computed=(t3, t4)) == facts
    assert (facts.received, facts.answered, facts.carry_next, facts.carried) == (4, 3, 1, 0)
    assert (facts.answered_on_time, facts.answered_overdue, facts.answered_without_due) == (1, 1, 1)
    assert str(facts.on_time_rate) == "50.0"
    assert facts.fees_paid_count == 1 and facts.fees_charged
    assert facts.fees_total_yuan == Decimal("100.00")
    assert (facts.reconsideration, facts.litigation, facts.litigation_corrected) == (0, 1, 1)
    assert facts.publications == {"total": 0}


def test_facts_of_an_empty_year(agencies: dict[str, Any]) -> None:
    facts = tables.facts_for(agencies["science"], 2026)
    assert facts.on_time_rate is None
    assert not facts.fees_charged
    assert facts.fees_total_yuan == 0


@pytest.mark.parametrize(
    "path",
    [
        "table3.nope.total",
        "table3.granted.nobody",
        "table4.reconsideration.lost",
        "table2.unknown",
        "table5.a.b",
        "x",
    ],
)
def test_bad_cell_paths(agencies: dict[str, Any], path: str) -> None:
    assert not tables.is_cell_path(path)
    with pytest.raises(tables.CellPathError):
        tables.cell_records(agencies["science"], 2026, path)


def test_every_cell_of_a_report_has_records(agencies: dict[str, Any]) -> None:
    science = agencies["science"]
    report = AnnualReport(science.name, 2026, table2=tables.table2_for(science, 2026))
    t3 = tables.table3_for(science, 2026)
    t4 = tables.table4_for(science, 2026)
    report = AnnualReport(science.name, 2026, table2=report.table2, table3=t3, table4=t4)
    for path, value in report.cells():
        assert tables.is_cell_path(path), path
        if path != "table2.fees_10k_yuan":
            assert tables.cell_records(science, 2026, path).count() == value, path


def test_table3_query_count(agencies: dict[str, Any], django_assert_max_num_queries: Any) -> None:
    science = agencies["science"]
    for i in range(30):
        make_application(
            science,
            date(2025 + i % 2, 1 + i % 12, 1 + i % 28),
            closed=date(2026, 12, 1) if i % 3 else None,
            resolution="granted",
            applicant_type=TABLE3_APPLICANT_KEYS[i % 6],
        )
    with django_assert_max_num_queries(2):
        tables.table3_for(science, 2026)
    with django_assert_max_num_queries(1):
        tables.table4_for(science, 2026)

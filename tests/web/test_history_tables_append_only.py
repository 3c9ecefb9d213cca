"""Issue 15 point 14: tables whose rows are history refuse UPDATE and DELETE in the database
(audit/guard.py triggers), whatever client asks: here through the ORM, as the application would.
The same tests run on PostgreSQL at integration (DATABASE_URL)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.db import DatabaseError, transaction

from disclosuretesting import *  # noqa: F403 (the disclosure fixtures)
from gongkai.web.appeals.models import Appeal
from gongkai.web.applications.models import CaseEvent
from gongkai.web.disclosure.models import ItemVersion
from gongkai.web.replies.models import Delivery

pytestmark = pytest.mark.django_db


def refused(queryset: Any, **changes: Any) -> None:
    """Both an UPDATE (of ``changes``) and a DELETE of ``queryset`` are refused by the database."""
    assert queryset.exists()
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        queryset.update(**changes)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        queryset._raw_delete(queryset.db)  # the rows themselves, as raw SQL would (no collector)
    assert queryset.exists()


def test_case_events_are_history_but_a_period_end_may_move(submit: Any, people: Any) -> None:
    app = submit()
    event = CaseEvent.objects.create(
        application=app, kind="correction_requested", on=date(2026, 3, 4), note="补正"
    )
    rows = CaseEvent.objects.filter(pk=event.pk)
    refused(rows, note="改写的说明")
    refused(rows, on=date(2026, 3, 5))
    rows.update(until=date(2026, 3, 20))  # the end of a period re-established (consultation, fee)
    assert rows.get().until == date(2026, 3, 20)


def test_published_disclosure_versions(make_item: Any, publish: Any) -> None:
    item = make_item()
    version = publish(item)
    refused(ItemVersion.objects.filter(pk=version.pk), body="改写的正文")


def test_deliveries(submit: Any, people: Any) -> None:
    app = submit()
    delivery = Delivery.objects.create(
        application=app, method="email", delivered_on=date(2026, 3, 21), log="发送至 a@example.com",
        recorded_by=people["clerk"],
    )  # fmt: skip
    refused(Delivery.objects.filter(pk=delivery.pk), delivered_on=date(2026, 3, 1))


def _appeal(agencies: Any, **fields: Any) -> Appeal:
    return Appeal.objects.create(
        agency=agencies["science"], kind="reconsideration", body="平湖市人民政府", applicant_name="张三",
        act_on=date(2026, 3, 2), known_on=date(2026, 3, 3), filed_on=date(2026, 4, 1), **fields,
    )  # fmt: skip


def test_an_appeal_is_history_once_its_result_is_recorded(agencies: Any) -> None:
    pending = _appeal(agencies)
    rows = Appeal.objects.filter(pk=pending.pk)
    rows.update(result="upheld", decided_on=date(2026, 5, 6))  # recording the result is allowed
    refused(rows, result="corrected")
    refused(rows, note="事后补记")


def test_a_pending_appeal_may_still_be_corrected(agencies: Any) -> None:
    pending = _appeal(agencies)
    Appeal.objects.filter(pk=pending.pk).update(case_number="平政复〔2026〕3号")
    assert Appeal.objects.get(pk=pending.pk).case_number == "平政复〔2026〕3号"

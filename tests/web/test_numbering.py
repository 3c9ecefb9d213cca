"""Registration numbers: unique per agency and year even under concurrent submissions."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime
from typing import Any

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from gongkai.web.applications import actions, numbering
from gongkai.web.applications.models import Application


def _submit_one(agency_pk: int, data: dict[str, str]) -> str:
    from gongkai.web.accounts.models import Agency

    try:
        agency = Agency.objects.get(pk=agency_pk)
        at = timezone.make_aware(datetime(2026, 3, 2, 10))
        return actions.do_submit_application(
            agency, dict(data), channel="online", submitted_at=at
        ).application.number
    finally:
        connection.close()  # each worker thread has its own connection


@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_submissions_get_fifty_distinct_numbers(agencies: Any, applicant: Any) -> None:
    pk = agencies["science"].pk
    with ThreadPoolExecutor(max_workers=10) as pool:
        numbers = list(pool.map(_submit_one, [pk] * 50, [applicant] * 50))
    assert len(set(numbers)) == 50
    serials = sorted(Application.objects.filter(agency_id=pk).values_list("serial", flat=True))
    assert serials == list(range(1, 51))  # no gaps, no repeats


@pytest.mark.django_db
def test_numbers_restart_each_year_and_per_agency(submit: Any, agencies: Any) -> None:
    a = submit(received=date(2025, 12, 31))
    b = submit(received=date(2026, 1, 5))
    c = submit(agency=agencies["finance"], received=date(2026, 1, 5))
    assert (a.number, b.number, c.number) == (
        "平科依申〔2025〕0001号",
        "平科依申〔2026〕0001号",
        "示财依申〔2026〕0001号",
    )


@pytest.mark.django_db
def test_the_unique_constraint_backs_the_counter(submit: Any) -> None:
    app = submit()
    clone = Application.objects.get(pk=app.pk)
    clone.pk, clone.number = None, "other"
    with pytest.raises(IntegrityError), transaction.atomic():
        clone.save()


@pytest.mark.parametrize(("typed", "ok"), [("ABCD2345", True), ("abcd 2345", True), ("ABCD2346", False)])
def test_query_codes_are_checked_by_keyed_hash(typed: str, ok: bool) -> None:
    stored = numbering.hash_query_code("N1", "ABCD2345")
    assert "ABCD2345" not in stored
    assert numbering.check_query_code("N1", typed, stored) is ok

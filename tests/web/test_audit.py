"""The audit trail is append-only: through the ORM, through raw SQL (DB triggers), and in admin."""

from __future__ import annotations

from typing import Any

import pytest

from gongkai.web.audit.models import AuditEvent, AuditTrailError
from gongkai.web.audit.record import record
from webtesting import assert_sql_refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(submit: Any) -> AuditEvent:
    app = submit()
    return AuditEvent.objects.get(object_id=str(app.pk))


def test_save_of_an_existing_row_is_refused(event: AuditEvent) -> None:
    event.summary = "改写"
    with pytest.raises(AuditTrailError):
        event.save()


@pytest.mark.parametrize("operation", ["delete_row", "queryset_update", "queryset_delete"])
def test_orm_changes_are_refused(event: AuditEvent, operation: str) -> None:
    with pytest.raises(AuditTrailError):
        if operation == "delete_row":
            event.delete()
        elif operation == "queryset_update":
            AuditEvent.objects.filter(pk=event.pk).update(summary="x")
        else:
            AuditEvent.objects.filter(pk=event.pk).delete()


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_auditevent SET summary = 'x'",  # rewriting history
        "DELETE FROM audit_auditevent",  # erasing it
    ],
)
def test_the_database_refuses_raw_changes(event: AuditEvent, sql: str) -> None:
    assert_sql_refused(sql)
    assert AuditEvent.objects.get(pk=event.pk).summary == event.summary


def test_new_rows_can_still_be_added(event: AuditEvent, people: Any) -> None:
    from gongkai.web.applications.models import Application

    app = Application.objects.get(pk=event.object_id)
    record(acting_user=people["clerk"], action="test", summary="追加", obj=app, agency_id=app.agency_id)
    assert AuditEvent.objects.filter(object_id=event.object_id).count() == 2


def test_admin_is_read_only(event: AuditEvent, people: Any, client: Any) -> None:
    client.force_login(people["admin"])
    url = f"/admin/audit/auditevent/{event.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200
    assert b'name="_save"' not in page.content
    client.post(url, {"summary": "x"})
    assert client.post(f"/admin/audit/auditevent/{event.pk}/delete/").status_code == 403
    assert AuditEvent.objects.get(pk=event.pk).summary == event.summary

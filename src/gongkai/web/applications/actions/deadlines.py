"""Recomputing the cached due dates of open cases after their calendar changed."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from gongkai.web.applications import clock, events
from gongkai.web.applications.actions.common import locked, snapshot
from gongkai.web.applications.models import Application
from gongkai.web.audit.record import record
from gongkai.web.workdays.calendars import calendar_for


def do_recompute_deadlines(apps: Iterable[Application], *, acting_user: Any, reason: str) -> int:
    """Recompute the cached due dates of open cases (after a calendar change); returns how many
    changed. Each change is audited."""
    changed = 0
    for app in apps:
        with transaction.atomic():
            app = locked(app)
            if not app.is_open:
                continue
            before = snapshot(app)
            clock.refresh(app, calendar_for(app.agency))
            after = snapshot(app)
            if after == before:
                continue
            app.save()
            record(
                acting_user=acting_user,
                action=events.DEADLINES_RECOMPUTED,
                obj=app,
                agency_id=app.agency_id,
                summary=f"期限重新计算：{reason}",
                before=before,
                after=after,
            )
            changed += 1
    return changed

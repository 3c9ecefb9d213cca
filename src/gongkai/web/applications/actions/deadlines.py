"""Recomputing the cached due dates of open cases after their calendar changed."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from gongkai.web.actions_base import step_record, top_level
from gongkai.web.applications import clock
from gongkai.web.applications.actions.common import locked, snapshot
from gongkai.web.applications.events import Event
from gongkai.web.applications.models import Application
from gongkai.web.workdays.calendars import calendar_for


@top_level(Event.DEADLINES_RECOMPUTED)
def _recompute(app: Application, *, acting_user: Any, reason: str) -> bool:
    """One case: its due dates on the calendar as it is now; audited when they changed."""
    app = locked(app)
    if not app.is_open:
        return False
    before = snapshot(app)
    clock.refresh(app, calendar_for(app.agency))
    after = snapshot(app)
    if after == before:
        return False
    app.save()
    step_record(
        acting_user=acting_user, obj=app, summary=f"期限重新计算：{reason}", before=before, after=after
    )
    return True


def do_recompute_deadlines(apps: Iterable[Application], *, acting_user: Any, reason: str) -> int:
    """Recompute the cached due dates of open cases (after a calendar change); returns how many
    changed. Each case is a step of its own (one transaction, one audit row when it changed)."""
    return sum(_recompute(app, acting_user=acting_user, reason=reason) for app in apps)

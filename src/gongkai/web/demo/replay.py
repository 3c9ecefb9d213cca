"""A case's history replayed through the actions, each step stamped with its own day."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any

from django.utils import timezone

from gongkai.calendar import WorkingCalendar
from gongkai.web.applications.models import Application
from gongkai.web.audit.record import replaying


class Replay:
    """Replays one case's history through the actions, each step stamped with its own day."""

    def __init__(self, app: Application, calendar: WorkingCalendar) -> None:
        self.app, self.calendar = app, calendar

    def at(self, day: date, fn: Callable[..., Application], *args: Any, **kwargs: Any) -> None:
        """Run a case action on ``day``; the action returns the case it moved."""
        with replaying(_stamp(day)):
            self.app = fn(self.app, *args, **kwargs)

    def run(self, day: date, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run an action that returns something else (the replies app's) on ``day``, and reload
        the case it moved."""
        with replaying(_stamp(day)):
            out = fn(self.app, *args, **kwargs)
        self.app = Application.objects.select_related("agency").get(pk=self.app.pk)
        return out

    def workday(self, after: date, n: int) -> date:
        return self.calendar.add_working_days(after, n)

    def workday_by(self, today: date, after: date, n: int) -> date | None:
        """The ``n``-th working day after ``after``, or None when it is later than ``today``
        (the story of the case stops there)."""
        day = self.workday(after, n)
        return None if day > today else day


def _stamp(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10, 30)))

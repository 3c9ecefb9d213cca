"""The workdays app's one signal: "the calendar changed".

Workdays knows nothing of what is computed from its calendars; apps that cache dates computed on
them (the due dates of cases, of disclosure items...) subscribe in their ``AppConfig.ready()``::

    from gongkai.web.workdays.signals import Recomputed, calendar_changed

    def recompute(sender: object, *, agency_ids: set[int] | None, acting_user: Any, reason: str,
                  **kwargs: Any) -> Recomputed:
        ...
        return Recomputed("项主动公开事项", changed)

    calendar_changed.connect(recompute, dispatch_uid="disclosure.recompute_due_dates")
"""

from __future__ import annotations

from dataclasses import dataclass

from django.dispatch import Signal


@dataclass(frozen=True)
class Recomputed:
    """What a receiver recomputed: ``count`` rows, described by ``what`` (Chinese, counted with
    the number before it, e.g. "件在办申请"), for the message shown to the administrator."""

    what: str
    count: int


calendar_changed = Signal()
"""Sent by ``workdays.actions.do_save_schedule`` after a holiday schedule was saved and its own
transaction committed (so receivers read the new calendar through ``calendar_for``).

Keyword arguments:

- ``schedule``: the saved ``HolidaySchedule``;
- ``agency_ids``: the agencies whose calendar changed (the schedule's agency and its subtree), or
  ``None`` when a national schedule changed every agency's calendar;
- ``acting_user``: who saved it (for the receivers' own audit rows);
- ``reason``: a Chinese phrase for those rows, e.g. "录入2027年全国节假日安排".

Each receiver recomputes the dates it caches for those agencies (each change in its own
transaction, audited) and returns a ``Recomputed``. Receivers are connected with a
``dispatch_uid`` in their app's ``ready()``; a receiver's error propagates (``send``, not
``send_robust``): a stale due date must not pass silently.
"""

"""State changes of holiday schedules. Saving a year tells the apps that cache dates computed on
the calendar (``signals.calendar_changed``); they recompute them."""

from __future__ import annotations

from typing import Any

from gongkai.web.accounts import permissions as accounts
from gongkai.web.actions_base import require_permission, step_record, top_level
from gongkai.web.workdays.models import HolidaySchedule
from gongkai.web.workdays.signals import Recomputed, calendar_changed

SCHEDULE_SAVED = "calendar.schedule_saved"


def _facts(schedule: HolidaySchedule) -> dict[str, Any]:
    return {
        "year": schedule.year,
        "holidays": schedule.holidays,
        "workdays": schedule.workdays,
        "source": schedule.source,
    }


@top_level(SCHEDULE_SAVED)
def _save_schedule(schedule: HolidaySchedule, *, acting_user: Any) -> None:
    require_permission(accounts.can_use_admin(acting_user))
    before = None
    if schedule.pk:
        before = _facts(HolidaySchedule.objects.select_for_update().get(pk=schedule.pk))
    schedule.save()
    after = _facts(schedule)
    step_record(acting_user=acting_user, obj=schedule, summary=f"录入{schedule}", before=before, after=after)


def do_save_schedule(schedule: HolidaySchedule, *, acting_user: Any) -> list[Recomputed]:
    """Save an entered schedule (one step, one audit row), then -- once it is committed -- send
    ``calendar_changed`` so that the subscribed apps recompute their due dates; returns what each
    recomputed."""
    _save_schedule(schedule, acting_user=acting_user)
    agency_ids = schedule.agency.subtree_ids() if schedule.agency_id is not None else None
    responses = calendar_changed.send(
        sender=HolidaySchedule,
        schedule=schedule,
        agency_ids=agency_ids,
        acting_user=acting_user,
        reason=f"录入{schedule}",
    )
    return [result for _, result in responses]

"""State changes of holiday schedules. Saving a year recomputes the deadlines of open cases."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from gongkai.web.accounts import permissions as accounts
from gongkai.web.audit.record import record
from gongkai.web.workdays.models import HolidaySchedule


def do_save_schedule(schedule: HolidaySchedule, *, acting_user: Any) -> int:
    """Save an entered schedule and recompute open cases; returns how many cases changed."""
    from gongkai.web.applications.actions import do_recompute_deadlines
    from gongkai.web.applications.models import Application
    from gongkai.web.applications.vocabulary import OPEN_STATUSES

    if not accounts.can_use_admin(acting_user):
        raise PermissionDenied
    with transaction.atomic():
        before = None
        if schedule.pk:
            old = HolidaySchedule.objects.select_for_update().get(pk=schedule.pk)
            before = {
                "year": old.year,
                "holidays": old.holidays,
                "workdays": old.workdays,
                "source": old.source,
            }
        schedule.save()
        record(
            acting_user=acting_user,
            action="calendar.schedule_saved",
            obj=schedule,
            agency_id=schedule.agency_id,
            summary=f"录入{schedule}",
            before=before,
            after={
                "year": schedule.year,
                "holidays": schedule.holidays,
                "workdays": schedule.workdays,
                "source": schedule.source,
            },
        )
    cases = Application.objects.filter(status__in=OPEN_STATUSES)
    if schedule.agency_id is not None:
        cases = cases.filter(agency_id__in=schedule.agency.subtree_ids())
    return do_recompute_deadlines(cases.order_by("pk"), acting_user=acting_user, reason=f"录入{schedule}")

"""Whether a case was filed within its statutory period (for the appeals pages and the
application page's list of cases)."""

from __future__ import annotations

from typing import Any

from gongkai.calendar import WorkingCalendar
from gongkai.web.appeals.models import Appeal
from gongkai.web.workdays.calendars import calendar_for


def period_facts(appeal: Appeal, calendar: WorkingCalendar | None = None) -> dict[str, Any] | None:
    """The filing period that applied and whether the filing came after it (for the pages).

    ``calendar`` is the agency's working calendar when the caller has it already (a list)."""
    period = appeal.period()
    if period is None:
        return None
    end = period.end(calendar or calendar_for(appeal.agency))
    return {"period": period, "end": end, "late": appeal.filed_on > end}

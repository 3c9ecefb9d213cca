"""``{% case_appeals app as ca %}``: the appeals panel of an application's case page."""

from __future__ import annotations

from typing import Any

from django import template

from gongkai.web.appeals import permissions
from gongkai.web.appeals.timing import period_facts
from gongkai.web.applications.models import Application
from gongkai.web.workdays.calendars import calendar_for

register = template.Library()


@register.simple_tag(takes_context=True)
def case_appeals(context: dict[str, Any], app: Application) -> dict[str, Any]:
    """The cases concerning ``app`` with their filing-period facts, and whether the user may add one."""
    user = context["request"].user
    cases = list(app.appeals.order_by("filed_on", "pk"))
    calendar = calendar_for(app.agency) if cases else None
    return {
        "rows": [{"appeal": a, "timing": period_facts(a, calendar)} for a in cases],
        "can_record": permissions.can_record(user, app.agency),
    }

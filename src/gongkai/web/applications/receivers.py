"""The applications app's answers to other apps' signals (connected in ``apps.ready``)."""

from __future__ import annotations

from typing import Any

from gongkai.web.applications.actions import do_recompute_deadlines
from gongkai.web.applications.models import Application
from gongkai.web.workdays.signals import Recomputed


def recompute_case_due_dates(
    sender: object, *, agency_ids: set[int] | None, acting_user: Any, reason: str, **kwargs: Any
) -> Recomputed:
    """``workdays.signals.calendar_changed``: recompute the cached due dates of the open cases of
    the agencies whose calendar changed (each change audited)."""
    cases = Application.objects.open()
    if agency_ids is not None:
        cases = cases.filter(agency_id__in=agency_ids)
    changed = do_recompute_deadlines(cases.order_by("pk"), acting_user=acting_user, reason=reason)
    return Recomputed("件在办申请", changed)

"""The disclosure app's answers to other apps' signals (connected in ``apps.ready``)."""

from __future__ import annotations

from typing import Any

from gongkai.web.disclosure.actions import do_recompute_due_date
from gongkai.web.disclosure.actions.deadlines import RUNNING
from gongkai.web.disclosure.models import Item
from gongkai.web.workdays.signals import Recomputed


def recompute_item_due_dates(
    sender: object, *, agency_ids: set[int] | None, acting_user: Any, reason: str, **kwargs: Any
) -> Recomputed:
    """``workdays.signals.calendar_changed``: recompute the 第二十六条 due dates of the items not
    yet published of the agencies whose calendar changed (each change audited)."""
    items = Item.objects.filter(status__in=RUNNING)
    if agency_ids is not None:
        items = items.filter(agency_id__in=agency_ids)
    changed = sum(
        do_recompute_due_date(item, acting_user=acting_user, reason=reason) for item in items.order_by("pk")
    )
    return Recomputed("项主动公开事项", changed)

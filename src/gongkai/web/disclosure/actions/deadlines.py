"""Recomputing the 第二十六条 due dates of unpublished items after their calendar changed."""

from __future__ import annotations

from typing import Any

from gongkai.web.actions_base import top_level
from gongkai.web.disclosure import catalogue, events
from gongkai.web.disclosure import vocabulary as v
from gongkai.web.disclosure.actions.common import audit, iso
from gongkai.web.disclosure.models import Item

#: The statuses whose 第二十六条 clock is still running (not yet published).
RUNNING = (v.Status.DRAFT, v.Status.IN_REVIEW, v.Status.APPROVED)


@top_level(events.DUE_RECOMPUTED)
def do_recompute_due_date(item: Item, *, acting_user: Any, reason: str) -> bool:
    """Recompute the item's due date on its agency's calendar as it is now; audited when it
    changed. Returns whether it changed (an item published meanwhile keeps its date)."""
    locked = Item.objects.select_for_update().select_related("agency").get(pk=item.pk)
    if locked.status not in RUNNING:
        return False
    due = catalogue.publish_due(locked.agency, locked.made_on)
    if due == locked.due_on:
        return False
    before = {"due_on": iso(locked.due_on)}
    locked.due_on = due
    locked.save(update_fields=["due_on"])
    audit(
        locked,
        f"应公开日期重新计算：{reason}",
        acting_user,
        before=before,
        after={"due_on": iso(due)},
    )
    return True

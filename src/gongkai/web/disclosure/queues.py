"""What is due: items not yet published against 条例 第二十六条's 20 working days, and the ledger.

"Overdue" is never stored: it is ``due < today`` at the moment of asking (today is a parameter).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch

from gongkai.deadlines import DUE_SOON_WORKING_DAYS
from gongkai.web.disclosure import vocabulary as v
from gongkai.web.disclosure.models import Item, LedgerEntry
from gongkai.web.workdays.calendars import calendar_for

UNPUBLISHED = (v.Status.DRAFT, v.Status.IN_REVIEW, v.Status.APPROVED)


class DueState:
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    ON_TIME = "on_time"


LABELS = {DueState.OVERDUE: "已逾期", DueState.DUE_SOON: "即将到期", DueState.ON_TIME: "未到期"}


@dataclass(frozen=True)
class DueRow:
    item: Item
    state: str
    working_days_left: int

    @property
    def label(self) -> str:
        return LABELS[self.state]


def due_state(due: date, today: date, working_days_left: int) -> str:
    if today > due:
        return DueState.OVERDUE
    if working_days_left <= DUE_SOON_WORKING_DAYS:
        return DueState.DUE_SOON
    return DueState.ON_TIME


def due_items(agency_ids: Iterable[int], today: date) -> list[DueRow]:
    """Active-disclosure items still to publish, the most urgent first."""
    rows = []
    items = (
        Item.objects.filter(
            agency_id__in=list(agency_ids), status__in=UNPUBLISHED, attribute=v.Attribute.ACTIVE
        )
        .exclude(due_on=None)
        .select_related("agency", "category")
        .order_by("due_on", "pk")
    )
    calendars = {}
    for item in items:
        if item.agency_id not in calendars:
            calendars[item.agency_id] = calendar_for(item.agency)
        assert item.due_on is not None
        left = calendars[item.agency_id].working_days_between(today, item.due_on)
        rows.append(DueRow(item, due_state(item.due_on, today, left), left))
    return rows


@dataclass(frozen=True)
class LedgerRow:
    entry: LedgerEntry
    overdue: bool

    @property
    def status(self) -> str:
        if self.entry.next_due is None:
            return "已完成"
        return "已逾期" if self.overdue else "按期"


def ledger(agency_ids: Iterable[int], today: date) -> list[LedgerRow]:
    entries = (
        LedgerEntry.objects.filter(agency_id__in=list(agency_ids))
        .select_related("agency", "category")
        .prefetch_related(Prefetch("items", queryset=Item.objects.order_by("-published_on", "pk")))
    )
    return [LedgerRow(e, e.next_due is not None and e.next_due < today) for e in entries]

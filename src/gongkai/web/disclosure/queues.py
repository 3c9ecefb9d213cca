"""What is due: items not yet published against 条例 第二十六条's 20 working days, and the ledger.

"Overdue" is never stored: it is ``due < today`` at the moment of asking (today is a parameter).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Prefetch

from gongkai.deadlines import CLOCK_STATE_LABELS, DUE_SOON_WORKING_DAYS, ClockState, ClockStatus
from gongkai.web.disclosure import vocabulary as v
from gongkai.web.disclosure.models import Item, LedgerEntry
from gongkai.web.workdays.calendars import calendar_for

UNPUBLISHED = (v.Status.DRAFT, v.Status.IN_REVIEW, v.Status.APPROVED)


#: An item's due date is read as a case's (gongkai.deadlines): the same states, the same words.
DueState = ClockState
LABELS = CLOCK_STATE_LABELS


@dataclass(frozen=True, slots=True)
class DueRow(ClockStatus):
    """An item still to publish, with where its due date stands (state, label, working days left)."""

    item: Item


def due_state(due: date, today: date, working_days_left: int) -> ClockState:
    if today > due:
        return DueState.OVERDUE
    if working_days_left <= DUE_SOON_WORKING_DAYS:
        return DueState.DUE_SOON
    return DueState.ON_TIME


def due_row(item: Item, today: date, working_days_left: int) -> DueRow:
    assert item.due_on is not None
    state = due_state(item.due_on, today, working_days_left)
    return DueRow(state=state, due=item.due_on, working_days_left=working_days_left, item=item)


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
        rows.append(due_row(item, today, left))
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


@dataclass(frozen=True)
class ReviewRow:
    """A catalogue item waiting at a step of its review chain that the user may take."""

    item: Item
    step: str


def awaiting_review(user: Any, agency_ids: Iterable[int]) -> list[ReviewRow]:
    """Items in review (of ``agency_ids``) whose waiting step is for a role the user has in the
    item's agency -- the 审核人's 科室负责人审核 and 保密审查, the head's 审批 -- oldest first.
    Steps the user may not take because they took an earlier one (review separation) are left
    out, so that the list holds only what the user can act on."""
    from gongkai.web.accounts import permissions as accounts
    from gongkai.web.disclosure import catalogue
    from gongkai.web.disclosure.models import ReviewRecord

    items = list(
        Item.objects.filter(agency_id__in=list(agency_ids), status=v.Status.IN_REVIEW)
        .select_related("agency")
        .order_by("pk")
    )
    chains: dict[int, tuple[list[dict[str, object]], bool]] = {}
    done = set(ReviewRecord.objects.filter(item__in=items, by=user).values_list("item_id", "round"))
    rows = []
    for it in items:
        if it.agency_id not in chains:
            setup = catalogue.setup_for(it.agency)
            chains[it.agency_id] = (setup.review_chain, setup.one_person_several_steps)
        chain, lenient = chains[it.agency_id]
        if it.review_step >= len(chain):
            continue
        step = chain[it.review_step]
        if str(step["role"]) not in accounts.roles_in(user, it.agency_id):
            continue
        if not lenient and (it.pk, it.review_round) in done:
            continue
        rows.append(ReviewRow(it, str(step["label"])))
    return rows

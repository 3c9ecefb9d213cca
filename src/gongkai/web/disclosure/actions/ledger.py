"""The ledger (政务公开工作"一本账"): what must be published, by whom and how often, and when it
was last done."""

from __future__ import annotations

import calendar as cal
from datetime import date
from typing import Any

from gongkai.web.accounts.models import Agency
from gongkai.web.actions_base import require, top_level
from gongkai.web.disclosure import events
from gongkai.web.disclosure import vocabulary as v
from gongkai.web.disclosure.actions.common import audit, iso, keeper
from gongkai.web.disclosure.models import Item, LedgerEntry


def add_months(day: date, months: int) -> date:
    """``day`` plus whole months, clamped to the month's end (stdlib has no month arithmetic;
    one function is not worth a dependency)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, cal.monthrange(year, month)[1]))


def _due_step(day: date, months: int) -> date:
    """``add_months``, but a due date at a month's end stays at month ends (每季度末: 3-31, 6-30,
    9-30, 12-31), where plain clamping would drift to the 30th or the 28th."""
    if day.day == cal.monthrange(day.year, day.month)[1]:
        after = add_months(day.replace(day=1), months)
        return after.replace(day=cal.monthrange(after.year, after.month)[1])
    return add_months(day, months)


def next_due_after(next_due: date | None, frequency: str, on: date) -> date | None:
    """The next due date of a ledger line whose information was published on ``on``.

    A publication fulfils the period it falls in: the one ending on ``next_due`` (or, published
    late, the overdue one), so the due date moves past ``on`` by whole periods. A publication in a
    period already fulfilled (a second one, or an older item linked afterwards) moves nothing. 一次性
    lines are then done (None); 动态更新 lines have no schedule and keep their date.
    """
    months = v.FREQUENCY_MONTHS.get(v.Frequency.of(frequency))
    if months is None:
        return None if frequency == v.Frequency.ONCE else next_due
    if next_due is None:
        return _due_step(on, months)
    if on <= _due_step(next_due, -months):
        return next_due
    due = _due_step(next_due, months)
    while due <= on:
        due = _due_step(due, months)
    return due


def fulfil(locked: LedgerEntry, on: date) -> None:
    """Record a publication on ``on`` against the (row-locked) ledger line."""
    locked.next_due = next_due_after(locked.next_due, locked.frequency, on)
    if locked.last_done is None or on > locked.last_done:
        locked.last_done = on
    locked.save(update_fields=["next_due", "last_done"])


def _dates(entry: LedgerEntry) -> dict[str, Any]:
    return {"next_due": iso(entry.next_due), "last_done": iso(entry.last_done)}


@top_level(events.LEDGER_ADDED)
def do_add_ledger_entry(agency: Agency, data: dict[str, Any], *, acting_user: Any) -> LedgerEntry:
    keeper(acting_user, agency.pk)
    require(bool(str(data.get("title", "")).strip()), "请填写公开事项")
    require(bool(str(data.get("responsible_unit", "")).strip()), "请填写责任科室")
    frequency = v.Frequency.of(data["frequency"])
    category = data.get("category")
    require(category is None or category.agency_id == agency.pk, "分类不属于本机关的目录")
    entry = LedgerEntry.objects.create(
        agency=agency,
        title=data["title"].strip(),
        category=category,
        responsible_unit=data["responsible_unit"].strip(),
        frequency=frequency,
        next_due=data.get("next_due"),
    )
    audit(entry, f"台账新增：{entry.title}", acting_user)
    return entry


@top_level(events.LEDGER_DONE)
def do_complete_ledger_entry(entry: LedgerEntry, on: date, *, acting_user: Any) -> None:
    """Mark the entry published on ``on`` (on a channel with no catalogue item: a notice board,
    a meeting) and move its next due date on by its frequency."""
    keeper(acting_user, entry.agency_id)
    locked = LedgerEntry.objects.select_for_update().get(pk=entry.pk)
    before = {"next_due": iso(locked.next_due)}
    fulfil(locked, on)
    audit(
        locked,
        f"台账完成：{locked.title}",
        acting_user,
        before=before,
        after={"next_due": iso(locked.next_due)},
    )
    entry.refresh_from_db()


@top_level(events.LEDGER_LINKED)
def do_link_ledger_item(entry: LedgerEntry, item: Item, *, acting_user: Any) -> None:
    """Mark ``item`` as fulfilling the ledger line. If it is already published, the line counts
    it at once (the date of its current published version); otherwise publishing it will."""
    keeper(acting_user, entry.agency_id)
    require(item.agency_id == entry.agency_id, "该信息不属于本机关")
    require(item.attribute == v.Attribute.ACTIVE, "只有主动公开的信息可以履行台账事项")
    require(item.status != v.Status.WITHDRAWN, "已撤回的信息不能履行台账事项")
    locked = LedgerEntry.objects.select_for_update().get(pk=entry.pk)
    require(not locked.items.filter(pk=item.pk).exists(), "该信息已关联到此台账事项")
    before = _dates(locked)
    locked.items.add(item)
    if item.status == v.Status.PUBLISHED and item.current_version is not None:
        fulfil(locked, item.current_version.published_on)
    audit(
        locked,
        f"台账关联：{locked.title} ← {item.index_number} {item.title}",
        acting_user,
        before=before,
        after={**_dates(locked), "item": item.pk},
    )
    entry.refresh_from_db()

"""The working calendar an agency's cases are timed on: the packaged national calendar
(gongkai.calendar) with the schedules entered in the database on top -- nationwide first, then
those of the agency's ancestors, then its own (the nearest entry wins)."""

from __future__ import annotations

from gongkai.calendar import Notice, WorkingCalendar, YearSchedule
from gongkai.web import memo
from gongkai.web.accounts.models import Agency
from gongkai.web.workdays.models import HolidaySchedule


def to_year_schedule(row: HolidaySchedule) -> YearSchedule:
    return YearSchedule.from_dates(
        row.year,
        row.holiday_dates(),
        row.workday_dates(),
        notice=Notice(title=row.source),
        holiday=f"{row.year}年节假日安排",
        source=f"录入：{row.agency.name if row.agency_id else '全国'}",
    )


def _lineage(agency: Agency | None) -> list[int]:
    """Agency ids from the root down to ``agency``."""
    chain: list[int] = []
    node = agency
    while node is not None:
        chain.append(node.pk)
        node = node.parent
    return list(reversed(chain))


#: Calendars built so far, keyed by the schedule rows they were built from (id and update time):
#: building one reads the packaged files, and a queue or a demo build asks for it thousands of
#: times. An edited or new schedule changes the key, so a stale calendar is never used.
_BUILT: dict[tuple[tuple[int, str], ...], WorkingCalendar] = {}


def calendar_for(agency: Agency | None) -> WorkingCalendar:
    """The calendar ``agency``'s cases are timed on (None: the nationwide one). Read from the
    database every time, except inside ``memo.memoising()`` (the demo build asks thousands of
    times) until a schedule or an agency is saved."""
    return memo.remembered(
        ("calendar_for", agency.pk if agency is not None else None),
        lambda: _read_calendar(agency),
        depends_on=(HolidaySchedule, Agency),
    )


def _read_calendar(agency: Agency | None) -> WorkingCalendar:
    lineage = _lineage(agency)
    rows = list(HolidaySchedule.objects.filter(agency__isnull=True).order_by("year"))
    by_agency: dict[int | None, list[HolidaySchedule]] = {}
    for r in HolidaySchedule.objects.filter(agency_id__in=lineage).select_related("agency"):
        by_agency.setdefault(r.agency_id, []).append(r)
    for pk in lineage:
        rows.extend(by_agency.get(pk, []))
    key = tuple((r.pk, r.updated_at.isoformat()) for r in rows)
    built = _BUILT.get(key)
    if built is None:
        if len(_BUILT) > 256:
            _BUILT.clear()
        built = _BUILT[key] = WorkingCalendar.official(overrides=[to_year_schedule(r) for r in rows])
    return built

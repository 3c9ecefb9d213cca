"""Counting working days (工作日) on the official calendar, with agency overrides.

Day 1 of a period is the first working day *after* the starting date: the day of receipt is not
counted. The 条例 does not say so itself (application-handling.md 二 notes the gap); issue 5
fixes it for Gongkai, and it matches the general rule for periods in 民法典 第二百零一条 (a period
counted in days starts on the next day).

For speed the calendar keeps, per year, the sorted ordinals of its working days and counts with
``bisect``: a deadline is two binary searches rather than a walk through the days, which keeps a
work queue of 100,000 open cases cheap to recompute (bench/bench_deadlines.py).
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from datetime import date, timedelta
from importlib import resources

from gongkai.calendar.schedule import UnknownCalendarYear, YearSchedule

_DATA_PACKAGE = "gongkai.calendar.data"
_ONE_DAY = timedelta(days=1)


def packaged_schedules() -> tuple[YearSchedule, ...]:
    """Every year shipped in ``gongkai/calendar/data/cn_YYYY.json``, oldest first."""
    files = sorted(
        (
            f
            for f in resources.files(_DATA_PACKAGE).iterdir()
            if f.name.startswith("cn_") and f.name.endswith(".json")
        ),
        key=lambda f: f.name,
    )
    return tuple(YearSchedule.from_dict(json.loads(f.read_text(encoding="utf-8"))) for f in files)


class WorkingCalendar:
    """Working days of mainland China, one :class:`YearSchedule` per year.

    A year without a schedule raises :class:`UnknownCalendarYear` from every method that needs
    it -- never a guess from weekends alone. Schedules given later override earlier ones for the
    same year, which is how an agency's own entry takes precedence over the packaged data.
    """

    def __init__(self, schedules: Iterable[YearSchedule]) -> None:
        self._schedules: dict[int, YearSchedule] = {}
        for schedule in schedules:
            self._schedules[schedule.year] = schedule
        self._ordinals: dict[int, list[int]] = {}

    @classmethod
    def official(cls, overrides: Iterable[YearSchedule] = ()) -> WorkingCalendar:
        """The packaged national calendar, with ``overrides`` (an agency's entries) on top."""
        return cls((*packaged_schedules(), *overrides))

    # -- what is known ----------------------------------------------------------------------

    @property
    def known_years(self) -> tuple[int, ...]:
        return tuple(sorted(self._schedules))

    def schedule(self, year: int) -> YearSchedule:
        try:
            return self._schedules[year]
        except KeyError:
            raise UnknownCalendarYear(year) from None

    def missing_years(self, today: date, *, ahead: int = 1) -> tuple[int, ...]:
        """Years from ``today``'s to ``ahead`` years later that have no schedule yet.

        For the dashboard warning: on 2026-11-27 a receipt's extended deadline already reaches
        into 2027, so 2027 must be entered before cases received in December can be timed.
        """
        return tuple(y for y in range(today.year, today.year + ahead + 1) if y not in self._schedules)

    # -- counting ---------------------------------------------------------------------------

    def is_working_day(self, day: date) -> bool:
        return self.schedule(day.year).is_working_day(day)

    def add_working_days(self, start: date, n: int) -> date:
        """The ``n``-th working day after ``start`` (day 1 = first working day after ``start``).

        ``n == 0`` gives ``start`` itself.
        """
        if n < 0:
            raise ValueError("n must not be negative")
        if n == 0:
            return start
        first = start + _ONE_DAY
        year = first.year
        ordinals = self._working_ordinals(year)
        index = bisect_left(ordinals, first.toordinal())
        remaining = n
        while remaining > len(ordinals) - index:
            remaining -= len(ordinals) - index
            year += 1
            ordinals = self._working_ordinals(year)
            index = 0
        return date.fromordinal(ordinals[index + remaining - 1])

    def working_days_between(self, start: date, end: date) -> int:
        """How many working days lie in (start, end]; negative when ``end`` is before ``start``.

        The inverse of :meth:`add_working_days`: ``working_days_between(s, add_working_days(s,
        n)) == n``.
        """
        if end < start:
            return -self.working_days_between(end, start)
        return self.working_days_in(start + _ONE_DAY, end)

    def working_days_in(self, first: date, last: date) -> int:
        """How many working days lie in the inclusive range [first, last] (0 if empty)."""
        if last < first:
            return 0
        count = 0
        for year in range(first.year, last.year + 1):
            ordinals = self._working_ordinals(year)
            low = bisect_left(ordinals, first.toordinal()) if year == first.year else 0
            high = bisect_right(ordinals, last.toordinal()) if year == last.year else len(ordinals)
            count += high - low
        return count

    def _working_ordinals(self, year: int) -> list[int]:
        cached = self._ordinals.get(year)
        if cached is None:
            schedule = self.schedule(year)
            day, end = date(year, 1, 1), date(year, 12, 31)
            cached = []
            while day <= end:
                if schedule.is_working_day(day):
                    cached.append(day.toordinal())
                day += _ONE_DAY
            self._ordinals[year] = cached
        return cached

"""Values the known calendar cannot reach yet: :class:`Unknown` instead of an error.

A deadline that needs a year nobody has entered cannot be computed (never guessed, see
:class:`~gongkai.calendar.UnknownCalendarYear`), but the other deadlines of the same case can.
:func:`as_far_as_known` turns the missing year into a value that says what is missing, so a page
shows every date it can and names the year to enter for the rest::

    from gongkai.calendar.reach import Unknown, as_far_as_known

    due = as_far_as_known(lambda: cal.add_working_days(received, 20))
    if isinstance(due, Unknown):
        due.reason   # "2027年节假日安排尚未录入"
        due.year     # 2027

:func:`gongkai.deadlines.deadlines_as_far_as_known` does this for every deadline of a case.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from gongkai.calendar.schedule import UnknownCalendarYear
from gongkai.calendar.working import WorkingCalendar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Unknown:
    """A value that needs the holiday schedule of ``year``, which has not been entered yet."""

    reason: str
    year: int

    @classmethod
    def missing_year(cls, year: int) -> Unknown:
        return cls(reason=f"{year}年节假日安排尚未录入", year=year)

    def __str__(self) -> str:
        return self.reason


def as_far_as_known(compute: Callable[[], T]) -> T | Unknown:
    """``compute()``, or :class:`Unknown` naming the year if it needs one without a schedule.

    Only :class:`UnknownCalendarYear` becomes a value; every other error (a date that cannot
    describe a real case) is still raised.
    """
    try:
        return compute()
    except UnknownCalendarYear as missing:
        return Unknown.missing_year(missing.year)


def missing_years(values: Iterable[object]) -> tuple[int, ...]:
    """The distinct years the :class:`Unknown` among ``values`` wait for, in order."""
    return tuple(sorted({v.year for v in values if isinstance(v, Unknown)}))


#: From this day (month, day) on, administrators are reminded to enter next year's holidays: the
#: State Council publishes them in October–December (2023–2026: 8 Dec, 25 Oct, 12 Nov, 4 Nov), and
#: an application received in late November already has its extended date in January.
REMIND_NEXT_YEAR_FROM = (11, 1)


def years_to_enter(today: date, calendar: WorkingCalendar) -> tuple[int, ...]:
    """The years an administrator should be told to enter on ``today``: the current year if it
    is missing, and from 1 November (:data:`REMIND_NEXT_YEAR_FROM`) the next year if it is."""
    ahead = 1 if (today.month, today.day) >= REMIND_NEXT_YEAR_FROM else 0
    return calendar.missing_years(today, ahead=ahead)

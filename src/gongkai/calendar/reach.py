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
from typing import TypeVar

from gongkai.calendar.schedule import UnknownCalendarYear

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

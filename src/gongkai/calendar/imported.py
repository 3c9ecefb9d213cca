"""Schedules taken from the ``chinesecalendar`` package (MIT), which tracks the same notices.

Used two ways: the tests cross-check every packaged year against it (two independent
transcriptions of the notices must agree), and an administrator can import a year from it when a
newer release of the package carries a year that Gongkai does not ship yet -- after reviewing it
against the notice, since the package cites no document numbers.
"""

from __future__ import annotations

import chinese_calendar

from gongkai.calendar.schedule import Notice, UnknownCalendarYear, YearSchedule


def chinesecalendar_years() -> tuple[int, ...]:
    """The years the installed ``chinesecalendar`` release has data for."""
    return tuple(sorted({d.year for d in chinese_calendar.holidays}))


def schedule_from_chinesecalendar(year: int) -> YearSchedule:
    """``year`` as ``chinesecalendar`` records it; :class:`UnknownCalendarYear` if it has none."""
    if year not in chinesecalendar_years():
        raise UnknownCalendarYear(year)
    off = [d for d in chinese_calendar.holidays if d.year == year]
    makeup = [d for d in chinese_calendar.workdays if d.year == year]
    notice = Notice(title=f"国务院办公厅关于{year}年部分节假日安排的通知（据 chinesecalendar 包数据）")
    return YearSchedule.from_dates(year, off, makeup, notice=notice, source="chinesecalendar")

"""The official working-day calendar (工作日历) of mainland China, for the statutory clock.

For the web layer (gongkai.web) -- the whole API::

    from gongkai.calendar import WorkingCalendar, YearSchedule, UnknownCalendarYear

    cal = WorkingCalendar.official()                         # packaged 2019–2026
    cal = WorkingCalendar.official(overrides=[YearSchedule.from_dict(agency_json, source="示例市")])
    cal.is_working_day(d); cal.add_working_days(received, 20); cal.working_days_between(a, b)
    cal.missing_years(today)   # dashboard warning: years still to be entered

    from gongkai.calendar import parse_holiday_notice, as_far_as_known, Unknown

    parsed = parse_holiday_notice(pasted_text)     # the State Council notice -> YearSchedule
    parsed.schedule, parsed.notice, parsed.other_years, parsed.merge_into(previous_year)
    as_far_as_known(lambda: cal.add_working_days(d, 20))   # a date, or Unknown("2027年…尚未录入")
    years_to_enter(today, cal)   # remind administrators: next year's holidays from 1 November

Data: ``gongkai/calendar/data/cn_YYYY.json``, one file per year, each citing its
国务院办公厅关于YYYY年部分节假日安排的通知 and listing the make-up working days (调休上班)
explicitly. ``tests/domain/calendar`` cross-checks every packaged year against the
``chinesecalendar`` package (MIT), see :func:`gongkai.calendar.imported.schedule_from_chinesecalendar`.
An agency administrator enters a missing or corrected year in the same JSON format
(:meth:`YearSchedule.from_dict`); it takes precedence over the packaged year. A year nobody has
entered raises :class:`UnknownCalendarYear` with a Chinese message -- never a guess.
"""

from __future__ import annotations

from gongkai.calendar.notice import NoticeParseError, ParsedNotice, parse_holiday_notice
from gongkai.calendar.reach import Unknown, as_far_as_known, missing_years, years_to_enter
from gongkai.calendar.schedule import (
    CalendarDataError,
    HolidayEntry,
    Notice,
    UnknownCalendarYear,
    YearSchedule,
)
from gongkai.calendar.working import WorkingCalendar, packaged_schedules

__all__ = [
    "CalendarDataError",
    "HolidayEntry",
    "Notice",
    "NoticeParseError",
    "ParsedNotice",
    "Unknown",
    "UnknownCalendarYear",
    "WorkingCalendar",
    "YearSchedule",
    "as_far_as_known",
    "missing_years",
    "packaged_schedules",
    "parse_holiday_notice",
    "years_to_enter",
]

"""WorkingCalendar: counting working days on the official calendar, overrides, unknown years."""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.calendar import (
    CalendarDataError,
    Notice,
    UnknownCalendarYear,
    WorkingCalendar,
    YearSchedule,
)
from gongkai.errors import GongkaiError

CAL = WorkingCalendar.official()
NOTICE = Notice(title="示例市人民政府办公室关于2027年节假日安排的通知", date=date(2026, 11, 20))


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2024, 2, 12), False),  # Monday inside 春节 (2月10日至17日放假)
        (date(2024, 2, 4), True),  # Sunday, make-up working day before 春节
        (date(2024, 2, 18), True),  # Sunday, make-up working day after 春节
        (date(2024, 2, 19), True),  # ordinary Monday
        (date(2024, 2, 24), False),  # ordinary Saturday
        (date(2023, 10, 7), True),  # Saturday make-up day after 中秋国庆
        (date(2023, 9, 29), False),  # Friday, 中秋节
        (date(2020, 2, 1), False),  # Saturday: make-up day cancelled by the 2020 春节 extension
        (date(2020, 1, 31), False),  # Friday inside the extended 2020 春节
        (date(2019, 5, 2), False),  # Thursday: 劳动节 as adjusted by 国办发明电〔2019〕3号
        (date(2019, 5, 5), True),  # Sunday make-up day of the adjusted 劳动节
        (date(2026, 1, 4), True),  # Sunday make-up day after 元旦 2026
        (date(2026, 2, 23), False),  # Monday, last day of 春节 2026 (9 days)
        (date(2026, 11, 27), True),  # an ordinary Friday: today
    ],
)
def test_is_working_day(day: date, working: bool) -> None:
    assert CAL.is_working_day(day) is working


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (date(2024, 2, 19), 0, date(2024, 2, 19)),  # zero days: the start itself
        (date(2024, 2, 19), 1, date(2024, 2, 20)),  # day 1 is the next working day, not the start
        (date(2024, 2, 23), 1, date(2024, 2, 26)),  # Friday + 1 skips the weekend
        (date(2024, 2, 9), 1, date(2024, 2, 18)),  # 春节 Friday + 1 = the Sunday make-up day
        (date(2024, 2, 10), 1, date(2024, 2, 18)),  # a start on a holiday counts from the next working day
        (date(2023, 12, 29), 1, date(2024, 1, 2)),  # across the year: 1月1日 off
        (date(2026, 12, 30), 1, date(2026, 12, 31)),  # the last known working day
    ],
)
def test_add_working_days(start: date, n: int, expected: date) -> None:
    assert CAL.add_working_days(start, n) == expected


def test_add_working_days_rejects_negative_counts() -> None:
    with pytest.raises(ValueError, match="negative"):
        CAL.add_working_days(date(2024, 1, 2), -1)


@pytest.mark.parametrize(
    ("start", "end", "count"),
    [
        (date(2024, 2, 9), date(2024, 2, 18), 1),  # only the Sunday make-up day in 2/10–2/18
        (date(2024, 2, 18), date(2024, 2, 9), -1),  # reversed: negative
        (date(2024, 3, 1), date(2024, 3, 1), 0),  # empty interval
        (date(2023, 12, 29), date(2024, 1, 5), 4),  # 1/2–1/5 across the new year
    ],
)
def test_working_days_between(start: date, end: date, count: int) -> None:
    assert CAL.working_days_between(start, end) == count


def test_working_days_in_an_empty_range_is_zero() -> None:
    assert CAL.working_days_in(date(2024, 3, 2), date(2024, 3, 1)) == 0


def test_2027_is_unknown_with_a_clear_chinese_message() -> None:
    # Today is 2026-11-27 and the State Council has not published 2027 yet.
    with pytest.raises(UnknownCalendarYear) as raised:
        CAL.is_working_day(date(2027, 1, 4))
    assert raised.value.year == 2027
    assert str(raised.value) == (
        "2027年的法定节假日安排尚未录入，无法计算期限；请由管理员录入国务院办公厅公布的2027年节假日安排"
    )
    assert isinstance(raised.value, GongkaiError)


def test_counting_into_2027_is_an_error_not_a_weekend_guess() -> None:
    with pytest.raises(UnknownCalendarYear):
        CAL.add_working_days(date(2026, 12, 30), 2)
    with pytest.raises(UnknownCalendarYear):
        CAL.working_days_between(date(2026, 12, 30), date(2027, 1, 8))


def test_missing_years_warns_about_next_year_in_november() -> None:
    assert CAL.missing_years(date(2026, 11, 27)) == (2027,)
    assert CAL.missing_years(date(2025, 6, 1)) == ()


def test_an_agency_can_enter_a_year_and_it_is_then_known() -> None:
    entered = YearSchedule.from_dict(
        {
            "year": 2027,
            "notices": {"main": {"title": NOTICE.title, "date": "2026-11-20"}},
            "entries": [
                {
                    "holiday": "元旦",
                    "notice": "main",
                    "off": [["2027-01-01", "2027-01-03"]],
                    "makeup_workdays": [],
                },
                {
                    "holiday": "春节",
                    "notice": "main",
                    "off": [["2027-02-05", "2027-02-13"]],
                    "makeup_workdays": ["2027-02-14"],
                },
            ],
        },
        source="示例市",
    )
    cal = WorkingCalendar.official(overrides=[entered])
    assert 2027 in cal.known_years
    assert cal.add_working_days(date(2026, 12, 31), 1) == date(2027, 1, 4)
    assert cal.is_working_day(date(2027, 2, 14))  # the entered Sunday make-up day
    assert not cal.is_working_day(date(2027, 2, 8))  # an entered holiday Monday
    assert cal.schedule(2027).source == "示例市"


def test_an_agency_override_takes_precedence_over_the_packaged_year() -> None:
    # A local extra day off (e.g. a provincial extension like those of 2020) on Monday 2026-03-02.
    packaged = CAL.schedule(2026)
    local = YearSchedule(
        year=2026,
        entries=(
            *packaged.entries,
            *YearSchedule.from_dates(2026, [date(2026, 3, 2)], [], notice=NOTICE, source="x").entries,
        ),
        source="示例市",
    )
    cal = WorkingCalendar.official(overrides=[local])
    assert CAL.is_working_day(date(2026, 3, 2))
    assert not cal.is_working_day(date(2026, 3, 2))
    assert cal.add_working_days(date(2026, 2, 27), 1) == date(2026, 2, 28)  # the make-up Saturday remains


@pytest.mark.parametrize(
    ("off", "makeup", "message"),
    [
        ([date(2027, 1, 1)], [date(2027, 1, 5)], "本来就是工作日"),  # a "make-up" Tuesday
        ([date(2027, 1, 2)], [date(2027, 1, 2)], "同时被录入"),  # the same Saturday both ways
        ([date(2026, 12, 31)], [], "其他年份"),  # a 2026 date in the 2027 schedule
    ],
)
def test_contradictory_schedules_are_refused_in_chinese(
    off: list[date], makeup: list[date], message: str
) -> None:
    with pytest.raises(CalendarDataError, match=message):
        YearSchedule.from_dates(2027, off, makeup, notice=NOTICE)


@pytest.mark.parametrize(
    "data",
    [
        {"year": 2027},  # no entries
        {
            "year": 2027,
            "notices": {},
            "entries": [{"holiday": "元旦", "notice": "main", "off": []}],
        },  # no notice
        {
            "year": 2027,
            "notices": {"main": {"title": "t", "date": "2026-11-20"}},
            "entries": [{"holiday": "元旦", "notice": "main", "off": [["2027-01-01", "2027/01/03"]]}],
        },  # a date in the wrong format
        {
            "year": 2027,
            "notices": {"main": {"title": "t", "date": "2026-11-20"}},
            "entries": [{"holiday": "元旦", "notice": "main", "off": [["2027-01-03", "2027-01-01"]]}],
        },  # a range ending before it starts
    ],
)
def test_malformed_schedule_data_is_a_chinese_error(data: dict[str, object]) -> None:
    with pytest.raises(CalendarDataError) as raised:
        YearSchedule.from_dict(data)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in raised.value.message)


# -- properties: the engine against chinesecalendar as an independent oracle ------------------

KNOWN_DAYS = st.dates(min_value=date(2019, 1, 1), max_value=date(2026, 10, 31))


def _oracle_add(start: date, n: int) -> date:
    day, counted = start, 0
    while counted < n:
        day += timedelta(days=1)
        counted += chinese_calendar.is_workday(day)
    return day


@settings(max_examples=300, deadline=None)
@given(start=KNOWN_DAYS, n=st.integers(min_value=1, max_value=40))
def test_never_counts_a_holiday_nor_skips_a_make_up_day(start: date, n: int) -> None:
    due = CAL.add_working_days(start, n)
    assert due == _oracle_add(start, n)
    counted = [start + timedelta(days=i) for i in range(1, (due - start).days + 1)]
    counted = [d for d in counted if CAL.is_working_day(d)]
    holidays = {d for s in (CAL.schedule(start.year), CAL.schedule(due.year)) for d in s.off_days}
    makeups = {d for s in (CAL.schedule(start.year), CAL.schedule(due.year)) for d in s.makeup_workdays}
    assert not holidays & set(counted)  # no holiday counted
    window = {start + timedelta(days=i) for i in range(1, (due - start).days + 1)}
    assert makeups & window <= set(counted)  # every make-up day in the window counted
    assert len(counted) == n


@settings(max_examples=200, deadline=None)
@given(a=KNOWN_DAYS, b=KNOWN_DAYS)
def test_between_is_the_inverse_of_add(a: date, b: date) -> None:
    between = CAL.working_days_between(a, b)
    assert between == -CAL.working_days_between(b, a)
    if between > 0:
        assert CAL.add_working_days(a, between) <= b < CAL.add_working_days(a, between + 1)

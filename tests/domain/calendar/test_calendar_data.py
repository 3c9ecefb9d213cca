"""The packaged holiday data: one reviewable file per year, each citing its notice, and the same
working days as the independently maintained ``chinesecalendar`` package for every shared year."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from gongkai.calendar import WorkingCalendar, YearSchedule, packaged_schedules
from gongkai.calendar.imported import chinesecalendar_years, schedule_from_chinesecalendar

PACKAGED = {s.year: s for s in packaged_schedules()}
SHARED_YEARS = sorted(set(PACKAGED) & set(chinesecalendar_years()))

# The document numbers verified against the published notices; 2026's could not be verified
# and must therefore be cited by title and date only (never a guessed number).
CITED_NUMBERS = [
    (2019, "国办发明电〔2018〕15号"),  # 2018-12-04
    (2019, "国办发明电〔2019〕3号"),  # 2019-03-22, 劳动节 adjusted to 5月1日至4日
    (2020, "国办发明电〔2019〕16号"),  # 2019-11-21
    (2020, "国办发明电〔2020〕1号"),  # 2020-01-26, 春节 extended to 2月2日
    (2021, "国办发明电〔2020〕27号"),  # 2020-11-25
    (2022, "国办发明电〔2021〕11号"),  # 2021-10-25
    (2023, "国办发明电〔2022〕16号"),  # 2022-12-08
    (2024, "国办发明电〔2023〕7号"),  # 2023-10-25
    (2025, "国办发明电〔2024〕12号"),  # 2024-11-12
]


def _days(year: int) -> list[date]:
    first = date(year, 1, 1)
    return [first + timedelta(days=i) for i in range((date(year + 1, 1, 1) - first).days)]


def test_every_year_from_2019_to_2026_is_packaged() -> None:
    assert sorted(PACKAGED) == list(range(2019, 2027))


def test_the_shared_years_cover_all_packaged_years() -> None:
    # chinesecalendar 1.11 has data through 2026: the cross-check must see every packaged year.
    assert sorted(PACKAGED) == SHARED_YEARS


@pytest.mark.parametrize("year", sorted(PACKAGED))
def test_each_year_cites_its_own_state_council_notice(year: int) -> None:
    titles = [n.title for n in PACKAGED[year].notices]
    assert f"国务院办公厅关于{year}年部分节假日安排的通知" in titles


@pytest.mark.parametrize(("year", "number"), CITED_NUMBERS)
def test_verified_document_numbers_are_cited(year: int, number: str) -> None:
    assert number in [n.number for n in PACKAGED[year].notices]


def test_the_2026_notice_is_cited_by_title_and_date_without_a_number() -> None:
    (notice,) = PACKAGED[2026].notices
    assert notice.number is None
    assert notice.date == date(2025, 11, 4)
    assert notice.citation == "《国务院办公厅关于2026年部分节假日安排的通知》（2025年11月4日）"


@pytest.mark.parametrize("year", SHARED_YEARS)
def test_packaged_working_days_match_chinesecalendar(year: int) -> None:
    ours = WorkingCalendar([PACKAGED[year]])
    theirs = WorkingCalendar([schedule_from_chinesecalendar(year)])
    differences = [d for d in _days(year) if ours.is_working_day(d) != theirs.is_working_day(d)]
    assert differences == []


@pytest.mark.parametrize("year", SHARED_YEARS)
def test_packaged_make_up_days_are_listed_explicitly_and_match(year: int) -> None:
    assert PACKAGED[year].makeup_workdays == schedule_from_chinesecalendar(year).makeup_workdays


@pytest.mark.parametrize("year", sorted(PACKAGED))
def test_every_make_up_day_is_a_weekend_day(year: int) -> None:
    assert all(d.weekday() >= 5 for d in PACKAGED[year].makeup_workdays)


def test_chinesecalendar_import_refuses_a_year_it_does_not_have() -> None:
    from gongkai.calendar import UnknownCalendarYear

    with pytest.raises(UnknownCalendarYear):
        schedule_from_chinesecalendar(2100)


def test_an_imported_schedule_is_a_plain_year_schedule() -> None:
    imported = schedule_from_chinesecalendar(2024)
    assert isinstance(imported, YearSchedule)
    assert imported.source == "chinesecalendar"
    assert date(2024, 2, 12) in imported.off_days  # 春节 Monday

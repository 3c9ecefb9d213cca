"""Deadlines as far as the known calendar reaches (issue 17, point 2): a December application
shows every date that falls within the entered years, and names the year still to be entered
for the others, instead of showing nothing."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.calendar import UnknownCalendarYear, WorkingCalendar, YearSchedule
from gongkai.calendar.reach import Unknown, as_far_as_known, missing_years
from gongkai.deadlines import (
    DeadlineError,
    Pause,
    compute_deadlines,
    consultation_due,
    deadlines_as_far_as_known,
)

CAL = WorkingCalendar.official()  # 2019–2026
#: A calendar that also knows a 2027 (weekends only: enough to tell which dates fall in 2027).
WITH_2027 = WorkingCalendar((*(CAL.schedule(y) for y in CAL.known_years), YearSchedule(2027, ())))
MISSING_2027 = Unknown(reason="2027年节假日安排尚未录入", year=2027)


def test_an_application_received_in_mid_december_keeps_its_correction_deadline() -> None:
    # Thu 2026-12-10: the 7th working day is Mon 12-21 (known); the 20th falls in January 2027.
    known = deadlines_as_far_as_known(date(2026, 12, 10), CAL)
    assert known.correction_notice_due == date(2026, 12, 21)
    assert known.reply_due == MISSING_2027
    assert known.extended_due == MISSING_2027
    assert known.due == MISSING_2027
    assert known.missing_years == (2027,)
    assert known.deadlines is None
    assert str(known.reply_due) == "2027年节假日安排尚未录入"


def test_only_the_extended_date_waits_for_2027_in_late_november() -> None:
    known = deadlines_as_far_as_known(date(2026, 11, 27), CAL)
    assert known.reply_due == date(2026, 12, 25)
    assert known.due == date(2026, 12, 25)
    assert known.extended_due == MISSING_2027
    assert known.deadlines == compute_deadlines(date(2026, 11, 27), CAL)


def test_an_approved_extension_into_2027_makes_the_applicable_date_unknown() -> None:
    with pytest.raises(UnknownCalendarYear):
        compute_deadlines(date(2026, 11, 27), CAL, extension_approved_on=date(2026, 12, 1))
    known = deadlines_as_far_as_known(date(2026, 11, 27), CAL, extension_approved_on=date(2026, 12, 1))
    assert known.reply_due == date(2026, 12, 25)
    assert known.due == MISSING_2027
    assert known.extension_approved


def test_late_december_leaves_nothing_computable() -> None:
    known = deadlines_as_far_as_known(date(2026, 12, 28), CAL)
    assert (known.correction_notice_due, known.reply_due, known.extended_due) == (MISSING_2027,) * 3


def test_a_complete_calendar_gives_the_same_dates_as_compute_deadlines() -> None:
    known = deadlines_as_far_as_known(
        date(2025, 3, 3), CAL, pauses=[Pause(date(2025, 3, 10), date(2025, 3, 14))]
    )
    full = compute_deadlines(date(2025, 3, 3), CAL, pauses=[Pause(date(2025, 3, 10), date(2025, 3, 14))])
    assert known.deadlines == full
    assert (known.correction_notice_due, known.reply_due, known.extended_due, known.due) == (
        full.correction_notice_due,
        full.reply_due,
        full.extended_due,
        full.due,
    )
    assert known.missing_years == ()


def test_impossible_dates_are_still_errors_when_a_year_is_missing() -> None:
    with pytest.raises(DeadlineError, match="补正"):
        deadlines_as_far_as_known(date(2026, 12, 20), CAL, correction_received=date(2026, 12, 1))


def test_as_far_as_known_wraps_any_clock_and_passes_other_errors_on() -> None:
    assert as_far_as_known(lambda: consultation_due(date(2026, 12, 1), CAL)) == date(2026, 12, 22)
    assert as_far_as_known(lambda: consultation_due(date(2026, 12, 20), CAL)) == MISSING_2027
    with pytest.raises(ValueError):
        as_far_as_known(lambda: CAL.add_working_days(date(2026, 1, 5), -1))
    assert missing_years([date(2026, 1, 1), MISSING_2027, Unknown.missing_year(2028), MISSING_2027]) == (
        2027,
        2028,
    )


@settings(max_examples=150, deadline=None)
@given(
    received=st.dates(date(2026, 10, 1), date(2026, 12, 31)),
    pause_start=st.integers(1, 30),
    pause_days=st.integers(0, 20),
    extended=st.booleans(),
)
def test_each_date_is_the_full_calendars_date_or_unknown_exactly_when_it_falls_in_2027(
    received: date, pause_start: int, pause_days: int, extended: bool
) -> None:
    pauses = [
        Pause(received + timedelta(days=pause_start), received + timedelta(days=pause_start + pause_days))
    ]
    full = compute_deadlines(received, WITH_2027, pauses=pauses)
    approved = (
        received + timedelta(days=1) if extended and received + timedelta(days=1) <= full.reply_due else None
    )
    full = compute_deadlines(received, WITH_2027, pauses=pauses, extension_approved_on=approved)
    known = deadlines_as_far_as_known(received, CAL, pauses=pauses, extension_approved_on=approved)
    for ours, theirs in (
        (known.correction_notice_due, full.correction_notice_due),
        (known.reply_due, full.reply_due),
        (known.extended_due, full.extended_due),
        (known.due, full.due),
    ):
        assert theirs is not None
        assert ours == (MISSING_2027 if theirs.year == 2027 else theirs)


def test_gongkai_deadline_prints_the_correction_deadline_of_a_december_application(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from gongkai.cli import main

    assert main(["deadline", "2026-12-10"]) == 2
    captured = capsys.readouterr()
    assert "补正告知期限：2026-12-21" in captured.out  # within 2026: shown, not "—"
    assert "答复期限：" not in captured.out.replace("补正告知期限", "")
    assert "答复期限、延长后最迟答复期限无法计算：2027年的法定节假日安排尚未录入" in captured.err


def test_administrators_are_reminded_of_next_year_from_the_first_of_november() -> None:
    from gongkai.calendar import years_to_enter

    assert years_to_enter(date(2026, 10, 31), CAL) == ()
    assert years_to_enter(date(2026, 11, 1), CAL) == (2027,)
    assert years_to_enter(date(2026, 12, 31), WITH_2027) == ()
    assert years_to_enter(date(2027, 3, 1), CAL) == (2027,)  # the current year is missing at any time

"""The statutory clock (gongkai.deadlines) and ``gongkai deadline``.

The holiday table: a receipt just before (or inside) every holiday of 2023–2026, with the 补正
notice due date (7 working days, 条例 第三十条) and the reply due date (20 working days, 第三十三条)
counted by hand from the notices: day 1 is the first working day after receipt; "off" lists the
weekdays the notice gives off, "MU" the weekend make-up days (调休上班) that count.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.calendar import UnknownCalendarYear, WorkingCalendar
from gongkai.cli import main
from gongkai.deadlines import (
    PUBLISH_WITHIN_WORKING_DAYS,
    ClockState,
    DeadlineError,
    Pause,
    PauseReason,
    compute_deadlines,
    consultation_due,
    correction_due,
    fee_payment_due,
    lapsed,
    publication_due,
    reasons_due,
    status_on,
)
from gongkai.receipt import CHANNEL_RULES, Channel, date_of_receipt, needs_confirmation

CAL = WorkingCalendar.official()
D = date

HOLIDAY_ROWS = [
    # received, correction notice due (7), reply due (20)
    # -- 2023 (国办发明电〔2022〕16号) --
    # 元旦: Fri 12/30; 1/2 Mon off -> 7th = Wed 1/11; then 春节 1/23–27 off, 1/28–29 MU -> Thu 2/2.
    (D(2022, 12, 30), D(2023, 1, 11), D(2023, 2, 2)),
    # 春节: Fri 1/20; 1/23–27 off, Sat 1/28 (1) Sun 1/29 (2) MU, 1/30–2/3 (3–7); 20th = Wed 2/22.
    (D(2023, 1, 20), D(2023, 2, 3), D(2023, 2, 22)),
    # 清明: Tue 4/4; Wed 4/5 off -> 4/6,4/7,4/10–14 = 7 on Fri 4/14; Sun 4/23 MU, 5/1–3 off -> Fri 5/5.
    (D(2023, 4, 4), D(2023, 4, 14), D(2023, 5, 5)),
    # 劳动节: Fri 4/28; 5/1–3 off, 5/4 (1) 5/5 (2) Sat 5/6 MU (3), 5/8–11 (4–7) -> Thu 5/11; 20th Tue 5/30.
    (D(2023, 4, 28), D(2023, 5, 11), D(2023, 5, 30)),
    # 端午: Wed 6/21; 6/22–23 off, Sun 6/25 MU (1), 6/26–30 (2–6), Mon 7/3 (7); 20th Thu 7/20.
    (D(2023, 6, 21), D(2023, 7, 3), D(2023, 7, 20)),
    # 中秋国庆: Thu 9/28; 9/29–10/6 off, Sat 10/7 (1) Sun 10/8 (2) MU, 10/9–13 (3–7); 20th Wed 11/1.
    (D(2023, 9, 28), D(2023, 10, 13), D(2023, 11, 1)),
    # Received on the make-up Saturday 10/7: Sun 10/8 MU is day 1, 10/9–13 (2–6), Mon 10/16 (7).
    (D(2023, 10, 7), D(2023, 10, 16), D(2023, 11, 2)),
    # -- 2024 (国办发明电〔2023〕7号) --
    # 元旦: Fri 12/29/2023; Mon 1/1 off, 1/2–5 (1–4), 1/8–10 (5–7) -> Wed 1/10; 20th Mon 1/29.
    (D(2023, 12, 29), D(2024, 1, 10), D(2024, 1, 29)),
    # 春节: Fri 2/9; 2/10–17 off, Sun 2/18 MU (1), 2/19–23 (2–6), Mon 2/26 (7); 20th Thu 3/14.
    (D(2024, 2, 9), D(2024, 2, 26), D(2024, 3, 14)),
    # Confirmed online on Mon 2/12, inside 春节: counting starts the same way -> same dates.
    (D(2024, 2, 12), D(2024, 2, 26), D(2024, 3, 14)),
    # Received on the make-up Sunday 2/18: 2/19–23 (1–5), 2/26 (6), Tue 2/27 (7); 20th Fri 3/15.
    (D(2024, 2, 18), D(2024, 2, 27), D(2024, 3, 15)),
    # 清明: Wed 4/3; 4/4–5 off, Sun 4/7 MU (1), 4/8–12 (2–6), Mon 4/15 (7); Sun 4/28 MU, 5/1–3 off -> Mon 5/6.
    (D(2024, 4, 3), D(2024, 4, 15), D(2024, 5, 6)),
    # 劳动节: Tue 4/30; 5/1–3 off, 5/6–10 (1–5), Sat 5/11 MU (6), Mon 5/13 (7); 20th Thu 5/30.
    (D(2024, 4, 30), D(2024, 5, 13), D(2024, 5, 30)),
    # 端午: Fri 6/7; Mon 6/10 off, 6/11–14 (1–4), 6/17–19 (5–7) -> Wed 6/19; 20th Mon 7/8.
    (D(2024, 6, 7), D(2024, 6, 19), D(2024, 7, 8)),
    # 中秋: Fri 9/13; Sat 9/14 MU (1), 9/16–17 off, 9/18–20 (2–4), 9/23–25 (5–7); then Sun 9/29 MU,
    # 10/1–7 off, Sat 10/12 MU -> 20th Thu 10/17.
    (D(2024, 9, 13), D(2024, 9, 25), D(2024, 10, 17)),
    # 国庆: Mon 9/30; 10/1–7 off, 10/8–11 (1–4), Sat 10/12 MU (5), 10/14–15 (6–7); 20th Fri 11/1.
    (D(2024, 9, 30), D(2024, 10, 15), D(2024, 11, 1)),
    # -- 2025 (国办发明电〔2024〕12号) --
    # 元旦: Tue 12/31/2024; Wed 1/1 off, 1/2–3 (1–2), 1/6–10 (3–7); Sun 1/26 MU, 春节 1/28–2/4 off -> Wed 2/5.
    (D(2024, 12, 31), D(2025, 1, 10), D(2025, 2, 5)),
    # 春节: Mon 1/27; 1/28–2/4 off, 2/5–7 (1–3), Sat 2/8 MU (4), 2/10–12 (5–7); 20th Mon 3/3.
    (D(2025, 1, 27), D(2025, 2, 12), D(2025, 3, 3)),
    # 清明: Thu 4/3; Fri 4/4 off, 4/7–11 (1–5), 4/14–15 (6–7); Sun 4/27 MU, 5/1–5 off -> Tue 5/6.
    (D(2025, 4, 3), D(2025, 4, 15), D(2025, 5, 6)),
    # 劳动节: Wed 4/30; 5/1–5 off, 5/6–9 (1–4), 5/12–14 (5–7); 端午 Mon 6/2 off -> 20th Tue 6/3.
    (D(2025, 4, 30), D(2025, 5, 14), D(2025, 6, 3)),
    # 端午: Fri 5/30; Mon 6/2 off, 6/3–6 (1–4), 6/9–11 (5–7) -> Wed 6/11; 20th Mon 6/30.
    (D(2025, 5, 30), D(2025, 6, 11), D(2025, 6, 30)),
    # 国庆中秋: Tue 9/30; 10/1–8 off, 10/9–10 (1–2), Sat 10/11 MU (3), 10/13–16 (4–7); 20th Tue 11/4.
    (D(2025, 9, 30), D(2025, 10, 16), D(2025, 11, 4)),
    # -- 2026 (通知 of 2025-11-04) --
    # 元旦: Wed 12/31/2025; 1/1–2 off, Sun 1/4 MU (1), 1/5–9 (2–6), Mon 1/12 (7); 20th Thu 1/29.
    (D(2025, 12, 31), D(2026, 1, 12), D(2026, 1, 29)),
    # 春节: Fri 2/13; Sat 2/14 MU (1), 2/15–23 off, 2/24–27 (2–5), Sat 2/28 MU (6), Mon 3/2 (7);
    # 20th Thu 3/19.
    (D(2026, 2, 13), D(2026, 3, 2), D(2026, 3, 19)),
    # 清明: Fri 4/3; Mon 4/6 off, 4/7–10 (1–4), 4/13–15 (5–7); 劳动节 5/1–5 off -> 20th Thu 5/7.
    (D(2026, 4, 3), D(2026, 4, 15), D(2026, 5, 7)),
    # 劳动节: Thu 4/30; 5/1–5 off, 5/6–8 (1–3), Sat 5/9 MU (4), 5/11–13 (5–7); 20th Mon 6/1.
    (D(2026, 4, 30), D(2026, 5, 13), D(2026, 6, 1)),
    # 端午: Thu 6/18; Fri 6/19 off, 6/22–26 (1–5), 6/29–30 (6–7); 20th Fri 7/17.
    (D(2026, 6, 18), D(2026, 6, 30), D(2026, 7, 17)),
    # 中秋: Thu 9/24; Fri 9/25 off, 9/28–30 (1–3), 10/1–7 off, 10/8–9 (4–5), Sat 10/10 MU (6), Mon 10/12 (7).
    (D(2026, 9, 24), D(2026, 10, 12), D(2026, 10, 29)),
    # 国庆: Wed 9/30; 10/1–7 off, 10/8–9 (1–2), Sat 10/10 MU (3), 10/12–15 (4–7); 20th Tue 11/3.
    (D(2026, 9, 30), D(2026, 10, 15), D(2026, 11, 3)),
]


@pytest.mark.parametrize(("received", "correction_notice", "reply"), HOLIDAY_ROWS)
def test_deadlines_around_every_holiday_2023_to_2026(
    received: date, correction_notice: date, reply: date
) -> None:
    deadlines = compute_deadlines(received, CAL)
    assert deadlines.correction_notice_due == correction_notice
    assert deadlines.reply_due == reply
    assert deadlines.due == reply


def test_the_holiday_table_covers_every_holiday_of_every_year() -> None:
    # Every holiday entry of 2023–2026 has a row received within 7 days before its first day off.
    for year in range(2023, 2027):
        for entry in CAL.schedule(year).entries:
            first_off = entry.off[0][0]
            assert any(0 <= (first_off - r).days <= 7 for r, _, _ in HOLIDAY_ROWS), (year, entry.holiday)


# -- date of receipt (第三十一条) ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("channel", "evidence", "expected"),
    [
        # 当面: the day submitted.
        (Channel.IN_PERSON, {"submitted_on": D(2026, 3, 2)}, D(2026, 3, 2)),
        # 邮寄（签收）: the day the agency signs, not the postmark or the letter's date.
        (Channel.POST_SIGNED, {"signed_for_on": D(2026, 3, 4), "confirmed_on": D(2026, 3, 5)}, D(2026, 3, 4)),
        # 平常信函: the day the office confirms with the applicant.
        (Channel.POST_UNSIGNED, {"confirmed_on": D(2026, 3, 5)}, D(2026, 3, 5)),
        # 网上: the day both sides confirm, even if submitted on a weekend.
        (Channel.ONLINE, {"submitted_on": D(2026, 2, 28), "confirmed_on": D(2026, 3, 2)}, D(2026, 3, 2)),
        # 传真: likewise 双方确认之日.
        (Channel.FAX, {"confirmed_on": D(2026, 3, 3)}, D(2026, 3, 3)),
        # 电子邮件: an internet channel, 双方确认之日.
        (Channel.EMAIL, {"confirmed_on": D(2026, 3, 6)}, D(2026, 3, 6)),
    ],
)
def test_date_of_receipt_per_channel(channel: Channel, evidence: dict[str, date], expected: date) -> None:
    assert date_of_receipt(channel, **evidence) == expected


@pytest.mark.parametrize("channel", list(Channel))
def test_missing_evidence_for_a_channel_is_a_chinese_error(channel: Channel) -> None:
    with pytest.raises(DeadlineError, match=CHANNEL_RULES[channel].evidence_label):
        date_of_receipt(channel)


# -- pauses, correction, extension, 第三十五条 ---------------------------------------------------


@pytest.mark.parametrize(
    ("pauses", "reply", "extended", "skipped"),
    [
        # No pause: Mon 3/2 -> 20th working day Mon 3/30; +20: 3/31–4/3 (4), 清明 Mon 4/6 off,
        # 4/7–10 (8), 4/13–17 (13), 4/20–24 (18), 4/27–28 (20) -> Tue 4/28.
        ((), D(2026, 3, 30), D(2026, 4, 28), 0),
        # Third party consulted 3/9–3/20 (10 working days, 第三十二条): due moves 10 working days,
        # across 清明 (Mon 4/6 off) -> Tue 4/14; +20: 4/15–17 (3), 4/20–24 (8), 4/27–30 (12),
        # 5/1–5 off, 5/6–8 (15), Sat 5/9 MU (16), 5/11–14 (20) -> Thu 5/14.
        ((Pause(D(2026, 3, 9), D(2026, 3, 20)),), D(2026, 4, 14), D(2026, 5, 14), 10),
        # Two consultations overlapping 3/9–3/13 and 3/11–3/17 count once: 3/9–3/17 = 7 days;
        # 3/30 + 7 = Thu 4/9; +20 ends on Mon 5/11 (5/1–5 off, Sat 5/9 MU counted).
        (
            (
                Pause(D(2026, 3, 9), D(2026, 3, 13)),
                Pause(D(2026, 3, 11), D(2026, 3, 17), PauseReason.OTHER_AGENCY),
            ),
            D(2026, 4, 9),
            D(2026, 5, 11),
            7,
        ),
        # A pause over a weekend only: no working day inside, nothing moves.
        ((Pause(D(2026, 3, 7), D(2026, 3, 8)),), D(2026, 3, 30), D(2026, 4, 28), 0),
        # A pause before the clock start is ignored.
        ((Pause(D(2026, 2, 24), D(2026, 3, 2)),), D(2026, 3, 30), D(2026, 4, 28), 0),
        # Fee notice 3/25 to payment 3/31 (5 working days, 缴费期间不计算在答复期限内): 16 days
        # counted by 3/24, then 4/1–3 (19), 4/6 off, Tue 4/7 (20); +20 -> Fri 5/8.
        ((Pause(D(2026, 3, 25), D(2026, 3, 31), PauseReason.FEE),), D(2026, 4, 7), D(2026, 5, 8), 5),
    ],
)
def test_pauses_shift_the_reply_and_extended_dates(
    pauses: tuple[Pause, ...], reply: date, extended: date, skipped: int
) -> None:
    deadlines = compute_deadlines(D(2026, 3, 2), CAL, pauses=pauses)
    assert deadlines.reply_due == reply
    assert deadlines.extended_due == extended
    assert deadlines.paused_working_days == skipped
    # The 补正 notice date is about the application as received: pauses do not move it.
    assert deadlines.correction_notice_due == D(2026, 3, 11)


def test_a_pause_ending_before_it_starts_is_refused() -> None:
    with pytest.raises(DeadlineError, match="早于开始日期"):
        Pause(D(2026, 3, 9), D(2026, 3, 6))


def test_after_correction_the_twenty_days_restart_from_the_corrected_application() -> None:
    # 第三十条: received Mon 3/2, correction received Mon 3/16 -> 20 working days from 3/16 = Tue 4/14
    # (清明 Mon 4/6 off); the 补正 notice date stays tied to the original receipt (Wed 3/11).
    deadlines = compute_deadlines(D(2026, 3, 2), CAL, correction_received=D(2026, 3, 16))
    assert deadlines.clock_start == D(2026, 3, 16)
    assert deadlines.reply_due == D(2026, 4, 14)
    assert deadlines.correction_notice_due == D(2026, 3, 11)


def test_a_correction_cannot_precede_the_application() -> None:
    with pytest.raises(DeadlineError, match="补正"):
        compute_deadlines(D(2026, 3, 2), CAL, correction_received=D(2026, 2, 27))


def test_an_approved_extension_makes_the_extended_date_apply() -> None:
    # 第三十三条第二款: approved on 3/20, before the ordinary due date 3/30.
    deadlines = compute_deadlines(D(2026, 3, 2), CAL, extension_approved_on=D(2026, 3, 20))
    assert deadlines.extension_approved
    assert deadlines.due == deadlines.extended_due == D(2026, 4, 28)


def test_an_extension_after_the_period_ran_out_is_refused() -> None:
    with pytest.raises(DeadlineError, match="届满前"):
        compute_deadlines(D(2026, 3, 2), CAL, extension_approved_on=D(2026, 3, 31))


def test_a_later_date_under_article_35_applies_when_later_than_the_ordinary_date() -> None:
    deadlines = compute_deadlines(D(2026, 3, 2), CAL, later_date=D(2026, 6, 30))
    assert deadlines.due == D(2026, 6, 30)
    with pytest.raises(DeadlineError, match="第三十五条"):
        compute_deadlines(D(2026, 3, 2), CAL, later_date=D(2026, 3, 27))


# -- unknown years ----------------------------------------------------------------------------


def test_a_reply_due_in_2027_is_an_error() -> None:
    # Received 2026-12-10: the 20th working day falls in January 2027, not yet published.
    with pytest.raises(UnknownCalendarYear, match="2027年的法定节假日安排尚未录入"):
        compute_deadlines(D(2026, 12, 10), CAL)


def test_only_the_extended_date_is_unknown_for_a_receipt_today() -> None:
    # Received today (Fri 2026-11-27): reply due Fri 12/25 is known; +20 reaches 2027.
    deadlines = compute_deadlines(D(2026, 11, 27), CAL)
    assert deadlines.reply_due == D(2026, 12, 25)
    assert deadlines.extended_due is None
    assert deadlines.unknown_year == 2027
    assert deadlines.due == D(2026, 12, 25)
    with pytest.raises(UnknownCalendarYear):
        compute_deadlines(D(2026, 11, 27), CAL, extension_approved_on=D(2026, 12, 1))


# -- status on a given day ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "state", "left"),
    [
        (D(2026, 3, 2), ClockState.ON_TIME, 20),  # the day of receipt
        (D(2026, 3, 24), ClockState.ON_TIME, 4),  # four working days to go
        (D(2026, 3, 25), ClockState.DUE_SOON, 3),  # "due within 3 working days"
        (D(2026, 3, 28), ClockState.DUE_SOON, 1),  # a Saturday: Monday is the last day
        (D(2026, 3, 30), ClockState.DUE_SOON, 0),  # the due date itself is still in time
        (D(2026, 3, 31), ClockState.OVERDUE, -1),  # the day after
        (D(2026, 4, 7), ClockState.OVERDUE, -5),  # 清明 Mon 4/6 not counted as overdue time
    ],
)
def test_status_on(today: date, state: ClockState, left: int) -> None:
    status = status_on(compute_deadlines(D(2026, 3, 2), CAL), today, CAL)
    assert (status.state, status.working_days_left, status.due) == (state, left, D(2026, 3, 30))
    assert status.label in {"未到期", "即将到期", "已逾期"}


# -- the other clocks ---------------------------------------------------------------------------


def test_correction_period_is_set_by_the_agency() -> None:
    # 第三十条 "合理的补正期限": notice received Wed 3/11, 10 working days -> Wed 3/25.
    assert correction_due(D(2026, 3, 11), CAL, 10) == D(2026, 3, 25)
    with pytest.raises(DeadlineError, match="合理的补正期限"):
        correction_due(D(2026, 3, 11), CAL, 0)


def test_the_window_to_explain_is_set_by_the_agency() -> None:
    # 第三十五条 "行政机关可以要求申请人说明理由" names no period: the agency sets a reasonable one,
    # as for 补正. Letter Wed 3/11, 10 working days -> Wed 3/25; none at all is no period.
    assert reasons_due(D(2026, 3, 11), CAL, 10) == D(2026, 3, 25)
    with pytest.raises(DeadlineError, match="第三十五条未规定天数"):
        reasons_due(D(2026, 3, 11), CAL, 0)


def test_consultation_window_is_fifteen_working_days() -> None:
    # 第三十二条: letter received Mon 9/21/2026; 9/22–24 (3), Fri 9/25 off, 9/28–30 (4–6), 10/1–7 off,
    # 10/8–9 (7–8), Sat 10/10 MU (9), 10/12–16 (10–14), Mon 10/19 (15).
    assert consultation_due(D(2026, 9, 21), CAL) == D(2026, 10, 19)


def test_fee_payment_period_is_twenty_working_days_from_the_next_day() -> None:
    # Fee notice received Thu 4/30/2026: 5/1–5 off, 5/6–8 (3), Sat 5/9 MU (4), ... 20th Mon 6/1.
    assert fee_payment_due(D(2026, 4, 30), CAL) == D(2026, 6, 1)


@pytest.mark.parametrize(
    ("today", "done_on", "expected"),
    [
        (D(2026, 6, 1), None, False),  # the last day: not lapsed yet
        (D(2026, 6, 2), None, True),  # the day after, nothing done: lapsed -> 表三（六）
        (D(2026, 6, 2), D(2026, 5, 20), False),  # done in time
        (D(2026, 6, 5), D(2026, 6, 3), True),  # done too late still lapsed
    ],
)
def test_lapsed(today: date, done_on: date | None, expected: bool) -> None:
    assert lapsed(D(2026, 6, 1), today, done_on) is expected


# -- properties ----------------------------------------------------------------------------------

RECEIPTS = st.dates(min_value=D(2019, 1, 2), max_value=D(2026, 6, 30))


@settings(max_examples=150, deadline=None)
@given(
    received=RECEIPTS,
    offset=st.integers(min_value=0, max_value=30),
    length=st.integers(min_value=0, max_value=25),
)
def test_a_pause_never_shortens_and_the_due_date_is_an_unpaused_working_day(
    received: date, offset: int, length: int
) -> None:
    from datetime import timedelta

    pause = Pause(received + timedelta(days=offset), received + timedelta(days=offset + length))
    plain = compute_deadlines(received, CAL)
    paused = compute_deadlines(received, CAL, pauses=[pause])
    assert paused.reply_due >= plain.reply_due
    assert CAL.is_working_day(paused.reply_due)
    assert not pause.first <= paused.reply_due <= pause.last
    inside = CAL.working_days_in(
        max(pause.first, received + timedelta(days=1)), min(pause.last, paused.reply_due)
    )
    assert CAL.working_days_between(received, paused.reply_due) - inside == 20


# -- the CLI -----------------------------------------------------------------------------------


def test_cli_json_is_exactly_the_four_iso_dates(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["deadline", "2024-02-09", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "received": "2024-02-09",
        "reply_due": "2024-03-14",
        "correction_notice_due": "2024-02-26",
        "extended_due": "2024-04-12",
    }


def test_cli_paused_ranges_move_the_dates(capsys: pytest.CaptureFixture[str]) -> None:
    argv = [
        "deadline",
        "2026-03-02",
        "--paused",
        "2026-03-09:2026-03-13",
        "--paused",
        "2026-03-16:2026-03-20",
    ]
    assert main([*argv, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["reply_due"], out["extended_due"]) == ("2026-04-14", "2026-05-14")


def test_cli_text_output_has_chinese_labels(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["deadline", "2026-03-02"]) == 0
    out = capsys.readouterr().out
    assert "补正告知期限：2026-03-11" in out
    assert "答复期限：2026-03-30" in out
    assert "延长后最迟答复期限：2026-04-28" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["deadline", "2026-02-30"], "无法识别的日期"),  # no such day
        (["deadline", "2026-03-02", "--paused", "2026-03-09"], "FROM:TO"),  # not a range
        (["deadline", "2026-03-02", "--paused", "2026-03-09:2026-03-01"], "早于开始日期"),
    ],
)
def test_cli_bad_arguments_are_chinese_usage_errors(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as raised:
        main(argv)
    assert raised.value.code == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        ["deadline", "2027-01-05"],  # received in an unknown year
        ["deadline", "2026-11-27", "--json"],  # the extended date needs 2027: no partial JSON
    ],
)
def test_cli_unknown_year_is_a_chinese_error_with_exit_status_2(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert "2027年的法定节假日安排尚未录入" in captured.err
    assert "Traceback" not in captured.err
    assert captured.out == ""


def test_cli_prints_the_known_dates_before_the_unknown_one(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["deadline", "2026-11-27"]) == 2
    captured = capsys.readouterr()
    assert "答复期限：2026-12-25" in captured.out
    assert "延长后最迟答复期限无法计算" in captured.err


@pytest.mark.parametrize("channel", list(Channel))
def test_only_an_application_handed_in_needs_no_second_date(channel: Channel) -> None:
    """条例 第三十一条: only 当面提交 (第（一）项) counts the day of submission itself."""
    assert needs_confirmation(channel) is (channel is not Channel.IN_PERSON)
    day = date(2026, 3, 2)
    if needs_confirmation(channel):
        with pytest.raises(DeadlineError):
            date_of_receipt(channel, submitted_on=day)
    else:
        assert date_of_receipt(channel, submitted_on=day) == day


def test_proactive_disclosure_is_due_twenty_working_days_after_the_information_is_made() -> None:
    """条例 第二十六条: 自该政府信息形成或者变更之日起20个工作日内及时公开."""
    assert PUBLISH_WITHIN_WORKING_DAYS == 20
    made = date(2026, 9, 25)  # the National Day holiday falls inside the period
    assert publication_due(made, CAL) == date(2026, 10, 29)

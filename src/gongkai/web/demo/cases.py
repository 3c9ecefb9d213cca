"""The demo's cases: every scenario a case can go through, replayed through the actions from
the day it was received (so deadlines are the engine's and every step is in the audit trail)."""

from __future__ import annotations

import contextlib
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone

from gongkai.calendar import WorkingCalendar
from gongkai.deadlines import FEE_PAYMENT_WORKING_DAYS
from gongkai.errors import GongkaiError
from gongkai.web.accounts.models import Agency, Role, User
from gongkai.web.applications import actions
from gongkai.web.audit.record import replaying
from gongkai.web.demo.consultation import consult_third_party
from gongkai.web.demo.lapses import OVERDUE_CORRECTION, ask_reasons, lapse_correction
from gongkai.web.demo.people import applicant as random_applicant
from gongkai.web.demo.replay import Replay
from gongkai.web.demo.replies import play_reply
from gongkai.workflow.cases import CaseState

#: The scenario of each case; weights favour ordinary answered cases like a real year.
SCENARIOS = [
    "answered",
    "answered",
    "answered",
    "answered",
    "answered_late",
    "corrected",
    "correction_lapsed",
    "extended",
    "consulted",
    "fee",
]
#: (scenario, working days since receipt) of the cases on the desk today: every open state, some
#: due within 3 working days, some overdue (received more than 20 working days ago, unanswered).
OPEN_AGES = [
    ("received", 1),
    ("in_progress", 5),
    ("awaiting_correction", 6),
    ("consulting", 8),
    ("awaiting_fee", 9),
    ("reply_drafted", 10),
    ("under_review", 12),
    ("returned", 14),
    ("approved", 16),
    ("extension_pending", 17),
    ("issued", 18),
    ("extended", 19),
    ("reply_drafted", 18),
    ("under_review", 19),
    ("in_progress", 24),
    ("in_progress", 27),
    # Issue 16: a lapse awaiting the clerk, one excused for a 正当理由 (条例 第三十条), and a
    # 第三十五条 request answered with a later reply date.
    ("correction_lapse_pending", 18),
    ("correction_excused", 20),
    ("reasons_later", 12),
    ("fee_lapse_pending", 27),
]


def play(rp: Replay, scenario: str, today: date, rng: random.Random, who: dict[str, User]) -> None:
    app = rp.app
    clerk = who[app.agency_clerk]
    head = who.get(app.agency_head)
    reviewer = who.get(app.agency_reviewer) or clerk
    received = app.received_on
    assert received is not None
    start = rp.workday(received, 1)
    outcome: str | None = None  # decided by the story itself, else drawn when the reply is
    if start > today or scenario == "received":  # 已登记: not yet given to a clerk
        return
    rp.at(start, actions.do_assign_application, clerk, acting_user=clerk)
    if scenario == "in_progress":  # being worked on, no reply drafted yet
        return
    if scenario == "reasons_later":  # 第三十五条 (issue 16)
        ask_reasons(rp, start, today, clerk)
        return
    lapses = ("correction_lapsed", "correction_lapse_pending", "correction_excused")
    if scenario in ("corrected", "awaiting_correction", *lapses):
        if (sent := rp.workday_by(today, received, rng.randint(2, 6))) is None:
            return
        rp.at(
            sent,
            actions.do_request_correction,
            sent_on=sent,
            items="请明确所需信息的名称、文号或形成时间",
            working_days=10,
            acting_user=clerk,
        )
        if scenario == "awaiting_correction":
            return
        if scenario in lapses:  # before the clerk; （六）1 only without a 正当理由 (issue 16)
            if (drafted := lapse_correction(rp, scenario, sent, today, clerk)) is None:
                return
            start, outcome = drafted, OVERDUE_CORRECTION
        elif (back := rp.workday_by(today, sent, rng.randint(2, 8))) is None:
            return
        else:
            rp.at(back, actions.do_receive_correction, received_on=back, acting_user=clerk)
    if scenario in ("consulted", "consulting"):
        if (sent := rp.workday_by(today, start, 2)) is None:
            return
        kind = rng.choice(["third_party", "other_agency"])
        if kind == "third_party":  # 第三十二条: letter, answer, decision to disclose (issue 6)
            if not consult_third_party(rp, sent, today, clerk, answered=scenario == "consulted"):
                return
            outcome = "granted"
        else:
            rp.at(
                sent,
                actions.do_start_consultation,
                kind=kind,
                sent_on=sent,
                note="涉及其他机关职责，书面征求意见",
                acting_user=clerk,
            )
            if scenario == "consulting":
                return
            if (end := rp.workday_by(today, sent, rng.randint(5, 15))) is None:
                return
            rp.at(end, actions.do_end_consultation, ended_on=end, acting_user=clerk)
    if scenario in ("fee", "awaiting_fee", "fee_per_application", "fee_lapse_pending"):
        if (sent := rp.workday_by(today, start, 3)) is None:
            return
        per_application = scenario == "fee_per_application"  # 按件: see demo.fees
        rp.at(
            sent,
            actions.do_send_fee_notice,
            sent_on=sent,
            method="per_application" if per_application else "per_page",
            pages=None if per_application else rng.randint(31, 250),
            how_to_pay="持本通知到本机关财务窗口缴纳，或通过非税收入统一缴款平台缴纳",
            note="",
            acting_user=clerk,
        )
        if scenario == "awaiting_fee":
            return
        if scenario == "fee_lapse_pending":  # unpaid after the payment period: before the clerk
            if (lapsed_on := rp.workday_by(today, sent, FEE_PAYMENT_WORKING_DAYS + 1)) is not None:
                rp.at(lapsed_on, actions.do_refer_lapse, today=lapsed_on, acting_user=None)
            return
        if (paid := rp.workday_by(today, sent, rng.randint(2, 10))) is None:
            return
        rp.at(paid, actions.do_receive_fee, paid_on=paid, acting_user=clerk)
    if scenario in ("extended", "extension_pending") and head is not None:
        asked = rp.workday(rp.app.received_on or received, 15)
        if asked > today or rp.app.status != CaseState.IN_PROGRESS:
            return
        rp.at(
            asked,
            actions.do_request_extension,
            reason="所需信息涉及多个科室，需要检索归档材料",
            on=asked,
            acting_user=clerk,
        )
        if scenario == "extension_pending":
            return
        if (approved := rp.workday_by(today, asked, 1)) is None:
            return
        rp.at(approved, actions.do_approve_extension, approved_on=approved, acting_user=head)
    # The reply, through the replies app for this year's cases (issue 6; see demo.replies).
    play_reply(
        rp,
        scenario,
        start=start,
        today=today,
        rng=rng,
        clerk=clerk,
        reviewer=reviewer,
        with_letter=received.year >= today.year,
        outcome=outcome,
    )


def _working_days_before(calendar: WorkingCalendar, today: date, n: int) -> date:
    day = today
    while n > 0:
        day -= timedelta(days=1)
        if calendar.is_working_day(day):
            n -= 1
    return day


@dataclass(frozen=True, slots=True)
class Desk:
    """One agency's office in the demo: its staff by role and the calendar it counts on, with
    the day the city is built for and the random source -- what every case of it needs."""

    agency: Agency
    roles: dict[str, str]  # role -> username
    who: dict[str, User]  # username -> user
    calendar: WorkingCalendar
    today: date
    rng: random.Random


def build_open(desk: Desk) -> None:
    """The cases on the desk today: one per open state, received 1 to 28 working days ago (the
    oldest ones still unanswered are overdue, some fall due within 3 working days)."""
    for scenario, age in OPEN_AGES:
        if scenario not in ("extension_pending", "extended"):
            age = max(1, age + desk.rng.randint(-1, 1))
        day = _working_days_before(desk.calendar, desk.today, age)
        build_case(desk, day, scenario, channel=desk.rng.choice(CHANNELS))


CHANNELS = ["online", "online", "online", "in_person", "post_signed", "post_unsigned", "email", "fax"]


def build_case(
    desk: Desk, day: date, scenario: str, *, channel: str, applicant: dict[str, Any] | None = None
) -> None:
    """One case received on ``day`` through ``channel``, played through ``scenario``."""
    rng, today, roles, calendar = desk.rng, desk.today, desk.roles, desk.calendar
    confirmed = day if channel in ("in_person", "online") else min(calendar.add_working_days(day, 1), today)
    at = timezone.make_aware(datetime.combine(day, time(9 + rng.randint(0, 7), rng.randint(0, 59))))
    clerk = desk.who[roles[Role.CLERK]]
    with replaying(at):
        app = actions.do_submit_application(
            desk.agency,
            applicant or random_applicant(rng, day.year),
            channel=channel,
            submitted_at=at,
            arrived_on=day,
            confirmed_on=confirmed,
            acting_user=None if channel == "online" else clerk,
        ).application
    app.agency_clerk = roles[Role.CLERK]
    app.agency_head = roles.get(Role.HEAD)
    app.agency_reviewer = roles.get(Role.REVIEWER)
    # A step the rules refuse on this random history (e.g. a date in a year without a schedule)
    # ends the story there: the case stays in its last legal state.
    with contextlib.suppress(GongkaiError):
        play(Replay(app, calendar), scenario, today, rng, desk.who)


def build_year(desk: Desk, year: int, count: int) -> None:
    """Past cases of ``year``, all received at least 60 days before ``today`` and settled."""
    rng = desk.rng
    last_day = min(date(year, 12, 31), desk.today - timedelta(days=60))
    if last_day < date(year, 1, 1):
        return
    span = (last_day - date(year, 1, 1)).days
    days = sorted(date(year, 1, 1) + timedelta(days=rng.randint(0, span)) for _ in range(count))
    for day in days:
        while not desk.calendar.is_working_day(day):
            day += timedelta(days=1)
        build_case(desk, day, rng.choice(SCENARIOS), channel=rng.choice(CHANNELS))

"""The statutory clock of a disclosure application (依申请公开的答复期限).

For the web layer -- compute, never store::

    from gongkai.deadlines import Pause, PauseReason, compute_deadlines, status_on
    from gongkai.receipt import Channel, date_of_receipt

    received = date_of_receipt(Channel.POST_SIGNED, signed_for_on=date(2026, 3, 2))
    d = compute_deadlines(received, cal, pauses=[Pause(date(2026, 3, 9), date(2026, 3, 20),
                          PauseReason.THIRD_PARTY)], correction_received=None,
                          extension_approved_on=None, later_date=None)
    d.reply_due, d.extended_due, d.correction_notice_due, d.due      # d.due = the one that applies
    status_on(d, today, cal)                                        # overdue / due soon / on time

Rules (application-handling.md 二), each in one place below:

- date of receipt per channel: 条例 第三十一条 (:func:`gongkai.receipt.date_of_receipt`);
- day 1 is the first working day after the date of receipt (gongkai.calendar.working);
- reply within 20 working days: 第三十三条第二款; 补正 notice within 7 working days of receipt,
  and after 补正 the 20 days run from receipt of the corrected application: 第三十条;
- extension of at most 20 more working days with the head's approval: 第三十三条第二款;
- time spent consulting a third party (第三十二条) or another agency (第三十四条) is not counted:
  第三十三条第三款 -- modelled as :class:`Pause` ranges whose working days are skipped;
- the period from the fee notice to payment is likewise not counted (缴费期间不计算在答复期限内):
  a :class:`Pause` with :attr:`PauseReason.FEE`. fee-rules.md could not find the 办法's own
  clause on this (its 第六条 onwards is [未找到]); the 20-working-day payment period is from the
  Sichuan notice quoted there (4.2). Verify against the gov.cn original before relying on it;
- 第三十五条 lets the agency set a reasonable later date for excessive requests (``later_date``);
- proactive disclosure within 20 working days of the information being made or changed:
  第二十六条 (:func:`publication_due`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from types import MappingProxyType
from typing import TypedDict, Unpack

from gongkai.calendar import UnknownCalendarYear, WorkingCalendar
from gongkai.calendar.reach import Unknown, as_far_as_known, missing_years
from gongkai.errors import GongkaiError

#: 条例 第三十三条第二款: 自收到申请之日起20个工作日内予以答复.
REPLY_WORKING_DAYS = 20
#: 条例 第三十条: 自收到申请之日起7个工作日内一次性告知申请人作出补正.
CORRECTION_NOTICE_WORKING_DAYS = 7
#: 条例 第三十三条第二款: 延长的期限最长不得超过20个工作日.
EXTENSION_MAX_WORKING_DAYS = 20
#: 条例 第三十二条、第三十四条: 自收到征求意见书之日起15个工作日内提出意见.
CONSULTATION_WORKING_DAYS = 15
#: fee-rules.md 4.2 (四川省通知): 收到收费通知次日起20个工作日内缴纳费用.
FEE_PAYMENT_WORKING_DAYS = 20
#: 条例 第二十六条: 属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内及时公开.
PUBLISH_WITHIN_WORKING_DAYS = 20


class DeadlineError(GongkaiError):
    """Dates that cannot describe a real case (a pause ending before it starts, ...)."""


# ---------------------------------------------------------------------------------------------
# Pauses (第三十三条第三款; fee notice)
# ---------------------------------------------------------------------------------------------


class PauseReason(StrEnum):
    THIRD_PARTY = "third_party"  # 征求第三方意见（第三十二条）
    OTHER_AGENCY = "other_agency"  # 征求其他机关意见（第三十四条）
    FEE = "fee"  # 收费通知至缴费


PAUSE_LABELS: Mapping[PauseReason, str] = MappingProxyType(
    {
        PauseReason.THIRD_PARTY: "征求第三方意见（条例第三十二条、第三十三条第三款）",
        PauseReason.OTHER_AGENCY: "征求其他机关意见（条例第三十四条、第三十三条第三款）",
        PauseReason.FEE: "收费通知至缴费期间",
    }
)


@dataclass(frozen=True, slots=True)
class Pause:
    """Days on which the clock stands still; both ``first`` and ``last`` included."""

    first: date
    last: date
    reason: PauseReason = PauseReason.THIRD_PARTY

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise DeadlineError(
                f"不计入期限的时间段结束日期（{self.last.isoformat()}）早于开始日期（{self.first.isoformat()}）"
            )


def _merged(pauses: Iterable[Pause], after: date) -> tuple[tuple[date, date], ...]:
    """The pauses as sorted, non-overlapping ranges, clipped to the days after ``after``."""
    start = after + timedelta(days=1)
    ranges = sorted((max(p.first, start), p.last) for p in pauses if p.last >= start)
    merged: list[tuple[date, date]] = []
    for first, last in ranges:
        if merged and first <= merged[-1][1] + timedelta(days=1):
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return tuple(merged)


def _add_excluding(
    calendar: WorkingCalendar, start: date, n: int, paused: tuple[tuple[date, date], ...]
) -> tuple[date, int]:
    """The ``n``-th working day after ``start`` that is not paused, and how many were skipped.

    Grows the target until the paused working days before it are all accounted for: the
    sequence only rises, so it stops at the first day with ``n`` unpaused working days before
    it (inclusive) -- an unpaused working day itself.
    """
    due = calendar.add_working_days(start, n)
    while True:
        skipped = sum(
            calendar.working_days_in(first, min(last, due)) for first, last in paused if first <= due
        )
        again = calendar.add_working_days(start, n + skipped)
        if again == due:
            return due, skipped
        due = again


# ---------------------------------------------------------------------------------------------
# The deadlines of one application
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Deadlines:
    """Every due date of one application, computed from its facts (never stored)."""

    received: date
    #: When the 20 days start: the date of receipt, or receipt of the corrected application.
    clock_start: date
    correction_notice_due: date
    reply_due: date
    #: The latest date if the head approves the extension; ``None`` when that date falls into a
    #: year without a schedule (``unknown_year``) -- an error only once it is needed.
    extended_due: date | None
    extension_approved: bool
    later_date: date | None
    paused_working_days: int
    unknown_year: int | None = None

    @property
    def due(self) -> date:
        """The due date that applies now: 第三十五条 date, else extended, else ordinary."""
        if self.later_date is not None:
            return self.later_date
        if self.extension_approved:
            if self.extended_due is None:
                raise UnknownCalendarYear(self.unknown_year or self.reply_due.year + 1)
            return self.extended_due
        return self.reply_due


def _correction_notice_due(received: date, calendar: WorkingCalendar) -> date:
    """条例 第三十条: the 补正 notice within 7 working days of receipt."""
    return calendar.add_working_days(received, CORRECTION_NOTICE_WORKING_DAYS)


def _clock_start(received: date, correction_received: date | None) -> date:
    """条例 第三十条: after 补正 the reply period runs from receipt of the corrected application."""
    if correction_received is not None and correction_received < received:
        raise DeadlineError("收到补正申请的日期不能早于收到原申请的日期（条例第三十条）")
    return correction_received or received


def _extended_due(
    calendar: WorkingCalendar, clock_start: date, paused: tuple[tuple[date, date], ...]
) -> date:
    """条例 第三十三条第二款: at most 20 working days more than the reply period."""
    due, _ = _add_excluding(calendar, clock_start, REPLY_WORKING_DAYS + EXTENSION_MAX_WORKING_DAYS, paused)
    return due


def _check_against_reply_due(
    reply_due: date, extension_approved_on: date | None, later_date: date | None
) -> None:
    """An extension only before the reply period ends (第三十三条第二款); a 第三十五条 date after it."""
    if extension_approved_on is not None and extension_approved_on > reply_due:
        raise DeadlineError(
            f"延长答复期限须在答复期限（{reply_due.isoformat()}）届满前经政府信息公开工作机构负责人同意"
            "（条例第三十三条第二款）"
        )
    if later_date is not None and later_date <= reply_due:
        raise DeadlineError(
            f"依条例第三十五条确定的延迟答复期限应晚于法定答复期限（{reply_due.isoformat()}）"
        )


def compute_deadlines(
    received: date,
    calendar: WorkingCalendar,
    *,
    pauses: Iterable[Pause] = (),
    correction_received: date | None = None,
    extension_approved_on: date | None = None,
    later_date: date | None = None,
) -> Deadlines:
    """The deadlines of an application received on ``received`` (see :func:`date_of_receipt`).

    Legal basis: 条例 第三十条 (补正: notice within 7 working days; the reply period runs from
    receipt of the corrected application), 第三十三条 (20 working days; extension by at most 20
    with the head's approval; consultation time not counted), 第三十五条 (a reasonable later date).

    ``pauses`` are skipped only for the reply and extended dates, and only where they fall after
    the clock start. ``extension_approved_on`` must not be after the ordinary due date: a period
    that has run out cannot be extended.
    """
    correction_notice_due = _correction_notice_due(received, calendar)
    clock_start = _clock_start(received, correction_received)
    paused = _merged(pauses, clock_start)
    reply_due, skipped = _add_excluding(calendar, clock_start, REPLY_WORKING_DAYS, paused)
    extended_due: date | None
    unknown_year: int | None = None
    try:
        extended_due = _extended_due(calendar, clock_start, paused)
    except UnknownCalendarYear as missing:
        extended_due, unknown_year = None, missing.year
    _check_against_reply_due(reply_due, extension_approved_on, later_date)
    if extension_approved_on is not None and extended_due is None:
        # The extended date is the one that applies now, and it needs an unentered year.
        raise UnknownCalendarYear(unknown_year or reply_due.year + 1)
    return Deadlines(
        received=received,
        clock_start=clock_start,
        correction_notice_due=correction_notice_due,
        reply_due=reply_due,
        extended_due=extended_due,
        extension_approved=extension_approved_on is not None,
        later_date=later_date,
        paused_working_days=skipped,
        unknown_year=unknown_year,
    )


# ---------------------------------------------------------------------------------------------
# As far as the known calendar reaches (issue 17: December applications)
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class KnownDeadlines:
    """Every due date of one application that the known calendar reaches; the others are
    :class:`~gongkai.calendar.reach.Unknown`, naming the year to enter."""

    received: date
    clock_start: date
    correction_notice_due: date | Unknown
    reply_due: date | Unknown
    extended_due: date | Unknown
    extension_approved: bool
    later_date: date | None
    #: The complete result when every date is known, else ``None``.
    deadlines: Deadlines | None

    @property
    def due(self) -> date | Unknown:
        """The due date that applies now, as :attr:`Deadlines.due` (the same date when complete)."""
        if self.later_date is not None:
            return self.later_date
        return self.extended_due if self.extension_approved else self.reply_due

    @property
    def missing_years(self) -> tuple[int, ...]:
        """The years whose schedule would complete these dates (tell the administrator)."""
        return missing_years((self.correction_notice_due, self.reply_due, self.extended_due))


class ClockEvents(TypedDict, total=False):
    """What moved a case's clock: the keyword arguments of :func:`compute_deadlines`."""

    pauses: Iterable[Pause]
    correction_received: date | None
    extension_approved_on: date | None
    later_date: date | None


def deadlines_as_far_as_known(
    received: date, calendar: WorkingCalendar, **events: Unpack[ClockEvents]
) -> KnownDeadlines:
    """:func:`compute_deadlines` that never fails for a missing year: each date the known
    calendar reaches is computed, each one that needs a missing year is :class:`Unknown`.

    Legal basis: as :func:`compute_deadlines` (条例 第三十条、第三十三条、第三十五条). Dates that
    cannot describe a real case still raise :class:`DeadlineError`; a check that needs an
    unknown date (an extension approved before the reply date) is made once that date is known.
    """
    pauses = events["pauses"] = tuple(events.get("pauses", ()))
    correction_received = events.get("correction_received")
    extension_approved_on = events.get("extension_approved_on")
    later_date = events.get("later_date")
    complete: Deadlines | None
    try:
        complete = compute_deadlines(received, calendar, **events)
    except UnknownCalendarYear:
        complete = None
    clock_start = _clock_start(received, correction_received)
    correction: date | Unknown
    reply: date | Unknown
    extended: date | Unknown
    if complete is not None:
        correction, reply = complete.correction_notice_due, complete.reply_due
        extended = (
            complete.extended_due
            if complete.extended_due is not None
            else Unknown.missing_year(complete.unknown_year or complete.reply_due.year + 1)
        )
    else:
        paused = _merged(pauses, clock_start)
        correction = as_far_as_known(lambda: _correction_notice_due(received, calendar))
        reply = as_far_as_known(lambda: _add_excluding(calendar, clock_start, REPLY_WORKING_DAYS, paused)[0])
        extended = as_far_as_known(lambda: _extended_due(calendar, clock_start, paused))
        if not isinstance(reply, Unknown):
            _check_against_reply_due(reply, extension_approved_on, later_date)
    return KnownDeadlines(
        received=received,
        clock_start=clock_start,
        correction_notice_due=correction,
        reply_due=reply,
        extended_due=extended,
        extension_approved=extension_approved_on is not None,
        later_date=later_date,
        deadlines=complete,
    )


# ---------------------------------------------------------------------------------------------
# Where a case stands on a given day ("overdue" is computed, never stored)
# ---------------------------------------------------------------------------------------------


class ClockState(StrEnum):
    ON_TIME = "on_time"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"


CLOCK_STATE_LABELS: Mapping[ClockState, str] = MappingProxyType(
    {ClockState.ON_TIME: "未到期", ClockState.DUE_SOON: "即将到期", ClockState.OVERDUE: "已逾期"}
)

#: Issue 5: the work queue's "due within 3 working days" view.
DUE_SOON_WORKING_DAYS = 3


@dataclass(frozen=True, slots=True)
class ClockStatus:
    state: ClockState
    due: date
    #: Working days from ``today`` to the due date: 0 on the due date, negative once overdue
    #: (minus the working days elapsed since it).
    working_days_left: int

    @property
    def label(self) -> str:
        return CLOCK_STATE_LABELS[self.state]


def status_on(
    deadlines: Deadlines,
    today: date,
    calendar: WorkingCalendar,
    *,
    soon_within: int = DUE_SOON_WORKING_DAYS,
) -> ClockStatus:
    """Whether the case is overdue on ``today``, due within ``soon_within`` working days, or not.

    Overdue means ``today`` is after the applicable due date (:attr:`Deadlines.due`); on the due
    date itself the reply is still in time.
    """
    due = deadlines.due
    left = calendar.working_days_between(today, due)
    if today > due:
        state = ClockState.OVERDUE
    elif left <= soon_within:
        state = ClockState.DUE_SOON
    else:
        state = ClockState.ON_TIME
    return ClockStatus(state=state, due=due, working_days_left=left)


# ---------------------------------------------------------------------------------------------
# The other clocks of a case
# ---------------------------------------------------------------------------------------------


def correction_due(notice_date: date, calendar: WorkingCalendar, working_days: int) -> date:
    """The end of the 补正 period the agency sets in its notice, counted from ``notice_date``
    (the date the notice is sent or served, as the notice itself states).

    Legal basis: 条例 第三十条 requires only "合理的补正期限" -- no fixed number of days
    (application-handling.md 二), so the agency chooses ``working_days`` and no default is
    offered. When the period runs out the case goes to a person: it lapses as 表三（六）1 only
    when the applicant had no 正当理由 ("申请人无正当理由逾期不补正的，视为放弃申请"); with one, a
    new period is set the same way.
    """
    if working_days < 1:
        raise DeadlineError("补正期限至少为1个工作日（条例第三十条：合理的补正期限）")
    return calendar.add_working_days(notice_date, working_days)


def consultation_due(letter_received_on: date, calendar: WorkingCalendar) -> date:
    """When a consulted third party (第三十二条) or agency (第三十四条) must answer.

    Legal basis: 条例 第三十二条、第三十四条 -- 自收到征求意见书之日起15个工作日内提出意见.
    After it, the agency decides itself (第三十二条) or the agency is deemed to agree (第三十四条).
    """
    return calendar.add_working_days(letter_received_on, CONSULTATION_WORKING_DAYS)


def fee_payment_due(notice_received_on: date, calendar: WorkingCalendar) -> date:
    """The last day to pay the 信息处理费; unpaid after it the case goes to a person, who confirms
    the lapse (表三（六）2) or, for a 正当理由, sets a new period of the same length.

    Legal basis: fee-rules.md 4.2 (四川省财政厅、发展改革委通知, restating the 办法): 申请人应当在
    收到收费通知次日起20个工作日内缴纳费用，逾期未缴纳的视为放弃申请.
    """
    return calendar.add_working_days(notice_received_on, FEE_PAYMENT_WORKING_DAYS)


def reasons_due(request_date: date, calendar: WorkingCalendar, working_days: int) -> date:
    """The end of the period the applicant is given to explain an excessive application.

    Legal basis: 条例 第三十五条 -- "行政机关可以要求申请人说明理由" -- sets no period, so, as for
    the 补正 period of 第三十条, it is a reasonable period the agency sets in its letter
    (``working_days``, counted from the day of the letter); no default is offered.
    """
    if working_days < 1:
        raise DeadlineError(
            "说明理由的期限至少为1个工作日（由本机关确定的合理期限，条例第三十五条未规定天数）"
        )
    return calendar.add_working_days(request_date, working_days)


def lapsed(due: date, today: date, done_on: date | None) -> bool:
    """Whether a period the applicant had to meet (补正, 缴费) ran out without action."""
    return (done_on is None or done_on > due) and today > due


def publication_due(made_on: date, calendar: WorkingCalendar) -> date:
    """The last day to publish proactively disclosed information made or changed on ``made_on``.

    Legal basis: 条例 第二十六条 -- 属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起
    20个工作日内及时公开 (a law or regulation with another period prevails: not modelled).
    """
    return calendar.add_working_days(made_on, PUBLISH_WITHIN_WORKING_DAYS)

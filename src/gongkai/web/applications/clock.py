"""The statutory clock of one case: its events turned into the domain engine's inputs.

No rule lives here: dates of receipt, due dates and "overdue" all come from gongkai.deadlines on
a calendar from gongkai.web.workdays. This module only reads the case's events.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ObjectDoesNotExist

from gongkai.calendar import Unknown, WorkingCalendar
from gongkai.deadlines import (
    ClockStatus,
    Deadlines,
    KnownDeadlines,
    Pause,
    PauseReason,
    compute_deadlines,
    consultation_due,
    deadlines_as_far_as_known,
    fee_payment_due,
    status_on,
)
from gongkai.errors import GongkaiError
from gongkai.web.applications import vocabulary as v
from gongkai.web.applications.models import Application, CaseEvent
from gongkai.workflow.cases import CaseState


def _events(app: Application) -> list[CaseEvent]:
    """The case's events, loaded once per instance (actions append to the same list)."""
    cached: list[CaseEvent] | None = getattr(app, "_gongkai_events", None)
    if cached is None:
        cached = (
            list(app.events.select_related("third_party", "fee_notice").order_by("on", "pk"))
            if app.pk
            else []
        )
        app._gongkai_events = cached
    return cached


def remember(app: Application, event: CaseEvent) -> None:
    """Add an event just created to the instance's loaded list (keeps ``on`` order)."""
    events = _events(app)
    # Replace a copy loaded from the database before the action finished with the action's own
    # instance: the records created with it (ThirdPartyConsultation, FeeNotice) hang on the latter.
    events[:] = [e for e in events if e.pk != event.pk]
    events.append(event)
    events.sort(key=lambda e: (e.on, e.pk))


def forget(app: Application) -> None:
    """Drop the loaded events (after an action changed a record behind one of them)."""
    if hasattr(app, "_gongkai_events"):
        del app._gongkai_events


#: States in which what falls due is the applicant's 补正 period, not the reply: the reply clock
#: has not started (条例 第三十条), also while the clerk decides a lapsed period.
_CORRECTION_STATES = frozenset({CaseState.AWAITING_CORRECTION, CaseState.CORRECTION_LAPSE_PENDING})


def _recorded(event: CaseEvent, relation: str, field: str) -> date | None:
    """A date of the record behind ``event`` (its ThirdPartyConsultation or FeeNotice), if any."""
    try:
        value: date = getattr(getattr(event, relation), field)
    except ObjectDoesNotExist:
        return None
    return value


def pauses(app: Application, calendar: WorkingCalendar) -> list[Pause]:
    """Consultations and fee notices as pauses, from the day the letter went out.

    One still running is assumed to last as long as the other side may take: the consulted
    party's 15 working days (第三十二条、第三十四条), the applicant's 20 working days to pay. Both
    run from the day the letter was *received* where that is recorded (ThirdPartyConsultation.
    reply_due, FeeNotice.payment_due), which can be later than the day it was sent; otherwise
    from the day it was sent. The real end replaces the assumption once it is recorded."""
    result = []
    for e in _events(app):
        if e.kind == v.EventKind.CONSULTATION_STARTED:
            assumed = _recorded(e, "third_party", "reply_due") or consultation_due(e.on, calendar)
            result.append(Pause(e.on, e.until or assumed, PauseReason(e.detail or PauseReason.THIRD_PARTY)))
        elif e.kind == v.EventKind.FEE_NOTICE_SENT:
            # 缴费期间不计算在答复期限内: from the notice to payment, or to the end of the
            # 20-working-day payment period while unpaid.
            assumed = _recorded(e, "fee_notice", "payment_due") or fee_payment_due(e.on, calendar)
            result.append(Pause(e.on, e.until or assumed, PauseReason.FEE))
    return result


def all_of(app: Application, *kinds: str) -> list[CaseEvent]:
    """The case's events of ``kinds``, in date order."""
    return [e for e in _events(app) if e.kind in kinds]


def latest(app: Application, kind: str) -> CaseEvent | None:
    found = [e for e in _events(app) if e.kind == kind]
    return found[-1] if found else None


def _clock_facts(
    app: Application, calendar: WorkingCalendar, extension_approved_on: date | None = None
) -> dict[str, Any]:
    """What the statutory clock counts from, read once from the case's events: the pauses, the
    补正 received, the approved extension (or the one supposed) and 第三十五条's later date. Both
    :func:`deadlines` and :func:`known_deadlines` pass it on, so neither can forget one."""
    correction = latest(app, v.EventKind.CORRECTION_RECEIVED)
    if extension_approved_on is None:
        extension = latest(app, v.EventKind.EXTENSION_APPROVED)
        extension_approved_on = extension.on if extension else None
    later = latest(app, v.EventKind.LATER_DATE_SET)
    return {
        "pauses": pauses(app, calendar),
        "correction_received": correction.on if correction else None,
        "extension_approved_on": extension_approved_on,
        # 第三十五条: the later reply date the agency set and told the applicant.
        "later_date": later.until if later else None,
    }


def deadlines(app: Application, calendar: WorkingCalendar) -> Deadlines | None:
    """The case's deadlines, or ``None`` while its date of receipt is not established yet."""
    if app.received_on is None:
        return None
    return compute_deadlines(app.received_on, calendar, **_clock_facts(app, calendar))


def known_deadlines(
    app: Application, calendar: WorkingCalendar, *, extension_approved_on: date | None = None
) -> KnownDeadlines | None:
    """Every due date of the case the known calendar reaches, the others :class:`Unknown` naming
    the year to enter; ``None`` while the date of receipt is not established.
    ``extension_approved_on`` supposes an extension approved that day (default: the recorded one)."""
    if app.received_on is None:
        return None
    facts = _clock_facts(app, calendar, extension_approved_on)
    return deadlines_as_far_as_known(app.received_on, calendar, **facts)


def check_extension_on(app: Application, calendar: WorkingCalendar, on: date) -> None:
    """Raise the domain's DeadlineError when an extension approved ``on`` would come after the
    reply period (条例 第三十三条第二款; the rule is gongkai.deadlines')."""
    known_deadlines(app, calendar, extension_approved_on=on)


def missing_year_message(unknown: Unknown, what: str = "答复期限") -> str:
    """ "2027年节假日安排尚未录入，答复期限暂无法计算": what a page shows for an unknown date."""
    return f"{unknown.reason}，{what}暂无法计算"


def _known(value: date | Unknown) -> date | None:
    return None if isinstance(value, Unknown) else value


def refresh(app: Application, calendar: WorkingCalendar) -> tuple[int, ...]:
    """Recompute the cached due-date columns (the caller saves): every date the known calendar
    reaches; one that needs a year nobody has entered stays empty, and ``clock_error`` says which
    year is missing when the date that applies now is one of them (never a guessed date).
    Returns the years that date waits for (for the administrators to be told)."""
    app.clock_error = ""
    try:
        d = known_deadlines(app, calendar)
    except GongkaiError as exc:
        app.due_on = app.correction_notice_due = app.extended_due = None
        app.clock_error = exc.message[:300]
        return ()
    if d is None:
        app.due_on = app.correction_notice_due = app.extended_due = None
        return ()
    app.correction_notice_due = _known(d.correction_notice_due)
    app.extended_due = _known(d.extended_due)
    app.due_on = _known(d.due)
    if isinstance(d.due, Unknown):
        app.clock_error = missing_year_message(d.due)
    if app.status in _CORRECTION_STATES:
        # While waiting for the correction the reply clock has not started; what falls due is
        # the correction period the notice set (条例 第三十条).
        request = latest(app, v.EventKind.CORRECTION_REQUESTED)
        if request is not None:
            app.due_on, app.clock_error = request.until, ""
            return ()
    return (d.due.year,) if isinstance(d.due, Unknown) else ()


def shown_deadlines(app: Application, calendar: WorkingCalendar) -> dict[str, str]:
    """The case's deadlines as the receipt and the case and progress pages state them: a date
    (2026年12月16日), or what is missing to compute it. Keys: correction_notice_due, reply_due,
    extended_due, due; an empty dict while the date of receipt is not established."""
    try:
        d = known_deadlines(app, calendar)
    except GongkaiError as exc:
        return dict.fromkeys(("correction_notice_due", "reply_due", "extended_due", "due"), exc.message)
    if d is None:
        return {}
    names = {
        "correction_notice_due": ("补正告知期限", d.correction_notice_due),
        "reply_due": ("答复期限", d.reply_due),
        "extended_due": ("延期后最迟期限", d.extended_due),
        "due": ("答复期限", d.due),
    }
    return {
        key: missing_year_message(value, what) if isinstance(value, Unknown) else cn_date(value)
        for key, (what, value) in names.items()
    }


def cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def clock_status(app: Application, calendar: WorkingCalendar, today: date) -> ClockStatus | None:
    """Overdue / due soon / on time for an open case, computed now (never stored)."""
    if not app.is_open or app.due_on is None:
        return None
    d = deadlines(app, calendar)
    if d is None:
        return None
    if app.status in _CORRECTION_STATES:
        return None
    return status_on(d, today, calendar)

"""The statutory clock of one case: its events turned into the domain engine's inputs.

No rule lives here: dates of receipt, due dates and "overdue" all come from gongkai.deadlines on
a calendar from gongkai.web.workdays. This module only reads the case's events.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ObjectDoesNotExist

from gongkai.calendar import WorkingCalendar
from gongkai.deadlines import (
    ClockStatus,
    Deadlines,
    Pause,
    PauseReason,
    compute_deadlines,
    consultation_due,
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


def deadlines(app: Application, calendar: WorkingCalendar) -> Deadlines | None:
    """The case's deadlines, or ``None`` while its date of receipt is not established yet."""
    if app.received_on is None:
        return None
    correction = latest(app, v.EventKind.CORRECTION_RECEIVED)
    extension = latest(app, v.EventKind.EXTENSION_APPROVED)
    later = latest(app, v.EventKind.LATER_DATE_SET)
    return compute_deadlines(
        app.received_on,
        calendar,
        pauses=pauses(app, calendar),
        correction_received=correction.on if correction else None,
        extension_approved_on=extension.on if extension else None,
        # 第三十五条: the later reply date the agency set and told the applicant.
        later_date=later.until if later else None,
    )


def refresh(app: Application, calendar: WorkingCalendar) -> None:
    """Recompute the cached due-date columns (the caller saves)."""
    app.clock_error = ""
    try:
        d = deadlines(app, calendar)
    except GongkaiError as exc:
        # e.g. UnknownCalendarYear: shown on the case and the dashboard; never a guessed date.
        app.due_on = app.correction_notice_due = app.extended_due = None
        app.clock_error = exc.message[:300]
        return
    if d is None:
        app.due_on = app.correction_notice_due = app.extended_due = None
        return
    app.correction_notice_due = d.correction_notice_due
    app.extended_due = d.extended_due
    app.due_on = d.due
    if app.status in _CORRECTION_STATES:
        # While waiting for the correction the reply clock has not started; what falls due is
        # the correction period the notice set (条例 第三十条).
        request = latest(app, v.EventKind.CORRECTION_REQUESTED)
        app.due_on = request.until if request else d.due


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

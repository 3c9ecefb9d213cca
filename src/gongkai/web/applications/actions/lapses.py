"""Lapses decided by a person (issue 16).

条例 第三十条: "申请人无正当理由逾期不补正的，视为放弃申请" -- whether there was a 正当理由 is a
finding, not a date. When a 补正 period or a payment period (FEE_LAPSE_BASIS) runs out, the case
goes to the clerk's queue (补正期限已过，待确认 / 缴费期限已过，待确认); the clerk then

- records a 正当理由 (what the applicant said, e.g. that they asked for more time) and sets a
  new period -- the case waits again (here), or
- finds none and drafts the （六）1 / （六）2 告知书, which then goes through review, issue and
  delivery like any reply (``gongkai.web.replies.actions.lapse``).

A new period after a 正当理由 is not a second 补正 notice (第三十条 asks for one notice of the
items; the items stay the same): it is a new "合理的补正期限" for them, counted from the day the
clerk records it. For the fee the new period is the fee rules' own 20 working days, again from
the day it is recorded; the reply clock stays paused until it ends, as for the first period.
"""

from __future__ import annotations

from datetime import date

from gongkai.deadlines import correction_due, fee_payment_due, lapsed
from gongkai.web.accounts.models import User
from gongkai.web.actions_base import domain_refusal, require, top_level
from gongkai.web.applications import clock
from gongkai.web.applications import vocabulary as v
from gongkai.web.applications.actions.common import (
    add_event,
    begin,
    changing,
    locked,
    transition_for,
)
from gongkai.web.applications.events import Event
from gongkai.web.applications.models import Application, CaseEvent, FeeNotice
from gongkai.web.workdays.calendars import calendar_for
from gongkai.workflow.cases import Action, CaseState

_REFER = {
    CaseState.AWAITING_CORRECTION: (Action.CORRECTION_LAPSED, v.LapseKind.CORRECTION),
    CaseState.AWAITING_FEE: (Action.FEE_LAPSED, v.LapseKind.FEE),
}
#: The pending state of each lapse and which period it is about.
PENDING_KIND = {
    CaseState.CORRECTION_LAPSE_PENDING: v.LapseKind.CORRECTION,
    CaseState.FEE_LAPSE_PENDING: v.LapseKind.FEE,
}


def unpaid_notice(app: Application) -> FeeNotice | None:
    return FeeNotice.objects.filter(application=app, paid_on=None).order_by("-pk").first()


def period_end(app: Application, kind: str) -> date:
    """The last day of the 补正 or payment period now set for the locked case."""
    if kind == v.LapseKind.CORRECTION:
        request = clock.latest(app, v.EventKind.CORRECTION_REQUESTED)
        require(request is not None and request.until is not None, "本申请没有补正期限。")
        assert request is not None and request.until is not None
        return request.until
    notice = unpaid_notice(app)
    require(notice is not None, "本申请没有待缴费的收费通知。")
    assert notice is not None
    return notice.payment_due


def end_fee_pause(app: Application) -> None:
    """A confirmed fee lapse: the pause of the reply clock ended with the payment period (the
    reply, the （六）2 告知书, is due within what is left of the reply period)."""
    notice = unpaid_notice(app)
    if notice is not None:
        CaseEvent.objects.filter(pk=notice.event_id).update(until=notice.payment_due)
        clock.forget(app)


@top_level(Event.LAPSE_REFERRED)
def do_refer_lapse(app: Application, *, today: date, acting_user: User | None) -> Application:
    """The 补正 or payment period ran out: the case goes to the clerk's queue, undecided.

    ``acting_user=None`` is the periodic job (``gongkai manage remind``); it never closes a case.
    """
    app = locked(app)
    action, kind = _REFER.get(CaseState(app.status), (Action.CORRECTION_LAPSED, v.LapseKind.CORRECTION))
    t = transition_for(app, action, acting_user)
    due = period_end(app, kind)
    label = v.LapseKind.of(kind).label
    require(lapsed(due, today, None), f"{label}（{due.isoformat()}）尚未届满。")
    summary = f"{label}（{due.isoformat()}）已过，待经办人确认申请人有无正当理由"
    with changing(app, t, acting_user=acting_user, summary=summary):
        add_event(app, v.EventKind.LAPSE_REFERRED, today, until=due, detail=kind, acting_user=acting_user)
    return app


@top_level(Event.LAPSE_EXCUSED)
def do_record_good_cause(
    app: Application,
    *,
    decided_on: date,
    statement: str,
    acting_user: User,
    working_days: int | None = None,
) -> Application:
    """The clerk finds a 正当理由: what the applicant said is recorded and a new period set
    (``working_days`` for a 补正 period; the fee rules' period for a payment)."""
    app, t = begin(app, Action.EXCUSE_LAPSE, acting_user)
    kind = PENDING_KIND[CaseState(app.status)]
    require(
        bool(statement.strip()),
        "请写明申请人的正当理由（如申请人申请延长期限，并记录其说明）。",
    )
    old_due = period_end(app, kind)
    require(decided_on > old_due, "登记日期应在原期限届满之后。")
    calendar = calendar_for(app.agency)
    with domain_refusal():
        if kind == v.LapseKind.CORRECTION:
            require(
                working_days is not None, "请填写新的补正期限（工作日数；条例第三十条：合理的补正期限）。"
            )
            assert working_days is not None
            new_due = correction_due(decided_on, calendar, working_days)
        else:
            new_due = fee_payment_due(decided_on, calendar)
    label = v.LapseKind.of(kind).label
    summary = (
        f"申请人有正当理由（{statement.strip()}），{label}重新确定至{new_due.isoformat()}"
        f"（原至{old_due.isoformat()}）"
    )
    with changing(app, t, acting_user=acting_user, summary=summary):
        if kind == v.LapseKind.CORRECTION:
            request = clock.latest(app, v.EventKind.CORRECTION_REQUESTED)
            assert request is not None
            CaseEvent.objects.filter(pk=request.pk).update(until=new_due)
            request.until = new_due
        else:
            FeeNotice.objects.filter(pk=unpaid_notice(app).pk).update(payment_due=new_due)  # type: ignore[union-attr]
            # The clock reads the notice through its event: drop the cached copy.
            clock.forget(app)
        add_event(
            app,
            v.EventKind.LAPSE_EXCUSED,
            decided_on,
            until=new_due,
            detail=kind,
            note=statement.strip(),
            acting_user=acting_user,
        )
    return app

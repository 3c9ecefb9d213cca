"""The generic workflow steps of a case: assignment, the simple steps (起草, 提交审核, 退回, 审核通过...),
issuing the reply and its delivery. The replies app builds its steps on the inner ``take_step``,
``issue_reply`` and ``deliver_reply``, which run inside its own top-level action."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import PermissionDenied

from gongkai.web.accounts.models import User
from gongkai.web.actions_base import require, top_level
from gongkai.web.applications import events, permissions
from gongkai.web.applications import vocabulary as v
from gongkai.web.applications.actions.common import (
    add_event,
    changing,
    finish,
    locked,
    move,
    snapshot,
    transition_for,
)
from gongkai.web.applications.events import Event
from gongkai.web.applications.models import Application
from gongkai.workflow.cases import Action, CaseState
from gongkai.workflow.outcomes import OUTCOMES, WithheldPart, validate_resolution


@top_level(Event.ASSIGN)
def do_assign_application(app: Application, assignee: User, *, acting_user: User) -> Application:
    """Give the case to a clerk of its agency; a newly registered case starts (已登记 → 办理中)."""
    app = locked(app)
    if not permissions.can_handle(acting_user, app):
        raise PermissionDenied
    require(app.is_open, "已办结的申请不能再分派。")
    require(permissions.can_handle(assignee, app), "只能分派给本机关的经办人。")
    before = snapshot(app)
    app.assignee = assignee
    if app.status == CaseState.RECEIVED:
        move(app, transition_for(app, Action.START, acting_user))
    finish(app, before, acting_user=acting_user, summary=f"分派给 {assignee}")
    return app


#: Steps that carry no data of their own beyond a note (the reply workflow of issue 6 adds the
#: letter, the review comments and the delivery record on top of these).
SIMPLE_STEPS = frozenset(
    {
        Action.START,
        Action.DRAFT_REPLY,
        Action.SUBMIT_FOR_REVIEW,
        Action.RETURN_FOR_CHANGES,
        Action.REVISE,
        Action.APPROVE,
        Action.REJECT_EXTENSION,
        Action.WITHDRAW_EXTENSION,
    }
)


def take_step(app: Application, action: Action, *, on: date, acting_user: User, note: str = "") -> None:
    """Move the locked case by one simple step, inside the caller's top-level action."""
    require(action in SIMPLE_STEPS, f"“{action}”需要专门的办理表单。")
    t = transition_for(app, action, acting_user)
    summary = t.label + (f"：{note}" if note else "")
    with changing(app, t, acting_user=acting_user, summary=summary, event=events.step_event(action)):
        add_event(app, v.EventKind.STEP, on, detail=action.value, note=note, acting_user=acting_user)


@top_level(Event.STEP)
def do_take_step(
    app: Application, action: Action, *, on: date, acting_user: User, note: str = ""
) -> Application:
    """One workflow step that only moves the case (起草, 提交审核, 退回, 审核通过...)."""
    require(action in SIMPLE_STEPS, f"“{action}”需要专门的办理表单。")
    app = locked(app)
    take_step(app, action, on=on, acting_user=acting_user, note=note)
    return app


def issue_reply(
    app: Application,
    *,
    outcome: str,
    issued_on: date,
    acting_user: User,
    withheld: Iterable[WithheldPart] = (),
) -> str:
    """Issue the locked case's approved reply with its outcome, inside the caller's action;
    returns the summary for the step's audit row."""
    validate_resolution(outcome, withheld)
    t = transition_for(app, Action.ISSUE, acting_user)
    add_event(
        app, v.EventKind.STEP, issued_on, detail=Action.ISSUE.value, note=outcome, acting_user=acting_user
    )
    move(app, t)
    app.resolution = outcome
    app.closed_on = issued_on
    return f"出具答复：{OUTCOMES[outcome].label}"


def deliver_reply(app: Application, *, delivered_on: date, acting_user: User, note: str = "") -> str:
    """The issued reply of the locked case reached the applicant (送达), inside the caller's
    action; returns the summary for the step's audit row."""
    t = transition_for(app, Action.DELIVER, acting_user)
    add_event(
        app, v.EventKind.STEP, delivered_on, detail=Action.DELIVER.value, note=note, acting_user=acting_user
    )
    move(app, t)
    return "送达并办结" + (f"：{note}" if note else "")


@top_level(Event.ISSUED)
def do_issue_reply(
    app: Application,
    *,
    outcome: str,
    issued_on: date,
    acting_user: User,
    delivered_on: date | None = None,
    withheld: Iterable[WithheldPart] = (),
) -> Application:
    """Issue the approved reply with its outcome (a table-3 row, checked by the workflow with the
    parts withheld by a 部分公开) and, when ``delivered_on`` is given, record delivery and close
    the case -- one step, one audit row."""
    validate_resolution(outcome, withheld)
    app = locked(app)
    before = snapshot(app)
    summary = issue_reply(
        app, outcome=outcome, issued_on=issued_on, acting_user=acting_user, withheld=withheld
    )
    if delivered_on is not None:
        summary += "；" + deliver_reply(app, delivered_on=delivered_on, acting_user=acting_user)
    finish(app, before, acting_user=acting_user, summary=summary)
    return app


@top_level(Event.DELIVERED)
def do_deliver_reply(
    app: Application, *, delivered_on: date, acting_user: User, note: str = ""
) -> Application:
    """The issued reply reached the applicant (送达): the case is closed (已办结)."""
    app = locked(app)
    before = snapshot(app)
    summary = deliver_reply(app, delivered_on=delivered_on, acting_user=acting_user, note=note)
    finish(app, before, acting_user=acting_user, summary=summary)
    return app

"""What every application action shares: the locked case, its workflow transition, its events,
the recomputed due dates and the one audit row of the step (web.actions_base)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from django.core.exceptions import PermissionDenied

from gongkai.web.accounts import permissions as accounts
from gongkai.web.actions_base import require, step_record
from gongkai.web.applications import clock
from gongkai.web.applications.models import Application, CaseEvent
from gongkai.web.clock import today
from gongkai.web.workdays.calendars import calendar_for
from gongkai.web.workdays.reminders import notify_missing_years
from gongkai.workflow.cases import Action, CaseState, Transition, allowed_actions, transition
from gongkai.workflow.cases import Role as WorkflowRole

#: Fields shown in the audit trail's before/after (personal data is left out on purpose: the
#: trail is read by reviewers who do not need the applicant's ID number).
AUDITED = (
    "status",
    "received_on",
    "due_on",
    "correction_notice_due",
    "extended_due",
    "assignee_id",
    "resolution",
    "closed_on",
    "clock_error",
)


def iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def notice_being_answered(app: Application, kind: str, answered_on: date, too_early: str) -> CaseEvent:
    """The latest ``kind`` event the case is answering (a 补正告知, 收费通知 or 征求意见书 sent);
    the answer may not be dated before it (``too_early`` says so)."""
    notice = clock.latest(app, kind)
    assert notice is not None
    require(answered_on >= notice.on, too_early)
    return notice


def snapshot(app: Application) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in AUDITED:
        value = getattr(app, name)
        out[name] = value.isoformat() if isinstance(value, date | datetime) else value
    return out


def locked(app: Application) -> Application:
    """The case row again, locked for the step (SELECT ... FOR UPDATE)."""
    return Application.objects.select_for_update().select_related("agency").get(pk=app.pk)


def finish(
    app: Application, before: dict[str, Any], *, acting_user: Any, summary: str, event: str | None = None
) -> None:
    """Recompute the cached due dates, save the case and write the step's audit row; when the
    date that applies needs a year nobody has entered, the administrators are told (once)."""
    missing = clock.refresh(app, calendar_for(app.agency))
    app.save()
    tell_about_missing_years(app, missing)
    step_record(
        acting_user=acting_user, summary=summary, obj=app, before=before, after=snapshot(app), event=event
    )


def tell_about_missing_years(app: Application, years: tuple[int, ...]) -> None:
    """An open case whose due date needs ``years``: their administrators are told once a year."""
    if years and app.is_open:
        notify_missing_years(app.agency, years, today=today(), case_number=app.number)


def add_event(
    app: Application,
    kind: str,
    on: date,
    *,
    acting_user: Any,
    until: date | None = None,
    detail: str = "",
    note: str = "",
) -> CaseEvent:
    user = acting_user if getattr(acting_user, "is_authenticated", False) else None
    event = CaseEvent.objects.create(
        application=app, kind=kind, on=on, until=until, detail=detail, note=note, by=user
    )
    clock.remember(app, event)
    return event


def transition_for(app: Application, action: Action, acting_user: Any) -> Transition:
    """The workflow's transition for ``action`` by ``acting_user`` in the case's agency.

    The role comes from the user's membership of the case's own agency (a supervisor of a parent
    agency holds no handling role here); ``None`` as the user means the periodic job (SYSTEM).
    Raises PermissionDenied when the user holds no role the transition allows, ActionError when
    the case's state does not allow it.
    """
    if acting_user is None:
        roles = {WorkflowRole.SYSTEM}
    else:
        roles = {WorkflowRole(r) for r in accounts.roles_in(acting_user, app.agency_id)}
    if not roles:
        raise PermissionDenied
    state = CaseState(app.status)
    for role in sorted(roles):
        if any(t.action is action for t in allowed_actions(state, role)):
            return transition(state, action, role)
    if any(t.action is action for r in WorkflowRole for t in allowed_actions(state, r)):
        raise PermissionDenied  # the state allows it, but not for this user's roles
    return transition(state, action, min(roles))  # raises TransitionError with the Chinese reason


def move(app: Application, t: Transition) -> None:
    app.status = t.target.value


def begin(app: Application, action: Action, acting_user: Any) -> tuple[Application, Transition]:
    """The case locked for the step and the workflow's transition for ``action`` by the user."""
    app = locked(app)
    return app, transition_for(app, action, acting_user)


@contextmanager
def changing(
    app: Application,
    t: Transition | None = None,
    *,
    acting_user: Any,
    summary: str,
    event: str | None = None,
) -> Iterator[None]:
    """Around the step's change to the (locked) case: on leaving the block the case moves by ``t``
    (if any) and is finished (:func:`finish`), its audit row saying ``summary`` with the audited
    fields as they were on entering. Where the summary is what the change itself returns, take
    the snapshot and call :func:`finish` instead."""
    before = snapshot(app)
    yield
    if t is not None:
        move(app, t)
    finish(app, before, acting_user=acting_user, summary=summary, event=event)

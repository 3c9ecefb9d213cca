"""Extending the reply period (条例 第三十三条第二款): the clerk asks, the head approves."""

from __future__ import annotations

from datetime import date

from gongkai.errors import GongkaiError
from gongkai.web.accounts.models import User
from gongkai.web.actions_base import ActionError, domain_refusal, require, top_level
from gongkai.web.applications import clock
from gongkai.web.applications import vocabulary as v
from gongkai.web.applications.actions.common import (
    add_event,
    begin,
    changing,
)
from gongkai.web.applications.events import Event
from gongkai.web.applications.models import Application
from gongkai.web.letters import case_letters
from gongkai.web.letters.case_letters import number_letter
from gongkai.web.workdays.calendars import calendar_for
from gongkai.workflow.cases import Action


@top_level(Event.EXTENSION_REQUESTED)
def do_request_extension(app: Application, *, reason: str, on: date, acting_user: User) -> Application:
    """The clerk asks the head for more time (条例 第三十三条第二款)."""
    app, t = begin(app, Action.REQUEST_EXTENSION, acting_user)
    require(clock.latest(app, v.EventKind.EXTENSION_APPROVED) is None, "本申请已延长过答复期限。")
    try:
        # The request is refused when the head could not approve it today (the period ran out).
        clock.check_extension_on(app, calendar_for(app.agency), on)
    except GongkaiError as exc:
        raise ActionError(
            f"答复期限已过，不能再申请延长，请尽快答复（将记为逾期答复）。{exc.message}"
        ) from exc
    with changing(app, t, acting_user=acting_user, summary=f"申请延长答复期限：{reason}"):
        add_event(app, v.EventKind.EXTENSION_REQUESTED, on, note=reason, acting_user=acting_user)
    return app


@top_level(Event.EXTENSION_APPROVED)
def do_approve_extension(app: Application, *, approved_on: date, acting_user: User) -> Application:
    """The head approves; the applicant is told (第三十三条第二款: 经负责人同意并告知申请人)."""
    app, t = begin(app, Action.APPROVE_EXTENSION, acting_user)
    summary = "机构负责人同意延长答复期限（最长20个工作日），并告知申请人"
    with changing(app, t, acting_user=acting_user, summary=summary):
        event = add_event(app, v.EventKind.EXTENSION_APPROVED, approved_on, acting_user=acting_user)
        number_letter(app, case_letters.EXTENSION, event, approved_on)  # 延期答复告知书
        with domain_refusal():  # e.g. approved after the period ran out
            clock.deadlines(app, calendar_for(app.agency))
    return app

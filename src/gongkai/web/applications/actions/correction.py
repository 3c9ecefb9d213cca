"""补正 (correction of an application, 条例 第三十条): the one-time notice and the corrected
application. When the period runs out a person decides the lapse (actions.lapses)."""

from __future__ import annotations

from datetime import date

from gongkai.deadlines import correction_due
from gongkai.web.accounts.models import User
from gongkai.web.actions_base import require, top_level
from gongkai.web.applications import clock
from gongkai.web.applications import vocabulary as v
from gongkai.web.applications.actions.common import (
    add_event,
    begin,
    changing,
    finish,
    move,
    notice_being_answered,
    snapshot,
)
from gongkai.web.applications.events import Event
from gongkai.web.applications.models import Application
from gongkai.web.letters import case_letters
from gongkai.web.letters.case_letters import number_letter
from gongkai.web.workdays.calendars import calendar_for
from gongkai.workflow.cases import Action


@top_level(Event.CORRECTION_REQUESTED)
def do_request_correction(
    app: Application, *, sent_on: date, items: str, working_days: int, acting_user: User
) -> Application:
    """Send the one-time 补正 notice (条例 第三十条): what to correct and a reasonable period."""
    app, t = begin(app, Action.REQUEST_CORRECTION, acting_user)
    require(app.received_on is not None and sent_on >= app.received_on, "告知日期不能早于收到申请之日。")
    require(
        clock.latest(app, v.EventKind.CORRECTION_REQUESTED) is None,
        "补正告知应一次性发出（条例第三十条），本申请已发出过补正告知。",
    )
    require(bool(items.strip()), "请写明需要补正的事项（条例第三十条）。")
    until = correction_due(sent_on, calendar_for(app.agency), working_days)
    before = snapshot(app)
    event = add_event(
        app, v.EventKind.CORRECTION_REQUESTED, sent_on, until=until, note=items, acting_user=acting_user
    )
    number_letter(app, case_letters.CORRECTION, event, sent_on)  # 补正告知书
    move(app, t)
    late = app.correction_notice_due is not None and sent_on > app.correction_notice_due
    summary = f"发出补正告知，补正期限至 {until.isoformat()}" + (
        "（已超过7个工作日的告知期限）" if late else ""
    )
    finish(app, before, acting_user=acting_user, summary=summary)
    return app


@top_level(Event.CORRECTION_RECEIVED)
def do_receive_correction(app: Application, *, received_on: date, acting_user: User) -> Application:
    """The corrected application arrived: the 20 working days start again from it (第三十条)."""
    app, t = begin(app, Action.RECEIVE_CORRECTION, acting_user)
    too_early = "收到补正的日期不能早于补正告知日期。"
    notice_being_answered(app, v.EventKind.CORRECTION_REQUESTED, received_on, too_early)
    summary = f"收到补正申请（{received_on.isoformat()}），答复期限重新计算"
    with changing(app, t, acting_user=acting_user, summary=summary):
        add_event(app, v.EventKind.CORRECTION_RECEIVED, received_on, acting_user=acting_user)
    return app

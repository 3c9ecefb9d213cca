"""Fees (条例 第四十二条 allows them): the 收费通知书 and the payment. The payment period and its
lapse come from the fee rules (workflow.outcomes.FEE_LAPSE_BASIS); when it runs out unpaid a
person decides the lapse (actions.lapses)."""

from __future__ import annotations

from datetime import date

from gongkai.deadlines import fee_payment_due
from gongkai.web.accounts.models import User
from gongkai.web.actions_base import domain_refusal, require, top_level
from gongkai.web.applications import charging
from gongkai.web.applications import vocabulary as v
from gongkai.web.applications.actions.common import (
    add_event,
    begin,
    changing,
    notice_being_answered,
)
from gongkai.web.applications.events import Event
from gongkai.web.applications.models import Application, FeeNotice
from gongkai.web.letters import case_letters
from gongkai.web.letters.case_letters import number_letter
from gongkai.web.workdays.calendars import calendar_for
from gongkai.workflow.cases import Action


@top_level(Event.FEE_NOTICE_SENT)
def do_send_fee_notice(
    app: Application,
    *,
    sent_on: date,
    acting_user: User,
    method: str,
    how_to_pay: str,
    pages: int | None = None,
    received_on: date | None = None,
    note: str = "",
) -> Application:
    """Send the 收费通知书 (条例 第四十二条) with its quote; the time until payment is not counted.

    The amount comes from gongkai.fees by one method (办法 第三条): 按件 from the applicant's
    count of applications to the agency in the month (counted in the database), or 按量 from
    ``pages``. ``received_on`` is the day the applicant received the notice (default: the day it
    is sent, as for e-mail or in person); the 20 working days to pay run from the next day
    (gongkai.deadlines.fee_payment_due). A notice for 0 yuan is refused: nothing is owed.
    """
    received = received_on or sent_on
    app, t = begin(app, Action.SEND_FEE_NOTICE, acting_user)
    require(bool(how_to_pay.strip()), "请写明缴纳方式（收费通知应说明收费的依据、标准、数额、缴纳方式）。")
    require(received >= sent_on, "申请人收到收费通知之日不能早于发出日期。")
    require(app.received_on is not None and sent_on >= app.received_on, "收费通知日期不能早于收到申请之日。")
    with domain_refusal():
        q = charging.fee_quote(app, method, pages)
        due = fee_payment_due(received, calendar_for(app.agency))
    require(q.amount > 0, f"{q.describe()}，无需收费，不能发出收费通知。")
    summary = (
        f"发出收费通知（{sent_on.isoformat()}）：{q.describe()}；缴费期限至{due.isoformat()}，"
        "缴费期间不计入答复期限"
    )
    with changing(app, t, acting_user=acting_user, summary=summary):
        event = add_event(
            app, v.EventKind.FEE_NOTICE_SENT, sent_on, note=note or q.describe(), acting_user=acting_user
        )
        number_letter(app, case_letters.FEE_NOTICE, event, sent_on)  # 收费通知书
        FeeNotice.objects.create(
            application=app,
            event=event,
            method=q.method.value,
            quantity=q.quantity,
            amount=q.amount,
            lines=charging.lines_json(q),
            basis=q.basis,
            how_to_pay=how_to_pay.strip(),
            sent_on=sent_on,
            received_on=received,
            payment_due=due,
        )
    return app


@top_level(Event.FEE_RECEIVED)
def do_receive_fee(app: Application, *, paid_on: date, acting_user: User) -> Application:
    app, t = begin(app, Action.RECEIVE_FEE, acting_user)
    too_early = "缴费日期不能早于收费通知日期。"
    notice = notice_being_answered(app, v.EventKind.FEE_NOTICE_SENT, paid_on, too_early)
    summary = f"申请人已缴费（{paid_on.isoformat()}），恢复计时"
    with changing(app, t, acting_user=acting_user, summary=summary):
        notice.until = paid_on
        notice.save(update_fields=["until"])
        FeeNotice.objects.filter(event=notice).update(paid_on=paid_on)
        add_event(app, v.EventKind.FEE_RECEIVED, paid_on, acting_user=acting_user)
    return app

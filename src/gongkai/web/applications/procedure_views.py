"""The case page's buttons for the steps of issue 16: a lapsed 补正 or payment period decided by
the clerk (条例 第三十条 "无正当理由"), and the 第三十五条 request for reasons, the applicant's
answer and the later reply date. Each button is one action (``case_action``); the clerk records,
the （六）1/2 告知书 then goes to the 审核人 through the reply panel like any reply."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied

from gongkai.web.applications import actions, clock, permissions
from gongkai.web.applications import vocabulary as v
from gongkai.web.applications.actions.lapses import PENDING_KIND
from gongkai.web.applications.case_views import case_action
from gongkai.web.applications.forms import (
    ConfirmLapseForm,
    GoodCauseForm,
    LaterDateForm,
    ReasonsAnswerForm,
    ReasonsRequestForm,
)
from gongkai.web.applications.models import Application
from gongkai.web.clock import today
from gongkai.web.replies.actions import do_confirm_lapse
from gongkai.workflow.cases import CaseState

refer_lapse = case_action(
    actions.do_refer_lapse, "期限已过，已转待确认。", arguments=lambda d: {"today": today()}
)
record_good_cause = case_action(
    actions.do_record_good_cause, "已登记正当理由，期限已重新确定。", form_class=GoodCauseForm
)
confirm_lapse = case_action(
    do_confirm_lapse, "已确认无正当理由，并起草不再处理告知书，请提交审核。", form_class=ConfirmLapseForm
)
request_reasons = case_action(
    actions.do_request_reasons, "已发出说明理由通知书。", form_class=ReasonsRequestForm
)
record_reasons_answer = case_action(
    actions.do_record_reasons_answer,
    "已登记申请人的说明。",
    form_class=ReasonsAnswerForm,
    arguments=lambda d: {
        "answered_on": d["answered_on"],
        "answer": d["answer"],
        "finding": d["finding"],
        "today": today(),
    },
)
set_later_date = case_action(
    actions.do_set_later_date, "已确定延迟答复期限，并生成延迟答复告知书。", form_class=LaterDateForm
)


def panel_context(user: Any, app: Application, on: date) -> dict[str, Any]:
    """What the lapse and 第三十五条 panels of the case page show."""
    if not permissions.can_view(user, app):
        raise PermissionDenied
    handle = permissions.can_handle(user, app) and app.is_open
    state = CaseState(app.status)
    correction = clock.latest(app, v.EventKind.CORRECTION_REQUESTED)
    unpaid = app.fee_notices.filter(paid_on=None).order_by("-pk").first()
    period_end = (
        correction.until
        if state is CaseState.AWAITING_CORRECTION and correction is not None
        else unpaid.payment_due
        if state is CaseState.AWAITING_FEE and unpaid is not None
        else None
    )
    pending = PENDING_KIND.get(state)
    request = clock.latest(app, v.EventKind.REASONS_REQUESTED)
    answer = clock.latest(app, v.EventKind.REASONS_ANSWERED)
    later = clock.latest(app, v.EventKind.LATER_DATE_SET)
    handling = state in (CaseState.RECEIVED, CaseState.IN_PROGRESS)
    return {
        "lapse": {
            "can_refer": handle and period_end is not None and on > period_end,
            "period_end": period_end,
            "pending": pending,
            "pending_label": v.LapseKind.of(pending).label if pending else "",
            "referred": clock.latest(app, v.EventKind.LAPSE_REFERRED) if pending else None,
            "can_decide": handle and pending is not None,
            "history": clock.all_of(app, v.EventKind.LAPSE_EXCUSED, v.EventKind.LAPSE_CONFIRMED),
            "excuse_form": GoodCauseForm(initial={"decided_on": on}),
            "confirm_form": ConfirmLapseForm(initial={"decided_on": on}),
        },
        "reasons": {
            "request": request,
            "answer": answer,
            "finding_label": v.ReasonsFinding.of(answer.detail).label if answer else "",
            "later": later,
            "can_request": handle and handling and request is None,
            "can_answer": handle and handling and request is not None and answer is None,
            "can_set_later": handle
            and handling
            and answer is not None
            and answer.detail == v.ReasonsFinding.REASONABLE
            and later is None,
            "request_form": ReasonsRequestForm(initial={"sent_on": on}),
            "answer_form": ReasonsAnswerForm(initial={"answered_on": on}),
            "later_form": LaterDateForm(initial={"decided_on": on}),
        },
    }

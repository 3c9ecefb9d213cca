"""条例 第三十五条 (issue 16): an application whose number or frequency is clearly beyond reason.

"申请人申请公开政府信息的数量、频次明显超过合理范围，行政机关可以要求申请人说明理由。行政机关认为
申请理由不合理的，告知申请人不予处理；行政机关认为申请理由合理，但是无法在本条例第三十三条规定的
期限内答复申请人的，可以确定延迟答复的合理期限并告知申请人。"

1. :func:`do_request_reasons` -- the 说明理由通知书, with the applicant's window. The article sets
   no period: it is a reasonable one the agency sets in the letter (gongkai.deadlines.reasons_due);
2. :func:`do_record_reasons_answer` -- what the applicant said and the agency's finding;
3. :func:`do_set_later_date` -- after a reasonable answer, the later reply date and its 延迟答复告知书;
   the clock (applications.clock) then takes it as the due date.

Answering 不予处理 is the （五）4 reply (replies), which can only be issued with the request on
record (its required element, gongkai.workflow REASONS_REQUESTED). The reply clock keeps running
while the applicant is asked: the article does not stop it, it lets the agency set a later date.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied

from gongkai.deadlines import reasons_due
from gongkai.web.accounts.models import User
from gongkai.web.actions_base import domain_refusal, require, top_level
from gongkai.web.applications import clock, permissions
from gongkai.web.applications import vocabulary as v
from gongkai.web.applications.actions.common import add_event, changing, locked
from gongkai.web.applications.events import Event
from gongkai.web.applications.models import Application
from gongkai.web.letters import case_letters
from gongkai.web.letters.case_letters import number_letter
from gongkai.web.workdays.calendars import calendar_for
from gongkai.workflow.cases import CaseState

#: The case is being handled (the request and the date are steps within 办理中, not states).
_HANDLING = frozenset({CaseState.RECEIVED.value, CaseState.IN_PROGRESS.value})


def _handled(app: Application, acting_user: User) -> Application:
    app = locked(app)
    if not permissions.can_handle(acting_user, app):
        raise PermissionDenied
    require(app.status in _HANDLING, f"案件处于“{app.get_status_display()}”状态，不能办理第三十五条程序。")
    return app


@top_level(Event.REASONS_REQUESTED)
def do_request_reasons(
    app: Application, *, sent_on: date, facts: str, working_days: int, acting_user: User
) -> Application:
    """Ask the applicant to explain (第三十五条: 行政机关可以要求申请人说明理由)."""
    app = _handled(app, acting_user)
    require(clock.latest(app, v.EventKind.REASONS_REQUESTED) is None, "本申请已要求申请人说明理由。")
    require(app.received_on is not None and sent_on >= app.received_on, "通知日期不能早于收到申请之日。")
    require(bool(facts.strip()), "请写明申请数量、频次明显超过合理范围的情况（条例第三十五条）。")
    with domain_refusal():
        due = reasons_due(sent_on, calendar_for(app.agency), working_days)
    summary = f"要求申请人说明理由（第三十五条），说明期限至{due.isoformat()}"
    with changing(app, acting_user=acting_user, summary=summary):
        event = add_event(
            app,
            v.EventKind.REASONS_REQUESTED,
            sent_on,
            until=due,
            note=facts.strip(),
            acting_user=acting_user,
        )
        number_letter(app, case_letters.REASONS_REQUEST, event, sent_on)  # 说明理由通知书
    return app


@top_level(Event.REASONS_ANSWERED)
def do_record_reasons_answer(
    app: Application,
    *,
    answered_on: date | None,
    answer: str,
    finding: str,
    today: date,
    acting_user: User,
) -> Application:
    """Record the applicant's answer (``answered_on=None``: none came within the window) and the
    agency's finding: 理由不合理 (then the （五）4 reply) or 理由合理."""
    app = _handled(app, acting_user)
    request = clock.latest(app, v.EventKind.REASONS_REQUESTED)
    require(request is not None, "尚未要求申请人说明理由（条例第三十五条）。")
    assert request is not None and request.until is not None
    require(clock.latest(app, v.EventKind.REASONS_ANSWERED) is None, "已登记申请人的说明。")
    require(finding in v.ReasonsFinding.labels(), "请选择本机关的认定：理由合理或理由不合理。")
    if answered_on is None:
        require(today > request.until, f"说明理由期限（{request.until.isoformat()}）尚未届满。")
        require(finding == v.ReasonsFinding.UNREASONABLE, "申请人未说明理由的，不能认定理由合理。")
        on, note = today, "申请人在期限内未说明理由"
    else:
        require(answered_on >= request.on, "说明日期不能早于通知日期。")
        require(bool(answer.strip()), "请记录申请人说明的理由。")
        on, note = answered_on, answer.strip()
    summary = f"登记申请人说明（{note}）：{v.ReasonsFinding.of(finding).label}"
    with changing(app, acting_user=acting_user, summary=summary):
        add_event(app, v.EventKind.REASONS_ANSWERED, on, detail=finding, note=note, acting_user=acting_user)
    return app


@top_level(Event.LATER_DATE_SET)
def do_set_later_date(
    app: Application, *, later_date: date, decided_on: date, acting_user: User
) -> Application:
    """确定延迟答复的合理期限并告知申请人 (第三十五条): only after reasons found reasonable; the
    date must lie after the reply period of 第三十三条 (checked by gongkai.deadlines)."""
    app = _handled(app, acting_user)
    answer = clock.latest(app, v.EventKind.REASONS_ANSWERED)
    require(
        answer is not None and answer.detail == v.ReasonsFinding.REASONABLE,
        "只有认为申请理由合理的，才能确定延迟答复的合理期限（条例第三十五条）。",
    )
    require(clock.latest(app, v.EventKind.LATER_DATE_SET) is None, "本申请已确定延迟答复期限。")
    assert answer is not None
    require(decided_on >= answer.on, "告知日期不能早于申请人说明理由的日期。")
    summary = f"确定延迟答复的合理期限至{later_date.isoformat()}（第三十五条），并告知申请人"
    with changing(app, acting_user=acting_user, summary=summary):
        event = add_event(
            app, v.EventKind.LATER_DATE_SET, decided_on, until=later_date, acting_user=acting_user
        )
        with domain_refusal():  # e.g. not after the 第三十三条 reply date
            clock.deadlines(app, calendar_for(app.agency))
        number_letter(app, case_letters.LATER_REPLY, event, decided_on)  # 延迟答复告知书
    return app

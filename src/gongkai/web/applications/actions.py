"""Every state change of an application, Zulip-style: ``do_<verb>_<noun>(..., *, acting_user)``.

Each action runs in one transaction with the case row locked (SELECT ... FOR UPDATE), checks the
permission (applications.permissions) and the domain rules (gongkai.deadlines), writes the case
and its events, recomputes the cached due dates and writes one audit row with before/after.
Views, commands and (later) the API validate input and call these -- nothing else writes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from gongkai.deadlines import Channel as DomainChannel
from gongkai.deadlines import (
    PauseReason,
    consultation_due,
    correction_due,
    date_of_receipt,
    fee_payment_due,
    lapsed,
)
from gongkai.errors import GongkaiError
from gongkai.web.accounts import permissions as accounts
from gongkai.web.accounts.models import Agency, User
from gongkai.web.applications import charging, clock, numbering, permissions
from gongkai.web.applications import vocabulary as v
from gongkai.web.applications.models import (
    Application,
    Attachment,
    CaseEvent,
    FeeNotice,
    ThirdPartyConsultation,
)
from gongkai.web.audit.record import record
from gongkai.web.letters import case_letters
from gongkai.web.letters.case_letters import number_letter
from gongkai.web.workdays.calendars import calendar_for
from gongkai.workflow.cases import Action, CaseState, Transition, allowed_actions, transition
from gongkai.workflow.cases import Role as WorkflowRole
from gongkai.workflow.outcomes import OUTCOMES, WithheldPart, validate_resolution

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


class ActionError(GongkaiError):
    """A step that the rules do not allow now (shown to the clerk in Chinese)."""


@dataclass(frozen=True)
class Submission:
    application: Application
    #: Shown to the applicant once; only its keyed hash is stored.
    query_code: str


def _snapshot(app: Application) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in AUDITED:
        value = getattr(app, name)
        out[name] = value.isoformat() if isinstance(value, date | datetime) else value
    return out


def _locked(app: Application) -> Application:
    return Application.objects.select_for_update().select_related("agency").get(pk=app.pk)


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise ActionError(message)


def _finish(app: Application, before: dict[str, Any], *, acting_user: Any, action: str, summary: str) -> None:
    clock.refresh(app, calendar_for(app.agency))
    app.save()
    record(
        acting_user=acting_user,
        action=action,
        summary=summary,
        obj=app,
        agency_id=app.agency_id,
        before=before,
        after=_snapshot(app),
    )


def _event(
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


# -- intake -----------------------------------------------------------------------------------


def do_submit_application(
    agency: Agency,
    data: dict[str, Any],
    *,
    channel: str,
    submitted_at: datetime,
    received_on: date | None,
    attachments: Sequence[UploadedFile] = (),
    acting_user: Any = None,
    via_system: str | None = None,
) -> Submission:
    """Register a new application and give it its number and query code.

    ``received_on`` is the date of receipt (条例 第三十一条) as ``date_of_receipt`` fixed it.
    ``via_system`` names the system that forwarded a public submission (an API client such as a
    provincial platform, whose own access rules the API has checked) for the audit trail.
    """
    staff = getattr(acting_user, "is_authenticated", False)
    if staff and not permissions.can_register(acting_user, agency):
        raise PermissionDenied
    year = timezone.localtime(submitted_at).year
    code = numbering.new_query_code()
    with transaction.atomic():
        serial = numbering.next_serial(agency, year)
        number = numbering.format_number(agency, year, serial)
        app = Application(
            agency=agency,
            year=year,
            serial=serial,
            number=number,
            query_code_hash=numbering.hash_query_code(number, code),
            channel=channel,
            submitted_at=submitted_at,
            received_on=received_on,
            status=CaseState.RECEIVED.value,
            registered_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
            **{k: val for k, val in data.items() if k != "agency"},
        )
        clock.refresh(app, calendar_for(agency))
        app.save()
        for f in attachments:
            Attachment.objects.create(
                application=app,
                file=f,
                original_name=(f.name or "")[:200],
                size=f.size or 0,
                content_type=(f.content_type or "")[:100],
            )
        via = v.Channel(channel).label
        record(
            acting_user=acting_user,
            action="application.submit",
            obj=app,
            agency_id=agency.pk,
            summary=f"登记申请 {number}（{via}）",
            after=_snapshot(app),
            actor_label=None
            if getattr(acting_user, "is_authenticated", False)
            else f"申请人（{via}）"
            if via_system is None
            else f"申请人（{via}，经{via_system}）",
        )
    return Submission(app, code)


def receipt_date(channel: str, *, arrived_on: date, confirmed_on: date | None) -> date:
    """The date of receipt from what the clerk entered (the rule is the domain's)."""
    domain = DomainChannel(channel)
    return date_of_receipt(
        domain, submitted_on=arrived_on, signed_for_on=confirmed_on, confirmed_on=confirmed_on
    )


# -- handling ---------------------------------------------------------------------------------


def _transition(app: Application, action: Action, acting_user: Any) -> Transition:
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


def _move(app: Application, t: Transition) -> None:
    app.status = t.target.value
    if t.resolution:
        app.resolution = t.resolution


def do_assign_application(app: Application, assignee: User, *, acting_user: User) -> Application:
    """Give the case to a clerk of its agency; a newly registered case starts (已登记 → 办理中)."""
    with transaction.atomic():
        app = _locked(app)
        if not permissions.can_handle(acting_user, app):
            raise PermissionDenied
        _require(app.is_open, "已办结的申请不能再分派。")
        _require(permissions.can_handle(assignee, app), "只能分派给本机关的经办人。")
        before = _snapshot(app)
        app.assignee = assignee
        if app.status == CaseState.RECEIVED:
            _move(app, _transition(app, Action.START, acting_user))
        _finish(
            app, before, acting_user=acting_user, action="application.assign", summary=f"分派给 {assignee}"
        )
    return app


def do_request_correction(
    app: Application, *, sent_on: date, items: str, working_days: int, acting_user: User
) -> Application:
    """Send the one-time 补正 notice (条例 第三十条): what to correct and a reasonable period."""
    with transaction.atomic():
        app = _locked(app)
        t = _transition(app, Action.REQUEST_CORRECTION, acting_user)
        _require(app.received_on is not None and sent_on >= app.received_on, "告知日期不能早于收到申请之日。")
        _require(
            clock.latest(app, v.EventKind.CORRECTION_REQUESTED) is None,
            "补正告知应一次性发出（条例第三十条），本申请已发出过补正告知。",
        )
        _require(bool(items.strip()), "请写明需要补正的事项（条例第三十条）。")
        until = correction_due(sent_on, calendar_for(app.agency), working_days)
        before = _snapshot(app)
        event = _event(
            app, v.EventKind.CORRECTION_REQUESTED, sent_on, until=until, note=items, acting_user=acting_user
        )
        number_letter(app, case_letters.CORRECTION, event, sent_on)  # 补正告知书
        _move(app, t)
        late = app.correction_notice_due is not None and sent_on > app.correction_notice_due
        summary = f"发出补正告知，补正期限至 {until.isoformat()}" + (
            "（已超过7个工作日的告知期限）" if late else ""
        )
        _finish(
            app, before, acting_user=acting_user, action="application.correction_requested", summary=summary
        )
    return app


def do_receive_correction(app: Application, *, received_on: date, acting_user: User) -> Application:
    """The corrected application arrived: the 20 working days start again from it (第三十条)."""
    with transaction.atomic():
        app = _locked(app)
        t = _transition(app, Action.RECEIVE_CORRECTION, acting_user)
        request = clock.latest(app, v.EventKind.CORRECTION_REQUESTED)
        assert request is not None
        _require(received_on >= request.on, "收到补正的日期不能早于补正告知日期。")
        before = _snapshot(app)
        _event(app, v.EventKind.CORRECTION_RECEIVED, received_on, acting_user=acting_user)
        _move(app, t)
        _finish(
            app,
            before,
            acting_user=acting_user,
            action="application.correction_received",
            summary=f"收到补正申请（{received_on.isoformat()}），答复期限重新计算",
        )
    return app


def _close_as_abandoned(
    app: Application,
    t: Transition,
    today: date,
    before: dict[str, Any],
    *,
    acting_user: Any,
    note: str,
    summary: str,
) -> None:
    """Close a case the applicant let lapse (表三（六）1 and 2): the transition fixes the outcome."""
    _event(app, v.EventKind.CLOSED, today, detail=t.resolution or "", acting_user=acting_user, note=note)
    _move(app, t)
    app.closed_on = today
    _finish(app, before, acting_user=acting_user, action="application.closed", summary=summary)


def do_close_for_missing_correction(
    app: Application, *, today: date, acting_user: User | None
) -> Application:
    """No correction by the period set: deemed withdrawn, 表三（六）1 (条例 第三十条).

    ``acting_user=None`` is the periodic job (``gongkai manage remind``).
    """
    with transaction.atomic():
        app = _locked(app)
        t = _transition(app, Action.CORRECTION_LAPSED, acting_user)
        request = clock.latest(app, v.EventKind.CORRECTION_REQUESTED)
        assert request is not None and request.until is not None
        _require(lapsed(request.until, today, None), f"补正期限（{request.until.isoformat()}）尚未届满。")
        before = _snapshot(app)
        _close_as_abandoned(
            app,
            t,
            today,
            before,
            acting_user=acting_user,
            note="申请人逾期未补正，视为放弃申请（条例第三十条）",
            summary="逾期未补正，视为放弃申请，不再处理（表三（六）1）",
        )
    return app


def do_request_extension(app: Application, *, reason: str, on: date, acting_user: User) -> Application:
    """The clerk asks the head for more time (条例 第三十三条第二款)."""
    with transaction.atomic():
        app = _locked(app)
        t = _transition(app, Action.REQUEST_EXTENSION, acting_user)
        _require(clock.latest(app, v.EventKind.EXTENSION_APPROVED) is None, "本申请已延长过答复期限。")
        before = _snapshot(app)
        _event(app, v.EventKind.EXTENSION_REQUESTED, on, note=reason, acting_user=acting_user)
        _move(app, t)
        _finish(
            app,
            before,
            acting_user=acting_user,
            action="application.extension_requested",
            summary=f"申请延长答复期限：{reason}",
        )
    return app


def do_approve_extension(app: Application, *, approved_on: date, acting_user: User) -> Application:
    """The head approves; the applicant is told (第三十三条第二款: 经负责人同意并告知申请人)."""
    with transaction.atomic():
        app = _locked(app)
        t = _transition(app, Action.APPROVE_EXTENSION, acting_user)
        before = _snapshot(app)
        event = _event(app, v.EventKind.EXTENSION_APPROVED, approved_on, acting_user=acting_user)
        number_letter(app, case_letters.EXTENSION, event, approved_on)  # 延期答复告知书
        try:
            clock.deadlines(app, calendar_for(app.agency))
        except GongkaiError as exc:
            raise ActionError(exc.message) from exc  # e.g. approved after the period ran out
        _move(app, t)
        _finish(
            app,
            before,
            acting_user=acting_user,
            action="application.extension_approved",
            summary="机构负责人同意延长答复期限（最长20个工作日），并告知申请人",
        )
    return app


_CONSULT_ACTION = {
    PauseReason.THIRD_PARTY.value: Action.CONSULT_THIRD_PARTY,
    PauseReason.OTHER_AGENCY.value: Action.CONSULT_AGENCY,
}


@dataclass(frozen=True)
class ThirdParty:
    """Who is consulted under 第三十二条 and about what (the 征求第三方意见书's addressee)."""

    name: str
    contact: str
    information: str
    address: str = ""
    #: The day the third party received the letter (its 15 working days run from it).
    letter_received_on: date | None = None


def do_start_consultation(
    app: Application,
    *,
    kind: str,
    sent_on: date,
    note: str,
    acting_user: User,
    third_party: ThirdParty | None = None,
) -> Application:
    """Consult a third party (第三十二条) or another agency (第三十四条).

    The consultation time is not counted (第三十三条第三款). With ``third_party`` the written
    consultation is recorded (ThirdPartyConsultation) with the third party's 15-working-day
    reply period, computed on the agency's calendar from the day it received the letter.
    """
    with transaction.atomic():
        app = _locked(app)
        t = _transition(app, _CONSULT_ACTION[kind], acting_user)
        _require(app.received_on is not None and sent_on >= app.received_on, "日期不能早于收到申请之日。")
        _require(
            third_party is None or kind == PauseReason.THIRD_PARTY.value,
            "第三方信息只适用于征求第三方意见（条例第三十二条）。",
        )
        before = _snapshot(app)
        event = _event(
            app, v.EventKind.CONSULTATION_STARTED, sent_on, detail=kind, note=note, acting_user=acting_user
        )
        if third_party is not None:
            _record_third_party(app, event, third_party, sent_on)
        _move(app, t)
        _finish(
            app,
            before,
            acting_user=acting_user,
            action="application.consultation_started",
            summary=f"征求{v.ConsultationKind(kind).label}意见，暂停计时",
        )
    return app


def _record_third_party(app: Application, event: CaseEvent, party: ThirdParty, sent_on: date) -> None:
    for value, label in (
        (party.name, "第三方名称或姓名"),
        (party.contact, "第三方联系方式"),
        (
            party.information,
            "拟公开的政府信息",
        ),
    ):
        _require(bool(value.strip()), f"请填写{label}（条例第三十二条：书面征求第三方的意见）。")
    received = party.letter_received_on or sent_on
    _require(received >= sent_on, "第三方收到征求意见书之日不能早于发出日期。")
    try:
        due = consultation_due(received, calendar_for(app.agency))
    except GongkaiError as exc:
        raise ActionError(exc.message) from exc
    number_letter(app, case_letters.THIRD_PARTY_CONSULTATION, event, sent_on)  # 征求第三方意见书
    ThirdPartyConsultation.objects.create(
        application=app,
        event=event,
        party_name=party.name.strip(),
        contact=party.contact.strip(),
        address=party.address.strip(),
        information=party.information.strip(),
        sent_on=sent_on,
        letter_received_on=received,
        reply_due=due,
    )


def do_end_consultation(
    app: Application,
    *,
    ended_on: date,
    acting_user: User,
    answer: str = "",
    reason: str = "",
) -> Application:
    """The consulted party answered (or its period ran out): the clock runs again.

    For a recorded third-party consultation ``answer`` is its answer (同意公开/不同意公开/逾期未
    答复, 第三十二条); 逾期未答复 may be recorded only after the 15 working days have passed, and the
    pause then ends on the last day of that period.
    """
    with transaction.atomic():
        app = _locked(app)
        t = _transition(app, Action.END_CONSULTATION, acting_user)
        event = clock.latest(app, v.EventKind.CONSULTATION_STARTED)
        assert event is not None
        _require(ended_on >= event.on, "结束日期不能早于发出征求意见书的日期。")
        consultation = ThirdPartyConsultation.objects.filter(event=event).first()
        summary = f"征求意见结束（{ended_on.isoformat()}），恢复计时"
        pause_end = ended_on
        if consultation is not None:
            _require(
                answer in v.THIRD_PARTY_ANSWER_LABELS,
                "请选择第三方的意见：同意公开、不同意公开或逾期未答复（条例第三十二条）。",
            )
            if answer == v.ThirdPartyAnswer.NO_ANSWER:
                _require(
                    ended_on > consultation.reply_due,
                    f"第三方答复期限（{consultation.reply_due.isoformat()}）尚未届满，不能按逾期未答复处理。",
                )
                pause_end = consultation.reply_due
            consultation.answer = answer
            consultation.answered_on = None if answer == v.ThirdPartyAnswer.NO_ANSWER else ended_on
            consultation.answer_reason = reason.strip()
            consultation.save(update_fields=["answer", "answered_on", "answer_reason"])
            label = v.THIRD_PARTY_ANSWER_LABELS[v.ThirdPartyAnswer(answer)]
            summary = f"第三方意见：{label}（{ended_on.isoformat()}），恢复计时"
        before = _snapshot(app)
        event.until = pause_end
        event.save(update_fields=["until"])
        _move(app, t)
        _finish(
            app,
            before,
            acting_user=acting_user,
            action="application.consultation_ended",
            summary=summary,
        )
    return app


def do_decide_after_consultation(
    app: Application,
    *,
    consultation: ThirdPartyConsultation,
    decision: str,
    reason: str,
    notice_sent_on: date | None,
    acting_user: User,
    reconsideration_body: str = "",
) -> ThirdPartyConsultation:
    """Record the agency's decision after consulting a third party (条例 第三十二条).

    Disclosing although the third party disagreed (公共利益) requires a reason and the written
    notice to the third party (``notice_sent_on``: 将决定公开的政府信息内容和理由书面告知第三方).
    """
    with transaction.atomic():
        app = _locked(app)
        if not permissions.can_handle(acting_user, app) or consultation.application_id != app.pk:
            raise PermissionDenied
        _require(app.is_open, "已办结的申请不能再登记决定。")
        consultation = ThirdPartyConsultation.objects.select_for_update().get(pk=consultation.pk)
        _require(bool(consultation.answer), "请先登记第三方的意见（或逾期未答复）。")
        _require(decision in v.THIRD_PARTY_DECISION_LABELS, "请选择本机关的决定：予以公开或不予公开。")
        against = (
            decision == v.ThirdPartyDecision.DISCLOSE and consultation.answer == v.ThirdPartyAnswer.DISAGREE
        )
        if against:
            _require(
                bool(reason.strip()),
                "第三方不同意公开而决定予以公开的，须写明不公开可能对公共利益造成重大影响的理由（条例第三十二条）。",
            )
            _require(
                notice_sent_on is not None,
                "决定予以公开的，应将决定公开的政府信息内容和理由书面告知第三方（条例第三十二条），请填写告知日期。",
            )
        if notice_sent_on is not None:
            _require(
                decision == v.ThirdPartyDecision.DISCLOSE,
                "只有决定予以公开时才书面告知第三方（条例第三十二条）。",
            )
            # The third party may challenge the disclosure: the notice states where (救济途径).
            _require(bool(reconsideration_body.strip()), "请填写第三方告知书中告知的行政复议机关。")
            _require(notice_sent_on >= consultation.sent_on, "告知日期不能早于征求意见书发出日期。")
        before = {"decision": consultation.decision, "notice_sent_on": _iso(consultation.notice_sent_on)}
        consultation.decision = decision
        consultation.decision_reason = reason.strip()
        consultation.notice_sent_on = notice_sent_on
        consultation.reconsideration_body = reconsideration_body.strip()
        consultation.save(
            update_fields=["decision", "decision_reason", "notice_sent_on", "reconsideration_body"]
        )
        if notice_sent_on is not None:
            # 第三方告知书: the content and reasons of the decision to disclose, in writing.
            number_letter(app, case_letters.THIRD_PARTY_DISCLOSURE_NOTICE, consultation.event, notice_sent_on)
        label = v.THIRD_PARTY_DECISION_LABELS[v.ThirdPartyDecision(decision)]
        record(
            acting_user=acting_user,
            action="application.third_party_decision",
            obj=app,
            agency_id=app.agency_id,
            summary=f"征求第三方（{consultation.party_name}）意见后决定{label}"
            + (f"，{notice_sent_on.isoformat()}书面告知第三方" if notice_sent_on else ""),
            before=before,
            after={"decision": decision, "notice_sent_on": _iso(notice_sent_on)},
        )
    return consultation


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def do_recompute_deadlines(apps: Iterable[Application], *, acting_user: Any, reason: str) -> int:
    """Recompute the cached due dates of open cases (after a calendar change); returns how many
    changed. Each change is audited."""
    changed = 0
    for app in apps:
        with transaction.atomic():
            app = _locked(app)
            if not app.is_open:
                continue
            before = _snapshot(app)
            clock.refresh(app, calendar_for(app.agency))
            after = _snapshot(app)
            if after == before:
                continue
            app.save()
            record(
                acting_user=acting_user,
                action="application.deadlines_recomputed",
                obj=app,
                agency_id=app.agency_id,
                summary=f"期限重新计算：{reason}",
                before=before,
                after=after,
            )
            changed += 1
    return changed


# -- fee notice and the generic workflow steps ----------------------------------------------------


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
    with transaction.atomic():
        app = _locked(app)
        t = _transition(app, Action.SEND_FEE_NOTICE, acting_user)
        _require(
            bool(how_to_pay.strip()), "请写明缴纳方式（收费通知应说明收费的依据、标准、数额、缴纳方式）。"
        )
        _require(received >= sent_on, "申请人收到收费通知之日不能早于发出日期。")
        _require(
            app.received_on is not None and sent_on >= app.received_on, "收费通知日期不能早于收到申请之日。"
        )
        try:
            q = charging.fee_quote(app, method, pages)
            due = fee_payment_due(received, calendar_for(app.agency))
        except GongkaiError as exc:
            raise ActionError(exc.message) from exc
        _require(q.amount > 0, f"{q.describe()}，无需收费，不能发出收费通知。")
        before = _snapshot(app)
        event = _event(
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
        _move(app, t)
        _finish(
            app,
            before,
            acting_user=acting_user,
            action="application.fee_notice_sent",
            summary=f"发出收费通知（{sent_on.isoformat()}）：{q.describe()}；缴费期限至{due.isoformat()}，"
            "缴费期间不计入答复期限",
        )
    return app


def do_receive_fee(app: Application, *, paid_on: date, acting_user: User) -> Application:
    with transaction.atomic():
        app = _locked(app)
        t = _transition(app, Action.RECEIVE_FEE, acting_user)
        notice = clock.latest(app, v.EventKind.FEE_NOTICE_SENT)
        assert notice is not None
        _require(paid_on >= notice.on, "缴费日期不能早于收费通知日期。")
        before = _snapshot(app)
        notice.until = paid_on
        notice.save(update_fields=["until"])
        FeeNotice.objects.filter(event=notice).update(paid_on=paid_on)
        _event(app, v.EventKind.FEE_RECEIVED, paid_on, acting_user=acting_user)
        _move(app, t)
        _finish(
            app,
            before,
            acting_user=acting_user,
            action="application.fee_received",
            summary=f"申请人已缴费（{paid_on.isoformat()}），恢复计时",
        )
    return app


def do_close_for_unpaid_fee(app: Application, *, today: date, acting_user: User | None) -> Application:
    """Unpaid after the payment period: deemed withdrawn, 表三（六）2 (条例 第四十二条;
    fee-rules.md 4.2: 逾期未缴纳的视为放弃申请). ``acting_user=None`` is ``gongkai manage remind``."""
    with transaction.atomic():
        app = _locked(app)
        t = _transition(app, Action.FEE_LAPSED, acting_user)
        notice = FeeNotice.objects.filter(application=app, paid_on=None).order_by("-pk").first()
        _require(notice is not None, "本申请没有待缴费的收费通知。")
        assert notice is not None
        _require(
            lapsed(notice.payment_due, today, None), f"缴费期限（{notice.payment_due.isoformat()}）尚未届满。"
        )
        before = _snapshot(app)
        # The pause of the reply clock ended with the payment period.
        notice.event.until = notice.payment_due
        notice.event.save(update_fields=["until"])
        _close_as_abandoned(
            app,
            t,
            today,
            before,
            acting_user=acting_user,
            note="申请人逾期未按收费通知要求缴纳费用，视为放弃申请（条例第四十二条）",
            summary="逾期未缴纳信息处理费，视为放弃申请，不再处理（表三（六）2）",
        )
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
    }
)


def do_take_step(
    app: Application, action: Action, *, on: date, acting_user: User, note: str = ""
) -> Application:
    """One workflow step that only moves the case (起草, 提交审核, 退回, 审核通过...)."""
    _require(action in SIMPLE_STEPS, f"“{action}”需要专门的办理表单。")
    with transaction.atomic():
        app = _locked(app)
        t = _transition(app, action, acting_user)
        before = _snapshot(app)
        _event(app, v.EventKind.STEP, on, detail=action.value, note=note, acting_user=acting_user)
        _move(app, t)
        _finish(
            app,
            before,
            acting_user=acting_user,
            action=f"application.{action.value}",
            summary=t.label + (f"：{note}" if note else ""),
        )
    return app


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
    the case."""
    validate_resolution(outcome, withheld)
    with transaction.atomic():
        app = _locked(app)
        t = _transition(app, Action.ISSUE, acting_user)
        before = _snapshot(app)
        _event(
            app, v.EventKind.STEP, issued_on, detail=Action.ISSUE.value, note=outcome, acting_user=acting_user
        )
        _move(app, t)
        app.resolution = outcome
        app.closed_on = issued_on
        _finish(
            app,
            before,
            acting_user=acting_user,
            action="application.issued",
            summary=f"出具答复：{OUTCOMES[outcome].label}",
        )
        if delivered_on is not None:
            do_deliver_reply(app, delivered_on=delivered_on, acting_user=acting_user)
    return app


def do_deliver_reply(
    app: Application, *, delivered_on: date, acting_user: User, note: str = ""
) -> Application:
    """The issued reply reached the applicant (送达): the case is closed (已办结)."""
    with transaction.atomic():
        app = _locked(app)
        before = _snapshot(app)
        t = _transition(app, Action.DELIVER, acting_user)
        _event(
            app,
            v.EventKind.STEP,
            delivered_on,
            detail=Action.DELIVER.value,
            note=note,
            acting_user=acting_user,
        )
        _move(app, t)
        _finish(
            app,
            before,
            acting_user=acting_user,
            action="application.delivered",
            summary="送达并办结" + (f"：{note}" if note else ""),
        )
    return app

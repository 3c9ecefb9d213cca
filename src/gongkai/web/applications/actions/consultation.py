"""Consulting a third party (条例 第三十二条) or another agency (第三十四条); the agency's decision
after a third party's answer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied

from gongkai.deadlines import PauseReason, consultation_due
from gongkai.web.accounts.models import User
from gongkai.web.actions_base import domain_refusal, require, step_record, top_level
from gongkai.web.applications import permissions
from gongkai.web.applications import vocabulary as v
from gongkai.web.applications.actions.common import (
    add_event,
    begin,
    changing,
    iso,
    locked,
    notice_being_answered,
)
from gongkai.web.applications.events import Event
from gongkai.web.applications.models import Application, CaseEvent, ThirdPartyConsultation
from gongkai.web.letters import case_letters
from gongkai.web.letters.case_letters import number_letter
from gongkai.web.workdays.calendars import calendar_for
from gongkai.workflow.cases import Action

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


@top_level(Event.CONSULTATION_STARTED)
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
    app, t = begin(app, _CONSULT_ACTION[kind], acting_user)
    require(app.received_on is not None and sent_on >= app.received_on, "日期不能早于收到申请之日。")
    require(
        third_party is None or kind == PauseReason.THIRD_PARTY.value,
        "第三方信息只适用于征求第三方意见（条例第三十二条）。",
    )
    summary = f"征求{v.ConsultationKind.of(kind).label}意见，暂停计时"
    with changing(app, t, acting_user=acting_user, summary=summary):
        event = add_event(
            app, v.EventKind.CONSULTATION_STARTED, sent_on, detail=kind, note=note, acting_user=acting_user
        )
        if third_party is not None:
            record_third_party(app, event, third_party, sent_on)
    return app


def record_third_party(app: Application, event: CaseEvent, party: ThirdParty, sent_on: date) -> None:
    for value, label in (
        (party.name, "第三方名称或姓名"),
        (party.contact, "第三方联系方式"),
        (
            party.information,
            "拟公开的政府信息",
        ),
    ):
        require(bool(value.strip()), f"请填写{label}（条例第三十二条：书面征求第三方的意见）。")
    received = party.letter_received_on or sent_on
    require(received >= sent_on, "第三方收到征求意见书之日不能早于发出日期。")
    with domain_refusal():
        due = consultation_due(received, calendar_for(app.agency))
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


@top_level(Event.CONSULTATION_ENDED)
def do_end_consultation(
    app: Application, *, ended_on: date, acting_user: User, answer: str = "", reason: str = ""
) -> Application:
    """The consulted party answered (or its period ran out): the clock runs again.

    For a recorded third-party consultation ``answer`` is its answer (同意公开/不同意公开/逾期未
    答复, 第三十二条); 逾期未答复 may be recorded only after the 15 working days have passed, and the
    pause then ends on the last day of that period.
    """
    app, t = begin(app, Action.END_CONSULTATION, acting_user)
    event = notice_being_answered(
        app, v.EventKind.CONSULTATION_STARTED, ended_on, "结束日期不能早于发出征求意见书的日期。"
    )
    consultation = ThirdPartyConsultation.objects.filter(event=event).first()
    summary = f"征求意见结束（{ended_on.isoformat()}），恢复计时"
    pause_end = ended_on
    if consultation is not None:
        require(
            answer in v.THIRD_PARTY_ANSWER_LABELS,
            "请选择第三方的意见：同意公开、不同意公开或逾期未答复（条例第三十二条）。",
        )
        if answer == v.ThirdPartyAnswer.NO_ANSWER:
            require(
                ended_on > consultation.reply_due,
                f"第三方答复期限（{consultation.reply_due.isoformat()}）尚未届满，不能按逾期未答复处理。",
            )
            pause_end = consultation.reply_due
        consultation.answer = answer
        consultation.answered_on = None if answer == v.ThirdPartyAnswer.NO_ANSWER else ended_on
        consultation.answer_reason = reason.strip()
        consultation.save(update_fields=["answer", "answered_on", "answer_reason"])
        label = v.THIRD_PARTY_ANSWER_LABELS[v.ThirdPartyAnswer.of(answer)]
        summary = f"第三方意见：{label}（{ended_on.isoformat()}），恢复计时"
    with changing(app, t, acting_user=acting_user, summary=summary):
        event.until = pause_end
        event.save(update_fields=["until"])
    return app


@top_level(Event.THIRD_PARTY_DECISION)
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
    app = locked(app)
    if not permissions.can_handle(acting_user, app) or consultation.application_id != app.pk:
        raise PermissionDenied
    require(app.is_open, "已办结的申请不能再登记决定。")
    consultation = ThirdPartyConsultation.objects.select_for_update().get(pk=consultation.pk)
    require(bool(consultation.answer), "请先登记第三方的意见（或逾期未答复）。")
    require(decision in v.THIRD_PARTY_DECISION_LABELS, "请选择本机关的决定：予以公开或不予公开。")
    against = decision == v.ThirdPartyDecision.DISCLOSE and consultation.answer == v.ThirdPartyAnswer.DISAGREE
    if against:
        require(
            bool(reason.strip()),
            "第三方不同意公开而决定予以公开的，须写明不公开可能对公共利益造成重大影响的理由（条例第三十二条）。",
        )
        require(
            notice_sent_on is not None,
            "决定予以公开的，应将决定公开的政府信息内容和理由书面告知第三方（条例第三十二条），请填写告知日期。",
        )
    if notice_sent_on is not None:
        require(
            decision == v.ThirdPartyDecision.DISCLOSE,
            "只有决定予以公开时才书面告知第三方（条例第三十二条）。",
        )
        # The third party may challenge the disclosure: the notice states where (救济途径).
        require(bool(reconsideration_body.strip()), "请填写第三方告知书中告知的行政复议机关。")
        require(notice_sent_on >= consultation.sent_on, "告知日期不能早于征求意见书发出日期。")
    before = {"decision": consultation.decision, "notice_sent_on": iso(consultation.notice_sent_on)}
    consultation.decision = decision
    consultation.decision_reason = reason.strip()
    consultation.notice_sent_on = notice_sent_on
    consultation.reconsideration_body = reconsideration_body.strip()
    consultation.save(update_fields=["decision", "decision_reason", "notice_sent_on", "reconsideration_body"])
    if notice_sent_on is not None:
        # 第三方告知书: the content and reasons of the decision to disclose, in writing.
        number_letter(app, case_letters.THIRD_PARTY_DISCLOSURE_NOTICE, consultation.event, notice_sent_on)
    label = v.THIRD_PARTY_DECISION_LABELS[v.ThirdPartyDecision.of(decision)]
    step_record(
        acting_user=acting_user,
        obj=app,
        summary=f"征求第三方（{consultation.party_name}）意见后决定{label}"
        + (f"，{notice_sent_on.isoformat()}书面告知第三方" if notice_sent_on else ""),
        before=before,
        after={"decision": decision, "notice_sent_on": iso(notice_sent_on)},
    )
    return consultation

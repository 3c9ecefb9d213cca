"""What the applicant sees of the case on the public progress page (``/track/``, issue 17 point 3):
the real steps in plain words, and the letters addressed to the applicant for download.

Only what the applicant is entitled to know is shown: the steps that concern them (已登记, 补正,
延期, 征求意见 as a pause, 收费, 已答复 with its 文号 and outcome, 送达), never the internal ones
(分派, 起草, 审核) nor who did what. Free text written by staff (the items to correct, the reason
for an extension) is passed through the personal-data masking of gongkai.sensitive, so that a
third party's name or number written into it is not shown. Letters addressed to third parties
(征求第三方意见书, 第三方告知书) are never offered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils import timezone

from gongkai.letters import LetterKind
from gongkai.sensitive import detect
from gongkai.sensitive.policy import Policy
from gongkai.sensitive.redact import apply_to_text, plan
from gongkai.web.applications import vocabulary as v
from gongkai.web.applications.models import Application, CaseEvent
from gongkai.web.letters import case_letters
from gongkai.web.letters.models import CaseLetter
from gongkai.web.replies.models import Delivery, IssuedLetter, Reply
from gongkai.workflow.cases import Action
from gongkai.workflow.outcomes import OUTCOMES

#: The procedural letters addressed to the applicant (the others go to third parties).
APPLICANT_LETTER_KINDS = (case_letters.CORRECTION, case_letters.EXTENSION, case_letters.FEE_NOTICE)


@dataclass(frozen=True)
class Step:
    on: date
    title: str
    detail: str


@dataclass(frozen=True)
class PublicLetter:
    """A letter the applicant may download: ``ref`` is "r<id>" (a frozen reply letter) or
    "c<id>" (a procedural letter)."""

    ref: str
    label: str
    document_number: str
    issued_on: date


def masked(text: str) -> str:
    """Staff-written text with personal data (a third party's name, ID or phone number) masked."""
    return apply_to_text(text, plan(detect(text), Policy()))


def plain_outcome(key: str) -> str:
    """The table-三 outcome in words: "不予公开：属于国家秘密" for "（三）不予公开1.属于国家秘密"."""
    outcome = OUTCOMES.get(key)
    if outcome is None:
        return ""
    label = re.sub(r"^（[一二三四五六七八九十]）", "", outcome.label)
    label = re.sub(r"（区分处理的[^）]*）", "", label)
    head, number, rest = (
        re.split(r"(\d+)\.", label, maxsplit=1) if re.search(r"\d+\.", label) else (label, "", "")
    )
    return f"{head}：{rest}" if number else head


def _cn(d: date | None) -> str:
    return f"{d.year}年{d.month}月{d.day}日" if d else "—"


def steps(app: Application) -> list[Step]:
    """The case's steps the applicant may know, in order."""
    received = app.received_on or timezone.localdate(app.submitted_at)
    result = [
        Step(
            received,
            "已登记",
            f"已收到申请，登记编号 {app.number}（提交方式：{app.get_channel_display()}）。",
        )
    ]
    events = list(app.events.select_related("fee_notice").order_by("on", "pk"))
    reply = Reply.objects.filter(application=app).only("document_number", "outcome").first()
    deliveries = list(Delivery.objects.filter(application=app).order_by("delivered_on", "pk"))
    asked_reason = ""
    for e in events:
        step = _step(e, app, reply, asked_reason)
        if e.kind == v.EventKind.EXTENSION_REQUESTED:
            asked_reason = e.note
        if step is not None:
            result.append(step)
    for d in deliveries:
        result.append(
            Step(
                d.delivered_on, "送达", f"答复书已于{_cn(d.delivered_on)}以{d.get_method_display()}方式送达。"
            )
        )
    if not deliveries:
        result += [
            Step(e.on, "送达", f"答复书已于{_cn(e.on)}送达。")
            for e in events
            if e.kind == v.EventKind.STEP and e.detail == Action.DELIVER.value
        ]
    return sorted(result, key=lambda s: s.on)


def _step(e: CaseEvent, app: Application, reply: Reply | None, asked_reason: str) -> Step | None:
    k = v.EventKind
    if e.kind == k.CORRECTION_REQUESTED:
        return Step(
            e.on, "补正", f"请补正：{masked(e.note)}。请于{_cn(e.until)}前补正；补正期间不计算答复期限。"
        )
    if e.kind == k.CORRECTION_RECEIVED:
        return Step(e.on, "收到补正", "已收到补正材料，答复期限自当日起重新计算。")
    if e.kind == k.EXTENSION_APPROVED:
        why = f"，理由：{masked(asked_reason)}" if asked_reason else ""
        return Step(e.on, "延期", f"答复期限延长至{_cn(app.extended_due)}{why}。")
    if e.kind == k.CONSULTATION_STARTED:
        whom = "第三方" if e.detail == v.ConsultationKind.THIRD_PARTY else "其他机关"
        return Step(e.on, "征求意见", f"依法征求{whom}意见，所需时间不计算在答复期限内。")
    if e.kind == k.CONSULTATION_ENDED:
        return Step(e.on, "征求意见结束", "征求意见已结束，答复期限继续计算。")
    if e.kind == k.FEE_NOTICE_SENT:
        fee = getattr(e, "fee_notice", None)
        detail = (
            f"应缴信息处理费 {fee.amount} 元，请于{_cn(fee.payment_due)}前缴纳" if fee else "已发出收费通知"
        )
        return Step(e.on, "收费通知", f"{detail}；缴费期间不计算答复期限。")
    if e.kind == k.FEE_RECEIVED:
        return Step(e.on, "已缴费", "已收到信息处理费，答复期限继续计算。")
    if e.kind == k.STEP and e.detail == Action.ISSUE.value:
        number = f"，文号 {reply.document_number}" if reply and reply.document_number else ""
        late = "（逾期答复）" if app.answered_late else ""
        return Step(
            e.on, "已答复", f"已于{_cn(e.on)}作出答复{late}{number}，办理结果：{plain_outcome(e.note)}。"
        )
    if e.kind == k.CLOSED:
        return Step(e.on, "办结", f"{plain_outcome(e.detail) or '已办结'}。")
    return None  # internal steps (分派, 起草, 审核...) are not shown


def letters(app: Application) -> list[PublicLetter]:
    """The letters addressed to the applicant: the reply letter(s) as issued (frozen) and the
    procedural letters (补正告知书, 延期答复告知书, 收费通知书)."""
    replies = [
        PublicLetter(f"r{row.pk}", row.kind_label, row.document_number, row.issued_on)
        for row in IssuedLetter.objects.filter(application=app).defer("docx", "pdf", "text")
    ]
    procedural = [
        PublicLetter(f"c{row.pk}", LetterKind(row.kind).label, row.document_number, row.issued_on)
        for row in CaseLetter.objects.filter(application=app, kind__in=APPLICANT_LETTER_KINDS)
    ]
    return sorted(replies + procedural, key=lambda letter: (letter.issued_on, letter.ref))


def letter_file(app: Application, ref: str) -> tuple[bytes, str, str] | None:
    """(PDF bytes, MIME type, file name) of the applicant's letter ``ref``, or None if ``ref`` is not one."""
    kind, pk = ref[:1], ref[1:]
    if not pk.isdigit():
        return None
    if kind == "r":
        issued = IssuedLetter.objects.filter(application=app, pk=int(pk)).first()
        if issued is None:
            return None
        return bytes(issued.pdf), "application/pdf", f"{issued.kind_label}-{issued.document_number}.pdf"
    if kind == "c":
        row = (
            CaseLetter.objects.select_related("application__agency", "event")
            .filter(application=app, pk=int(pk), kind__in=APPLICANT_LETTER_KINDS)
            .first()
        )
        if row is None:
            return None
        out = case_letters.render(row, "pdf")
        return out.body, out.mime, f"{LetterKind(row.kind).label}-{row.document_number}.pdf"
    return None


def context(app: Application) -> dict[str, Any]:
    return {"steps": steps(app), "letters": letters(app)}

"""Every state change of a reply: ``do_<verb>_<noun>(..., *, acting_user)`` (issue 6).

draft (经办人) → submit for review → return with comments (审核人) → revise → approve → issue the
letter (经办人; 文号 assigned, DOCX and PDF frozen with their digests) → record delivery (送达,
the case is closed). The case's state moves through the existing application actions
(``do_take_step``, ``do_issue_reply``, ``do_deliver_reply``), which check the workflow's roles and
states and write the case's own audit rows; the reply's data is written here in the same
transaction with its own audit row.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from gongkai.sensitive import documents as sensitive_documents
from gongkai.sensitive.policy import DEFAULT_KIND_POLICIES, mask
from gongkai.web.accounts.models import User
from gongkai.web.applications import actions as app_actions
from gongkai.web.applications.models import Application
from gongkai.web.audit.record import now as audit_now
from gongkai.web.audit.record import record
from gongkai.web.replies import composing, permissions
from gongkai.web.replies import vocabulary as rv
from gongkai.web.replies.models import (
    Delivery,
    DocumentCounter,
    IssuedLetter,
    Reply,
    ReplyAttachment,
    ReviewComment,
    WithheldPart,
)
from gongkai.workflow.cases import Action, CaseState
from gongkai.workflow.outcomes import OUTCOMES, validate_resolution
from gongkai.workflow.outcomes import WithheldPart as DomainWithheldPart

ActionError = app_actions.ActionError


@dataclass(frozen=True)
class WithheldData:
    ground: str  # one of workflow.DENIAL_KEYS
    description: str
    reason: str


#: The reply's free-text facts, named as in Reply and gongkai.letters.LetterFacts.
TEXT_FACTS = (
    "information_provided",
    "delivery_how",
    "refusal_reasons",
    "search_description",
    "not_ours_reasons",
    "responsible_agency_name",
    "responsible_agency_contact",
    "other_channels",
    "publication_access",
    "explanation",
    "legal_basis",
    "reconsideration_body",
    "court",
    "contact",
)


@dataclass(frozen=True)
class DraftData:
    """What the clerk enters for a reply (the facts its letter is composed from)."""

    outcome: str
    ground: str = ""
    information_provided: str = ""
    delivery_how: str = ""
    refusal_reasons: str = ""
    search_description: str = ""
    not_ours_reasons: str = ""
    responsible_agency_name: str = ""
    responsible_agency_contact: str = ""
    responsible_agency_undetermined: bool = False
    other_channels: str = ""
    publication_access: str = ""
    explanation: str = ""
    legal_basis: str = ""
    reconsideration_body: str = ""
    court: str = ""
    contact: str = ""
    withheld: tuple[WithheldData, ...] = ()


#: States in which the clerk may (re)write the draft, and the step that first save takes.
_DRAFT_STEP = {
    CaseState.RECEIVED: Action.DRAFT_REPLY,
    CaseState.IN_PROGRESS: Action.DRAFT_REPLY,
    CaseState.RETURNED: Action.REVISE,
    CaseState.REPLY_DRAFTED: None,
}
DRAFTABLE_STATES = frozenset(_DRAFT_STEP)
#: Files for the applicant are added or redacted while the draft is with the clerk.
ATTACHABLE_STATES = frozenset({CaseState.REPLY_DRAFTED, CaseState.RETURNED})


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise ActionError(message)


def _locked(app: Application) -> Application:
    return Application.objects.select_for_update().select_related("agency").get(pk=app.pk)


def _reply(app: Application) -> Reply:
    reply = Reply.objects.filter(application=app).select_related("application__agency").first()
    _require(reply is not None, "尚未起草答复。")
    assert reply is not None
    return reply


def _audit(app: Application, action: str, summary: str, *, acting_user: Any, **after: Any) -> None:
    record(
        acting_user=acting_user,
        action=action,
        summary=summary,
        obj=app,
        agency_id=app.agency_id,
        after=after or None,
    )


def domain_withheld(reply: Reply) -> list[DomainWithheldPart]:
    return [DomainWithheldPart(p.description, p.ground) for p in reply.withheld_parts.all()]


# -- drafting ------------------------------------------------------------------------------------


def do_save_reply_draft(app: Application, draft: DraftData, *, on: date, acting_user: User) -> Reply:
    """Save the draft (a new version). The first save moves the case to 答复已起草 (起草答复),
    a save after a return moves it back there (修改答复)."""
    with transaction.atomic():
        app = _locked(app)
        if not permissions.can_draft(acting_user, app):
            raise PermissionDenied
        state = CaseState(app.status)
        _require(
            state in _DRAFT_STEP,
            f"案件处于“{app.get_status_display()}”状态，答复不能修改。",
        )
        parts = [
            DomainWithheldPart(w.description.strip(), w.ground)
            for w in draft.withheld
            if w.description.strip() or w.reason.strip()
        ]
        outcome = validate_resolution(draft.outcome, parts)
        ground = outcome.ground(draft.ground or None)
        for w in draft.withheld:
            if w.description.strip() or w.reason.strip():
                _require(bool(w.description.strip()), "请写明不予公开的部分。")
                _require(bool(w.reason.strip()), f"请写明“{w.description.strip()}”不予公开的理由。")
        step = _DRAFT_STEP[state]
        if step is not None:
            app_actions.do_take_step(app, step, on=on, acting_user=acting_user)
        reply = Reply.objects.select_for_update().filter(application=app).first() or Reply(application=app)
        reply.outcome = outcome.key
        reply.ground = ground.key if len(outcome.grounds) > 1 else ""
        for name in TEXT_FACTS:
            setattr(reply, name, getattr(draft, name).strip())
        reply.responsible_agency_undetermined = draft.responsible_agency_undetermined
        reply.version += 1
        reply.updated_by = acting_user
        reply.updated_at = audit_now()
        reply.save()
        reply.withheld_parts.all().delete()
        WithheldPart.objects.bulk_create(
            WithheldPart(
                reply=reply, ground=w.ground, description=w.description.strip(), reason=w.reason.strip()
            )
            for w in draft.withheld
            if w.description.strip()
        )
        _audit(
            app,
            "reply.draft_saved",
            f"保存答复草稿（第{reply.version}版）：{outcome.label}",
            acting_user=acting_user,
            version=reply.version,
            outcome=reply.outcome,
        )
    return reply


def _blockers(reply: Reply) -> list[str]:
    """Why the draft cannot go forward: letter elements missing, attachment findings unresolved."""
    problems = list(composing.problems(reply))
    unresolved = [a for a in reply.attachments.all() if a.unresolved]
    if unresolved:
        names = "、".join(f"“{a.original_name}”（{len(a.findings)}处）" for a in unresolved)
        problems.append(f"附件含有他人个人信息，须脱敏或由审核人说明保留理由：{names}")
    return problems


def do_submit_reply_for_review(app: Application, *, on: date, acting_user: User) -> Reply:
    with transaction.atomic():
        app = _locked(app)
        if not permissions.can_draft(acting_user, app):
            raise PermissionDenied
        reply = _reply(app)
        problems = _blockers(reply)
        _require(not problems, "不能提交审核：" + "；".join(problems))
        app_actions.do_take_step(
            app, Action.SUBMIT_FOR_REVIEW, on=on, acting_user=acting_user, note=f"第{reply.version}版"
        )
    return reply


# -- review -------------------------------------------------------------------------------------


def _review(
    app: Application, reply: Reply, comment: str, *, returned: bool, on: date, acting_user: User
) -> ReviewComment:
    """Move the case (退回修改 / 审核通过) and keep the reviewer's decision on this version."""
    decision = rv.ReviewDecision.RETURNED if returned else rv.ReviewDecision.APPROVED
    app_actions.do_take_step(
        app,
        Action.RETURN_FOR_CHANGES if returned else Action.APPROVE,
        on=on,
        acting_user=acting_user,
        note=comment if returned else comment.strip() or f"第{reply.version}版",
    )
    return ReviewComment.objects.create(
        reply=reply, reviewer=acting_user, version=reply.version, decision=decision, text=comment.strip()
    )


def do_return_reply(app: Application, *, comment: str, on: date, acting_user: User) -> ReviewComment:
    """The reviewer sends the draft back with what to change (a comment is required)."""
    with transaction.atomic():
        app = _locked(app)
        if not permissions.can_review(acting_user, app):
            raise PermissionDenied
        _require(bool(comment.strip()), "退回修改须填写审核意见。")
        return _review(app, _reply(app), comment, returned=True, on=on, acting_user=acting_user)


def do_approve_reply(app: Application, *, on: date, acting_user: User, comment: str = "") -> ReviewComment:
    """The reviewer approves; the letter and the attachments are checked again first."""
    with transaction.atomic():
        app = _locked(app)
        if not permissions.can_review(acting_user, app):
            raise PermissionDenied
        reply = _reply(app)
        problems = _blockers(reply)
        _require(not problems, "不能审核通过：" + "；".join(problems))
        return _review(app, reply, comment, returned=False, on=on, acting_user=acting_user)


# -- attachments given to the applicant ----------------------------------------------------------


def _scan(path: Path) -> tuple[list[dict[str, str]], list[str]]:
    """Findings of gongkai.sensitive as stored: kind, label, where, and the text masked."""
    document = sensitive_documents.load_document(path)
    findings = [
        {
            "kind": str(f.kind),
            "label": f.kind.label,
            "where": document.location(f.start),
            "shown": mask(f.kind, f.text, DEFAULT_KIND_POLICIES[f.kind]),
        }
        for f in sensitive_documents.scan_document(document)
    ]
    return findings, list(document.warnings)


def _store_scanned(reply: Reply, name: str, content: bytes, *, acting_user: User) -> ReplyAttachment:
    suffix = Path(name).suffix.lower()[:10]
    with tempfile.TemporaryDirectory(prefix="gongkai-reply-") as tmp:
        path = Path(tmp) / f"file{suffix}"
        path.write_bytes(content)
        findings, warnings = _scan(path)
    attachment = ReplyAttachment(
        reply=reply,
        original_name=name[:200],
        size=len(content),
        findings=findings,
        scan_warnings=warnings,
        uploaded_by=acting_user,
    )
    attachment.file.save(Path(name).name or "attachment", ContentFile(content), save=False)
    attachment.save()
    return attachment


def _editable_reply(app: Application, acting_user: User) -> Reply:
    if not permissions.can_draft(acting_user, app):
        raise PermissionDenied
    _require(app.status in ATTACHABLE_STATES, "只有在答复起草或退回修改时才能更改附件。")
    return _reply(app)


def do_add_reply_attachment(app: Application, upload: UploadedFile, *, acting_user: User) -> ReplyAttachment:
    """Attach a file for the applicant; it is scanned for others' personal data at once."""
    with transaction.atomic():
        app = _locked(app)
        reply = _editable_reply(app, acting_user)
        attachment = _store_scanned(
            reply, upload.name or "attachment", upload.read(), acting_user=acting_user
        )
        found = f"，发现{len(attachment.findings)}处个人信息" if attachment.findings else "，未发现个人信息"
        _audit(
            app,
            "reply.attachment_added",
            f"添加答复附件“{attachment.original_name}”{found}",
            acting_user=acting_user,
        )
    return attachment


def do_redact_reply_attachment(attachment: ReplyAttachment, *, acting_user: User) -> ReplyAttachment:
    """Make a cleaned copy with gongkai.sensitive (default policy) that replaces the file."""
    with transaction.atomic():
        app = _locked(attachment.reply.application)
        reply = _editable_reply(app, acting_user)
        attachment = ReplyAttachment.objects.select_for_update().get(pk=attachment.pk, reply=reply)
        _require(attachment.active, "该附件已被脱敏后的文件替换。")
        suffix = Path(attachment.original_name).suffix.lower()[:10]
        with tempfile.TemporaryDirectory(prefix="gongkai-redact-") as tmp:
            source, target = Path(tmp) / f"in{suffix}", Path(tmp) / f"out{suffix}"
            with attachment.file.open("rb") as handle:
                source.write_bytes(handle.read())
            report = sensitive_documents.redact_file(source, target)
            cleaned = target.read_bytes()
        stem, dot, ext = attachment.original_name.rpartition(".")
        name = f"{stem}（已脱敏）.{ext}" if dot else f"{attachment.original_name}（已脱敏）"
        copy = _store_scanned(reply, name, cleaned, acting_user=acting_user)
        attachment.replaced_by = copy
        attachment.save(update_fields=["replaced_by"])
        _audit(
            app,
            "reply.attachment_redacted",
            f"附件“{attachment.original_name}”已脱敏（删除或遮盖{len(report.removals)}处），以“{copy.original_name}”替换",
            acting_user=acting_user,
        )
    return copy


#: The reviewer may justify a finding while the draft is still open: before submission too, since
#: an unresolved finding blocks the submission itself.
JUSTIFIABLE_STATES = frozenset({CaseState.REPLY_DRAFTED, CaseState.RETURNED, CaseState.UNDER_REVIEW})


def do_justify_reply_attachment(
    attachment: ReplyAttachment, *, text: str, acting_user: User
) -> ReplyAttachment:
    """The reviewer keeps the findings with a written reason (e.g. the applicant's own data)."""
    with transaction.atomic():
        app = _locked(attachment.reply.application)
        if not permissions.can_review(acting_user, app):
            raise PermissionDenied
        _require(app.status in JUSTIFIABLE_STATES, "答复审核通过或出具后不能再说明保留理由。")
        attachment = ReplyAttachment.objects.select_for_update().get(pk=attachment.pk)
        _require(attachment.unresolved, "该附件没有待处理的检测结果。")
        _require(bool(text.strip()), "请说明保留这些信息的理由。")
        attachment.justification = text.strip()
        attachment.justified_by = acting_user
        attachment.save(update_fields=["justification", "justified_by"])
        _audit(
            app,
            "reply.attachment_justified",
            f"审核人说明附件“{attachment.original_name}”保留个人信息的理由：{attachment.justification}",
            acting_user=acting_user,
        )
    return attachment


# -- issue and delivery -------------------------------------------------------------------------


def next_document_number(app: Application, year: int) -> str:
    """The agency's next 文号 of ``year`` (〔2026〕3号 form); must run inside the transaction."""
    counter, _ = DocumentCounter.objects.select_for_update().get_or_create(agency=app.agency, year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return f"{app.agency.number_prefix}依申复〔{year}〕{counter.last}号"


def do_issue_reply_letter(app: Application, *, issued_on: date, acting_user: User) -> IssuedLetter:
    """Issue the approved reply: 文号, the letter from the agency's template as DOCX and PDF,
    frozen with their SHA-256 digests, and the case's outcome set (表三). A letter missing a
    required element is refused (nothing is written)."""
    with transaction.atomic():
        app = _locked(app)
        if not permissions.can_draft(acting_user, app):
            raise PermissionDenied
        _require(app.status == CaseState.APPROVED, "答复须经审核通过后才能出具。")
        reply = _reply(app)
        number = next_document_number(app, issued_on.year)
        composed = composing.issue(reply, document_number=number, issued_on=issued_on)
        letter = IssuedLetter.objects.create(
            application=app,
            kind=composed.kind,
            kind_label=composed.kind_label,
            document_number=number,
            issued_on=issued_on,
            issued_by=acting_user,
            text=composed.text,
            docx=composed.docx,
            pdf=composed.pdf,
            docx_sha256=hashlib.sha256(composed.docx).hexdigest(),
            pdf_sha256=hashlib.sha256(composed.pdf).hexdigest(),
        )
        reply.document_number = number
        reply.updated_at = audit_now()
        reply.save(update_fields=["document_number", "updated_at"])
        app_actions.do_issue_reply(
            app,
            outcome=reply.outcome,
            issued_on=issued_on,
            acting_user=acting_user,
            withheld=domain_withheld(reply),
        )
        _audit(
            app,
            "reply.letter_issued",
            f"出具{composed.kind_label}（{number}）",
            acting_user=acting_user,
            document_number=number,
            docx_sha256=letter.docx_sha256,
            pdf_sha256=letter.pdf_sha256,
        )
    return letter


#: Postal tracking numbers: EMS/China Post international form (EA123456789CN) or the domestic
#: 10-30 letters and digits of the couriers.
_TRACKING = re.compile(r"^(?:[A-Z]{2}\d{9}[A-Z]{2}|[A-Z0-9]{10,30})$")


@dataclass(frozen=True)
class DeliveryProof:
    method: str
    delivered_on: date
    receipt: UploadedFile | None = None
    tracking_number: str = ""
    log: str = ""


def check_delivery_proof(proof: DeliveryProof, *, issued_on: date, today: date) -> list[str]:
    """What is wrong with a delivery record, in Chinese (empty when it may be recorded)."""
    problems = []
    try:
        method = rv.DeliveryMethod(proof.method)
    except ValueError:
        return [f"未知的送达方式“{proof.method}”"]
    if proof.delivered_on < issued_on:
        problems.append(f"送达日期不能早于出具日期（{issued_on.isoformat()}）。")
    if proof.delivered_on > today:
        problems.append("送达日期不能晚于今天。")
    needed = rv.PROOF_BY_METHOD[method]
    if needed == "receipt" and proof.receipt is None:
        problems.append(f"{method.label}须上传申请人签收的回执（扫描件或照片）。")
    if needed == "tracking_number":
        number = proof.tracking_number.strip().upper().replace(" ", "")
        if not number:
            problems.append("邮寄送达须填写邮件单号。")
        elif not _TRACKING.match(number):
            problems.append("邮件单号格式不正确（应为10至30位字母或数字，如 EA123456789CN）。")
    if needed == "log":
        log = proof.log.strip()
        if not log:
            problems.append(f"{method.label}送达须填写发送记录（发送时间、接收地址或账号）。")
        elif method is rv.DeliveryMethod.EMAIL and not re.search(r"[^@\s]+@[^@\s]+\.[^@\s]+", log):
            problems.append("电子邮件发送记录须包含接收邮箱地址。")
    return problems


def do_record_delivery(app: Application, proof: DeliveryProof, *, today: date, acting_user: User) -> Delivery:
    """Record 送达 with its proof; the case is closed (已办结)."""
    with transaction.atomic():
        app = _locked(app)
        if not permissions.can_draft(acting_user, app):
            raise PermissionDenied
        _require(app.status == CaseState.ISSUED, "答复出具后才能登记送达。")
        letter = IssuedLetter.objects.filter(application=app).order_by("-issued_on", "-pk").first()
        _require(letter is not None, "没有已出具的答复书。")
        assert letter is not None
        problems = check_delivery_proof(proof, issued_on=letter.issued_on, today=today)
        _require(not problems, "；".join(problems))
        method = rv.DeliveryMethod(proof.method)
        delivery = Delivery(
            application=app,
            method=method.value,
            delivered_on=proof.delivered_on,
            tracking_number=proof.tracking_number.strip().upper().replace(" ", ""),
            log=proof.log.strip(),
            recorded_by=acting_user,
        )
        if rv.PROOF_BY_METHOD[method] == "receipt" and proof.receipt is not None:
            delivery.receipt.save(proof.receipt.name or "receipt", proof.receipt, save=False)
        delivery.save()
        detail = delivery.tracking_number or ("签收回执" if delivery.receipt else "发送记录")
        app_actions.do_deliver_reply(
            app, delivered_on=proof.delivered_on, acting_user=acting_user, note=f"{method.label}（{detail}）"
        )
    return delivery


def outcome_label(key: str) -> str:
    return OUTCOMES[key].label


__all__: Sequence[str] = [
    "ActionError",
    "DeliveryProof",
    "DraftData",
    "WithheldData",
    "check_delivery_proof",
    "do_add_reply_attachment",
    "do_approve_reply",
    "do_issue_reply_letter",
    "do_justify_reply_attachment",
    "do_record_delivery",
    "do_redact_reply_attachment",
    "do_return_reply",
    "do_save_reply_draft",
    "do_submit_reply_for_review",
]

"""The reply of a demo case (issue 6): drafted, reviewed, approved, issued as a letter composed
and frozen by the replies app, delivered with its proof."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date
from typing import Any

from gongkai.web.accounts.models import User
from gongkai.web.applications import actions
from gongkai.web.applications import vocabulary as av
from gongkai.web.applications.models import Application
from gongkai.web.demo.people import reconsideration_body
from gongkai.web.demo.replay import Replay
from gongkai.web.replies import actions as replies
from gongkai.workflow.cases import Action, CaseState

#: Outcomes and how often a year's answered cases get them (表三's usual spread).
OUTCOME_WEIGHTS = {
    "granted": 45,
    "unable_nodata": 18,
    "deny_process": 6,
    "deny_thirdparty": 4,
    "reject_petition": 5,
    "reject_repeat": 4,
    "unable_create": 6,
    "deny_internal": 3,
    "reject_publication": 2,
    "unable_unclear": 2,
    "other_other": 2,
}

#: What the clerk writes for each outcome: the facts its letter must state (条例 第三十六条 per
#: ground; workflow.required_letter_elements), so that review and issuing accept it.
OUTCOME_FACTS: dict[str, dict[str, str]] = {
    "granted": {
        "ground": "disclosable",
        "information_provided": "申请所涉政府信息的全文（共若干页）",
        "delivery_how": "按申请人选择的获取方式提供，随本告知书一并送达",
    },
    "unable_nodata": {
        "ground": "not_exist",
        "search_description": "经检索本机关收文、发文登记及档案室归档材料，未找到申请人所描述的信息",
    },
    "deny_process": {
        "refusal_reasons": "所申请信息为本机关研究讨论过程中形成的内部讨论记录和过程稿，"
        "依据《中华人民共和国政府信息公开条例》第十六条第二款可以不予公开",
    },
    "deny_thirdparty": {
        "refusal_reasons": "所申请信息含有第三方的商业秘密，经书面征求意见第三方不同意公开，"
        "依据《中华人民共和国政府信息公开条例》第十五条不予公开",
    },
    "deny_internal": {
        "refusal_reasons": "所申请信息属于本机关内部人事管理和内部工作流程信息，"
        "依据《中华人民共和国政府信息公开条例》第十六条第一款可以不予公开",
    },
    "reject_petition": {"other_channels": "可通过示例市信访局（示例市人民路1号）来访接待窗口反映"},
    "reject_repeat": {"explanation": "申请人此前已提出内容相同的申请，本机关已依法答复"},
    "unable_create": {"explanation": "所申请内容需要对现有政府信息进行加工、统计和分析后才能形成"},
    "reject_publication": {"publication_access": "示例市图书馆政府公报阅览室，或示例市人民政府门户网站"},
    "unable_unclear": {"explanation": "经告知补正后，申请内容仍未明确所需政府信息的名称或文号"},
    "other_other": {
        "legal_basis": "《中华人民共和国政府信息公开条例》第三条",
        "explanation": "申请人已撤回申请，本机关终止办理",
    },
    # Issue 16: drafted when the clerk confirms the lapse (demo.lapses).
    "other_overdue_correction": {},
}

#: The reviewer's comment when a draft is returned, and what the clerk adds in the revision.
RETURN_COMMENT = "请补充救济途径告知，并写明经办人联系电话"


def draft_for(app: Application, outcome: str, clerk: User) -> replies.DraftData:
    facts: dict[str, Any] = dict(OUTCOME_FACTS[outcome])
    return replies.DraftData(
        outcome=outcome,
        reconsideration_body=reconsideration_body(app.agency),
        contact=f"{clerk.full_name} {app.agency.phone}",
        **facts,
    )


def proof_for(app: Application, delivered: date, rng: random.Random) -> replies.DeliveryProof:
    """The 送达 proof for the applicant's chosen way of obtaining the letter."""
    if app.delivery_method == av.ObtainingMethod.POST:
        return replies.DeliveryProof(
            "post", delivered, tracking_number=f"EA{rng.randint(10**8, 10**9 - 1)}CN"
        )
    if app.delivery_method == av.ObtainingMethod.EMAIL:
        log = f"{delivered.isoformat()} 10:30 以电子邮件发送至 {app.email}，系统显示发送成功"
        return replies.DeliveryProof("email", delivered, log=log)
    if app.delivery_method == av.ObtainingMethod.ONLINE:
        log = f"{delivered.isoformat()} 10:30 答复书已推送至依申请公开平台，申请人账户可下载（{app.number}）"
        return replies.DeliveryProof("online", delivered, log=log)
    # 当面领取: the applicant signs the 送达回证, kept as a scan.
    from django.core.files.uploadedfile import SimpleUploadedFile

    receipt = SimpleUploadedFile("送达回证.pdf", _receipt_pdf(app, delivered), "application/pdf")
    return replies.DeliveryProof("direct", delivered, receipt=receipt)


def _receipt_pdf(app: Application, delivered: date) -> bytes:
    """Stands in for the scan of the 送达回证 the applicant signed: a minimal valid one-page PDF
    naming the case and the day (a demo has no paper to scan)."""
    text = f"Receipt {app.pk} {delivered.isoformat()}"
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def play_reply(
    rp: Replay,
    scenario: str,
    *,
    start: date,
    today: date,
    rng: random.Random,
    clerk: User,
    reviewer: User,
    with_letter: bool,
    outcome: str | None = None,
) -> None:
    """The reply of a case: draft, review (sometimes returned once), approve, issue, deliver.

    ``with_letter``: through the replies app (the draft's facts, review comments, the letter
    composed and frozen as DOCX/PDF, the delivery with its proof). Otherwise only the case's own
    steps, as for the years before the office kept its letters in Gongkai -- each issued letter
    costs a DOCX and a PDF rendering, and the demo must build in a minute. ``outcome``: decided
    already (e.g. to disclose after consulting a third party); else drawn like a real year's.
    """
    received = rp.app.received_on
    assert received is not None
    due = rp.app.due_on or today
    late = scenario == "answered_late"
    span = max(1, rp.calendar.working_days_between(received, due))
    draft_on = max(rp.workday(received, min(span, rng.randint(3, max(3, span - 4)))), start)
    if draft_on > today:
        return
    drawn = rng.choices(list(OUTCOME_WEIGHTS), weights=list(OUTCOME_WEIGHTS.values()))[0]
    outcome = outcome or drawn
    draft = draft_for(rp.app, outcome, clerk)

    def step(day: date, who: User, action: Action, letter_action: Any, *args: Any, **kw: Any) -> None:
        """One step of the reply: through the replies app (``letter_action``) for a case with a
        letter, else the case's own workflow step (the comment of a return as its note)."""
        if with_letter:
            rp.run(day, letter_action, *args, on=day, acting_user=who, **kw)
            return
        note = {"note": kw["comment"]} if "comment" in kw else {}
        rp.at(day, actions.do_take_step, action, on=day, acting_user=who, **note)

    if rp.app.status != CaseState.REPLY_DRAFTED:  # a confirmed lapse is drafted already (demo.lapses)
        step(draft_on, clerk, Action.DRAFT_REPLY, replies.do_save_reply_draft, draft)
    if scenario == "reply_drafted":
        return
    step(draft_on, clerk, Action.SUBMIT_FOR_REVIEW, replies.do_submit_reply_for_review)
    if scenario == "under_review":
        return
    if (review := rp.workday_by(today, draft_on, 1)) is None:
        return
    if scenario == "returned" or rng.random() < 0.15:
        step(review, reviewer, Action.RETURN_FOR_CHANGES, replies.do_return_reply, comment=RETURN_COMMENT)
        if scenario == "returned":
            return
        # Revising is saving the draft again in the replies app.
        revised = replace(draft, contact=f"{clerk.full_name} {rp.app.agency.phone}（工作日9:00-17:00）")
        step(review, clerk, Action.REVISE, replies.do_save_reply_draft, revised)
        step(review, clerk, Action.SUBMIT_FOR_REVIEW, replies.do_submit_reply_for_review)
        if (review := rp.workday_by(today, review, 1)) is None:
            return
    step(review, reviewer, Action.APPROVE, replies.do_approve_reply)
    if scenario == "approved":
        return
    issued = rp.workday(due, rng.randint(1, 5)) if late else max(review, min(rp.workday(review, 1), due))
    if issued > today:
        return
    delivered = rp.workday(issued, 1)
    deliver = scenario != "issued" and delivered <= today
    if not with_letter:
        rp.at(
            issued,
            actions.do_issue_reply,
            outcome=outcome,
            issued_on=issued,
            acting_user=clerk,
            delivered_on=delivered if deliver else None,
        )
        return
    rp.run(issued, replies.do_issue_reply_letter, issued_on=issued, acting_user=clerk)
    if deliver:
        proof = proof_for(rp.app, delivered, rng)
        rp.run(delivered, replies.do_record_delivery, proof, today=delivered, acting_user=clerk)

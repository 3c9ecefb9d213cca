"""What the demo city's cases carry beyond their state (issues 6 and 8): the reply with its
letter and delivery, 行政复议/行政诉讼 cases, a third-party consultation with its letters.

Everything is made by replaying the apps' own actions, stamped with the day it happened, so the
letters are composed and frozen by the replies app, the deadlines are the engine's and every step
is in the audit trail. Called from gongkai.web.demo (the cases are built there).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from gongkai.web.accounts.models import Agency, Membership, Role, User
from gongkai.web.appeals import actions as appeal_actions
from gongkai.web.applications import actions
from gongkai.web.applications import vocabulary as av
from gongkai.web.applications.models import Application, ThirdPartyConsultation
from gongkai.web.audit.record import replaying
from gongkai.web.replies import actions as replies
from gongkai.workflow.cases import Action, CaseState

if TYPE_CHECKING:
    from gongkai.web.demo import _Replay

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
}

#: The reviewer's comment when a draft is returned, and what the clerk adds in the revision.
RETURN_COMMENT = "请补充救济途径告知，并写明经办人联系电话"


def reconsideration_body(agency: Agency) -> str:
    """The body that hears reconsideration of the agency's acts (行政复议法 第二十四条): the
    government at its level -- 平湖市人民政府 for 平湖市's own bureau, 示例市人民政府 for the rest."""
    return "平湖市人民政府" if agency.name.startswith("平湖市") else "示例市人民政府"


def draft_for(app: Application, outcome: str, clerk: User) -> replies.DraftData:
    facts: dict[str, Any] = dict(OUTCOME_FACTS[outcome])
    return replies.DraftData(
        outcome=outcome,
        reconsideration_body=reconsideration_body(app.agency),
        contact=f"{clerk.full_name} {app.agency.phone}",
        **facts,
    )


def _at(rp: _Replay, day: date, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run one replies action on ``day`` and reload the case it moved."""
    with replaying(timezone.make_aware(datetime.combine(day, time(10, 30)))):
        out = fn(rp.app, *args, **kwargs)
    rp.app = Application.objects.select_related("agency").get(pk=rp.app.pk)
    return out


def proof_for(app: Application, delivered: date, rng: random.Random) -> replies.DeliveryProof:
    """The 送达 proof for the applicant's chosen way of obtaining the letter."""
    if app.delivery_method == av.DeliveryMethod.POST:
        return replies.DeliveryProof(
            "post", delivered, tracking_number=f"EA{rng.randint(10**8, 10**9 - 1)}CN"
        )
    if app.delivery_method == av.DeliveryMethod.EMAIL:
        log = f"{delivered.isoformat()} 10:30 以电子邮件发送至 {app.email}，系统显示发送成功"
        return replies.DeliveryProof("email", delivered, log=log)
    if app.delivery_method == av.DeliveryMethod.ONLINE:
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
    rp: _Replay,
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

    def step(day: date, action: Action, who: User, note: str = "") -> None:
        rp.at(day, actions.do_take_step, action, on=day, acting_user=who, **({"note": note} if note else {}))

    if with_letter:
        _at(rp, draft_on, replies.do_save_reply_draft, draft, on=draft_on, acting_user=clerk)
    else:
        step(draft_on, Action.DRAFT_REPLY, clerk)
    if scenario == "reply_drafted":
        return
    if with_letter:
        _at(rp, draft_on, replies.do_submit_reply_for_review, on=draft_on, acting_user=clerk)
    else:
        step(draft_on, Action.SUBMIT_FOR_REVIEW, clerk)
    if scenario == "under_review":
        return
    review = rp.workday(draft_on, 1)
    if review > today:
        return
    if scenario == "returned" or rng.random() < 0.15:
        if with_letter:
            _at(rp, review, replies.do_return_reply, comment=RETURN_COMMENT, on=review, acting_user=reviewer)
        else:
            step(review, Action.RETURN_FOR_CHANGES, reviewer, RETURN_COMMENT)
        if scenario == "returned":
            return
        if with_letter:
            revised = replace(draft, contact=f"{clerk.full_name} {rp.app.agency.phone}（工作日9:00-17:00）")
            _at(rp, review, replies.do_save_reply_draft, revised, on=review, acting_user=clerk)
            _at(rp, review, replies.do_submit_reply_for_review, on=review, acting_user=clerk)
        else:
            step(review, Action.REVISE, clerk)
            step(review, Action.SUBMIT_FOR_REVIEW, clerk)
        review = rp.workday(review, 1)
        if review > today:
            return
    if with_letter:
        _at(rp, review, replies.do_approve_reply, on=review, acting_user=reviewer)
    else:
        step(review, Action.APPROVE, reviewer)
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
    _at(rp, issued, replies.do_issue_reply_letter, issued_on=issued, acting_user=clerk)
    if deliver:
        proof = proof_for(rp.app, delivered, rng)
        _at(rp, delivered, replies.do_record_delivery, proof, today=delivered, acting_user=clerk)


# -- 行政复议 and 行政诉讼 (表四) ---------------------------------------------------------------------

#: Agencies whose cases are never challenged in the demo: 平湖市科学技术局's tables must stay
#: those of its real published report (corpus 000: no reconsideration, no litigation).
UNCHALLENGED = frozenset({"平科"})


def _clerk_of(agency: Agency) -> User:
    members = Membership.objects.filter(agency=agency, role=Role.CLERK).select_related("user").order_by("pk")
    return members[0].user


def _challenged(agencies: Iterable[Agency], year: int, taken: set[int], latest: date) -> Application | None:
    """The last case closed with a refusal-type answer in ``year`` no later than ``latest``, of
    an agency that may be challenged; any answered case if there is no refusal."""
    pks = [a.pk for a in agencies if a.short_name not in UNCHALLENGED]
    closed = (
        Application.objects.filter(
            agency_id__in=pks,
            closed_on__year=year,
            closed_on__lte=latest,
            status=CaseState.CLOSED,
        )
        .exclude(resolution="")
        .exclude(pk__in=taken)
        .select_related("agency")
        .order_by("-closed_on", "-pk")
    )
    refused = closed.exclude(resolution__in=("granted", "partial"))
    return refused.first() or closed.first()


def _register(app: Application, kind: str, filed: date, body: str, **extra: Any) -> Any:
    assert app.closed_on is not None
    clerk = _clerk_of(app.agency)
    data = {
        "application": app,
        "kind": kind,
        "body": body,
        "case_number": extra.pop("case_number"),
        "applicant_name": app.name,
        "act_on": app.closed_on,
        "known_on": app.closed_on,
        "filed_on": filed,
        **extra,
    }
    with replaying(timezone.make_aware(datetime.combine(filed + timedelta(days=3), time(15, 0)))):
        return appeal_actions.do_register_appeal(app.agency, data, acting_user=clerk)


def _decide(appeal: Any, result: str, decided: date) -> Any:
    with replaying(timezone.make_aware(datetime.combine(decided + timedelta(days=2), time(15, 0)))):
        return appeal_actions.do_record_appeal_result(
            appeal, result=result, decided_on=decided, acting_user=_clerk_of(appeal.agency)
        )


def build_appeals(agencies: Iterable[Agency], today: date) -> int:
    """A few 行政复议/行政诉讼 cases on demo applications; returns how many were registered.

    Run before the annual reports are generated, so table 4 of the published reports counts them:
    one reconsideration filed two years ago and decided after 31 December (尚未审结 that year, 结果
    维持 the next) followed by a lawsuit (复议后起诉) decided that next year; one reconsideration
    decided within last year (结果纠正); one lawsuit filed directly this year, still pending.
    """
    agencies = list(agencies)
    taken: set[int] = set()
    made = 0
    first = _challenged(agencies, today.year - 2, taken, date(today.year - 2, 12, 1))
    if first is not None and first.closed_on is not None:
        taken.add(first.pk)
        filed = first.closed_on + timedelta(days=30)  # within the 60 days (行政复议法 第二十条)
        body = reconsideration_body(first.agency)
        recon = _register(first, "reconsideration", filed, body, case_number=f"示复〔{filed.year}〕17号")
        decided = date(today.year - 1, 2, 26)
        received = decided + timedelta(days=4)
        _decide(recon, "upheld", decided)
        suit = _register(
            first,
            "litigation",
            received + timedelta(days=12),  # within 15 days of receiving the decision (第四十五条)
            "示例市人民法院",
            case_number=f"（{today.year - 1}）浙0482行初31号",
            after_reconsideration=True,
            reconsideration=recon,
            decision_received_on=received,
        )
        _decide(suit, "other", date(today.year - 1, 9, 18))  # 原告撤诉
        made += 2
    second = _challenged(agencies, today.year - 1, taken, date(today.year - 1, 9, 30))
    if second is not None and second.closed_on is not None:
        taken.add(second.pk)
        filed = second.closed_on + timedelta(days=21)
        body = reconsideration_body(second.agency)
        recon = _register(second, "reconsideration", filed, body, case_number=f"示复〔{filed.year}〕42号")
        _decide(recon, "corrected", filed + timedelta(days=55))  # 责令重新答复
        made += 1
    third = _challenged(agencies, today.year, taken, today - timedelta(days=20))
    if third is None:  # early in the year: a case of last year, sued within 6 months
        third = _challenged(agencies, today.year - 1, taken, today - timedelta(days=20))
    if third is not None and third.closed_on is not None:
        filed = min(third.closed_on + timedelta(days=14), today)
        _register(
            third,
            "litigation",
            filed,
            "示例市人民法院",
            case_number=f"（{filed.year}）浙0482行初8号",
        )
        made += 1
    return made


# -- 第三十二条: a third party consulted, and the agency discloses anyway ----------------------------


def consult_third_party(rp: _Replay, sent: date, today: date, clerk: User, *, answered: bool) -> bool:
    """Consult a company about its information: written letter (征求第三方意见书), its answer
    (不同意公开), and the decision to disclose for the public interest with the written notice
    to the third party (告知书). ``answered``: the answer is in (else the case stays 征求第三方意见中).
    Returns whether the agency has decided, so that the reply (予以公开) can follow."""
    party = actions.ThirdParty(
        name="示例市恒达建设有限公司",
        contact="0573-85016688",
        address="示例市东湖大道88号",
        information="该公司参与本单位政府采购项目的中标金额及合同主要条款",
        letter_received_on=rp.workday(sent, 1),
    )
    rp.at(
        sent,
        actions.do_start_consultation,
        kind="third_party",
        sent_on=sent,
        note="涉及第三方商业信息，书面征求意见",
        third_party=party,
        acting_user=clerk,
    )
    answered_on = rp.workday(sent, 6)
    if not answered or answered_on > today:
        return False
    rp.at(
        answered_on,
        actions.do_end_consultation,
        ended_on=answered_on,
        answer="disagree",
        reason="合同金额属于本公司商业秘密",
        acting_user=clerk,
    )
    notice = rp.workday(answered_on, 2)
    if notice > today:
        return False
    consultation = ThirdPartyConsultation.objects.get(application=rp.app)
    with replaying(timezone.make_aware(datetime.combine(notice, time(10, 30)))):
        actions.do_decide_after_consultation(
            rp.app,
            consultation=consultation,
            decision="disclose",
            reason="中标金额和合同主要条款属于政府采购应当公开的信息，不公开会对公共利益造成重大影响",
            notice_sent_on=notice,
            reconsideration_body=reconsideration_body(rp.app.agency),
            acting_user=clerk,
        )
    return True


# -- 按件收费: an applicant's eleventh application to one agency in a month ----------------------

#: The agency (short name) to which one company sends eleven applications in one month.
FREQUENT_AT = "示自规"
#: How many applications of a month are free of charge by 按件 (the national tiers: 10).
FREE_PER_MONTH = 10


def frequent_applicant(rng: random.Random) -> dict[str, Any]:
    """A developer asking 示自规 about many plots: the same company (same 统一社会信用代码) each time."""
    from gongkai.web.demo import _uscc

    return {
        "applicant_type": "commercial",
        "name": "示例市恒达建设有限公司",
        "id_type": "uscc",
        "id_number": _uscc(rng),
        "legal_representative": "许强",
        "phone": "13905730188",
        "email": "hengda@example.cn",
        "address": "示例市东湖大道88号",
        "postcode": "314200",
        "delivery_form": "electronic",
        "delivery_method": "email",
    }


def build_frequent_applicant(
    agency: Agency,
    today: date,
    rng: random.Random,
    who: dict[str, User],
    roles: dict[str, str],
    calendar: Any,
) -> None:
    """Eleven applications on eleven working days of the month two months back: ten answered
    free of charge, the eleventh charged 按件 (收费通知书, paid, then answered)."""
    from gongkai.web.demo import _build_case

    month = date(today.year, today.month, 1) - timedelta(days=45)
    day = calendar.add_working_days(date(month.year, month.month, 1) - timedelta(days=1), 1)
    applicant = frequent_applicant(rng)
    for n in range(1, FREE_PER_MONTH + 2):
        data = {**applicant, "description": f"东湖片区第{n}号地块国有建设用地使用权出让合同及规划条件"}
        scenario = "answered" if n <= FREE_PER_MONTH else "fee_per_application"
        _build_case(
            agency, day, today, rng, who, roles, calendar, scenario, channel="in_person", applicant=data
        )
        day = calendar.add_working_days(day, 1)

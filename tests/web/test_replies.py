"""Replies: drafting, review, issuing the letter (DOCX/PDF frozen), delivery (issue 6).

Per outcome of 表三 (all 21 rows): a reply with complete facts is issued and the DOCX carries
the required elements; with one required fact taken away neither review nor issuing is possible.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
from datetime import date
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.errors import GongkaiError
from gongkai.report.render.fonts import cjk_font_available
from gongkai.web.applications import actions as app_actions
from gongkai.web.applications.models import Application
from gongkai.web.audit.models import AuditEvent
from gongkai.web.replies import actions
from gongkai.web.replies.models import DocumentCounter, FrozenError, IssuedLetter, Reply, ReviewComment
from gongkai.workflow.letter_elements import LetterElement
from gongkai.workflow.outcomes import OUTCOMES, WithheldPart, required_letter_elements
from proceduretesting import confirm_lapse, lapse_correction, request_reasons
from testsupport import require
from webtesting import assert_sql_refused

pytestmark = pytest.mark.django_db

ISSUED_ON = date(2026, 3, 20)
DAY = date(2026, 3, 10)

#: Facts for every field a letter can use; each outcome's letter takes what it needs.
FACTS: dict[str, Any] = {
    "information_provided": "《平湖市2025年度科技项目补助资金分配结果》全文",
    "delivery_how": "以电子邮件发送至申请人提供的邮箱",
    "refusal_reasons": "该信息涉及的内容经审查属于所列情形",
    "search_description": "已检索本机关2023年以来的发文和档案",
    "not_ours_reasons": "该信息由市场监督管理部门制作和保存",
    "responsible_agency_name": "示例市市场监督管理局",
    "responsible_agency_contact": "0573-85550123",
    "other_channels": "示例市信访局来访接待窗口",
    "publication_access": "市图书馆政府公报阅览室",
    "explanation": "经核实，申请人所要求的事项已作说明",
    "reconsideration_body": "平湖市人民政府",
    "contact": "李经办 0573-85551234",
}
#: The legal basis clerks must write where the outcome has no article of its own.
NO_ARTICLE = {"reject_confirm", "other_other"}
#: Grounds chosen where an outcome has two (the one with more to say).
GROUNDS = {"granted": "disclosable", "unable_nodata": "not_ours"}


def draft_for(outcome: str, **changes: Any) -> actions.DraftData:
    withheld: tuple[actions.WithheldData, ...] = ()
    if outcome == "partial":
        withheld = (actions.WithheldData("deny_thirdparty", "获补助企业的银行账户信息", "涉及商业秘密"),)
    draft = actions.DraftData(
        outcome=outcome,
        ground=GROUNDS.get(outcome, ""),
        legal_basis="《中华人民共和国政府信息公开条例》第三条" if outcome in NO_ARTICLE else "",
        withheld=withheld,
        **FACTS,
    )
    return dataclasses.replace(draft, **changes)


#: For each outcome, one fact its letter cannot do without (its own if it has one, else the
#: reconsideration body every letter's remedies name -- 行政复议法 第二十条第三款).
def removed_fact(outcome: str) -> str:
    own = {
        "granted": "information_provided",
        "partial": "delivery_how",
        "unable_nodata": "responsible_agency_contact",
        "reject_publication": "reconsideration_body",
        **{key: "refusal_reasons" for key in OUTCOMES if key.startswith("deny_") and key != "deny_query"},
        **{key: "legal_basis" for key in NO_ARTICLE},
    }
    return own.get(outcome, "reconsideration_body")


def reload(app: Application) -> Application:
    return Application.objects.get(pk=app.pk)


@pytest.fixture
def case(submit: Any, people: Any) -> Application:
    app = submit()
    return app_actions.do_assign_application(app, people["clerk"], acting_user=people["clerk"])


#: Issue 16: these outcomes need their procedure on record before a reply may say so; the
#: unpaid-fee lapse (its payment period outlasts DAY) is covered with its own dates in
#: test_lapse_decision.py.
PROCEDURE_OUTCOMES = [o for o in OUTCOMES if o != "other_overdue_fee"]


def prepared(app: Application, people: Any, outcome: str) -> Application:
    """The case with what the outcome needs on record: the request for reasons (条例 第三十五条),
    or the lapsed 补正 period the clerk found without 正当理由 (第三十条)."""
    if outcome == "reject_massive":
        request_reasons(app, people["clerk"])
    if outcome == "other_overdue_correction":
        lapse_correction(app, people["clerk"], today=DAY)
        confirm_lapse(app, people["clerk"], on=DAY)
    return reload(app)


def to_approved(app: Application, people: Any, draft: actions.DraftData) -> Application:
    """Draft, submit and approve; the caller then issues, which renders the PDF letter."""
    require(cjk_font_available(), "PDF letters need a CJK TrueType font (apt-get install fonts-wqy-zenhei)")
    actions.do_save_reply_draft(app, draft, on=DAY, acting_user=people["clerk"])
    actions.do_submit_reply_for_review(app, on=DAY, acting_user=people["clerk"])
    actions.do_approve_reply(app, on=DAY, acting_user=people["reviewer"])
    return reload(app)


def docx_text(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    return "\n".join(p.text for p in document.paragraphs)


# -- every outcome --------------------------------------------------------------------------------


@pytest.mark.parametrize("outcome", PROCEDURE_OUTCOMES)
def test_a_complete_reply_is_issued_with_every_required_element(case: Any, people: Any, outcome: str) -> None:
    draft = draft_for(outcome)
    app = to_approved(prepared(case, people, outcome), people, draft)
    letter = actions.do_issue_reply_letter(app, issued_on=ISSUED_ON, acting_user=people["clerk"])
    app = reload(app)
    assert app.status == "issued" and app.resolution == outcome
    assert letter.document_number == "平科依申复〔2026〕1号"
    assert letter.docx_sha256 == hashlib.sha256(bytes(letter.docx)).hexdigest()
    assert letter.pdf_sha256 == hashlib.sha256(bytes(letter.pdf)).hexdigest()
    assert bytes(letter.pdf).startswith(b"%PDF")
    text = docx_text(bytes(letter.docx))
    # The common elements: letterhead, 文号, date, applicant, request, outcome basis, remedies.
    for value in (
        "平湖市科学技术局",
        "平科依申复〔2026〕1号",
        "2026年3月20日",
        "张三",
        "2025年度科技项目补助资金分配结果",
    ):
        assert value in text
    assert "60日内向平湖市人民政府申请行政复议" in text or "应当先向平湖市人民政府申请行政复议" in text
    ground = OUTCOMES[outcome].ground(draft.ground or None)
    basis = draft.legal_basis or (ground.article or "").removeprefix("条例")
    assert basis and basis in text
    # What the ground itself demands (条例 第三十六条 and neighbours).
    required = required_letter_elements(
        outcome,
        draft.ground or None,
        decided_on=ISSUED_ON,
        withheld=[WithheldPart(w.description, w.ground) for w in draft.withheld],
    )
    expected = {
        LetterElement.INFORMATION_PROVIDED: [FACTS["information_provided"], FACTS["delivery_how"]],
        LetterElement.PARTS_PROVIDED: [FACTS["information_provided"]],
        LetterElement.REFUSAL_REASONS: [FACTS["refusal_reasons"]],
        LetterElement.NOT_EXIST: ["该政府信息不存在"],
        LetterElement.NOT_OURS_REASONS: [FACTS["not_ours_reasons"], "不属于本机关负责公开"],
        LetterElement.RESPONSIBLE_AGENCY: [
            FACTS["responsible_agency_name"],
            FACTS["responsible_agency_contact"],
        ],
        LetterElement.NO_REPEAT: ["不予重复处理"],
        LetterElement.HANDLE_PER_LAW: ["依照有关法律、行政法规的规定办理"],
        LetterElement.NOT_AN_APPLICATION: ["不作为政府信息公开申请处理"],
        LetterElement.NOT_PROCESSED: ["不予处理"],
        LetterElement.RECONSIDERATION_FIRST: ["应当先向平湖市人民政府申请行政复议"],
    }
    for element in required:
        for value in expected.get(element, []):
            assert value in text, (element, value)
    if outcome == "partial":
        assert "获补助企业的银行账户信息" in text and "涉及商业秘密" in text


@pytest.mark.parametrize("outcome", PROCEDURE_OUTCOMES)
def test_a_reply_missing_a_required_fact_cannot_be_submitted_or_issued(
    case: Any, people: Any, outcome: str
) -> None:
    case = prepared(case, people, outcome)
    name = removed_fact(outcome)
    incomplete = draft_for(outcome, **{name: ""})
    actions.do_save_reply_draft(case, incomplete, on=DAY, acting_user=people["clerk"])
    with pytest.raises(GongkaiError, match="答复书缺少必备内容"):
        actions.do_submit_reply_for_review(case, on=DAY, acting_user=people["clerk"])
    assert reload(case).status == "reply_drafted"
    # Even if the fact disappears after approval (e.g. a direct database edit), issuing refuses
    # and writes nothing: no letter, no 文号 taken, the case still approved.
    app = reload(case)
    actions.do_save_reply_draft(app, draft_for(outcome), on=DAY, acting_user=people["clerk"])
    actions.do_submit_reply_for_review(app, on=DAY, acting_user=people["clerk"])
    actions.do_approve_reply(app, on=DAY, acting_user=people["reviewer"])
    Reply.objects.filter(application=app).update(**{name: ""})
    with pytest.raises(GongkaiError, match="缺少必备内容"):
        actions.do_issue_reply_letter(reload(app), issued_on=ISSUED_ON, acting_user=people["clerk"])
    assert reload(app).status == "approved"
    assert not IssuedLetter.objects.filter(application=app).exists()
    assert not DocumentCounter.objects.filter(last__gt=0).exists()


# -- the workflow and who may do what ---------------------------------------------------------------


@pytest.mark.cjk_font  # publishes or issues a PDF
def test_return_revise_approve_issue_deliver_with_audit_rows(case: Any, people: Any) -> None:
    clerk, reviewer = people["clerk"], people["reviewer"]
    actions.do_save_reply_draft(case, draft_for("granted"), on=DAY, acting_user=clerk)
    assert reload(case).status == "reply_drafted"
    actions.do_submit_reply_for_review(case, on=DAY, acting_user=clerk)
    with pytest.raises(GongkaiError, match="须填写审核意见"):
        actions.do_return_reply(case, comment="  ", on=DAY, acting_user=reviewer)
    actions.do_return_reply(case, comment="请写明获取时间", on=DAY, acting_user=reviewer)
    assert reload(case).status == "returned"
    reply = actions.do_save_reply_draft(
        case, draft_for("granted", delivery_how="三个工作日内以电子邮件发送"), on=DAY, acting_user=clerk
    )
    assert reply.version == 2 and reload(case).status == "reply_drafted"
    actions.do_submit_reply_for_review(case, on=DAY, acting_user=clerk)
    actions.do_approve_reply(case, on=DAY, acting_user=reviewer, comment="同意")
    comments = list(ReviewComment.objects.filter(reply=reply).values_list("decision", "version", "text"))
    assert comments == [("returned", 1, "请写明获取时间"), ("approved", 2, "同意")]
    actions.do_issue_reply_letter(reload(case), issued_on=ISSUED_ON, acting_user=clerk)
    proof = actions.DeliveryProof(
        "email", date(2026, 3, 21), log="2026-03-21 09:30 发送至 zhangsan@example.com"
    )
    actions.do_record_delivery(reload(case), proof, today=date(2026, 3, 23), acting_user=clerk)
    app = reload(case)
    assert app.status == "closed" and app.resolution == "granted"
    logged = list(
        AuditEvent.objects.filter(object_type="applications.application", object_id=str(app.pk)).values_list(
            "action", flat=True
        )
    )
    for action in (
        "reply.draft_saved",
        "application.draft_reply",
        "application.submit_for_review",
        "application.return_for_changes",
        "application.revise",
        "application.approve",
        "reply.letter_issued",
        "application.issued",
        "application.delivered",
    ):
        assert action in logged, action


def test_roles_clerk_cannot_approve_reviewer_cannot_issue_other_agencies_cannot_touch(
    case: Any, people: Any
) -> None:
    actions.do_save_reply_draft(case, draft_for("granted"), on=DAY, acting_user=people["clerk"])
    with pytest.raises(PermissionDenied):
        actions.do_save_reply_draft(case, draft_for("granted"), on=DAY, acting_user=people["reviewer"])
    with pytest.raises(PermissionDenied):
        actions.do_save_reply_draft(case, draft_for("granted"), on=DAY, acting_user=people["finance_clerk"])
    actions.do_submit_reply_for_review(case, on=DAY, acting_user=people["clerk"])
    for user in ("clerk", "head", "finance_clerk", "supervisor"):
        with pytest.raises(PermissionDenied):
            actions.do_approve_reply(case, on=DAY, acting_user=people[user])
        with pytest.raises(PermissionDenied):
            actions.do_return_reply(case, comment="x", on=DAY, acting_user=people[user])
    actions.do_approve_reply(case, on=DAY, acting_user=people["reviewer"])
    for user in ("reviewer", "finance_clerk", "supervisor"):
        with pytest.raises(PermissionDenied):
            actions.do_issue_reply_letter(reload(case), issued_on=ISSUED_ON, acting_user=people[user])
    assert reload(case).status == "approved"


def test_a_draft_cannot_change_once_submitted_and_partial_needs_its_parts(case: Any, people: Any) -> None:
    with pytest.raises(GongkaiError, match="部分公开须写明不予公开的部分"):
        actions.do_save_reply_draft(
            case, draft_for("partial", withheld=()), on=DAY, acting_user=people["clerk"]
        )
    with pytest.raises(GongkaiError, match="理由"):
        actions.do_save_reply_draft(
            case,
            draft_for("partial", withheld=(actions.WithheldData("deny_process", "内部讨论记录", ""),)),
            on=DAY,
            acting_user=people["clerk"],
        )
    with pytest.raises(GongkaiError, match="须指明依据"):
        actions.do_save_reply_draft(
            case, draft_for("granted", ground=""), on=DAY, acting_user=people["clerk"]
        )
    assert reload(case).status == "in_progress"  # nothing was saved
    actions.do_save_reply_draft(case, draft_for("granted"), on=DAY, acting_user=people["clerk"])
    actions.do_submit_reply_for_review(case, on=DAY, acting_user=people["clerk"])
    with pytest.raises(GongkaiError, match="答复不能修改"):
        actions.do_save_reply_draft(case, draft_for("granted"), on=DAY, acting_user=people["clerk"])


def test_document_numbers_follow_the_agency_sequence_per_year(submit: Any, people: Any) -> None:
    numbers = []
    for received, issued in ((date(2026, 3, 2), ISSUED_ON), (date(2026, 3, 3), ISSUED_ON)):
        app = app_actions.do_assign_application(
            submit(received=received), people["clerk"], acting_user=people["clerk"]
        )
        app = to_approved(app, people, draft_for("unable_unclear"))
        numbers.append(
            actions.do_issue_reply_letter(app, issued_on=issued, acting_user=people["clerk"]).document_number
        )
    assert numbers == ["平科依申复〔2026〕1号", "平科依申复〔2026〕2号"]


# -- issued letters are evidence -------------------------------------------------------------------


def test_issued_letters_cannot_be_changed_or_deleted(case: Any, people: Any) -> None:
    app = to_approved(case, people, draft_for("reject_repeat"))
    letter = actions.do_issue_reply_letter(app, issued_on=ISSUED_ON, acting_user=people["clerk"])
    letter.text = "改过的"
    with pytest.raises(FrozenError):
        letter.save()
    with pytest.raises(FrozenError):
        letter.delete()
    with pytest.raises(FrozenError):
        IssuedLetter.objects.filter(pk=letter.pk).update(text="改过的")
    with pytest.raises(FrozenError):
        IssuedLetter.objects.filter(pk=letter.pk).delete()
    stored = IssuedLetter.objects.get(pk=letter.pk)
    assert (
        "不予重复处理" in stored.text and stored.docx_sha256 == hashlib.sha256(bytes(stored.docx)).hexdigest()
    )
    # Below the ORM too: the database's triggers refuse raw SQL (audit/guard.py).
    assert_sql_refused("UPDATE replies_issuedletter SET text = 'x'", "DELETE FROM replies_issuedletter")
    assert IssuedLetter.objects.get(pk=letter.pk).text == stored.text


# -- attachments and the sensitive-information scan -------------------------------------------------

OTHER_PERSON = "补助发放名单：李四，身份证号 110101199003071233，金额 5000 元。\n"


def _upload(name: str = "名单.txt", text: str = OTHER_PERSON) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/plain")


def test_an_attachment_with_an_id_number_blocks_submission_until_redacted(case: Any, people: Any) -> None:
    clerk = people["clerk"]
    actions.do_save_reply_draft(case, draft_for("granted"), on=DAY, acting_user=clerk)
    attachment = actions.do_add_reply_attachment(case, _upload(), acting_user=clerk)
    kinds = {f["kind"] for f in attachment.findings}
    assert "id_card" in kinds
    assert all("110101199003071233" not in f["shown"] for f in attachment.findings)  # stored masked
    with pytest.raises(GongkaiError, match=r"名单\.txt"):
        actions.do_submit_reply_for_review(case, on=DAY, acting_user=clerk)
    copy = actions.do_redact_reply_attachment(attachment, acting_user=clerk)
    with copy.file.open("rb") as handle:
        cleaned = handle.read().decode("utf-8")
    assert "110101199003071233" not in cleaned and "金额 5000 元" in cleaned
    assert copy.findings == [] and copy.original_name == "名单（已脱敏）.txt"
    actions.do_submit_reply_for_review(case, on=DAY, acting_user=clerk)
    assert reload(case).status == "under_review"


def test_a_finding_kept_needs_the_reviewers_reason(case: Any, people: Any) -> None:
    clerk, reviewer = people["clerk"], people["reviewer"]
    actions.do_save_reply_draft(case, draft_for("granted"), on=DAY, acting_user=clerk)
    attachment = actions.do_add_reply_attachment(case, _upload(), acting_user=clerk)
    with pytest.raises(PermissionDenied):
        actions.do_justify_reply_attachment(attachment, text="本人信息", acting_user=clerk)
    with pytest.raises(GongkaiError, match="理由"):
        actions.do_justify_reply_attachment(attachment, text=" ", acting_user=reviewer)
    actions.do_justify_reply_attachment(attachment, text="名单系申请人本人提交的材料", acting_user=reviewer)
    actions.do_submit_reply_for_review(case, on=DAY, acting_user=clerk)
    actions.do_approve_reply(case, on=DAY, acting_user=reviewer)
    assert reload(case).status == "approved"


def test_a_clean_attachment_does_not_block(case: Any, people: Any) -> None:
    actions.do_save_reply_draft(case, draft_for("granted"), on=DAY, acting_user=people["clerk"])
    attachment = actions.do_add_reply_attachment(
        case, _upload("说明.txt", "2025年度共补助项目12个，合计60万元。\n"), acting_user=people["clerk"]
    )
    assert attachment.findings == []
    actions.do_submit_reply_for_review(case, on=DAY, acting_user=people["clerk"])


# -- delivery --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("proof", "error"),
    [
        (actions.DeliveryProof("post", date(2026, 3, 21)), "须填写邮件单号"),
        (actions.DeliveryProof("post", date(2026, 3, 21), tracking_number="12-34"), "邮件单号格式不正确"),
        (actions.DeliveryProof("direct", date(2026, 3, 21)), "签收的回执"),
        (actions.DeliveryProof("on_the_spot", date(2026, 3, 21)), "签收的回执"),
        (actions.DeliveryProof("email", date(2026, 3, 21)), "发送记录"),
        (actions.DeliveryProof("email", date(2026, 3, 21), log="已发送"), "接收邮箱地址"),
        (actions.DeliveryProof("online", date(2026, 3, 21)), "发送记录"),
        (actions.DeliveryProof("email", date(2026, 3, 19), log="发送至 a@example.com"), "不能早于出具日期"),
        (actions.DeliveryProof("email", date(2026, 3, 25), log="发送至 a@example.com"), "不能晚于今天"),
        (actions.DeliveryProof("pigeon", date(2026, 3, 21)), "未知的送达方式"),
    ],
)
def test_delivery_proof_is_checked_per_method(
    case: Any, people: Any, proof: actions.DeliveryProof, error: str
) -> None:
    app = to_approved(case, people, draft_for("unable_create"))
    actions.do_issue_reply_letter(app, issued_on=ISSUED_ON, acting_user=people["clerk"])
    with pytest.raises(GongkaiError, match=error):
        actions.do_record_delivery(reload(app), proof, today=date(2026, 3, 23), acting_user=people["clerk"])
    assert reload(app).status == "issued"


@pytest.mark.parametrize(
    "proof",
    [
        actions.DeliveryProof("post", date(2026, 3, 21), tracking_number="ea123456789cn"),
        actions.DeliveryProof(
            "direct", date(2026, 3, 20), receipt=SimpleUploadedFile("签收.pdf", b"%PDF-1.4 signed")
        ),
        actions.DeliveryProof("online", date(2026, 3, 20), log="省政务服务网推送成功，回执号 8812"),
    ],
)
def test_delivery_with_its_proof_closes_the_case(
    case: Any, people: Any, proof: actions.DeliveryProof
) -> None:
    app = to_approved(case, people, draft_for("unable_create"))
    actions.do_issue_reply_letter(app, issued_on=ISSUED_ON, acting_user=people["clerk"])
    with pytest.raises(PermissionDenied):
        actions.do_record_delivery(
            reload(app), proof, today=date(2026, 3, 23), acting_user=people["reviewer"]
        )
    delivery = actions.do_record_delivery(
        reload(app), proof, today=date(2026, 3, 23), acting_user=people["clerk"]
    )
    assert reload(app).status == "closed"
    if proof.method == "post":
        assert delivery.tracking_number == "EA123456789CN"
    if proof.method == "direct":
        with delivery.receipt.open("rb") as handle:
            assert handle.read() == b"%PDF-1.4 signed"


def test_a_docx_attachment_is_scanned_and_redacted_in_place(case: Any, people: Any) -> None:
    import docx

    clerk = people["clerk"]
    actions.do_save_reply_draft(case, draft_for("granted"), on=DAY, acting_user=clerk)
    document = docx.Document()
    document.add_paragraph("项目负责人联系电话 13912345678，身份证号 110101199003071233。")
    document.add_paragraph("项目总额 60 万元。")
    buffer = io.BytesIO()
    document.save(buffer)
    upload = SimpleUploadedFile("项目表.docx", buffer.getvalue())
    attachment = actions.do_add_reply_attachment(case, upload, acting_user=clerk)
    assert {f["kind"] for f in attachment.findings} >= {"id_card", "mobile_phone"}
    assert all(f["where"] for f in attachment.findings)
    copy = actions.do_redact_reply_attachment(attachment, acting_user=clerk)
    with copy.file.open("rb") as handle:
        text = docx_text(handle.read())
    assert "110101199003071233" not in text and "13912345678" not in text and "60 万元" in text
    with pytest.raises(GongkaiError, match="已被脱敏后的文件替换"):
        actions.do_redact_reply_attachment(attachment, acting_user=clerk)


def test_attachments_are_fixed_once_the_draft_is_submitted(case: Any, people: Any) -> None:
    clerk, reviewer = people["clerk"], people["reviewer"]
    actions.do_save_reply_draft(case, draft_for("granted"), on=DAY, acting_user=clerk)
    attachment = actions.do_add_reply_attachment(case, _upload(), acting_user=clerk)
    actions.do_justify_reply_attachment(attachment, text="申请人本人提交的名单", acting_user=reviewer)
    actions.do_submit_reply_for_review(case, on=DAY, acting_user=clerk)
    with pytest.raises(GongkaiError, match="才能更改附件"):
        actions.do_add_reply_attachment(case, _upload("另一份.txt"), acting_user=clerk)
    actions.do_approve_reply(case, on=DAY, acting_user=reviewer)
    with pytest.raises(GongkaiError, match=r"没有待处理的检测结果|不能再说明"):
        actions.do_justify_reply_attachment(attachment, text="再说明", acting_user=reviewer)


def test_the_letter_is_composed_from_the_agencys_own_template(case: Any, people: Any) -> None:
    from gongkai.letters import LetterKind, default_template
    from gongkai.web.letters.models import LetterTemplate

    edited = default_template(LetterKind.UNABLE_CREATE).replace(
        "特此告知。", "特此告知。如有疑问请来电咨询。"
    )
    LetterTemplate.objects.create(
        agency=case.agency, kind="unable_create", text=edited, version=1, updated_by=people["head"]
    )
    app = to_approved(case, people, draft_for("unable_create"))
    letter = actions.do_issue_reply_letter(app, issued_on=ISSUED_ON, acting_user=people["clerk"])
    assert "如有疑问请来电咨询。" in docx_text(bytes(letter.docx))


def test_an_agency_template_lacking_a_required_passage_blocks_review(case: Any, people: Any) -> None:
    from gongkai.letters import LetterKind, default_template
    from gongkai.web.letters.models import LetterTemplate

    broken = default_template(LetterKind.UNABLE_CREATE).replace("{{救济途径}}", "")
    LetterTemplate.objects.create(
        agency=case.agency, kind="unable_create", text=broken, version=1, updated_by=people["head"]
    )
    actions.do_save_reply_draft(case, draft_for("unable_create"), on=DAY, acting_user=people["clerk"])
    with pytest.raises(GongkaiError, match="救济途径"):
        actions.do_submit_reply_for_review(case, on=DAY, acting_user=people["clerk"])


def test_replayed_history_stamps_drafts_and_review_comments_like_the_audit_trail(
    case: Any, people: Any
) -> None:
    # The demo replays past cases under audit.record.replaying: the reply's and the comment's
    # times must read the same as the audit rows next to them, not the time the demo was built.
    from datetime import datetime, time

    from django.utils import timezone

    from gongkai.web.audit.record import replaying

    at = timezone.make_aware(datetime.combine(DAY, time(10, 30)))
    with replaying(at):
        reply = actions.do_save_reply_draft(
            case, draft_for("reject_repeat"), on=DAY, acting_user=people["clerk"]
        )
        actions.do_submit_reply_for_review(case, on=DAY, acting_user=people["clerk"])
        comment = actions.do_return_reply(case, comment="请补充依据", on=DAY, acting_user=people["reviewer"])
    assert reply.updated_at == at and comment.at == at
    assert AuditEvent.objects.filter(object_id=str(case.pk), at=at).exists()


def test_the_text_facts_are_the_drafts_the_replys_and_the_letters() -> None:
    """One list of the reply's free-text facts (replies.models.TEXT_FACTS, from Reply's columns):
    DraftData's text fields but the outcome and its ground, each a LetterFacts attribute too."""
    from gongkai.letters import LetterFacts

    fields = dataclasses.fields(actions.DraftData)
    draft_texts = tuple(f.name for f in fields if f.type == "str" and f.name not in ("outcome", "ground"))
    assert draft_texts == actions.TEXT_FACTS
    assert set(actions.TEXT_FACTS) <= {f.name for f in dataclasses.fields(LetterFacts)}

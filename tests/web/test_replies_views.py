"""The reply panel on the case page and its views: forms, role checks, downloads."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.report.render.fonts import cjk_font_available
from gongkai.web.applications import actions as app_actions
from gongkai.web.applications.models import Application
from gongkai.web.replies import actions
from gongkai.web.replies.models import IssuedLetter
from testsupport import require

pytestmark = pytest.mark.django_db

DAY = date(2026, 3, 10)


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def case(submit: Any, people: Any) -> Application:
    return app_actions.do_assign_application(submit(), people["clerk"], acting_user=people["clerk"])


def detail(app: Application) -> str:
    return reverse("applications:detail", args=[app.pk])


def form_post(client: Client, app: Application, **fields: str) -> Any:
    data = {
        "outcome": "granted",
        "ground": "disclosable",
        "information_provided": "补助资金分配结果全文",
        "delivery_how": "以电子邮件发送",
        "reconsideration_body": "平湖市人民政府",
        "withheld-TOTAL_FORMS": "2",
        "withheld-INITIAL_FORMS": "0",
        "withheld-MIN_NUM_FORMS": "0",
        "withheld-MAX_NUM_FORMS": "20",
        **fields,
    }
    return client.post(reverse("replies:save", args=[app.pk]), data)


def test_clerk_drafts_in_the_panel_and_sees_the_preview(case: Any, people: Any) -> None:
    client = client_for(people["clerk"])
    page = client.get(detail(case)).content.decode()
    assert 'id="reply"' in page and "起草答复" in page
    # The outcome select is grouped as table 3.
    assert '<optgroup label="（三）不予公开">' in page
    response = form_post(client, case, reconsideration_body="")
    assert response.status_code == 302
    page = client.get(detail(case)).content.decode()
    assert "以下必备内容尚缺" in page and "救济途径" in page
    form_post(client, case)
    page = client.get(detail(case)).content.decode()
    assert 'id="letter-preview"' in page and "平湖市人民政府申请行政复议" in page
    assert "以下必备内容尚缺" not in page
    assert 'id="reply-submit"' in page


def test_a_partial_reply_takes_its_withheld_parts_from_the_formset(case: Any, people: Any) -> None:
    client = client_for(people["clerk"])
    form_post(
        client,
        case,
        outcome="partial",
        ground="",
        refusal_reasons="",
        **{
            "withheld-0-ground": "deny_thirdparty",
            "withheld-0-description": "企业银行账户",
            "withheld-0-reason": "商业秘密",
        },
    )
    reply = case.reply
    assert reply.outcome == "partial"
    assert [(p.ground, p.description, p.reason) for p in reply.withheld_parts.all()] == [
        ("deny_thirdparty", "企业银行账户", "商业秘密")
    ]
    # A half-filled row is an error in Chinese, nothing saved.
    response = form_post(client, case, outcome="partial", **{"withheld-0-description": "名单"})
    assert response.status_code == 302
    page = client.get(detail(case)).content.decode()
    assert "请选择不予公开的依据" in page


def test_review_buttons_follow_the_role(case: Any, people: Any) -> None:
    form_post(client_for(people["clerk"]), case)
    client_for(people["clerk"]).post(reverse("replies:submit", args=[case.pk]))
    assert Application.objects.get(pk=case.pk).status == "under_review"
    assert 'id="reply-approve"' not in client_for(people["clerk"]).get(detail(case)).content.decode()
    assert 'id="reply-approve"' in client_for(people["reviewer"]).get(detail(case)).content.decode()
    # The clerk posting the reviewer's form is refused by the action.
    response = client_for(people["clerk"]).post(reverse("replies:approve", args=[case.pk]), {"comment": ""})
    assert response.status_code == 403
    client_for(people["reviewer"]).post(
        reverse("replies:return", args=[case.pk]), {"comment": "补充获取时间"}
    )
    page = client_for(people["clerk"]).get(detail(case)).content.decode()
    assert "退回修改：补充获取时间" in page


def test_other_agencies_get_404_and_supervisors_cannot_download_letters(case: Any, people: Any) -> None:
    require(cjk_font_available(), "PDF letters need a CJK TrueType font (apt-get install fonts-wqy-zenhei)")
    clerk, reviewer = people["clerk"], people["reviewer"]
    actions.do_save_reply_draft(
        case,
        actions.DraftData(
            outcome="unable_create", reconsideration_body="平湖市人民政府", explanation="需另行统计"
        ),
        on=DAY,
        acting_user=clerk,
    )
    actions.do_submit_reply_for_review(case, on=DAY, acting_user=clerk)
    actions.do_approve_reply(case, on=DAY, acting_user=reviewer)
    response = client_for(clerk).post(reverse("replies:issue", args=[case.pk]), {"issued_on": "2026-03-20"})
    assert response.status_code == 302
    letter = IssuedLetter.objects.get(application=case)
    url = reverse("replies:letter", args=[case.pk, letter.pk, "docx"])
    response = client_for(clerk).get(url)
    assert response.status_code == 200 and bytes(response.content) == bytes(letter.docx)
    assert (
        client_for(reviewer).get(reverse("replies:letter", args=[case.pk, letter.pk, "pdf"])).status_code
        == 200
    )
    assert client_for(people["supervisor"]).get(url).status_code == 403
    assert client_for(people["finance_clerk"]).get(url).status_code == 404
    assert client_for(people["outsider"]).get(detail(case)).status_code == 404
    assert (
        client_for(people["finance_clerk"]).post(reverse("replies:submit", args=[case.pk])).status_code == 404
    )
    assert (
        client_for(clerk).get(reverse("replies:letter", args=[case.pk, letter.pk, "exe"])).status_code == 404
    )
    page = client_for(clerk).get(detail(case)).content.decode()
    assert letter.document_number in page and letter.docx_sha256 in page and 'id="reply-delivery"' in page


def _issue_repeat_reply(case: Any, people: Any) -> Any:
    """Draft, approve and issue a 不予处理（重复申请） reply on ``case``; returns the clerk."""
    require(cjk_font_available(), "PDF letters need a CJK TrueType font (apt-get install fonts-wqy-zenhei)")
    clerk = people["clerk"]
    actions.do_save_reply_draft(
        case,
        actions.DraftData(outcome="reject_repeat", reconsideration_body="平湖市人民政府"),
        on=DAY,
        acting_user=clerk,
    )
    actions.do_submit_reply_for_review(case, on=DAY, acting_user=clerk)
    actions.do_approve_reply(case, on=DAY, acting_user=people["reviewer"])
    actions.do_issue_reply_letter(
        Application.objects.get(pk=case.pk), issued_on=date(2026, 3, 2), acting_user=clerk
    )
    return clerk


def test_delivery_form_needs_its_proof(case: Any, people: Any) -> None:
    clerk = _issue_repeat_reply(case, people)
    client = client_for(clerk)
    url = reverse("replies:delivery", args=[case.pk])
    client.post(url, {"method": "post", "delivered_on": "2026-03-02"})
    assert Application.objects.get(pk=case.pk).status == "issued"
    assert "邮寄送达须填写邮件单号" in client.get(detail(case)).content.decode()
    client.post(url, {"method": "post", "delivered_on": "2026-03-02", "tracking_number": "EA123456789CN"})
    assert Application.objects.get(pk=case.pk).status == "closed"
    page = client.get(detail(case)).content.decode()
    assert "EA123456789CN" in page and "已办结" in page


def test_an_image_cannot_be_given_as_an_attachment_since_it_cannot_be_scanned(case: Any, people: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for(people["clerk"])
    form_post(client, case)
    image = SimpleUploadedFile("名单.png", b"\x89PNG\r\n\x1a\n....", content_type="image/png")
    client.post(reverse("replies:add_attachment", args=[case.pk]), {"file": image})
    assert not case.reply.attachments.exists()
    assert "无法检测个人信息" in client.get(detail(case)).content.decode()
    text = SimpleUploadedFile("名单.txt", "李四 110101199003071233".encode(), content_type="text/plain")
    client.post(reverse("replies:add_attachment", args=[case.pk]), {"file": text})
    page = client.get(detail(case)).content.decode()
    assert (
        "发现2处个人信息" in page and "110101********1233" in page and "李*" in page and "脱敏并替换" in page
    )


def test_a_signed_receipt_must_be_a_real_pdf_or_image(case: Any, people: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    clerk = _issue_repeat_reply(case, people)
    client = client_for(clerk)
    url = reverse("replies:delivery", args=[case.pk])
    fake = SimpleUploadedFile("回执.pdf", b"MZ\x90\x00not a pdf")
    client.post(url, {"method": "direct", "delivered_on": "2026-03-02", "receipt": fake})
    assert Application.objects.get(pk=case.pk).status == "issued"
    assert "内容与扩展名不符" in client.get(detail(case)).content.decode()
    signed = SimpleUploadedFile("回执.pdf", b"%PDF-1.4 signed receipt")
    client.post(url, {"method": "direct", "delivered_on": "2026-03-02", "receipt": signed})
    assert Application.objects.get(pk=case.pk).status == "closed"
    delivery = case.deliveries.get()
    receipt_url = reverse("replies:receipt", args=[case.pk, delivery.pk])
    response = client.get(receipt_url)
    assert response.status_code == 200 and response.content == b"%PDF-1.4 signed receipt"
    assert client_for(people["supervisor"]).get(receipt_url).status_code == 403


def test_a_supervisor_sees_the_reply_but_not_the_applicants_name_in_the_letter(
    case: Any, people: Any
) -> None:
    form_post(client_for(people["clerk"]), case)
    page = client_for(people["supervisor"]).get(detail(case)).content.decode()
    assert 'id="reply"' in page and "（一）予以公开" in page
    assert 'id="letter-preview"' not in page and "张三" not in page
    assert 'id="reply-save"' not in page and 'id="reply-submit"' not in page

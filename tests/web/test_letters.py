"""Letter templates (per agency, versioned, validated) and the case letters (DOCX/PDF) they make."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pytest
from django.test import Client

from gongkai.letters import LetterKind, default_template
from gongkai.web.applications import actions
from gongkai.web.audit.models import AuditEvent
from gongkai.web.letters.models import CaseLetter, LetterTemplate
from gongkai.web.letters.templates import template_for
from gongkai.workflow.cases import Action
from proceduretesting import request_correction

pytestmark = pytest.mark.django_db

CUSTOM_LINE = "本回执由平湖市科学技术局政务公开科出具。"


def _client(user: Any) -> Client:
    c = Client()
    c.force_login(user)
    return c


def _docx_text(body: bytes) -> str:
    from docx import Document

    doc = Document(io.BytesIO(body))
    return "\n".join(p.text for p in doc.paragraphs)


def _pdf_text(body: bytes) -> str:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(body)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def _edit_url(agency: Any, kind: str) -> str:
    return f"/work/letters/{agency.pk}/{kind}/"


def test_template_for_is_the_default_then_the_latest_version(agencies: Any, people: Any) -> None:
    science = agencies["science"]
    assert template_for(science, LetterKind.RECEIPT) == default_template(LetterKind.RECEIPT)
    client = _client(people["head"])
    edited = default_template(LetterKind.RECEIPT).replace("署名：", CUSTOM_LINE + "\n署名：")
    client.post(_edit_url(science, "receipt"), {"op": "save", "text": edited})
    client.post(_edit_url(science, "receipt"), {"op": "save", "text": edited + "\n"})
    assert template_for(science, LetterKind.RECEIPT).strip() == edited.strip()
    assert template_for(agencies["finance"], LetterKind.RECEIPT) == default_template(LetterKind.RECEIPT)
    client.post(_edit_url(science, "receipt"), {"op": "reset"})
    assert template_for(science, LetterKind.RECEIPT) == default_template(LetterKind.RECEIPT)
    versions = list(LetterTemplate.objects.filter(agency=science).values_list("version", "text"))
    assert [v for v, _ in versions] == [3, 2, 1] and versions[0][1] == ""  # history kept, reset is a row
    assert AuditEvent.objects.filter(action__startswith="letters.template").count() == 3


@pytest.mark.parametrize(
    ("who", "agency", "allowed"),
    [
        ("head", "science", True),
        ("admin", "science", True),  # 系统管理员 of the office above
        ("clerk", "science", False),
        ("reviewer", "science", False),
        ("supervisor", "science", False),
        ("head", "finance", False),  # another agency
        ("outsider", "science", False),
    ],
)
def test_who_may_edit_templates(agencies: Any, people: Any, who: str, agency: str, allowed: bool) -> None:
    client = _client(people[who])
    url = _edit_url(agencies[agency], "fee_notice")
    assert client.get(url).status_code == (200 if allowed else 403)
    response = client.post(url, {"op": "save", "text": default_template(LetterKind.FEE_NOTICE)})
    assert response.status_code == (302 if allowed else 403)
    assert LetterTemplate.objects.count() == (1 if allowed else 0)


def test_index_lists_kinds_for_editors_and_explains_to_others(agencies: Any, people: Any) -> None:
    page = _client(people["head"]).get("/work/letters/").content.decode()
    assert "平湖市科学技术局" in page and "收费通知书" in page and "示例市财政局" not in page
    page = _client(people["clerk"]).get("/work/letters/").content.decode()
    assert "您没有编辑文书模板的权限" in page
    assert Client().get("/work/letters/").status_code == 302  # login first


def test_invalid_templates_are_refused_in_chinese(agencies: Any, people: Any) -> None:
    client = _client(people["head"])
    url = _edit_url(agencies["science"], "granted")
    page = client.post(url, {"op": "save", "text": "文头：{{机关名称}}\n{{不存在的字段}}"}).content.decode()
    assert "模板第2行" in page and "不存在的字段" in page
    dropped = default_template(LetterKind.GRANTED).replace("{{救济途径}}", "")
    page = client.post(url, {"op": "save", "text": dropped}).content.decode()
    assert "救济" in page
    assert not LetterTemplate.objects.exists()


def test_preview_uses_labelled_sample_facts(agencies: Any, people: Any) -> None:
    page = _client(people["head"]).post(
        _edit_url(agencies["science"], "fee_notice"),
        {"op": "preview", "text": default_template(LetterKind.FEE_NOTICE)},
    )
    html = page.content.decode()
    assert "示例：以下为用虚构数据生成的预览" in html and "张示例" in html and "200元" in html
    assert "{{收费金额}}" in html  # the placeholder list
    assert not LetterTemplate.objects.exists()


@pytest.mark.cjk_font  # publishes or issues a PDF
def test_receipt_comes_from_the_agencys_receipt_template(submit: Any, agencies: Any, people: Any) -> None:
    app = submit()
    edited = default_template(LetterKind.RECEIPT).replace("署名：", CUSTOM_LINE + "\n署名：")
    _client(people["head"]).post(_edit_url(agencies["science"], "receipt"), {"op": "save", "text": edited})
    client = _client(people["clerk"])
    text = _docx_text(client.get(f"/receipt/{app.pk}.docx").content)
    assert CUSTOM_LINE in text and app.number in text and "答复期限：2026年3月30日" in text
    assert CUSTOM_LINE in _pdf_text(client.get(f"/receipt/{app.pk}.pdf").content).replace("\n", "")


def _started(submit: Any, people: Any) -> Any:
    app = submit(received=date(2026, 3, 2))
    actions.do_take_step(app, Action.START, on=date(2026, 3, 2), acting_user=people["clerk"])
    return app


def _letter(app: Any, kind: str) -> CaseLetter:
    return CaseLetter.objects.get(application=app, kind=kind)


@pytest.mark.cjk_font  # publishes or issues a PDF
def test_correction_and_extension_letters(submit: Any, people: Any) -> None:
    app = _started(submit, people)
    request_correction(
        app, people["clerk"], sent_on=date(2026, 3, 4), items="请写明文件名称\n请写明年份", working_days=10
    )
    row = _letter(app, "correction")
    assert row.document_number == "平科依申告〔2026〕1号" and row.issued_on == date(2026, 3, 4)
    client = _client(people["clerk"])
    page = client.get(f"/work/cases/{app.pk}/").content.decode()
    assert "补正告知书（平科依申告〔2026〕1号" in page
    text = _docx_text(client.get(f"/work/cases/{app.pk}/letters/{row.pk}.docx").content)
    assert "请写明文件名称" in text and "2026年3月18日" in text and "平科依申告〔2026〕1号" in text
    actions.do_receive_correction(app, received_on=date(2026, 3, 9), acting_user=people["clerk"])
    actions.do_request_extension(
        app, reason="需要调取档案", on=date(2026, 3, 20), acting_user=people["clerk"]
    )
    actions.do_approve_extension(app, approved_on=date(2026, 3, 23), acting_user=people["head"])
    ext = _letter(app, "extension")
    assert ext.document_number == "平科依申告〔2026〕2号"
    text = _pdf_text(client.get(f"/work/cases/{app.pk}/letters/{ext.pk}.pdf").content).replace("\n", "")
    assert "需要调取档案" in text and "20个工作日" in text


def test_fee_notice_letter_states_basis_standard_amount_and_payment(submit: Any, people: Any) -> None:
    app = _started(submit, people)
    actions.do_send_fee_notice(
        app, method="per_page", pages=250, sent_on=date(2026, 3, 4), how_to_pay="到财务窗口缴纳",
        acting_user=people["clerk"],
    )  # fmt: skip
    row = _letter(app, "fee_notice")
    text = _docx_text(_client(people["clerk"]).get(f"/work/cases/{app.pk}/letters/{row.pk}.docx").content)
    for expected in (
        "国办函〔2020〕109号",
        "按量计收",
        "4700元",
        "到财务窗口缴纳",
        "2026年4月1日",
        "超额累进",
    ):
        assert expected in text


def test_third_party_letters(submit: Any, people: Any) -> None:
    app = _started(submit, people)
    party = actions.ThirdParty(name="平湖某科技有限公司", contact="0573-1", information="该公司项目预算明细")
    actions.do_start_consultation(
        app,
        kind="third_party",
        sent_on=date(2026, 4, 2),
        note="",
        third_party=party,
        acting_user=people["clerk"],
    )
    client = _client(people["clerk"])
    row = _letter(app, "third_party_consultation")
    text = _docx_text(client.get(f"/work/cases/{app.pk}/letters/{row.pk}.docx").content)
    assert "平湖某科技有限公司" in text and "2026年4月24日" in text and "15个工作日" in text
    actions.do_end_consultation(
        app, ended_on=date(2026, 4, 10), answer="disagree", acting_user=people["clerk"]
    )
    consultation = app.third_party_consultations.get()
    actions.do_decide_after_consultation(
        app,
        consultation=consultation,
        decision="disclose",
        reason="涉及公共资金使用",
        notice_sent_on=date(2026, 4, 13),
        reconsideration_body="示例市人民政府",
        acting_user=people["clerk"],
    )
    notice = _letter(app, "third_party_disclosure_notice")
    text = _docx_text(client.get(f"/work/cases/{app.pk}/letters/{notice.pk}.docx").content)
    assert "该公司项目预算明细" in text and "涉及公共资金使用" in text and "示例市人民政府" in text


@pytest.mark.cjk_font  # publishes or issues a PDF
def test_case_letters_only_for_the_handling_agencys_staff(submit: Any, people: Any) -> None:
    app = _started(submit, people)
    request_correction(app, people["clerk"], sent_on=date(2026, 3, 4), items="请写明文号", working_days=10)
    url = f"/work/cases/{app.pk}/letters/{_letter(app, 'correction').pk}.pdf"
    for who in ("clerk", "reviewer", "head"):
        assert _client(people[who]).get(url).status_code == 200
    for who in ("supervisor", "finance_clerk", "outsider"):
        assert _client(people[who]).get(url).status_code == 404
    assert Client().get(url).status_code == 302
    other = submit(received=date(2026, 3, 2))
    assert (
        _client(people["clerk"]).get(url.replace(f"/cases/{app.pk}/", f"/cases/{other.pk}/")).status_code
        == 404
    )


def test_a_letter_missing_a_required_element_is_not_produced(submit: Any, agencies: Any, people: Any) -> None:
    # A template saved when valid stays valid; what can be missing are the facts -- here the
    # agency edits the fee template fine, but a recorded notice without payment instructions
    # cannot exist (the action refuses it), so check the refusal at the source.
    app = _started(submit, people)
    with pytest.raises(actions.ActionError, match="缴纳方式"):
        actions.do_send_fee_notice(
            app,
            method="per_page",
            pages=50,
            sent_on=date(2026, 3, 4),
            how_to_pay=" ",
            acting_user=people["clerk"],
        )
    assert not CaseLetter.objects.exists()

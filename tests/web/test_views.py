"""HTML views: public intake and tracking, staff intake, queue views, case page, receipts."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from filesamples import real_image, real_pdf
from gongkai.web.applications import submission_keys
from gongkai.web.applications.models import Application
from webtesting import set_today

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 20)


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch: Any, fresh_cache: None) -> None:
    set_today(monkeypatch, TODAY)


def _form(agency: Any, applicant: dict[str, str], **extra: Any) -> dict[str, Any]:
    """The form as a browser posts it, with the one-time submission key the form page carries."""
    return {**applicant, "agency": agency.pk, "submission_key": submission_keys.new_key(), **extra}


def test_public_submission_gives_number_and_code_and_the_code_finds_the_case(
    client: Any, agencies: Any, applicant: Any
) -> None:
    page = client.post("/apply/", _form(agencies["science"], applicant), follow=True)
    assert page.status_code == 200
    app = Application.objects.get()
    code = page.context["code"]
    assert app.number in page.content.decode() and code in page.content.decode()
    assert app.channel == "online" and app.received_on is not None and app.due_on is not None
    found = client.post("/track/", {"number": app.number, "code": code.lower()})
    assert found.context["app"] == app
    assert "张*" in found.content.decode()
    wrong = client.post("/track/", {"number": app.number, "code": "WRONG234"})
    assert wrong.context["app"] is None and "不正确" in wrong.content.decode()


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"id_number": "110101199001011238"}, "id_number", "校验码"),  # wrong check digit
        ({"description": ""}, "description", "必填"),  # 第二十九条（二）
        (
            {"applicant_type": "commercial", "id_type": "uscc", "id_number": "91330482MA2B3C4D5Y"},
            "legal_representative",
            "法定代表人",
        ),  # organisations name their representative
        ({"phone": ""}, "phone", "必填"),  # 第二十九条（一）联系方式
    ],
)
def test_intake_form_checks_article_29(
    client: Any, agencies: Any, applicant: Any, change: dict[str, str], field: str, message: str
) -> None:
    page = client.post("/apply/", _form(agencies["science"], applicant, **change))
    assert message in " ".join(page.context["form"].errors[field])
    assert not Application.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "accepted"),
    [
        # Issue 15 point 13: the right first bytes are not enough, the file must parse as its type.
        ("id.pdf", real_pdf(), True),
        ("photo.png", real_image("PNG"), True),
        ("id.pdf", b"%PDF-1.4 ...", False),  # a PDF header and nothing else
        ("photo.png", b"\x89PNG\r\n\x1a\n....", False),
        ("evil.exe", b"MZ....", False),  # type not allowed
        ("fake.pdf", b"MZ....", False),  # content does not match the extension
    ],
)
def test_attachment_types(
    client: Any, agencies: Any, applicant: Any, name: str, content: bytes, accepted: bool
) -> None:
    upload = SimpleUploadedFile(name, content)
    client.post("/apply/", {**_form(agencies["science"], applicant), "attachments": [upload]})
    assert Application.objects.exists() is accepted
    if accepted:
        assert Application.objects.get().attachments.get().original_name == name


@override_settings(GONGKAI_UPLOAD_MAX_BYTES=10)
def test_attachment_size_limit(client: Any, agencies: Any, applicant: Any) -> None:
    page = client.post(
        "/apply/",
        {**_form(agencies["science"], applicant), "attachments": [SimpleUploadedFile("a.txt", b"x" * 11)]},
    )
    assert "超过" in " ".join(page.context["form"].errors["attachments"])


@override_settings(GONGKAI_SUBMIT_RATE=(2, 3600))
def test_rate_limit_per_address(client: Any, agencies: Any, applicant: Any) -> None:
    # Three different applications (the same one filed again is a resubmission, not a new filing).
    statuses = [
        client.post(
            "/apply/",
            _form(agencies["science"], applicant, description=f"第{n}项信息"),
            REMOTE_ADDR="10.0.0.1",
            follow=True,
        ).status_code
        for n in range(3)
    ]
    assert statuses == [200, 200, 429]
    # Another address is not affected.
    assert (
        client.post(
            "/apply/", _form(agencies["science"], applicant), REMOTE_ADDR="10.0.0.2", follow=True
        ).status_code
        == 200
    )
    assert Application.objects.count() == 3


def test_staff_intake_by_signed_mail_uses_the_signing_date(
    client: Any, agencies: Any, people: Any, applicant: Any
) -> None:
    client.force_login(people["clerk"])
    page = client.post(
        "/work/register/",
        _form(
            agencies["science"],
            applicant,
            channel="post_signed",
            arrived_on="2026-03-02",
            confirmed_on="2026-03-03",
        ),
    )
    assert page.status_code == 302
    app = Application.objects.get()
    assert (app.channel, app.received_on, app.registered_by) == (
        "post_signed",
        date(2026, 3, 3),
        people["clerk"],
    )
    # 20 working days after Tuesday 3 March: Tuesday 31 March.
    assert app.due_on == date(2026, 3, 31)


def test_staff_intake_requires_the_confirmation_date(
    client: Any, agencies: Any, people: Any, applicant: Any
) -> None:
    client.force_login(people["clerk"])
    page = client.post(
        "/work/register/", _form(agencies["science"], applicant, channel="fax", arrived_on="2026-03-02")
    )
    assert page.status_code == 200 and "第三十一条" in " ".join(page.context["form"].errors["confirmed_on"])


def test_queue_views_sorted_by_due_date(client: Any, people: Any, submit: Any) -> None:
    overdue = submit(received=date(2026, 2, 9))  # due 2026-03-16 (after 春节), before TODAY
    soon = submit(received=date(2026, 2, 24))  # due 2026-03-24: within 3 working days of TODAY
    later = submit(received=date(2026, 3, 16))  # due 2026-04-14
    client.force_login(people["clerk"])
    numbers = lambda view: [r["app"].pk for r in client.get(f"/work/?view={view}").context["items"]]  # noqa: E731
    assert numbers("all") == [overdue.pk, soon.pk, later.pk]
    assert numbers("overdue") == [overdue.pk]
    assert numbers("soon") == [soon.pk]
    page = client.get("/work/").content.decode()
    assert "已逾期" in page and "张*" in page and "110101199001011237" not in page


def test_supervisor_sees_subtree_queues_and_the_per_agency_table(
    client: Any, people: Any, submit: Any, agencies: Any
) -> None:
    submit()
    submit(agency=agencies["finance"])
    client.force_login(people["supervisor"])
    page = client.get("/work/")
    assert len(page.context["items"]) == 2
    assert {r["agency__name"] for r in page.context["by_agency"]} == {"平湖市科学技术局", "示例市财政局"}
    client.force_login(people["outsider"])
    assert client.get("/work/").context["items"] == []
    # Filtering by an agency outside one's tree, or by garbage, is "not found".
    assert client.get(f"/work/?agency={agencies['science'].pk}").status_code == 404
    assert client.get("/work/?agency=abc").status_code == 404


def test_case_page_masks_personal_data_for_supervisors(client: Any, people: Any, submit: Any) -> None:
    app = submit()
    client.force_login(people["clerk"])
    assert "110101199001011237" in client.get(f"/work/cases/{app.pk}/").content.decode()
    client.force_login(people["supervisor"])
    page = client.get(f"/work/cases/{app.pk}/").content.decode()
    assert "110101********1237" in page and "138****5678" in page and "110101199001011237" not in page
    assert "case-actions" not in page  # a supervisor does not handle


def test_case_page_shows_the_audit_timeline(client: Any, people: Any, submit: Any) -> None:
    app = submit()
    client.force_login(people["clerk"])
    client.post(
        f"/work/cases/{app.pk}/correction/",
        {"sent_on": "2026-03-04", "items": "请写明文号", "working_days": "10"},
    )
    page = client.get(f"/work/cases/{app.pk}/").content.decode()
    assert "登记申请" in page and "发出补正告知，补正期限至 2026-03-18" in page


def test_refused_step_is_a_message_not_an_error_page(client: Any, people: Any, submit: Any) -> None:
    app = submit()
    client.force_login(people["clerk"])
    page = client.post(f"/work/cases/{app.pk}/consultation/end/", {"on": "2026-03-04"}, follow=True)
    assert page.status_code == 200 and "不能执行该操作" in page.content.decode()


@pytest.mark.parametrize("fmt", ["docx", pytest.param("pdf", marks=pytest.mark.cjk_font)])
def test_receipt_documents(client: Any, people: Any, submit: Any, fmt: str) -> None:
    app = submit()
    assert client.get(f"/receipt/{app.pk}.{fmt}").status_code == 404  # not the public's session
    client.force_login(people["clerk"])
    body = client.get(f"/receipt/{app.pk}.{fmt}").content
    if fmt == "docx":
        from docx import Document

        doc = Document(io.BytesIO(body))
        text = "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
        text += "\n".join(p.text for p in doc.paragraphs)
    else:
        import pdfplumber

        with pdfplumber.open(io.BytesIO(body)) as pdf:
            text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert app.number in text
    assert "2026年3月30日" in text  # the reply due date
    assert "110101********1237" in text and "110101199001011237" not in text


def test_home_and_login_pages(client: Any, agencies: Any) -> None:
    assert "平湖市科学技术局" in client.get("/").content.decode()
    assert client.get("/login/").status_code == 200
    assert client.get("/work/").status_code == 302  # staff pages need a login


def test_the_stylesheet_is_served(client: Any) -> None:
    response = client.get("/static/gongkai/site.css")
    assert response.status_code == 200
    assert b"--red" in b"".join(response.streaming_content) if response.streaming else response.content

"""Issue 17, point 3: the public progress page tells the real steps in plain words, and the
applicant downloads the letters addressed to them with the number and query code."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from gongkai.report.render.fonts import cjk_font_available
from gongkai.web.applications import actions, submission_keys
from gongkai.web.applications.models import Application, CaseEvent
from gongkai.web.letters.models import CaseLetter
from gongkai.web.replies import actions as reply_actions
from gongkai.web.replies.models import IssuedLetter
from testsupport import require

pytestmark = pytest.mark.django_db

THIRD_PARTY_ID = "330482199203041237"


@pytest.fixture(autouse=True)
def _clear_cache(monkeypatch: Any) -> None:
    from django.core.cache import cache

    from gongkai.web import clock

    cache.clear()
    monkeypatch.setattr(
        clock, "now", lambda: timezone.make_aware(datetime.combine(date(2026, 3, 2), time(10)))
    )


def _filed(client: Client, agencies: Any, applicant: Any) -> tuple[Application, str]:
    data = {**applicant, "agency": agencies["science"].pk, "submission_key": submission_keys.new_key()}
    page = client.post("/apply/", data, follow=True)
    return page.context["app"], page.context["code"]


@pytest.fixture
def answered(client: Client, agencies: Any, applicant: Any, people: Any) -> tuple[Application, str]:
    """A case that went through 补正, 延期, 答复 and 送达."""
    require(cjk_font_available(), "PDF letters need a CJK TrueType font (apt-get install fonts-wqy-zenhei)")
    app, code = _filed(client, agencies, applicant)
    clerk, head = people["clerk"], people["head"]
    app = actions.do_assign_application(app, clerk, acting_user=clerk)
    actions.do_request_correction(
        app,
        sent_on=date(2026, 3, 3),
        items=f"请写明所需信息的年份；另请勿提交他人身份证号 {THIRD_PARTY_ID}",
        working_days=5,
        acting_user=clerk,
    )
    actions.do_receive_correction(app, received_on=date(2026, 3, 5), acting_user=clerk)
    actions.do_request_extension(
        app, reason="需要调取多年档案逐一核对", on=date(2026, 3, 20), acting_user=clerk
    )
    actions.do_approve_extension(app, approved_on=date(2026, 3, 23), acting_user=head)
    draft = reply_actions.DraftData(
        outcome="deny_secret",
        refusal_reasons="该信息经依法认定为国家秘密",
        reconsideration_body="平湖市人民政府",
        contact="李经办 0573-85551234",
    )
    reply_actions.do_save_reply_draft(app, draft, on=date(2026, 4, 8), acting_user=clerk)
    reply_actions.do_submit_reply_for_review(app, on=date(2026, 4, 8), acting_user=clerk)
    reply_actions.do_approve_reply(app, on=date(2026, 4, 9), acting_user=people["reviewer"])
    reply_actions.do_issue_reply_letter(app, issued_on=date(2026, 4, 10), acting_user=clerk)
    reply_actions.do_record_delivery(
        Application.objects.get(pk=app.pk),
        reply_actions.DeliveryProof("post", date(2026, 4, 13), tracking_number="EA123456789CN"),
        today=date(2026, 4, 13),
        acting_user=clerk,
    )
    return Application.objects.get(pk=app.pk), code


def test_the_progress_page_tells_the_real_steps_in_plain_words(
    client: Client, answered: tuple[Application, str], people: Any
) -> None:
    app, code = answered
    page = client.post("/track/", {"number": app.number, "code": code})
    steps = [(s.on, s.title) for s in page.context["steps"]]
    assert steps == [
        (date(2026, 3, 2), "已登记"),
        (date(2026, 3, 3), "补正"),
        (date(2026, 3, 5), "收到补正"),
        (date(2026, 3, 23), "延期"),
        (date(2026, 4, 10), "已答复"),
        (date(2026, 4, 13), "送达"),
    ]
    details = {s.title: s.detail for s in page.context["steps"]}
    assert "请写明所需信息的年份" in details["补正"] and "2026年3月10日前补正" in details["补正"]
    assert (
        f"延长至{app.extended_due.year}年{app.extended_due.month}月{app.extended_due.day}日"
        in details["延期"]
    )
    assert "需要调取多年档案逐一核对" in details["延期"]
    number = IssuedLetter.objects.get(application=app).document_number
    assert "2026年4月10日" in details["已答复"] and number in details["已答复"]
    assert "不予公开：属于国家秘密" in details["已答复"]
    assert details["送达"] == "答复书已于2026年4月13日以邮寄方式送达。"
    text = page.content.decode()
    assert "办理步骤" not in text
    # A third party's data written into a step is masked; no staff name or internal step shows.
    assert THIRD_PARTY_ID not in text and "330482********1237" in text
    result = text.split('id="track-result"', 1)[1]
    for staff in ("clerk", "reviewer", "head", "李经办", "审核", "分派", "起草"):
        assert staff not in result, staff
    assert page["Cache-Control"] == "no-store"


def test_the_applicant_downloads_their_letters_with_number_and_code(
    client: Client, answered: tuple[Application, str], submit: Any, people: Any
) -> None:
    app, code = answered
    page = client.post("/track/", {"number": app.number, "code": code})
    letters = {letter.label: letter.ref for letter in page.context["letters"]}
    assert set(letters) >= {"补正告知书", "延期答复告知书"} and any(
        r.startswith("r") for r in letters.values()
    )
    for ref in letters.values():
        got = Client().post("/track/letter/", {"number": app.number, "code": code, "letter": ref})
        assert got.status_code == 200 and got.content.startswith(b"%PDF"), ref
        assert got["Cache-Control"] == "no-store"
    reply_ref = next(r for r in letters.values() if r.startswith("r"))
    # Without the right code, or for another case's letter: nothing.
    assert (
        Client()
        .post("/track/letter/", {"number": app.number, "code": "WRONG234", "letter": reply_ref})
        .status_code
        == 404
    )
    assert Client().get("/track/letter/").status_code == 405
    # A letter addressed to a third party is never served, even with the right code.
    event = CaseEvent.objects.filter(application=app).first()
    assert event is not None
    to_third_party = CaseLetter.objects.create(
        application=app,
        kind="third_party_consultation",
        event=event,
        document_number="平科依申告〔2026〕99号",
        issued_on=date(2026, 3, 10),
    )
    third = f"c{to_third_party.pk}"
    assert third not in {
        letter.ref
        for letter in client.post("/track/", {"number": app.number, "code": code}).context["letters"]
    }
    assert (
        Client().post("/track/letter/", {"number": app.number, "code": code, "letter": third}).status_code
        == 404
    )
    # Another case's letter is not reached through this case's number and code.
    other = actions.do_request_correction(
        submit(), sent_on=date(2026, 3, 3), items="请写明年份", working_days=5, acting_user=people["clerk"]
    )
    foreign = CaseLetter.objects.get(application=other)
    assert (
        Client()
        .post("/track/letter/", {"number": app.number, "code": code, "letter": f"c{foreign.pk}"})
        .status_code
        == 404
    )


@override_settings(GONGKAI_SUBMIT_RATE=(100, 3600))
def test_letter_downloads_share_the_progress_forms_rate_limit(
    client: Client, agencies: Any, applicant: Any
) -> None:
    app, code = _filed(client, agencies, applicant)
    for _ in range(30):
        assert (
            client.post(
                "/track/letter/",
                {"number": app.number, "code": "WRONG234", "letter": "r1"},
                REMOTE_ADDR="10.0.0.9",
            ).status_code
            == 404
        )
    assert (
        client.post("/track/", {"number": app.number, "code": code}, REMOTE_ADDR="10.0.0.9").status_code
        == 429
    )
    assert (
        client.post(
            "/track/letter/", {"number": app.number, "code": code, "letter": "r1"}, REMOTE_ADDR="10.0.0.9"
        ).status_code
        == 429
    )

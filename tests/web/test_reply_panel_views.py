"""The reply panel's views keep each case's data to itself (issue 12 review).

Every view finds the case among those the user may see, and an attachment only among the case's
own, before it reads the posted form: a 404 otherwise, whatever is posted (a valid form or not),
as before the views shared one decorator. A request naming another case's attachment neither
changes that attachment nor shows anything of it; a case of an agency the user does not belong to
is a 404, and nothing is written.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from test_replies import DAY, OTHER_PERSON, draft_for

from gongkai.web.applications import actions as app_actions
from gongkai.web.applications.models import Application
from gongkai.web.audit.models import AuditEvent
from gongkai.web.replies import actions
from gongkai.web.replies.models import Delivery, ReplyAttachment

pytestmark = pytest.mark.django_db

REASON = "名单系申请人本人提交的材料"


def _case_with_attachment(
    submit: Any, clerk: Any, name: str, agency: Any = None
) -> tuple[Any, ReplyAttachment]:
    """A case drafted by ``clerk`` with one attachment named ``name`` whose scan found an ID number."""
    app = app_actions.do_assign_application(submit(agency=agency), clerk, acting_user=clerk)
    actions.do_save_reply_draft(app, draft_for("granted"), on=DAY, acting_user=clerk)
    upload = SimpleUploadedFile(name, OTHER_PERSON.encode("utf-8"), content_type="text/plain")
    attachment = actions.do_add_reply_attachment(app, upload, acting_user=clerk)
    assert attachment.unresolved
    return app, attachment


@pytest.fixture
def cases(submit: Any, people: Any, agencies: Any) -> dict[str, Any]:
    """Two cases of 科技局 (ours, other) and one of 财政局, each with an attachment of its own name."""
    ours, mine = _case_with_attachment(submit, people["clerk"], "甲案名单.txt")
    other, theirs = _case_with_attachment(submit, people["clerk"], "乙案名单.txt")
    finance, finances = _case_with_attachment(
        submit, people["finance_clerk"], "财政局名单.txt", agency=agencies["finance"]
    )
    return {
        "ours": ours,
        "mine": mine,
        "other": other,
        "theirs": theirs,
        "finance": finance,
        "finances": finances,
    }


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _url(name: str, app: Any, *ids: int) -> str:
    return str(reverse(f"replies:{name}", args=[app.pk, *ids]))


def _unchanged(attachment: ReplyAttachment) -> None:
    """``attachment`` as it was added: not justified, not replaced by a redacted copy."""
    row = ReplyAttachment.objects.get(pk=attachment.pk)
    assert (row.justification, row.justified_by_id, row.replaced_by_id) == ("", None, None)
    assert row.findings == attachment.findings


def test_the_reviewer_justifies_an_attachment_of_the_case_through_the_view(cases: Any, people: Any) -> None:
    """The control for the refusals below: the same request on the case's own attachment works."""
    response = _client(people["reviewer"]).post(
        _url("justify_attachment", cases["ours"], cases["mine"].pk), {"text": REASON}
    )
    assert response.status_code == 302
    row = ReplyAttachment.objects.get(pk=cases["mine"].pk)
    assert row.justification == REASON and row.justified_by == people["reviewer"]


@pytest.mark.parametrize("text", [REASON, ""])
def test_another_cases_attachment_is_a_404_and_is_neither_justified_nor_shown(
    cases: Any, people: Any, text: str
) -> None:
    audit_rows = AuditEvent.objects.count()
    url = _url("justify_attachment", cases["ours"], cases["theirs"].pk)
    response = _client(people["reviewer"]).post(url, {"text": text})
    assert response.status_code == 404
    body = response.content.decode()
    assert "乙案名单" not in body and cases["other"].number not in body
    _unchanged(cases["theirs"])
    assert AuditEvent.objects.count() == audit_rows


@pytest.mark.parametrize("text", [REASON, ""])
def test_an_attachment_that_does_not_exist_is_a_404(cases: Any, people: Any, text: str) -> None:
    missing = max(ReplyAttachment.objects.values_list("pk", flat=True)) + 100
    audit_rows = AuditEvent.objects.count()
    response = _client(people["reviewer"]).post(
        _url("justify_attachment", cases["ours"], missing), {"text": text}
    )
    assert response.status_code == 404
    assert AuditEvent.objects.count() == audit_rows


def test_another_cases_attachment_is_neither_redacted_nor_downloaded(cases: Any, people: Any) -> None:
    client = _client(people["clerk"])
    attachments, audit_rows = ReplyAttachment.objects.count(), AuditEvent.objects.count()
    assert client.post(_url("redact_attachment", cases["ours"], cases["theirs"].pk)).status_code == 404
    assert client.get(_url("attachment", cases["ours"], cases["theirs"].pk)).status_code == 404
    _unchanged(cases["theirs"])
    assert (ReplyAttachment.objects.count(), AuditEvent.objects.count()) == (attachments, audit_rows)
    # Through its own case the file is served (the 404s above are about the case, not the file).
    own = client.get(_url("attachment", cases["other"], cases["theirs"].pk))
    assert own.status_code == 200 and own.content == OTHER_PERSON.encode("utf-8")


def _posts(cases: Any) -> list[tuple[str, dict[str, Any]]]:
    """Every POST of the reply panel on 财政局's case, each with a valid and an invalid body."""
    finance, attachment = cases["finance"], cases["finances"].pk
    upload = SimpleUploadedFile("新名单.txt", OTHER_PERSON.encode("utf-8"), content_type="text/plain")
    delivery = {"method": "email", "delivered_on": "2026-03-21", "log": "2026-03-21 发送至 a@example.cn"}
    return [
        (_url("justify_attachment", finance, attachment), {"text": REASON}),
        (_url("justify_attachment", finance, attachment), {"text": ""}),
        (_url("redact_attachment", finance, attachment), {}),
        (_url("add_attachment", finance), {"file": upload}),
        (_url("add_attachment", finance), {}),
        (_url("delivery", finance), delivery),
        (_url("delivery", finance), {"method": "email"}),
        (_url("save", finance), {"outcome": "granted"}),
        (_url("submit", finance), {}),
        (_url("approve", finance), {}),
        (_url("return", finance), {"comment": "x"}),
        (_url("issue", finance), {"issued_on": date(2026, 3, 20).isoformat()}),
    ]


@pytest.mark.parametrize("who", ["clerk", "reviewer", "head"])
def test_a_case_of_another_agency_is_a_404_before_its_form_is_read(cases: Any, people: Any, who: str) -> None:
    client = _client(people[who])
    counts = (AuditEvent.objects.count(), ReplyAttachment.objects.count(), Delivery.objects.count())
    for url, data in _posts(cases):
        assert client.post(url, data).status_code == 404, (url, data)
    assert client.get(_url("attachment", cases["finance"], cases["finances"].pk)).status_code == 404
    assert (AuditEvent.objects.count(), ReplyAttachment.objects.count(), Delivery.objects.count()) == counts
    _unchanged(cases["finances"])
    assert Application.objects.get(pk=cases["finance"].pk).status == "reply_drafted"


def test_without_login_nothing_is_read_or_written(cases: Any) -> None:
    client = Client()
    counts = (AuditEvent.objects.count(), ReplyAttachment.objects.count())
    for url, data in _posts(cases):
        response = client.post(url, data)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login")), url
    assert (AuditEvent.objects.count(), ReplyAttachment.objects.count()) == counts
    _unchanged(cases["finances"])


def test_the_form_taking_views_accept_only_post(cases: Any, people: Any) -> None:
    client = _client(people["reviewer"])
    ours, mine = cases["ours"], cases["mine"].pk
    for url in (
        _url("justify_attachment", ours, mine),
        _url("add_attachment", ours),
        _url("delivery", ours),
        _url("redact_attachment", ours, mine),
    ):
        assert client.get(url).status_code == 405, url
    _unchanged(cases["mine"])

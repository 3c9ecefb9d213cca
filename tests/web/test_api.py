"""The REST API (gongkai.web.api): permissions as on the web, token clients within their scope,
masking, pagination and filters, submission through the action, workflow refusals as 409, and
JSON errors in Chinese for bad input."""

from __future__ import annotations

import hashlib
import io
import json
from datetime import date, datetime
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone
from rest_framework.test import APIClient

from gongkai.web.api import actions as token_actions
from gongkai.web.api.models import ApiToken
from gongkai.web.applications.models import Application
from gongkai.web.audit.models import AuditEvent
from gongkai.workflow.outcomes import OUTCOMES
from proceduretesting import request_correction
from webtesting import set_today

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 20)
LIST = "/api/applications/"


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch: Any) -> None:
    set_today(monkeypatch, TODAY)


def _session(user: Any) -> APIClient:
    client = APIClient()
    client.force_login(user)
    return client


def _token(agency: Any, **scope: bool) -> tuple[APIClient, ApiToken]:
    issued = token_actions.do_create_api_token(
        agency,
        name="省政务服务平台",
        may_submit=scope.get("may_submit", True),
        may_read=scope.get("may_read", True),
        acting_user=None,
    )
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {issued.key}")
    return client, issued.token


def _ids(response: Any) -> set[int]:
    return {row["id"] for row in response.json()["results"]}


def _body(agency: Any, applicant: dict[str, str], **extra: Any) -> dict[str, Any]:
    return {**applicant, "agency": agency.pk, **extra}


# -- who sees what ------------------------------------------------------------------------------


def test_anonymous_gets_401_in_chinese(submit: Any) -> None:
    app = submit()
    client = APIClient()
    for response in (client.get(LIST), client.get(f"{LIST}{app.pk}/"), client.post(LIST, {}, format="json")):
        assert response.status_code == 401
        assert response.json() == {"detail": "请先登录或提供接口令牌。"}
    assert client.get("/api/outcomes/").status_code == 401


def test_list_has_the_web_queues_visibility_and_masks_names(submit: Any, people: Any, agencies: Any) -> None:
    science = submit()
    finance = submit(agency=agencies["finance"], name="李四")
    other = submit(agency=agencies["outside"], name="王五")
    assert _ids(_session(people["clerk"]).get(LIST)) == {science.pk}
    assert _ids(_session(people["finance_clerk"]).get(LIST)) == {finance.pk}
    assert _ids(_session(people["supervisor"]).get(LIST)) == {science.pk, finance.pk}
    assert _ids(_session(people["outsider"]).get(LIST)) == {other.pk}
    rows = _session(people["clerk"]).get(LIST).json()["results"]
    # Masked in lists even for the handling clerk, as in the web queue.
    assert rows[0]["applicant_name"] == "张*"
    assert "110101199001011237" not in json.dumps(rows, ensure_ascii=False)


def test_detail_unmasked_only_for_the_agencys_own_staff(submit: Any, people: Any) -> None:
    app = submit()
    own = _session(people["reviewer"]).get(f"{LIST}{app.pk}/").json()
    assert own["personal_data_masked"] is False
    assert own["applicant"]["id_number"] == "110101199001011237"
    assert own["applicant"]["phone"] == "13812345678"
    sup = _session(people["supervisor"]).get(f"{LIST}{app.pk}/").json()
    assert sup["personal_data_masked"] is True
    assert sup["applicant"]["id_number"] == "110101********1237"
    assert sup["applicant"]["phone"] == "138****5678"
    assert sup["applicant"]["address"] == "（已隐藏）"
    assert sup["applicant_name"] == "张*"


def test_other_agency_gets_404_not_403(submit: Any, people: Any) -> None:
    app = submit()
    for user in ("finance_clerk", "outsider"):
        client = _session(people[user])
        for suffix in ("", "events/", "outcome/", "letters/"):
            response = client.get(f"{LIST}{app.pk}/{suffix}")
            assert response.status_code == 404, (user, suffix)
            assert response.json() == {"detail": "未找到。"}
        assert client.post(f"{LIST}{app.pk}/assign/", {"assignee": people["clerk"].pk}).status_code == 404


def test_supervisor_and_reviewer_may_read_but_not_handle(submit: Any, people: Any) -> None:
    app = submit()
    for user in ("supervisor", "reviewer"):
        client = _session(people[user])
        assert client.get(f"{LIST}{app.pk}/events/").status_code == 200
        response = client.post(f"{LIST}{app.pk}/assign/", {"assignee": people["clerk"].pk}, format="json")
        assert response.status_code == 403, user
        assert response.json() == {"detail": "没有权限执行该操作。"}
    assert Application.objects.get(pk=app.pk).assignee is None


# -- case actions -----------------------------------------------------------------------------


def test_clerk_assigns_then_the_workflow_refuses_what_the_state_does_not_allow(
    submit: Any, people: Any
) -> None:
    app = submit()
    clerk = _session(people["clerk"])
    response = clerk.post(f"{LIST}{app.pk}/assign/", {"assignee": people["clerk2"].pk}, format="json")
    assert response.status_code == 200
    assert (response.json()["status"], response.json()["assignee"]) == ("in_progress", "clerk2")
    assert AuditEvent.objects.filter(action="application.assign", object_id=str(app.pk)).count() == 1
    # Not pending: approving an extension conflicts with the case's state.
    head = _session(people["head"])
    conflict = head.post(f"{LIST}{app.pk}/approve-extension/", {"approved_on": "2026-03-23"}, format="json")
    assert conflict.status_code == 409
    assert "不能执行该操作" in conflict.json()["detail"]
    # The legal path: the clerk asks, the head approves (条例 第三十三条第二款).
    asked = clerk.post(f"{LIST}{app.pk}/request-extension/", {"reason": "涉及档案检索"}, format="json")
    assert asked.json()["status"] == "extension_pending"
    assert (
        clerk.post(
            f"{LIST}{app.pk}/approve-extension/", {"approved_on": "2026-03-23"}, format="json"
        ).status_code
        == 403
    )
    approved = head.post(f"{LIST}{app.pk}/approve-extension/", {"approved_on": "2026-03-23"}, format="json")
    assert approved.status_code == 200
    assert (approved.json()["status"], approved.json()["due_on"]) == ("in_progress", "2026-04-28")
    again = clerk.post(f"{LIST}{app.pk}/request-extension/", {"reason": "再次延期"}, format="json")
    assert again.status_code == 409
    assert again.json() == {"detail": "本申请已延长过答复期限。"}


def test_assign_only_to_a_clerk_of_the_agency(submit: Any, people: Any) -> None:
    app = submit()
    response = _session(people["clerk"]).post(
        f"{LIST}{app.pk}/assign/", {"assignee": people["finance_clerk"].pk}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["errors"] == {"assignee": ["只能分派给本机关的经办人。"]}


def test_correction_and_consultation_run_the_actions(submit: Any, people: Any) -> None:
    app = submit()
    clerk = _session(people["clerk"])
    clerk.post(f"{LIST}{app.pk}/assign/", {"assignee": people["clerk"].pk}, format="json")
    bad = clerk.post(
        f"{LIST}{app.pk}/request-correction/",
        {"sent_on": "2026-03-03", "items": "x", "working_days": 0},
        format="json",
    )
    assert bad.status_code == 400 and "working_days" in bad.json()["errors"]
    sent = clerk.post(
        f"{LIST}{app.pk}/request-correction/",
        {"sent_on": "2026-03-03", "items": "请写明项目名称", "working_days": 10},
        format="json",
    )
    assert sent.status_code == 200 and sent.json()["status"] == "awaiting_correction"
    twice = clerk.post(
        f"{LIST}{app.pk}/request-correction/",
        {"sent_on": "2026-03-04", "items": "再补", "working_days": 10},
        format="json",
    )
    assert twice.status_code == 409
    got = clerk.post(f"{LIST}{app.pk}/receive-correction/", {"received_on": "2026-03-05"}, format="json")
    assert got.json()["status"] == "in_progress"
    started = clerk.post(
        f"{LIST}{app.pk}/start-consultation/",
        {"kind": "other_agency", "sent_on": "2026-03-06", "note": "征求市档案馆意见"},
        format="json",
    )
    assert started.status_code == 200 and started.json()["status"] == "consulting_agency"
    ended = clerk.post(f"{LIST}{app.pk}/end-consultation/", {"ended_on": "2026-03-10"}, format="json")
    assert ended.json()["status"] == "in_progress"
    events = clerk.get(f"{LIST}{app.pk}/events/").json()
    assert [e["kind"] for e in events] == [
        "correction_requested",
        "correction_received",
        "consultation_started",
    ]
    assert events[-1]["until"] == "2026-03-10" and events[-1]["by"] == "clerk"


def test_a_lapse_and_article_35_through_the_api(submit: Any, people: Any, monkeypatch: Any) -> None:
    """Issue 16: the API's twins of the case page's buttons. 条例 第三十条 -- the clerk decides a
    lapse (the reviewer may not); 第三十五条 -- the request, the answer, the later date."""
    from gongkai.web import clock

    monkeypatch.setattr(clock, "now", lambda: timezone.make_aware(datetime(2026, 3, 11, 10)))
    clerk, reviewer = _session(people["clerk"]), _session(people["reviewer"])
    app = submit(received=date(2026, 3, 2))
    clerk.post(f"{LIST}{app.pk}/assign/", {"assignee": people["clerk"].pk}, format="json")
    clerk.post(
        f"{LIST}{app.pk}/request-correction/",
        {"sent_on": "2026-03-02", "items": "请写明项目名称", "working_days": 5},
        format="json",
    )  # to 9 March
    referred = clerk.post(f"{LIST}{app.pk}/refer-lapse/", {}, format="json")
    assert referred.status_code == 200 and referred.json()["status"] == "correction_lapse_pending"
    confirm = {"decided_on": "2026-03-11", "finding": "未说明理由", "reconsideration_body": "平湖市人民政府"}
    assert reviewer.post(f"{LIST}{app.pk}/confirm-lapse/", confirm, format="json").status_code == 403
    excused = clerk.post(
        f"{LIST}{app.pk}/record-good-cause/",
        {"decided_on": "2026-03-11", "statement": "申请人来电申请延期", "working_days": 5},
        format="json",
    )
    assert excused.status_code == 200 and excused.json()["status"] == "awaiting_correction"
    assert excused.json()["due_on"] == "2026-03-18"

    other = submit(received=date(2026, 3, 2))  # reply due 30 March
    clerk.post(f"{LIST}{other.pk}/assign/", {"assignee": people["clerk"].pk}, format="json")
    asked = clerk.post(
        f"{LIST}{other.pk}/request-reasons/",
        {"sent_on": "2026-03-03", "facts": "一个月内申请86件", "working_days": 5},
        format="json",
    )
    assert asked.status_code == 200
    clerk.post(
        f"{LIST}{other.pk}/record-reasons-answer/",
        {"answered_on": "2026-03-09", "answer": "学术研究", "finding": "reasonable"},
        format="json",
    )
    early = {"decided_on": "2026-03-10", "later_date": "2026-03-27"}
    assert clerk.post(f"{LIST}{other.pk}/set-later-date/", early, format="json").status_code == 409
    later = clerk.post(
        f"{LIST}{other.pk}/set-later-date/",
        {"decided_on": "2026-03-10", "later_date": "2026-05-29"},
        format="json",
    )
    assert later.status_code == 200 and later.json()["due_on"] == "2026-05-29"
    kinds = [e["kind"] for e in clerk.get(f"{LIST}{other.pk}/events/").json()]
    assert kinds == ["reasons_requested", "reasons_answered", "later_date_set"]


# -- tokens -------------------------------------------------------------------------------------


def test_token_reads_its_agency_subtree_masked_and_handles_nothing(
    submit: Any, people: Any, agencies: Any
) -> None:
    science, finance = submit(), submit(agency=agencies["finance"])
    other = submit(agency=agencies["outside"])
    client, token = _token(agencies["office"])
    assert _ids(client.get(LIST)) == {science.pk, finance.pk}
    detail = client.get(f"{LIST}{science.pk}/").json()
    assert detail["personal_data_masked"] is True and detail["applicant"]["id_number"] == "110101********1237"
    assert client.get(f"{LIST}{other.pk}/").status_code == 404
    refused = client.post(f"{LIST}{science.pk}/assign/", {"assignee": people["clerk"].pk}, format="json")
    assert refused.status_code == 403 and refused.json() == {"detail": "系统令牌不能办理案件。"}
    token.refresh_from_db()
    assert token.last_used_at is not None
    # A token of one agency reads nothing of its sibling.
    sibling, _ = _token(agencies["science"])
    assert _ids(sibling.get(LIST)) == {science.pk}
    assert sibling.get(f"{LIST}{finance.pk}/").status_code == 404


def test_token_submission_is_numbered_audited_and_received_online(agencies: Any, applicant: Any) -> None:
    client, _ = _token(agencies["office"])
    response = client.post(LIST, _body(agencies["science"], applicant), format="json")
    assert response.status_code == 201, response.json()
    out = response.json()
    app = Application.objects.get(pk=out["id"])
    assert out["number"] == app.number and app.number.startswith("平科")
    assert len(out["query_code"]) >= 6
    assert (app.channel, app.received_on, app.registered_by) == ("online", TODAY, None)
    audit = AuditEvent.objects.get(action="application.submit", object_id=str(app.pk))
    assert audit.actor is None and "经省政务服务平台" in audit.actor_label


def test_token_scope_and_agency_are_enforced(agencies: Any, applicant: Any) -> None:
    reader, _ = _token(agencies["office"], may_submit=False)
    refused = reader.post(LIST, _body(agencies["science"], applicant), format="json")
    assert refused.status_code == 403
    submitter, _ = _token(agencies["science"], may_read=False)
    assert submitter.get(LIST).json()["results"] == []
    wrong_agency = submitter.post(LIST, _body(agencies["finance"], applicant), format="json")
    assert wrong_agency.status_code == 400 and "agency" in wrong_agency.json()["errors"]
    invalid = submitter.post(
        LIST, _body(agencies["science"], applicant, id_number="110101199001011238"), format="json"
    )
    assert invalid.status_code == 400
    assert "校验码" in invalid.json()["errors"]["id_number"][0] and "校验码" in invalid.json()["detail"]
    assert not Application.objects.exists()


def test_revoked_or_wrong_token_is_401(agencies: Any, people: Any) -> None:
    client, token = _token(agencies["science"])
    assert client.get(LIST).status_code == 200
    token_actions.do_revoke_api_token(token, acting_user=people["admin"])
    response = client.get(LIST)
    assert response.status_code == 401 and response.json() == {"detail": "令牌已被吊销。"}
    assert AuditEvent.objects.filter(action="api.token_revoked").count() == 1
    for header in ("Bearer gk_nope_nope", "Bearer garbage", f"Bearer gk_{token.prefix}_wrong", "Bearer a b"):
        forged = APIClient()
        forged.credentials(HTTP_AUTHORIZATION=header)
        assert forged.get(LIST).status_code == 401, header


def test_only_the_hash_is_stored_and_the_command_shows_the_token_once(agencies: Any) -> None:
    out = io.StringIO()
    call_command(
        "create_api_token", "--agency", "平湖市科学技术局", "--name", "省平台", "--read-only", stdout=out
    )
    key = out.getvalue().strip().splitlines()[-1]
    token = ApiToken.objects.get()
    assert key.startswith(f"gk_{token.prefix}_") and key not in json.dumps(
        list(ApiToken.objects.values()), default=str
    )
    assert token.key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert (token.may_read, token.may_submit, token.account.has_usable_password()) == (True, False, False)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    assert client.get(LIST).status_code == 200
    call_command("revoke_api_token", token.prefix, stdout=io.StringIO())
    assert client.get(LIST).status_code == 401


# -- staff submission, pagination, filters --------------------------------------------------------


def test_staff_submission_records_the_channel_and_date_of_receipt(
    people: Any, agencies: Any, applicant: Any
) -> None:
    clerk = _session(people["clerk"])
    missing = clerk.post(
        LIST, _body(agencies["science"], applicant, channel="email", arrived_on="2026-03-16"), format="json"
    )
    assert missing.status_code == 400 and "confirmed_on" in missing.json()["errors"]
    response = clerk.post(
        LIST,
        _body(
            agencies["science"],
            applicant,
            channel="post_signed",
            arrived_on="2026-03-16",
            confirmed_on="2026-03-17",
        ),
        format="json",
    )
    assert response.status_code == 201
    app = Application.objects.get(pk=response.json()["id"])
    assert (app.channel, app.received_on, app.registered_by) == (
        "post_signed",
        date(2026, 3, 17),
        people["clerk"],
    )
    # A supervisor handles no cases: nothing to register in.
    assert (
        _session(people["supervisor"])
        .post(LIST, _body(agencies["science"], applicant), format="json")
        .status_code
        == 403
    )


def test_pagination_is_ordered_and_bounded(submit: Any, people: Any) -> None:
    apps = [submit() for _ in range(5)]
    client = _session(people["clerk"])
    first = client.get(LIST, {"page_size": 2}).json()
    assert first["count"] == 5 and [r["id"] for r in first["results"]] == [a.pk for a in apps[:2]]
    second = client.get(first["next"]).json()
    assert [r["id"] for r in second["results"]] == [a.pk for a in apps[2:4]]
    newest = client.get(LIST, {"page_size": 2, "ordering": "-id"}).json()
    assert newest["results"][0]["id"] == apps[-1].pk
    for bad in ({"page": "99"}, {"page": "0"}, {"page": "x"}, {"page": "9" * 40}):
        response = client.get(LIST, bad)
        assert response.status_code == 404 and response.json() == {"detail": "页码无效。"}
    assert len(client.get(LIST, {"page_size": "100000"}).json()["results"]) == 5


def test_filters(submit: Any, people: Any, agencies: Any, monkeypatch: Any) -> None:
    old = submit(received=date(2026, 3, 2))  # due 2026-03-30: overdue by 2026-04-01
    new = submit(received=date(2026, 3, 19), description="城市规划图纸")
    sup = _session(people["supervisor"])
    fin = submit(agency=agencies["finance"], received=date(2026, 3, 19))

    def ids(**params: Any) -> set[int]:
        response = sup.get(LIST, params)
        assert response.status_code == 200, response.json()
        return _ids(response)

    assert ids(agency=agencies["finance"].pk) == {fin.pk}
    assert ids(q="规划") == {new.pk}
    assert ids(q=new.number) == {new.pk}
    assert ids(year=2026) == {old.pk, new.pk, fin.pk} and ids(year=2025) == set()
    assert ids(status="received") == {old.pk, new.pk, fin.pk} and ids(status="closed") == set()
    assert ids(overdue="true") == set()
    from gongkai.web import clock as views

    monkeypatch.setattr(views, "now", lambda: timezone.make_aware(datetime(2026, 4, 1, 10)))
    assert ids(overdue="true") == {old.pk}
    assert ids(overdue="false") == {new.pk, fin.pk}


def test_a_case_waiting_for_correction_is_not_overdue(submit: Any, people: Any, monkeypatch: Any) -> None:
    """The applicant is late, not the agency: the flag and the filter agree with the work queue's
    and the reminders' reading (ApplicationQuerySet.overdue), whose reply clock has not started."""
    from gongkai.web import clock

    late = submit(received=date(2026, 3, 2))  # due 2026-03-30
    waiting = submit(received=date(2026, 3, 2))
    request_correction(waiting, people["clerk"], sent_on=date(2026, 3, 3))
    waiting.refresh_from_db()
    assert waiting.status == "awaiting_correction" and waiting.due_on is not None
    monkeypatch.setattr(clock, "now", lambda: timezone.make_aware(datetime(2026, 4, 1, 10)))
    assert waiting.due_on < clock.today()  # its correction period has passed
    sup = _session(people["supervisor"])
    flags = {row["id"]: row["overdue"] for row in sup.get(LIST).json()["results"]}
    assert flags == {late.pk: True, waiting.pk: False}
    assert _ids(sup.get(LIST, {"overdue": "true"})) == {late.pk}
    assert _ids(sup.get(LIST, {"overdue": "false"})) == {waiting.pk}
    assert sup.get(f"{LIST}{waiting.pk}/").json()["overdue"] is False
    assert set(Application.objects.correction_lapsed(clock.today()).values_list("pk", flat=True)) == {
        waiting.pk
    }


@pytest.mark.parametrize(
    "params",
    [
        {"status": "nope"},
        {"year": "abc"},
        {"agency": "9" * 30},
        {"q": "a\x00b"},
        {"overdue": "maybe"},
        {"q": "x" * 101},
    ],
)
def test_bad_filters_are_400_in_chinese(people: Any, params: dict[str, str]) -> None:
    response = _session(people["clerk"]).get(LIST, params)
    assert response.status_code == 400
    assert response.json()["detail"].startswith("提交的内容有误")


def test_malformed_requests_never_500(submit: Any, people: Any) -> None:
    app = submit()
    clerk = _session(people["clerk"])
    broken = clerk.generic("POST", f"{LIST}{app.pk}/assign/", "{not json", content_type="application/json")
    assert broken.status_code == 400 and broken.json() == {"detail": "请求体不是有效的 JSON。"}
    wrong_type = clerk.post(f"{LIST}{app.pk}/assign/", {"assignee": ["x"]}, format="json")
    assert wrong_type.status_code == 400
    huge = clerk.post(f"{LIST}{app.pk}/assign/", {"assignee": 10**40}, format="json")
    assert huge.status_code == 400
    nul = clerk.post(f"{LIST}{app.pk}/request-extension/", {"reason": "a\u0000b"}, format="json")
    assert nul.status_code == 400
    for pk in ("9" * 30, "-1", "0"):
        assert clerk.get(f"{LIST}{pk}/").status_code == 404
    form = clerk.post(f"{LIST}{app.pk}/assign/", {"assignee": "1"})  # multipart, not JSON
    assert form.status_code == 415 and "JSON" in form.json()["detail"]
    not_a_dict = clerk.post(f"{LIST}{app.pk}/request-extension/", [1, 2], format="json")
    assert not_a_dict.status_code == 400
    extra = clerk.post(
        f"{LIST}{app.pk}/request-extension/", {"reason": "档案检索", "unknown": 1}, format="json"
    )
    assert extra.status_code == 409  # unknown fields ignored; a new case cannot be extended yet


# -- outcomes, letters, the document --------------------------------------------------------------


def test_outcome_catalogue_and_a_cases_outcome(submit: Any, people: Any) -> None:
    client = _session(people["clerk"])
    catalogue = client.get("/api/outcomes/").json()
    assert [o["key"] for o in catalogue] == list(OUTCOMES)
    granted = catalogue[0]
    assert granted["group"] == "granted" and granted["label"]
    assert any(g["article"] for o in catalogue for g in o["grounds"])
    assert {e["key"] for e in granted["common_letter_elements"]} >= {"document_number", "remedies"}
    app = submit()
    assert client.get(f"{LIST}{app.pk}/outcome/").json() == {
        "decided": False,
        "resolution": None,
        "label": None,
        "group": None,
        "ground": None,
        "closed_on": None,
        "withheld": [],
    }


def test_letters_are_listed_and_downloaded_by_the_agencys_staff_only(
    submit: Any, people: Any, agencies: Any
) -> None:
    from gongkai.web.replies.models import IssuedLetter

    app = submit()
    docx, pdf = b"PK\x03\x04 letter", b"%PDF-1.7 letter"
    letter = IssuedLetter.objects.create(
        application=app,
        kind="reply",
        kind_label="政府信息公开申请答复书",
        document_number="平科依公开〔2026〕1号",
        issued_on=date(2026, 3, 20),
        issued_by=people["clerk"],
        text="答复",
        docx=docx,
        pdf=pdf,
        docx_sha256=hashlib.sha256(docx).hexdigest(),
        pdf_sha256=hashlib.sha256(pdf).hexdigest(),
    )
    clerk = _session(people["clerk"])
    listed = clerk.get(f"{LIST}{app.pk}/letters/").json()
    assert [(x["id"], x["document_number"], x["downloadable"]) for x in listed] == [
        (letter.pk, "平科依公开〔2026〕1号", True)
    ]
    got = clerk.get(f"{LIST}{app.pk}/letters/{letter.pk}/pdf")
    assert got.status_code == 200 and got.content == pdf and got["Content-Type"] == "application/pdf"
    assert (
        hashlib.sha256(clerk.get(f"{LIST}{app.pk}/letters/{letter.pk}/docx").content).hexdigest()
        == listed[0]["docx_sha256"]
    )
    assert clerk.get(f"{LIST}{app.pk}/letters/{letter.pk + 1}/pdf").status_code == 404
    sup = _session(people["supervisor"])
    assert sup.get(f"{LIST}{app.pk}/letters/").json()[0]["downloadable"] is False
    assert sup.get(f"{LIST}{app.pk}/letters/{letter.pk}/pdf").status_code == 403
    token, _ = _token(agencies["science"])
    assert token.get(f"{LIST}{app.pk}/letters/{letter.pk}/docx").status_code == 403


def test_openapi_document_is_served_with_chinese_descriptions() -> None:
    response = APIClient().get("/api/openapi.json")
    assert response.status_code == 200
    doc = response.json()
    assert doc["openapi"].startswith("3.")
    assert "依申请公开" in doc["info"]["title"]
    assert {"/api/applications/", "/api/outcomes/", "/api/applications/{id}/letters/"} <= set(doc["paths"])
    assert doc["paths"]["/api/applications/"]["post"]["summary"] == "提交申请"
    assert {"token", "session"} <= set(doc["components"]["securitySchemes"])


def test_session_posts_need_the_csrf_token_as_the_web_forms_do(submit: Any, people: Any) -> None:
    app = submit()
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(people["clerk"])
    url = f"{LIST}{app.pk}/assign/"
    refused = client.post(url, {"assignee": people["clerk"].pk}, format="json")
    assert refused.status_code == 403 and "CSRF" in refused.json()["detail"]
    secret = "A" * 32
    client.cookies["csrftoken"] = secret
    done = client.post(url, {"assignee": people["clerk"].pk}, format="json", HTTP_X_CSRFTOKEN=secret)
    assert done.status_code == 200
    # A token client sends no cookie and needs no CSRF token.
    token, _ = _token(people["clerk"].memberships.get().agency)
    assert token.get(f"{LIST}{app.pk}/").status_code == 200

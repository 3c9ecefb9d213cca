"""Issue 17, point 4: reloading the receipt page must not file the application again.

The forms use POST/redirect/GET and a one-time submission key: a second POST with the same key
shows the first receipt and never takes a new number -- also when both POSTs arrive at once.
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime
from typing import Any

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.utils import timezone

from gongkai.web.applications import submission_keys
from gongkai.web.applications.models import Application, SubmissionKey
from webtesting import set_today

TODAY = date(2026, 3, 20)


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch: Any, fresh_cache: None) -> None:
    set_today(monkeypatch, TODAY)


def _key_on(page: str) -> str:
    found = re.search(r'name="submission_key" value="([^"]+)"', page)
    assert found, "the form carries its one-time key"
    return found.group(1)


def _public_form(client: Client, agencies: Any, applicant: dict[str, str]) -> dict[str, Any]:
    key = _key_on(client.get("/apply/").content.decode())
    return {**applicant, "agency": agencies["science"].pk, "submission_key": key}


@pytest.mark.django_db
def test_the_public_form_redirects_to_its_receipt_and_a_reload_files_nothing(
    client: Client, agencies: Any, applicant: Any
) -> None:
    data = _public_form(client, agencies, applicant)
    first = client.post("/apply/", data)
    assert first.status_code == 302
    receipt_url = first["Location"]
    assert receipt_url.startswith("/apply/received/")
    app = Application.objects.get()
    page = client.get(receipt_url)
    text = page.content.decode()
    assert app.number in text and page.context["code"] in text
    assert page["Cache-Control"] == "no-store"
    # Reloading the receipt (GET) shows it again.
    assert app.number in client.get(receipt_url).content.decode()
    # Posting the same form again (the browser's "resend", the back button) shows the first receipt.
    again = client.post("/apply/", data)
    assert (again.status_code, again["Location"]) == (302, receipt_url)
    assert Application.objects.count() == 1
    # The code shown again still opens the case on the progress page.
    found = client.post("/track/", {"number": app.number, "code": page.context["code"]})
    assert found.context["app"] == app


@pytest.mark.django_db
def test_a_forged_or_missing_key_files_nothing_and_the_form_keeps_the_input(
    client: Client, agencies: Any, applicant: Any
) -> None:
    for key in ("", "made-up-key", submission_keys.new_key() + "x"):
        page = client.post("/apply/", {**applicant, "agency": agencies["science"].pk, "submission_key": key})
        assert page.status_code == 200
        assert "已过期或无效" in page.content.decode()
        assert applicant["description"] in page.content.decode()
        fresh = _key_on(page.content.decode())
        assert fresh != key and submission_keys.valid(fresh)
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_an_unknown_receipt_key_is_not_found(client: Client) -> None:
    assert client.get(f"/apply/received/{submission_keys.new_key()}/").status_code == 404
    assert client.get("/apply/received/nothing/").status_code == 404


@pytest.mark.django_db
def test_the_query_code_is_stored_sealed(client: Client, agencies: Any, applicant: Any) -> None:
    data = _public_form(client, agencies, applicant)
    page = client.post("/apply/", data, follow=True)
    stored = SubmissionKey.objects.get()
    assert page.context["code"] not in stored.sealed_code
    assert data["submission_key"] not in stored.key_hash
    assert submission_keys.unseal(data["submission_key"], stored.sealed_code) == page.context["code"]


@pytest.mark.django_db
def test_the_staff_intake_form_files_once(client: Client, agencies: Any, people: Any, applicant: Any) -> None:
    client.force_login(people["clerk"])
    key = _key_on(client.get("/work/register/").content.decode())
    data = {
        **applicant,
        "agency": agencies["science"].pk,
        "channel": "in_person",
        "arrived_on": "2026-03-02",
        "submission_key": key,
    }
    first = client.post("/work/register/", data, follow=True)
    app = Application.objects.get()
    assert first.redirect_chain[-1][0] == f"/work/cases/{app.pk}/"
    again = client.post("/work/register/", data, follow=True)
    assert again.redirect_chain[-1][0] == f"/work/cases/{app.pk}/"
    assert Application.objects.count() == 1
    shown = [str(m) for m in again.context["messages"]]
    assert any("已提交过" in m and app.number in m for m in shown)


def _post_once(data: dict[str, Any]) -> tuple[int, str]:
    try:
        response = Client().post("/apply/", data)
        return response.status_code, response.get("Location", "")
    finally:
        connection.close()  # each worker thread has its own connection


@pytest.mark.django_db(transaction=True)
@override_settings(GONGKAI_SUBMIT_RATE=(100, 3600))
def test_concurrent_double_submit_files_once(agencies: Any, applicant: Any) -> None:
    data = {**applicant, "agency": agencies["science"].pk, "submission_key": submission_keys.new_key()}
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(_post_once, [data] * 4))
    assert {status for status, _ in results} == {302}
    assert len({location for _, location in results}) == 1
    assert Application.objects.count() == 1
    assert SubmissionKey.objects.get().application == Application.objects.get()


def _register_once(agency_pk: int, data: dict[str, str], key: str) -> tuple[str, str]:
    from gongkai.web.accounts.models import Agency
    from gongkai.web.applications import actions

    try:
        at = timezone.make_aware(datetime(2026, 3, 2, 10))
        agency = Agency.objects.get(pk=agency_pk)
        try:
            done = actions.do_submit_application(
                agency, dict(data), channel="online", submitted_at=at, submission_key=key
            )
        except actions.AlreadySubmitted as again:
            return again.application.number, again.query_code
        return done.application.number, done.query_code
    finally:
        connection.close()


@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_with_one_key_take_one_number(agencies: Any, applicant: Any) -> None:
    key = submission_keys.new_key()
    pk = agencies["science"].pk
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(_register_once, [pk] * 6, [applicant] * 6, [key] * 6))
    assert len(set(results)) == 1  # the same number and the same query code for every caller
    assert Application.objects.count() == 1


@pytest.mark.django_db
def test_back_to_the_filled_form_and_submitted_again_files_once(
    client: Client, agencies: Any, applicant: Any, people: Any
) -> None:
    # Going back re-fetches the form (a fresh key) and the browser restores the fields.
    first = client.post("/apply/", _public_form(client, agencies, applicant))
    again = client.post("/apply/", _public_form(client, agencies, applicant))
    assert again["Location"] == first["Location"]
    assert Application.objects.count() == 1
    # Another form (other content) from the same browser is a new application; so is the same
    # content from another browser (someone else may ask for the same information).
    other = client.post("/apply/", _public_form(client, agencies, {**applicant, "description": "另一项信息"}))
    assert other["Location"] != first["Location"]
    Client().post("/apply/", _public_form(Client(), agencies, applicant))
    assert Application.objects.count() == 3
    # The staff form likewise.
    client.force_login(people["clerk"])
    staff = {
        **applicant,
        "agency": agencies["science"].pk,
        "channel": "in_person",
        "arrived_on": "2026-03-02",
    }
    for _ in range(2):
        key = _key_on(client.get("/work/register/").content.decode())
        client.post("/work/register/", {**staff, "submission_key": key})
    assert Application.objects.count() == 4

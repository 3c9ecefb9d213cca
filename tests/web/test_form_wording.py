"""Issue 17 point 13: the small things a user reads in forms and on the case page."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from typing import Any

import pytest
from django.test import Client

from gongkai.web.annual.display import table2_rows
from gongkai.web.applications import numbering
from gongkai.web.replies.forms import ReplyForm
from webtesting import set_today

pytestmark = pytest.mark.django_db


def test_selects_say_please_choose_and_the_phone_is_a_tel_field(client: Client, agencies: Any) -> None:
    page = client.get("/apply/").content.decode()
    assert "---------" not in page
    assert page.count('<option value="" selected>请选择</option>') >= 3  # agency, applicant type, id type ...
    assert re.search(r'<input type="tel" name="phone"[^>]*autocomplete="tel"', page)


def test_staff_intake_selects_too(client: Client, people: Any) -> None:
    client.force_login(people["clerk"])
    page = client.get("/work/register/").content.decode()
    assert "---------" not in page and "请选择" in page
    assert '<input type="tel" name="phone"' in page


def test_an_overdue_case_says_how_many_working_days_it_is_late(
    client: Client, people: Any, submit: Any, monkeypatch: Any
) -> None:
    app = submit(received=date(2026, 3, 2))  # due 2026-03-30 (20 working days)
    set_today(monkeypatch, date(2026, 4, 8))  # 31 Mar, 1-3 Apr (4 Apr: 清明 holiday period), 7, 8 Apr
    client.force_login(people["clerk"])
    page = client.get(f"/work/cases/{app.pk}/").content.decode()
    left = re.search(r'<dd id="days-left">(.*?)</dd>', page, re.S)
    assert left is not None
    assert re.fullmatch(r'<span class="badge overdue">已逾期 \d+ 个工作日</span>', left.group(1))
    assert "-" not in left.group(1) and "剩余工作日" not in page


def test_a_case_in_time_shows_the_working_days_left(
    client: Client, people: Any, submit: Any, monkeypatch: Any
) -> None:
    app = submit(received=date(2026, 3, 2))
    set_today(monkeypatch, date(2026, 3, 23))
    client.force_login(people["clerk"])
    page = client.get(f"/work/cases/{app.pk}/").content.decode()
    assert '<dt>剩余工作日</dt><dd id="days-left">5 个工作日</dd>' in page


def test_the_fee_row_has_single_brackets() -> None:
    table2: Any = defaultdict(lambda: defaultdict(int))
    _, decisions = table2_rows({"table2": table2})
    assert decisions[-1].label == "行政事业性收费（单位：万元）"


def test_every_outcome_option_names_its_heading() -> None:
    select = str(ReplyForm()["outcome"])
    options = dict(re.findall(r'<option value="(\w+)"[^>]*>([^<]+)</option>', select))
    assert options["partial"].startswith("（二）部分公开")
    assert options["granted"] == "（一）予以公开"
    assert options["deny_secret"] == "（三）不予公开 1.属于国家秘密"
    for key, label in options.items():
        assert label.startswith("（"), key  # a closed select still tells the outcome's group


@pytest.mark.parametrize(
    "typed",
    [
        "平科依申〔2026〕0001号",
        "平科依申【2026】0001号",
        "平科依申[2026]0001号",
        "平科依申(2026)0001号",
        "平科依申（2026）1号",
        " 平科依申 [2026] 0001 ",
        "0001",
        "1",
    ],
)
def test_a_registration_number_may_be_typed_with_other_brackets_or_as_the_serial(
    client: Client, agencies: Any, applicant: Any, typed: str
) -> None:
    from django.core.cache import cache

    cache.clear()  # the tracking form's rate limit
    from gongkai.web.applications import submission_keys

    response = client.post(
        "/apply/",
        {**applicant, "agency": agencies["science"].pk, "submission_key": submission_keys.new_key()},
        follow=True,  # POST/redirect/GET: the receipt page shows the number and the query code
    )
    app, code = response.context["app"], response.context["code"]
    assert app.number == "平科依申〔2026〕0001号" or app.serial == 1
    found = client.post("/track/", {"number": typed, "code": code})
    assert found.context["app"] == app, typed
    wrong = client.post("/track/", {"number": typed, "code": "WRONG234"})
    assert wrong.context["app"] is None


def test_the_serial_alone_finds_only_the_application_whose_code_matches(agencies: Any, submit: Any) -> None:
    science = submit(agency=agencies["science"])
    finance = submit(agency=agencies["finance"])
    assert science.serial == finance.serial == 1
    assert set(numbering.applications_numbered("1")) == {science, finance}
    assert set(numbering.applications_numbered(f"[{science.year}]1号")) == {science, finance}
    assert list(numbering.applications_numbered(science.number.replace("〔", "【").replace("〕", "】"))) == [
        science
    ]

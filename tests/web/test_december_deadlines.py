"""Issue 17, point 2: December applications show every deadline the known calendar reaches.

2027's holidays are not packaged. An application received in mid-December 2026 still has its
7-working-day 补正 deadline in 2026: it is computed and shown on the receipt (page, DOCX, PDF), the
case page and the queue; the reply deadline says what is missing, and the administrators are told
once. An administrator enters a year by pasting the State Council's notice; from 1 November the
daily reminder asks for next year.
"""

from __future__ import annotations

import io
import re
from datetime import date
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from docx import Document

from gongkai.calendar import packaged_schedules
from gongkai.web.applications import actions, receipt, submission_keys
from gongkai.web.applications.models import Application
from gongkai.web.audit.models import AuditEvent
from gongkai.web.workdays.calendars import calendar_for
from gongkai.web.workdays.models import CalendarReminder, HolidaySchedule
from gongkai.workflow.cases import CaseState
from testsupport import official_notice
from webtesting import set_today

pytestmark = pytest.mark.django_db

RECEIVED = date(2026, 12, 15)  # a Tuesday
#: 7 working days after 15 December 2026 (第三十条): Thursday 24 December, within 2026.
CORRECTION_NOTICE_DUE = date(2026, 12, 24)
MISSING = "2027年节假日安排尚未录入，答复期限暂无法计算"
PACKAGED = {s.year: s for s in packaged_schedules()}


@pytest.fixture(autouse=True)
def _december(monkeypatch: Any, fresh_cache: None) -> None:
    set_today(monkeypatch, RECEIVED)


@pytest.fixture
def admin(people: Any) -> Any:
    people["admin"].email = "admin@example.gov.cn"
    people["admin"].save()
    return people["admin"]


def test_the_receipt_page_and_documents_show_what_is_known(
    client: Client, agencies: Any, applicant: Any, admin: Any
) -> None:
    key = submission_keys.new_key()
    page = client.post(
        "/apply/", {**applicant, "agency": agencies["science"].pk, "submission_key": key}, follow=True
    )
    text = page.content.decode()
    assert "2026年12月24日" in text and MISSING in text
    app = Application.objects.get()
    assert (app.received_on, app.correction_notice_due, app.due_on) == (RECEIVED, CORRECTION_NOTICE_DUE, None)
    assert app.clock_error == MISSING
    lines = dict(receipt.receipt_lines(app))
    assert lines["补正告知期限"] == "2026年12月24日"
    assert lines["答复期限"] == MISSING
    docx = client.get(f"/receipt/{app.pk}.docx")
    body = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    assert MISSING in body and "待收到申请之日确定后计算" not in body


def test_the_case_page_and_the_queue_show_what_is_known_and_what_is_missing(
    client: Client, submit: Any, people: Any
) -> None:
    app = submit(received=RECEIVED)
    client.force_login(people["clerk"])
    page = client.get(f"/work/cases/{app.pk}/").content.decode()
    assert re.search(r'id="correction-notice-due">2026-12-24<', page)
    due = re.search(r'id="due-on"><strong>([^<]*)<', page)
    assert due and due.group(1) == MISSING
    assert "2027年节假日安排尚未录入，延期后最迟期限暂无法计算" in page
    queue = client.get("/work/")
    (row,) = queue.context["items"]
    assert row["due"] == MISSING


def test_the_administrators_are_told_once(
    submit: Any, admin: Any, people: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        submit(received=RECEIVED)
        submit(received=date(2026, 12, 16))
    (message,) = mail.outbox
    assert message.to == ["admin@example.gov.cn"]
    assert "2027年节假日安排尚未录入" in message.subject and "粘贴" in message.body
    assert "平科依申〔2026〕0001号" in message.body
    # A clerk (not an administrator) is not told.
    assert CalendarReminder.objects.get().user == admin


def test_no_warning_banner_on_a_closed_case(
    client: Client, submit: Any, people: Any, monkeypatch: Any
) -> None:
    app = submit(received=RECEIVED)
    app = actions.do_request_correction(
        app, sent_on=date(2026, 12, 16), items="请提供身份证明", working_days=3, acting_user=people["clerk"]
    )
    # Closing a lapsed case is a chain of its own (confirm, review, issue, deliver: test_lapse_decision);
    # only the page of a closed case matters here.
    closed = {"status": CaseState.CLOSED, "resolution": "other_overdue_correction"}
    Application.objects.filter(pk=app.pk).update(**closed)
    app.refresh_from_db()
    assert not app.is_open
    client.force_login(people["clerk"])
    page = client.get(f"/work/cases/{app.pk}/").content.decode()
    assert 'class="alert-warning"' not in page and MISSING not in page.split('id="deadlines"')[0]


def test_the_daily_reminder_asks_for_next_year_from_1_november(
    admin: Any, django_capture_on_commit_callbacks: Any
) -> None:
    def run(day: str) -> None:
        with django_capture_on_commit_callbacks(execute=True):
            call_command("remind_calendar", f"--today={day}", stdout=io.StringIO())

    run("2026-10-31")
    assert mail.outbox == []
    run("2026-11-01")
    run("2026-11-01")  # once a day
    assert [m.subject for m in mail.outbox] == ["【工作日历】请录入2027年节假日安排"]
    run("2026-11-02")
    assert len(mail.outbox) == 2
    # The daily reminder command runs it.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("remind", "--today=2026-11-03", stdout=io.StringIO())
    assert len(mail.outbox) == 3


# -- entering a year from the pasted notice -------------------------------------------------------


@pytest.mark.parametrize("year", [2023, 2024, 2025, 2026])
def test_a_pasted_notice_is_shown_as_a_calendar_and_saved_as_packaged(
    client: Client, admin: Any, year: int
) -> None:
    client.force_login(admin)
    assert 'id="enter-notice"' in client.get("/calendar/").content.decode()
    text = official_notice(year)
    shown = client.post("/calendar/notice/", {"text": text, "agency": ""})
    page = shown.content.decode()
    assert shown.status_code == 200 and not HolidaySchedule.objects.exists()
    packaged = PACKAGED[year]
    # The year as a month grid: every day off marked 休, every make-up working day 班.
    off = set(re.findall(r'<td class="off" data-date="([\d-]+)"', page))
    makeup = set(re.findall(r'<td class="makeup" data-date="([\d-]+)"', page))
    assert off == {d.isoformat() for d in packaged.off_days}
    assert makeup == {d.isoformat() for d in packaged.makeup_workdays}
    assert page.count('class="month-grid"') == 12
    number = packaged.notices[0].number
    if number:
        assert f'id="notice-number">{number}<' in page
    saved = client.post("/calendar/notice/", {"text": text, "agency": "", "confirm": "1"})
    assert saved.status_code == 302
    row = HolidaySchedule.objects.get(year=year)
    assert row.holidays == sorted(d.isoformat() for d in packaged.off_days)
    assert row.workdays == sorted(d.isoformat() for d in packaged.makeup_workdays)
    assert (
        row.source == packaged.notices[0].citation
        and f"国务院办公厅关于{year}年部分节假日安排的通知" in row.source
    )
    entered = calendar_for(None).schedule(year)
    assert (entered.off_days, entered.makeup_workdays) == (packaged.off_days, packaged.makeup_workdays)
    # Only the notice's own year: the days it puts into the year before are already there.
    assert HolidaySchedule.objects.count() == 1
    assert AuditEvent.objects.filter(action="calendar.schedule_saved").count() == 1


def test_an_unreadable_notice_names_the_sentence(client: Client, admin: Any) -> None:
    client.force_login(admin)
    text = official_notice(2024).replace("4月4日至6日放假调休", "4月4日起放假调休")
    page = client.post("/calendar/notice/", {"text": text, "agency": "", "confirm": "1"})
    assert page.status_code == 200
    assert "无法识别清明节的安排“4月4日起放假调休，共3天。”" in page.content.decode()
    assert not HolidaySchedule.objects.exists()
    empty = client.post("/calendar/notice/", {"text": "放假通知", "agency": ""}).content.decode()
    assert "未找到通知标题" in empty


def test_only_administrators_paste_notices(client: Client, people: Any) -> None:
    client.force_login(people["clerk"])
    assert client.get("/calendar/notice/").status_code == 403
    assert client.post("/calendar/notice/", {"text": "x"}).status_code == 403

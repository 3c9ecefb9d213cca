"""The 收费通知书 (条例 第四十二条; 国办函〔2020〕109号) through the case page, and its lapse (put
before the clerk, issue 16).

Dates on the 2026 schedule: 清明 4–6 April off.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from gongkai.web.applications import actions
from gongkai.web.applications.models import Application, FeeNotice
from gongkai.web.audit.models import AuditEvent
from gongkai.web.workdays.calendars import calendar_for
from gongkai.workflow.cases import Action

pytestmark = pytest.mark.django_db

HOW = "到本机关财务窗口缴纳"


def _in_progress(app: Application, clerk: Any, on: date = date(2026, 3, 3)) -> Application:
    return actions.do_take_step(app, Action.START, on=on, acting_user=clerk)


def _client(user: Any) -> Client:
    c = Client()
    c.force_login(user)
    return c


def _post_fee(client: Client, app: Application, **data: Any) -> Any:
    form = {"method": "per_application", "sent_on": "2026-03-30", "how_to_pay": HOW, **data}
    return client.post(f"/work/cases/{app.pk}/fee/", form, follow=True)


@pytest.mark.parametrize(
    ("nth", "amount"),
    [(11, Decimal(100)), (30, Decimal(100)), (31, Decimal(200)), (40, Decimal(200)), (41, Decimal(300))],
)
def test_per_application_fee_counts_the_applicants_month(
    submit: Any, people: Any, nth: int, amount: Decimal
) -> None:
    # nth-1 earlier applications of the same applicant to the same agency this month, plus one
    # in February and one by another applicant and one to another agency (none of which count).
    submit(received=date(2026, 2, 27))
    submit(received=date(2026, 3, 2), id_number="330102199001011234", name="李四", phone="13900000000")
    submit(agency=people["finance_clerk"].memberships.get().agency, received=date(2026, 3, 2))
    for day in range(nth - 1):
        submit(received=date(2026, 3, 2 + day % 20))
    app = _in_progress(submit(received=date(2026, 3, 27)), people["clerk"])
    page = _post_fee(_client(people["clerk"]), app)
    assert "已发出收费通知" in page.content.decode()
    notice = FeeNotice.objects.get(application=app)
    assert (notice.quantity, notice.amount, notice.method) == (nth, amount, "per_application")
    assert isinstance(notice.amount, Decimal)
    assert Application.objects.get(pk=app.pk).status == "awaiting_fee"


def test_the_tenth_application_is_free_and_no_notice_is_sent(submit: Any, people: Any) -> None:
    for _ in range(9):
        submit(received=date(2026, 3, 2))
    app = _in_progress(submit(received=date(2026, 3, 3)), people["clerk"])
    page = _post_fee(_client(people["clerk"]), app).content.decode()
    assert "无需收费，不能发出收费通知" in page and "本自然月第10件申请" in page
    assert not FeeNotice.objects.exists()
    assert Application.objects.get(pk=app.pk).status == "in_progress"


@pytest.mark.parametrize(
    ("pages", "amount"),
    [
        (31, Decimal(10)),
        (100, Decimal(700)),
        (101, Decimal(720)),
        (200, Decimal(2700)),
        (201, Decimal(2740)),
    ],
)
def test_per_page_fee(submit: Any, people: Any, pages: int, amount: Decimal) -> None:
    app = _in_progress(submit(), people["clerk"])
    _post_fee(_client(people["clerk"]), app, method="per_page", pages=str(pages))
    notice = FeeNotice.objects.get(application=app)
    assert (notice.method, notice.quantity, notice.amount) == ("per_page", pages, amount)
    assert notice.lines[-1]["subtotal"] == str(notice.lines[-1]["units"] * int(notice.lines[-1]["rate"]))


def test_thirty_pages_are_free_and_pages_are_required(submit: Any, people: Any) -> None:
    app = _in_progress(submit(), people["clerk"])
    client = _client(people["clerk"])
    assert "无需收费" in _post_fee(client, app, method="per_page", pages="30").content.decode()
    assert "按量计收须填写提供的页数" in _post_fee(client, app, method="per_page").content.decode()
    assert (
        "缴纳方式" in _post_fee(client, app, how_to_pay="  ", method="per_page", pages="50").content.decode()
    )
    assert not FeeNotice.objects.exists()


def test_only_the_agencys_clerks_send_fee_notices(submit: Any, people: Any) -> None:
    app = _in_progress(submit(), people["clerk"])
    assert _client(people["finance_clerk"]).post(f"/work/cases/{app.pk}/fee/", {}).status_code == 404
    response = _client(people["supervisor"]).post(
        f"/work/cases/{app.pk}/fee/",
        {"method": "per_page", "pages": "50", "sent_on": "2026-03-30", "how_to_pay": HOW},
    )
    assert response.status_code == 403
    assert not FeeNotice.objects.exists()


def _noticed(submit: Any, people: Any, received_on: date | None = None) -> Application:
    app = _in_progress(submit(received=date(2026, 3, 2)), people["clerk"])
    actions.do_send_fee_notice(
        app,
        method="per_page",
        pages=50,
        sent_on=date(2026, 3, 4),
        received_on=received_on,
        how_to_pay=HOW,
        acting_user=people["clerk"],
    )
    return app


def test_payment_due_is_twenty_working_days_after_receipt_of_the_notice(submit: Any, people: Any) -> None:
    app = _noticed(submit, people)
    # Wednesday 4 March received: day 1 is 5 March; the 20th working day is Wednesday 1 April.
    assert FeeNotice.objects.get(application=app).payment_due == date(2026, 4, 1)
    audit = AuditEvent.objects.filter(action="application.fee_notice_sent").get()
    assert "按量计收：50页，信息处理费200元" in audit.summary


def test_remind_refers_unpaid_fee_cases_to_the_clerk_the_day_after_the_period(
    submit: Any, people: Any
) -> None:
    """Issue 16 changes this: an unpaid fee no longer closes the case by itself; the day after the
    payment period (FEE_LAPSE_BASIS) the case awaits the clerk's decision (缴费期限已过，待确认)."""
    app = _noticed(submit, people)
    out = StringIO()
    call_command("remind", "--today", "2026-04-01", stdout=out)
    assert Application.objects.get(pk=app.pk).status == "awaiting_fee"
    assert "缴费期限已过转待确认 0 件" in out.getvalue()
    call_command("remind", "--today", "2026-04-02", stdout=out)
    pending = Application.objects.get(pk=app.pk)
    assert (pending.status, pending.resolution, pending.closed_on) == ("fee_lapse_pending", "", None)
    assert pending.get_status_display() == "缴费期限已过，待确认"
    assert "缴费期限已过转待确认 1 件" in out.getvalue()
    event = pending.events.get(kind="lapse_referred")
    assert (event.on, event.until, event.detail, event.by) == (
        date(2026, 4, 2),
        date(2026, 4, 1),
        "fee",
        None,
    )


def test_a_paid_fee_is_not_closed(submit: Any, people: Any) -> None:
    app = _noticed(submit, people)
    actions.do_receive_fee(app, paid_on=date(2026, 3, 20), acting_user=people["clerk"])
    call_command("remind", "--today", "2026-04-10", stdout=StringIO())
    assert Application.objects.get(pk=app.pk).status == "in_progress"
    assert FeeNotice.objects.get(application=app).paid_on == date(2026, 3, 20)


@pytest.mark.parametrize(
    ("today", "status"), [(date(2026, 4, 1), "awaiting_fee"), (date(2026, 4, 2), "fee_lapse_pending")]
)
def test_the_clerks_lapse_button_respects_the_period(
    submit: Any, people: Any, monkeypatch: Any, today: date, status: str
) -> None:
    from django.utils import timezone

    from gongkai.web import clock as views

    app = _noticed(submit, people)
    at = timezone.make_aware(timezone.datetime(today.year, today.month, today.day, 10))
    monkeypatch.setattr(views, "now", lambda: at)
    page = _client(people["clerk"]).post(f"/work/cases/{app.pk}/lapse/refer/", follow=True).content.decode()
    assert Application.objects.get(pk=app.pk).status == status
    assert ("尚未届满" in page) is (status == "awaiting_fee")


def test_the_reply_clock_stands_still_until_the_applicants_own_payment_deadline(
    submit: Any, people: Any
) -> None:
    # Sent Wednesday 4 March; received the same day → pay by 1 April; received Friday 6 March →
    # pay by 3 April. Unpaid, the reply clock stands still until then: two working days more.
    def noticed(received: date) -> Application:
        return Application.objects.get(pk=_noticed(submit, people, received).pk)

    early, late = noticed(date(2026, 3, 4)), noticed(date(2026, 3, 6))
    assert FeeNotice.objects.get(application=late).payment_due == date(2026, 4, 3)
    assert early.due_on is not None and late.due_on is not None
    calendar = calendar_for(late.agency)
    assert calendar.add_working_days(early.due_on, 2) == late.due_on

"""Holiday schedules entered by an administrator feed the clock; open cases are recomputed."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from gongkai.web.applications.models import Application
from gongkai.web.audit.models import AuditEvent
from gongkai.web.workdays.actions import do_save_schedule
from gongkai.web.workdays.calendars import calendar_for
from gongkai.web.workdays.models import HolidaySchedule

pytestmark = pytest.mark.django_db

SOURCE = "国务院办公厅关于2027年部分节假日安排的通知（示例录入）"


def test_a_year_without_schedule_is_an_error_on_the_case_and_a_warning_on_the_dashboard(
    client: Any, submit: Any, people: Any
) -> None:
    app = Application.objects.get(pk=submit(received=date(2026, 12, 15)).pk)
    # 20 working days from 15 December 2026 reach into 2027, which nobody has entered yet.
    assert app.due_on is None
    # Issue 17: the message names what is missing (the other deadlines are computed).
    assert app.clock_error == "2027年节假日安排尚未录入，答复期限暂无法计算"
    client.force_login(people["clerk"])
    page = client.get("/work/").content.decode()
    assert "2027年的法定节假日安排尚未录入" in page
    assert "1 件申请的期限无法计算" in page


def test_entering_the_year_recomputes_open_cases(
    client: Any, submit: Any, people: Any, agencies: Any
) -> None:
    app = submit(received=date(2026, 12, 15))
    client.force_login(people["admin"])
    response = client.post(
        "/calendar/new/",
        {
            "year": "2027",
            "source": SOURCE,
            # A made-up schedule for the test: 1–3 January off, Saturday 2 January... kept simple:
            "holidays_text": "2027-01-01~2027-01-03\n2027-02-06~2027-02-12",
            "workdays_text": "2027-02-13",
        },
    )
    assert response.status_code == 302
    app = Application.objects.get(pk=app.pk)
    assert app.clock_error == ""
    # 16–31 December 2026: 12 working days; then 4–8 January (5) and 11–13 January (3) = 20.
    assert app.due_on == date(2027, 1, 13)
    assert AuditEvent.objects.filter(
        action="application.deadlines_recomputed", object_id=str(app.pk)
    ).exists()
    assert AuditEvent.objects.filter(action="calendar.schedule_saved").count() == 1


@pytest.mark.parametrize(
    ("holidays", "workdays", "message"),
    [
        ("2027-01-01\n2026-12-31", "", "其他年份"),  # a date of another year
        ("2027-01-01", "2027-01-04", "本来就是工作日"),  # a Monday cannot be a make-up day
        ("2027-01-0x", "", "无法识别"),  # typo
    ],
)
def test_schedule_form_errors(client: Any, people: Any, holidays: str, workdays: str, message: str) -> None:
    client.force_login(people["admin"])
    page = client.post(
        "/calendar/new/",
        {"year": "2027", "source": SOURCE, "holidays_text": holidays, "workdays_text": workdays},
    )
    assert page.status_code == 200 and message in page.content.decode()
    assert not HolidaySchedule.objects.exists()


def test_only_administrators_enter_schedules(client: Any, people: Any) -> None:
    client.force_login(people["supervisor"])
    assert client.get("/calendar/new/").status_code == 403
    assert client.get("/calendar/").status_code == 200


def test_an_agency_schedule_overrides_the_national_one_for_its_subtree(agencies: Any, people: Any) -> None:
    # A local extra day off (e.g. a regional holiday) on Monday 2 March 2026 for the office's tree.
    row = HolidaySchedule(
        year=2026,
        agency=agencies["office"],
        source="示例市通知",
        holidays=[d.isoformat() for d in _official_2026_off()] + ["2026-03-02"],
        workdays=["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
    )
    do_save_schedule(row, acting_user=people["admin"])
    assert calendar_for(agencies["science"]).is_working_day(date(2026, 3, 2)) is False
    assert calendar_for(agencies["outside"]).is_working_day(date(2026, 3, 2)) is True


def _official_2026_off() -> list[date]:
    from gongkai.calendar import WorkingCalendar

    return sorted(WorkingCalendar.official().schedule(2026).off_days)


def test_the_calendar_changed_signal_reaches_every_subscriber(
    agencies: Any, people: Any, submit: Any
) -> None:
    """workdays knows no subscriber: applications recomputes its cases from ``calendar_changed``
    (connected in its AppConfig.ready), and any other app's receiver is told the same agencies."""
    from gongkai.web.workdays.signals import Recomputed, calendar_changed

    app = submit(received=date(2026, 12, 15))
    assert Application.objects.get(pk=app.pk).clock_error != ""  # 2027 is not entered yet
    heard: list[set[int] | None] = []

    def listener(sender: object, *, agency_ids: set[int] | None, **kwargs: Any) -> Recomputed:
        heard.append(agency_ids)
        return Recomputed("项测试事项", 0)

    calendar_changed.connect(listener, dispatch_uid="test.listener")
    try:
        row = HolidaySchedule(
            year=2027,
            agency=agencies["office"],
            source=SOURCE,
            holidays=["2027-01-01", "2027-01-02", "2027-01-03"],
            workdays=[],
        )
        recomputed = do_save_schedule(row, acting_user=people["admin"])
    finally:
        calendar_changed.disconnect(dispatch_uid="test.listener")
    assert heard == [agencies["office"].subtree_ids()]
    assert Recomputed("件在办申请", 1) in recomputed and Recomputed("项测试事项", 0) in recomputed
    recomputed_app = Application.objects.get(pk=app.pk)
    assert recomputed_app.clock_error == "" and recomputed_app.due_on is not None
    assert (
        AuditEvent.objects.filter(action="application.deadlines_recomputed", object_id=str(app.pk)).count()
        == 1
    )


def test_the_admin_saves_a_schedule_through_the_action(client: Any, people: Any, submit: Any) -> None:
    """The admin's change form holds its own transaction: the durable step runs inside it."""
    app = submit(received=date(2026, 12, 15))
    client.force_login(people["admin"])
    response = client.post(
        "/admin/workdays/holidayschedule/add/",
        {
            "year": "2027",
            "agency": "",
            "source": SOURCE,
            "holidays_text": "2027-01-01~2027-01-03\n2027-02-06~2027-02-12",
            "workdays_text": "2027-02-13",
        },
    )
    assert response.status_code == 302, response.content.decode()[:500]
    assert HolidaySchedule.objects.filter(year=2027).count() == 1
    assert AuditEvent.objects.filter(action="calendar.schedule_saved").count() == 1
    assert Application.objects.get(pk=app.pk).due_on == date(2027, 1, 13)

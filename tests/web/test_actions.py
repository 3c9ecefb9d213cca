"""The application actions: the statutory clock from events, transitions, permissions, audit rows.

Expected dates are worked out by hand on the 2026 schedule (国务院办公厅关于2026年部分节假日安排的
通知): 清明 4月4日–6日 off; 劳动节 5月1日–5日 off, 5月9日（周六）上班.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from gongkai.errors import GongkaiError
from gongkai.web.applications import actions
from gongkai.web.applications.models import Application
from gongkai.web.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def _reload(app: Application) -> Application:
    return Application.objects.get(pk=app.pk)


@pytest.mark.parametrize(
    ("received", "reply_due", "notice_due", "extended_due"),
    [
        # Monday 2 March: 20 working days -> Monday 30 March; 7 -> Wednesday 11 March.
        (date(2026, 3, 2), date(2026, 3, 30), date(2026, 3, 11), date(2026, 4, 28)),
        # Thursday 2 April: 3 April is day 1, 清明 4–6 April off, 30 April is day 19, 1–5 May off,
        # so day 20 is Wednesday 6 May; 7 -> 14 April; 40 reach 2 June with Saturday 9 May worked.
        (date(2026, 4, 2), date(2026, 5, 6), date(2026, 4, 14), date(2026, 6, 2)),
    ],
)
def test_registration_computes_the_engine_deadlines(
    submit: Any, received: date, reply_due: date, notice_due: date, extended_due: date
) -> None:
    app = _reload(submit(received=received))
    assert (app.due_on, app.correction_notice_due, app.extended_due) == (reply_due, notice_due, extended_due)
    assert app.status == "received"
    assert app.number == "平科依申〔2026〕0001号"


def test_correction_restarts_the_clock_from_the_corrected_application(submit: Any, people: Any) -> None:
    app = submit(received=date(2026, 3, 2))
    actions.do_request_correction(
        app, sent_on=date(2026, 3, 4), items="请写明文号", working_days=10, acting_user=people["clerk"]
    )
    app = _reload(app)
    assert app.status == "awaiting_correction"
    # While waiting, what falls due is the correction period: 10 working days after 4 March.
    assert app.due_on == date(2026, 3, 18)
    actions.do_receive_correction(app, received_on=date(2026, 3, 16), acting_user=people["clerk"])
    app = _reload(app)
    assert app.status == "in_progress"
    # 20 working days from Monday 16 March (条例 第三十条): Tuesday 14 April (清明 6 April skipped).
    assert app.due_on == date(2026, 4, 14)


def test_the_correction_notice_is_sent_once(submit: Any, people: Any) -> None:
    app = submit()
    actions.do_request_correction(
        app, sent_on=date(2026, 3, 3), items="x", working_days=5, acting_user=people["clerk"]
    )
    actions.do_receive_correction(app, received_on=date(2026, 3, 5), acting_user=people["clerk"])
    with pytest.raises(GongkaiError, match="一次性"):
        actions.do_request_correction(
            app, sent_on=date(2026, 3, 6), items="y", working_days=5, acting_user=people["clerk"]
        )


def test_a_lapsed_correction_goes_to_the_clerk_not_to_closed(submit: Any, people: Any) -> None:
    """Issue 16 changes this (it closed the case as （六）1): 条例 第三十条 -- 申请人无正当理由逾期
    不补正的，视为放弃申请 -- the lapse is the clerk's finding, so the period's end only puts the
    case before the clerk."""
    app = submit(received=date(2026, 3, 2))
    actions.do_request_correction(
        app, sent_on=date(2026, 3, 2), items="补充身份证明", working_days=5, acting_user=people["clerk"]
    )
    # The period runs to 9 March; on that day it has not lapsed yet.
    with pytest.raises(GongkaiError, match="尚未届满"):
        actions.do_refer_lapse(app, today=date(2026, 3, 9), acting_user=people["clerk"])
    actions.do_refer_lapse(app, today=date(2026, 3, 10), acting_user=None)  # the periodic job
    app = _reload(app)
    assert (app.status, app.resolution, app.closed_on) == ("correction_lapse_pending", "", None)


def test_extension_needs_the_head(submit: Any, people: Any) -> None:
    app = submit(received=date(2026, 3, 2))
    actions.do_assign_application(app, people["clerk"], acting_user=people["clerk"])
    actions.do_request_extension(
        app, reason="涉及档案检索", on=date(2026, 3, 20), acting_user=people["clerk"]
    )
    assert _reload(app).status == "extension_pending"
    with pytest.raises(PermissionDenied):
        actions.do_approve_extension(app, approved_on=date(2026, 3, 23), acting_user=people["clerk"])
    with pytest.raises(PermissionDenied):  # a supervisor of the parent office holds no role here
        actions.do_approve_extension(app, approved_on=date(2026, 3, 23), acting_user=people["supervisor"])
    actions.do_approve_extension(app, approved_on=date(2026, 3, 23), acting_user=people["head"])
    app = _reload(app)
    assert (app.status, app.due_on) == ("in_progress", date(2026, 4, 28))


def test_extension_after_the_period_ran_out_is_refused(submit: Any, people: Any) -> None:
    app = submit(received=date(2026, 3, 2))
    actions.do_assign_application(app, people["clerk"], acting_user=people["clerk"])
    actions.do_request_extension(app, reason="r", on=date(2026, 3, 27), acting_user=people["clerk"])
    with pytest.raises(GongkaiError, match="届满前"):
        actions.do_approve_extension(app, approved_on=date(2026, 3, 31), acting_user=people["head"])
    assert _reload(app).status == "extension_pending"  # rolled back


def test_consultation_time_is_not_counted(submit: Any, people: Any) -> None:
    app = submit(received=date(2026, 3, 2))
    actions.do_assign_application(app, people["clerk"], acting_user=people["clerk"])
    actions.do_start_consultation(
        app,
        kind="third_party",
        sent_on=date(2026, 3, 9),
        note="涉及企业商业秘密",
        acting_user=people["clerk"],
    )
    app = _reload(app)
    assert app.status == "consulting_third_party"
    # Still running: assumed to take the third party's 15 working days (to 30 March), so the 16
    # working days 9–30 March are not counted: 30 March + 16 working days = 22 April.
    assert app.due_on == date(2026, 4, 22)
    actions.do_end_consultation(app, ended_on=date(2026, 3, 13), acting_user=people["clerk"])
    app = _reload(app)
    # Only 9–13 March (5 working days) excluded: 30 March + 5 = 31 March, 1, 2, 3 and (清明 4–6
    # April off) 7 April.
    assert (app.status, app.due_on) == ("in_progress", date(2026, 4, 7))


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("clerk", True),  # the agency's own 经办人
        ("reviewer", False),  # reviews replies, does not handle
        ("finance_clerk", False),  # a clerk of a sibling agency
        ("supervisor", False),  # 公开办 sees, does not handle
        ("outsider", False),  # another city
    ],
)
def test_only_the_agencys_clerk_sends_a_correction_notice(
    submit: Any, people: Any, who: str, allowed: bool
) -> None:
    app = submit()
    call = lambda: actions.do_request_correction(  # noqa: E731
        app, sent_on=date(2026, 3, 3), items="x", working_days=5, acting_user=people[who]
    )
    if allowed:
        call()
    else:
        with pytest.raises(PermissionDenied):
            call()


def test_wrong_state_is_a_chinese_error(submit: Any, people: Any) -> None:
    app = submit()
    with pytest.raises(GongkaiError, match="不能执行该操作"):
        actions.do_end_consultation(app, ended_on=date(2026, 3, 3), acting_user=people["clerk"])


def test_every_change_writes_one_audit_row_with_before_and_after(submit: Any, people: Any) -> None:
    app = submit(received=date(2026, 3, 2))
    actions.do_request_correction(
        app, sent_on=date(2026, 3, 4), items="x", working_days=10, acting_user=people["clerk"]
    )
    rows = list(AuditEvent.objects.filter(object_id=str(app.pk)).order_by("pk"))
    assert [r.action for r in rows] == ["application.submit", "application.correction_requested"]
    assert rows[0].actor is None and rows[0].actor_label == "申请人（互联网渠道（网上申请））"
    assert rows[1].actor == people["clerk"]
    assert rows[1].before["status"] == "received" and rows[1].after["status"] == "awaiting_correction"
    assert rows[1].after["due_on"] == "2026-03-18"
    assert "110101199001011237" not in str(rows[0].after)  # no personal data in the trail


def test_staff_cannot_register_for_another_agency(agencies: Any, people: Any, submit: Any) -> None:
    with pytest.raises(PermissionDenied):
        submit(agency=agencies["finance"], acting_user=people["clerk"])


@pytest.mark.parametrize(
    ("channel", "arrived", "confirmed", "expected"),
    [
        ("in_person", date(2026, 3, 2), None, date(2026, 3, 2)),  # 第三十一条（一）：提交之日
        ("post_signed", date(2026, 3, 2), date(2026, 3, 3), date(2026, 3, 3)),  # （二）：签收之日
        ("post_unsigned", date(2026, 3, 2), date(2026, 3, 4), date(2026, 3, 4)),  # （二）：确认之日
        ("fax", date(2026, 3, 2), date(2026, 3, 2), date(2026, 3, 2)),  # （三）：双方确认之日
        ("email", date(2026, 3, 6), date(2026, 3, 9), date(2026, 3, 9)),  # （三）
    ],
)
def test_receipt_date_per_channel(
    channel: str, arrived: date, confirmed: date | None, expected: date
) -> None:
    assert actions.receipt_date(channel, arrived_on=arrived, confirmed_on=confirmed) == expected


def test_receipt_date_needs_the_confirmation_for_mail() -> None:
    with pytest.raises(GongkaiError, match="签收之日"):
        actions.receipt_date("post_signed", arrived_on=date(2026, 3, 2), confirmed_on=None)


def test_the_submission_channels_are_the_domains_with_its_labels() -> None:
    from gongkai.receipt import CHANNEL_RULES
    from gongkai.receipt import Channel as DomainChannel
    from gongkai.web.applications.vocabulary import SubmissionChannel

    assert SubmissionChannel.choices() == [(c.value, CHANNEL_RULES[c].label) for c in DomainChannel]

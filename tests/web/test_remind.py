"""The periodic job: lapsed 补正 periods go to the clerk's queue (never closed by the job: 条例
第三十条 lets a case lapse only "无正当理由", a person's finding -- issue 16), reminders go out by
e-mail."""

from __future__ import annotations

from datetime import date
from io import StringIO
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command

from gongkai.web.applications import actions
from gongkai.web.applications.models import Application

pytestmark = pytest.mark.django_db


def test_remind_refers_lapsed_corrections_to_the_clerk_and_mails_clerks(submit: Any, people: Any) -> None:
    people["clerk"].email = "clerk@example.cn"
    people["clerk"].save()
    lapsing = submit(received=date(2026, 3, 2))
    actions.do_request_correction(
        lapsing, sent_on=date(2026, 3, 2), items="x", working_days=5, acting_user=people["clerk"]
    )  # period ends 9 March
    due_soon = submit(received=date(2026, 3, 2))  # due 30 March
    actions.do_assign_application(due_soon, people["clerk"], acting_user=people["clerk"])
    later = submit(received=date(2026, 3, 20))  # due 17 April: no reminder
    out = StringIO()
    call_command("remind", "--today", "2026-03-26", stdout=out)
    # Issue 16 changes this: the case is not closed, it awaits the clerk's decision.
    lapsed = Application.objects.get(pk=lapsing.pk)
    assert (lapsed.status, lapsed.resolution, lapsed.closed_on) == ("correction_lapse_pending", "", None)
    assert lapsed.get_status_display() == "补正期限已过，待确认"
    assert "补正期限已过转待确认 1 件" in out.getvalue()
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert due_soon.number in body and later.number not in body and "剩余 2 个工作日" in body
    # The clerk is told of the case awaiting the decision (unassigned: every clerk of the agency).
    assert f"{lapsing.number}  补正期限已过，待确认" in body
    # Run again: nothing more happens to it (it is no longer awaiting the correction).
    call_command("remind", "--today", "2026-03-27", stdout=StringIO())
    assert Application.objects.get(pk=lapsing.pk).status == "correction_lapse_pending"
    assert mail.outbox[0].to == ["clerk@example.cn"]

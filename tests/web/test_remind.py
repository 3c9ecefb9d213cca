"""The periodic job: lapsed 补正 periods close cases, reminders go out by e-mail."""

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


def test_remind_closes_lapsed_corrections_and_mails_clerks(submit: Any, people: Any) -> None:
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
    assert Application.objects.get(pk=lapsing.pk).resolution == "other_overdue_correction"
    assert "办结 1 件" in out.getvalue()
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert due_soon.number in body and later.number not in body and "剩余 2 个工作日" in body
    assert mail.outbox[0].to == ["clerk@example.cn"]

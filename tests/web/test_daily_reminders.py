"""The daily reminders are a periodic task of the queue, running the reminder commands in order."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from huey.contrib.djhuey import HUEY  # type: ignore[import-untyped]

from gongkai.web.applications import tasks


def test_the_daily_task_is_registered_for_the_morning_in_china() -> None:
    assert tasks.daily_reminders.task_class in HUEY._registry._periodic_tasks
    due = tasks.daily_reminders.task_class().validate_datetime
    assert due(dt.datetime(2027, 1, 4, 0, 30))  # 08:30 Beijing time
    assert not due(dt.datetime(2027, 1, 4, 8, 30))


def test_the_task_runs_every_reminder_command_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    ran: list[str] = []

    def fake_call_command(name: str, *args: Any, **kwargs: Any) -> None:
        ran.append(name)

    monkeypatch.setattr(tasks, "call_command", fake_call_command)
    tasks.daily_reminders.call_local()
    assert ran == ["remind", "remind_annual_report"]


@pytest.mark.django_db
def test_the_commands_exist_and_run_on_an_empty_database(
    mailoutbox: list[Any], capsys: pytest.CaptureFixture[str]
) -> None:
    tasks.run_daily_reminders()
    out = capsys.readouterr().out
    # Each command ran and reported that it had nothing to do: no case referred (issue 16: the job
    # no longer closes any), no mail sent.
    assert "补正期限已过转待确认 0 件；缴费期限已过转待确认 0 件；发送提醒邮件 0 封。" in out
    assert "发送主动公开到期提醒邮件 0 封" in out
    assert re.search(r"发送\d{4}年度报告发布提醒邮件 0 封", out)
    assert mailoutbox == []

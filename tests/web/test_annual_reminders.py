"""Reminders to publish last year's annual report by 31 January (条例 第四十九条)."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command

from gongkai.web.annual import actions
from gongkai.web.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def mailboxes(people: dict[str, Any]) -> None:
    for who in ("clerk", "head", "reviewer", "finance_clerk", "supervisor"):
        people[who].email = f"{who}@example.cn"
        people[who].save()


def run(today: str, *extra: str) -> str:
    out = StringIO()
    call_command("remind_annual_report", "--today", today, *extra, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_days_left_before_31_january(people: dict[str, Any], mailboxes: None) -> None:
    # 2026-01-26 (Monday): 5 days to Saturday 31 January, 4 working days (27-30 January).
    out = run("2026-01-26")
    assert "发送2025年度报告发布提醒邮件" in out
    science = [m for m in mail.outbox if "clerk@example.cn" in m.to]
    assert science, "the clerk of 科技局 is reminded"
    body = science[0].body
    assert "平湖市科学技术局2025年政府信息公开工作年度报告尚未发布（尚未生成报告）" in body
    assert "还有 5 天（4 个工作日）" in body
    recipients = {addr for m in mail.outbox for addr in m.to}
    # Drafters and the sign-off: clerk, reviewer, head; not the supervising office.
    assert {
        "clerk@example.cn",
        "head@example.cn",
        "reviewer@example.cn",
        "finance_clerk@example.cn",
    } <= recipients
    assert "supervisor@example.cn" not in recipients


def test_overdue_after_31_january_and_draft_state(
    people: dict[str, Any], agencies: dict[str, Any], mailboxes: None
) -> None:
    report = actions.do_generate_report(agencies["science"], 2025, acting_user=people["clerk"])
    actions.do_check_report(report, acting_user=people["clerk"])
    run("2026-02-03")
    body = next(m.body for m in mail.outbox if "clerk@example.cn" in m.to)
    assert "已超过法定发布期限（2026年1月31日）3 天，属逾期发布" in body
    assert "第1版草稿：错误 0 项" in body
    assert (
        next(m.subject for m in mail.outbox if "clerk@example.cn" in m.to)
        == "【政务公开】年度报告已逾期未发布"
    )


@pytest.mark.cjk_font  # publishes or issues a PDF
def test_published_agencies_are_not_reminded_and_once_a_day(
    people: dict[str, Any], agencies: dict[str, Any], mailboxes: None
) -> None:
    report = actions.do_generate_report(agencies["science"], 2025, acting_user=people["clerk"])
    actions.do_publish_report(report, acting_user=people["head"])
    run("2026-01-20")
    recipients = {addr for m in mail.outbox for addr in m.to}
    assert "clerk@example.cn" not in recipients and "finance_clerk@example.cn" in recipients
    count = len(mail.outbox)
    assert "跳过 1 个机关" in run("2026-01-20")
    assert len(mail.outbox) == count
    run("2026-01-20", "--force")
    assert len(mail.outbox) == count + 1
    assert AuditEvent.objects.filter(action="annual.remind").count() == 2

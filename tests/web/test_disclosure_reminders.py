"""Reminders of proactive disclosure falling due (条例 第二十六条) and of ledger lines, by e-mail.

Dates: 2026 schedule. An item written on Monday 2 March is due Monday 30 March (20 working days);
on Thursday 26 March it has 2 working days left (due soon, within 3).
"""

from __future__ import annotations

from datetime import date
from io import StringIO
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command

from disclosuretesting import make_item, publish, science_catalogue
from gongkai.web.audit.models import AuditEvent
from gongkai.web.disclosure import actions

__all__ = ["make_item", "publish", "science_catalogue"]

pytestmark = pytest.mark.django_db

TODAY = "2026-03-26"


@pytest.fixture
def mailboxes(people: Any) -> dict[str, str]:
    """Give e-mail addresses to the staff who could receive a reminder (clerk2 has none)."""
    addresses = {}
    for who in ("clerk", "head", "reviewer", "finance_clerk", "supervisor"):
        people[who].email = f"{who}@example.cn"
        people[who].save()
        addresses[who] = people[who].email
    return addresses


@pytest.fixture
def due_world(agencies: Any, people: Any, make_item: Any, publish: Any) -> dict[str, Any]:
    def ledger(title: str, next_due: date) -> Any:
        return actions.do_add_ledger_entry(
            agencies["science"],
            {"title": title, "responsible_unit": "办公室", "frequency": "monthly", "next_due": next_due},
            acting_user=people["clerk"],
        )

    done = make_item(title="已发布的公告")
    publish(done, on=date(2026, 3, 5))
    return {
        # due 30 March: 2 working days left on the 26th -> due soon
        "soon": make_item(title="即将到期的公告", written_on=date(2026, 3, 2)),
        # due in early March -> overdue
        "late": make_item(title="已逾期的公告", written_on=date(2026, 2, 2)),
        # written 20 March: due mid-April -> not yet
        "later": make_item(title="未到期的公告", written_on=date(2026, 3, 20)),
        # published items never remind
        "done": done,
        "ledger_soon": ledger("科技项目资金公示", date(2026, 3, 27)),
        "ledger_late": ledger("行政许可结果", date(2026, 3, 1)),
        "ledger_later": ledger("财政预算公开", date(2026, 4, 30)),
    }


def _run(*extra: str) -> str:
    out = StringIO()
    call_command("remind_disclosure", "--today", TODAY, *extra, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_keepers_get_due_soon_and_overdue_items_and_ledger_lines(
    mailboxes: dict[str, str], due_world: dict[str, Any]
) -> None:
    out = _run()
    # 经办人 and 机构负责人 of 科技局 only: not its reviewer, not clerk2 (no address), no other agency
    assert sorted(m.to[0] for m in mail.outbox) == sorted([mailboxes["clerk"], mailboxes["head"]])
    assert "发送主动公开到期提醒邮件 2 封" in out
    body = mail.outbox[0].body
    assert "条例 第二十六条" in body
    assert due_world["soon"].index_number in body and "剩余 2 个工作日" in body
    assert due_world["late"].index_number in body and "已逾期" in body
    assert due_world["later"].index_number not in body
    assert due_world["done"].index_number not in body
    assert "科技项目资金公示" in body and "行政许可结果" in body
    assert "财政预算公开" not in body
    assert mail.outbox[0].subject == "【政务公开】2 条信息、2 项台账即将到期或已逾期"


def test_a_second_run_on_the_same_day_sends_nothing_unless_forced(
    mailboxes: dict[str, str], due_world: dict[str, Any]
) -> None:
    _run()
    assert len(mail.outbox) == 2
    assert "跳过 1 个机关" in _run()
    assert len(mail.outbox) == 2
    _run("--force")
    assert len(mail.outbox) == 4
    assert AuditEvent.objects.filter(action="disclosure.remind").count() == 2


def test_the_next_day_reminds_again(mailboxes: dict[str, str], due_world: dict[str, Any]) -> None:
    _run()
    call_command("remind_disclosure", "--today", "2026-03-27", stdout=StringIO())
    assert len(mail.outbox) == 4


def test_nothing_due_sends_nothing(mailboxes: dict[str, str], make_item: Any) -> None:
    make_item(written_on=date(2026, 3, 20))  # due in April
    assert "发送主动公开到期提醒邮件 0 封" in _run()
    assert mail.outbox == []


def test_the_daily_remind_job_includes_disclosure(
    mailboxes: dict[str, str], due_world: dict[str, Any]
) -> None:
    call_command("remind", "--today", TODAY, stdout=StringIO())
    assert {m.subject for m in mail.outbox} == {"【政务公开】2 条信息、2 项台账即将到期或已逾期"}

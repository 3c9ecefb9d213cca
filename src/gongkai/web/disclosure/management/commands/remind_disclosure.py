"""``gongkai manage remind_disclosure``: daily reminders of proactive disclosure falling due.

条例 第二十六条: an item must be published within 20 working days of being made or changed. Each
agency's keepers (经办人 and 机构负责人, who may publish) get one e-mail listing

- the 主动公开 items not yet published that are overdue or due within DUE_SOON_WORKING_DAYS working
  days (the same window as the due-soon list of the disclosure pages), and
- the ledger ("一本账") lines whose next due date is that near or past,

through Django's mail backend. The job is idempotent per day: the mail sent to an agency for a day
is recorded as an audit row, and a second run for the same day skips it (``--force`` resends).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from gongkai.web import clock
from gongkai.web.accounts.models import Agency
from gongkai.web.audit import reminders
from gongkai.web.disclosure import events, permissions, queues
from gongkai.web.workdays.calendars import calendar_for

ACTION = events.REMINDED


def _item_lines(agency_ids: list[int], today: date) -> dict[int, list[str]]:
    lines: dict[int, list[str]] = {}
    for row in queues.due_items(agency_ids, today):
        if row.state == queues.DueState.ON_TIME:
            continue
        item = row.item
        lines.setdefault(item.agency_id, []).append(
            f"{item.index_number}  {item.title}  应公开日期 {item.due_on:%Y-%m-%d}  "
            f"{row.label}（剩余 {row.working_days_left} 个工作日）"
        )
    return lines


def _ledger_lines(agency_ids: list[int], today: date) -> dict[int, list[str]]:
    lines: dict[int, list[str]] = {}
    for row in queues.ledger(agency_ids, today):
        entry = row.entry
        if entry.next_due is None:
            continue
        left = calendar_for(entry.agency).working_days_between(today, entry.next_due)
        state = queues.due_state(entry.next_due, today, left)
        if state == queues.DueState.ON_TIME:
            continue
        lines.setdefault(entry.agency_id, []).append(
            f"{entry.title}（{entry.responsible_unit}）  下次应公开 {entry.next_due:%Y-%m-%d}  "
            f"{queues.LABELS[state]}（剩余 {left} 个工作日）"
        )
    return lines


def _stamp(today: date) -> str:
    return f"{today:%Y-%m-%d} 主动公开到期提醒"


class Command(BaseCommand):
    help = "向各机关经办人、机构负责人发送主动公开事项（条例 第二十六条）及台账到期提醒邮件"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", type=date.fromisoformat, help="按此日期计算（默认今天）")
        parser.add_argument("--force", action="store_true", help="当天已提醒过的机关也再次发送")

    def handle(self, *args: Any, **options: Any) -> None:
        today: date = options["today"] or clock.today()
        agency_ids = list(Agency.objects.values_list("pk", flat=True))
        items = _item_lines(agency_ids, today)
        ledger = _ledger_lines(agency_ids, today)
        sent = skipped = 0
        for agency in Agency.objects.filter(pk__in=set(items) | set(ledger)).order_by("pk"):
            if not options["force"] and reminders.reminded_today(ACTION, agency, _stamp(today)):
                skipped += 1
                continue
            sent += self._mail(agency, today, items.get(agency.pk, []), ledger.get(agency.pk, []))
        self.stdout.write(f"发送主动公开到期提醒邮件 {sent} 封；当天已提醒而跳过 {skipped} 个机关。")

    def _mail(self, agency: Agency, today: date, items: list[str], ledger: list[str]) -> int:
        recipients = reminders.recipients(agency, permissions.KEEPERS)
        if not recipients:
            self.stderr.write(f"{agency}：没有可接收提醒的经办人或机构负责人邮箱")
            return 0
        body = [f"{agency}：", ""]
        if items:
            body += [
                f"以下 {len(items)} 条主动公开信息即将到期或已逾期（条例 第二十六条，20 个工作日内公开）：",
                *items,
                "",
            ]
        if ledger:
            body += [f"公开台账中以下 {len(ledger)} 项即将到期或已逾期：", *ledger, ""]
        body.append("请登录 Gongkai 工作台办理。")
        subject = f"【政务公开】{len(items)} 条信息、{len(ledger)} 项台账即将到期或已逾期"
        return reminders.send_stamped(
            agency, recipients, subject, "\n".join(body), action=ACTION, stamp=_stamp(today)
        )

"""``gongkai manage remind_calendar``: tell administrators which year's holiday schedule to enter
(run daily by ``remind``; from 1 November next year's, gongkai.calendar.years_to_enter)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.utils import timezone

from gongkai.web.workdays.reminders import remind_years_to_enter


class Command(BaseCommand):
    help = "提醒系统管理员录入尚缺的法定节假日安排（每天一次；自11月1日起提醒录入下一年）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", type=date.fromisoformat, help="按此日期计算（默认今天）")

    def handle(self, *args: Any, **options: Any) -> None:
        today = options["today"] or timezone.localdate()
        with transaction.atomic():
            sent = remind_years_to_enter(today)
        self.stdout.write(f"发送节假日录入提醒邮件 {sent} 封。")

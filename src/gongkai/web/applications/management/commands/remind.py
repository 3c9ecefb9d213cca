"""``gongkai manage remind``: the periodic job (run it daily, e.g. from cron or a systemd timer).

1. Closes cases whose 补正 period lapsed without a correction (表三（六）1, 条例 第三十条), and
   cases whose 信息处理费 was not paid within the payment period (表三（六）2, 条例 第四十二条).
2. E-mails each clerk the open cases assigned to them (or, unassigned, to every clerk of the
   agency) that are overdue or due within GONGKAI_REMIND_WITHIN working days -- through Django's
   mail backend (the console in the demo).
3. Runs ``remind_disclosure`` (gongkai.web.disclosure): proactive-disclosure items and ledger lines
   falling due (条例 第二十六条).
4. Runs ``remind_calendar`` (gongkai.web.workdays): administrators are told which year's holiday
   schedule to enter (from 1 November, next year's).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date
from typing import Any

from django.conf import settings
from django.core.mail import send_mass_mail
from django.core.management import call_command
from django.db.models import QuerySet

from gongkai.errors import GongkaiError
from gongkai.web.accounts.models import Role, User
from gongkai.web.applications import actions, clock
from gongkai.web.applications.models import Application, FeeNotice
from gongkai.web.audit.reminders import ReminderCommand
from gongkai.web.workdays.calendars import calendar_for
from gongkai.workflow.cases import CaseState


class Command(ReminderCommand):
    help = "关闭逾期未补正、逾期未缴费的申请，并向经办人发送到期提醒邮件"

    def handle(self, *args: Any, **options: Any) -> None:
        today = self.today(options)
        closed = self._close_lapsed(today)
        unpaid = self._close_unpaid(today)
        sent = self._remind(today)
        self.stdout.write(f"逾期未补正办结 {closed} 件；逾期未缴费办结 {unpaid} 件；发送提醒邮件 {sent} 封。")
        call_command("remind_disclosure", today=today, stdout=self.stdout, stderr=self.stderr)
        call_command("remind_calendar", today=today, stdout=self.stdout, stderr=self.stderr)

    def _close_lapsed(self, today: date) -> int:
        return self._close_each(
            Application.objects.correction_lapsed(today), actions.do_close_for_missing_correction, today
        )

    def _close_unpaid(self, today: date) -> int:
        # The unpaid notices past their payment period (partial index on payment_due).
        lapsed_ids = FeeNotice.objects.filter(
            paid_on=None, payment_due__lt=today, application__status=CaseState.AWAITING_FEE
        ).values_list("application_id", flat=True)
        return self._close_each(
            Application.objects.filter(pk__in=lapsed_ids), actions.do_close_for_unpaid_fee, today
        )

    def _close_each(
        self, cases: QuerySet[Application], close: Callable[..., Application], today: date
    ) -> int:
        """Close each case by ``close`` as the periodic job; a refusal is reported, not fatal."""
        closed = 0
        for app in cases.order_by("pk"):
            try:
                close(app, today=today, acting_user=None)
            except GongkaiError as exc:
                self.stderr.write(f"{app.number}：{exc.message}")
            else:
                closed += 1
        return closed

    def _remind(self, today: date) -> int:
        within = settings.GONGKAI_REMIND_WITHIN
        per_user: dict[int, list[str]] = defaultdict(list)
        users: dict[int, User] = {}
        cases = (
            Application.objects.open()
            .filter(due_on__isnull=False)
            .exclude(status=CaseState.AWAITING_CORRECTION)
            .select_related("agency", "assignee")
            .order_by("due_on")
        )
        for app in cases:
            calendar = calendar_for(app.agency)
            try:
                status = clock.clock_status(app, calendar, today)
            except GongkaiError:
                continue
            if status is None or status.working_days_left > within:
                continue
            left = status.working_days_left
            line = f"{app.number}  答复期限 {app.due_on:%Y-%m-%d}  {status.label}（剩余 {left} 个工作日）"
            recipients = (
                [app.assignee]
                if app.assignee
                else list(
                    User.objects.filter(
                        memberships__agency=app.agency, memberships__role=Role.CLERK, is_active=True
                    )
                )
            )
            for user in recipients:
                if user.email:
                    users[user.pk] = user
                    per_user[user.pk].append(line)
        messages = [
            (
                f"【政府信息公开】{len(lines)} 件申请即将到期或已逾期",
                "\n".join([f"{users[pk]}：", "", *lines, "", "请登录 Gongkai 工作台办理。"]),
                settings.DEFAULT_FROM_EMAIL,
                [users[pk].email],
            )
            for pk, lines in per_user.items()
        ]
        return send_mass_mail(messages, fail_silently=False) if messages else 0

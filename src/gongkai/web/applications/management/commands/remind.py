"""``gongkai manage remind``: the periodic job (run it daily, e.g. from cron or a systemd timer).

1. Puts before the clerk the cases whose 补正 period ran out without a correction (补正期限已过，
   待确认) and those whose 信息处理费 was not paid within the payment period (缴费期限已过，待确认).
   It closes nothing: 条例 第三十条 lets a case lapse only "无正当理由", which a person decides;
   closing is the （六）1/2 告知书 through review, issue and delivery (issue 16).
2. E-mails each clerk the open cases assigned to them (or, unassigned, to every clerk of the
   agency) that are overdue or due within GONGKAI_REMIND_WITHIN working days, and those awaiting
   the lapse decision -- through Django's mail backend (the console in the demo).
3. Runs ``remind_disclosure`` (gongkai.web.disclosure): proactive-disclosure items and ledger lines
   falling due (条例 第二十六条).
4. Runs ``remind_calendar`` (gongkai.web.workdays): administrators are told which year's holiday
   schedule to enter (from 1 November, next year's).
"""

from __future__ import annotations

from collections import defaultdict
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
from gongkai.workflow.cases import LAPSE_OUTCOMES, CaseState

#: The states in which a lapse awaits the clerk's decision.
LAPSE_PENDING_STATUSES = tuple(state.value for state in LAPSE_OUTCOMES)


class Command(ReminderCommand):
    help = "将补正期限、缴费期限已过的申请转经办人确认，并向经办人发送到期及待确认提醒邮件"

    def handle(self, *args: Any, **options: Any) -> None:
        today = self.today(options)
        lapsed = self._refer_lapsed(today)
        unpaid = self._refer_unpaid(today)
        sent = self._remind(today)
        self.stdout.write(
            f"补正期限已过转待确认 {lapsed} 件；缴费期限已过转待确认 {unpaid} 件；发送提醒邮件 {sent} 封。"
        )
        call_command("remind_disclosure", today=today, stdout=self.stdout, stderr=self.stderr)
        call_command("remind_calendar", today=today, stdout=self.stdout, stderr=self.stderr)

    def _refer_lapsed(self, today: date) -> int:
        return self._refer_each(Application.objects.correction_lapsed(today), today)

    def _refer_unpaid(self, today: date) -> int:
        # The unpaid notices past their payment period (partial index on payment_due).
        lapsed_ids = FeeNotice.objects.filter(
            paid_on=None, payment_due__lt=today, application__status=CaseState.AWAITING_FEE
        ).values_list("application_id", flat=True)
        return self._refer_each(Application.objects.filter(pk__in=lapsed_ids), today)

    def _refer_each(self, cases: QuerySet[Application], today: date) -> int:
        """Put each case before the clerk as the periodic job; a refusal is reported, not fatal."""
        referred = 0
        for app in cases.order_by("pk"):
            try:
                actions.do_refer_lapse(app, today=today, acting_user=None)
            except GongkaiError as exc:
                self.stderr.write(f"{app.number}：{exc.message}")
            else:
                referred += 1
        return referred

    def _lapse_lines(self) -> list[tuple[Application, str]]:
        """The cases awaiting the clerk's lapse decision, each with its mail line."""
        pending = (
            Application.objects.filter(status__in=LAPSE_PENDING_STATUSES)
            .select_related("agency", "assignee")
            .order_by("due_on", "pk")
        )
        return [
            (app, f"{app.number}  {app.get_status_display()}（请确认申请人有无正当理由）") for app in pending
        ]

    def _remind(self, today: date) -> int:
        within = settings.GONGKAI_REMIND_WITHIN
        per_user: dict[int, list[str]] = defaultdict(list)
        users: dict[int, User] = {}
        cases = (
            Application.objects.open()
            .filter(due_on__isnull=False)
            .exclude(status__in=(CaseState.AWAITING_CORRECTION, *LAPSE_PENDING_STATUSES))
            .select_related("agency", "assignee")
            .order_by("due_on")
        )
        lines: list[tuple[Application, str]] = self._lapse_lines()
        for app in cases:
            calendar = calendar_for(app.agency)
            try:
                status = clock.clock_status(app, calendar, today)
            except GongkaiError:
                continue
            if status is None or status.working_days_left > within:
                continue
            left = status.working_days_left
            lines.append(
                (app, f"{app.number}  答复期限 {app.due_on:%Y-%m-%d}  {status.label}（剩余 {left} 个工作日）")
            )
        for app, line in lines:
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
                f"【政府信息公开】{len(user_lines)} 件申请即将到期、已逾期或待确认",
                "\n".join([f"{users[pk]}：", "", *user_lines, "", "请登录 Gongkai 工作台办理。"]),
                settings.DEFAULT_FROM_EMAIL,
                [users[pk].email],
            )
            for pk, user_lines in per_user.items()
        ]
        return send_mass_mail(messages, fail_silently=False) if messages else 0

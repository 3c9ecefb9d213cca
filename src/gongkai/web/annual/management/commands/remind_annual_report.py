"""``gongkai manage remind_annual_report``: reminders to publish last year's annual report.

条例 第四十九条: a 县级以上人民政府部门 submits and publishes its annual report on the previous year by
31 January, a 县级以上地方人民政府's report is published by 31 March, and for other kinds (乡镇, 街道,
其他) the 条例 sets no date (annual.models.duty_for). From 1 January, every agency using Gongkai whose
report on the previous year is not yet published gets a daily e-mail to its 经办人, 审核人 and
机构负责人 (those who draft and sign it off): the days and working days left to its due date, or,
after it, that the report is overdue (and by how many days); without a statutory date, that there
is none (never "逾期").
Agencies with nobody on staff in Gongkai (reports uploaded by their supervisor) get none.

Like ``remind_disclosure``: through Django's mail backend, idempotent per day (the mail sent to an
agency for a day is recorded as an audit row; a second run the same day skips it, ``--force``
resends).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from gongkai.web.accounts.models import Agency
from gongkai.web.annual import events, permissions
from gongkai.web.annual.models import AnnualReport, State, duty_for
from gongkai.web.audit import reminders
from gongkai.web.workdays.calendars import calendar_for

ACTION = events.REMINDED
RECIPIENT_ROLES = permissions.DRAFTERS | permissions.PUBLISHERS


def _stamp(today: date) -> str:
    return f"{today:%Y-%m-%d} 年度报告发布提醒"


def reminder_line(agency: Agency, year: int, today: date, draft: AnnualReport | None) -> str:
    """What the reminder says about ``agency``'s report on ``year`` as of ``today``."""
    duty = duty_for(agency, year)
    deadline = duty.due
    on = f"{deadline.year}年{deadline.month}月{deadline.day}日" if deadline else ""
    if deadline is None:
        when = duty.note.rstrip("。")
    elif today <= deadline:
        days = (deadline - today).days
        working = calendar_for(agency).working_days_between(today, deadline)
        when = (
            f"距法定发布期限（{on}）还有 {days} 天（{working} 个工作日）"
            if days
            else f"今天（{on}）是法定发布期限"
        )
    else:
        when = f"已超过法定发布期限（{on}）{(today - deadline).days} 天，属逾期发布"
    if draft is None:
        state = "尚未生成报告"
    elif draft.checked_at is None:
        state = f"第{draft.version}版草稿尚未检查"
    else:
        state = f"第{draft.version}版草稿：错误 {draft.errors} 项、警告 {draft.warnings} 项"
    return f"{agency.name}{year}年政府信息公开工作年度报告尚未发布（{state}）；{when}。"


class Command(reminders.DailyMailCommand):
    help = (
        "向尚未发布上一年度政府信息公开工作年度报告的机关发送提醒邮件"
        "（条例 第四十九条：部门1月31日前，县级以上地方人民政府3月31日前）"
    )

    def handle(self, *args: Any, **options: Any) -> None:
        today = self.today(options)
        year = today.year - 1
        published = AnnualReport.objects.filter(year=year, state=State.PUBLISHED).values("agency_id")
        staffed = Agency.objects.filter(memberships__role__in=RECIPIENT_ROLES).distinct()
        waiting = staffed.exclude(pk__in=published).order_by("pk")
        drafts = {
            r.agency_id: r
            for r in AnnualReport.objects.filter(year=year, state=State.DRAFT).order_by("version")
        }
        sent = skipped = 0
        for agency in waiting:
            if self.skip(options, ACTION, agency, _stamp(today)):
                skipped += 1
                continue
            sent += self._mail(agency, reminder_line(agency, year, today, drafts.get(agency.pk)), today)
        self.stdout.write(f"发送{year}年度报告发布提醒邮件 {sent} 封；当天已提醒而跳过 {skipped} 个机关。")

    def _mail(self, agency: Agency, line: str, today: date) -> int:
        recipients = reminders.recipients(agency, RECIPIENT_ROLES)
        if not recipients:
            self.stderr.write(f"{agency}：没有可接收提醒的经办人、审核人或机构负责人邮箱")
            return 0
        body = "\n".join(
            [
                f"{agency}：",
                "",
                line,
                "",
                "请登录 Gongkai 工作台“年度报告”生成、检查并发布（条例 第四十九条）。",
            ]
        )
        overdue = duty_for(agency, today.year - 1).is_late(None, today) is True
        subject = "【政务公开】" + ("年度报告已逾期未发布" if overdue else "年度报告发布提醒")
        return reminders.send_stamped(agency, recipients, subject, body, action=ACTION, stamp=_stamp(today))

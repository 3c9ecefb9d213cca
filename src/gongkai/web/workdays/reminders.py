"""Telling administrators that a year's holiday schedule is missing (issue 17, point 2).

- When a case's deadline needs a year nobody has entered (``notify_missing_years``, called by the
  applications actions that recompute a case's deadlines): the administrators of the case's agency
  (and of the agencies above it) get one e-mail per year -- not one per case.
- From 1 November, when next year is still missing (``remind_years_to_enter``, run by the daily
  reminder command): once a day, like the other daily reminders.

Each message sent is recorded (``CalendarReminder``), which is what makes "once" hold; the e-mail
goes out when the transaction that recorded it commits.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q

from gongkai.calendar import years_to_enter
from gongkai.web.accounts.models import Agency, Role, User
from gongkai.web.workdays.calendars import calendar_for
from gongkai.web.workdays.models import CalendarReminder

DEADLINE = "deadline"
AHEAD = "ahead"


def administrators(agency: Agency | None) -> list[User]:
    """The active administrators of ``agency`` and of the agencies above it; all of them (and the
    superusers) for the national calendar (``None``)."""
    admins = User.objects.filter(is_active=True)
    if agency is None:
        admins = admins.filter(Q(memberships__role=Role.ADMIN) | Q(is_superuser=True))
    else:
        lineage = []
        node: Agency | None = agency
        while node is not None:
            lineage.append(node.pk)
            node = node.parent
        admins = admins.filter(memberships__role=Role.ADMIN, memberships__agency_id__in=lineage)
    return list(admins.distinct().order_by("pk"))


def _send(users: Iterable[User], subject: str, body: str) -> None:
    recipients = [u.email for u in users if u.email]
    if recipients:
        transaction.on_commit(
            lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients, fail_silently=False)
        )


def _body(year: int, why: str) -> str:
    return "\n".join(
        [
            why,
            "",
            f"请登录 Gongkai，在“工作日历”中粘贴《国务院办公厅关于{year}年部分节假日安排的通知》全文录入"
            f"（工作日历 → 粘贴通知录入）。录入后，在办申请的期限将自动重新计算。",
        ]
    )


def notify_missing_years(agency: Agency, years: Iterable[int], *, today: date, case_number: str) -> int:
    """A case of ``agency`` needs ``years``: tell each administrator once per year; returns how
    many administrators were told now."""
    told = 0
    for year in sorted(set(years)):
        already = set(
            CalendarReminder.objects.filter(kind=DEADLINE, year=year).values_list("user_id", flat=True)
        )
        new = [u for u in administrators(agency) if u.pk not in already]
        if not new:
            continue
        CalendarReminder.objects.bulk_create(
            [CalendarReminder(kind=DEADLINE, year=year, user=u, sent_on=today) for u in new],
            ignore_conflicts=True,
        )
        why = f"{year}年节假日安排尚未录入，{agency.name}的申请 {case_number} 等的答复期限暂无法计算。"
        _send(new, f"【工作日历】{year}年节假日安排尚未录入", _body(year, why))
        told += len(new)
    return told


def remind_years_to_enter(today: date) -> int:
    """The daily reminder: each administrator whose calendar misses a year to enter on ``today``
    (gongkai.calendar.years_to_enter: this year, and from 1 November next year) is told once a
    day; returns how many e-mails were sent."""
    sent = 0
    admins = administrators(None)
    for user in admins:
        agencies = [m.agency for m in user.memberships.select_related("agency").filter(role=Role.ADMIN)]
        years = sorted({y for a in agencies or [None] for y in years_to_enter(today, calendar_for(a))})
        for year in years:
            _, created = CalendarReminder.objects.get_or_create(
                kind=AHEAD, year=year, user=user, sent_on=today
            )
            if not created:
                continue
            why = f"{year}年的法定节假日安排尚未录入；跨入{year}年的答复期限将无法计算。"
            _send([user], f"【工作日历】请录入{year}年节假日安排", _body(year, why))
            sent += 1 if user.email else 0
    return sent

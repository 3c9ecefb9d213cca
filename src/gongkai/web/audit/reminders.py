"""Reminder e-mails sent at most once a day per agency, stamped in the audit trail.

The stamp (an audit row with the action and a summary naming the day) is both the record that a
reminder went out and what makes a second run the same day send nothing; it is written inside the
transaction that sends, so a failed send rolls it back and the next run tries again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from django.conf import settings
from django.core.mail import send_mass_mail
from django.core.management.base import BaseCommand, CommandParser

from gongkai.web import clock
from gongkai.web.accounts.models import Agency, User
from gongkai.web.actions_base import step_record, top_level
from gongkai.web.audit.models import AuditEvent


class ReminderCommand(BaseCommand):
    """A command that runs as of a day: today ("today" is a parameter), or the day ``--today`` names."""

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", type=date.fromisoformat, help="按此日期计算（默认今天）")

    @staticmethod
    def today(options: dict[str, Any]) -> date:
        return options["today"] or clock.today()


class DailyMailCommand(ReminderCommand):
    """A reminder mail sent at most once a day per agency, unless ``--force`` says again."""

    def add_arguments(self, parser: CommandParser) -> None:
        super().add_arguments(parser)
        parser.add_argument("--force", action="store_true", help="当天已提醒过的机关也再次发送")

    @staticmethod
    def skip(options: dict[str, Any], action: str, agency: Agency, stamp: str) -> bool:
        """Whether ``agency`` was already reminded today (and ``--force`` was not given)."""
        return not options["force"] and reminded_today(action, agency, stamp)


def reminded_today(action: str, agency: Agency, stamp: str) -> bool:
    return AuditEvent.objects.filter(action=action, agency_id=agency.pk, summary=stamp).exists()


def recipients(agency: Agency, roles: Iterable[str]) -> list[User]:
    """Active members of ``agency`` in one of ``roles`` who have an e-mail address."""
    users = (
        User.objects.filter(memberships__agency=agency, memberships__role__in=list(roles), is_active=True)
        .distinct()
        .order_by("pk")
    )
    return [user for user in users if user.email]


def send_stamped(
    agency: Agency, users: Sequence[User], subject: str, body: str, *, action: str, stamp: str
) -> int:
    """Mail ``users`` and stamp the agency's reminder of the day (a top-level action of its own:
    one durable transaction, one audit row ``action``); returns the messages sent."""
    messages = [(subject, body, settings.DEFAULT_FROM_EMAIL, [u.email]) for u in users]

    def send() -> int:
        # Recorded first, inside the transaction: a failed send rolls the stamp back.
        step_record(acting_user=None, summary=stamp, obj=agency, agency_id=agency.pk, actor_label="系统")
        return send_mass_mail(messages, fail_silently=False)

    return top_level(action)(send)()

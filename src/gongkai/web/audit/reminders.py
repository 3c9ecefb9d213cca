"""Reminder e-mails sent at most once a day per agency, stamped in the audit trail.

The stamp (an audit row with the action and a summary naming the day) is both the record that a
reminder went out and what makes a second run the same day send nothing; it is written inside the
transaction that sends, so a failed send rolls it back and the next run tries again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.conf import settings
from django.core.mail import send_mass_mail

from gongkai.web.accounts.models import Agency, User
from gongkai.web.actions_base import step_record, top_level
from gongkai.web.audit.models import AuditEvent


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

"""Writing audit rows; called by the actions of every app inside their transaction."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime
from typing import Any

from django.db import models
from django.utils import timezone

from gongkai.web.audit.models import AuditEvent

_replay_time: ContextVar[datetime | None] = ContextVar("gongkai_audit_replay_time", default=None)


@contextmanager
def replaying(at: datetime) -> Iterator[None]:
    """Stamp audit rows with ``at`` while replaying history (demo data, imports from another
    system) -- the time seam; live actions always record the real time."""
    token = _replay_time.set(at)
    try:
        yield
    finally:
        _replay_time.reset(token)


def now() -> datetime:
    """The time an action happens: the real time, or the replayed one (see ``replaying``). Models
    whose times are shown next to the audit trail take their default from here, so that replayed
    history (the demo) reads the same in both places."""
    return _replay_time.get() or timezone.now()


def record(
    *,
    acting_user: Any,
    action: str,
    summary: str,
    obj: models.Model,
    agency_id: int | None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    actor_label: str | None = None,
) -> AuditEvent:
    user = acting_user if getattr(acting_user, "is_authenticated", False) else None
    label = actor_label or (str(user) if user is not None else "公众")
    return AuditEvent.objects.create(
        at=now(),
        actor=user,
        actor_label=label[:100],
        action=action,
        summary=summary[:300],
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        agency_id=agency_id,
        before=before,
        after=after,
    )


def timeline(obj: models.Model) -> models.QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk)).order_by(
        "at", "pk"
    )

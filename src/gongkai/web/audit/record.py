"""Writing audit rows; called by the actions of every app inside their transaction."""

from __future__ import annotations

from typing import Any

from django.db import models

from gongkai.web.audit.models import AuditEvent
from gongkai.web.clock import now, replaying

# ``now`` and ``replaying`` live in the time seam (gongkai.web.clock); they are named here too
# because migration replies.0003 refers to ``gongkai.web.audit.record.now``.
__all__ = ["now", "record", "replaying", "timeline"]


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

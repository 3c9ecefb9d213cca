"""The audit trail: an append-only record of every state change (who, when, what, before/after).

Append-only is enforced three times: ``save`` refuses to update, ``delete`` and queryset
``update``/``delete`` refuse, and database triggers (see ``guard.py``, installed by a migration)
reject UPDATE and DELETE from any client, including raw SQL.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from gongkai.web.model_fields import Model, RefusingQuerySet, optional_reference


class AuditTrailError(Exception):
    pass


class AuditQuerySet(RefusingQuerySet["AuditEvent"]):
    error = AuditTrailError
    update_refused = "审计记录不可修改"
    delete_refused = "审计记录不可删除"


class AuditEvent(Model):
    at = models.DateTimeField("时间", default=timezone.now, db_index=True)
    actor = optional_reference(settings.AUTH_USER_MODEL, "操作人")
    #: Who acted, as shown (kept even if the account is renamed): a user's name, or "申请人（网上）".
    actor_label = models.CharField("操作人名称", max_length=100)
    action = models.CharField("操作", max_length=60, db_index=True)
    summary = models.CharField("说明", max_length=300)
    object_type = models.CharField("对象类型", max_length=60)
    object_id = models.CharField("对象编号", max_length=40)
    agency = optional_reference("accounts.Agency", "机构")
    before = models.JSONField("变更前", null=True, blank=True)
    after = models.JSONField("变更后", null=True, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        verbose_name = "审计记录"
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["object_type", "object_id", "at"], name="audit_object_idx")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.summary}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AuditTrailError("审计记录不可修改")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AuditTrailError("审计记录不可删除")

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from gongkai.web.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the audit trail can be searched, never edited."""

    list_display = ("at", "actor_label", "action", "summary", "object_type", "object_id")
    list_filter = ("action", "object_type")
    search_fields = ("summary", "object_id", "actor_label")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

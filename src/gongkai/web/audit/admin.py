from django.contrib import admin

from gongkai.web.admin_base import ReadOnlyAdmin
from gongkai.web.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    """Read-only: the audit trail can be searched, never edited."""

    list_display = ("at", "actor_label", "action", "summary", "object_type", "object_id")
    list_filter = ("action", "object_type")
    search_fields = ("summary", "object_id", "actor_label")

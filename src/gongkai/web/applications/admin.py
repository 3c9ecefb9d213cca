from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from gongkai.web.admin_base import ReadOnlyAdmin
from gongkai.web.applications.models import Application, CaseEvent


class CaseEventInline(admin.TabularInline):
    model = CaseEvent
    extra = 0
    can_delete = False
    readonly_fields = ("kind", "on", "until", "detail", "note", "by", "created_at")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Application)
class ApplicationAdmin(ReadOnlyAdmin):
    """Read-only in admin: cases change only through the actions (audited, deadline-checked)."""

    list_display = ("number", "agency", "status", "received_on", "due_on")
    list_filter = ("status", "agency")
    search_fields = ("number",)
    inlines = [CaseEventInline]

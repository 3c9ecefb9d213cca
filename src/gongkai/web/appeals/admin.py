from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from gongkai.web.appeals.models import Appeal


@admin.register(Appeal)
class AppealAdmin(admin.ModelAdmin):
    """Read-only in admin: cases change only through the actions (audited, validated)."""

    list_display = ("__str__", "agency", "kind", "filed_on", "result", "decided_on")
    list_filter = ("kind", "result", "agency")
    search_fields = ("case_number",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

from django.contrib import admin

from gongkai.web.admin_base import ReadOnlyAdmin
from gongkai.web.appeals.models import Appeal


@admin.register(Appeal)
class AppealAdmin(ReadOnlyAdmin):
    """Read-only in admin: cases change only through the actions (audited, validated)."""

    list_display = ("__str__", "agency", "kind", "filed_on", "result", "decided_on")
    list_filter = ("kind", "result", "agency")
    search_fields = ("case_number",)

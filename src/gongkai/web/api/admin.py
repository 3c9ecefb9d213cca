from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from gongkai.errors import GongkaiError
from gongkai.web.api import actions
from gongkai.web.api.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are created with ``gongkai manage create_api_token`` (the token is shown once there);
    here they are listed and revoked -- through the audited action, never edited."""

    list_display = (
        "name",
        "agency",
        "prefix",
        "may_submit",
        "may_read",
        "created_at",
        "last_used_at",
        "revoked_at",
    )
    list_filter = ("agency",)
    readonly_fields = [f.name for f in ApiToken._meta.fields]
    actions = ["revoke"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.action(description="吊销所选令牌")
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        for token in queryset:
            try:
                actions.do_revoke_api_token(token, acting_user=request.user)
            except GongkaiError as exc:
                self.message_user(request, exc.message, messages.WARNING)
            else:
                self.message_user(request, f"已吊销“{token.name}”。")

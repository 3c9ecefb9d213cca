from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest

from gongkai.web.accounts.actions import do_set_agency_kind
from gongkai.web.accounts.models import Agency, Membership, User
from gongkai.web.actions_base import batch


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1


@admin.register(User)
class GongkaiUserAdmin(UserAdmin):
    fieldsets = (*(UserAdmin.fieldsets or ()), ("公开工作", {"fields": ("full_name",)}))
    list_display = ("username", "full_name", "email", "is_active")
    inlines = [MembershipInline]


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ("name", "short_name", "parent", "kind", "kind_note")
    list_filter = ("kind",)
    search_fields = ("name",)
    readonly_fields = ("kind_note",)

    def save_model(self, request: HttpRequest, obj: Agency, form: Any, change: bool) -> None:
        # A changed kind goes through the audited action (the other fields save as usual).
        if not change or "kind" not in form.changed_data:
            super().save_model(request, obj, form, change)
            return
        wanted = obj.kind
        obj.kind = form.initial["kind"]
        super().save_model(request, obj, form, change)
        with batch():  # the admin already holds the transaction
            do_set_agency_kind(obj, wanted, acting_user=request.user)

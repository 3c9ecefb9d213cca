from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest

from gongkai.web.accounts import actions
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

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        """A change of the superuser, staff or active flag is an audited action (issue 15 point 2)."""
        if change and any(name in form.changed_data for name in actions.FLAGS):
            before = {name: form.initial.get(name, False) for name in actions.FLAGS}
            with batch():
                actions.do_save_user_flags(obj, before, acting_user=request.user)
            return
        super().save_model(request, obj, form, change)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        """Role changes go through the accounts actions, one audited step each (issue 15 point 2).
        The admin's change form already holds a transaction: the steps run inside it (batch)."""
        if formset.model is not Membership:
            super().save_formset(request, form, formset, change)
            return
        user = form.instance
        # What the admin's change message (the history of the user's page) is built from.
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        with batch():
            for inline in formset.forms:
                if not inline.has_changed() or not hasattr(inline, "cleaned_data"):
                    continue
                data, old = inline.cleaned_data, inline.instance
                if old.pk is not None:
                    # A row edited (or ticked for deletion): the old role goes, a new one comes.
                    original = Membership.objects.select_related("user", "agency").get(pk=old.pk)
                    actions.do_revoke_role(original, acting_user=request.user)
                    formset.deleted_objects.append(original)
                if data and not data.get("DELETE") and data.get("agency") and data.get("role"):
                    granted = actions.do_grant_role(
                        user, data["agency"], data["role"], acting_user=request.user
                    )
                    formset.new_objects.append(granted)


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
            actions.do_set_agency_kind(obj, wanted, acting_user=request.user)

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from gongkai.web.accounts.models import Agency, Membership, User


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
    list_display = ("name", "short_name", "parent")
    search_fields = ("name",)

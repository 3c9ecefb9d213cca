"""Django admin (系统管理员 only): an agency's 索引号 scheme and review chain, and its catalogue tree.

Items, reviews, versions and publications are not editable here: they change only through the
actions (with their audit rows).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin

from gongkai.errors import GongkaiError
from gongkai.web.disclosure import catalogue
from gongkai.web.disclosure.models import Category, DisclosureSetup


class SetupForm(forms.ModelForm):
    class Meta:
        model = DisclosureSetup
        fields = ["agency", "index_prefix", "index_pattern", "review_chain"]

    def clean_review_chain(self) -> Any:
        try:
            return catalogue.validate_chain(self.cleaned_data["review_chain"])
        except GongkaiError as exc:
            raise forms.ValidationError(exc.message) from exc

    def clean_index_pattern(self) -> str:
        pattern = self.cleaned_data["index_pattern"]
        try:
            catalogue.format_index(pattern, prefix="0", category="01", year=2026, serial=1)
        except GongkaiError as exc:
            raise forms.ValidationError(str(exc)) from exc
        return str(pattern)


@admin.register(DisclosureSetup)
class SetupAdmin(admin.ModelAdmin):
    form = SetupForm
    list_display = ["agency", "index_prefix", "index_pattern"]


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["agency", "code", "name", "parent"]
    list_filter = ["agency"]
    search_fields = ["name", "code"]

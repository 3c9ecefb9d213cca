"""A model names itself once (gongkai.web.model_fields.Model): Chinese nouns have no plural."""

from __future__ import annotations

from django.apps import apps

from gongkai.web.accounts.models import Agency, User


def test_the_plural_is_the_name_itself() -> None:
    assert str(Agency._meta.verbose_name_plural) == "行政机关"
    assert str(User._meta.verbose_name_plural) == "用户"


def test_every_named_model_of_the_web_layer_has_no_english_plural() -> None:
    named = [
        m
        for m in apps.get_models()
        if m.__module__.startswith("gongkai.") and "verbose_name" in m._meta.original_attrs
    ]
    assert len(named) > 30
    assert all(str(m._meta.verbose_name_plural) == str(m._meta.verbose_name) for m in named)
    # The migration state records the plural as if it were written out (makemigrations sees no change).
    assert all(m._meta.original_attrs["verbose_name_plural"] == m._meta.verbose_name for m in named)

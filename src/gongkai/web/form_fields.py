"""Form field shapes the apps share, declared once (the forms' twin of ``model_fields``)."""

from __future__ import annotations

from typing import Any

from django import forms

#: The browser's date picker; ISO format, which ``<input type="date">`` requires.
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def date_field(label: str, **options: Any) -> forms.DateField:
    """A date picked in the browser (``options``: ``required``, ``help_text``...)."""
    return forms.DateField(label=label, widget=DATE_WIDGET, **options)


def text_field(label: str, rows: int = 2, **options: Any) -> forms.CharField:
    """Free text of a few lines, ``rows`` high (``options``: ``required``, ``help_text``...)."""
    return forms.CharField(label=label, widget=forms.Textarea(attrs={"rows": rows}), **options)


def working_days_field(label: str, **options: Any) -> forms.IntegerField:
    """A period the agency sets in working days, 1 to 60 (its end follows the working calendar)."""
    return forms.IntegerField(label=label, min_value=1, max_value=60, **options)

"""``{% cell c urls %}``: a table cell's value, linked to the records behind it when a URL is known."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html

from gongkai.web.annual.display import Cell

register = template.Library()


@register.simple_tag
def cell(c: Cell, urls: dict[str, str | None] | None = None) -> str:
    # A missing cell (None) is printed blank, never 0 (report-json.md).
    value: Any = "" if c.value is None else c.value
    url = (urls or {}).get(c.path)
    if url is None:
        return format_html('<span data-cell="{}">{}</span>', c.path, value)
    return format_html('<a href="{}" data-cell="{}" title="查看该项对应的记录">{}</a>', url, c.path, value)

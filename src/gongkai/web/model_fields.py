"""Model field shapes the apps share, declared once."""

from __future__ import annotations

from typing import Any

from django.db import models


def optional_reference(to: Any, verbose_name: str | None = None, *, related_name: str = "+") -> Any:
    """A link that may stay empty (``null``/``blank``) and keeps what it points to from being
    deleted (``PROTECT``: records here are evidence): who registered, which agency, and the like.

    The migration state is the same as writing the ``ForeignKey`` out in full."""
    return models.ForeignKey(
        to,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name=related_name,
    )

"""Model field shapes, and the frozen-evidence behaviour, that the apps share, declared once."""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar

from django.db import models
from django.db.models.base import ModelBase


class _OneName(ModelBase):
    """Chinese nouns have no plural: a Meta that gives ``verbose_name`` gets it as
    ``verbose_name_plural`` too (Django would add an "s"), so that each model names itself once.
    The Meta keeps it as its own attribute: the migration state is as if it were written out."""

    def __new__(mcs, name: str, bases: tuple[type, ...], attrs: dict[str, Any], **kwargs: Any) -> Any:
        meta = attrs.get("Meta")
        if meta is not None and "verbose_name" in vars(meta) and "verbose_name_plural" not in vars(meta):
            meta.verbose_name_plural = meta.verbose_name
        return super().__new__(mcs, name, bases, attrs, **kwargs)


class Model(models.Model, metaclass=_OneName):
    """The base of the web layer's models (see ``_OneName``)."""

    class Meta:
        abstract = True


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


class IssuedFiles(Model):
    """A document as issued: the exact DOCX and PDF bytes and their SHA-256 digests (what the
    applicant received must be provable later). Rows are never updated nor deleted."""

    docx = models.BinaryField("DOCX")
    pdf = models.BinaryField("PDF")
    docx_sha256 = models.CharField("DOCX SHA-256", max_length=64)
    pdf_sha256 = models.CharField("PDF SHA-256", max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


_M = TypeVar("_M", bound=models.Model)


class RefusingQuerySet(models.QuerySet[_M]):
    """Bulk updates and deletes are refused too, not only ``save()`` of a loaded row, for rows
    that are evidence once written. Each subclass names its error and the reasons it gives."""

    error: ClassVar[type[Exception]]
    update_refused: ClassVar[str]
    delete_refused: ClassVar[str]

    def update(self, **kwargs: Any) -> int:
        raise self.error(self.update_refused)

    def delete(self) -> tuple[int, dict[str, int]]:
        raise self.error(self.delete_refused)

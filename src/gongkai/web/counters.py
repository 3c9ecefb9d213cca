"""The yearly serial counters of an agency (registration numbers, 索引号, 文号 of replies and of
procedural letters): one row per agency and year, locked while a number is taken."""

from __future__ import annotations

from django.db import models

from gongkai.web.model_fields import Model


class YearlyCounter(Model):
    """The last serial an agency used in a year. Each concrete counter names its own unique
    (agency, year) constraint in its Meta."""

    agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True

    @classmethod
    def take_next(cls, agency_id: int, year: int) -> int:
        """The next serial of the agency in ``year``; the row stays locked until the caller's
        transaction ends (call inside it)."""
        counter, _ = cls.objects.select_for_update().get_or_create(agency_id=agency_id, year=year)
        counter.last += 1
        counter.save(update_fields=["last"])
        return counter.last

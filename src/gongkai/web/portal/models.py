"""The public portal's own data: the 政府信息公开指南 (versioned) and the search table.

The search index proper (an FTS5 table on SQLite, a tsvector table with a GIN index on
PostgreSQL) is created by migration 0002 and written by ``gongkai.web.portal.search``; this
``SearchEntry`` table holds what results show and are filtered by.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from gongkai.web.disclosure.vocabulary import DocType
from gongkai.web.model_fields import Model


class Guide(Model):
    """One published version of an agency's 政府信息公开指南 (条例 第十二条); never edited."""

    agency = models.ForeignKey(
        "accounts.Agency", on_delete=models.PROTECT, related_name="+", verbose_name="机构"
    )
    version = models.PositiveSmallIntegerField("版本")
    body = models.TextField("正文")
    published_on = models.DateField("发布日期")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "政府信息公开指南"
        ordering = ["agency_id", "-version"]
        constraints = [models.UniqueConstraint(fields=["agency", "version"], name="guide_version")]


class SearchEntry(Model):
    """What the portal shows of a published item, and the fields results are filtered by."""

    item = models.OneToOneField(
        "disclosure.Item", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    agency = models.ForeignKey("accounts.Agency", on_delete=models.CASCADE, related_name="+")
    #: The top-level heading of the item's category (filters use the headings).
    category = models.ForeignKey("disclosure.Category", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    doc_type = models.CharField(max_length=20, choices=DocType.choices())
    published_on = models.DateField()
    title = models.CharField(max_length=300)
    #: 内容概述 of the published version (条例 第十二条第三款: the 目录 lists it).
    summary = models.TextField(blank=True, default="")
    index_number = models.CharField(max_length=80)
    doc_number = models.CharField(max_length=80, blank=True, default="")
    #: Body and attachments' text, for snippets.
    text = models.TextField(blank=True, default="")

    class Meta:
        indexes = [
            # The portal's lists: newest first, overall and per agency (and its headings' counts).
            models.Index(fields=["-published_on", "-item"], name="search_latest_idx"),
            models.Index(fields=["agency", "-published_on", "-item"], name="search_agency_latest_idx"),
            models.Index(fields=["agency", "category"], name="search_agency_category_idx"),
        ]

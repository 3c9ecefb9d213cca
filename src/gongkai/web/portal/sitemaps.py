"""The sitemap (django.contrib.sitemaps): published items and the agencies' catalogue pages."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from gongkai.web.accounts.models import Agency
from gongkai.web.portal.models import SearchEntry


class ItemSitemap(Sitemap):
    changefreq = "monthly"
    limit = 5000

    def items(self) -> Any:
        return SearchEntry.objects.order_by("item_id").only("item_id", "published_on")

    def location(self, item: SearchEntry) -> str:
        return reverse("portal:item", args=[item.item_id])

    def lastmod(self, item: SearchEntry) -> date:
        return item.published_on


class CatalogueSitemap(Sitemap):
    changefreq = "daily"

    def items(self) -> Any:
        return Agency.objects.order_by("pk")

    def location(self, agency: Agency) -> str:
        return reverse("portal:agency", args=[agency.pk])


SITEMAPS = {"items": ItemSitemap, "catalogue": CatalogueSitemap}

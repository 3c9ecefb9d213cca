"""The sitemap (django.contrib.sitemaps): published items and the agencies' catalogue pages."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from gongkai.web.accounts.models import Agency
from gongkai.web.portal.annual_reports import AnnualReportSitemap
from gongkai.web.portal.headings import visible_top_headings
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


class HeadingSitemap(Sitemap):
    """Each agency's catalogue by heading: the active top-level headings only (a deactivated one
    is no longer a page of the catalogue; its items are listed under "其他")."""

    changefreq = "daily"

    def items(self) -> Any:
        return visible_top_headings()

    def location(self, heading: Any) -> str:
        return reverse("portal:agency", args=[heading.agency_id]) + f"?category={heading.pk}"


SITEMAPS = {
    "items": ItemSitemap,
    "catalogue": CatalogueSitemap,
    "headings": HeadingSitemap,
    "annual": AnnualReportSitemap,
}

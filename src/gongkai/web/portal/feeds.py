"""RSS and Atom feeds of newly published items (django.contrib.syndication)."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from gongkai.web.portal.models import SearchEntry


class LatestRss(Feed):
    title = "政府信息公开 · 最新主动公开信息"
    description = "各机关最新发布的主动公开政府信息"

    def link(self) -> str:
        return reverse("portal:home")

    def items(self) -> Any:
        return SearchEntry.objects.select_related("agency").order_by("-published_on", "-item_id")[:50]

    def item_title(self, item: SearchEntry) -> str:
        return item.title

    def item_description(self, item: SearchEntry) -> str:
        return f"{item.agency.name} · 索引号 {item.index_number}" + (
            f" · {item.doc_number}" if item.doc_number else ""
        )

    def item_link(self, item: SearchEntry) -> str:
        return reverse("portal:item", args=[item.item_id])

    def item_pubdate(self, item: SearchEntry) -> datetime:
        return timezone.make_aware(datetime.combine(item.published_on, time(9)))

    def item_author_name(self, item: SearchEntry) -> str:
        return item.agency.name


class LatestAtom(LatestRss):
    feed_type = Atom1Feed
    subtitle = LatestRss.description

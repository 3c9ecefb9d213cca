"""Keeping the portal's search table in step with what is published (called by the actions)."""

from __future__ import annotations

from typing import Any

from gongkai.web.disclosure.catalogue import top_heading
from gongkai.web.portal import search
from gongkai.web.portal.cache import public_changed
from gongkai.web.portal.models import SearchEntry


def index_item(item: Any) -> SearchEntry:
    """Index the item's current published version (title, body, attachments' text)."""
    version = item.current_version
    if version is None:
        raise ValueError("item has no published version")
    text = "\n".join([version.body, *(a.text for a in version.attachments.all())])
    entry, _ = SearchEntry.objects.update_or_create(
        item_id=item.pk,
        defaults={
            "agency_id": item.agency_id,
            "category_id": top_heading(item.category).pk,
            "year": (item.published_on or version.published_on).year,
            "doc_type": item.doc_type,
            "published_on": version.published_on,
            "title": version.title,
            "summary": version.summary,
            "index_number": item.index_number,
            "doc_number": version.doc_number,
            "text": text,
        },
    )
    search.index_entry(entry)
    public_changed()
    return entry


def unindex_item(item: Any) -> None:
    search.unindex(item.pk)
    public_changed()


def catalogue_changed() -> None:
    """A heading was deactivated (or otherwise changed what the public catalogue shows)."""
    public_changed()

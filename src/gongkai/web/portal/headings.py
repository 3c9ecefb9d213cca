"""Which catalogue headings the public sees, and where items under deactivated ones are shown.

Staff deactivate a heading (``Category.active``) when they restructure their catalogue. That is
not a withdrawal: what was published stays public (withdrawal is its own recorded action, and a
published item must stay reachable by its URL and by search). So the items keep their heading in
the database, and the portal shows each under its nearest heading the public can still see: a
heading is visible when it and every heading above it are active (deactivating a heading hides its
whole subtree). An item with no visible heading above it -- its top-level heading was deactivated
-- is shown in a group "其他", so that the headings' counts still add up to the agency's total.
"""

from __future__ import annotations

from collections.abc import Iterable

from gongkai.web.disclosure.models import Category

#: The group of items filed under deactivated top-level headings (the ``category`` query value).
OTHER = "other"
OTHER_NAME = "其他"


def visible_heading(category: Category) -> Category | None:
    """The nearest heading at or above ``category`` that the public sees; None for "其他"."""
    chain = [category]
    while chain[-1].parent_id is not None and chain[-1].parent is not None:
        chain.append(chain[-1].parent)
    # Everything below the topmost deactivated heading is hidden with it.
    hidden = max((i for i, c in enumerate(chain) if not c.active), default=-1)
    return chain[hidden + 1] if hidden + 1 < len(chain) else None


def heading_label(category: Category) -> str:
    """The heading an item page shows: "上级 / 名称" of its visible heading, or "其他"."""
    shown = visible_heading(category)
    return str(shown) if shown is not None else OTHER_NAME


def visible_top_headings(agency_ids: Iterable[int] | None = None) -> list[Category]:
    """Active top-level headings (those the portal's navigation and filters list)."""
    headings = Category.objects.filter(parent=None, active=True)
    if agency_ids is not None:
        headings = headings.filter(agency_id__in=list(agency_ids))
    return list(headings.select_related("agency").order_by("agency_id", "code"))


def hidden_top_heading_ids(agency_id: int) -> list[int]:
    """The agency's deactivated top-level headings: their items make up "其他"."""
    return list(
        Category.objects.filter(agency_id=agency_id, parent=None, active=False).values_list("pk", flat=True)
    )

"""Who may do what in proactive disclosure (built on accounts.permissions).

- The agency's 经办人 (and its 机构负责人) keep its catalogue: create, edit, scan, submit, publish,
  withdraw, record life events, figures and the ledger.
- A review step may be taken by a holder of the role the agency's chain names for that step.
- Staff read their own agency; a 公开办 or 系统管理员 reads the subtree (they supervise it).
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from gongkai.web.accounts import permissions as accounts
from gongkai.web.accounts.models import Role
from gongkai.web.disclosure.models import Item

KEEPERS = frozenset({Role.CLERK, Role.HEAD})


def visible_items(user: Any) -> QuerySet[Item]:
    return Item.objects.filter(agency_id__in=accounts.visible_agency_ids(user))


def can_view(user: Any, agency_id: int) -> bool:
    return agency_id in accounts.visible_agency_ids(user)


def can_keep(user: Any, agency_id: int) -> bool:
    """May edit the agency's catalogue and publish (经办人, 机构负责人)."""
    return bool(accounts.roles_in(user, agency_id) & KEEPERS)


def can_take_step(user: Any, agency_id: int, role: str) -> bool:
    return role in accounts.roles_in(user, agency_id)


def keeper_agency_ids(user: Any) -> set[int]:
    return accounts.handling_agency_ids(user, KEEPERS)

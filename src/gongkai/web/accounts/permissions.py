"""Who may see and do what. Shared by the HTML views and (later) the API: one place per rule.

- Staff (经办人/审核人/机构负责人) see their own agency's data only.
- A 公开办 (supervisor) or 系统管理员 sees its agency's whole subtree (条例 第三条、第四条: the
  office in charge supervises the disclosure work of the agencies under it) but handles only
  its own agency's cases.
- Django admin is for platform superusers only; a 系统管理员 edits the calendar on Gongkai's pages.
"""

from __future__ import annotations

from collections.abc import Iterable

from gongkai.web.accounts.models import Agency, Membership, Role, User

#: Roles that see the whole subtree below their agency.
SUBTREE_ROLES = frozenset({Role.SUPERVISOR, Role.ADMIN})


def _memberships(user: User) -> list[Membership]:
    cached = getattr(user, "_gongkai_memberships", None)
    if cached is None:
        cached = list(Membership.objects.filter(user=user).select_related("agency"))
        user._gongkai_memberships = cached
    return cached


def roles_in(user: User, agency_id: int) -> set[str]:
    """The roles ``user`` holds in the agency itself (not inherited from a parent)."""
    if not user.is_authenticated:
        return set()
    return {m.role for m in _memberships(user) if m.agency_id == agency_id}


def visible_agency_ids(user: User) -> set[int]:
    """Agencies whose applications ``user`` may read."""
    if not user.is_authenticated or not user.is_active:
        return set()
    ids: set[int] = set()
    for m in _memberships(user):
        if m.role in SUBTREE_ROLES:
            ids |= m.agency.subtree_ids()
        else:
            ids.add(m.agency_id)
    return ids


def handling_agency_ids(user: User, roles: Iterable[str] = (Role.CLERK, Role.HEAD)) -> set[int]:
    """Agencies in which ``user`` holds one of ``roles`` (the agencies whose cases they handle)."""
    if not user.is_authenticated or not user.is_active:
        return set()
    wanted = set(roles)
    return {m.agency_id for m in _memberships(user) if m.role in wanted}


def is_staff_member(user: User) -> bool:
    return bool(user.is_authenticated and user.is_active and _memberships(user))


def can_use_django_admin(user: User) -> bool:
    """Django admin: platform superusers only (issue 15 point 2).

    The simpler of the two safe options: scoping every ModelAdmin to the user's subtree would
    need a queryset and a choice filter on every registered model and inline, and one missed
    would again make an agency's administrator a global one. An agency's 系统管理员 does its
    work on Gongkai's own pages, which are scoped like every other."""
    return bool(user.is_authenticated and user.is_active and user.is_superuser)


def can_use_admin(user: User) -> bool:
    """Django admin: system administrators only."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or any(m.role == Role.ADMIN for m in _memberships(user))


def agencies_for_intake(user: User) -> list[Agency]:
    """Agencies in which ``user`` may register an application received by staff."""
    ids = handling_agency_ids(user)
    return list(Agency.objects.filter(pk__in=ids).order_by("name"))


def can_set_kind(user: User, agency_id: int) -> bool:
    """Setting an agency's kind is configuration: a superuser, or a 系统管理员 over that agency."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return any(m.role == Role.ADMIN and agency_id in m.agency.subtree_ids() for m in _memberships(user))

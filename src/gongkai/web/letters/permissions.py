"""Who edits an agency's letter templates: its 机构负责人 (the head of the disclosure office, who
signs off its letters), or a 系统管理员 whose agency is the agency or one above it (configuration
is the administrators' task, accounts.permissions). Clerks, reviewers and supervisors read the
letters but do not change the templates."""

from __future__ import annotations

from typing import Any

from gongkai.web.accounts import permissions as accounts
from gongkai.web.accounts.models import Membership, Role


def template_agency_ids(user: Any) -> set[int]:
    """Agencies whose templates ``user`` may edit."""
    if not accounts.is_staff_member(user):
        return set()
    ids = set(accounts.handling_agency_ids(user, (Role.HEAD,)))
    for m in Membership.objects.filter(user=user, role=Role.ADMIN).select_related("agency"):
        ids |= m.agency.subtree_ids()
    return ids


def can_edit_templates(user: Any, agency_id: int) -> bool:
    return agency_id in template_agency_ids(user)

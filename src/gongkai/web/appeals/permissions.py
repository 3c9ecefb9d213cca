"""Who reads and records reconsideration/litigation cases (built on accounts.permissions).

Reading follows the agency subtree (a 公开办 sees the agencies under it); recording is for the
respondent agency's own 经办人 and 机构负责人, like handling its applications.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from gongkai.web.accounts import permissions as accounts
from gongkai.web.accounts.models import Agency, Role
from gongkai.web.appeals.models import Appeal


def visible(user: Any) -> QuerySet[Appeal]:
    return Appeal.objects.filter(agency_id__in=accounts.visible_agency_ids(user))


def can_record(user: Any, agency: Agency) -> bool:
    return bool(accounts.roles_in(user, agency.pk) & {Role.CLERK, Role.HEAD})


def can_see_personal_data(user: Any, appeal: Appeal) -> bool:
    """The applicant's name unmasked: the agency's own staff only (as for applications)."""
    return bool(accounts.roles_in(user, appeal.agency_id) & {Role.CLERK, Role.HEAD, Role.REVIEWER})

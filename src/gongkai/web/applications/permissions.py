"""Who may see and do what with applications (shared by HTML views and the API).

Built on accounts.permissions: staff see their own agency's cases, a 公开办 its subtree; only the
agency's own 经办人 (or its 机构负责人) handle a case, only its 机构负责人 approves an extension
(条例 第三十三条第二款).
"""

from __future__ import annotations

from typing import Any

from gongkai.web.accounts import permissions as accounts
from gongkai.web.accounts.models import Agency, Role
from gongkai.web.applications.models import Application, ApplicationQuerySet


def visible(user: Any) -> ApplicationQuerySet:
    """Every application ``user`` may read (none for anonymous users)."""
    ids = accounts.visible_agency_ids(user)
    return Application.objects.filter(agency_id__in=ids)


def can_view(user: Any, app: Application) -> bool:
    return app.agency_id in accounts.visible_agency_ids(user)


def can_handle(user: Any, app: Application) -> bool:
    return bool(accounts.roles_in(user, app.agency_id) & {Role.CLERK, Role.HEAD})


def can_approve_extension(user: Any, app: Application) -> bool:
    return Role.HEAD in accounts.roles_in(user, app.agency_id)


def can_register(user: Any, agency: Agency) -> bool:
    return bool(accounts.roles_in(user, agency.pk) & {Role.CLERK, Role.HEAD})


#: Who sees applicants' personal data unmasked: the handling agency's own staff (not supervisors).
PERSONAL_DATA_ROLES = (Role.CLERK, Role.HEAD, Role.REVIEWER)


def can_see_personal_data(user: Any, app: Application) -> bool:
    """Unmasked applicant details: the handling agency's own staff only (not supervisors)."""
    return bool(accounts.roles_in(user, app.agency_id) & set(PERSONAL_DATA_ROLES))


def personal_data_agency_ids(user: Any) -> set[int]:
    """The agencies whose applicants' personal data ``user`` sees unmasked (``can_see_personal_data``)."""
    return accounts.handling_agency_ids(user, PERSONAL_DATA_ROLES)

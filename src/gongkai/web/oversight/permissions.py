"""Who oversees which agencies' annual reports.

条例 第三条、第四条: the office in charge of disclosure (公开办) supervises the disclosure work of the
agencies below it. Here a 公开办 (supervisor) or the 机构负责人 (head) of an agency sees that agency
and its whole subtree -- never a sibling or a parent. Clerks and reviewers handle cases; they do not
oversee, and a 系统管理员 configures the system without reading reports.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from gongkai.web.accounts.models import Agency, Role, User
from gongkai.web.accounts.permissions import roles_in

OVERSIGHT_ROLES = frozenset({Role.SUPERVISOR, Role.HEAD})


def _agencies_with(user: User, roles: frozenset[str]) -> list[Agency]:
    """The agencies in which ``user`` holds one of ``roles``, by name."""
    if not user.is_authenticated or not user.is_active:
        return []
    return list(
        Agency.objects.filter(memberships__user=user, memberships__role__in=roles).distinct().order_by("name")
    )


def overseeing_agencies(user: User) -> list[Agency]:
    """The agencies in which ``user`` holds an oversight role, by name."""
    return _agencies_with(user, OVERSIGHT_ROLES)


def can_oversee(user: User, agency: Agency) -> bool:
    return bool(user.is_active and roles_in(user, agency.pk) & OVERSIGHT_ROLES)


def overseen_ids(user: User, agency: Agency) -> set[int]:
    """``agency`` and its subtree, if ``user`` oversees ``agency``; else PermissionDenied."""
    if not can_oversee(user, agency):
        raise PermissionDenied("您没有查看该机构所属单位年度报告的权限。")
    return agency.subtree_ids()


def may_see_agency(user: User, agency_id: int) -> bool:
    """Whether some agency ``user`` oversees has ``agency_id`` in its subtree."""
    return any(agency_id in a.subtree_ids() for a in overseeing_agencies(user))


#: Who uploads agencies' report files for the bulk check: the 公开办 that collects them. A head
#: oversees its own subtree's reports in Gongkai but has no files to bring in (issue 15 point 3).
UPLOAD_ROLES = frozenset({Role.SUPERVISOR})


def uploading_agencies(user: User) -> list[Agency]:
    """The agencies for which ``user`` may upload reports, by name."""
    return _agencies_with(user, UPLOAD_ROLES)


def can_upload(user: User, agency: Agency) -> bool:
    return bool(user.is_active and roles_in(user, agency.pk) & UPLOAD_ROLES)


def upload_ids(user: User, agency: Agency) -> set[int]:
    """``agency`` and its subtree, if ``user`` uploads for ``agency``; else PermissionDenied."""
    if not can_upload(user, agency):
        raise PermissionDenied("只有公开办可以上传、指定或删除所属单位的年度报告文件。")
    return agency.subtree_ids()

"""Who oversees which agencies' annual reports.

条例 第三条、第四条: the office in charge of disclosure (公开办) supervises the disclosure work of the
agencies below it. Here a 公开办 (supervisor) or the 机构负责人 (head) of an agency sees that agency
and its whole subtree -- never a sibling or a parent. Clerks and reviewers handle cases; they do not
oversee, and a 系统管理员 configures the system without reading reports.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied

from gongkai.web.accounts.models import Agency, Role, User
from gongkai.web.accounts.permissions import roles_in


@dataclass(frozen=True)
class RoleScope:
    """The agencies a role gives a user: those where the user holds one of ``roles``, each with
    its whole subtree (``refusal``: why a user without them is turned away)."""

    roles: frozenset[str]
    refusal: str

    def agencies(self, user: User) -> list[Agency]:
        """The agencies in which ``user`` holds one of the roles, by name."""
        if not user.is_authenticated or not user.is_active:
            return []
        return list(
            Agency.objects.filter(memberships__user=user, memberships__role__in=self.roles)
            .distinct()
            .order_by("name")
        )

    def allows(self, user: User, agency: Agency) -> bool:
        return bool(user.is_active and roles_in(user, agency.pk) & self.roles)

    def subtree_ids(self, user: User, agency: Agency) -> set[int]:
        """``agency`` and its subtree, if ``user`` holds one of the roles there; else PermissionDenied."""
        if not self.allows(user, agency):
            raise PermissionDenied(self.refusal)
        return agency.subtree_ids()


OVERSIGHT_ROLES = frozenset({Role.SUPERVISOR, Role.HEAD})
OVERSIGHT = RoleScope(OVERSIGHT_ROLES, "您没有查看该机构所属单位年度报告的权限。")
overseeing_agencies = OVERSIGHT.agencies
can_oversee = OVERSIGHT.allows
overseen_ids = OVERSIGHT.subtree_ids


def may_see_agency(user: User, agency_id: int) -> bool:
    """Whether some agency ``user`` oversees has ``agency_id`` in its subtree."""
    return any(agency_id in a.subtree_ids() for a in overseeing_agencies(user))


#: Who uploads agencies' report files for the bulk check: the 公开办 that collects them. A head
#: oversees its own subtree's reports in Gongkai but has no files to bring in (issue 15 point 3).
UPLOAD_ROLES = frozenset({Role.SUPERVISOR})
UPLOAD = RoleScope(UPLOAD_ROLES, "只有公开办可以上传、指定或删除所属单位的年度报告文件。")
uploading_agencies = UPLOAD.agencies
can_upload = UPLOAD.allows
upload_ids = UPLOAD.subtree_ids

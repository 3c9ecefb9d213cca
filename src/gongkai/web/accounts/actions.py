"""The actions of accounts: an agency's kind (issue 16), role changes and an administrator's
reading of personal data unmasked (issue 15 point 2) -- each one step with its audit row
(web.actions_base)."""

from __future__ import annotations

from typing import Any

from gongkai.agencies import AgencyKind, parse_kind
from gongkai.web.accounts import events, permissions
from gongkai.web.accounts.models import Agency, Membership, User
from gongkai.web.accounts.permissions import can_use_django_admin
from gongkai.web.actions_base import ActionError, require_permission, step_record, top_level


@top_level(events.KIND_SET)
def do_set_agency_kind(agency: Agency, kind: str | AgencyKind, *, acting_user: Any) -> Agency:
    """Set (or confirm) what kind of body ``agency`` is; it decides the annual report's due date
    and who publishes it (条例 第四十九条) and whether its report must state 工作考核、社会评议和
    责任追究结果情况 (第五十条第（四）项). The note of an unknown kind is cleared.
    """
    require_permission(permissions.can_set_kind(acting_user, agency.pk))
    try:
        wanted = parse_kind(str(kind))
    except ValueError as exc:
        raise ActionError(str(exc)) from exc
    locked = Agency.objects.select_for_update().get(pk=agency.pk)
    before = {"kind": locked.kind, "kind_note": locked.kind_note}
    locked.kind, locked.kind_note = wanted.value, ""
    locked.save(update_fields=["kind", "kind_note"])
    step_record(
        acting_user=acting_user,
        summary=f"{locked.name}的机关类别设为“{wanted.value}”（{wanted.description}）",
        obj=locked,
        agency_id=locked.pk,
        before=before,
        after={"kind": locked.kind, "kind_note": ""},
    )
    agency.kind, agency.kind_note = locked.kind, locked.kind_note
    return locked


def _role_label(role: str) -> str:
    return dict(Membership._meta.get_field("role").flatchoices).get(role, role)


@top_level(events.ROLE_GRANTED)
def do_grant_role(user: User, agency: Agency, role: str, *, acting_user: Any) -> Membership:
    """Give ``user`` ``role`` in ``agency`` (platform superusers only: Django admin)."""
    require_permission(can_use_django_admin(acting_user))
    membership, _ = Membership.objects.get_or_create(user=user, agency=agency, role=role)
    step_record(
        acting_user=acting_user,
        summary=f"授予{user.username}在{agency.name}的“{_role_label(role)}”角色",
        obj=membership,
        after={"user": user.pk, "agency": agency.pk, "role": role},
    )
    return membership


@top_level(events.ROLE_REVOKED)
def do_revoke_role(membership: Membership, *, acting_user: Any) -> None:
    """Take a role away (platform superusers only: Django admin)."""
    require_permission(can_use_django_admin(acting_user))
    before = {"user": membership.user_id, "agency": membership.agency_id, "role": membership.role}
    step_record(
        acting_user=acting_user,
        summary=f"撤销{membership.user.username}在{membership.agency.name}的“{_role_label(membership.role)}”角色",
        obj=membership,
        before=before,
    )
    Membership.objects.filter(pk=membership.pk).delete()


@top_level(events.PERSONAL_DATA_VIEWED)
def do_view_personal_data(obj: Any, *, agency_id: int | None, acting_user: Any) -> None:
    """Record that an administrator opened ``obj``'s personal data unmasked."""
    require_permission(can_use_django_admin(acting_user))
    step_record(
        acting_user=acting_user,
        summary=f"在系统管理中查看{obj._meta.verbose_name}“{obj}”的完整个人信息",
        obj=obj,
        agency_id=agency_id,
    )


#: The user flags that give or take away powers (Django admin and logging in at all).
FLAGS = ("is_superuser", "is_staff", "is_active")


@top_level(events.FLAGS_CHANGED)
def do_save_user_flags(user: User, before: dict[str, bool], *, acting_user: Any) -> None:
    """Save ``user`` whose flags changed from ``before`` (platform superusers only: Django admin)."""
    require_permission(can_use_django_admin(acting_user))
    user.save()
    after = {name: getattr(user, name) for name in FLAGS}
    labels = {"is_superuser": "超级用户", "is_staff": "管理后台登录", "is_active": "启用"}
    changed = "、".join(f"{labels[n]}：{'是' if after[n] else '否'}" for n in FLAGS if after[n] != before[n])
    step_record(
        acting_user=acting_user,
        summary=f"修改用户{user.username}的权限标志（{changed}）",
        obj=user,
        agency_id=None,
        before=before,
        after=after,
    )

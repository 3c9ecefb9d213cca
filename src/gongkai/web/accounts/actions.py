"""State changes of accounts that are user steps (one transaction, one audit row each)."""

from __future__ import annotations

from typing import Any

from gongkai.agencies import AgencyKind, parse_kind
from gongkai.web.accounts import events, permissions
from gongkai.web.accounts.models import Agency
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

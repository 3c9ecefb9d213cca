"""Registering reconsideration/litigation cases and their results (one transaction, one audit row).

Only the respondent agency's own 经办人 or 机构负责人 record its cases; a 公开办 reads them
(appeals.permissions). A filing after the statutory period is still recorded -- the body or court
decides on admissibility, the agency only records -- and the page warns about it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from gongkai.web.accounts.models import Agency, User
from gongkai.web.actions_base import ActionError, require, require_permission, step_record, top_level
from gongkai.web.appeals import events, permissions
from gongkai.web.appeals.models import DECIDED_RESULTS, Appeal, Kind
from gongkai.web.applications.models import Application

#: Fields of the audit trail (the applicant's name is personal data and stays out of it).
AUDITED = (
    "kind",
    "after_reconsideration",
    "reconsideration_id",
    "application_id",
    "filed_on",
    "result",
    "decided_on",
)


class AppealError(ActionError):
    """Facts that cannot describe a real case (shown to the clerk in Chinese)."""


def _snapshot(appeal: Appeal) -> dict[str, Any]:
    return {f: (str(v) if isinstance(v := getattr(appeal, f), date) else v) for f in AUDITED}


def _audit(appeal: Appeal, summary: str, acting_user: User, before: dict[str, Any] | None = None) -> None:
    """The step's audit row: the case's fields before (if changed) and after."""
    step_record(
        acting_user=acting_user,
        summary=summary,
        obj=appeal,
        agency_id=appeal.agency_id,
        before=before,
        after=_snapshot(appeal),
    )


def _require(condition: bool, message: str) -> None:
    require(condition, message, AppealError)


def _validate(appeal: Appeal) -> None:
    _require(appeal.known_on >= appeal.act_on, "知道行政行为之日不能早于行政行为作出日期。")
    _require(appeal.filed_on >= appeal.act_on, "申请（起诉）日期不能早于行政行为作出日期。")
    if appeal.application is not None:
        _require(appeal.application.agency_id == appeal.agency_id, "所涉申请不属于本机关。")
    if appeal.kind == Kind.RECONSIDERATION:
        _require(not appeal.after_reconsideration, "行政复议案件不能标为“复议后起诉”。")
        _require(appeal.reconsideration is None, "行政复议案件不能关联前置的行政复议。")
        return
    prior = appeal.reconsideration
    if prior is not None:
        _require(appeal.after_reconsideration, "关联了前置行政复议的诉讼应为“复议后起诉”。")
        _require(
            prior.kind == Kind.RECONSIDERATION and prior.agency_id == appeal.agency_id,
            "前置案件须是本机关的行政复议案件。",
        )
        _require(prior.filed_on <= appeal.filed_on, "起诉日期不能早于前置行政复议的申请日期。")
    if appeal.decision_received_on is not None:
        _require(appeal.after_reconsideration, "只有复议后起诉才有“收到复议决定书之日”。")
        _require(appeal.decision_received_on <= appeal.filed_on, "收到复议决定书之日不能晚于起诉日期。")


@top_level(events.REGISTERED)
def do_register_appeal(agency: Agency, data: dict[str, Any], *, acting_user: User) -> Appeal:
    """Record a new case against ``agency``; ``data`` holds the Appeal fields (from the form)."""
    require_permission(permissions.can_record(acting_user, agency))
    application: Application | None = data.get("application")
    if application is not None:
        application = Application.objects.select_for_update().get(pk=application.pk)
    appeal = Appeal(agency=agency, created_by=acting_user, **{**data, "application": application})
    if appeal.kind == Kind.RECONSIDERATION:
        appeal.after_reconsideration = False
    _validate(appeal)
    appeal.save()
    _audit(appeal, f"登记{appeal.get_kind_display()}案件（{appeal.body}）", acting_user)
    return appeal


@top_level(events.RESULT_RECORDED)
def do_record_appeal_result(appeal: Appeal, *, result: str, decided_on: date, acting_user: User) -> Appeal:
    """Record (or change) the result of ``appeal`` and when it was reached."""
    require_permission(permissions.can_record(acting_user, appeal.agency))
    _require(result in DECIDED_RESULTS, "请选择结果：结果维持、结果纠正或其他结果。")
    appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
    _require(decided_on >= appeal.filed_on, "审结日期不能早于申请（起诉）日期。")
    before = _snapshot(appeal)
    appeal.result, appeal.decided_on = result, decided_on
    appeal.save(update_fields=["result", "decided_on"])
    _audit(appeal, f"记录{appeal.get_kind_display()}结果：{appeal.get_result_display()}", acting_user, before)
    return appeal

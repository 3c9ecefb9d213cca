"""Drafting a reply (起草答复 / 修改答复) and submitting it for review (提交审核)."""

from __future__ import annotations

from datetime import date

from gongkai.web.accounts.models import User
from gongkai.web.actions_base import require, require_permission, top_level
from gongkai.web.applications import clock
from gongkai.web.applications import events as case_events
from gongkai.web.applications.actions import take_step
from gongkai.web.applications.models import Application
from gongkai.web.applications.vocabulary import LAPSE_KIND_BY_OUTCOME, EventKind, ReasonsFinding
from gongkai.web.clock import now as clock_now
from gongkai.web.replies import events, permissions
from gongkai.web.replies.actions.common import (
    DRAFT_STEP,
    TEXT_FACTS,
    DraftData,
    audit_step,
    blockers,
    current_reply,
    locked,
)
from gongkai.web.replies.models import Reply, WithheldPart
from gongkai.workflow.cases import Action, CaseState
from gongkai.workflow.outcomes import WithheldPart as DomainWithheldPart
from gongkai.workflow.outcomes import validate_resolution


@top_level(events.DRAFT_SAVED)
def do_save_reply_draft(app: Application, draft: DraftData, *, on: date, acting_user: User) -> Reply:
    """Save the draft (a new version). The first save moves the case to 答复已起草 (起草答复),
    a save after a return moves it back there (修改答复)."""
    app = locked(app)
    require_permission(permissions.can_draft(acting_user, app))
    state = CaseState(app.status)
    require(
        state in DRAFT_STEP,
        f"案件处于“{app.get_status_display()}”状态，答复不能修改。",
    )
    lapse = LAPSE_KIND_BY_OUTCOME.get(draft.outcome)
    if lapse is not None:
        # 条例 第三十条 "无正当理由": a lapse is a clerk's finding on record, never a bare choice.
        confirmed = clock.latest(app, EventKind.LAPSE_CONFIRMED)
        require(
            confirmed is not None and confirmed.detail == lapse,
            "只有经办人确认申请人无正当理由逾期后，才能作出“不再处理”的答复（请先在“期限已过，待确认”时登记确认）。",
        )
    if draft.outcome == "reject_massive":
        # 第三十五条: 不予处理 only for reasons found unreasonable, never after finding them reasonable.
        answer = clock.latest(app, EventKind.REASONS_ANSWERED)
        require(
            answer is None or answer.detail != ReasonsFinding.REASONABLE,
            "本机关已认定申请理由合理，不能告知不予处理；可以确定延迟答复的合理期限（条例第三十五条）。",
        )
    step = DRAFT_STEP[state]
    if step is not None:
        take_step(app, step, on=on, acting_user=acting_user)
    return save_draft(app, draft, acting_user=acting_user, also=step is not None)


def save_draft(app: Application, draft: DraftData, *, acting_user: User, also: bool) -> Reply:
    """Write the draft of the locked case (a new version) and its audit row, inside the caller's
    action; ``also``: the case's own step row was written first."""
    parts = [
        DomainWithheldPart(w.description.strip(), w.ground)
        for w in draft.withheld
        if w.description.strip() or w.reason.strip()
    ]
    outcome = validate_resolution(draft.outcome, parts)
    ground = outcome.ground(draft.ground or None)
    for w in draft.withheld:
        if w.description.strip() or w.reason.strip():
            require(bool(w.description.strip()), "请写明不予公开的部分。")
            require(bool(w.reason.strip()), f"请写明“{w.description.strip()}”不予公开的理由。")
    reply = Reply.objects.select_for_update().filter(application=app).first() or Reply(application=app)
    reply.outcome = outcome.key
    reply.ground = ground.key if len(outcome.grounds) > 1 else ""
    for name in TEXT_FACTS:
        setattr(reply, name, getattr(draft, name).strip())
    reply.responsible_agency_undetermined = draft.responsible_agency_undetermined
    reply.version += 1
    reply.updated_by = acting_user
    reply.updated_at = clock_now()
    reply.save()
    reply.withheld_parts.all().delete()
    WithheldPart.objects.bulk_create(
        WithheldPart(reply=reply, ground=w.ground, description=w.description.strip(), reason=w.reason.strip())
        for w in draft.withheld
        if w.description.strip()
    )
    audit_step(
        app,
        events.DRAFT_SAVED,
        f"保存答复草稿（第{reply.version}版）：{outcome.label}",
        acting_user=acting_user,
        version=reply.version,
        outcome=reply.outcome,
        also=also,
    )
    return reply


@top_level(case_events.step_event(Action.SUBMIT_FOR_REVIEW))
def do_submit_reply_for_review(app: Application, *, on: date, acting_user: User) -> Reply:
    app = locked(app)
    require_permission(permissions.can_draft(acting_user, app))
    reply = current_reply(app)
    problems = blockers(reply)
    require(not problems, "不能提交审核：" + "；".join(problems))
    take_step(app, Action.SUBMIT_FOR_REVIEW, on=on, acting_user=acting_user, note=f"第{reply.version}版")
    return reply

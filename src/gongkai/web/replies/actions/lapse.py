"""Confirming a lapse (issue 16): the clerk finds that the applicant had no 正当理由 and drafts
the （六）1 or （六）2 告知书, which then goes through review, issue and delivery like any reply.

条例 第三十条: "申请人无正当理由逾期不补正的，视为放弃申请，行政机关不再处理该政府信息公开申请"; the
unpaid fee likewise under the fee rules (workflow.outcomes.FEE_LAPSE_BASIS). The finding (what the
applicant said, or that nothing came) is recorded with the period that ran out; the letter states
that period and can be composed only with the finding on record (its required element).
"""

from __future__ import annotations

from datetime import date

from gongkai.web.accounts.models import User
from gongkai.web.actions_base import require, require_permission, top_level
from gongkai.web.applications import clock
from gongkai.web.applications import events as case_events
from gongkai.web.applications import vocabulary as v
from gongkai.web.applications.actions.common import add_event, changing, transition_for
from gongkai.web.applications.actions.lapses import PENDING_KIND, end_fee_pause
from gongkai.web.applications.models import Application
from gongkai.web.replies import permissions
from gongkai.web.replies.actions.common import DraftData, locked
from gongkai.web.replies.actions.drafting import save_draft
from gongkai.web.replies.models import Reply
from gongkai.workflow.cases import LAPSE_OUTCOMES, Action, CaseState


@top_level(case_events.Event.LAPSE_CONFIRMED)
def do_confirm_lapse(
    app: Application,
    *,
    decided_on: date,
    finding: str,
    reconsideration_body: str,
    acting_user: User,
    contact: str = "",
    explanation: str = "",
) -> Reply:
    """No 正当理由: record the finding and draft the （六）1/2 告知书 -- the lapse's own outcome,
    with what the clerk adds for the letter (the reconsideration body its remedies name, the
    contact, an explanation)."""
    app = locked(app)
    require_permission(permissions.can_draft(acting_user, app))
    state = CaseState(app.status)
    require(state in LAPSE_OUTCOMES, f"案件处于“{app.get_status_display()}”状态，没有待确认的逾期。")
    t = transition_for(app, Action.CONFIRM_LAPSE, acting_user)
    require(
        bool(finding.strip()),
        "请写明认定申请人无正当理由的情况（申请人未作说明，或其说明及不予采纳的理由）。",
    )
    referred = clock.latest(app, v.EventKind.LAPSE_REFERRED)
    require(referred is not None and referred.until is not None, "本案没有已届满的期限记录。")
    assert referred is not None and referred.until is not None
    require(decided_on >= referred.on, "确认日期不能早于期限届满后转待确认之日。")
    kind = PENDING_KIND[state]
    with changing(app, t, acting_user=acting_user, summary=f"{t.label}：{finding.strip()}"):
        if kind == v.LapseKind.FEE:
            end_fee_pause(app)
        add_event(
            app,
            v.EventKind.LAPSE_CONFIRMED,
            decided_on,
            until=referred.until,
            detail=kind,
            note=finding.strip(),
            acting_user=acting_user,
        )
    draft = DraftData(
        outcome=LAPSE_OUTCOMES[state],
        reconsideration_body=reconsideration_body,
        contact=contact,
        explanation=explanation,
    )
    return save_draft(app, draft, acting_user=acting_user, also=True)

"""What the reply actions share: the reply's data as entered, the states it may change in, the
locked case, and the reply's own audit row next to the case's (web.actions_base)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gongkai.web.actions_base import require, step_record
from gongkai.web.applications.actions.common import locked
from gongkai.web.applications.models import Application
from gongkai.web.replies import composing
from gongkai.web.replies.models import TEXT_FACTS, Reply
from gongkai.workflow.cases import Action, CaseState
from gongkai.workflow.outcomes import WithheldPart as DomainWithheldPart

__all__ = ["TEXT_FACTS", "locked"]


@dataclass(frozen=True)
class WithheldData:
    ground: str  # one of workflow.DENIAL_KEYS
    description: str
    reason: str


@dataclass(frozen=True)
class DraftData:
    """What the clerk enters for a reply (the facts its letter is composed from): its text fields
    are the reply's TEXT_FACTS (replies.models), the outcome and its ground."""

    outcome: str
    ground: str = ""
    information_provided: str = ""
    delivery_how: str = ""
    refusal_reasons: str = ""
    search_description: str = ""
    not_ours_reasons: str = ""
    responsible_agency_name: str = ""
    responsible_agency_contact: str = ""
    responsible_agency_undetermined: bool = False
    other_channels: str = ""
    publication_access: str = ""
    explanation: str = ""
    legal_basis: str = ""
    reconsideration_body: str = ""
    court: str = ""
    contact: str = ""
    withheld: tuple[WithheldData, ...] = ()


#: States in which the clerk may (re)write the draft, and the step that first save takes.
DRAFT_STEP = {
    CaseState.RECEIVED: Action.DRAFT_REPLY,
    CaseState.IN_PROGRESS: Action.DRAFT_REPLY,
    CaseState.RETURNED: Action.REVISE,
    CaseState.REPLY_DRAFTED: None,
}


DRAFTABLE_STATES = frozenset(DRAFT_STEP)


#: Files for the applicant are added or redacted while the draft is with the clerk.
ATTACHABLE_STATES = frozenset({CaseState.REPLY_DRAFTED, CaseState.RETURNED})


#: The reviewer may justify a finding while the draft is still open: before submission too, since
#: an unresolved finding blocks the submission itself.
JUSTIFIABLE_STATES = frozenset({CaseState.REPLY_DRAFTED, CaseState.RETURNED, CaseState.UNDER_REVIEW})


def current_reply(app: Application) -> Reply:
    reply = Reply.objects.filter(application=app).select_related("application__agency").first()
    require(reply is not None, "尚未起草答复。")
    assert reply is not None
    return reply


def audit_step(
    app: Application, event: str, summary: str, *, acting_user: Any, also: bool = False, **after: Any
) -> None:
    """The reply's audit row of the step in progress (``also``: next to the case's workflow row)."""
    step_record(
        acting_user=acting_user,
        event=event,
        summary=summary,
        obj=app,
        after=after or None,
        also=also,
    )


def domain_withheld(reply: Reply) -> list[DomainWithheldPart]:
    return [DomainWithheldPart(p.description, p.ground) for p in reply.withheld_parts.all()]


def blockers(reply: Reply) -> list[str]:
    """Why the draft cannot go forward: letter elements missing, attachment findings unresolved."""
    problems = list(composing.problems(reply))
    unresolved = [a for a in reply.attachments.all() if a.unresolved]
    if unresolved:
        names = "、".join(f"“{a.original_name}”（{len(a.findings)}处）" for a in unresolved)
        problems.append(f"附件含有他人个人信息，须脱敏或由审核人说明保留理由：{names}")
    return problems

"""The life of a catalogue item: which step may be taken in which status, and where it leads.

One table, checked in one place (like ``gongkai.workflow``'s for cases): an action names its
step, ``check`` refuses it in a status the table does not list (with the Chinese reason shown to
the clerk), and ``move`` sets the status the step leads to. A step that leads nowhere
(``target`` None) leaves the status as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from gongkai.web.actions_base import require
from gongkai.web.disclosure.vocabulary import Status


class Step(StrEnum):
    EDIT = "edit"
    ATTACH = "attach"
    SCAN = "scan"
    REDACT = "redact"
    JUSTIFY = "justify"
    SUBMIT = "submit"
    APPROVE = "approve"  # a step of the review chain that is not the last
    APPROVE_LAST = "approve_last"
    RETURN = "return"
    PUBLISH = "publish"
    RECORD_CHANNEL = "record_channel"
    WITHDRAW = "withdraw"
    AMEND = "amend"  # 更正: a published or withdrawn item opened again as a draft


@dataclass(frozen=True)
class Transition:
    sources: frozenset[Status]
    target: Status | None
    refusal: str


def _t(sources: set[Status], target: Status | None, refusal: str) -> Transition:
    return Transition(frozenset(sources), target, refusal)


_DRAFT = {Status.DRAFT}
_CHANGED_IN_REVIEW = "审核环节已变化，请刷新"

#: Every step an item can take: from which statuses, to which, and why it is refused otherwise.
TRANSITIONS: MappingProxyType[Step, Transition] = MappingProxyType(
    {
        Step.EDIT: _t(_DRAFT, None, "只有草稿可以修改；已发布的请先“更正”"),
        Step.ATTACH: _t(_DRAFT, None, "只有草稿可以添加附件"),
        Step.SCAN: _t(_DRAFT, None, "只有草稿需要检查"),
        Step.REDACT: _t(_DRAFT, None, "只有草稿可以处理"),
        Step.JUSTIFY: _t(_DRAFT, None, "只有草稿可以处理"),
        Step.SUBMIT: _t(_DRAFT, Status.IN_REVIEW, "只有草稿可以提交审核"),
        Step.APPROVE: _t({Status.IN_REVIEW}, Status.IN_REVIEW, _CHANGED_IN_REVIEW),
        Step.APPROVE_LAST: _t({Status.IN_REVIEW}, Status.APPROVED, _CHANGED_IN_REVIEW),
        Step.RETURN: _t({Status.IN_REVIEW}, Status.DRAFT, _CHANGED_IN_REVIEW),
        Step.PUBLISH: _t({Status.APPROVED}, Status.PUBLISHED, "须经审核流程全部同意后才能发布"),
        Step.RECORD_CHANNEL: _t({Status.PUBLISHED}, None, "只有已发布的信息可以登记其他渠道"),
        Step.WITHDRAW: _t({Status.PUBLISHED}, Status.WITHDRAWN, "只有已发布的信息可以撤回"),
        Step.AMEND: _t(
            {Status.PUBLISHED, Status.WITHDRAWN}, Status.DRAFT, "只有已发布或已撤回的信息可以更正"
        ),
    }
)


def check(status: str, step: Step) -> Transition:
    """The transition of ``step`` from ``status``; ActionError (its refusal) if not allowed."""
    transition = TRANSITIONS[step]
    require(status in transition.sources, transition.refusal)
    return transition


def target(status: str, step: Step) -> str:
    """The status after taking ``step`` from ``status`` (checked)."""
    transition = check(status, step)
    return transition.target if transition.target is not None else status


def allowed(status: str) -> list[Step]:
    """The steps the table allows from ``status`` (for pages that offer them)."""
    return [step for step, t in TRANSITIONS.items() if status in t.sources]

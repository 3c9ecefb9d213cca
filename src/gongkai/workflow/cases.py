"""Case states, roles, actions and the transition table of a disclosure application."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from gongkai.workflow.outcomes import FEE_LAPSE_BASIS, WorkflowError


class CaseState(StrEnum):
    RECEIVED = "received"  # 已登记
    AWAITING_CORRECTION = "awaiting_correction"  # 待补正
    IN_PROGRESS = "in_progress"  # 办理中
    CONSULTING_THIRD_PARTY = "consulting_third_party"  # 征求第三方意见中
    CONSULTING_AGENCY = "consulting_agency"  # 征求其他机关意见中
    EXTENSION_PENDING = "extension_pending"  # 延期待批
    AWAITING_FEE = "awaiting_fee"  # 待缴费
    #: The 补正 period ran out: a person decides whether there was a 正当理由 (条例 第三十条).
    CORRECTION_LAPSE_PENDING = "correction_lapse_pending"  # 补正期限已过，待确认
    #: The payment period ran out: a person decides likewise (FEE_LAPSE_BASIS).
    FEE_LAPSE_PENDING = "fee_lapse_pending"  # 缴费期限已过，待确认
    REPLY_DRAFTED = "reply_drafted"  # 答复已起草
    UNDER_REVIEW = "under_review"  # 审核中
    RETURNED = "returned"  # 退回修改
    APPROVED = "approved"  # 审核通过
    ISSUED = "issued"  # 已答复（已出具）
    CLOSED = "closed"  # 已办结


CASE_STATE_LABELS: Mapping[CaseState, str] = MappingProxyType(
    {
        CaseState.RECEIVED: "已登记",
        CaseState.AWAITING_CORRECTION: "待补正",
        CaseState.IN_PROGRESS: "办理中",
        CaseState.CONSULTING_THIRD_PARTY: "征求第三方意见中",
        CaseState.CONSULTING_AGENCY: "征求其他机关意见中",
        CaseState.EXTENSION_PENDING: "延期待批",
        CaseState.AWAITING_FEE: "待缴费",
        CaseState.CORRECTION_LAPSE_PENDING: "补正期限已过，待确认",
        CaseState.FEE_LAPSE_PENDING: "缴费期限已过，待确认",
        CaseState.REPLY_DRAFTED: "答复已起草",
        CaseState.UNDER_REVIEW: "审核中",
        CaseState.RETURNED: "退回修改",
        CaseState.APPROVED: "审核通过",
        CaseState.ISSUED: "已答复",
        CaseState.CLOSED: "已办结",
    }
)

#: A case is answered (and counted under 三、本年度办理结果) once the reply is issued; the rest
#: are still open and, at 31 December, carried over (四、结转下年度继续办理).
RESOLVED_STATES: frozenset[CaseState] = frozenset({CaseState.ISSUED, CaseState.CLOSED})
#: States in which the reply clock usually stands still; the clock itself counts the recorded
#: pause dates (gongkai.deadlines.Pause), this set is for display.
CLOCK_STOPPED_STATES: frozenset[CaseState] = frozenset(
    {
        CaseState.AWAITING_CORRECTION,
        CaseState.CONSULTING_THIRD_PARTY,
        CaseState.CONSULTING_AGENCY,
        CaseState.AWAITING_FEE,
        # The reply clock has not started: it runs from the corrected application (第三十条).
        CaseState.CORRECTION_LAPSE_PENDING,
    }
)


def is_open(state: CaseState) -> bool:
    return state not in RESOLVED_STATES


class Role(StrEnum):
    CLERK = "clerk"  # 经办人
    REVIEWER = "reviewer"  # 审核人
    HEAD = "head"  # 机构负责人（政府信息公开工作机构负责人）
    SUPERVISOR = "supervisor"  # 公开办（监督，不办理）
    ADMIN = "admin"  # 系统管理员
    SYSTEM = "system"  # periodic jobs (the end of 补正 and 缴费 periods, to the clerk's queue)


ROLE_LABELS: Mapping[Role, str] = MappingProxyType(
    {
        Role.CLERK: "经办人",
        Role.REVIEWER: "审核人",
        Role.HEAD: "机构负责人",
        Role.SUPERVISOR: "公开办",
        Role.ADMIN: "系统管理员",
        Role.SYSTEM: "系统定时任务",
    }
)


class Action(StrEnum):
    START = "start"
    REQUEST_CORRECTION = "request_correction"
    RECEIVE_CORRECTION = "receive_correction"
    CORRECTION_LAPSED = "correction_lapsed"
    CONSULT_THIRD_PARTY = "consult_third_party"
    CONSULT_AGENCY = "consult_agency"
    END_CONSULTATION = "end_consultation"
    REQUEST_EXTENSION = "request_extension"
    APPROVE_EXTENSION = "approve_extension"
    REJECT_EXTENSION = "reject_extension"
    WITHDRAW_EXTENSION = "withdraw_extension"
    SEND_FEE_NOTICE = "send_fee_notice"
    RECEIVE_FEE = "receive_fee"
    FEE_LAPSED = "fee_lapsed"
    EXCUSE_LAPSE = "excuse_lapse"
    CONFIRM_LAPSE = "confirm_lapse"
    DRAFT_REPLY = "draft_reply"
    SUBMIT_FOR_REVIEW = "submit_for_review"
    RETURN_FOR_CHANGES = "return_for_changes"
    REVISE = "revise"
    APPROVE = "approve"
    ISSUE = "issue"
    DELIVER = "deliver"


@dataclass(frozen=True, slots=True)
class Transition:
    action: Action
    source: CaseState
    target: CaseState
    roles: frozenset[Role]
    label: str
    legal_basis: str = ""


_CLERK = frozenset({Role.CLERK})
_CLERK_OR_SYSTEM = frozenset({Role.CLERK, Role.SYSTEM})
_S = CaseState

TRANSITIONS: tuple[Transition, ...] = (
    Transition(Action.START, _S.RECEIVED, _S.IN_PROGRESS, _CLERK, "开始办理"),
    Transition(Action.DRAFT_REPLY, _S.RECEIVED, _S.REPLY_DRAFTED, _CLERK, "起草答复", "条例第三十三条第一款"),
    Transition(
        Action.REQUEST_CORRECTION,
        _S.RECEIVED,
        _S.AWAITING_CORRECTION,
        _CLERK,
        "发出补正告知书",
        "条例第三十条",
    ),
    Transition(
        Action.REQUEST_CORRECTION,
        _S.IN_PROGRESS,
        _S.AWAITING_CORRECTION,
        _CLERK,
        "发出补正告知书",
        "条例第三十条",
    ),
    Transition(
        Action.RECEIVE_CORRECTION,
        _S.AWAITING_CORRECTION,
        _S.IN_PROGRESS,
        _CLERK,
        "收到补正（答复期限重新起算）",
        "条例第三十条",
    ),
    Transition(
        Action.CORRECTION_LAPSED,
        _S.AWAITING_CORRECTION,
        _S.CORRECTION_LAPSE_PENDING,
        _CLERK_OR_SYSTEM,
        "补正期限已过，转经办人确认",
        "条例第三十条",
    ),
    Transition(
        Action.EXCUSE_LAPSE,
        _S.CORRECTION_LAPSE_PENDING,
        _S.AWAITING_CORRECTION,
        _CLERK,
        "有正当理由，重新确定补正期限",
        "条例第三十条",
    ),
    Transition(
        Action.CONFIRM_LAPSE,
        _S.CORRECTION_LAPSE_PENDING,
        _S.REPLY_DRAFTED,
        _CLERK,
        "无正当理由，起草不再处理告知书",
        "条例第三十条",
    ),
    Transition(
        Action.CONSULT_THIRD_PARTY,
        _S.IN_PROGRESS,
        _S.CONSULTING_THIRD_PARTY,
        _CLERK,
        "书面征求第三方意见",
        "条例第三十二条",
    ),
    Transition(
        Action.CONSULT_AGENCY,
        _S.IN_PROGRESS,
        _S.CONSULTING_AGENCY,
        _CLERK,
        "征求其他机关意见",
        "条例第三十四条",
    ),
    Transition(
        Action.END_CONSULTATION,
        _S.CONSULTING_THIRD_PARTY,
        _S.IN_PROGRESS,
        _CLERK,
        "收到第三方意见或期限届满",
        "条例第三十二条",
    ),
    Transition(
        Action.END_CONSULTATION,
        _S.CONSULTING_AGENCY,
        _S.IN_PROGRESS,
        _CLERK,
        "收到其他机关意见或期限届满",
        "条例第三十四条",
    ),
    Transition(
        Action.REQUEST_EXTENSION,
        _S.IN_PROGRESS,
        _S.EXTENSION_PENDING,
        _CLERK,
        "申请延长答复期限",
        "条例第三十三条第二款",
    ),
    Transition(
        Action.APPROVE_EXTENSION,
        _S.EXTENSION_PENDING,
        _S.IN_PROGRESS,
        frozenset({Role.HEAD}),
        "负责人同意延期（并告知申请人）",
        "条例第三十三条第二款",
    ),
    Transition(
        Action.REJECT_EXTENSION,
        _S.EXTENSION_PENDING,
        _S.IN_PROGRESS,
        frozenset({Role.HEAD}),
        "负责人不同意延期",
        "条例第三十三条第二款",
    ),
    Transition(
        Action.WITHDRAW_EXTENSION,
        _S.EXTENSION_PENDING,
        _S.IN_PROGRESS,
        _CLERK,
        "撤回延期申请",
        "条例第三十三条第二款",
    ),
    Transition(
        Action.SEND_FEE_NOTICE,
        _S.IN_PROGRESS,
        _S.AWAITING_FEE,
        _CLERK,
        "发出收费通知书",
        "条例第四十二条；国办函〔2020〕109号",
    ),
    Transition(Action.RECEIVE_FEE, _S.AWAITING_FEE, _S.IN_PROGRESS, _CLERK, "申请人已缴费"),
    Transition(
        Action.FEE_LAPSED,
        _S.AWAITING_FEE,
        _S.FEE_LAPSE_PENDING,
        _CLERK_OR_SYSTEM,
        "缴费期限已过，转经办人确认",
        FEE_LAPSE_BASIS,
    ),
    Transition(
        Action.EXCUSE_LAPSE,
        _S.FEE_LAPSE_PENDING,
        _S.AWAITING_FEE,
        _CLERK,
        "有正当理由，重新确定缴费期限",
        FEE_LAPSE_BASIS,
    ),
    Transition(
        Action.CONFIRM_LAPSE,
        _S.FEE_LAPSE_PENDING,
        _S.REPLY_DRAFTED,
        _CLERK,
        "无正当理由，起草不再处理告知书",
        FEE_LAPSE_BASIS,
    ),
    Transition(Action.DRAFT_REPLY, _S.IN_PROGRESS, _S.REPLY_DRAFTED, _CLERK, "起草答复"),
    Transition(Action.SUBMIT_FOR_REVIEW, _S.REPLY_DRAFTED, _S.UNDER_REVIEW, _CLERK, "提交审核"),
    Transition(
        Action.RETURN_FOR_CHANGES,
        _S.UNDER_REVIEW,
        _S.RETURNED,
        frozenset({Role.REVIEWER}),
        "退回修改（附意见）",
    ),
    Transition(Action.REVISE, _S.RETURNED, _S.REPLY_DRAFTED, _CLERK, "修改答复"),
    Transition(Action.APPROVE, _S.UNDER_REVIEW, _S.APPROVED, frozenset({Role.REVIEWER}), "审核通过"),
    Transition(Action.ISSUE, _S.APPROVED, _S.ISSUED, _CLERK, "出具答复", "条例第三十六条"),
    Transition(Action.DELIVER, _S.ISSUED, _S.CLOSED, _CLERK, "送达并办结"),
)

#: The state in which a person decides a lapse, and the only outcome its reply may then have:
#: a case lapses only when the applicant failed "无正当理由" (条例 第三十条); whether there was a
#: 正当理由 is the clerk's finding, never a timer's, and the case ends by the （六）1 or （六）2
#: 告知书 through the ordinary draft -> review -> issue -> delivery chain.
LAPSE_OUTCOMES: Mapping[CaseState, str] = MappingProxyType(
    {
        CaseState.CORRECTION_LAPSE_PENDING: "other_overdue_correction",
        CaseState.FEE_LAPSE_PENDING: "other_overdue_fee",
    }
)
#: The waiting state each lapse comes from (and returns to when a 正当理由 is recorded).
LAPSE_FROM: Mapping[CaseState, CaseState] = MappingProxyType(
    {
        CaseState.CORRECTION_LAPSE_PENDING: CaseState.AWAITING_CORRECTION,
        CaseState.FEE_LAPSE_PENDING: CaseState.AWAITING_FEE,
    }
)

_BY_SOURCE_ACTION: Mapping[tuple[CaseState, Action], Transition] = MappingProxyType(
    {(t.source, t.action): t for t in TRANSITIONS}
)


class TransitionError(WorkflowError):
    """A state change the workflow does not allow (wrong state or wrong role)."""


def allowed_actions(state: CaseState, role: Role) -> tuple[Transition, ...]:
    """The transitions ``role`` may take from ``state`` (the buttons a user sees)."""
    return tuple(t for t in TRANSITIONS if t.source is state and role in t.roles)


def transition(state: CaseState, action: Action, role: Role) -> Transition:
    """Validate one state change; returns it (with its target) or raises :class:`TransitionError`."""
    found = _BY_SOURCE_ACTION.get((state, action))
    if found is None:
        possible = "、".join(t.label for t in TRANSITIONS if t.source is state) or "无（已办结）"
        raise TransitionError(f"案件处于“{CASE_STATE_LABELS[state]}”状态，不能执行该操作；可执行：{possible}")
    if role not in found.roles:
        raise TransitionError(
            f"“{found.label}”须由{'或'.join(ROLE_LABELS[r] for r in sorted(found.roles))}办理"
        )
    return found

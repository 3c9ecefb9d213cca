"""The named audit events of the applications app: one per user step (see web.actions_base)."""

from __future__ import annotations

from gongkai.workflow.cases import Action

SUBMIT = "application.submit"
ASSIGN = "application.assign"
CORRECTION_REQUESTED = "application.correction_requested"
CORRECTION_RECEIVED = "application.correction_received"
CLOSED = "application.closed"
EXTENSION_REQUESTED = "application.extension_requested"
EXTENSION_APPROVED = "application.extension_approved"
CONSULTATION_STARTED = "application.consultation_started"
CONSULTATION_ENDED = "application.consultation_ended"
THIRD_PARTY_DECISION = "application.third_party_decision"
DEADLINES_RECOMPUTED = "application.deadlines_recomputed"
FEE_NOTICE_SENT = "application.fee_notice_sent"
FEE_RECEIVED = "application.fee_received"
LAPSE_REFERRED = "application.lapse_referred"
LAPSE_EXCUSED = "application.lapse_excused"
LAPSE_CONFIRMED = "application.lapse_confirmed"
REASONS_REQUESTED = "application.reasons_requested"
REASONS_ANSWERED = "application.reasons_answered"
LATER_DATE_SET = "application.later_date_set"
#: A simple workflow step (起草, 提交审核, 退回, 审核通过...); the row names the step itself.
STEP = "application.step"
ISSUED = "application.issued"
DELIVERED = "application.delivered"


def step_event(action: Action) -> str:
    """The event of one simple workflow step, e.g. ``application.submit_for_review``."""
    return f"application.{action.value}"

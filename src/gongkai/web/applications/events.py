"""The named audit events of the applications app: one per user step (see web.actions_base)."""

from __future__ import annotations

from enum import StrEnum, auto
from typing import Any

from gongkai.workflow.cases import Action


class Event(StrEnum):
    """An event is stored as ``application.`` and its member's name in lower case
    (``Event.SUBMIT == "application.submit"``), so that the name is not written twice."""

    @staticmethod
    def _generate_next_value_(name: str, start: int, count: int, last_values: list[Any]) -> str:
        return f"application.{name.lower()}"

    SUBMIT = auto()
    ASSIGN = auto()
    CORRECTION_REQUESTED = auto()
    CORRECTION_RECEIVED = auto()
    CLOSED = auto()
    EXTENSION_REQUESTED = auto()
    EXTENSION_APPROVED = auto()
    CONSULTATION_STARTED = auto()
    CONSULTATION_ENDED = auto()
    THIRD_PARTY_DECISION = auto()
    DEADLINES_RECOMPUTED = auto()
    FEE_NOTICE_SENT = auto()
    FEE_RECEIVED = auto()
    LAPSE_REFERRED = auto()
    LAPSE_EXCUSED = auto()
    LAPSE_CONFIRMED = auto()
    REASONS_REQUESTED = auto()
    REASONS_ANSWERED = auto()
    LATER_DATE_SET = auto()
    #: A simple workflow step (起草, 提交审核, 退回, 审核通过...); the row names the step itself.
    STEP = auto()
    ISSUED = auto()
    DELIVERED = auto()


def step_event(action: Action) -> str:
    """The event of one simple workflow step, e.g. ``application.submit_for_review``."""
    return f"application.{action.value}"

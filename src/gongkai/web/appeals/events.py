"""The named audit events of appeals: one per user step (see web.actions_base)."""

from __future__ import annotations

REGISTERED = "appeal.register"
RESULT_RECORDED = "appeal.result"

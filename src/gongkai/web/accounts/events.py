"""The named audit events of accounts: one per user step (see web.actions_base)."""

from __future__ import annotations

#: The administrator sets (or confirms) an agency's kind (条例 第四十九条).
KIND_SET = "accounts.set_kind"

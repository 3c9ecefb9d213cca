"""Every state change of proactive disclosure: ``do_<verb>_<noun>(..., *, acting_user)``, one
module per noun (items, scan, review, ledger, figures, categories, deadlines).

Each is a top-level action (web.actions_base): one durable transaction with the row locked, the
permission (disclosure.permissions) and the rules checked -- an item's status by the transition
table (disclosure.transitions) -- its rows written and one audit row under its named event
(disclosure.events). Views, the demo and imports call these -- nothing else writes.
"""

from __future__ import annotations

from gongkai.web.actions_base import ActionError
from gongkai.web.disclosure.actions.categories import (
    do_add_category,
    do_deactivate_category,
    do_move_category,
    do_rename_category,
    do_seed_catalogue,
    do_set_review_chain,
    do_set_review_separation,
)
from gongkai.web.disclosure.actions.deadlines import do_recompute_due_date
from gongkai.web.disclosure.actions.figures import do_import_decisions, do_set_figure
from gongkai.web.disclosure.actions.items import (
    do_add_attachment,
    do_create_item,
    do_publish_item,
    do_record_life_event,
    do_record_publication,
    do_start_amendment,
    do_update_item,
    do_withdraw_item,
)
from gongkai.web.disclosure.actions.ledger import (
    add_months,
    do_add_ledger_entry,
    do_complete_ledger_entry,
    do_link_ledger_item,
    next_due_after,
)
from gongkai.web.disclosure.actions.review import current_step, do_review_item, do_submit_item
from gongkai.web.disclosure.actions.scan import do_justify_finding, do_redact_item, do_scan_item

__all__ = [
    "ActionError",
    "add_months",
    "current_step",
    "do_add_attachment",
    "do_add_category",
    "do_add_ledger_entry",
    "do_complete_ledger_entry",
    "do_create_item",
    "do_deactivate_category",
    "do_import_decisions",
    "do_justify_finding",
    "do_link_ledger_item",
    "do_move_category",
    "do_publish_item",
    "do_recompute_due_date",
    "do_record_life_event",
    "do_record_publication",
    "do_redact_item",
    "do_rename_category",
    "do_review_item",
    "do_scan_item",
    "do_seed_catalogue",
    "do_set_figure",
    "do_set_review_chain",
    "do_set_review_separation",
    "do_start_amendment",
    "do_submit_item",
    "do_update_item",
    "do_withdraw_item",
    "next_due_after",
]

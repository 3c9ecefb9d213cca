"""The named audit events of proactive disclosure: one per user step (see web.actions_base)."""

from __future__ import annotations

ITEM_CREATED = "disclosure.item.create"
ITEM_UPDATED = "disclosure.item.update"
ATTACHMENT_ADDED = "disclosure.item.attach"
ITEM_SCANNED = "disclosure.item.scan"
ITEM_REDACTED = "disclosure.item.redact"
FINDING_JUSTIFIED = "disclosure.finding.justify"
ITEM_SUBMITTED = "disclosure.item.submit"
ITEM_REVIEWED = "disclosure.item.review"
ITEM_PUBLISHED = "disclosure.item.publish"
CHANNEL_RECORDED = "disclosure.item.channel"
ITEM_WITHDRAWN = "disclosure.item.withdraw"
#: 更正 (amendment) of a published item; the stored name predates the word and stays, so the
#: trail reads the same before and after.
AMENDMENT_STARTED = "disclosure.item.correct"
#: 修改/废止 of a 规章 or 行政规范性文件; the row names the kind (``disclosure.item.amended``...).
LIFE_EVENT = "disclosure.item.life_event"
FIGURE_SET = "disclosure.figure.set"
DECISIONS_IMPORTED = "disclosure.decisions.import"
LEDGER_ADDED = "disclosure.ledger.add"
LEDGER_DONE = "disclosure.ledger.done"
LEDGER_LINKED = "disclosure.ledger.link"
CATALOGUE_SEEDED = "disclosure.catalogue.seed"
CATEGORY_ADDED = "disclosure.category.add"
CATEGORY_RENAMED = "disclosure.category.rename"
CATEGORY_MOVED = "disclosure.category.move"
CATEGORY_DEACTIVATED = "disclosure.category.deactivate"
CHAIN_SET = "disclosure.chain.set"
#: Whether one person may take several steps of the review chain (机构负责人's decision).
SEPARATION_SET = "disclosure.chain.separation"
DUE_RECOMPUTED = "disclosure.item.due_recomputed"
REMINDED = "disclosure.remind"


def life_event(kind: str) -> str:
    """The event of a life event of kind ``kind`` (``disclosure.item.amended``/``abolished``)."""
    return f"disclosure.item.{kind}"

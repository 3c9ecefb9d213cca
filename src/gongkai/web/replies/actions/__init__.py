"""Every state change of a reply: ``do_<verb>_<noun>(..., *, acting_user)`` (issue 6), one module
per subject (drafting, lapse, review, attachments, issue, delivery).

draft (经办人) → submit for review → return with comments (审核人) → revise → approve → issue the
letter (经办人; 文号 assigned, DOCX and PDF frozen with their digests) → record delivery (送达,
the case is closed). Each is a top-level action (web.actions_base): one durable transaction. The
case moves through the applications app's inner steps (``take_step``, ``issue_reply``,
``deliver_reply``), which check the workflow's roles and states; a step that writes reply data
of its own (a saved draft, an issued letter) keeps its row next to the case's workflow row.
"""

from __future__ import annotations

from gongkai.web.actions_base import ActionError
from gongkai.web.replies.actions.attachments import (
    do_add_reply_attachment,
    do_justify_reply_attachment,
    do_redact_reply_attachment,
)
from gongkai.web.replies.actions.common import (
    ATTACHABLE_STATES,
    DRAFTABLE_STATES,
    JUSTIFIABLE_STATES,
    TEXT_FACTS,
    DraftData,
    WithheldData,
    domain_withheld,
)
from gongkai.web.replies.actions.delivery import DeliveryProof, check_delivery_proof, do_record_delivery
from gongkai.web.replies.actions.drafting import do_save_reply_draft, do_submit_reply_for_review
from gongkai.web.replies.actions.issue import do_issue_reply_letter, next_document_number
from gongkai.web.replies.actions.lapse import do_confirm_lapse
from gongkai.web.replies.actions.review import do_approve_reply, do_return_reply

__all__ = [
    "ATTACHABLE_STATES",
    "DRAFTABLE_STATES",
    "JUSTIFIABLE_STATES",
    "TEXT_FACTS",
    "ActionError",
    "DeliveryProof",
    "DraftData",
    "WithheldData",
    "check_delivery_proof",
    "do_add_reply_attachment",
    "do_approve_reply",
    "do_confirm_lapse",
    "do_issue_reply_letter",
    "do_justify_reply_attachment",
    "do_record_delivery",
    "do_redact_reply_attachment",
    "do_return_reply",
    "do_save_reply_draft",
    "do_submit_reply_for_review",
    "domain_withheld",
    "next_document_number",
]

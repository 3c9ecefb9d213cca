"""The named audit events of the replies app (see web.actions_base). Submitting, returning,
approving and delivering are case steps: their rows carry the applications app's events."""

from __future__ import annotations

DRAFT_SAVED = "reply.draft_saved"
ATTACHMENT_ADDED = "reply.attachment_added"
ATTACHMENT_REDACTED = "reply.attachment_redacted"
ATTACHMENT_JUSTIFIED = "reply.attachment_justified"
LETTER_ISSUED = "reply.letter_issued"

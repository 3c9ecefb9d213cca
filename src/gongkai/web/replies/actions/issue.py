"""Issuing the approved reply: its 文号, the letter frozen as DOCX and PDF with their digests,
and the case's outcome (表三)."""

from __future__ import annotations

import hashlib
from datetime import date

from gongkai.web.accounts.models import User
from gongkai.web.actions_base import require, require_permission, top_level
from gongkai.web.applications import events as case_events
from gongkai.web.applications.actions import issue_reply
from gongkai.web.applications.actions.common import finish, snapshot
from gongkai.web.applications.models import Application
from gongkai.web.clock import now as clock_now
from gongkai.web.replies import composing, events, permissions
from gongkai.web.replies.actions.common import audit_step, current_reply, domain_withheld, locked
from gongkai.web.replies.models import DocumentCounter, IssuedLetter
from gongkai.workflow.cases import CaseState


def next_document_number(app: Application, year: int) -> str:
    """The agency's next 文号 of ``year`` (〔2026〕3号 form); must run inside the transaction."""
    serial = DocumentCounter.take_next(app.agency_id, year)
    return f"{app.agency.number_prefix}依申复〔{year}〕{serial}号"


@top_level(case_events.Event.ISSUED)
def do_issue_reply_letter(app: Application, *, issued_on: date, acting_user: User) -> IssuedLetter:
    """Issue the approved reply: 文号, the letter from the agency's template as DOCX and PDF,
    frozen with their SHA-256 digests, and the case's outcome set (表三). A letter missing a
    required element is refused (nothing is written)."""
    app = locked(app)
    require_permission(permissions.can_draft(acting_user, app))
    require(app.status == CaseState.APPROVED, "答复须经审核通过后才能出具。")
    reply = current_reply(app)
    before = snapshot(app)
    number = next_document_number(app, issued_on.year)
    composed = composing.issue(reply, document_number=number, issued_on=issued_on)
    letter = IssuedLetter.objects.create(
        application=app,
        kind=composed.kind,
        kind_label=composed.kind_label,
        document_number=number,
        issued_on=issued_on,
        issued_by=acting_user,
        text=composed.text,
        docx=composed.docx,
        pdf=composed.pdf,
        docx_sha256=hashlib.sha256(composed.docx).hexdigest(),
        pdf_sha256=hashlib.sha256(composed.pdf).hexdigest(),
    )
    reply.document_number = number
    reply.updated_at = clock_now()
    reply.save(update_fields=["document_number", "updated_at"])
    summary = issue_reply(
        app,
        outcome=reply.outcome,
        issued_on=issued_on,
        acting_user=acting_user,
        withheld=domain_withheld(reply),
    )
    finish(app, before, acting_user=acting_user, summary=summary)
    audit_step(
        app,
        events.LETTER_ISSUED,
        f"出具{composed.kind_label}（{number}）",
        acting_user=acting_user,
        document_number=number,
        docx_sha256=letter.docx_sha256,
        pdf_sha256=letter.pdf_sha256,
        also=True,
    )
    return letter

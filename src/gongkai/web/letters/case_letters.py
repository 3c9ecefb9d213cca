"""The procedural letters of a case (告知书) and the 回执, composed by gongkai.letters.

- :func:`number_letter` fixes a letter's 文号 and date when its step is taken; the actions of
  the applications app call it inside their transaction (补正, 延期, 征求第三方意见, 第三方告知,
  收费通知, 说明理由, 延迟答复).
- :func:`facts_for` turns the case's records into :class:`gongkai.letters.LetterFacts`; nothing is
  typed twice: items, dates, amounts and the third party are the recorded ones.
- :func:`freeze` composes the letter from the agency's template (templates.template_for) at the
  end of the step that numbered it, renders DOCX and PDF and stores the bytes with their SHA-256
  (CaseLetterFile, append-only): :func:`render` serves those bytes, so that a later template edit
  never changes an issued letter (issue 15 point 5). A letter missing a required element is
  refused with the Chinese list of what is missing (gongkai.letters.LetterError).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db import IntegrityError, transaction

from gongkai.deadlines import EXTENSION_MAX_WORKING_DAYS
from gongkai.web.actions_base import before_commit
from gongkai.web.letters.models import CaseLetter, CaseLetterFile, LetterCounter, LetterTemplate
from gongkai.web.letters.templates import template_for

#: The procedural letter kinds (gongkai.letters.LetterKind values) numbered here.
CORRECTION = "correction"
EXTENSION = "extension"
THIRD_PARTY_CONSULTATION = "third_party_consultation"
THIRD_PARTY_DISCLOSURE_NOTICE = "third_party_disclosure_notice"
FEE_NOTICE = "fee_notice"
RECEIPT = "receipt"
REASONS_REQUEST = "reasons_request"  # 说明理由通知书（第三十五条）
LATER_REPLY = "later_reply"  # 延迟答复告知书（第三十五条）


def number_letter(app: Any, kind: str, event: Any, issued_on: date) -> CaseLetter:
    """Give the letter of ``event`` its 文号 from the agency's yearly sequence (call inside the
    step's transaction: the counter row is locked)."""
    existing = CaseLetter.objects.filter(event=event, kind=kind).first()
    if existing is not None:
        return existing
    serial = LetterCounter.take_next(app.agency_id, issued_on.year)
    number = f"{app.agency.number_prefix}依申告〔{issued_on.year}〕{serial}号"
    row = CaseLetter.objects.create(
        application=app, kind=kind, event=event, document_number=number, issued_on=issued_on
    )
    # Frozen at the end of the step: its facts (the consultation, the fee notice, the new due
    # date) are recorded by the step after the number is given.
    before_commit(lambda: _freeze_issued(row))
    return row


def _freeze_issued(row: CaseLetter) -> None:
    freeze(row)


def _text(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _base(app: Any, **extra: Any) -> Any:
    from gongkai.letters import LetterFacts

    return LetterFacts(
        agency_name=app.agency.name,
        applicant_name=app.name,
        application_number=app.number,
        received_on=app.received_on,
        request_description=_text(app.description),
        contact=_text(app.agency.phone) and f"{app.agency.name} {app.agency.phone}",
        **extra,
    )


def facts_for(row: CaseLetter) -> Any:
    """The facts of a numbered letter, from the case's records."""
    from gongkai.fees import FeeMethod, quote
    from gongkai.web.applications.models import CaseEvent, FeeNotice, ThirdPartyConsultation

    app = row.application
    common: dict[str, Any] = {"document_number": row.document_number, "issued_on": row.issued_on}
    event = row.event
    if row.kind == CORRECTION:
        items = tuple(line.strip() for line in event.note.splitlines() if line.strip())
        return _base(app, correction_items=items, correction_due=event.until, **common)
    if row.kind == EXTENSION:
        asked = (
            CaseEvent.objects.filter(application=app, kind="extension_requested", on__lte=event.on)
            .order_by("-on", "-pk")
            .first()
        )
        from gongkai.web.applications.clock import known_deadlines
        from gongkai.web.workdays.calendars import calendar_for

        known = known_deadlines(app, calendar_for(app.agency))
        ordinary = known.reply_due if known is not None else None
        return _base(
            app,
            extension_days=EXTENSION_MAX_WORKING_DAYS,
            # The date being extended, for compose's check of the limit (条例 第三十三条第二款).
            reply_due=ordinary if isinstance(ordinary, date) else None,
            new_due=app.extended_due,
            extension_reason=_text(asked.note if asked else ""),
            **common,
        )
    if row.kind in (THIRD_PARTY_CONSULTATION, THIRD_PARTY_DISCLOSURE_NOTICE):
        c = ThirdPartyConsultation.objects.get(event=event)
        extra: dict[str, Any] = {"third_party_name": c.party_name, "consultation_due": c.reply_due}
        if row.kind == THIRD_PARTY_DISCLOSURE_NOTICE:
            extra |= {
                "disclosed_content": _text(c.information),
                "disclosure_reasons": _text(c.decision_reason),
                "reconsideration_body": _text(c.reconsideration_body),
            }
        return _base(app, **extra, **common)
    if row.kind == FEE_NOTICE:
        n = FeeNotice.objects.get(event=event)
        method = FeeMethod(n.method)
        return _base(
            app,
            fee_method=method,
            fee_amount=n.amount,
            fee_basis=None,
            fee_detail=quote(method, n.quantity).describe(),
            payment_instructions=_text(n.how_to_pay),
            payment_due=n.payment_due,
            **common,
        )
    if row.kind == REASONS_REQUEST:
        return _base(app, excessive_facts=_text(event.note), reasons_due=event.until, **common)
    if row.kind == LATER_REPLY:
        return _base(app, later_date=event.until, **common)
    raise ValueError(f"unknown case letter kind {row.kind!r}")


@dataclass(frozen=True)
class Rendered:
    body: bytes
    mime: str
    filename: str


def _rendered(kind: str, facts: Any, agency: Any, fmt: str, stem: str) -> Rendered:
    from gongkai.letters import DOCX_MIME, PDF_MIME, LetterKind, compose, render_docx, render_pdf

    letter = compose(LetterKind(kind), facts, template=template_for(agency, kind))
    if fmt == "docx":
        return Rendered(render_docx(letter), DOCX_MIME, f"{stem}.docx")
    return Rendered(render_pdf(letter), PDF_MIME, f"{stem}.pdf")


def _template_in_force(agency: Any, kind: str, at: datetime | None) -> tuple[int, str]:
    """The version and text of the agency's ``kind`` template in force at ``at`` (now when None):
    (0, the national default) when there was no edited one, or it was reset."""
    from gongkai.letters import LetterKind, default_template

    rows = LetterTemplate.objects.filter(agency=agency, kind=kind)
    if at is not None:
        rows = rows.filter(updated_at__lte=at)
    row = rows.order_by("-version").first()
    if row is not None and row.text:
        return row.version, row.text
    return 0, default_template(LetterKind(kind))


def freeze(row: CaseLetter, at: datetime | None = None) -> CaseLetterFile:
    """Compose ``row`` once, from the template in force at ``at`` (now: at issue), and store its
    DOCX and PDF with their SHA-256."""
    from gongkai.letters import LetterKind, compose, render_docx, render_pdf

    version, text = _template_in_force(row.application.agency, row.kind, at)
    letter = compose(LetterKind(row.kind), facts_for(row), template=text)
    docx, pdf = render_docx(letter), render_pdf(letter)
    return CaseLetterFile.objects.create(
        letter=row,
        template_version=version,
        docx=docx,
        pdf=pdf,
        docx_sha256=hashlib.sha256(docx).hexdigest(),
        pdf_sha256=hashlib.sha256(pdf).hexdigest(),
    )


def frozen(row: CaseLetter) -> CaseLetterFile:
    """The issued bytes of ``row``. A letter numbered before letters were frozen (no file yet)
    is frozen at its first download, from the template that was in force when it was issued
    (the template history is kept), never from the current one."""
    found = CaseLetterFile.objects.filter(letter=row).first()
    if found is not None:
        return found
    try:
        with transaction.atomic():
            return freeze(row, at=row.created_at)
    except IntegrityError:  # frozen by a simultaneous download
        return CaseLetterFile.objects.get(letter=row)


def render(row: CaseLetter, fmt: str) -> Rendered:
    """The letter as issued, DOCX or PDF (``LetterError`` names missing elements)."""
    from gongkai.letters import DOCX_MIME, PDF_MIME

    issued = frozen(row)
    if fmt == "docx":
        return Rendered(bytes(issued.docx), DOCX_MIME, f"{row.kind}-{row.pk}.docx")
    return Rendered(bytes(issued.pdf), PDF_MIME, f"{row.kind}-{row.pk}.pdf")


def receipt_facts(app: Any) -> Any:
    """The 回执's facts: dated the day of receipt (or submission before receipt is established)."""
    from django.utils import timezone

    return _base(app, issued_on=app.received_on or timezone.localdate(app.submitted_at))


def render_receipt(app: Any, fmt: str) -> Rendered:
    """The 回执 (接收回执) from the agency's RECEIPT template."""
    return _rendered(RECEIPT, receipt_facts(app), app.agency, fmt, f"receipt-{app.pk}")

"""A reply's letter: the case and the draft turned into ``gongkai.letters`` facts, composed with
the agency's template (letters.templates.template_for), checked and rendered.

The 文号 and the date are given when the letter is issued; before that (review, preview) they are
the only elements allowed to be missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from gongkai.errors import GongkaiError
from gongkai.web.replies.models import TEXT_FACTS, Reply
from gongkai.workflow.letter_elements import LETTER_ELEMENT_LABELS, LetterElement
from gongkai.workflow.outcomes import WithheldPart as DomainWithheldPart

if TYPE_CHECKING:
    from gongkai.letters import LetterFacts

#: Supplied by issuing itself, so not asked of the clerk or the reviewer.
ISSUE_ELEMENTS = frozenset({LetterElement.DOCUMENT_NUMBER, LetterElement.DATE})


def _text(value: str) -> str | None:
    return value.strip() or None


def facts(reply: Reply, *, document_number: str | None, issued_on: date | None) -> LetterFacts:
    from gongkai.letters import LetterFacts

    app = reply.application
    texts: dict[str, Any] = {name: _text(getattr(reply, name)) for name in TEXT_FACTS}
    texts["refusal_reasons"] = _refusal_reasons(reply)
    return LetterFacts(
        agency_name=app.agency.name,
        document_number=document_number,
        issued_on=issued_on,
        applicant_name=app.name,
        application_number=app.number,
        received_on=app.received_on,
        request_description=_text(app.description),
        outcome_key=reply.outcome,
        ground_key=reply.ground or None,
        withheld=tuple(DomainWithheldPart(p.description, p.ground) for p in reply.withheld_parts.all()),
        responsible_agency_undetermined=reply.responsible_agency_undetermined,
        lapsed_period_end=_lapsed_period_end(reply),
        reasons_requested_on=_reasons_requested_on(reply),
        **texts,
    )


def _lapsed_period_end(reply: Reply) -> date | None:
    """For a （六）1/2 reply: the period a clerk found lapsed without 正当理由 (issue 16); None
    without that finding on record, so the letter cannot issue."""
    from gongkai.web.applications.models import CaseEvent
    from gongkai.web.applications.vocabulary import LAPSE_KIND_BY_OUTCOME, EventKind

    kind = LAPSE_KIND_BY_OUTCOME.get(reply.outcome)
    if kind is None:
        return None
    found = (
        CaseEvent.objects.filter(
            application_id=reply.application_id, kind=EventKind.LAPSE_CONFIRMED, detail=kind
        )
        .order_by("-on", "-pk")
        .first()
    )
    return found.until if found else None


def _reasons_requested_on(reply: Reply) -> date | None:
    """For a （五）4 reply: the day the applicant was asked for reasons (条例 第三十五条)."""
    from gongkai.web.applications.models import CaseEvent
    from gongkai.web.applications.vocabulary import EventKind

    if reply.outcome != "reject_massive":
        return None
    found = (
        CaseEvent.objects.filter(application_id=reply.application_id, kind=EventKind.REASONS_REQUESTED)
        .order_by("-on", "-pk")
        .first()
    )
    return found.on if found else None


def _refusal_reasons(reply: Reply) -> str | None:
    """The reasons the letter states: the general ones and, for 部分公开, each withheld part's
    reason (条例 第三十七条: 对不予公开的内容说明理由)."""
    parts = [reply.refusal_reasons.strip()] if reply.refusal_reasons.strip() else []
    parts += [f"{p.description}：{p.reason}" for p in reply.withheld_parts.all() if p.reason.strip()]
    return "；".join(parts) or None


def _labels(missing: Any) -> tuple[str, ...]:
    out = []
    for item in missing:
        if isinstance(item, LetterElement):
            if item in ISSUE_ELEMENTS:
                continue
            out.append(LETTER_ELEMENT_LABELS[item])
        else:
            out.append(str(item))
    return tuple(out)


def _kind(reply: Reply) -> Any:
    from gongkai.letters import LetterKind

    return LetterKind(reply.outcome)


def _template(reply: Reply) -> str | None:
    from gongkai.web.letters.templates import template_for

    return template_for(reply.application.agency, _kind(reply))


def missing_for_review(reply: Reply) -> tuple[str, ...]:
    """Required elements the draft does not give yet (文号 and date excepted), in Chinese."""
    from gongkai.letters import missing_elements

    return _labels(missing_elements(_kind(reply), facts(reply, document_number=None, issued_on=None)))


@dataclass(frozen=True)
class Preview:
    text: str | None
    #: Required elements the facts do not give (Chinese labels).
    missing: tuple[str, ...] = ()
    #: Why the letter cannot be composed otherwise (a template lacking a passage, facts the law
    #: does not allow).
    error: str = ""
    note: str = ""


#: Shown in the preview where the 文号 will be: numbers are taken only when a letter is issued,
#: so that the agency's sequence has no gaps from drafts that never went out.
PREVIEW_NUMBER = "（出具时编号）"


def preview(reply: Reply, today: date) -> Preview:
    """The letter as it would read if issued today, or what keeps it from being issued."""
    from gongkai.letters import compose, letter_text

    try:
        missing = missing_for_review(reply)
        if missing:
            return Preview(None, missing=missing)
        letter = compose(
            _kind(reply),
            facts(reply, document_number=PREVIEW_NUMBER, issued_on=today),
            template=_template(reply),
        )
    except GongkaiError as exc:
        return Preview(None, error=exc.message)
    return Preview(letter_text(letter), note="文号在出具时按本机关文号顺序编排；成文日期以出具日期为准。")


def problems(reply: Reply) -> tuple[str, ...]:
    """What keeps the draft from review or approval: missing elements, or the agency template
    lacking a required passage (compose checks the template's wording too)."""
    result = preview(reply, timezone.localdate())
    if result.missing:
        return (f"答复书缺少必备内容：{'、'.join(result.missing)}",)
    return (result.error,) if result.error else ()


@dataclass(frozen=True)
class Composed:
    kind: str
    kind_label: str
    text: str
    docx: bytes
    pdf: bytes


def issue(reply: Reply, *, document_number: str, issued_on: date) -> Composed:
    """Compose and render the letter to issue; ``LetterError`` (nothing issued) when an element
    the law requires is missing."""
    from gongkai.letters import compose, letter_text, render_docx, render_pdf

    kind = _kind(reply)
    letter = compose(
        kind, facts(reply, document_number=document_number, issued_on=issued_on), template=_template(reply)
    )
    return Composed(kind.value, kind.label, letter_text(letter), render_docx(letter), render_pdf(letter))

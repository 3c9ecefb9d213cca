"""Letters (文书) to applicants and third parties: from agency-editable templates to DOCX and PDF.

For the web layer -- call these, never re-encode the rules::

    from gongkai.letters import LetterKind, LetterFacts, compose, missing_elements, render_docx

    facts = LetterFacts(agency_name="平阳县科学技术局", document_number="平科信公〔2026〕3号", ...)
    missing_elements(LetterKind.GRANTED, facts)    # () when the letter may be issued
    letter = compose(LetterKind.GRANTED, facts, template=agency_text_or_None)  # or LetterError
    render_docx(letter), render_pdf(letter), letter_text(letter)
    validate_template(kind, text)                  # before saving an agency's edited template
    template_fields(kind)                          # the placeholders, with Chinese labels

One :class:`LetterKind` per 表三 outcome (value = the outcome key of gongkai.workflow.OUTCOMES)
plus 补正告知书, 延期答复告知书, 征求第三方意见书, 第三方告知书, 收费通知书 and 回执. What each
letter must contain comes from gongkai.workflow (required_letter_elements) for outcomes, and from
gongkai.letters.fields for the procedural letters; the sources are application-handling.md 一
and 三 (条例 第三十条至第四十二条, 行政复议法 第二十条、第二十三条, 行政诉讼法 第四十六条).
"""

from __future__ import annotations

from gongkai.letters.compose import (
    MARKERS,
    compose,
    default_template,
    letter_text,
    missing_elements,
    validate_template,
)
from gongkai.letters.elements import required_elements
from gongkai.letters.fields import FieldSpec, template_fields
from gongkai.letters.model import Letter, LetterError, LetterFacts, LetterKind, Paragraph
from gongkai.letters.render import DOCX_MIME, PDF_MIME, render_docx, render_pdf

__all__ = [
    "DOCX_MIME",
    "MARKERS",
    "PDF_MIME",
    "FieldSpec",
    "Letter",
    "LetterError",
    "LetterFacts",
    "LetterKind",
    "Paragraph",
    "compose",
    "default_template",
    "letter_text",
    "missing_elements",
    "render_docx",
    "render_pdf",
    "required_elements",
    "template_fields",
    "validate_template",
]

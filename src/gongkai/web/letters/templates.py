"""Which template text an agency's letters are composed from (used by every letter download).

``template_for(agency, kind)`` is the agency's current edited template (the latest
:class:`LetterTemplate` row) or, when it never edited one or reset it, the national default
``gongkai.letters.default_template(kind)``.
"""

from __future__ import annotations

from typing import Any

from gongkai.web.letters.models import LetterTemplate


def current(agency: Any, kind: Any) -> LetterTemplate | None:
    """The latest saved row of the agency's template of ``kind`` (a reset row included)."""
    return LetterTemplate.objects.filter(agency=agency, kind=str(kind)).order_by("-version").first()


def template_for(agency: Any, kind: Any) -> str:
    """The template text ``kind`` letters of ``agency`` are composed from."""
    from gongkai.letters import LetterKind, default_template

    row = current(agency, kind)
    if row is not None and row.text:
        return row.text
    return default_template(LetterKind(kind))

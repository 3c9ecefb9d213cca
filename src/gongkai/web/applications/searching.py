"""Text search of applications that is never an oracle on masked data (issue 15 point 4).

A search matches only what the user sees: in clear, the registration number, the applicant's
name, ID number and phone and the request as written, for cases whose personal data the user
sees (``permissions.can_see_personal_data``: the handling agency's own staff); for every other
case, the number and the text as shown -- the masked request (``masking.mask_text``) and the
shown name (``masking.applicant_name``) -- so that guessing digits of a masked ID number never
tells anything the page does not show.

Masking keeps lengths and positions (a digit becomes one ``*``), so a match in the shown text is
also a match in the stored text: the database narrows the candidates, Python checks them as
shown.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from gongkai.web.applications import masking


def _shown(description: str, name: str, applicant_type: str) -> str:
    shown_name = masking.shown_name(name, natural_person=applicant_type == "natural")
    return f"{masking.mask_text(description)}\n{shown_name}"


def matching(rows: Any, q: str, clear_agency_ids: set[int]) -> Any:
    """``rows`` (an Application queryset) that match ``q`` in what the user sees of each;
    ``clear_agency_ids``: the agencies whose applicants' personal data the user sees in full."""
    q = q.strip()
    if not q:
        return rows
    in_clear = Q(agency_id__in=clear_agency_ids) & (
        Q(name__icontains=q) | Q(description__icontains=q) | Q(id_number__icontains=q) | Q(phone__icontains=q)
    )
    masked = rows.exclude(agency_id__in=clear_agency_ids)
    if "*" not in q:
        masked = masked.filter(Q(description__icontains=q) | Q(name__icontains=q))
    needle = q.casefold()
    shown_hits = [
        pk
        for pk, description, name, kind in masked.values_list("pk", "description", "name", "applicant_type")
        if needle in _shown(description, name, kind).casefold()
    ]
    return rows.filter(Q(number__icontains=q) | in_clear | Q(pk__in=shown_hits))

"""Saving and resetting an agency's letter templates (each a top-level action: one durable
transaction, the permission checked, one audit row)."""

from __future__ import annotations

from typing import Any

from django.db.models import Max

from gongkai.web.accounts.models import Agency
from gongkai.web.actions_base import require_permission, step_record, top_level
from gongkai.web.letters import permissions
from gongkai.web.letters.models import LetterTemplate


def _next_version(agency: Agency, kind: str) -> int:
    # Lock the agency row so that two saves of the same template cannot take the same version.
    Agency.objects.select_for_update().get(pk=agency.pk)
    last = LetterTemplate.objects.filter(agency=agency, kind=kind).aggregate(m=Max("version"))["m"]
    return (last or 0) + 1


TEMPLATE_SAVED = "letters.template_saved"
TEMPLATE_RESET = "letters.template_reset"


def _add_version(agency: Agency, kind: Any, text: str, *, acting_user: Any, summary: str) -> LetterTemplate:
    """A new version of the agency's template of ``kind`` ("" = the default), audited as the
    step in progress; ``summary`` names the version with ``{version}``."""
    row = LetterTemplate.objects.create(
        agency=agency,
        kind=kind.value,
        text=text,
        version=_next_version(agency, kind.value),
        updated_by=acting_user,
    )
    step_record(
        acting_user=acting_user,
        summary=summary.format(version=row.version),
        obj=row,
        after={"kind": row.kind, "version": row.version},
    )
    return row


@top_level(TEMPLATE_SAVED)
def do_save_letter_template(agency: Agency, kind: str, text: str, *, acting_user: Any) -> LetterTemplate:
    """Save a new version of the agency's template; refused (LetterError, in Chinese) when it
    cannot be parsed, uses an unknown placeholder or drops an element the law requires."""
    from gongkai.letters import LetterKind, validate_template

    require_permission(permissions.can_edit_templates(acting_user, agency.pk))
    letter_kind = LetterKind(kind)
    text = text.replace("\r\n", "\n").strip() + "\n"
    validate_template(letter_kind, text)
    return _add_version(
        agency,
        letter_kind,
        text,
        acting_user=acting_user,
        summary=f"修改文书模板“{letter_kind.label}”（第{{version}}版）",
    )


@top_level(TEMPLATE_RESET)
def do_reset_letter_template(agency: Agency, kind: str, *, acting_user: Any) -> LetterTemplate:
    """Go back to the national default template (a new, empty version keeps the history)."""
    from gongkai.letters import LetterKind

    require_permission(permissions.can_edit_templates(acting_user, agency.pk))
    letter_kind = LetterKind(kind)
    return _add_version(
        agency,
        letter_kind,
        "",
        acting_user=acting_user,
        summary=f"文书模板“{letter_kind.label}”恢复为默认模板（第{{version}}版）",
    )

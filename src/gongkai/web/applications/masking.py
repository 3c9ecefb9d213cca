"""Masking of applicants' personal data in lists and logs (条例 第十五条: personal information of
the applicant is not shown to people who do not need it).

Hand-written rather than taken from gongkai.sensitive (issue 4, not yet in the tree) because these
are display rules for known fields, not detection in free text; the log filter does use a
pattern, kept deliberately narrow (ID and mobile numbers).
"""

from __future__ import annotations

import re
from typing import Any

from gongkai.workflow.applicants import ApplicantType


def mask_id(value: str) -> str:
    """110101199001011234 -> 110101********1234 (region code and last four kept)."""
    value = value.strip()
    if len(value) <= 8:
        return "*" * len(value)
    keep_head = 6 if len(value) >= 15 else 2
    return value[:keep_head] + "*" * (len(value) - keep_head - 4) + value[-4:]


def mask_phone(value: str) -> str:
    """13812345678 -> 138****5678; other numbers keep their first three and last four characters."""
    value = value.strip()
    if len(value) <= 7:
        return value[:1] + "*" * (len(value) - 1) if value else value
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


def mask_name(value: str) -> str:
    """张三 -> 张*, 欧阳娜娜 -> 欧***; organisation names (法人或其他组织) are not personal data."""
    value = value.strip()
    if not value:
        return value
    return value[0] + "*" * max(1, len(value) - 1)


def shown_name(name: str, *, natural_person: bool = True, full: bool = False) -> str:
    """The one rule for showing an applicant's (or appellant's) name to a user.

    In full when ``full`` -- the user may see the personal data (``permissions.can_see_personal_data``:
    the handling agency's own staff, on a case page; lists and exports pass False) -- and for an
    organisation (法人或其他组织: its name is not personal data); masked otherwise.
    """
    return name if full or not natural_person else mask_name(name)


def applicant_name(app: Any, *, full: bool = False) -> str:
    """``shown_name`` for an application (natural person or organisation by its applicant type)."""
    return shown_name(app.name, natural_person=app.applicant_type == ApplicantType.NATURAL, full=full)


def mask_email(value: str) -> str:
    local, _, domain = value.partition("@")
    if not domain:
        return mask_name(value)
    return (local[:1] + "***@" + domain) if local else value


_ID_RE = re.compile(r"(?<!\d)(\d{6})\d{8}(\d{3}[\dXx])(?![\dXx])")
_MOBILE_RE = re.compile(r"(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)")


def mask_text(text: str) -> str:
    text = _ID_RE.sub(lambda m: m.group(1) + "********" + m.group(2), text)
    return _MOBILE_RE.sub(lambda m: m.group(1) + "****" + m.group(2), text)

"""Plain data for the sensitive-information detector: kinds of personal information and findings.

Legal basis: 条例 第十五条 (personal privacy of third parties is not disclosed) and 第三十七条
(partial disclosure: what can be separated out is removed and the rest disclosed).
Detection never edits text; it returns ``Finding`` values that redaction then takes.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    """A kind of personal or sensitive information (the stable ids used in JSON and policies)."""

    ID_CARD = "id_card"
    MOBILE_PHONE = "mobile_phone"
    LANDLINE_PHONE = "landline_phone"
    EMAIL = "email"
    BANK_CARD = "bank_card"
    USCC = "uscc"
    PASSPORT = "passport"
    LICENSE_PLATE = "license_plate"
    ADDRESS = "address"
    PERSON_NAME = "person_name"

    @property
    def label(self) -> str:
        """The Chinese name shown to clerks."""
        return KIND_LABELS[self]


KIND_LABELS: dict[Kind, str] = {
    Kind.ID_CARD: "居民身份证号码",
    Kind.MOBILE_PHONE: "手机号码",
    Kind.LANDLINE_PHONE: "固定电话",
    Kind.EMAIL: "电子邮箱",
    Kind.BANK_CARD: "银行卡号",
    Kind.USCC: "统一社会信用代码",
    Kind.PASSPORT: "护照/通行证号码",
    Kind.LICENSE_PLATE: "机动车号牌",
    Kind.ADDRESS: "详细住址",
    Kind.PERSON_NAME: "姓名",
}

# Kinds whose values carry a check digit/character (GB 11643, Luhn, GB 32100): the detector is
# held to precision >= 0.98 and recall >= 0.99 on these.
CHECKED_KINDS: frozenset[Kind] = frozenset({Kind.ID_CARD, Kind.BANK_CARD, Kind.USCC})


def fields_to_json(record: Any, leave_out: str = "") -> dict[str, object]:
    """A finding's or a removal's fields in their declared order, its kind as the kind's value
    (the JSON of ``gongkai scan`` and ``gongkai redact``)."""
    out: dict[str, object] = {f.name: getattr(record, f.name) for f in fields(record) if f.name != leave_out}
    out["kind"] = str(record.kind)
    return out


@dataclass(frozen=True, slots=True)
class Finding:
    """One piece of sensitive information: ``text == source[start:end]`` of the scanned text."""

    kind: Kind
    start: int
    end: int
    text: str
    score: float
    explanation: str

    def to_json(self) -> dict[str, object]:
        """The ``gongkai scan --json`` shape (explanation is for people, not part of the contract)."""
        return fields_to_json(self, leave_out="explanation")


# The detector makes one Finding per match (thousands per long document), and a frozen dataclass
# is slow to build: its __init__ goes through object.__setattr__ once per field to get past the
# frozen check, and even the slot descriptors' own setters cost a C call each (about half of all the
# detector's time spent outside its regular expressions went into building findings). So
# ``make_finding`` fills a plain class with the same slots -- ordinary attribute stores, which the
# interpreter does inline -- and then makes it a Finding by assigning ``__class__``, which Python
# allows between classes of the same layout. The result is an ordinary Finding: equal, hashable
# and as immutable as one built by ``Finding(...)``.


class _Draft:
    __slots__ = Finding.__slots__


def make_finding(kind: Kind, start: int, end: int, text: str, score: float, explanation: str) -> Finding:
    # Any: a draft has Finding's slots but not its class until the end; make_finding's own
    # signature keeps the types honest.
    draft: Any = _Draft()
    draft.kind = kind
    draft.start = start
    draft.end = end
    draft.text = text
    draft.score = score
    draft.explanation = explanation
    draft.__class__ = Finding
    # No ``cast`` call: a Python function call per finding (5,000 per pass of the bench).
    finding: Finding = draft
    return finding

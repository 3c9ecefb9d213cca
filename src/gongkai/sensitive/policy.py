"""Removal policies: for each kind, mask it partially, remove it, or keep it.

Partial display follows the usual practice for published lists (公示名单、补贴发放名单): identity
numbers as 110101********1234, mobiles as 138****5678, names as 张* (or 张某某). An agency sets its own
policy as JSON, e.g.::

    {"agency": "平湖市科学技术局",
     "default": {"action": "remove", "replacement": "[已删除]"},
     "kinds": {"person_name": {"action": "mask", "mask_char": "某", "mask_length": 2},
               "uscc": {"action": "keep"}}}

Kinds not listed in ``kinds`` use the built-in defaults below (``DEFAULT_KIND_POLICIES``), unless
``"builtin": false`` asks for ``default`` everywhere.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from gongkai.errors import GongkaiError
from gongkai.sensitive import lexicon
from gongkai.sensitive.model import Kind


class Action(StrEnum):
    MASK = "mask"  # partial display
    REMOVE = "remove"  # replaced by ``replacement``
    KEEP = "keep"  # left as is (e.g. a company's public credit code)


REMOVED = "[已删除]"


@dataclass(frozen=True, slots=True)
class KindPolicy:
    """How one kind is removed. ``keep_start``/``keep_end`` count significant units (digits and
    letters; a surname counts as one unit, an address's administrative prefix as one unit);
    separators such as spaces and hyphens stay in place. ``mask_length`` fixes the number of mask
    characters (张某某 = mask_char "某", mask_length 2); None masks unit for unit."""

    action: Action = Action.MASK
    keep_start: int = 0
    keep_end: int = 0
    mask_char: str = "*"
    mask_length: int | None = None
    replacement: str = REMOVED


DEFAULT_KIND_POLICIES: dict[Kind, KindPolicy] = {
    Kind.ID_CARD: KindPolicy(keep_start=6, keep_end=4),
    Kind.MOBILE_PHONE: KindPolicy(keep_start=3, keep_end=4),
    Kind.LANDLINE_PHONE: KindPolicy(keep_start=0, keep_end=4),
    Kind.EMAIL: KindPolicy(keep_start=1, mask_length=3),
    Kind.BANK_CARD: KindPolicy(keep_start=4, keep_end=4),
    Kind.USCC: KindPolicy(keep_start=6, keep_end=4),
    Kind.PASSPORT: KindPolicy(keep_start=1, keep_end=3),
    Kind.LICENSE_PLATE: KindPolicy(keep_start=2, keep_end=1),
    Kind.ADDRESS: KindPolicy(keep_start=1, mask_length=4),
    Kind.PERSON_NAME: KindPolicy(keep_start=1),
}


@dataclass(frozen=True, slots=True)
class Policy:
    """An agency's removal policy: one ``KindPolicy`` per kind."""

    kinds: Mapping[Kind, KindPolicy] = field(default_factory=lambda: dict(DEFAULT_KIND_POLICIES))
    agency: str = ""

    def for_kind(self, kind: Kind) -> KindPolicy:
        return self.kinds[kind]

    def replacement(self, kind: Kind, text: str) -> str | None:
        """What ``text`` of ``kind`` becomes; None when the policy keeps it."""
        rule = self.kinds[kind]
        if rule.action is Action.KEEP:
            return None
        if rule.action is Action.REMOVE:
            return rule.replacement
        return mask(kind, text, rule)

    @classmethod
    def from_dict(cls, data: Any) -> Policy:
        if not isinstance(data, dict):
            raise GongkaiError("脱敏策略应为 JSON 对象")
        unknown = set(data) - {"agency", "default", "kinds", "builtin"}
        if unknown:
            raise GongkaiError(f"脱敏策略含有未知字段：{'、'.join(sorted(unknown))}")
        builtin = data.get("builtin", True)
        if not isinstance(builtin, bool):
            raise GongkaiError("脱敏策略的 builtin 应为 true 或 false")
        default = _kind_policy(data.get("default", {}), "default", KindPolicy())
        base = {k: (DEFAULT_KIND_POLICIES[k] if builtin and "default" not in data else default) for k in Kind}
        overrides = data.get("kinds", {})
        if not isinstance(overrides, dict):
            raise GongkaiError("脱敏策略的 kinds 应为对象，键为信息类别")
        for name, spec in overrides.items():
            try:
                kind = Kind(name)
            except ValueError:
                known = "、".join(k.value for k in Kind)
                raise GongkaiError(f"脱敏策略中有未知的信息类别“{name}”（可用：{known}）") from None
            base[kind] = _kind_policy(spec, name, base[kind])
        agency = data.get("agency", "")
        if not isinstance(agency, str):
            raise GongkaiError("脱敏策略的 agency 应为文字")
        return cls(kinds=base, agency=agency)

    @classmethod
    def load(cls, path: str | Path) -> Policy:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except OSError as exc:
            raise GongkaiError("无法读取脱敏策略文件", detail=f"{path}: {exc.strerror}") from exc
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise GongkaiError("脱敏策略文件不是有效的 UTF-8 JSON", detail=f"{path}: {exc}") from exc
        return cls.from_dict(data)


def _kind_policy(spec: Any, where: str, base: KindPolicy) -> KindPolicy:
    if not isinstance(spec, dict):
        raise GongkaiError(f"脱敏策略 {where} 应为对象")
    allowed = {f.name for f in fields(KindPolicy)}
    unknown = set(spec) - allowed
    if unknown:
        raise GongkaiError(f"脱敏策略 {where} 含有未知字段：{'、'.join(sorted(unknown))}")
    values: dict[str, Any] = {}
    for key, value in spec.items():
        if key == "action":
            try:
                values[key] = Action(value)
            except ValueError:
                raise GongkaiError(
                    f"脱敏策略 {where}.action 应为 mask、remove 或 keep，而不是“{value}”"
                ) from None
        elif key in ("keep_start", "keep_end", "mask_length"):
            ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
            if not ok and not (key == "mask_length" and value is None):
                raise GongkaiError(f"脱敏策略 {where}.{key} 应为非负整数")
            values[key] = value
        else:
            if not isinstance(value, str) or (key == "mask_char" and len(value) != 1):
                raise GongkaiError(
                    f"脱敏策略 {where}.{key} 应为{'单个字符' if key == 'mask_char' else '文字'}"
                )
            values[key] = value
    return replace(base, **values)


_PHONE_PREFIX = re.compile(r"^(?:\+|00)?86[ -]?(?=1)")
_ADMIN_PREFIX = re.compile(r"^(?:[^省市区县镇乡]{1,9}?(?:自治区|省|市|区|县|镇|乡|街道))*")
_SURNAMES = re.compile("|".join(sorted(lexicon.COMPOUND_SURNAMES, key=len, reverse=True)) + "|.")


def _units(kind: Kind, text: str) -> tuple[str, list[tuple[str, bool]], str]:
    """Split ``text`` into a kept head, units (text, significant?) and a kept tail."""
    head, body, tail = "", text, ""
    if kind is Kind.MOBILE_PHONE and (m := _PHONE_PREFIX.match(text)):
        head, body = text[: m.end()], text[m.end() :]
    elif kind is Kind.EMAIL and "@" in text:
        at = text.index("@")
        body, tail = text[:at], text[at:]
    units = [(ch, ch.isalnum()) for ch in body]
    if kind is Kind.PERSON_NAME and body:
        surname = _SURNAMES.match(body)
        n = surname.end() if surname else 1
        units = [(body[:n], True), *units[n:]]
    elif kind is Kind.ADDRESS:
        prefix = _ADMIN_PREFIX.match(body)
        n = prefix.end() if prefix else 0
        units = [(body[:n], True), *units[n:]]
    return head, units, tail


def mask(kind: Kind, text: str, rule: KindPolicy) -> str:
    """Partial display of ``text``: keep ``keep_start`` and ``keep_end`` significant units."""
    head, units, tail = _units(kind, text)
    significant = [i for i, (_, sig) in enumerate(units) if sig]
    keep = set(significant[: rule.keep_start])
    if rule.keep_end:
        keep.update(significant[-rule.keep_end :])
    masked = [i for i in significant if i not in keep]
    if not masked:
        # Too short to keep that much: mask everything rather than publish it whole.
        masked, keep = significant, set()
    out: list[str] = []
    first, last = masked[0], masked[-1]
    for i, (unit, sig) in enumerate(units):
        if rule.mask_length is not None and first <= i <= last:
            if i == first:
                out.append(rule.mask_char * rule.mask_length)
            continue
        out.append(rule.mask_char * len(unit) if sig and i not in keep else unit)
    return head + "".join(out) + tail

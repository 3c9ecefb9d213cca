"""The detector's findings of one kind in a short text, and the case tables that list such texts.

Each file in ``tests/domain/sensitive/cases/`` is a set of tables, one per kind of error a corpus
showed. A table names a ``kind`` (or a list of kinds: a finding of any of them counts) and lists
texts in ``found`` (with the spans expected, in order) or in ``none`` (texts that must give no
finding of that kind). Optional keys: ``context``, a text with
``{}`` where each listed value stands (then a ``found`` entry is the value alone, and it is the span
expected); ``order = "any"``, where the spans are compared without their order.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from gongkai.sensitive import Kind, detect


def found(text: str, *kinds: Kind) -> list[str]:
    return [f.text for f in detect(text) if f.kind in kinds]


@dataclass(frozen=True, slots=True)
class DetectionCase:
    text: str
    kinds: tuple[Kind, ...]
    expected: list[str]
    any_order: bool


def _in_context(value: str, context: str | None) -> str:
    return value if context is None else context.replace("{}", value)


def detection_cases(path: Path) -> dict[str, DetectionCase]:
    """The cases of one file, keyed ``table[index]`` so that a failure names its table."""
    cases: dict[str, DetectionCase] = {}
    for name, table in tomllib.loads(path.read_text(encoding="utf-8")).items():
        named = table["kind"]
        kinds = tuple(Kind[k] for k in ([named] if isinstance(named, str) else named))
        context, any_order = table.get("context"), table.get("order") == "any"
        for i, entry in enumerate(table.get("found", [])):
            text, expected = (_in_context(entry, context), [entry]) if context else entry
            cases[f"{name}[{i}]"] = DetectionCase(text, kinds, expected, any_order)
        for i, text in enumerate(table.get("none", [])):
            cases[f"{name}[none {i}]"] = DetectionCase(_in_context(text, context), kinds, [], any_order)
    return cases

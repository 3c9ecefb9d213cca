"""What a rule reports: a :class:`Finding`, plain immutable data (like Django's ``CheckMessage``).

``Finding.to_dict()`` is exactly one entry of the "Check output" ``findings`` list of
../shared/reference/report-json.md: the six contract keys ``rule, severity, cells, message,
expected, actual``, plus ``source`` (the format text or article the rule implements -- issue 2 asks
every rule to carry it) and, only when there is one, ``excerpt`` (the narrative sentence a text rule
read, so a clerk can find it).

Cell paths are the dotted paths of report-json.md (``table3.new.total``, ``sections.五``). A cell of
the *previous* year's report, named by the cross-year rules, is prefixed with ``previous.``
(``previous.table3.carry_next.total``).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any

#: An expected/actual value: a count, a fee in 万元, a short text (a title, a template) or nothing.
Value = int | Decimal | str | None


class Severity(StrEnum):
    """How serious a finding is; the CLI exits 1 when any finding is an error."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


_SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}

#: Hints that only one channel can act on, by the message they complete: the command line adds
#: them ("命令行可用 --previous 指定…"); the web, where no option can be given, does not.
CLI_HINTS: dict[str, str] = {}

#: Every "cannot assess" message starts with this, so a clerk (and a script) can tell it apart.
CANNOT_ASSESS_PREFIX = "无法核对："


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    severity: Severity
    cells: tuple[str, ...]
    message: str
    expected: Value = None
    actual: Value = None
    #: The format text or article the rule implements (the rule's ``Legal basis:``/``Source:``).
    source: str = ""
    #: The narrative sentence (or a snippet of it) the finding is about, if any.
    excerpt: str | None = None
    #: True for the "cannot assess" findings of a rule whose inputs are missing (never a pass).
    cannot_assess: bool = False

    def sort_key(self) -> tuple[int, str]:
        """Errors first, then warnings, then info; by rule id within each. The sort is stable, so
        one rule's findings keep the order the rule gives them (table order, section order)."""
        return (_SEVERITY_RANK[self.severity], self.rule)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity.value,
            "cells": list(self.cells),
            "message": self.message,
            "expected": _json_value(self.expected),
            "actual": _json_value(self.actual),
            "source": self.source,
        }
        if self.excerpt is not None:
            data["excerpt"] = self.excerpt
        return data


def _json_value(value: Value) -> int | float | str | None:
    """Counts stay integers; a fee (Decimal) becomes an integer when whole, else its decimal float."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value

"""The rule registry: each rule is one small function with a stable id, registered by a decorator.

Modelled on Django's system checks: a rule never raises for a bad report and never stops the
others; it yields :class:`Finding` objects. A rule whose inputs are missing yields one
"cannot assess" finding (severity info) -- not a pass, not a failure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from gongkai.agencies import AgencyKind
from gongkai.report.model import AnnualReport
from gongkai.report.naming import cell_name
from gongkai.report.rules.finding import CANNOT_ASSESS_PREFIX, Finding, Severity, Value
from gongkai.report.rules.text import Narrative, narrative_of


class Context:
    """What a rule sees: the report, the previous year's report if given, the agency's kind if
    known (else the rules that need it derive it from the name), and cached derived data."""

    __slots__ = ("_narrative", "_narrative_done", "kind", "memo", "previous", "report")

    def __init__(
        self, report: AnnualReport, previous: AnnualReport | None = None, kind: AgencyKind | None = None
    ) -> None:
        self.report = report
        self.previous = previous
        self.kind = kind
        self._narrative: Narrative | None = None
        self._narrative_done = False
        #: Values derived once per check and shared by several rules (e.g. table 3's layout).
        self.memo: dict[str, Any] = {}

    @property
    def narrative(self) -> Narrative | None:
        """The sections normalised once for all narrative rules; ``None`` when there is no narrative."""
        if not self._narrative_done:
            self._narrative = narrative_of(self.report)
            self._narrative_done = True
        return self._narrative


RuleFunc = Callable[["Rule", Context], Iterable[Finding]]
#: What a rule's item of cells is called by (a column, a row, a label).
K = TypeVar("K")


@dataclass(frozen=True, slots=True)
class Rule:
    """One registered rule. ``severity`` is the severity of a broken rule; ``source`` cites its basis."""

    id: str
    severity: Severity
    source: str
    func: RuleFunc

    def run(self, ctx: Context) -> Iterable[Finding]:
        return self.func(self, ctx)

    def finding(
        self,
        cells: Sequence[str],
        message: str,
        expected: Value = None,
        actual: Value = None,
        *,
        severity: Severity | None = None,
        excerpt: str | None = None,
    ) -> Finding:
        return Finding(
            rule=self.id,
            severity=self.severity if severity is None else severity,
            cells=tuple(cells),
            message=message,
            expected=expected,
            actual=actual,
            source=self.source,
            excerpt=excerpt,
        )

    def cannot_assess(self, cells: Sequence[str], reason: str) -> Finding:
        return Finding(
            rule=self.id,
            severity=Severity.INFO,
            cells=tuple(cells),
            message=CANNOT_ASSESS_PREFIX + reason,
            source=self.source,
            cannot_assess=True,
        )

    def missing_cells(self, cells: Sequence[str], what: str) -> Finding:
        """The usual "cannot assess": cells that are blank or unreadable in the report."""
        shown = "、".join(CELL_LABELS[c] for c in cells[:4])
        more = f"等 {len(cells)} 个单元格" if len(cells) > 4 else ""
        return self.cannot_assess(cells, f"{what}缺少数据（空白或无法读取）：{shown}{more}。")

    def where_complete(
        self,
        items: Iterable[tuple[K, Sequence[str], Sequence[int | None]]],
        check: Callable[[K, Sequence[str], tuple[int, ...]], Finding | None],
        what: str,
    ) -> Iterator[Finding]:
        """``check(key, paths, values)`` on each item whose cells all hold a value, then the blank
        or unreadable cells of the other items in one "cannot assess" finding about ``what``."""
        missing: list[str] = []
        for key, paths, values in items:
            if None in values:
                missing.extend(iter_missing(zip(paths, values, strict=True)))
            elif (found := check(key, paths, cast(tuple[int, ...], tuple(values)))) is not None:
                yield found
        if missing:
            yield self.missing_cells(missing, what)


RULES: list[Rule] = []
_IDS: set[str] = set()


def rule(rule_id: str, severity: Severity, source: str) -> Callable[[RuleFunc], Rule]:
    """Register ``func`` as the rule ``rule_id`` (ids are unique and stable: scripts depend on them)."""

    def register(func: RuleFunc) -> Rule:
        if rule_id in _IDS:
            raise ValueError(f"duplicate rule id {rule_id}")
        _IDS.add(rule_id)
        registered = Rule(rule_id, severity, source, func)
        RULES.append(registered)
        return registered

    return register


def run_rules(rules: Iterable[Rule], ctx: Context) -> list[Finding]:
    findings: list[Finding] = []
    for r in rules:
        findings.extend(r.run(ctx))
    findings.sort(key=Finding.sort_key)
    return findings


class _Labels(dict[str, str]):
    """Chinese labels of cell paths, computed once per path (``cell_label`` walks the specs)."""

    def __missing__(self, path: str) -> str:
        label = cell_name(path)
        self[path] = label
        return label


CELL_LABELS: _Labels = _Labels()


def name_cells(cells: Iterable[tuple[str, Value]]) -> str:
    """``表三“…”行“自然人”列为 3；…`` -- how a message names the cells it involves."""
    return "；".join(f"{CELL_LABELS[path]}为{_shown(value)}" for path, value in cells)


def _shown(value: Value) -> str:
    return "空白" if value is None else str(value)


def iter_missing(cells: Iterable[tuple[str, Value]]) -> Iterator[str]:
    return (path for path, value in cells if value is None)

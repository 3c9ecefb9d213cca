"""Tables 2, 3, 4 and the findings of a stored report, laid out for the staff pages.

Labels come from the core's specs (gongkai.report.model), so the page shows the official rows in
the official order; each cell carries its dotted path for the drill-down link (tables.cell_records).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gongkai.report.model import (
    DOCUMENT_COUNT_FIELDS,
    FEES_HEADER,
    FEES_LABEL,
    TABLE2_DECISION_ROWS,
    TABLE2_DOCUMENT_ROWS,
    TABLE3_COLUMNS,
    TABLE4_FIELDS,
    TABLE4_GROUPS,
    Template,
    table3_rows_for,
)
from gongkai.report.naming import cell_name
from gongkai.web.annual.models import WarningAcknowledgement, finding_key

SEVERITY_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}


@dataclass(frozen=True, slots=True)
class Cell:
    path: str
    value: Any


@dataclass(frozen=True, slots=True)
class Row:
    label: str
    cells: list[Cell]
    depth: int = 0


def table2_rows(data: dict[str, Any]) -> tuple[list[Row], list[Row]]:
    t2 = data["table2"]
    documents = [
        Row(label, [Cell(f"table2.{key}.{name}", t2[key][name]) for name, _ in DOCUMENT_COUNT_FIELDS])
        for key, label in TABLE2_DOCUMENT_ROWS
    ]
    decisions = [Row(label, [Cell(f"table2.{key}", t2[key])]) for key, label, *_ in TABLE2_DECISION_ROWS]
    decisions.append(
        Row(
            f"{FEES_LABEL}{FEES_HEADER.removeprefix('本年收费金额')}",  # the header has its own brackets
            [Cell("table2.fees_10k_yuan", t2["fees_10k_yuan"])],
        )
    )
    return documents, decisions


def table3_rows(data: dict[str, Any]) -> list[Row]:
    """Table 3's rows; a group label (三、本年度办理结果, （三）不予公开 ...) is a heading row of its own."""
    t3 = data["table3"]
    rows: list[Row] = []
    shown: tuple[str, ...] = ()
    for spec in table3_rows_for(Template(data["template"])):
        for depth in range(len(spec.labels) - 1):
            if shown[: depth + 1] != spec.labels[: depth + 1]:
                rows.append(Row(spec.labels[depth], [], depth=depth))
                shown = spec.labels[: depth + 1]
        values = t3.get(spec.key, {})
        rows.append(
            Row(
                spec.label,
                [Cell(f"table3.{spec.key}.{c.key}", values.get(c.key)) for c in TABLE3_COLUMNS],
                depth=len(spec.labels) - 1,
            )
        )
        shown = spec.labels
    return rows


def table4_rows(data: dict[str, Any]) -> list[Row]:
    t4 = data["table4"]
    return [
        Row(label, [Cell(f"table4.{key}.{name}", t4[key][name]) for name, _ in TABLE4_FIELDS])
        for key, label in TABLE4_GROUPS
    ]


def headers() -> dict[str, list[str]]:
    return {
        "documents": [label for _, label in DOCUMENT_COUNT_FIELDS],
        "table3": [c.label for c in TABLE3_COLUMNS],
        "table4": [label for _, label in TABLE4_FIELDS],
    }


@dataclass(frozen=True, slots=True)
class ShownFinding:
    finding: dict[str, Any]
    severity_label: str
    cell_labels: list[str]
    key_cells: str
    acknowledgement: WarningAcknowledgement | None

    @classmethod
    def of(cls, f: dict[str, Any], acks: dict[tuple[str, str], WarningAcknowledgement]) -> ShownFinding:
        """Finding ``f`` as shown, with its acknowledgement among ``acks`` when it is a warning."""
        key = finding_key(f)
        return cls(
            finding=f,
            severity_label=SEVERITY_LABELS.get(f["severity"], f["severity"]),
            cell_labels=[cell_name(c) for c in f.get("cells", [])],
            key_cells=key[1],
            acknowledgement=acks.get(key) if f["severity"] == "warning" else None,
        )

    @property
    def needs_acknowledgement(self) -> bool:
        return self.finding["severity"] == "warning" and self.acknowledgement is None


def findings_for(
    findings: list[dict[str, Any]], acks: dict[tuple[str, str], WarningAcknowledgement]
) -> list[ShownFinding]:
    return [ShownFinding.of(f, acks) for f in findings]


def next_step(report: Any, pending: int) -> str:
    """Who acts next on the report and what they do, for the line under its state (issue 17:
    nothing said that the 机构负责人 publishes what the clerk prepares)."""
    if not report.is_draft:
        return ""
    publishers = "机构负责人或审核人"
    if report.submitted_at is not None:
        return f"经办人{report.submitted_by}已提交，下一步：由{publishers}发布。"
    if report.checked_at is None:
        return f"下一步：经办人检查报告，无误后提交，由{publishers}发布。"
    if report.errors:
        return f"下一步：经办人改正 {report.errors} 项错误并重新检查。"
    if pending:
        return f"下一步：确认或改正 {pending} 项警告，然后由经办人提交。"
    return f"下一步：经办人提交，由{publishers}发布。"

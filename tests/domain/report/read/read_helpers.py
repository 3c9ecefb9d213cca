"""Comparing what a reader read with what was written, for the reader tests."""

from __future__ import annotations

from typing import Any

from gongkai.report import jsonio
from gongkai.report.model import AnnualReport
from gongkai.report.read import read_bytes

FINDINGS = "read_findings"


def figures(report: AnnualReport) -> dict[str, Any]:
    """Everything a reader must reproduce exactly: who, when, which format, every cell."""
    data = jsonio.report_to_dict(report)
    return {k: data[k] for k in ("agency", "year", "template", "table2", "table3", "table4")}


def narrative(report: AnnualReport) -> list[tuple[str, str, str]]:
    return [(s.number, s.title, s.text) for s in report.sections or ()]


def findings(report: AnnualReport) -> list[dict[str, str]]:
    value: list[dict[str, str]] = report.meta[FINDINGS]
    return value


def finding_cells(report: AnnualReport) -> set[str]:
    return {f["cell"] for f in findings(report)}


def read_text(text: str, encoding: str = "utf-8") -> AnnualReport:
    return read_bytes(text.encode(encoding))

"""What a worker process does with one file: read it, check it, and keep only a compact result.

The parsed report is dropped as soon as the file is checked. Only its tables (with the cells'
provenance, without the narrative) travel back to the parent, as compressed JSON of a few KB,
because the cross-year rules need two reports of the same agency at once and the batch learns
which files pair up only when every file has been read. Re-reading the previous year's file in a
second pass would parse most files twice (PDF at ~10/s makes that the expensive choice); keeping
the whole report of 10,000 files would not fit in bounded memory. The tables are all the
cross-year rules compare (二、上年结转 against last year's 四、结转下年度, 现行有效 of table 2), so the
parent runs them on tables-only reports (see ``gongkai.report.batch.cross_year``).
"""

from __future__ import annotations

import sys
import zlib
from dataclasses import replace
from types import MappingProxyType

from gongkai.errors import GongkaiError
from gongkai.report import jsonio, rules
from gongkai.report.model import AnnualReport, CellSource
from gongkai.report.read import read_report

from .results import PREVIOUS_PREFIX, FailureKind, FileResult, FindingRow, SourceText


def where(source: CellSource) -> str:
    """A position in the words a clerk uses: 第2页 第14行 表3 第5行第2列."""
    parts = []
    if source.page is not None:
        parts.append(f"第{source.page}页")
    if source.line is not None:
        parts.append(f"第{source.line}行")
    if source.table is not None:
        parts.append(f"表{source.table}")
    if source.row is not None or source.column is not None:
        row = f"第{source.row}行" if source.row is not None else ""
        column = f"第{source.column}列" if source.column is not None else ""
        parts.append(row + column)
    return " ".join(parts)


def _source(cell: str, report: AnnualReport, previous: AnnualReport | None) -> SourceText | None:
    """The raw text of ``cell``; ``previous.``-prefixed cells are the previous year's report's."""
    if cell.startswith(PREVIOUS_PREFIX):
        if previous is None:
            return None
        src = previous.provenance.get(cell.removeprefix(PREVIOUS_PREFIX))
    else:
        src = report.provenance.get(cell)
    return None if src is None else SourceText(cell, src.raw, where(src))


def finding_rows(
    findings: list[rules.Finding], report: AnnualReport, previous: AnnualReport | None = None
) -> tuple[FindingRow, ...]:
    """The rules' findings in the compact batch form, each with the raw text of its cells."""
    rows = []
    for finding in findings:
        sources = tuple(s for cell in finding.cells if (s := _source(cell, report, previous)) is not None)
        rows.append(FindingRow(finding, sources))
    return tuple(rows)


def share_strings(result: FileResult) -> FileResult:
    """``result`` with its findings' repeated texts (rule ids, legal sources) interned.

    Done in the parent on receipt: each result arrives from a worker with strings of its own,
    and 10,000 reports repeat the same few rule ids and sources thousands of times.
    """

    def compact(row: FindingRow) -> FindingRow:
        f = row.finding
        shared = replace(f, rule=sys.intern(f.rule), source=sys.intern(f.source))
        return replace(row, finding=shared)

    return replace(result, findings=tuple(compact(row) for row in result.findings))


def tables_only(report: AnnualReport) -> bytes:
    """The report's tables as compressed JSON: what the cross-year rules need, and nothing more."""
    # Provenance stays: a cross-year finding shows the raw text of its cells like any other.
    slim = replace(report, sections=None, meta=MappingProxyType({}))
    return zlib.compress(jsonio.dumps(slim, indent=None).encode("utf-8"))


def tables_report(blob: bytes) -> AnnualReport:
    return jsonio.loads(zlib.decompress(blob).decode("utf-8"))


def check_one(path: str) -> tuple[FileResult, bytes | None]:
    """Read and check one file. Never raises for a bad file: the failure becomes the result."""
    try:
        report = read_report(path)
    except GongkaiError as exc:
        return FileResult(path, failure=FailureKind.UNREADABLE, error=str(exc)), None
    except Exception as exc:
        # Not the user's fault: a reader met input it does not handle. Say so, and keep going.
        return _internal_error(path, exc), None
    try:
        findings = finding_rows(rules.check(report), report)
        blob = tables_only(report) if report.agency and report.year is not None else None
    except Exception as exc:
        return _internal_error(path, exc), None
    template = report.template.value
    return FileResult(path, report.agency, report.year, template, findings), blob


def _internal_error(path: str, exc: Exception) -> FileResult:
    return FileResult(
        path,
        failure=FailureKind.INTERNAL,
        error=f"内部错误（请向 Gongkai 报告此文件）：{type(exc).__name__}: {exc}",
    )

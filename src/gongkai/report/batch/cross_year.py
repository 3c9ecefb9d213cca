"""Cross-year rules inside a batch: pair each report with the same agency's report of the year before.

The rules engineer's ``rules.check(report, previous=prev)`` runs every rule; which of them use the
previous report is that package's business. So the findings a previous report *changes* are found
by difference, on the tables-only reports the workers sent back (see ``worker``):
``with_prev - without_prev`` are the cross-year findings to add, and ``without_prev - with_prev``
are findings that only held because there was no previous report (for instance "cannot assess:
no previous year's report given") and are removed from the file's findings. Rules that ignore the
previous report give identical findings in both runs and cancel out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from gongkai.report import rules
from gongkai.report.rules import Finding, Severity

from .expected import normalise_agency
from .results import FileResult, FindingRow
from .worker import finding_rows, tables_report


def pairs(results: Sequence[FileResult], has_tables: Mapping[int, bytes]) -> dict[int, int]:
    """Index of each result -> index of the same agency's report for the year before, where one exists.

    Two files for the same agency and year (a report sent twice, or as both PDF and DOCX) pair
    with the first of them in path order.
    """
    first: dict[tuple[str, int], int] = {}
    for i in sorted(has_tables, key=lambda i: results[i].path):
        result = results[i]
        assert result.agency is not None and result.year is not None  # only such results have tables
        first.setdefault((normalise_agency(result.agency), result.year), i)
    found = {}
    for i in has_tables:
        result = results[i]
        assert result.agency is not None and result.year is not None
        previous = first.get((normalise_agency(result.agency), result.year - 1))
        if previous is not None:
            found[i] = previous
    return found


def with_previous(
    result: FileResult, current: bytes, previous_result: FileResult, previous: bytes
) -> FileResult:
    """``result`` with the findings that the previous year's report adds or settles."""
    report = tables_report(current)
    last_year = tables_report(previous)
    before = finding_rows(rules.check(report), report)
    after = finding_rows(rules.check(report, previous=last_year), report, last_year)
    before_ids = {f.identity() for f in before}
    after_ids = {f.identity() for f in after}
    settled = before_ids - after_ids
    added = [f for f in after if f.identity() not in before_ids]
    kept: list[FindingRow] = [f for f in result.findings if f.identity() not in settled]
    return replace(result, findings=(*kept, *added), previous_year_file=previous_result.path)


def with_previous_or_note(
    result: FileResult, current: bytes, previous_result: FileResult, previous: bytes
) -> FileResult:
    """``with_previous``; should the rules fail on this pair, the file keeps its findings plus a note.

    A batch never stops for one file, and the failure is a defect of Gongkai to report, not a
    verdict on the report, hence an info finding rather than an error.
    """
    try:
        return with_previous(result, current, previous_result, previous)
    except Exception as exc:
        note = Finding(
            "BATCH-XYEAR",
            Severity.INFO,
            (),
            f"与上一年度报告（{previous_result.path}）的跨年度核对因内部错误未能完成"
            f"（请向 Gongkai 报告）：{type(exc).__name__}: {exc}",
        )
        return replace(result, findings=(*result.findings, FindingRow(note)))

"""What a worker makes of one file: a compact result, whatever the file does to the reader."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from batch_reports import pair_report, write_json

from gongkai.report.batch import FailureKind, FileResult, Status, worker
from gongkai.report.batch.worker import check_one, finding_rows, share_strings, tables_report, where
from gongkai.report.model import AnnualReport, CellSource
from gongkai.report.rules import check


@pytest.mark.parametrize(
    ("source", "text"),
    [
        # a PDF cell: page and table position
        (CellSource("12", page=2, table=3, row=5, column=2), "第2页 表3 第5行第2列"),
        # a line of a text file
        (CellSource("12", line=14), "第14行"),
        # only a column known
        (CellSource("12", column=4), "第4列"),
        # nothing known
        (CellSource("12"), ""),
    ],
)
def test_where_names_the_position_as_a_clerk_would(source: CellSource, text: str) -> None:
    assert where(source) == text


def test_a_good_file_gives_its_findings_and_tables(tmp_path: Path) -> None:
    report = pair_report("甲局", 2023, carried=1, open_share=0.0, seed=4)
    result, blob = check_one(str(write_json(tmp_path / "r.json", report)))
    assert (result.agency, result.year, result.template, result.status) == (
        "甲局",
        2023,
        "2021",
        Status.PASSED,
    )
    assert blob is not None and dict(tables_report(blob).cells()) == dict(report.cells())
    assert tables_report(blob).sections is None  # the narrative stays in the worker


def test_a_report_without_agency_or_year_sends_no_tables(tmp_path: Path) -> None:
    path = write_json(tmp_path / "r.json", AnnualReport(None, None))
    result, blob = check_one(str(path))
    assert result.failure is None and blob is None


def test_an_unreadable_file_is_a_result_with_the_reason(tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text("{", encoding="utf-8")
    result, blob = check_one(str(tmp_path / "x.json"))
    assert (result.failure, blob) == (FailureKind.UNREADABLE, None)
    assert "JSON" in (result.error or "")


def test_a_reader_bug_is_an_internal_error_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_reader(path: str) -> None:
        raise IndexError("list index out of range")

    monkeypatch.setattr(worker, "read_report", broken_reader)
    result, _ = check_one(str(tmp_path / "any.txt"))
    assert result.failure is FailureKind.INTERNAL
    assert result.error is not None and "内部错误" in result.error and "IndexError" in result.error


def test_results_from_workers_share_their_repeated_strings() -> None:
    report = pair_report("甲局", 2023, carried=1, open_share=0.0, seed=4)

    def from_a_worker() -> FileResult:  # as a pipe delivers it: a fresh copy of every string
        result = FileResult("r.json", findings=finding_rows(check(report), report))
        copied: FileResult = pickle.loads(pickle.dumps(result))
        return copied

    first, second = share_strings(from_a_worker()), share_strings(from_a_worker())
    assert first.findings == second.findings
    assert first.findings[0].finding.source is second.findings[0].finding.source

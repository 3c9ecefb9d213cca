"""What a batch check keeps per file: a compact summary and its findings, never the whole report."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from gongkai.report.rules import Finding

#: How the rules name a cell of the previous year's report (``previous.table3.carry_next.total``).
PREVIOUS_PREFIX = "previous."


class Status(StrEnum):
    """The one-word verdict on a file, as shown in the summary's 状态 column."""

    PASSED = "通过"
    WARNINGS = "有警告"
    ERRORS = "有错误"
    UNREADABLE = "无法读取"


class FailureKind(StrEnum):
    """Why a file has no report: what the user can fix, versus what is a defect of Gongkai itself."""

    #: The file is not a readable report (a ``GongkaiError`` with its Chinese reason).
    UNREADABLE = "unreadable"
    #: A reader raised an unexpected exception: a bug in Gongkai, reported with the file.
    INTERNAL = "internal"
    #: Reading and checking the file took longer than the per-file limit.
    TIMEOUT = "timeout"
    #: The worker process died while handling the file.
    CRASH = "crash"


@dataclass(frozen=True, slots=True)
class SourceText:
    """The raw text a cell was read from, and where (from ``AnnualReport.provenance``)."""

    cell: str
    raw: str
    #: Human-readable position, e.g. ``第2页 第14行 表3 第5行第2列``; empty when unknown.
    where: str = ""


@dataclass(frozen=True, slots=True)
class FindingRow:
    """One finding of the rules, plus the raw text its cells were read from (for the summaries)."""

    finding: Finding
    sources: tuple[SourceText, ...] = ()

    @property
    def rule(self) -> str:
        return self.finding.rule

    @property
    def severity(self) -> str:
        return self.finding.severity.value

    @property
    def cells(self) -> tuple[str, ...]:
        return self.finding.cells

    @property
    def message(self) -> str:
        return self.finding.message

    def to_dict(self) -> dict[str, Any]:
        """The finding as ``gongkai report check --json`` has it, plus ``sources`` (raw cell text) if any."""
        data = self.finding.to_dict()
        if self.sources:
            data["sources"] = [{"cell": s.cell, "raw": s.raw, "where": s.where} for s in self.sources]
        return data

    def identity(self) -> str:
        """A stable key for comparing findings of two runs of the rules (sources left out)."""
        return json.dumps(self.finding.to_dict(), ensure_ascii=False, sort_keys=True, default=str)


@dataclass(frozen=True, slots=True)
class FileResult:
    """The outcome for one file: who and what it is, and its findings -- or why it could not be read."""

    path: str
    agency: str | None = None
    year: int | None = None
    template: str | None = None
    findings: tuple[FindingRow, ...] = ()
    #: Set when the file could not be read; the Chinese reason is in ``error``.
    failure: FailureKind | None = None
    error: str | None = None
    #: The year of the report the cross-year rules compared this one with, if any.
    previous_year_file: str | None = None

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def errors(self) -> int:
        return self.count("error")

    @property
    def warnings(self) -> int:
        return self.count("warning")

    @property
    def status(self) -> Status:
        if self.failure is not None:
            return Status.UNREADABLE
        if self.errors:
            return Status.ERRORS
        return Status.WARNINGS if self.warnings else Status.PASSED

    def to_dict(self) -> dict[str, Any]:
        """The check output object of report-json.md, with ``status`` and, if unreadable, ``error``."""
        data: dict[str, Any] = {
            "file": self.path,
            "agency": self.agency,
            "year": self.year,
            "template": self.template,
            "status": self.status.value,
            "findings": [f.to_dict() for f in self.findings],
        }
        if self.failure is not None:
            data["error"] = self.error
            data["failure"] = self.failure.value
        if self.previous_year_file is not None:
            data["previous"] = self.previous_year_file
        return data


@dataclass(frozen=True, slots=True)
class BatchResult:
    """Everything a batch check found, in path order."""

    files: tuple[FileResult, ...]
    #: 未上报: per report year, the expected agencies (as the list prints them) with no report.
    missing: Mapping[int, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    #: Whether an expected-agencies list was given (an empty ``missing`` then means "none missing").
    expected_checked: bool = False
    elapsed_seconds: float = 0.0
    workers: int = 0
    worker_peak_rss_kib: int = 0

    def by_status(self, status: Status) -> Sequence[FileResult]:
        return [f for f in self.files if f.status is status]

    @property
    def readable(self) -> int:
        return sum(1 for f in self.files if f.failure is None)

    @property
    def total_errors(self) -> int:
        return sum(f.errors for f in self.files)

    @property
    def total_warnings(self) -> int:
        return sum(f.warnings for f in self.files)

    @property
    def missing_count(self) -> int:
        return sum(len(names) for names in self.missing.values())

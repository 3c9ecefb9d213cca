"""Check many published annual reports at once: ``check_paths(paths) -> BatchResult``.

Files and folders (recursively) are read and checked on all cores. A file that cannot be read --
or that crashes or hangs its worker -- becomes a row with status 无法读取 and the reason; it never
stops the batch. Consecutive years of one agency in the batch are checked against each other
(the cross-year rules). Given the agencies that must report, the result lists who has not (未上报).

Memory stays bounded however many files there are: workers are recycled, and the parent keeps per
file only its summary, its findings and (until the cross-year pass) its tables as compressed JSON.

Workers start by ``forkserver`` (or ``spawn``), which imports the caller's main module again: a
script that calls ``check_paths`` must do so under ``if __name__ == "__main__":``.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from gongkai.errors import GongkaiError

from . import cross_year, pool
from .expected import load_expected, missing_by_year
from .results import BatchResult, FailureKind, FileResult, FindingRow, SourceText, Status
from .worker import check_one, share_strings

__all__ = [
    "REPORT_EXTENSIONS",
    "BatchResult",
    "FailureKind",
    "FileResult",
    "FindingRow",
    "SourceText",
    "Status",
    "check_paths",
    "discover",
]

#: File types that can hold an annual report; other files in a folder are ignored.
REPORT_EXTENSIONS = frozenset({".txt", ".md", ".html", ".htm", ".docx", ".xlsx", ".pdf", ".json"})
#: Per-file limit on reading and checking, in seconds (a 100-page PDF reads in a few seconds).
DEFAULT_TIMEOUT = 120.0

_FAILURE_BY_OUTCOME = {
    pool.OutcomeKind.ERROR: FailureKind.INTERNAL,
    pool.OutcomeKind.TIMEOUT: FailureKind.TIMEOUT,
    pool.OutcomeKind.CRASH: FailureKind.CRASH,
}


def _report_files(folder: Path) -> Iterator[Path]:
    # os.walk rather than Path.rglob: it prunes hidden folders instead of listing them, and it does
    # not follow symbolic links to folders, so a link loop cannot make the walk endless.
    for root, folders, files in os.walk(folder):
        folders[:] = [d for d in folders if not d.startswith(".")]
        for name in files:
            if (
                not name.startswith((".", "~$"))  # hidden files; Word/Excel lock files
                and os.path.splitext(name)[1].lower() in REPORT_EXTENSIONS
            ):
                yield Path(root, name)


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """The report files named by ``paths``: files as given, folders searched recursively.

    In folders, hidden files and folders (names starting with "."), Office lock files ("~$…") and
    files of other types are skipped. A file named explicitly is always taken, whatever its type:
    the reader then says whether it can read it. Order: sorted, no repeats.
    """
    found: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found.update(_report_files(path))
        elif path.exists():
            found.add(path)
        else:
            raise GongkaiError("文件或文件夹不存在", detail=str(path))
    return sorted(found)


def _progress(enabled: bool) -> Progress:
    console = Console(stderr=True)
    return Progress(
        TextColumn("检查年度报告"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        disable=not (enabled and console.is_terminal),
        transient=True,
    )


def check_paths(
    paths: Sequence[str | Path],
    *,
    expected: str | Path | Sequence[str] | None = None,
    years: Iterable[int] | None = None,
    workers: int | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    progress: bool = True,
    max_tasks_per_child: int = 200,
    task: Callable[[str], tuple[FileResult, bytes | None]] = check_one,
) -> BatchResult:
    """Read and check every report under ``paths`` in parallel.

    ``expected``: a CSV of the agencies that must report (or their names); the result then lists,
    for each report year in the batch -- or each of ``years`` when given -- who has not reported.
    ``workers``: processes to use (default: all cores). ``timeout``: per-file limit in seconds.
    ``task``: what a worker does with one file (a module-level function; default ``check_one``).
    """
    started = time.monotonic()
    if expected is None or isinstance(expected, str | Path):
        expected_names = None if expected is None else load_expected(expected)
    else:
        expected_names = tuple(expected)
    files = discover(paths)
    results: list[FileResult] = [FileResult(str(f)) for f in files]
    tables: dict[int, bytes] = {}
    stats = pool.PoolStats()
    size = max(1, min(workers or pool.default_workers(), len(files) or 1))
    with _progress(progress) as bar:
        bar_task = bar.add_task("check", total=len(files))
        outcomes = pool.run(
            task,
            [str(f) for f in files],
            workers=size,
            timeout=timeout,
            max_tasks_per_child=max_tasks_per_child,
            stats=stats,
        )
        for outcome in outcomes:
            if outcome.kind is pool.OutcomeKind.OK:
                assert outcome.value is not None  # a task always returns (result, tables)
                result, blob = outcome.value
                results[outcome.index] = share_strings(result)
                if blob is not None:
                    tables[outcome.index] = blob
            else:
                path = results[outcome.index].path
                results[outcome.index] = FileResult(
                    path, failure=_FAILURE_BY_OUTCOME[outcome.kind], error=outcome.detail
                )
            bar.advance(bar_task)
    for index, previous in cross_year.pairs(results, tables).items():
        results[index] = cross_year.with_previous_or_note(
            results[index], tables[index], results[previous], tables[previous]
        )
    tables.clear()
    missing = {}
    if expected_names is not None:
        report_years = years if years is not None else {r.year for r in results if r.year is not None}
        missing = dict(missing_by_year(expected_names, ((r.agency, r.year) for r in results), report_years))
    return BatchResult(
        files=tuple(results),
        missing=missing,
        expected_checked=expected_names is not None,
        elapsed_seconds=time.monotonic() - started,
        workers=size,
        worker_peak_rss_kib=stats.worker_peak_rss_kib,
    )

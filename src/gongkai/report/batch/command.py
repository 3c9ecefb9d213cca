"""Batch mode of ``gongkai report check``: folders, many files, summaries, 未上报.

``gongkai report check PATH...`` runs in batch mode when any PATH is a folder or when any of
``--batch --expected --year --xlsx --html --workers --timeout --no-progress`` is given; a plain
list of files without these options keeps the single-file behaviour of ``cli/report/check.py``.

Batch semantics:

- every file under the folders (recursively; hidden files and other types skipped) is read and
  checked on all cores, with a progress bar on stderr when it is a terminal;
- a file that cannot be read, crashes its worker or overruns ``--timeout`` becomes a row with status
  无法读取 and the reason; the batch goes on;
- consecutive years of one agency in the batch are checked against each other (``--previous`` is
  therefore not accepted in batch mode);
- output: an overview and one row per report that did not pass (all rows with ``--all``); with
  ``--json`` one object ``{"files": [check output + "status" (+ "error")...], "missing":
  {"2023": [...]} or null, "overview": "..."}``; ``--xlsx``/``--html`` write the summaries.

Exit status: 0 when every file was read and no finding is an error (and, with ``--expected``, no
agency is missing); 1 when there is an error finding, an unreadable file or a missing agency;
2 when nothing could be read at all (no report file found, or none readable) or the arguments are
wrong (an unreadable ``--expected`` list, an output folder that does not exist).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from gongkai.errors import GongkaiError
from gongkai.report import summary

from . import DEFAULT_TIMEOUT, BatchResult, Status, check_paths

# The CLI's exit codes (gongkai.cli); repeated here so that the domain package does not import the CLI.
EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2

_OPTIONS = ("batch", "expected", "year", "xlsx", "html", "workers", "timeout", "no_progress", "all")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the batch options to the ``report check`` parser."""
    group = parser.add_argument_group(
        "批量检查", "任一 FILE 为文件夹、或使用以下任一选项时，按批量方式检查（多进程，汇总输出）"
    )
    group.add_argument("--batch", action="store_true", help="按批量方式检查所给文件")
    group.add_argument(
        "--expected", metavar="CSV", help="应上报单位名单（CSV，含“机构/单位”列，UTF-8 或 GBK）"
    )
    group.add_argument(
        "--year",
        type=int,
        action="append",
        metavar="YEAR",
        help="核对未上报的年度（可多次；默认批次中的年度）",
    )
    group.add_argument("--xlsx", metavar="OUT.xlsx", help="写出 Excel 汇总表")
    group.add_argument("--html", metavar="OUT.html", help="写出网页汇总（单个文件）")
    group.add_argument("--workers", type=int, metavar="N", help="并行进程数（默认：全部 CPU 核）")
    group.add_argument(
        "--timeout", type=float, metavar="SEC", help=f"每个文件的处理时限（秒，默认 {DEFAULT_TIMEOUT:g}）"
    )
    group.add_argument("--no-progress", action="store_true", help="不显示进度条")
    group.add_argument("--all", action="store_true", help="列出所有报告（默认只列出未通过的）")


def wants_batch(args: argparse.Namespace) -> bool:
    options = (getattr(args, name, None) for name in _OPTIONS)
    return any(v not in (None, False) for v in options) or any(Path(p).is_dir() for p in args.files)


def run(args: argparse.Namespace) -> int:
    """``gongkai report check`` in batch mode; returns the exit status documented above."""
    if args.previous is not None:
        raise GongkaiError("批量检查时会自动对照批次中的上一年度报告，不能再用 --previous")
    if args.workers is not None and args.workers < 1:
        raise GongkaiError("--workers 至少为 1")
    if args.timeout is not None and not args.timeout > 0:
        raise GongkaiError("--timeout 应为正数（秒）")
    if args.year and args.expected is None:
        raise GongkaiError("--year 用于核对未上报单位，需与 --expected 一起使用")
    for out in (args.xlsx, args.html):
        if out is not None:
            summary.check_writable(out)
    result = check_paths(
        args.files,
        expected=args.expected,
        years=args.year,
        workers=args.workers,
        timeout=args.timeout if args.timeout is not None else DEFAULT_TIMEOUT,
        progress=not args.no_progress,
    )
    if args.xlsx is not None:
        summary.write_xlsx(result, args.xlsx)
    if args.html is not None:
        summary.write_html(result, args.html)
    if args.json:
        sys.stdout.write(json.dumps(json_object(result), ensure_ascii=False, indent=2, default=str) + "\n")
    else:
        print_result(Console(file=sys.stdout), result, show_all=args.all)
    return exit_status(result)


def exit_status(result: BatchResult) -> int:
    if result.readable == 0:
        if not result.files:
            print(
                "gongkai：没有找到报告文件（支持 .txt .md .html .htm .docx .xlsx .pdf .json）",
                file=sys.stderr,
            )
        else:
            print("gongkai：没有任何一个文件能读取为年度报告", file=sys.stderr)
        return EXIT_UNREADABLE
    problems = result.total_errors or result.readable < len(result.files) or result.missing_count
    return EXIT_FINDINGS if problems else EXIT_OK


def json_object(result: BatchResult) -> dict[str, Any]:
    return {
        "files": [f.to_dict() for f in result.files],
        "missing": {str(year): list(names) for year, names in result.missing.items()}
        if result.expected_checked
        else None,
        "overview": summary.overview(result),
    }


_STATUS_STYLE = {Status.PASSED: "green", Status.WARNINGS: "yellow", Status.ERRORS: "bold red"}


def print_result(console: Console, result: BatchResult, *, show_all: bool = False) -> None:
    """The overview, a row per report that did not pass (every report with ``show_all``), 未上报."""
    rows = [(n, f) for n, f in enumerate(result.files, 1) if show_all or f.status is not Status.PASSED]
    if rows:
        table = Table(show_lines=False)
        for header, ratio in (("序号", 1), ("文件", 6), ("单位", 4), ("年度", 1), ("错误", 1), ("警告", 1)):
            table.add_column(header, overflow="fold", ratio=ratio)
        table.add_column("状态", overflow="fold", ratio=2)
        for number, file in rows:
            style = _STATUS_STYLE.get(file.status, "bold red")
            status = file.status.value + (f"：{file.error}" if file.error else "")
            table.add_row(
                str(number),
                escape(file.path),
                escape(file.agency or ""),
                "" if file.year is None else str(file.year),
                "" if file.failure else str(file.errors),
                "" if file.failure else str(file.warnings),
                f"[{style}]{escape(status)}[/{style}]",
            )
        console.print(table)
    for year, names in result.missing.items():
        listing = "、".join(names) if names else "无"
        console.print(f"{year}年度未上报（{len(names)} 家）：{escape(listing)}")
    if caveat := summary.missing_caveat(result):
        console.print(escape(caveat))
    console.print(escape(summary.overview(result)))

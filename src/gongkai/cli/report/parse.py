"""``gongkai report parse FILE --json``: read a report and print it as report-json.md JSON.

Any format ``gongkai.report.read`` knows (text, Markdown, HTML, DOCX, XLSX, PDF, JSON). The JSON
goes to stdout; what could not be read (blank or unreadable cells, rows not found -- the list in
``meta.read_findings``) is also summarised on stderr, so that someone piping the JSON onwards
still sees that the report is not complete. Exit status 0 when the file was read (even with such
cells: they are ``null``, never invented), 2 when it cannot be read as a report.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gongkai.cli import EXIT_OK
from gongkai.errors import GongkaiError, ReportFormatError
from gongkai.report import jsonio
from gongkai.report.model import AnnualReport
from gongkai.report.read import READ_FINDINGS_KEY, read_report, sniff
from gongkai.report.read.encoding import decode
from gongkai.report.read.explain import explain

#: How many unread cells the stderr summary lists before "……".
SHOWN_FINDINGS = 10


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("parse", help="读取年度报告（文本、网页、Word、Excel、PDF）并输出 JSON")
    parser.add_argument("file", help="报告文件")
    parser.add_argument("--json", action="store_true", help="输出 gongkai.annual-report/1 JSON（默认）")
    parser.add_argument(
        "--previous",
        metavar="FILE",
        help="上一年度的报告：表二数字连在一起时，按“上年现行有效＋本年制发－本年废止＝现行有效”拆分",
    )
    parser.add_argument(
        "--explain",
        action="append",
        metavar="CELL",
        help="说明某个单元格（如 table3.new.natural）的值从何而来：原文上下文与读取方式（不输出 JSON）",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    previous = read_report(args.previous) if args.previous else None
    report = read_report(args.file, previous)
    if args.explain:
        return _explain(report, args.file, args.explain)
    sys.stdout.write(jsonio.dumps(report) + "\n")
    findings = report.meta.get(READ_FINDINGS_KEY) or []
    if findings:
        lines = [f"gongkai：有 {len(findings)} 处未能读取，相应单元格为 null（详见 meta.read_findings）："]
        lines += [f"  {f['cell']}：{f['message']}" for f in findings[:SHOWN_FINDINGS]]
        if len(findings) > SHOWN_FINDINGS:
            lines.append("  ……")
        sys.stderr.write("\n".join(lines) + "\n")
    return EXIT_OK


def _explain(report: AnnualReport, file: str, cells: list[str]) -> int:
    try:
        text: str | None = decode(Path(file).read_bytes())[0] if sniff_text(file) else None
    except GongkaiError:
        text = None
    parts = []
    for cell in cells:
        try:
            parts.append(explain(report, cell, text))
        except KeyError as exc:
            raise ReportFormatError(f"没有这个单元格：{cell}（示例：table3.new.natural）") from exc
    sys.stdout.write("\n\n".join(parts) + "\n")
    return EXIT_OK


def sniff_text(file: str) -> bool:
    """Whether the file is text (its lines are what provenance line numbers count)."""
    return sniff(Path(file).read_bytes()) in ("text", "markdown", "html")

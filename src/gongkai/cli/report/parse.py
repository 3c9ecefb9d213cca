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

from gongkai.cli import EXIT_OK
from gongkai.report import jsonio
from gongkai.report.read import READ_FINDINGS_KEY, read_report

#: How many unread cells the stderr summary lists before "……".
SHOWN_FINDINGS = 10


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("parse", help="读取年度报告（文本、网页、Word、Excel、PDF）并输出 JSON")
    parser.add_argument("file", help="报告文件")
    parser.add_argument("--json", action="store_true", help="输出 gongkai.annual-report/1 JSON（默认）")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    report = read_report(args.file)
    sys.stdout.write(jsonio.dumps(report) + "\n")
    findings = report.meta.get(READ_FINDINGS_KEY) or []
    if findings:
        lines = [f"gongkai：有 {len(findings)} 处未能读取，相应单元格为 null（详见 meta.read_findings）："]
        lines += [f"  {f['cell']}：{f['message']}" for f in findings[:SHOWN_FINDINGS]]
        if len(findings) > SHOWN_FINDINGS:
            lines.append("  ……")
        sys.stderr.write("\n".join(lines) + "\n")
    return EXIT_OK

"""``gongkai report parse FILE --json``: read a report and print it as report-json.md JSON."""

from __future__ import annotations

import argparse
import sys

from gongkai.cli import EXIT_OK
from gongkai.report import jsonio
from gongkai.report.read import read_report


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("parse", help="读取年度报告并输出 JSON")
    parser.add_argument("file", help="报告文件")
    parser.add_argument("--json", action="store_true", help="输出 gongkai.annual-report/1 JSON（默认）")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    report = read_report(args.file)
    sys.stdout.write(jsonio.dumps(report) + "\n")
    return EXIT_OK

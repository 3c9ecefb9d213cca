"""``gongkai redact FILE -o OUT [--policy POLICY.json] [--json] [--thorough]``: write a cleaned copy
of a file.

The output has the same format (text, HTML, DOCX, PDF); the report lists what was removed where.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

from gongkai.cli import EXIT_OK
from gongkai.cli.scan import add_thorough_argument
from gongkai.errors import GongkaiError
from gongkai.sensitive.documents import redact_file
from gongkai.sensitive.model_names import registry_for
from gongkai.sensitive.policy import Policy


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "redact",
        help="删除或遮盖文件中的个人信息，输出同格式的新文件",
        description="按脱敏策略删除或部分遮盖个人信息（条例第十五条、第三十七条），写出同格式文件并列出删除记录。",
    )
    parser.add_argument("file", help="要处理的文件")
    parser.add_argument("-o", "--output", required=True, help="输出文件")
    parser.add_argument("--policy", help="脱敏策略 JSON 文件（默认：部分遮盖，如 110101********1234）")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出删除记录")
    add_thorough_argument(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if Path(args.output).resolve() == Path(args.file).resolve():
        raise GongkaiError("输出文件不能与原文件相同", detail=args.output)
    policy = Policy.load(args.policy) if args.policy else Policy()
    report = redact_file(args.file, args.output, policy, registry_for(args.thorough))
    for warning in report.warnings:
        print(f"gongkai：注意：{warning}", file=sys.stderr)
    if args.json:
        payload = {
            "output": args.output,
            "format": report.format,
            "removals": [r.to_json() for r in report.removals],
            "kept": [f.to_json() for f in report.kept],
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    console = Console()
    table = Table(title=f"已写出 {args.output}：删除或遮盖 {len(report.removals)} 处")
    for column in ("类别", "位置", "原内容", "替换为"):
        table.add_column(column)
    for r in report.removals:
        table.add_row(r.kind.label, r.location, r.text, r.replacement or "（涂黑）")
    console.print(table)
    if report.kept:
        console.print(f"按策略保留 {len(report.kept)} 处（如统一社会信用代码）")
    return EXIT_OK

"""``gongkai scan FILE [--json] [--thorough]``: list the personal information in a file.

Exit status: 0 nothing found, 1 findings printed, 2 unreadable file.
"""

from __future__ import annotations

import argparse
import json
import sys

from rich.console import Console
from rich.table import Table

from gongkai.cli import EXIT_FINDINGS, EXIT_OK
from gongkai.sensitive.documents import scan_file
from gongkai.sensitive.model_names import registry_for


def add_thorough_argument(parser: argparse.ArgumentParser) -> None:
    """``--thorough``: the model's names too (``gongkai.sensitive.model_names``), for scan and redact."""
    parser.add_argument(
        "--thorough",
        action="store_true",
        help="审慎模式：另用 LAC 模型补查人名，速度约为默认模式的几十分之一"
        "（需安装：pip install 'gongkai[nlp]'）",
    )


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "scan",
        help="查找文件中的个人信息和敏感信息",
        description="查找文本、HTML、DOCX、PDF 文件中的个人信息（身份证号、手机号、姓名、住址等）。"
        "退出码：0 未发现，1 有发现，2 文件无法读取。",
    )
    parser.add_argument("file", help="要检查的文件")
    parser.add_argument(
        "--json", action="store_true", help='输出 JSON：{"findings": [{"kind","start","end","text","score"}]}'
    )
    add_thorough_argument(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    result = scan_file(args.file, registry_for(args.thorough))
    for warning in result.warnings:
        print(f"gongkai：注意：{warning}", file=sys.stderr)
    if args.json:
        payload = {"findings": [f.to_json() for f in result.findings]}
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        console = Console()
        if not result.findings:
            console.print(f"未发现个人信息：{args.file}")
        else:
            table = Table(title=f"{args.file} 中的个人信息（{len(result.findings)} 处）")
            for column in ("类别", "位置", "内容", "可信度", "说明"):
                table.add_column(column)
            for f in result.findings:
                table.add_row(f.kind.label, f"{f.start}-{f.end}", f.text, f"{f.score:.2f}", f.explanation)
            console.print(table)
    return EXIT_FINDINGS if result.findings else EXIT_OK

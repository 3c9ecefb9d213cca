"""``gongkai report render FILE --to docx|html|xlsx|pdf -o OUT``: a report in the official layout."""

from __future__ import annotations

import argparse

from gongkai.cli import EXIT_OK
from gongkai.report import render as rendering
from gongkai.report.read import read_report


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("render", help="按官方版式生成 DOCX/HTML/XLSX/PDF 文件")
    parser.add_argument("file", help="报告文件（gongkai.annual-report/1 JSON 等）")
    # Checked by output_format() rather than argparse ``choices`` so the error is in Chinese.
    parser.add_argument(
        "--to", dest="fmt", required=True, metavar="格式", help=f"输出格式：{'|'.join(rendering.FORMATS)}"
    )
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="输出文件")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    fmt = rendering.output_format(args.fmt)
    report = read_report(args.file)
    written = rendering.write(report, fmt, args.output)
    print(f"已生成 {fmt.value.upper()} 文件：{written}")
    return EXIT_OK

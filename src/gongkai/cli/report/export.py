"""``gongkai report export --agency NAME --year Y [--to FMT] [-o OUT]``: a published report from the database.

Reads the agency's current published annual report (the database of ``gongkai serve``: the data
directory, or DATABASE_URL) and writes the file frozen when it was published (json, docx, html,
pdf -- byte for byte, so its SHA-256 is the published digest) or an XLSX rendered from the frozen
JSON. A draft is never exported.
"""

from __future__ import annotations

import argparse
import importlib

EXPORT_FORMATS = ("json", "docx", "html", "xlsx", "pdf")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("export", help="从数据库导出已发布的年度报告（json/docx/html/xlsx/pdf）")
    parser.add_argument("--agency", required=True, metavar="机关", help="机关名称（或简称）")
    parser.add_argument("--year", required=True, type=int, metavar="年度", help="报告年度，如 2025")
    # Checked by the exporter rather than argparse ``choices`` so the error is in Chinese.
    parser.add_argument(
        "--to",
        dest="fmt",
        default="json",
        metavar="格式",
        help=f"输出格式：{'|'.join(EXPORT_FORMATS)}（默认 json）",
    )
    parser.add_argument(
        "-o", "--output", metavar="OUT", help="输出文件（默认为当前目录下的“机关+年度”文件名；“-”为标准输出）"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # The web layer is imported lazily by name: the domain core and its CLI never import Django.
    exporter = importlib.import_module("gongkai.web.annual.export")
    result: int = exporter.export(args.agency, args.year, args.fmt, args.output)
    return result

"""``gongkai demo``: the main job until the web app exists.

It builds a sample annual report from generated application records (clearly labelled as
demonstration data), writes it as JSON, DOCX, HTML, XLSX and PDF, checks it with the report
rules and prints the findings as ``gongkai report check`` does; then it changes one cell of a
copy, to show what checking finds. The PDF is skipped with a note on a machine without a CJK
TrueType font, so the demo runs on a fresh machine without root.
"""

from __future__ import annotations

import argparse
import datetime
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from gongkai.cli import EXIT_FINDINGS, EXIT_OK
from gongkai.errors import GongkaiError
from gongkai.report import jsonio
from gongkai.report import render as rendering
from gongkai.report.model import AnnualReport
from gongkai.report.naming import cell_label
from gongkai.report.render.fonts import NO_FONT_MESSAGE, cjk_font_available
from gongkai.report.samples import balanced_report

DEMO_AGENCY = "示例市示例局（演示数据）"
DEFAULT_FOLDER = Path("var/demo")
DEFAULT_SEED = 2024
STEM = "demo-report"
#: The cell the demo breaks on purpose: one more new application from a natural person than
#: the totals account for, which the 勾稽关系 and the row sum both catch.
BROKEN_CELL = "table3.new.natural"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("demo", help="演示：生成示例年度报告（演示数据），输出各格式文件并检查")
    parser.add_argument(
        "-o", "--output", type=Path, default=DEFAULT_FOLDER, help=f"输出文件夹（默认 {DEFAULT_FOLDER}）"
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="随机种子（相同种子生成相同报告）")
    parser.add_argument("--year", type=int, default=None, help="报告年度（默认上一年）")
    parser.set_defaults(handler=run)


def write_json(report: AnnualReport, path: Path) -> Path:
    try:
        path.write_text(jsonio.dumps(report) + "\n", encoding="utf-8")
    except OSError as exc:
        raise GongkaiError(f"无法写入演示文件：{exc.strerror or exc}", detail=str(path)) from None
    return path


def write_documents(report: AnnualReport, folder: Path, console: Console) -> dict[str, Path]:
    """JSON plus every rendered format; the PDF only when a CJK font is installed."""
    written = {"json": write_json(report, folder / f"{STEM}.json")}
    for fmt in rendering.OutputFormat:
        if fmt is rendering.OutputFormat.PDF and not cjk_font_available():
            console.print(f"[yellow]跳过 PDF：{escape(NO_FONT_MESSAGE)}[/]")
            continue
        written[fmt.value] = rendering.write(report, fmt, folder / f"{STEM}.{fmt.value}")
    return written


def run(args: argparse.Namespace) -> int:
    # Imported here so that every other command keeps working while the rules are being changed.
    from gongkai.cli.report.check import has_errors, output_object, print_findings
    from gongkai.report.rules import check

    console = Console(highlight=False)
    # The CLI is where "today" enters: the default report year is the year before it.
    year = args.year if args.year is not None else datetime.date.today().year - 1
    folder: Path = args.output
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GongkaiError(f"无法创建输出文件夹：{exc.strerror or exc}", detail=str(folder)) from None

    report = balanced_report(args.seed, agency=DEMO_AGENCY, year=year)
    console.print(
        Panel(
            f"{report.agency}{year}年度政府信息公开工作年度报告\n"
            "本报告的全部数字由程序随机生成的申请记录汇总而成，仅供演示，不是真实数据。",
            title="Gongkai 演示",
        )
    )
    written = write_documents(report, folder, console)
    files = Table(title="已生成的文件", expand=True)
    files.add_column("格式", no_wrap=True)
    files.add_column("路径", overflow="fold")
    for fmt, path in written.items():
        files.add_row(fmt.upper(), escape(str(path)))
    console.print(files)

    console.rule("检查示例报告")
    sample = output_object(report, str(written["json"]), check(report))
    print_findings(console, sample)

    original = report.table3.cell(*BROKEN_CELL.split(".")[1:])
    changed = (original or 0) + 1
    broken_path = write_json(report.with_cell(BROKEN_CELL, changed), folder / f"{STEM}-broken.json")
    console.rule("检查故意改错一个数字的副本")
    console.print(f"改动：{cell_label(BROKEN_CELL)} 由 {original} 改为 {changed}")
    broken_report = jsonio.load(broken_path)  # checked as read back from its file
    broken = output_object(broken_report, str(broken_path), check(broken_report))
    print_findings(console, broken)
    console.print(f"可运行 gongkai report check {escape(str(broken_path))} 复查（改动后的副本应报错误）。")
    # The demo works when the sample passes every error rule and the broken copy does not.
    return EXIT_OK if not has_errors(sample) and has_errors(broken) else EXIT_FINDINGS

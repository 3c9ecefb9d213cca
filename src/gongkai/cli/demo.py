"""``gongkai demo``: the main job until the web app exists.

It builds a sample annual report from generated application records (clearly labelled as
demonstration data), writes it as JSON, DOCX, HTML, XLSX and PDF, checks it with the report
rules and prints the findings; then it changes one cell of a copy, to show what checking finds.
The PDF is skipped with a note on a machine without a CJK TrueType font, so the demo runs on a
fresh machine without root.
"""

from __future__ import annotations

import argparse
import datetime
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from gongkai.cli import EXIT_FINDINGS, EXIT_OK
from gongkai.errors import GongkaiError
from gongkai.report import jsonio
from gongkai.report import render as rendering
from gongkai.report.model import AnnualReport, cell_label
from gongkai.report.render.fonts import NO_FONT_MESSAGE, cjk_font_available
from gongkai.report.samples import balanced_report

if TYPE_CHECKING:
    from gongkai.report.rules import Finding

DEMO_AGENCY = "示例市示例局（演示数据）"
DEFAULT_FOLDER = Path("var/demo")
DEFAULT_SEED = 2024
STEM = "demo-report"
#: The cell the demo breaks on purpose: one more new application from a natural person than
#: the totals account for, which the 勾稽关系 and the row sum both catch.
BROKEN_CELL = "table3.new.natural"

_SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("demo", help="演示：生成示例年度报告（演示数据），输出各格式文件并检查")
    parser.add_argument(
        "-o", "--output", type=Path, default=DEFAULT_FOLDER, help=f"输出文件夹（默认 {DEFAULT_FOLDER}）"
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="随机种子（相同种子生成相同报告）")
    parser.add_argument("--year", type=int, default=None, help="报告年度（默认上一年）")
    parser.set_defaults(handler=run)


def findings_table(findings: Sequence[Finding], title: str) -> Table:
    """One line per finding; the rules' messages already name the cells they involve."""
    table = Table(title=title, expand=True)
    table.add_column("级别", no_wrap=True)
    table.add_column("规则", no_wrap=True)
    table.add_column("说明", ratio=1, overflow="fold")
    for f in findings:
        severity = str(f.severity)
        table.add_row(f"[{_SEVERITY_STYLE[severity]}]{_SEVERITY_ZH[severity]}[/]", f.rule, escape(f.message))
    return table


def summary(findings: Sequence[Finding]) -> str:
    counts = Counter(str(f.severity) for f in findings)
    return "，".join(f"{name} {counts[key]} 项" for key, name in _SEVERITY_ZH.items())


def write_documents(report: AnnualReport, folder: Path, console: Console) -> dict[str, Path]:
    """JSON plus every rendered format; the PDF only when a CJK font is installed."""
    written = {"json": folder / f"{STEM}.json"}
    try:
        written["json"].write_text(jsonio.dumps(report) + "\n", encoding="utf-8")
    except OSError as exc:
        raise GongkaiError(f"无法写入演示文件：{exc.strerror or exc}", detail=str(written["json"])) from None
    for fmt in rendering.OutputFormat:
        if fmt is rendering.OutputFormat.PDF and not cjk_font_available():
            console.print(f"[yellow]跳过 PDF：{NO_FONT_MESSAGE}[/]")
            continue
        written[fmt.value] = rendering.write(report, fmt, folder / f"{STEM}.{fmt.value}")
    return written


def run(args: argparse.Namespace) -> int:
    # Imported here so that every other command keeps working while the rules are changed.
    from gongkai.report.rules import check

    console = Console(highlight=False)
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
    files.add_column("路径")
    for fmt, path in written.items():
        files.add_row(fmt.upper(), str(path))
    console.print(files)

    findings = check(report)
    console.print(findings_table(findings, "检查结果（示例报告）"))
    console.print(f"示例报告：{summary(findings)}")

    original = report.table3.cell(*BROKEN_CELL.split(".")[1:])
    changed = (original or 0) + 1
    broken = report.with_cell(BROKEN_CELL, changed)
    broken_path = folder / f"{STEM}-broken.json"
    try:
        broken_path.write_text(jsonio.dumps(broken) + "\n", encoding="utf-8")
    except OSError as exc:
        raise GongkaiError(f"无法写入演示文件：{exc.strerror or exc}", detail=str(broken_path)) from None
    errors = [f for f in check(broken) if f.severity == "error"]
    console.print(
        f"\n故意改动一份副本：{cell_label(BROKEN_CELL)} 由 {original} 改为 {changed}（{broken_path}）"
    )
    console.print(findings_table(errors, "检查结果（改动后的副本，仅列错误）"))
    console.print(
        f"改动后的副本：错误 {len(errors)} 项。可运行 gongkai report check {broken_path} 查看全部结果。"
    )
    clean = not any(f.severity == "error" for f in findings)
    return EXIT_OK if clean and errors else EXIT_FINDINGS

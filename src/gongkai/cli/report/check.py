"""``gongkai report check FILE... [--previous FILE] [--json]``: check annual reports against the rules.

Output (report-json.md, "Check output"): by default a table of findings in Chinese; with ``--json``
the check output object ``{"file", "agency", "year", "template", "findings": [...]}`` -- for one
FILE that object, for several FILEs a JSON list of such objects in the order given.

Exit status: 0 when no finding is an error, 1 when any is, 2 when a file cannot be read as a
report (the message on stderr says why; the other files are still checked and printed).
``--previous`` names the report of the year before and needs exactly one FILE. ``--kind`` states
the agency's kind (人民政府, 部门, 乡镇, 街道, 其他: ``gongkai.agencies``) for every FILE, overriding
the kind proposed from the agency's name (it decides 条例 第五十条第（四）项's rule GOV-ASSESSMENT);
a batch holds many agencies, so it is not accepted there.

``check_file`` and ``check_output`` are the reusable single-file path (batch checking builds on them).
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

from gongkai.agencies import AgencyKind, parse_kind
from gongkai.cli import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE
from gongkai.errors import GongkaiError
from gongkai.report.batch import command as batch_command
from gongkai.report.model import AnnualReport
from gongkai.report.read import read_report
from gongkai.report.rules import CANNOT_ASSESS_PREFIX, Finding, Severity, check
from gongkai.report.rules.finding import CLI_HINTS

SEVERITY_ZH = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "dim"}


def check_output(
    report: AnnualReport, file: str, previous: AnnualReport | None = None, kind: AgencyKind | None = None
) -> dict[str, Any]:
    """The "Check output" object of report-json.md for ``report`` read from ``file``."""
    findings = check(report, previous, kind=kind)
    return output_object(report, file, findings)


def output_object(report: AnnualReport, file: str, findings: list[Finding]) -> dict[str, Any]:
    return {
        "file": file,
        "agency": report.agency,
        "year": report.year,
        "template": report.template.value,
        "findings": [f.to_dict() for f in findings],
    }


def check_file(
    path: str | Path, previous_path: str | Path | None = None, kind: AgencyKind | None = None
) -> dict[str, Any]:
    """Read and check one file; raises :class:`GongkaiError` when it (or ``previous_path``) cannot be read."""
    previous = read_report(previous_path) if previous_path is not None else None
    report = read_report(path, previous)
    return check_output(report, str(path), previous, kind)


def has_errors(output: dict[str, Any]) -> bool:
    return any(f["severity"] == Severity.ERROR.value for f in output["findings"])


def print_findings(console: Console, output: dict[str, Any]) -> None:
    """The findings of one check output as a Chinese table, with a count per severity.

    "Cannot assess" findings are listed after the table, grouped by their reason, so that a
    report without narrative does not fill the screen with the same sentence.
    """
    agency = output["agency"] or "（机关名称不详）"
    year = f"{output['year']}年度" if output["year"] is not None else "（年度不详）"
    header = f"{output['file']}  {agency} {year}  模板：{output['template']}"
    console.print(f"[bold]{escape(header)}[/bold]")
    findings = output["findings"]
    assessed = [f for f in findings if not f["message"].startswith(CANNOT_ASSESS_PREFIX)]
    if assessed:
        table = Table(show_lines=True)
        for header_text, ratio in (
            ("级别", 1),
            ("规则", 3),
            ("单元格", 3),
            ("说明", 8),
            ("应为", 1),
            ("实为", 1),
        ):
            table.add_column(header_text, overflow="fold", ratio=ratio)
        for f in assessed:
            style = _SEVERITY_STYLE[f["severity"]]
            table.add_row(
                f"[{style}]{SEVERITY_ZH[Severity(f['severity'])]}[/{style}]",
                escape(f["rule"]),
                escape(_cells(f["cells"])),
                escape(f["message"]),
                escape(_shown(f["expected"])),
                escape(_shown(f["actual"])),
            )
        console.print(table)
    reasons: dict[str, list[str]] = {}
    for f in findings:
        if f["message"].startswith(CANNOT_ASSESS_PREFIX):
            reasons.setdefault(f["message"], []).append(f["rule"])
    for message, rule_ids in reasons.items():
        hint = CLI_HINTS.get(message.removeprefix(CANNOT_ASSESS_PREFIX))
        shown = f"{message}（{hint}）" if hint else message
        console.print(f"[dim]提示 {escape('、'.join(rule_ids))}：{escape(shown)}[/dim]")
    counts = {s: sum(1 for f in findings if f["severity"] == s.value) for s in Severity}
    console.print("，".join(f"{SEVERITY_ZH[s]} {n} 项" for s, n in counts.items()))


def _cells(cells: list[str]) -> str:
    return "\n".join(cells) if len(cells) <= 3 else "\n".join(cells[:2]) + f"\n等 {len(cells)} 个单元格"


def _shown(value: Any) -> str:
    return "" if value is None else str(value)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("check", help="按规则检查年度报告（勾稽关系、格式、正文与表格）")
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help="报告文件（可多个）；文件夹则批量检查其中所有报告"
    )
    parser.add_argument(
        "--previous", metavar="FILE", help="上一年度的报告，用于跨年度核对（只能配合一个报告文件）"
    )
    parser.add_argument("--json", action="store_true", help="输出 JSON（report-json.md 的检查结果格式）")
    parser.add_argument(
        "--kind",
        metavar="类别",
        help=f"机关类别（{'、'.join(k.value for k in AgencyKind)}），默认按机关名称判断；"
        "人民政府的年度报告还应当包括工作考核、社会评议和责任追究结果情况（条例第五十条第（四）项）",
    )
    parser.set_defaults(handler=run)
    batch_command.add_arguments(parser)  # batch mode: see gongkai.report.batch.command


def run(args: argparse.Namespace) -> int:
    kind: AgencyKind | None = None
    if args.kind is not None:
        # Parsed here rather than by argparse ``choices`` so that the error is in Chinese.
        try:
            kind = parse_kind(args.kind)
        except ValueError as exc:
            print(f"gongkai：{exc}", file=sys.stderr)
            return EXIT_UNREADABLE
    if batch_command.wants_batch(args):  # folders, --expected, --xlsx...: gongkai.report.batch.command
        if kind is not None:
            print("gongkai：--kind 只能用于逐个文件检查（批量检查包含多个机关）", file=sys.stderr)
            return EXIT_UNREADABLE
        return batch_command.run(args)
    if args.previous is not None and len(args.files) != 1:
        print("gongkai：--previous 只能配合一个报告文件使用", file=sys.stderr)
        return EXIT_UNREADABLE
    previous = read_report(args.previous) if args.previous is not None else None
    outputs: list[dict[str, Any]] = []
    unreadable = False
    for file in args.files:
        try:
            outputs.append(check_output(read_report(file, previous), file, previous, kind))
        except GongkaiError as exc:
            unreadable = True
            print(f"gongkai：无法读取 {file}：{exc}", file=sys.stderr)
    if args.json:
        data: Any = outputs[0] if len(args.files) == 1 and outputs else outputs
        if outputs or len(args.files) > 1:
            sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        console = Console(file=sys.stdout)
        for output in outputs:
            print_findings(console, output)
    if unreadable:
        return EXIT_UNREADABLE
    return EXIT_FINDINGS if any(has_errors(o) for o in outputs) else EXIT_OK

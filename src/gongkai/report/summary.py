"""Summaries of a batch check for the people who collect reports: an XLSX workbook and an HTML page.

Both show one row per report (file, agency, year, template, errors, warnings, status), then each
finding with its cell(s) and the raw text the cell was read from, then the agencies that have not
reported (未上报). Both are written as a stream (openpyxl's write-only mode; the page row by row) so
that a summary of 10,000 reports needs no more memory than the batch result itself.
"""

from __future__ import annotations

import html
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from gongkai.errors import GongkaiError
from gongkai.report.batch.results import PREVIOUS_PREFIX, BatchResult, FileResult, FindingRow, Status
from gongkai.report.naming import cell_label

SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}

REPORT_HEADERS = ("序号", "文件", "单位", "年度", "模板", "错误", "警告", "状态", "说明")
FINDING_HEADERS = (
    "序号",
    "文件",
    "单位",
    "年度",
    "规则",
    "级别",
    "单元格",
    "单元格路径",
    "说明",
    "应为",
    "实为",
    "原文",
)
MISSING_HEADERS = ("年度", "未上报单位")


def ordered_findings(result: FileResult) -> list[FindingRow]:
    """Errors first, then warnings, then notes; the rules' own order within each."""
    return sorted(result.findings, key=lambda f: _SEVERITY_ORDER.get(f.severity, 3))


def cell_name(cell: str) -> str:
    """The Chinese name of a cell; ``previous.`` cells are the previous year's report's."""
    if cell.startswith(PREVIOUS_PREFIX):
        return "上年报告" + cell_label(cell.removeprefix(PREVIOUS_PREFIX))
    return cell_label(cell)


def cells_text(finding: FindingRow) -> str:
    return "；".join(cell_name(c) for c in finding.cells)


def raw_parts(finding: FindingRow) -> list[tuple[str, str, str]]:
    """(what, raw text, where) for each cell the finding names that has a source, and its excerpt."""
    parts = [(cell_name(s.cell), s.raw, s.where) for s in finding.sources]
    if finding.finding.excerpt:
        parts.append(("正文", finding.finding.excerpt, ""))
    return parts


def raw_text(finding: FindingRow) -> str:
    """The raw text of the finding, e.g. ``表三“…”行“总计”列：“1 2”（第2页 第14行）``."""
    return "；".join(
        f"{what}：“{raw}”" + (f"（{where}）" if where else "") for what, raw, where in raw_parts(finding)
    )


def value_text(value: Any) -> str:
    return "" if value is None else str(value)


def template_text(result: FileResult) -> str:
    return f"{result.template}版" if result.template else ""


def missing_caveat(result: BatchResult) -> str:
    """Why an agency may be listed as 未上报 although it sent a file: the file could not be read."""
    unreadable = len(result.files) - result.readable
    if not result.expected_checked or not unreadable:
        return ""
    return f"另有 {unreadable} 个文件无法读取，无法确定其单位和年度，这些单位可能被列为未上报，请核对。"


def overview(result: BatchResult) -> str:
    """One sentence that sums the batch up."""
    text = (
        f"共检查 {len(result.files)} 个文件，可读取 {result.readable} 个，"
        f"无法读取 {len(result.files) - result.readable} 个；"
        f"发现错误 {result.total_errors} 处，警告 {result.total_warnings} 处"
    )
    if result.expected_checked:
        text += f"；未上报 {result.missing_count} 家次"
    return text + "。"


def _report_row(number: int, result: FileResult) -> tuple[Any, ...]:
    readable = result.failure is None
    return (
        number,
        result.path,
        result.agency or "",
        result.year if result.year is not None else "",
        template_text(result),
        result.errors if readable else "",
        result.warnings if readable else "",
        result.status.value,
        result.error or "",
    )


def check_writable(path: str | Path) -> Path:
    """``path`` as a Path, if a file can be written there; else a clear error (before a long batch runs)."""
    out = Path(path)
    if out.is_dir():
        raise GongkaiError("输出路径是一个文件夹", detail=str(out))
    if not out.parent.is_dir():
        raise GongkaiError("输出文件所在的文件夹不存在", detail=str(out.parent))
    return out


# ---------------------------------------------------------------------------------------------
# XLSX
# ---------------------------------------------------------------------------------------------


def _xlsx_value(value: Any) -> Any:
    """A value openpyxl writes faithfully: numbers as numbers, text without control characters."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | Decimal):
        return value
    # Text read from a damaged file may hold control characters, which XLSX cannot store.
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))


def _sheet(
    book: Workbook, title: str, headers: tuple[str, ...], widths: tuple[int, ...]
) -> WriteOnlyWorksheet:
    sheet: WriteOnlyWorksheet = book.create_sheet(title)
    # Any: write-only sheets do have column_dimensions at run time; types-openpyxl omits it.
    dimensions: Any = sheet.column_dimensions  # type: ignore[attr-defined]
    for letter, width in zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", widths, strict=False):
        dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header_cells = []
    for text in headers:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = bold
        cell.alignment = Alignment(horizontal="center")
        header_cells.append(cell)
    sheet.append(header_cells)
    return sheet


def write_xlsx(result: BatchResult, path: str | Path) -> None:
    """Write the summary workbook: sheets 报告一览, 问题明细 and (with an expected list) 未上报."""
    out = check_writable(path)
    book = Workbook(write_only=True)
    reports = _sheet(book, "报告一览", REPORT_HEADERS, (6, 50, 30, 8, 9, 7, 7, 9, 60))
    findings = _sheet(book, "问题明细", FINDING_HEADERS, (6, 50, 30, 8, 22, 7, 40, 30, 70, 10, 10, 50))
    for number, file in enumerate(result.files, start=1):
        reports.append([_xlsx_value(v) for v in _report_row(number, file)])
        for finding in ordered_findings(file):
            findings.append(
                [
                    _xlsx_value(v)
                    for v in (
                        number,
                        file.path,
                        file.agency,
                        file.year,
                        finding.rule,
                        SEVERITY_ZH.get(finding.severity, finding.severity),
                        cells_text(finding),
                        ", ".join(finding.cells),
                        finding.message,
                        finding.finding.expected,
                        finding.finding.actual,
                        raw_text(finding),
                    )
                ]
            )
    if result.expected_checked:
        missing = _sheet(book, "未上报", MISSING_HEADERS, (8, 40))
        for year, names in result.missing.items():
            for name in names:
                missing.append([year, _xlsx_value(name)])
    try:
        book.save(out)
    except OSError as exc:
        raise GongkaiError("无法写入汇总表", detail=f"{out}：{exc.strerror or exc}") from exc


# ---------------------------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------------------------

_CSS = """
body { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; margin: 1rem;
       line-height: 1.5; color: #222; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.2rem; margin-top: 2rem; } h3 { font-size: 1rem; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; margin: .5rem 0; font-size: .9rem; }
th, td { border: 1px solid #999; padding: .2rem .4rem; vertical-align: top; text-align: left; }
th { background: #eee; }
td.n { text-align: right; }
.s-通过 { color: #1a7f37; } .s-有警告 { color: #9a6700; } .s-有错误, .s-无法读取 { color: #cf222e; }
.sev-error { color: #cf222e; font-weight: bold; } .sev-warning { color: #9a6700; }
.raw { font-family: monospace; white-space: pre-wrap; }
@media print { .scroll { overflow: visible; } a { color: inherit; text-decoration: none; } }
"""


def _e(value: Any) -> str:
    return html.escape(value_text(value))


def _table_start(out: IO[str], headers: tuple[str, ...]) -> None:
    out.write('<div class="scroll"><table>\n<thead><tr>')
    out.write("".join(f'<th scope="col">{h}</th>' for h in headers))
    out.write("</tr></thead>\n<tbody>\n")


def _html_reports(out: IO[str], result: BatchResult) -> None:
    out.write('<h2 id="reports">报告一览</h2>\n')
    _table_start(out, REPORT_HEADERS)
    for number, file in enumerate(result.files, start=1):
        row = list(_report_row(number, file))
        status: Status = file.status
        link = f'<a href="#f{number}">{_e(file.path)}</a>' if file.findings else _e(file.path)
        out.write(
            f'<tr><td class="n">{number}</td><td>{link}</td><td>{_e(row[2])}</td><td>{_e(row[3])}</td>'
            f'<td>{_e(row[4])}</td><td class="n">{_e(row[5])}</td><td class="n">{_e(row[6])}</td>'
            f'<td class="s-{status.value}">{status.value}</td><td>{_e(row[8])}</td></tr>\n'
        )
    out.write("</tbody></table></div>\n")


def _html_missing(out: IO[str], result: BatchResult) -> None:
    if not result.expected_checked:
        return
    out.write('<h2 id="missing">未上报</h2>\n')
    if not result.missing:
        out.write("<p>批次中没有可读取的年度报告，无法判断未上报单位。</p>\n")
    if caveat := missing_caveat(result):
        out.write(f"<p>{_e(caveat)}</p>\n")
    for year, names in result.missing.items():
        if names:
            items = "".join(f"<li>{_e(n)}</li>" for n in names)
            out.write(f"<h3>{year}年度（{len(names)} 家）</h3>\n<ul>{items}</ul>\n")
        else:
            out.write(f"<h3>{year}年度</h3>\n<p>应上报单位均已上报。</p>\n")


_FINDING_HEADERS_HTML = ("规则", "级别", "单元格", "说明", "应为", "实为", "原文")


def _html_finding_rows(out: IO[str], findings: list[FindingRow]) -> None:
    _table_start(out, _FINDING_HEADERS_HTML)
    for f in findings:
        cells = "<br>".join(f"{_e(cell_name(c))} <code>{_e(c)}</code>" for c in f.cells)
        raw = "<br>".join(
            f'{_e(what)}：<span class="raw">{_e(text)}</span>' + (f"（{_e(where)}）" if where else "")
            for what, text, where in raw_parts(f)
        )
        severity = SEVERITY_ZH.get(f.severity, f.severity)
        out.write(
            f'<tr><td>{_e(f.rule)}</td><td class="sev-{_e(f.severity)}">{_e(severity)}</td>'
            f'<td>{cells}</td><td>{_e(f.message)}</td><td class="n">{_e(f.finding.expected)}</td>'
            f'<td class="n">{_e(f.finding.actual)}</td><td>{raw}</td></tr>\n'
        )
    out.write("</tbody></table></div>\n")


def _html_findings(out: IO[str], result: BatchResult) -> None:
    """Per report, its errors and warnings; its notes (提示, such as "cannot assess") folded away,
    so that a page of thousands of reports stays readable (<details> needs no script)."""
    out.write('<h2 id="findings">问题明细</h2>\n')
    for number, file in enumerate(result.files, start=1):
        if not file.findings:
            continue
        title = " ".join(x for x in (file.agency or "", f"{file.year}年度" if file.year else "") if x)
        out.write(f'<h3 id="f{number}">{number}. {_e(file.path)}　{_e(title)}</h3>\n')
        if file.previous_year_file:
            out.write(f"<p>已与上一年度报告 {_e(file.previous_year_file)} 对照检查。</p>\n")
        findings = ordered_findings(file)
        problems = [f for f in findings if f.severity != "info"]
        notes = [f for f in findings if f.severity == "info"]
        if problems:
            _html_finding_rows(out, problems)
        if notes:
            out.write(f'<details class="notes"><summary>提示 {len(notes)} 条</summary>\n')
            _html_finding_rows(out, notes)
            out.write("</details>\n")


def write_html(result: BatchResult, path: str | Path) -> None:
    """Write the summary as one self-contained page (inline CSS, no scripts, no external files)."""
    out = check_writable(path)
    try:
        with out.open("w", encoding="utf-8") as page:
            page.write(
                '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
                '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                f"<title>年度报告检查汇总</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
                f"<h1>政府信息公开工作年度报告检查汇总</h1>\n<p>{_e(overview(result))}</p>\n"
            )
            _html_reports(page, result)
            _html_missing(page, result)
            _html_findings(page, result)
            page.write("</body>\n</html>\n")
    except OSError as exc:
        raise GongkaiError("无法写入汇总网页", detail=f"{out}：{exc.strerror or exc}") from exc

"""Why a cell reads as it does: ``gongkai report parse FILE --explain CELL``.

For a cell path (``table3.new.natural``) this gives the value read, how it was obtained -- read
from a cell as printed, split from glued digits by the table's constraints (naming them), mapped to
its row by position, or not read (with the reader's reason) -- and the source text around it.
"""

from __future__ import annotations

from gongkai.report.model import AnnualReport, CellSource
from gongkai.report.naming import cell_label
from gongkai.report.read.assembly import READ_FINDINGS_KEY
from gongkai.report.read.glued import SPLIT_NOTE
from gongkai.report.read.table3 import POSITION_NOTE

#: Characters of source text shown on each side of a figure found inside a long line.
CONTEXT_CHARS = 40


def how_obtained(source: CellSource | None, value: object = 0) -> str:
    """How the reader arrived at a cell's value, in Chinese."""
    if source is None:
        return "报告中没有这个单元格"
    if value is None:
        return "未能确定（null），原因见读取说明"
    note = source.note or ""
    if SPLIT_NOTE in note:
        return note
    if POSITION_NOTE in note:
        return "按位置对应（mapped by position）：此行没有行标签，按表中缺少的行依次对应，并经合计关系核对"
    if note:
        return f"从单元格读取，读取时作了判断：{note}"
    return "从单元格读取（read from a cell），按原样"


def explain(report: AnnualReport, path: str, source_text: str | None = None) -> str:
    """A Chinese explanation of cell ``path``; ``source_text`` (the file as text) adds context."""
    values = dict(report.cells())
    if path not in values:
        raise KeyError(path)
    source = report.provenance.get(path)
    value = values[path]
    lines = [f"{path}（{cell_label(path)}）", f"值：{'null' if value is None else value}"]
    lines.append(f"来源：{how_obtained(source, value)}")
    if source is not None:
        where = [f"第{source.page}页" if source.page else "", f"第{source.line}行" if source.line else ""]
        if source.table:
            where.append(f"第{source.table}个表格第{source.row}行第{source.column}列")
        place = "，".join(w for w in where if w)
        lines.append(f"原文：“{source.raw}”" + (f"（{place}）" if place else ""))
        context = _context(source, source_text)
        if context:
            lines.append(f"上下文：{context}")
    prefix = ".".join(path.split(".")[:2])
    for finding in report.meta.get(READ_FINDINGS_KEY) or ():
        if finding["cell"] in (path, prefix, path.split(".")[0]):
            lines.append(f"读取说明：{finding['message']}")
    return "\n".join(lines)


def _context(source: CellSource, text: str | None) -> str | None:
    if text is None or source.line is None:
        return None
    all_lines = text.splitlines()
    if not 0 < source.line <= len(all_lines):
        return None
    line = all_lines[source.line - 1]
    raw = source.raw.strip()
    at = line.find(raw) if raw else -1
    if len(line) <= 2 * CONTEXT_CHARS:
        return line.strip()
    if at < 0:
        return line[: 2 * CONTEXT_CHARS] + "……"
    start = max(0, at - CONTEXT_CHARS)
    end = min(len(line), at + len(raw) + CONTEXT_CHARS)
    return ("……" if start else "") + line[start:end] + ("……" if end < len(line) else "")

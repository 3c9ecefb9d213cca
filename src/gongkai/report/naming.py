"""Cell paths described in Chinese for messages.

Apart from ``gongkai.report.model`` (whose vocabulary it uses) so that the model does not import
it back: no import cycle (tests/domain/test_import_graph.py)."""

from __future__ import annotations

from gongkai.report import model


def cell_label(path: str) -> str:
    """A Chinese description of a cell path for messages, e.g. ``表三“一、本年新收…”行“总计”列``."""
    parts = path.split(".")
    try:
        if parts[0] == "table3":
            row = model.TABLE3_ROW_BY_KEY[parts[1]]
            column = next(c.label for c in model.TABLE3_COLUMNS if c.key == parts[2])
            return f"表三“{row.label}”行“{column}”列"
        if parts[0] == "table4":
            group = dict(model.TABLE4_GROUPS)[parts[1]]
            name = dict(model.TABLE4_FIELDS)[parts[2]]
            return f"表四“{group}”的“{name}”"
        if parts[0] == "table2" and len(parts) == 3:
            row_label = dict(model.TABLE2_DOCUMENT_ROWS)[parts[1]]
            name = dict(model.DOCUMENT_COUNT_FIELDS)[parts[2]]
            return f"表二“{row_label}”的“{name}”"
        if parts[0] == "table2":
            if parts[1] == "fees_10k_yuan":
                return f"表二“{model.FEES_LABEL}”的“{model.FEES_HEADER}”"
            label = next(r[1] for r in model.TABLE2_DECISION_ROWS if r[0] == parts[1])
            return f"表二“{label}”的“本年处理决定数量”"
        if parts[0] == "sections":
            return f"正文第{parts[1]}部分"
        if len(parts) == 1 and path in _REPORT_FIELDS:
            return _REPORT_FIELDS[path]
    except (KeyError, IndexError, StopIteration):
        pass
    return path


#: The report's own fields a finding may name (report-json.md: ``agency``, ``year``, ``template``).
_REPORT_FIELDS = {"agency": "机关名称", "year": "报告年度", "template": "报告格式"}

#: The prefix of a cell of the previous year's report (``previous.table3.carry_next.total``).
PREVIOUS = "previous."


def cell_name(path: str) -> str:
    """:func:`cell_label`, also for the previous year's cells: ``上年报告表三…``, ``上年报告机关名称``."""
    if path.startswith(PREVIOUS):
        return "上年报告" + cell_label(path.removeprefix(PREVIOUS))
    return cell_label(path)


def cell_names(paths: list[str] | tuple[str, ...]) -> str:
    """Several cells for a page or a table column: ``机关名称；上年报告机关名称``."""
    return "；".join(cell_name(p) for p in paths)

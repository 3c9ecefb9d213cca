"""Small writers for the reader tests: a report as the shapes people publish or paste.

Each writer prints a report the way a document shows it -- title, the six sections, the three
tables with their official labels -- as rows of cells, then lays the rows out as one of the text
shapes the readers accept. Blank cells stay blank (""), so tests can check that a blank never
shifts its neighbours. Only labels come from the model; nothing here knows the reader.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from decimal import Decimal

from gongkai.report.model import (
    DOCUMENT_COUNT_FIELDS,
    FEES_HEADER,
    FEES_ITEM,
    FEES_LABEL,
    TABLE2_DECISION_ROWS,
    TABLE2_DOCUMENT_ROWS,
    TABLE3_BALANCE_NOTE,
    TABLE3_COLUMNS,
    TABLE4_FIELDS,
    TABLE4_GROUPS,
    AnnualReport,
    table3_rows_for,
)

Rows = list[list[str]]


def number(value: int | Decimal | None) -> str:
    return "" if value is None else str(value)


def title(report: AnnualReport) -> str:
    return f"{report.agency}{report.year}年度政府信息公开工作年度报告"


def table2_rows(report: AnnualReport) -> Rows:
    t2 = report.table2
    rows: Rows = [
        ["第二十条第（一）项"],
        ["信息内容", *(label for _, label in DOCUMENT_COUNT_FIELDS)],
    ]
    for key, label in TABLE2_DOCUMENT_ROWS:
        rows.append([label, *(number(v) for _, v in t2.documents(key).items())])
    item = None
    for key, label, article, header in TABLE2_DECISION_ROWS:
        if article != item:
            rows += [[article], ["信息内容", header]]
            item = article
        rows.append([label, number(getattr(t2, key))])
    rows += [[FEES_ITEM], ["信息内容", FEES_HEADER], [FEES_LABEL, number(t2.fees_10k_yuan)]]
    return rows


def table3_rows(report: AnnualReport, *, header: bool = True) -> Rows:
    """Table 3 as Word's text export prints it: label cells (group labels on the group's first
    row only, blanks below them), then the seven values."""
    rows: Rows = []
    if header:
        rows += [
            [TABLE3_BALANCE_NOTE, "申请人情况"],
            ["", "自然人", "法人或其他组织", "总计"],
            ["", "", *(c.label for c in TABLE3_COLUMNS[1:-1]), ""],
        ]
    previous: tuple[str, ...] = ()
    for spec in table3_rows_for(report.template):
        labels = [
            "" if i < len(previous) and previous[i] == part and i < len(spec.labels) - 1 else part
            for i, part in enumerate(spec.labels)
        ]
        previous = spec.labels
        row = report.table3.row(spec.key)
        rows.append([*labels, *(number(v) for _, v in row.items())])
    return rows


def table4_rows(report: AnnualReport) -> Rows:
    fields = [label for _, label in TABLE4_FIELDS]
    groups = [label.split("·")[-1] for _, label in TABLE4_GROUPS]
    return [
        [groups[0], "行政诉讼"],
        [*fields, groups[1], groups[2]],
        ["", "", "", "", "", *fields, *fields],
        [number(v) for _, group in report.table4.groups() for _, v in group.items()],
    ]


TABLES: dict[str, Callable[[AnnualReport], Rows]] = {
    "二": table2_rows,
    "三": table3_rows,
    "四": table4_rows,
}


#: Changes a table's rows before they are laid out (a variant): (section number, rows) -> rows.
Transform = Callable[[str, Rows], Rows]


def document(report: AnnualReport, transform: Transform | None = None) -> list[tuple[str, object]]:
    """The report in reading order: ("line", text) and ("table", rows) items."""
    items: list[tuple[str, object]] = [("line", title(report))]
    for section in report.sections or ():
        items.append(("line", f"{section.number}、{section.title}"))
        items.extend(("line", line) for line in section.text.split("\n") if line)
        if section.number in TABLES:
            rows = TABLES[section.number](report)
            items.append(("table", transform(section.number, rows) if transform else rows))
    return items


def _lay_out(report: AnnualReport, table: Callable[[Rows], list[str]], transform: Transform | None) -> str:
    lines: list[str] = []
    for kind, content in document(report, transform):
        if kind == "line":
            lines.append(str(content))
        else:
            lines.extend(table(content))  # type: ignore[arg-type]
    return "\n".join(lines) + "\n"


def cell_per_line(report: AnnualReport, transform: Transform | None = None) -> str:
    """Word's "save as text": a tab before every cell, a blank line after every row."""

    def table(rows: Rows) -> list[str]:
        out = [""]
        for row in rows:
            out.extend("\t" + cell for cell in row)
            out.append("")
        return [*out, ""]

    return _lay_out(report, table, transform)


def line_per_cell(report: AnnualReport, transform: Transform | None = None) -> str:
    """Text copied from a web page: each non-empty cell on its own line, no tabs, a blank line
    after each row (blank cells leave no trace, so only complete tables round-trip)."""

    def table(rows: Rows) -> list[str]:
        out: list[str] = []
        for row in rows:
            out.extend(cell for cell in row if cell)
            out.append("")
        return out

    return _lay_out(report, table, transform)


def whitespace_rows(report: AnnualReport, transform: Transform | None = None) -> str:
    """One row per line, cells separated by spaces (a PDF's text layer, a careless paste)."""
    return _lay_out(report, lambda rows: [" ".join(c for c in row if c) for row in rows], transform)


def tab_rows(report: AnnualReport, transform: Transform | None = None) -> str:
    """One row per line, cells separated by tabs (pasted from a spreadsheet or web page)."""
    return _lay_out(report, lambda rows: ["\t".join(row) for row in rows], transform)


def markdown(report: AnnualReport, transform: Transform | None = None) -> str:
    def table(rows: Rows) -> list[str]:
        # Merged cells come out of converters as empty cells where the merge was: label cells
        # are padded before the values (table 3), a merged value after it (table 2).
        width = max(len(r) for r in rows)
        values = 7 if width == 10 else 0
        padded = [
            row[: len(row) - values] + [""] * (width - len(row)) + row[len(row) - values :]
            if values and len(row) > values
            else row + [""] * (width - len(row))
            for row in rows
        ]
        out = ["", "| " + " | ".join(padded[0]) + " |", "|" + "---|" * width]
        out += ["| " + " | ".join(c.replace("\n", "<br>") for c in row) + " |" for row in padded[1:]]
        return [*out, ""]

    def lay_out() -> str:
        lines: list[str] = []
        for kind, content in document(report, transform):
            if kind == "line":
                text = str(content)
                lines.append(f"# {text}" if text == title(report) else text)
            else:
                lines.extend(table(content))  # type: ignore[arg-type]
        return "\n".join(lines) + "\n"

    return lay_out()


def html_page(
    report: AnnualReport,
    transform: Transform | None = None,
    table_html: Callable[[Rows], str] | None = None,
) -> str:
    """A whole saved page: navigation, a layout table around the article, then the report."""

    def simple(rows: Rows) -> str:
        body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows)
        return f"<table border='1'>{body}</table>"

    render = table_html or simple
    parts = []
    for kind, content in document(report, transform):
        if kind == "line":
            parts.append(f"<p>{html.escape(str(content))}</p>")
        else:
            parts.append(render(content))  # type: ignore[arg-type]
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>"
        f"{html.escape(title(report))}_示例市人民政府门户网站</title>"
        "<script>var nav = '一、总体情况';</script></head><body>"
        "<div class='nav'><a href='/'>首页</a> &gt; <a href='/zwgk'>政务公开</a> &gt; 年度报告</div>"
        "<table class='layout'><tr><td class='side'><ul><li>机构职能</li><li>政策文件</li></ul></td>"
        f"<td class='article'>{''.join(parts)}</td></tr></table>"
        "<div class='footer'>主办：示例市人民政府办公室 网站标识码：0000000000</div></body></html>"
    )


def rows_text(rows: Sequence[Sequence[str]]) -> str:
    return "\n".join(" ".join(row) for row in rows)

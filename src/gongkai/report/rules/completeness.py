"""Tables that are not there, or show no number at all, and cells the published table leaves blank.

Kept apart from "could not be read": a table the reader found but could not read (digits that do
not split, unreadable text) gives the "cannot assess" notes of the other rules and nothing here;
this module reports only what the published report itself lacks.

What the reader saw comes from the report: ``meta["read_findings"]`` names a table it did not find
("table2", "table4"); ``provenance`` holds each cell's text as printed, and a cell is blank when that
text is no number at all ("", "/", "—", "无": ``gongkai.report.read.cells.classify``). A report
given as JSON carries no provenance; there a ``null`` may be blank or unreadable (report-json.md),
so no cell is called blank, and a table without any number is reported as "缺失或空白".
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from gongkai.report.model import (
    OTHER_SINGLE_KEY,
    OTHER_SPLIT_KEYS,
    STANDARD_SECTION_TITLES,
    AnnualReport,
    CellSource,
    Template,
)
from gongkai.report.read.cells import CellKind, classify
from gongkai.report.rules.finding import Finding, Severity
from gongkai.report.rules.registry import CELL_LABELS, Context, Rule, rule
from gongkai.report.rules.tables import FORMAT_2021, other_layout

#: Table, the section it belongs to, and the item of 条例 第五十条 it reports.
TABLES: tuple[tuple[str, str, str, str], ...] = (
    ("table2", "二", "表二", "行政机关主动公开政府信息的情况（条例第五十条第（一）项）"),
    ("table3", "三", "表三", "行政机关收到和处理政府信息公开申请的情况（条例第五十条第（二）项）"),
    (
        "table4",
        "四",
        "表四",
        "因政府信息公开工作被申请行政复议、提起行政诉讼的情况（条例第五十条第（三）项）",
    ),
)
_READ_FINDINGS = "read_findings"
_SHOWN = 12


def _table_cells(report: AnnualReport, table: str) -> list[tuple[str, object]]:
    return [(path, value) for path, value in report.cells() if path.startswith(table + ".")]


def _has_numbers(report: AnnualReport, table: str) -> bool:
    """Whether ``table`` shows any number; stops at the first (the common case costs nothing)."""
    if table == "table2":
        t2 = report.table2
        docs = (v for key in ("regulations", "normative_documents") for _, v in t2.documents(key).items())
        singles = (t2.licensing, t2.penalty, t2.coercion, t2.fees_10k_yuan)
        return any(v is not None for v in (*singles, *docs))
    if table == "table3":
        return any(v is not None for row in report.table3.rows.values() for _, v in row.items())
    return any(v is not None for _, group in report.table4.groups() for _, v in group.items())


def _reader_missed(meta: Mapping[str, object], table: str) -> bool:
    """The reader reported the whole table as not found (its finding names the table itself)."""
    found = meta.get(_READ_FINDINGS)
    return isinstance(found, list) and any(isinstance(f, Mapping) and f.get("cell") == table for f in found)


def _is_blank(source: CellSource | None) -> bool:
    return source is not None and classify(source.raw) is CellKind.BLANK


#: Header texts of each table that prose hardly uses: found in a section's text, they mean the
#: table is printed there but was not read (the reader leaves a table it read out of the text).
_PRINTED_MARKERS: Mapping[str, tuple[str, ...]] = {
    "table2": ("本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额"),
    "table3": ("本年新收政府信息公开申请数量", "上年结转政府信息公开申请数量", "本年度办理结果", "勾稽关系"),
    "table4": ("结果维持", "结果纠正", "尚未审结", "未经复议直接起诉"),
}


def _empty_tables(ctx: Context) -> dict[str, str]:
    """Tables without a single number, with how they lack them: "缺失", "全部空白" or "缺失或空白".

    A table printed but not read -- found with unreadable cells, or not found although its header
    is in its section's text -- is not among them. Computed once per check.
    """
    memo: dict[str, str] | None = ctx.memo.get("empty_tables")
    if memo is not None:
        return memo
    report = ctx.report
    read = _READ_FINDINGS in report.meta
    empty: dict[str, str] = {}
    for table, number, *_ in TABLES:
        if _has_numbers(report, table):
            continue
        cells = _table_cells(report, table)
        section = ctx.narrative.get(number) if ctx.narrative is not None else None
        if section is not None and any(m in section.flat for m in _PRINTED_MARKERS[table]):
            continue  # printed in the text, not read: "could not be read", not absent
        sources = [report.provenance.get(path) for path, _ in cells]
        if any(s is not None for s in sources):
            if all(s is None or _is_blank(s) for s in sources):
                empty[table] = "全部空白"
        elif _reader_missed(report.meta, table):
            empty[table] = "缺失"
        elif not read:
            empty[table] = "缺失或空白"
    ctx.memo["empty_tables"] = empty
    return empty


@rule("TABLE-EMPTY", Severity.WARNING, f"条例 第五十条第（一）至（三）项；{FORMAT_2021} 表二、表三、表四")
def table_empty(r: Rule, ctx: Context) -> Iterator[Finding]:
    """Tables 二, 三 and 四 are there and show numbers when their section is there.

    Legal basis: 条例 第五十条第（一）至（三）项 (the contents the tables report); the national format
    gives each of them as a table. A table that is absent or entirely without numbers, though its
    section is in the report, is a warning naming it -- not a "cannot assess": the report, not its
    reading, lacks the figures.
    """
    narrative = ctx.narrative
    if narrative is None:
        return  # no narrative: whether a section is there cannot be told (the SEC rules say why)
    for table, number, name, item in TABLES:
        how = _empty_tables(ctx).get(table)
        if how is None or narrative.get(number) is None:
            continue  # a missing section is SEC-PRESENT's finding
        title = STANDARD_SECTION_TITLES[number]
        yield r.finding(
            [f"sections.{number}", table],
            f"正文有第{number}部分“{title}”，但{name}{how}，没有任何数字。年度报告应当报告{item}，"
            f"全国统一格式以{name}列明。",
            actual=how,
        )


def _not_in_layout(ctx: Context) -> frozenset[str]:
    """Table-3 rows of the layout the report does not use: the 2021 （六） sub-rows of a report that
    kept the single 2019 row, the single row of one that uses the sub-rows; table 2's fee of 2019."""
    split, single = other_layout(ctx)
    rows: set[str] = set()
    if single and not split:
        rows.update(OTHER_SPLIT_KEYS)
    if split and not single:
        rows.add(OTHER_SINGLE_KEY)
    unused = {f"table3.{row}." for row in rows}
    if ctx.report.template is Template.Y2019:
        unused.add("table2.fees_10k_yuan")
    return frozenset(unused)


@rule("CELL-BLANK", Severity.WARNING, f"{FORMAT_2021} 表二至表四：各单元格为件数、数量或金额")
def cell_blank(r: Rule, ctx: Context) -> Iterator[Finding]:
    """Cells the published table leaves blank ("", "/", "—", "无"), in one warning.

    Source: the tables of the national format count documents, decisions, applications and cases;
    a blank does not say whether there were none. Not listed: tables with no number at all
    (TABLE-EMPTY), the （六） rows of the layout the report does not use, and cells of a report
    given as JSON (no provenance: a ``null`` there may be blank or unreadable).
    """
    report = ctx.report
    if not report.provenance:
        return
    empty = _empty_tables(ctx)
    unused = tuple(_not_in_layout(ctx))
    blank = [
        path
        for path, value in report.cells()
        if value is None
        and path.split(".", 1)[0] not in empty
        and not path.startswith(unused)
        and _is_blank(report.provenance.get(path))
    ]
    if blank:
        yield r.finding(
            blank,
            f"表中有 {len(blank)} 个单元格空白（未填数字）：{_names(blank)}。"
            "空白不能表明该项为 0 还是未统计。",
        )


def _names(paths: Sequence[str]) -> str:
    shown = "、".join(CELL_LABELS[p] for p in paths[:_SHOWN])
    return shown + (f"等 {len(paths)} 个" if len(paths) > _SHOWN else "")

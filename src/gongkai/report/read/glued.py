"""Table 3 from running text whose cells ran together, read by its labels and its arithmetic.

A crawler's page text prints table 3 as one run: "一、本年新收政府信息公开申请数量640020470二、上年
结转……". Each row label is found in the normalised text (``labels.table3_matches``); the digits
between a label and the next are that row's cells. A row label's own numbering glues onto the
previous row's digits ("…10000016.属于四类过程性信息": the "6." opens the next label), and is given
back to it. A single space inside a run ("500000 5") may or may not separate two cells.

A row whose digits are printed as seven separate numbers is read as printed. The other rows are
split by ``gongkai.report.read.solver`` over the whole table at once. Which constraint decided a
cell is written in its provenance note; undecided cells are null with their candidates in the
read findings. A row whose digits reach the end of a document that ends there was cut off: its
cells are null ("报告在此处截断").
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from gongkai.report import arithmetic
from gongkai.report.model import (
    OTHER_SINGLE_KEY,
    OTHER_SPLIT_KEYS,
    TABLE3_COLUMN_KEYS,
    TABLE3_COLUMNS,
    TABLE3_ROW_BY_KEY,
    TABLE3_ROW_KEYS,
    CellSource,
    Template,
)
from gongkai.report.read import labels
from gongkai.report.read.assembly import T3_WIDTH, TRUNCATED, Assembly, exclude_table
from gongkai.report.read.document import Grid, TextLine
from gongkai.report.read.glued_fault import fault_reading
from gongkai.report.read.solver import (
    Budget,
    Constraint,
    LimitReached,
    Solution,
    agreed,
    blank_cells,
    fewer_figures_add_up,
    one_figure_short,
    solve,
    splits,
)

SPLIT_NOTE = "按约束拆分"
_BETWEEN_DIGITS = re.compile(r"(?<=\d)[ \t\u00a0\u3000]+(?=\d)")
_LEAD = re.compile(r"[\d_]*")
_DIGIT_ORDINAL = re.compile(r"^(\d+)\.")
ROW_SUM = "行合计（总计＝自然人与法人或其他组织各列之和）"
_COLUMN_LABEL = {i: c.label for i, c in enumerate(TABLE3_COLUMNS)}


def prepare(text: str) -> str:
    """Text for label matching: spaces between digits kept as "_" (a possible cell boundary), and
    a thousands separator between a figure's digits dropped ("1,161" is 1161)."""
    text = _THOUSANDS.sub("", labels.to_simplified(text))
    return labels.normalize(_BETWEEN_DIGITS.sub("_", text))


_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")


@dataclass(slots=True)
class GluedRow:
    key: str
    digits: str
    #: The run as printed ("_" where the text had a space or a line break).
    raw: str
    line: TextLine
    cut: bool
    #: Figures come right before the label (they may be this row's, printed before its label).
    figures_before: bool = False
    #: Where the label starts in the normalised text.
    at: int = 0
    #: Some row of the same table is printed with no figure at all: the table prints its zeros
    #: blank, so a run may hold fewer than seven figures.
    blanks_printed: bool = False
    #: Each of the run's figures stands alone on a line of its own (a converter printing one cell
    #: per line, as pdfminer.six does): the figures are whole cells, perhaps of several rows.
    lone_figures: bool = False


def _ordinal(key: str) -> str | None:
    match = _DIGIT_ORDINAL.match(labels.normalize(TABLE3_ROW_BY_KEY[key].label))
    return match.group(1) if match else None


def glued_rows(asm: Assembly, start: int, end: int) -> list[GluedRow]:
    """The table-3 rows of the running text in [start, end), with the digits that follow each label."""
    blocks = asm.doc.blocks
    if any(isinstance(b, Grid) for b in blocks[start:end]):
        return []
    parts: list[str] = []
    offsets: list[int] = []
    lines: list[TextLine] = []
    lone: list[bool] = []  # the line holds one figure and nothing else
    size = 0
    for block in blocks[start:end]:
        if not isinstance(block, TextLine):
            continue
        piece = prepare(block.text)
        lone.append(piece.isdigit())
        if parts and parts[-1][-1:].isdigit() and piece[:1].isdigit():
            piece = "_" + piece
        offsets.append(size)
        lines.append(block)
        parts.append(piece)
        size += len(piece)
    norm = "".join(parts)
    at_end = end >= len(blocks)
    matches = labels.table3_matches(norm)
    candidates: list[GluedRow] = []
    empty: list[int] = []
    for i, match in enumerate(matches[:_MAX_MATCHES]):
        following = matches[i + 1] if i + 1 < len(matches) else None
        gap = norm[match.end : following.start if following else len(norm)]
        lead = _LEAD.match(gap)
        run = lead.group() if lead else ""
        rest = gap[len(run) :]
        ordinal = _ordinal(following.key) if following else None
        if ordinal and rest.startswith(".") and run.rstrip("_").endswith(ordinal):
            run = run.rstrip("_")[: -len(ordinal)]
        run = run.strip("_")
        if not run:
            if match.key != OTHER_SINGLE_KEY:
                empty.append(match.start)  # a row printed with every cell blank
            continue  # or a group heading ("（六）其他处理" over its sub-rows), not a row
        if rest[:1] in (",", "，", ".") and rest[1:2].isdigit():
            continue  # the figures go on past a separator: where they end is not known
        cut = at_end and not rest and following is None
        line = lines[bisect.bisect_right(offsets, match.start) - 1]
        before = norm[: match.start].rstrip("_一二三四五六七八九十()、")[-1:].isdigit()
        row = GluedRow(match.key, run.replace("_", ""), run.replace("_", " "), line, cut, before, match.start)
        first = bisect.bisect_right(offsets, match.end) - 1
        last = bisect.bisect_right(offsets, match.end + len(run) - 1) - 1
        row.lone_figures = last > first and offsets[first] == match.end and all(lone[first : last + 1])
        candidates.append(row)
    chain = _in_order(candidates)
    if chain and chain[0].figures_before:
        # Figures right before the table's first row label: a layout that prints each row's
        # figures before its label (a PDF extractor emitting a multi-line label after its row).
        # Which figures belong to which label is then not known: no row is read from here.
        return []
    if chain and any(chain[0].at < at < chain[-1].at for at in empty):
        for row in chain:
            row.blanks_printed = True
    return chain


#: Label matches looked at in one region (a table has 26 rows; the narrative mentions a few).
_MAX_MATCHES = 400


def _in_order(rows: list[GluedRow]) -> list[GluedRow]:
    """The longest run of rows in the official order: the table, not a sentence of the narrative
    that happens to use a row's words ("结转下年度继续办理8件") before it."""
    index = [TABLE3_ROW_KEYS.index(r.key) for r in rows]
    best = [1] * len(rows)
    back = [-1] * len(rows)
    for j in range(len(rows)):
        for i in range(j):
            if index[i] < index[j] and best[i] + 1 > best[j]:
                best[j], back[j] = best[i] + 1, i
    if not rows:
        return []
    at = max(range(len(rows)), key=lambda k: (best[k], -k))
    chain = []
    while at >= 0:
        chain.append(rows[at])
        at = back[at]
    return chain[::-1]
    return rows


def _keeps_groups(row: GluedRow, readings: Sequence[Mapping[str, tuple[int, ...]]]) -> bool:
    """Whether every reading of ``row`` cuts its digits at each space of the printed run."""
    groups = row.raw.split()
    if len(groups) < 2:
        return True
    ends = set(itertools.accumulate(len(g) for g in groups))
    for reading in readings:
        cuts = set(itertools.accumulate(len(str(v)) for v in reading[row.key]))
        if not ends <= cuts:
            return False
    return True


def read_glued_table3(asm: Assembly, start: int, end: int) -> set[str]:
    """Read table 3 from glued running text into ``asm.cells``; returns the row keys found."""
    rows = glued_rows(asm, start, end)
    if len(rows) < 2:
        return set()
    budget = Budget()
    candidates: dict[str, list[tuple[int, ...]]] = {}
    printed: set[str] = set()
    found: set[str] = set()
    by_key = {r.key: r for r in rows}
    limited: set[str] = set()
    unsplittable: list[GluedRow] = []
    for row in rows:
        found.add(row.key)
        if row.cut:
            for column in TABLE3_COLUMN_KEYS:
                asm.put(f"table3.{row.key}.{column}", None, _source(row, TRUNCATED))
            asm.finding(f"table3.{row.key}", f"{TRUNCATED}，此行的数字可能不完整，按缺失处理", row.raw)
            asm.truncated = True
            continue
        groups = row.raw.split(" ")
        if len(groups) == T3_WIDTH and all(g == "0" or g[0] != "0" for g in groups):
            candidates[row.key] = [tuple(int(g) for g in groups)]
            printed.add(row.key)
            continue
        if row.lone_figures or blank_cells(groups, T3_WIDTH) or one_figure_short(groups, T3_WIDTH):
            for column in TABLE3_COLUMN_KEYS:
                asm.put(f"table3.{row.key}.{column}", None, _source(row, None))
            message = (
                LONE_FIGURES
                if row.lone_figures
                else BLANKS_UNPLACED
                if blank_cells(groups, T3_WIDTH)
                else ONE_SHORT
            )
            asm.finding(f"table3.{row.key}", message.format(count=len(groups)), row.raw)
            continue
        try:
            # Only splits that satisfy the row's own 总计: a run whose split fails it is unreliable.
            readings = splits(row.digits, (T3_WIDTH,), True, budget)
            if readings and row.blanks_printed and fewer_figures_add_up(row.digits, T3_WIDTH, budget):
                for column in TABLE3_COLUMN_KEYS:
                    asm.put(f"table3.{row.key}.{column}", None, _source(row, None))
                asm.finding(f"table3.{row.key}", BLANKS_GLUED, row.raw)
                continue
        except LimitReached:
            readings = []
            limited.add(row.key)
        if readings:
            candidates[row.key] = readings
        else:
            unsplittable.append(row)
    constraints = table3_constraints(set(candidates) | {r.key for r in unsplittable})
    fault = None
    if len(unsplittable) == 1 and not limited:
        # One row no split makes add up: read it if one published cell explains it (glued_fault).
        fault = fault_reading(unsplittable[0].key, unsplittable[0].digits, candidates, constraints, Budget())
        if fault is not None and not _keeps_groups(unsplittable[0], fault[0].readings):
            # A faulty published cell is a figure as printed: a reading that runs two printed
            # figures together ("1" and, a line below, a page number "2") is no evidence of one.
            fault = None
    for row in unsplittable:
        if fault is not None:
            candidates[row.key] = list({r[row.key] for r in fault[0].readings})
            continue
        for column in TABLE3_COLUMN_KEYS:
            asm.put(f"table3.{row.key}.{column}", None, _source(row, None))
        reason = "超出求解上限" if row.key in limited else arithmetic.UNSPLITTABLE_ROW
        asm.finding(f"table3.{row.key}", f"此行的数字连在一起，{reason}，整行按缺失处理", row.raw)
    try:
        solution = fault[0] if fault else solve(candidates, {}, constraints, budget)
    except LimitReached:  # pragma: no cover - solve() turns its own limit into an incomplete result
        solution = None
    suspect = failing_rows(solution, constraints) if solution is not None else {}
    for key, readings in candidates.items():
        row = by_key[key]
        prefix = f"table3.{key}"
        if key in printed:
            _put_row(asm, prefix, readings[0], row, None)
            continue
        if fault is not None and key == unsplittable[0].key and solution is not None:
            _put_fault_row(asm, row, solution, fault[1])
            continue
        if solution is None or not solution.complete or not solution.readings:
            for column in TABLE3_COLUMN_KEYS:
                asm.put(f"{prefix}.{column}", None, _source(row, None))
            asm.finding(prefix, "数字连在一起，拆法过多或超出求解上限，整行按缺失处理", row.raw)
            continue
        if key in suspect and len(readings) > 1 and fault is None:
            # The row's own 总计 left several splits, and a column rule that would choose between
            # them fails in the best readings: which split is right is not established. (Not so
            # when one faulty printed cell of another row explains every failure: mended, the
            # table balances, and the rows are chosen by its rules as in a table that balances.)
            for column in TABLE3_COLUMN_KEYS:
                asm.put(f"{prefix}.{column}", None, _source(row, None))
            asm.finding(
                prefix,
                "数字连在一起；此行参与的合计关系不成立，拆法不可靠，整行按缺失处理："
                + "；".join(suspect[key]),
                row.raw,
            )
            continue
        used = [ROW_SUM] + [c.name for c in constraints if any(k == key for k, _ in c.terms)]
        values = list(agreed(solution.readings, key))
        rules = _rule_names(used)
        note = f"{SPLIT_NOTE}（split by constraints）：原文“{row.raw}”；所用约束：{rules}"
        for column, value in zip(TABLE3_COLUMN_KEYS, values, strict=True):
            asm.put(f"{prefix}.{column}", value, _source(row, note if value is not None else None))
        if None in values:
            options = sorted({r[key] for r in solution.readings})
            shown = "；".join(" ".join(map(str, o)) for o in options[:12])
            asm.finding(
                prefix,
                f"数字连在一起，符合约束的拆法不止一种，未确定的单元格按缺失处理；候选：{shown}",
                row.raw,
            )
    if fault is not None:
        asm.finding(
            "table3",
            f"没有一种拆法满足表三的全部合计关系；违反约束最少的各种拆法中，不成立的约束都只因“{TABLE3_ROW_BY_KEY[unsplittable[0].key].label}”"
            "行的一个单元格：其余各行按此表的合计关系读取（各种拆法一致的单元格）。不满足的约束："
            + "；".join(fault[0].failed),
        )
    elif solution is not None and solution.violations and solution.readings:
        asm.finding(
            "table3",
            "没有一种拆法满足表三的全部合计关系；只读取违反约束最少的各种拆法一致、且不参与不成立的合计关系的"
            "拆分行。不满足的约束：" + "；".join(solution.failed),
        )
    if found:
        blocks = [asm.doc.blocks.index(by_key[k].line) for k in found]
        exclude_table(asm, start, blocks, labels.TABLE3_HEADER_MARKERS)
    return found


BLANKS_GLUED = (
    "此行的数字连在一起，而本表有整行空白的行（零印为空白），此行可能少于 7 个数；"
    "按较少的数拆分也满足行合计，"
    "拆法无法确定，整行按缺失处理"
)


ONE_SHORT = (
    "此行只有 {count} 个数，比列数少一个：可能缺了一格，也可能两格数字连在一起，无法确定，整行按缺失处理"
)
LONE_FIGURES = "此行之后的 {count} 个数各占一行，是各自的单元格（可能属于几行），与列数不符，整行按缺失处理"
BLANKS_UNPLACED = (
    "此行只有 {count} 个数，少于列数，且按空白单元格读时行合计成立：空白单元格的位置无法确定，整行按缺失处理"
)


def _put_fault_row(asm: Assembly, row: GluedRow, solution: Solution, column: int) -> None:
    """Row ``row`` read as printed although it does not add up: one cell, in ``column``, disagrees
    with both its row sum and its column rules (``glued_fault``); the checks report it."""
    label = _COLUMN_LABEL[column]
    note = (
        f"{SPLIT_NOTE}（split by constraints）：原文“{row.raw}”；所用约束：各列合计关系；"
        f"任何拆法都不满足行合计，违反约束最少的拆法只有“{label}”列一个单元格与行合计和列合计不符"
    )
    values = list(agreed(solution.readings, row.key))
    for key, value in zip(TABLE3_COLUMN_KEYS, values, strict=True):
        asm.put(f"table3.{row.key}.{key}", value, _source(row, note if value is not None else None))
    asm.finding(
        f"table3.{row.key}",
        f"此行的数字连在一起，任何拆法都不满足行合计；违反约束最少的拆法中只有“{label}”列一个单元格与行合计和"
        "列合计都不符，其余单元格均与列合计相符：按原文读取，原表此行及该列不平衡，由检查报告",
        row.raw,
    )


def failing_rows(solution: Solution, constraints: list[Constraint]) -> dict[str, list[str]]:
    """The rows taking part in a constraint that some best reading fails, with those constraints."""
    rows: dict[str, list[str]] = {}
    if not solution.violations:
        return rows
    usable = [
        c for c in constraints if solution.readings and all(k in solution.readings[0] for k, _ in c.terms)
    ]
    for reading in solution.readings:
        for c in usable:
            if sum(coefficient * reading[k][c.column] for k, coefficient in c.terms) != 0:
                for k, _ in c.terms:
                    names = rows.setdefault(k, [])
                    if c.name not in names:
                        names.append(c.name)
    return rows


def table3_constraints(present: set[str]) -> list[Constraint]:
    """Table 3's column rules, per column: 一 + 二 = 三（七） + 四 and （七）总计 = the outcome rows."""
    outcome = arithmetic.outcome_keys(
        Template.Y2021, bool(present & set(OTHER_SPLIT_KEYS)), OTHER_SINGLE_KEY in present
    )
    new, carried, total, carry_next = arithmetic.BALANCE_KEYS
    constraints = []
    for column in range(T3_WIDTH):
        label = _COLUMN_LABEL[column]
        constraints.append(
            Constraint(
                f"一＋二＝三（七）＋四（{label}列）",
                column,
                ((new, 1), (carried, 1), (total, -1), (carry_next, -1)),
            )
        )
        constraints.append(
            Constraint(
                f"（七）总计＝各项办理结果之和（{label}列）",
                column,
                ((total, 1), *((k, -1) for k in outcome)),
            )
        )
    return constraints


def _rule_names(names: list[str]) -> str:
    """Constraint names with their columns gathered: "（七）总计＝各项办理结果之和（自然人、总计列）"."""
    columns: dict[str, list[str]] = {}
    for name in dict.fromkeys(names):
        per_column = name.endswith("列）")
        at = name.rfind("（")
        rule, column = (name[:at], name[at + 1 : -2]) if per_column else (name, "")
        columns.setdefault(rule, []).append(column)
    return "；".join(f"{rule}（{'、'.join(c)}列）" if c[0] else rule for rule, c in columns.items())


def _source(row: GluedRow, note: str | None) -> CellSource:
    return CellSource(row.raw, row.line.page, row.line.line, note=note)


def _put_row(asm: Assembly, prefix: str, values: tuple[int, ...], row: GluedRow, note: str | None) -> None:
    for column, value in zip(TABLE3_COLUMN_KEYS, values, strict=True):
        asm.put(f"{prefix}.{column}", value, _source(row, note))


def sums_confirm(values: dict[str, tuple[int | None, ...]], mapped: set[str]) -> bool:
    """Whether table 3's rules hold over rows' ``values`` (by row key) where they can be evaluated,
    and every row of ``mapped`` is in at least one evaluated column rule."""
    confirmed: set[str] = set()
    for key in mapped:
        row = values[key]
        if None not in row and not arithmetic.row_balances(row):  # type: ignore[arg-type]
            return False
    for constraint in table3_constraints(set(values)):
        cells = [values[k][constraint.column] for k, _ in constraint.terms]
        if None in cells:
            continue
        total = sum(c * v for (_, c), v in zip(constraint.terms, cells, strict=True) if v is not None)
        if total != 0:
            return False
        confirmed.update(k for k, _ in constraint.terms)
    return mapped <= confirmed

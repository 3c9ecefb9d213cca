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
import re
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
from gongkai.report.read.assembly import T3_WIDTH, Assembly, exclude_table
from gongkai.report.read.document import Grid, TextLine
from gongkai.report.read.solver import Budget, Constraint, LimitReached, agreed, solve, splits

TRUNCATED = "报告在此处截断"
SPLIT_NOTE = "按约束拆分"
_BETWEEN_DIGITS = re.compile(r"(?<=\d)[ \t\u00a0\u3000]+(?=\d)")
_LEAD = re.compile(r"[\d_]*")
_DIGIT_ORDINAL = re.compile(r"^(\d+)\.")
ROW_SUM = "行合计（总计＝自然人与法人或其他组织各列之和）"
_COLUMN_LABEL = {i: c.label for i, c in enumerate(TABLE3_COLUMNS)}


def prepare(text: str) -> str:
    """Text for label matching: spaces between digits kept as "_" (a possible cell boundary)."""
    return labels.normalize(_BETWEEN_DIGITS.sub("_", labels.to_simplified(text)))


@dataclass(slots=True)
class GluedRow:
    key: str
    digits: str
    #: The run as printed ("_" where the text had a space or a line break).
    raw: str
    line: TextLine
    cut: bool


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
    size = 0
    for block in blocks[start:end]:
        if not isinstance(block, TextLine):
            continue
        piece = prepare(block.text)
        if parts and parts[-1][-1:].isdigit() and piece[:1].isdigit():
            piece = "_" + piece
        offsets.append(size)
        lines.append(block)
        parts.append(piece)
        size += len(piece)
    norm = "".join(parts)
    at_end = end >= len(blocks)
    matches = labels.table3_matches(norm)
    rows: list[GluedRow] = []
    last = -1
    for i, match in enumerate(matches):
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
            continue  # a group heading ("（六）其他处理" over its sub-rows), not a row
        index = TABLE3_ROW_KEYS.index(match.key)
        if index <= last:
            continue
        last = index
        cut = at_end and not rest and following is None
        line = lines[bisect.bisect_right(offsets, match.start) - 1]
        rows.append(GluedRow(match.key, run.replace("_", ""), run.replace("_", " "), line, cut))
    return rows


def read_glued_table3(asm: Assembly, start: int, end: int) -> set[str]:
    """Read table 3 from glued running text into ``asm.cells``; returns the row keys found."""
    rows = glued_rows(asm, start, end)
    if len(rows) < 2:
        return set()
    budget = Budget()
    candidates: dict[str, list[tuple[int, ...]]] = {}
    penalties: dict[str, int] = {}
    printed: set[str] = set()
    found: set[str] = set()
    by_key = {r.key: r for r in rows}
    limited: set[str] = set()
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
        try:
            readings = splits(row.digits, (T3_WIDTH,), True, budget)
            if not readings:
                readings = splits(row.digits, (T3_WIDTH,), False, budget)
                if len(readings) > _MAX_UNBALANCED_ROW:
                    readings = []
                penalties[row.key] = 1
        except LimitReached:
            readings = []
            limited.add(row.key)
        if readings:
            candidates[row.key] = readings
        else:
            penalties.pop(row.key, None)
            for column in TABLE3_COLUMN_KEYS:
                asm.put(f"table3.{row.key}.{column}", None, _source(row, None))
            reason = "超出求解上限" if row.key in limited else "无法拆分为 7 个数"
            asm.finding(f"table3.{row.key}", f"此行的数字连在一起，{reason}，整行按缺失处理", row.raw)
    constraints = table3_constraints(set(candidates))
    try:
        solution = solve(candidates, penalties, constraints, budget)
    except LimitReached:  # pragma: no cover - solve() turns its own limit into an incomplete result
        solution = None
    for key, readings in candidates.items():
        row = by_key[key]
        prefix = f"table3.{key}"
        if key in printed:
            _put_row(asm, prefix, readings[0], row, None)
            continue
        if solution is None or not solution.complete or not solution.readings:
            for column in TABLE3_COLUMN_KEYS:
                asm.put(f"{prefix}.{column}", None, _source(row, None))
            asm.finding(prefix, "数字连在一起，拆法过多或超出求解上限，整行按缺失处理", row.raw)
            continue
        used = [ROW_SUM] + [c.name for c in constraints if any(k == key for k, _ in c.terms)]
        values = list(agreed(solution.readings, key))
        rules = "；".join(dict.fromkeys(used))
        note = f"{SPLIT_NOTE}（split by constraints）：原文“{row.raw}”；所用约束：{rules}"
        for column, value in zip(TABLE3_COLUMN_KEYS, values, strict=True):
            asm.put(f"{prefix}.{column}", value, _source(row, note if value is not None else None))
        if None in values:
            options = sorted({r[key] for r in solution.readings})
            shown = "；".join(" ".join(map(str, o)) for o in options[:8])
            asm.finding(
                prefix,
                f"数字连在一起，符合约束的拆法不止一种，未确定的单元格按缺失处理；候选：{shown}",
                row.raw,
            )
    if solution is not None and solution.violations and solution.readings:
        asm.finding(
            "table3",
            "没有一种拆法满足表三的全部合计关系；只读取违反约束最少的各种拆法一致的单元格。不满足的约束："
            + "；".join(solution.failed),
        )
    if found:
        blocks = [asm.doc.blocks.index(by_key[k].line) for k in found]
        exclude_table(asm, start, blocks, labels.TABLE3_HEADER_MARKERS)
    return found


#: A row none of whose splits balances is split by the column rules only if it has at most this many.
_MAX_UNBALANCED_ROW = 400


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


def _source(row: GluedRow, note: str | None) -> CellSource:
    return CellSource(row.raw, row.line.page, row.line.line, note=note)


def _put_row(asm: Assembly, prefix: str, values: tuple[int, ...], row: GluedRow, note: str | None) -> None:
    for column, value in zip(TABLE3_COLUMN_KEYS, values, strict=True):
        asm.put(f"{prefix}.{column}", value, _source(row, note))

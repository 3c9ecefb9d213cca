"""Reading table 4 (政府信息公开行政复议、行政诉讼情况). Part of the assembler."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from gongkai.report import arithmetic
from gongkai.report.model import (
    TABLE4_FIELD_KEYS,
    TABLE4_GROUP_KEYS,
    CaseResults,
    CellSource,
    Table4,
)
from gongkai.report.read import labels
from gongkai.report.read.assembly import (
    T4_GROUP_WIDTH,
    T4_WIDTH,
    TRUNCATED,
    Assembly,
    exclude_table,
    is_table4_grid,
    with_note,
)
from gongkai.report.read.glued import SPLIT_NOTE
from gongkai.report.read.tokens import Run, all_blank, digit_readings, is_numeric, pair_runs

# ---------------------------------------------------------------------------------------------
# Table 4
# ---------------------------------------------------------------------------------------------


def read_table4(asm: Assembly, start: int, end: int) -> bool:
    rows = asm.rows(start, end, is_table4_grid)
    runs = pair_runs(rows, T4_WIDTH, labelled=False, balances=arithmetic.groups_balance)
    header_seen = False
    grouped: dict[str, Run] = {}
    blocks: list[int] = []
    for run in runs:
        seen = run.label + "".join(t.norm for t in run.values if t.kind is None)
        if labels.table4_header(seen):
            header_seen = True
        group = _table4_group(run.label)
        width = T4_GROUP_WIDTH if group is not None and not run.positional and len(run.values) <= 6 else None
        if group is not None and width is not None:
            grouped.setdefault(group, run)
            continue
        if not header_seen or not (is_numeric(run) or (run.positional and all_blank(run))):
            continue
        if run.positional:
            for index, tok in enumerate(run.values):
                group_key = TABLE4_GROUP_KEYS[index // T4_GROUP_WIDTH]
                name = TABLE4_FIELD_KEYS[index % T4_GROUP_WIDTH]
                asm.put_count(f"table4.{group_key}.{name}", tok)
            blocks.append(run.last_block)
            break
        readings = digit_readings(run, T4_WIDTH, arithmetic.groups_balance)
        if asm.ends_document(run.values[-1].source) and len(run.values) != T4_WIDTH:
            readings = []  # the document ends on this run: figures may be missing
        paths = [f"table4.{g}.{f}" for g in TABLE4_GROUP_KEYS for f in TABLE4_FIELD_KEYS]
        if len(readings) == 1:
            put_paths(asm, paths, readings[0], run)
        elif readings:
            _put_agreed(asm, paths, readings, run)
        else:
            raw = " ".join(t.text for t in run.values)
            message = f"表四的数字个数与 15 列对不上，{arithmetic.UNSPLITTABLE_TABLE4}，按缺失处理"
            asm.finding("table4", message, raw)
        blocks.append(run.last_block)
        break
    # The transposed layout (a row per group: 行政复议 | five numbers) only when the official
    # one was not found.
    for group_key, run in grouped.items() if not blocks else ():
        readings = digit_readings(run, T4_GROUP_WIDTH, arithmetic.row_balances)
        if asm.ends_document(run.values[-1].source) and len(run.values) != T4_GROUP_WIDTH:
            readings = []
        paths = [f"table4.{group_key}.{f}" for f in TABLE4_FIELD_KEYS]
        if len(readings) == 1:
            put_paths(asm, paths, readings[0], run)
            blocks.append(run.last_block)
    if blocks:
        # The header's first line is "行政复议 行政诉讼"; narrative lines do not start so.
        exclude_table(asm, start, blocks, (*labels.TABLE4_HEADER_MARKERS, "^" + labels.TABLE4_TOP))
    return bool(blocks)


def _table4_group(label: str) -> str | None:
    for text, key in labels.TABLE4_GROUP_LABELS.items():
        if label.endswith(text):
            return key
    return None


_GROUP_SUM = "每组总计＝结果维持、结果纠正、其他结果、尚未审结之和"


def _put_agreed(asm: Assembly, paths: list[str], readings: list[tuple[int, ...]], run: Run) -> None:
    """Glued table-4 digits with several balanced readings: the cells they all agree on are read
    (every reading gives them that value), the others are null with the candidates listed."""
    raw = " ".join(t.text for t in run.values)
    note = f"{SPLIT_NOTE}（split by constraints）：原文“{raw}”；所用约束：{_GROUP_SUM}"
    source = run.values[0].source
    for index, path in enumerate(paths):
        values = {r[index] for r in readings}
        value = values.pop() if len(values) == 1 else None
        asm.put(
            path, value, CellSource(raw, source.page, source.line, note=note if value is not None else None)
        )
    shown = "；".join(" ".join(map(str, r)) for r in readings[:12])
    asm.finding(
        "table4",
        f"表四的数字连在一起，符合各组合计的拆法不止一种，未确定的单元格按缺失处理；候选：{shown}",
        raw,
    )


def put_paths(asm: Assembly, paths: Sequence[str], reading: tuple[int, ...], run: Run) -> None:
    raw = " ".join(t.text for t in run.values)
    as_printed = len(run.values) == len(paths)
    note = None if as_printed else f"原文“{raw}”的数字连在一起或断行，按合计关系拆分"
    for index, (path, value) in enumerate(zip(paths, reading, strict=True)):
        source = run.values[index].source if as_printed else CellSource(raw, run.values[0].source.page)
        asm.put(path, value, source if note is None else with_note(source, note))


def build_table4(asm: Assembly, found: bool) -> Table4:
    if not found:
        reason = f"{TRUNCATED}，" if asm.truncated else ""
        asm.finding("table4", f"{reason}未找到表四（政府信息公开行政复议、行政诉讼情况）的数据，按缺失处理")
    groups: dict[str, Any] = {}
    for group in TABLE4_GROUP_KEYS:
        groups[group] = CaseResults(**{f: asm.value(f"table4.{group}.{f}") for f in TABLE4_FIELD_KEYS})
    return Table4(**groups)

"""Table 三 printed with its 总计 column first.

Some agencies (and some converters that move a merged header cell) print 总计 before 自然人. The
rows are read by position, so every figure would land one column off: 自然人 would get the total
and 总计 the last organisation column -- wrong values in every cell. The table's own arithmetic
tells the two orders apart: in the standard order the last figure of a row is the sum of the six
before it; with 总计 first the first figure is the sum of the six after it.

When no row that holds figures adds up in the standard order and every such row adds up with
总计 first, the figures are moved back to their columns (with a note on each cell). When the rows
disagree -- some add up one way, some the other -- the order cannot be told and the table's cells
are not read (null with a finding): a wrong value is worse than none.
"""

from __future__ import annotations

from collections.abc import Iterable

from gongkai.report.model import TABLE3_COLUMN_KEYS
from gongkai.report.read.assembly import Assembly, Cell, with_note

_MOVED = "表三各行的第一个数等于其后六个数之和（总计列印在最前），已按总计列在前读取"
_UNDECIDED = "表三各行的合计关系有的按总计在后成立、有的按总计在前成立，无法确定列的顺序，表三按缺失处理"


def _row(asm: Assembly, key: str) -> list[int] | None:
    values = [asm.value(f"table3.{key}.{c}") for c in TABLE3_COLUMN_KEYS]
    if any(v is None for v in values):
        return None
    return [v for v in values if v is not None]


def settle_total_first(asm: Assembly, rows: Iterable[str]) -> None:
    """Move table 三's figures back to their columns when 总计 was printed first (see module)."""
    standard = total_first = mixed = 0
    read: dict[str, list[int]] = {}
    partial: list[str] = []
    for key in rows:
        values = _row(asm, key)
        if values is None:
            partial.append(key)
            continue
        if not any(values):
            continue
        read[key] = values
        last = values[-1] == sum(values[:-1])
        first = values[0] == sum(values[1:])
        if last and not first:
            standard += 1
        elif first and not last:
            total_first += 1
        elif not last and not first:
            mixed += 1
    if total_first == 0:
        return
    if standard or mixed:
        if standard > total_first:
            return  # a few rows of an unbalanced table: the checks report them
        _unread(asm, [*read, *partial])
        asm.finding("table3", _UNDECIDED)
        return
    # A row with a cell left unread cannot be moved: which of its figures is which is not known.
    _unread(asm, partial)
    for key, values in read.items():
        paths = [f"table3.{key}.{column}" for column in TABLE3_COLUMN_KEYS]
        sources = [asm.cells[path].source for path in paths]
        # Printed position 0 holds 总计; position i + 1 holds the figure of column i.
        for i, path in enumerate(paths):
            printed = (i + 1) % len(paths)
            asm.cells[path] = Cell(values[printed], with_note(sources[printed], _MOVED))
    asm.finding("table3", _MOVED)


def _unread(asm: Assembly, keys: Iterable[str]) -> None:
    for key in keys:
        for column in TABLE3_COLUMN_KEYS:
            path = f"table3.{key}.{column}"
            cell = asm.cells.get(path)
            if cell is not None and cell.value is not None:
                asm.cells[path] = Cell(None, cell.source)

"""Table 三's columns in another order than the template's.

Its header: the applicant columns' names, as printed between "申请人情况" and the first row, must
come in the template's order (自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构). Rows are read by
position, and a table whose organisation columns were redrawn in another order still adds up in
every row and column: only its header shows that each figure would land in another column. Such a
table is not read (null with a finding); 总计 printed first is settled below by the sums.

Table 三 printed with its 总计 column first.

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
from gongkai.report.read import labels
from gongkai.report.read.assembly import Assembly, Cell, with_note
from gongkai.report.read.document import Grid

#: The applicant columns' names that occur nowhere else in the header ("其他" is also in
#: "法人或其他组织": looked for after these; "总计" is settled by the sums).
_NAMES = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构")
_HEADER_START = "申请人情况"
_FIRST_ROW = "本年新收"
_PERMUTED = "表三表头中各申请人列的顺序与标准表格不同，按位置读取会把数值放进别的列，表三按缺失处理"

_MOVED = "表三各行的第一个数等于其后六个数之和（总计列印在最前），已按总计列在前读取"
_UNDECIDED = "表三各行的合计关系有的按总计在后成立、有的按总计在前成立，无法确定列的顺序，表三按缺失处理"


def _row(asm: Assembly, key: str) -> list[int] | None:
    values = [asm.value(f"table3.{key}.{c}") for c in TABLE3_COLUMN_KEYS]
    if any(v is None for v in values):
        return None
    return [v for v in values if v is not None]


def _header_text(asm: Assembly, start: int, end: int) -> str:
    """The normalised text of the region, up to table 三's first row label, from its header on."""
    parts: list[str] = []
    for block in asm.doc.blocks[start:end]:
        if isinstance(block, Grid):
            parts.extend(c.text for c in sorted(block.cells, key=lambda c: (c.row, c.column)))
        else:
            parts.append(block.text)
        text = labels.normalize("".join(parts))
        if _FIRST_ROW in text:
            text = text[: text.index(_FIRST_ROW)]
            return text[text.rfind(_HEADER_START) :] if _HEADER_START in text else ""
    return ""


def header_permuted(asm: Assembly, start: int, end: int) -> bool:
    """Whether table 三's header (in blocks [start, end)) names its applicant columns out of order."""
    header = _header_text(asm, start, end)
    at = [header.find(name) for name in _NAMES]
    organisations = [i for i in at[1:] if i >= 0]
    if organisations:
        # 其他 is the last organisation column: looked for after the first organisation's name.
        at.append(header.find("其他", min(organisations)))
    found = [i for i in at if i >= 0]
    return len(found) >= 2 and found != sorted(found)


def settle_columns(asm: Assembly, rows: set[str], start: int, end: int) -> None:
    """Table 三's figures kept only where its columns are where the template puts them (module)."""
    if header_permuted(asm, start, end):
        _unread(asm, rows)
        asm.finding("table3", _PERMUTED)
        return
    settle_total_first(asm, rows)


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

"""Table 3 printed with every row's figures before its label, on the label's own line.

A PDF extractor that emits a vertically centred multi-line label after its row's numbers gives
"86 10 0 3 7 2 108 一、本年新收政府信息公开申请数量" for every row. Read line by line in the usual
order (label, then figures) each label would take the NEXT line's figures -- every row one off --
so the row reader leaves a label standing between two lines of figures null
(``table3.BETWEEN_FIGURES``). The association is unambiguous when the layout is consistent:

1. every line of the table that carries a table-3 row label opens with exactly seven figures and
   has no figure after its label, and no line of the table holds figures without a label (so
   no figures are left over for another reading, and no label goes without its own);
2. read with each label's figures taken from its own line, every row of the table is read in full
   and the table balances: every row's 总计 is the sum of its columns, and in every column
   一 + 二 = 三（七） + 四 and （七）总计 = the outcome rows (``glued.table3_constraints``).

The one-row-off reading cannot satisfy 2 for a table that balances unless the shifted rows happen
to equal each other. A table that does not balance in this layout stays null (its figures are then
not confirmed); nothing is read from a partly consistent layout.
"""

from __future__ import annotations

import re
from dataclasses import replace

from gongkai.report import arithmetic
from gongkai.report.model import TABLE3_COLUMN_KEYS
from gongkai.report.read import labels
from gongkai.report.read.assembly import T3_WIDTH, Assembly, with_note
from gongkai.report.read.document import Grid, TextLine

#: Figures opening a line, then the label ("1 0 0 0 0 0 1 2.其他法律行政法规禁止公开").
_FIGURES_THEN_LABEL = re.compile(r"^\s*((?:\d+[ \t\u3000]+)+)(\S.*?)\s*$")
_FIGURE = re.compile(r"(?<![\d.．])\d+(?![\d.．、])")
NOTE = "数值印在行标签之前（全表各行一致），按同一行配对，全表合计关系成立"


def figures_first_lines(asm: Assembly, start: int, end: int) -> dict[int, TextLine] | None:
    """The table's label lines rewritten label first, by block index; None unless rule 1 holds.

    The table runs from the first to the last line that opens with figures and goes on with a
    row label; lines before it (the narrative, which names rows: "结转下年度继续办理8件") and after
    it are not the table's.
    """
    blocks = asm.doc.blocks
    if any(isinstance(b, Grid) for b in blocks[start:end]):
        return None
    rewritten: dict[int, TextLine] = {}
    others: list[tuple[int, bool]] = []  # lines without this form: (index, holds a label or a figure)
    for index in range(start, end):
        block = blocks[index]
        if not isinstance(block, TextLine) or index in asm.heading_lines:
            continue
        text = labels.to_simplified(block.text)
        match = _FIGURES_THEN_LABEL.match(text)
        label = match.group(2) if match is not None else ""
        if match is not None and labels.table3_matches(labels.normalize(label)):
            figures = match.group(1).split()
            if len(figures) != T3_WIDTH or _FIGURE.search(label):
                return None
            rewritten[index] = replace(block, text=f"{label} {' '.join(figures)}")
        else:
            norm = labels.normalize(text)
            others.append((index, bool(labels.table3_matches(norm)) or bool(_FIGURE.search(text))))
    if len(rewritten) < 2:
        return None
    first, last = min(rewritten), max(rewritten)
    if any(first < index < last and suspect for index, suspect in others):
        return None  # a label without figures before it, or figures without a label, in the table
    return rewritten


def balances(asm: Assembly, found: set[str]) -> bool:
    """Rule 2: every row read in full, every row sum and column rule of table 3 holds."""
    from gongkai.report.read.glued import table3_constraints  # glued imports table3's neighbours

    values: dict[str, list[int]] = {}
    for key in found:
        row = [asm.value(f"table3.{key}.{column}") for column in TABLE3_COLUMN_KEYS]
        if any(v is None for v in row):
            return False
        values[key] = [v for v in row if v is not None]
        if not arithmetic.row_balances(values[key]):
            return False
    if not set(arithmetic.BALANCE_KEYS) <= found:
        return False
    constraints = table3_constraints(found)
    usable = [c for c in constraints if all(k in values for k, _ in c.terms)]
    if len(usable) != len(constraints):
        return False
    return all(sum(a * values[k][c.column] for k, a in c.terms) == 0 for c in usable)


def noted(asm: Assembly) -> None:
    """Say in each table-3 cell's provenance how its figures were paired with its label."""
    for path, cell in list(asm.cells.items()):
        if path.startswith("table3.") and cell.value is not None:
            asm.cells[path] = replace(cell, source=with_note(cell.source, NOTE))

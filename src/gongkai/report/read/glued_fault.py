"""A glued table-3 row that no split makes add up, read when one published cell explains it.

Issue 13: "Where no split satisfies every constraint, find the splits that fail the fewest. If they
agree on a cell, read it and let the checks report the failing constraint as the published fault."
A run of digits none of whose splits satisfies its own row sum (总计 = the six applicant columns) is
left null by ``gongkai.report.read.glued`` (rule 2 of ``gongkai.report.read.solver``), because
text damage (a lost blank cell, a figure cut by a wrap) produces such runs too. This module reads
such a row only on the evidence that the published table itself carries one faulty cell:

1. It is the only such row of the table (one published fault, not a damaged text).
2. Its digits cannot be the row printed with blank cells: no split into two to six figures
   satisfies the row sum (a blank cell glued away is the other way a run fails its sum).
3. The row takes part in a column rule in every column, all of whose other rows are read, so each
   of its cells is checked by a column sum.
4. Every split of the run is tried jointly with the other rows' readings (``solver.solve``, the
   row's own sum counted as one failed constraint). In every reading that fails the fewest, the
   failed constraints are the row sum and column rules of ONE column only, and all of them are
   mended by one and the same value of this row's cell in that column: one printed cell disagrees
   with both its row and its column, and every other cell of the row is confirmed by its column.
5. The row's cells are read where all those readings agree (as printed: the solver never repairs);
   the checks then report the row and the column as the published fault.

Otherwise the row stays null (and ``T3-ROW-GLUED`` names it). The extra search is bounded like the
first (``solver.Budget``): runs of up to ``MAX_DIGITS`` digits, C(n−1, 6) splits, the step budget
and the deadline; a limit leaves the row null.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from gongkai.report.read.solver import (
    Budget,
    Constraint,
    LimitReached,
    Solution,
    fewer_figures_add_up,
    solve,
    splits,
)

#: Table 3's width: six applicant columns and their 总计.
_WIDTH = 7


def fault_reading(
    key: str,
    digits: str,
    candidates: Mapping[str, Sequence[tuple[int, ...]]],
    constraints: Sequence[Constraint],
    budget: Budget,
) -> tuple[Solution, int] | None:
    """The joint readings with row ``key`` read from ``digits`` despite its row sum, and the column
    of its one faulty cell; None unless the evidence above holds (or a limit is reached)."""
    try:
        if set(digits) == {"0"}:
            return None
        if fewer_figures_add_up(digits, _WIDTH, budget):
            return None  # the row printed with blank cells would add up: which it is is not known
        readings = splits(digits, (_WIDTH,), False, budget)
        if not readings:
            return None
        joint = {**candidates, key: readings}
        usable = [c for c in constraints if all(k in joint for k, _ in c.terms)]
        if {c.column for c in usable if any(k == key for k, _ in c.terms)} != set(range(_WIDTH)):
            return None
        solution = solve(joint, {key: 1}, constraints, budget)
        if not solution.complete or not solution.readings:
            return None
        columns = {_one_faulty_cell(key, reading, usable) for reading in solution.readings}
        if len(columns) != 1 or None in columns:
            return None
        column = columns.pop()
        assert column is not None
        return solution, column
    except LimitReached:
        return None


def _one_faulty_cell(
    key: str, reading: Mapping[str, tuple[int, ...]], usable: Sequence[Constraint]
) -> int | None:
    """The column of row ``key``'s one cell that explains every failed constraint of ``reading``."""
    mended: set[tuple[int, int]] = set()
    for c in usable:
        value = sum(coefficient * reading[k][c.column] for k, coefficient in c.terms)
        if value == 0:
            continue
        coefficient = dict(c.terms).get(key)
        if coefficient is None:
            return None  # a failed constraint without this row: not one faulty cell of this row
        # coefficient is ±1: the cell's value that would make this constraint hold.
        mended.add((c.column, reading[key][c.column] - value * coefficient))
    if len(mended) != 1:
        return None
    column, value = mended.pop()
    row = list(reading[key])
    row[column] = value
    if value < 0 or row[-1] != sum(row[:-1]):
        return None  # the mended cell would not make the row add up either
    return column

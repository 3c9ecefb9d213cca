"""Splitting runs of glued digits into cells by the tables' arithmetic, jointly over a table.

A portal crawler's page text runs every cell of a table together ("640020470" is 64, 0, 0, 2, 0,
4, 70). The splits are decided by the constraints the format gives (``gongkai.report.arithmetic``):
each row's 总计 is the sum of its six applicant columns, a table-4 group's 总计 the sum of its four
results, and over the whole of table 3, in every column, 一 + 二 = 三（七） + 四 and （七）总计 = the
sum of the outcome rows; no number has a leading zero except "0".

The solver never repairs a table. It looks for the splits that fail the fewest constraints (none,
for a table that balances). A cell is read only when every such split gives it the same value;
otherwise it is null, and the candidate values are reported.

The precise rule (issue 13: "every cell right, or honestly blank"), as the table-3 reader
(``gongkai.report.read.glued``) applies it:

1. Only a GLUED run of digits is split. Figures separated by spaces are cells: when fewer than a
   row's seven and "the last is the sum of the others" holds for them as printed, they are a row
   with blank cells, whose positions are not determined, and the row is null (``blank_cells``).
   Digits of several cells run together never satisfy that relation for a row that balances.
2. A run is split only into readings that satisfy its own row sum (总计 = the six applicant
   columns). A run none of whose splits satisfies it is null: its split would be unreliable.
   (The row's own sum is never among the constraints that may fail.)
3. The column rules (一 + 二 = 三（七） + 四, （七）总计 = the outcome rows) choose jointly among the
   rows' readings. Where no choice satisfies all of them, the choices failing the fewest are kept
   (the published table does not balance; the checks report it) and a row's cell is read only
   when all of them agree on it AND either the row takes part in no constraint that fails in
   one of them, or the row's own sum left it a single split (the failing constraint then had no
   part in splitting that run). Otherwise the row is null (``failing_rows``).
4. Rows printed as seven separate figures are read as printed, balanced or not.

Bounds (the worst case): splitting one run of ``n`` digits into ``k`` cells has at most
C(n-1, k-1) readings; the enumeration stops after ``Budget.steps`` steps (``MAX_STEPS``) and the
joint search over a table after the same budget, shared; a deadline (``MAX_SECONDS``) caps the CPU
time of the reading thread (CPU, not wall time: a busy machine must not change what is read).
Runs longer than ``MAX_DIGITS`` are not split at all. When a limit is hit the cells concerned are
null with a finding ("超出求解上限"), never a guess and never a hang.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

#: Runs longer than this are not split (a table-3 row of seven 6-digit counts has 42 digits).
MAX_DIGITS = 48
#: Steps of enumeration and search allowed for one table.
MAX_STEPS = 300_000
#: CPU-time cap for one table, in seconds of the reading thread's CPU time (``time.thread_time``):
#: a wall-clock cap made the same file read differently on a loaded machine (more nulls).
MAX_SECONDS = 0.5
#: How many equally good joint solutions are collected before the table counts as ambiguous.
MAX_SOLUTIONS = 64


class LimitReached(Exception):
    """The solver's step budget or deadline is exhausted."""


@dataclass(slots=True)
class Budget:
    steps: int = MAX_STEPS
    deadline: float = field(default_factory=lambda: time.thread_time() + MAX_SECONDS)

    def tick(self, n: int = 1) -> None:
        self.steps -= n
        if self.steps < 0 or (self.steps % 1024 == 0 and time.thread_time() > self.deadline):
            raise LimitReached


def blank_cells(groups: Sequence[str], width: int) -> bool:
    """Whether figures separated by spaces are cells of a row with blank cells, not glued digits.

    A space between figures is a cell boundary. With fewer figures than ``width`` they are either
    cells with some cells left blank, or digits of several cells run together. For a row that
    balances, digits run together never satisfy "the last figure is the sum of the others" (gluing
    ``a`` onto ``b`` adds ``a * (10**len(b) - 1)`` to one side), so when the figures do satisfy it,
    they are cells, and where the blanks sit is not determined: the row is not read. (Gluing a
    zero on in front gives a leading zero, which no cell prints: such figures are glued digits.)
    """
    if not 1 < len(groups) < width or not all(g.isdigit() for g in groups):
        return False
    if any(len(g) > 1 and g[0] == "0" for g in groups):
        return False  # "00", "003": no cell prints a leading zero, so these are glued digits
    values = [int(g) for g in groups]
    return sum(values[:-1]) == values[-1]


def one_figure_short(groups: Sequence[str], width: int) -> bool:
    """Whether separate figures are one fewer than the row's cells (and none has a leading zero).

    Such a row is not re-split: a cell left out (a blank in a row that does not add up, a column
    the copy lost) explains it as simply as two cells run together, and a split that happens to add
    up is no evidence for the latter ("1 0 1 2 0 26" without its 自然人 column: 1|0|1|2|0|2|6 adds up).
    """
    return (
        len(groups) == width - 1
        and width > 2
        and all(g.isdigit() and (g == "0" or g[0] != "0") for g in groups)
    )


def fewer_figures_add_up(digits: str, width: int, budget: Budget) -> bool:
    """Whether ``digits`` split into two to ``width - 1`` figures whose last is the sum of the
    others: the run could be a row printed with blank cells, in a table that prints zeros blank."""
    return any(splits(digits, (count,), True, budget) for count in range(2, width))


def splits(digits: str, groups: Sequence[int], balanced: bool, budget: Budget) -> list[tuple[int, ...]]:
    """Every way to cut ``digits`` into ``sum(groups)`` numbers without leading zeros.

    ``groups`` gives the sizes of consecutive groups whose last number is their total; with
    ``balanced`` only readings where every group's last number is the sum of the others are kept.
    """
    parts = sum(groups)
    n = len(digits)
    if n < parts or n > MAX_DIGITS or not digits.isdigit():
        return []
    last_of_group = set()
    at = 0
    for size in groups:
        at += size
        last_of_group.add(at - 1)
    out: list[tuple[int, ...]] = []
    values: list[int] = []

    def rec(pos: int, k: int, group_sum: int) -> None:
        budget.tick()
        remaining = parts - k - 1
        if remaining == 0:
            rest = digits[pos:]
            if len(rest) > 1 and rest[0] == "0":
                return
            value = int(rest)
            if balanced and value != group_sum:
                return
            out.append((*values, value))
            return
        longest = n - pos - remaining
        ends_group = k in last_of_group
        for length in range(1, longest + 1) if digits[pos] != "0" else (1,):
            value = int(digits[pos : pos + length])
            if balanced and ends_group:
                if value > group_sum:
                    break
                if value < group_sum:
                    continue
            values.append(value)
            rec(pos + length, k + 1, 0 if ends_group else group_sum + value)
            values.pop()

    rec(0, 0, 0)
    return out


@dataclass(frozen=True, slots=True)
class Constraint:
    """``sum(coefficient * row[column])`` over ``terms`` is 0: one printed relation of the table."""

    name: str
    column: int
    terms: tuple[tuple[str, int], ...]


@dataclass(slots=True)
class Solution:
    """The best joint readings: each maps a row to its values; ``violations`` each fails."""

    readings: list[dict[str, tuple[int, ...]]]
    violations: int
    failed: list[str]
    #: False when a limit cut the search short or there were too many equally good readings.
    complete: bool


def solve(
    candidates: Mapping[str, Sequence[tuple[int, ...]]],
    penalties: Mapping[str, int],
    constraints: Sequence[Constraint],
    budget: Budget,
) -> Solution:
    """The joint readings of the rows that fail the fewest constraints.

    ``candidates`` holds each row's possible readings (a row printed as is has one);
    ``penalties`` the constraints a row's readings fail on their own (1 for a row none of whose
    readings balances). Constraints over rows that are not in ``candidates`` are not evaluated.
    """
    usable = [c for c in constraints if all(k in candidates for k, _ in c.terms)]
    fixed = {k: v[0] for k, v in candidates.items() if len(v) == 1}
    free = sorted((k for k in candidates if len(candidates[k]) > 1), key=lambda k: len(candidates[k]))
    depth_of = {k: i for i, k in enumerate(free)}
    closing: list[list[Constraint]] = [[] for _ in free]
    base = sum(penalties.get(k, 0) for k in candidates)
    base_failed: list[str] = []
    for c in usable:
        depths = [depth_of[k] for k, _ in c.terms if k in depth_of]
        if depths:
            closing[max(depths)].append(c)
        elif _value(c, fixed) != 0:
            base += 1
            base_failed.append(c.name)
    best = [base if not free else 1 << 30]
    doomed = _Doomed(usable, free, candidates, fixed)
    found: list[tuple[dict[str, tuple[int, ...]], list[str]]] = []
    complete = True
    chosen: dict[str, tuple[int, ...]] = dict(fixed)

    def rec(depth: int, violations: int, failed: list[str]) -> None:
        nonlocal complete
        if depth == len(free):
            if violations < best[0]:
                best[0] = violations
                found.clear()
                complete = True
            if len(found) >= MAX_SOLUTIONS:
                complete = False
                if violations == 0:
                    raise LimitReached
                return
            found.append((dict(chosen), list(failed)))
            return
        key = free[depth]
        for reading in candidates[key]:
            budget.tick()
            chosen[key] = reading
            added = [c.name for c in closing[depth] if _value(c, chosen) != 0]
            total = violations + len(added)
            doomed.choose(key, reading, 1)
            if total + doomed.count(depth) <= best[0]:
                rec(depth + 1, total, failed + added)
            doomed.choose(key, reading, -1)
        del chosen[key]

    if free:
        try:
            # Fewest violations first: readings failing no more than ``limit`` constraints, for
            # limit = base, base + 1, ...; a tight bound lets ``doomed`` cut nearly every branch.
            for limit in range(base, base + len(usable) + 1):
                best[0] = limit
                rec(0, base, list(base_failed))
                if found:
                    break
        except LimitReached:
            complete = False
    else:
        found.append((dict(fixed), list(base_failed)))
    readings = [r for r, _ in found]
    failed = sorted({name for _, names in found for name in names})
    return Solution(readings, best[0], failed, complete)


#: The widest range of sums ``_Doomed`` keeps as bits (wider: no branch is cut by that rule).
_MAX_SPREAD = 1 << 16


class _Doomed:
    """How many constraints still open can no longer hold, whatever the rows not yet chosen read:
    a lower bound on the violations to come, so that ``solve`` leaves a branch as soon as it
    cannot beat the best (its results are unchanged; without it, table 三's （七）总计 rules,
    which close only at the last outcome row, cut nothing and big glued tables hit the limit).

    For each constraint and depth, the sums the rows at that depth and deeper can still add are
    kept as the bits of an integer, counted from the least of them (``_low``).
    """

    def __init__(
        self,
        usable: Sequence[Constraint],
        free: Sequence[str],
        candidates: Mapping[str, Sequence[tuple[int, ...]]],
        fixed: Mapping[str, tuple[int, ...]],
    ) -> None:
        depth_of = {k: i for i, k in enumerate(free)}
        self._open = [c for c in usable if any(k in depth_of for k, _ in c.terms)]
        self._partial = [sum(f * fixed[k][c.column] for k, f in c.terms if k in fixed) for c in self._open]
        self._by_key: dict[str, list[tuple[int, int, int]]] = {k: [] for k in free}
        self._low: list[list[int]] = []
        self._sums: list[list[int]] = []
        #: Per depth, the constraints with a row deeper than it (still open once it is chosen).
        self._open_after: list[list[int]] = [[] for _ in free]
        for i, c in enumerate(self._open):
            terms: list[list[int]] = [[0] for _ in range(len(free))]
            for k, f in c.terms:
                if k in depth_of:
                    self._by_key[k].append((i, f, c.column))
                    terms[depth_of[k]] = [f * reading[c.column] for reading in candidates[k]]
            low, high, sums = [0] * (len(free) + 1), [0] * (len(free) + 1), [0] * len(free) + [1]
            for d in range(len(free) - 1, -1, -1):
                least = min(terms[d])
                low[d], high[d] = low[d + 1] + least, high[d + 1] + max(terms[d])
                if high[d] - low[d] > _MAX_SPREAD:
                    sums[d] = -1  # every bit: too wide to keep (long runs of digits), nothing is cut
                    continue
                for term in set(terms[d]):
                    sums[d] |= sums[d + 1] << (term - least)
            self._low.append(low)
            self._sums.append(sums)
            last = max(depth_of[k] for k, _ in c.terms if k in depth_of)
            for d in range(last):
                self._open_after[d].append(i)

    def choose(self, key: str, reading: tuple[int, ...], sign: int) -> None:
        """Add (``sign`` 1) or take back (-1) row ``key``'s ``reading``."""
        for i, f, column in self._by_key[key]:
            self._partial[i] += sign * f * reading[column]

    def count(self, depth: int) -> int:
        """Open constraints that fail whatever the rows after ``depth`` read."""
        doomed = 0
        for i in self._open_after[depth]:
            needed = -(self._partial[i] + self._low[i][depth + 1])
            if needed < 0 or not self._sums[i][depth + 1] >> needed & 1:
                doomed += 1
        return doomed


def _value(c: Constraint, chosen: Mapping[str, tuple[int, ...]]) -> int:
    return sum(coefficient * chosen[key][c.column] for key, coefficient in c.terms)


def agreed(readings: Sequence[Mapping[str, tuple[int, ...]]], key: str) -> Iterator[int | None]:
    """Row ``key``'s values cell by cell: the value every reading gives it, else None."""
    if not readings:
        return
    width = len(readings[0][key])
    for column in range(width):
        values = {r[key][column] for r in readings}
        yield values.pop() if len(values) == 1 else None

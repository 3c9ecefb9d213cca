"""The bounded solver that splits glued digits (gongkai.report.read.solver)."""

from __future__ import annotations

import itertools
import random
import time

import pytest

from gongkai.report.read.glued import failing_rows
from gongkai.report.read.solver import (
    MAX_DIGITS,
    MAX_SOLUTIONS,
    Budget,
    Constraint,
    LimitReached,
    agreed,
    blank_cells,
    solve,
    splits,
)


def test_row_splits_keep_only_balanced_readings_without_leading_zeros() -> None:
    readings = splits("640020470", (7,), True, Budget())
    assert (64, 0, 0, 2, 0, 4, 70) in readings
    assert all(sum(r[:6]) == r[6] for r in readings)
    assert splits("0000000", (7,), True, Budget()) == [(0,) * 7]
    # "01" is never a number: "0100000" into six cells is 0 10 0 0 0 0 only.
    assert splits("01", (1,), False, Budget()) == []
    assert splits("0100000", (6,), False, Budget()) == [(0, 10, 0, 0, 0, 0)]


def test_table4_run_splits_by_its_three_groups() -> None:
    assert splits("10203120001200000", (5, 5, 5), True, Budget()) == [
        (1, 0, 2, 0, 3, 12, 0, 0, 0, 12) + (0,) * 5
    ]


def test_runs_too_long_are_not_split() -> None:
    assert splits("1" * (MAX_DIGITS + 1), (7,), False, Budget()) == []


def test_the_step_budget_stops_enumeration() -> None:
    with pytest.raises(LimitReached):
        splits("1" * 40, (7,), False, Budget(steps=1000))


def test_the_deadline_stops_a_search_without_hanging() -> None:
    budget = Budget(deadline=time.thread_time() - 1)
    started = time.monotonic()
    with pytest.raises(LimitReached):
        splits("123456789" * 4, (7,), False, budget)
    assert time.monotonic() - started < 1


def test_a_unique_joint_reading_and_a_tie() -> None:
    # a + b = c over two ambiguous rows: only one pair of readings satisfies it.
    candidates = {"a": [(1,), (2,)], "b": [(3,), (5,)], "c": [(6,)]}
    constraint = Constraint("a+b=c", 0, (("a", 1), ("b", 1), ("c", -1)))
    solution = solve(candidates, {}, [constraint], Budget())
    assert solution.violations == 0 and solution.complete
    assert solution.readings == [{"a": (1,), "b": (5,), "c": (6,)}]
    tie = solve({"a": [(1,), (2,)], "b": [(2,), (1,)], "c": [(3,)]}, {}, [constraint], Budget())
    assert len(tie.readings) == 2 and list(agreed(tie.readings, "a")) == [None]


def test_no_exact_reading_gives_the_fewest_failures_and_never_repairs() -> None:
    constraint = Constraint("a+b=c", 0, (("a", 1), ("b", 1), ("c", -1)))
    solution = solve({"a": [(1,), (2,)], "b": [(1,)], "c": [(9,)]}, {}, [constraint], Budget())
    assert solution.violations == 1 and solution.failed == ["a+b=c"]
    # Both readings of a fail the same one constraint: they disagree, so a stays unread.
    assert list(agreed(solution.readings, "a")) == [None]
    assert list(agreed(solution.readings, "c")) == [9]


def test_an_exhausted_budget_makes_the_solution_incomplete() -> None:
    rows = {f"r{i}": [(1,), (2,), (3,)] for i in range(12)}
    solution = solve(rows, {}, [], Budget(steps=500))
    assert not solution.complete


def test_figures_separated_by_spaces_that_balance_as_printed_are_cells_with_blanks() -> None:
    """Issue 13 (the attack's "21 2 3 4 30"): five figures for seven columns that add up as
    printed are a row with blank cells, never glued digits to be re-split."""
    assert blank_cells(["21", "2", "3", "4", "30"], 7)
    assert blank_cells(["8", "1", "0", "0", "1", "10"], 7)
    # Digits of two cells run together ("30" for 3 | 0) do not add up as printed.
    assert not blank_cells(["30", "1", "0", "0", "0", "4"], 7)
    # One run, or a full row, is not a row with blanks.
    assert not blank_cells(["640020470"], 7)
    assert not blank_cells(["1", "0", "0", "0", "0", "0", "1"], 7)


def test_a_split_row_in_a_failing_column_rule_is_named_with_the_rule() -> None:
    """The rows of a constraint that the best readings fail are reported, so the reader can leave
    a row whose split the failing rule would have decided null."""
    rule = Constraint("a＝b", 0, (("a", 1), ("b", -1)))
    solution = solve({"a": [(1,), (2,)], "b": [(3,)]}, {}, [rule], Budget())
    assert solution.violations == 1
    assert failing_rows(solution, [rule]) == {"a": ["a＝b"], "b": ["a＝b"]}
    balanced = solve({"a": [(1,), (3,)], "b": [(3,)]}, {}, [rule], Budget())
    assert balanced.readings == [{"a": (3,), "b": (3,)}]
    assert failing_rows(balanced, [rule]) == {}


def _brute_force(
    candidates: dict[str, list[tuple[int, ...]]], constraints: list[Constraint]
) -> tuple[int, list[dict[str, tuple[int, ...]]]]:
    """The fewest violations over every joint reading, and the readings that reach it."""
    keys = list(candidates)
    scored = []
    for combination in itertools.product(*(candidates[k] for k in keys)):
        chosen = dict(zip(keys, combination, strict=True))
        failed = sum(1 for c in constraints if sum(f * chosen[k][c.column] for k, f in c.terms) != 0)
        scored.append((failed, chosen))
    least = min(failed for failed, _ in scored)
    return least, [chosen for failed, chosen in scored if failed == least]


def test_the_solver_finds_exactly_the_readings_that_fail_the_fewest_constraints() -> None:
    """Its cuts (fewest violations first, rules that can no longer hold) change no result."""
    rng = random.Random(13)
    for _ in range(300):
        keys = [f"r{i}" for i in range(rng.randint(2, 6))]
        candidates = {
            k: sorted({tuple(rng.randint(0, 30) for _ in range(2)) for _ in range(rng.randint(1, 3))})
            for k in keys
        }
        constraints = [
            Constraint(
                f"c{j}", rng.randint(0, 1), tuple((k, rng.choice((1, -1))) for k in rng.sample(keys, 2))
            )
            for j in range(rng.randint(1, 4))
        ]
        least, expected = _brute_force(candidates, constraints)
        solution = solve(candidates, {}, constraints, Budget())
        assert solution.violations == least
        if len(expected) > MAX_SOLUTIONS:
            assert not solution.complete  # too many equally good readings: none is chosen
            continue
        assert solution.complete
        assert sorted(sorted(r.items()) for r in solution.readings) == sorted(
            sorted(r.items()) for r in expected
        )

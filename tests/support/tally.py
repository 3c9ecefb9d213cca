"""Counting the attack benches' scores (``bench/bench_reader_attack3.py``, ``bench_reader_attack5.py``)."""

from __future__ import annotations

from collections import Counter

from support.attack import Score, Wrong


def tally(result: Score) -> Counter[str]:
    """One reading's score as counters to add up over samples."""
    return Counter(
        {
            "samples": 1,
            "cells": result.cells,
            "recovered": result.recovered,
            "nulls": result.nulls,
            "wrong": len(result.wrong),
            "wrong_samples": int(bool(result.wrong)),
            "refused": int(result.refused),
            "dash_as_zero": result.dash_as_zero,
            "crashes": int(bool(result.error)),
        }
    )


def tally_line(name: str, s: Counter[str], width: int) -> str:
    """Name, samples, cells, share right, share null, wrong values, samples with one."""
    cells = max(s["cells"], 1)
    return (
        f"{name:{width}} {s['samples']:>5} {s['cells']:>7} {s['recovered'] / cells:>7.2%}"
        f" {s['nulls'] / cells:>7.2%} {s['wrong']:>5} {s['wrong_samples']:>5}"
    )


def print_cases(wrong: list[tuple[int, Wrong]], crashes: list[tuple[int, str]]) -> None:
    """Wrong values and crashes as (seed, what), indented under their line."""
    for seed, w in wrong:
        print(f"    seed {seed}: {w.cell} expected {w.expected} got {w.got}")
    for seed, error in crashes:
        print(f"    seed {seed}: crash {error}")

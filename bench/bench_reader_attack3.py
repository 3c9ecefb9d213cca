"""The third and fourth attacks on the reader (``tests/support/attack3.py``, ``attack4.py``) over
many samples.

Run: ``.venv/bin/python bench/bench_reader_attack3.py [--samples 200] [--attack 3|4] [--kind K]...``

For each kind: samples, cells with a value in the truth, share read right, share read null, wrong
values (a non-null cell that differs from the truth) and in how many samples, refusals, crashes,
dashes read as 0, and up to ``--examples`` wrong values as (seed, cell, expected, got).
Samples are ``seed`` 0..N-1 (``support.attack.sample``: every fifth one in the 2019 trial format).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from gongkai.errors import ReportFormatError
from gongkai.report.read import read_bytes
from gongkai.report.rules import check
from support.attack import Wrong, score
from support.attack3 import ALL_KINDS, MISPRINTED, attack3
from support.attack4 import KINDS4, attack4
from support.tally import print_cases, tally, tally_line

_HEAD = ("kind", "n", "cells", "right", "null", "wrong", "w.smp", "ref", "crash")


def _flagged(data: bytes) -> bool:
    """Whether checking the reading finds an error (a misprinted figure breaks the table's sums)."""
    try:
        return any(f.severity == "error" for f in check(read_bytes(data)))
    except ReportFormatError:
        return False


def _line(name: str, s: Counter[str]) -> str:
    return tally_line(name, s, 36) + f" {s['refused']:>3} {s['crashes']:>5}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--attack", type=int, choices=(3, 4), default=3, help="which generator")
    parser.add_argument("--kind", action="append", choices=[*ALL_KINDS, *KINDS4], help="only these kinds")
    parser.add_argument("--examples", type=int, default=3)
    args = parser.parse_args(argv)
    make = attack4 if args.attack == 4 else attack3
    kinds = args.kind or list(KINDS4 if args.attack == 4 else ALL_KINDS)
    print("{:36} {:>5} {:>7} {:>7} {:>7} {:>5} {:>5} {:>3} {:>5}".format(*_HEAD))
    total: Counter[str] = Counter()
    for kind in kinds:
        s: Counter[str] = Counter()
        examples: list[tuple[int, Wrong]] = []
        crashes: list[tuple[int, str]] = []
        for seed in range(args.samples):
            damaged = make(kind, seed)
            result = score(damaged)
            s.update(tally(result))
            if kind in MISPRINTED:
                s["flagged"] += _flagged(damaged.data)
            if result.error:
                crashes.append((seed, result.error))
            examples.extend((seed, w) for w in result.wrong[: args.examples - len(examples)])
        total.update(s)
        extra = f"  dash->0 {s['dash_as_zero']}" if s["dash_as_zero"] else ""
        if kind in MISPRINTED:
            extra += f"  flagged {s['flagged']}/{s['samples']}"
        print(_line(kind, s) + extra)
        print_cases(examples[: args.examples], crashes[:2])
    print(_line("ALL", total))
    return 1 if total["wrong"] or total["crashes"] else 0


if __name__ == "__main__":
    raise SystemExit(main())

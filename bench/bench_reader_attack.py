"""The independent attack on the reader (``tests/support/attack.py``) over many samples.

Run: ``.venv/bin/python bench/bench_reader_attack.py [--samples 100] [--pdf-samples 20] [--kind K]...``

For each kind of damage: samples, cells with a value in the truth, share read right ("recovered"),
share read null, wrong values (a non-null cell that differs from the truth -- the worst outcome) and
in how many samples, refusals (``ReportFormatError``), crashes, dashes read as 0, the slowest read,
for the ``unbalanced_*`` kinds how often checking the reading flags an error (the published table
does not balance: issue 13 item 7) or else a warning names glued digits that cannot add up, and up
to ``--examples`` wrong values per kind as (seed, cell, expected, got). Kinds that need poppler's
``pdftotext`` are skipped with a note when it is absent.
Samples are ``seed`` 0..N-1 (``support.attack.sample``: every fifth one in the 2019 trial format).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from gongkai.errors import ReportFormatError
from gongkai.report.read import read_bytes
from gongkai.report.rules import check
from support.attack import KINDS, NEEDS_PDF, NEEDS_PDFTOTEXT, Wrong, attack, has_pdftotext, score

#: Warnings that name a glued row or table 4 whose printed digits cannot add up (left unread).
_GLUED_WARNINGS = ("T3-ROW-GLUED", "T4-GLUED")


def _flagged(data: bytes) -> tuple[bool, bool]:
    """Whether checking the reading finds an error (for a table changed so that it does not
    balance), and whether a warning names glued digits that cannot add up."""
    try:
        findings = check(read_bytes(data))
    except ReportFormatError:
        return False, False
    return any(f.severity == "error" for f in findings), any(f.rule in _GLUED_WARNINGS for f in findings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=100)
    parser.add_argument("--pdf-samples", type=int, default=20, help="samples for kinds that render a PDF")
    parser.add_argument("--kind", action="append", choices=list(KINDS), help="only these kinds")
    parser.add_argument("--examples", type=int, default=3)
    args = parser.parse_args(argv)
    kinds = args.kind or list(KINDS)
    if not has_pdftotext():
        skipped = [k for k in kinds if k in NEEDS_PDFTOTEXT]
        print(f"pdftotext not installed (apt-get install poppler-utils): skipped {', '.join(skipped)}")
        kinds = [k for k in kinds if k not in NEEDS_PDFTOTEXT]

    stats: dict[str, Counter[str]] = {k: Counter() for k in kinds}
    slowest: dict[str, float] = dict.fromkeys(kinds, 0.0)
    examples: dict[str, list[tuple[int, Wrong]]] = {k: [] for k in kinds}
    crashes: dict[str, list[tuple[int, str]]] = {k: [] for k in kinds}
    # Seeds outside, kinds inside: the kinds of one seed share its rendered PDF/DOCX/XLSX.
    for seed in range(max(args.samples, args.pdf_samples)):
        for kind in kinds:
            if seed >= (args.pdf_samples if kind in NEEDS_PDF else args.samples):
                continue
            damaged = attack(kind, seed)
            if damaged is None:
                continue
            started = time.process_time()
            result = score(damaged)
            slowest[kind] = max(slowest[kind], time.process_time() - started)
            s = stats[kind]
            s["samples"] += 1
            s["cells"] += result.cells
            s["recovered"] += result.recovered
            s["nulls"] += result.nulls
            s["wrong"] += len(result.wrong)
            s["wrong_samples"] += bool(result.wrong)
            s["refused"] += result.refused
            s["dash_as_zero"] += result.dash_as_zero
            if result.error:
                crashes[kind].append((seed, result.error))
            elif kind.startswith("unbalanced_"):
                s["unbalanced"] += 1
                error, warned = _flagged(damaged.data)
                s["flagged"] += error
                s["warned"] += warned and not error
            examples[kind].extend((seed, w) for w in result.wrong[: args.examples])

    header = (
        f"{'kind':32} {'samples':>7} {'cells':>7} {'recovered':>9} {'null':>6} {'wrong':>6} "
        f"{'in':>4} {'refused':>7} {'crash':>5} {'dash0':>5} {'max s':>6}"
    )
    print(header)
    print("-" * len(header))
    total: Counter[str] = Counter()
    for kind in kinds:
        s = stats[kind]
        total.update(s)
        cells = max(s["cells"], 1)
        print(
            f"{kind:32} {s['samples']:7} {s['cells']:7} {s['recovered'] / cells:9.2%} "
            f"{s['nulls'] / cells:6.1%} {s['wrong']:6} {s['wrong_samples']:4} {s['refused']:7} "
            f"{len(crashes[kind]):5} {s['dash_as_zero']:5} {slowest[kind]:6.2f}"
        )
    cells = max(total["cells"], 1)
    print("-" * len(header))
    print(
        f"{'all':32} {total['samples']:7} {total['cells']:7} {total['recovered'] / cells:9.2%} "
        f"{total['nulls'] / cells:6.1%} {total['wrong']:6} {total['wrong_samples']:4} {total['refused']:7} "
        f"{sum(len(c) for c in crashes.values()):5} {total['dash_as_zero']:5}"
    )
    for kind in kinds:
        if stats[kind]["unbalanced"]:
            s = stats[kind]
            print(
                f"{kind}: the changed table flagged by the checks in {s['flagged']} of {s['unbalanced']}"
                f" (by an error; in {s['warned']} more, a T3-ROW-GLUED/T4-GLUED warning names the digits)"
            )
    for kind in kinds:
        for seed, wrong in examples[kind][: args.examples]:
            print(f"WRONG {kind} seed={seed} {wrong.cell}: expected {wrong.expected}, got {wrong.got}")
        for seed, error in crashes[kind][: args.examples]:
            print(f"CRASH {kind} seed={seed} {error}")
    return 1 if total["wrong"] or any(crashes.values()) else 0


if __name__ == "__main__":
    raise SystemExit(main())

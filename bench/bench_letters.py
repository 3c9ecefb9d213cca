"""Letters per second: ``gongkai.letters`` compose, DOCX and PDF, per letter kind, on one core.

    .venv/bin/python bench/bench_letters.py [--repeat 50]

Uses the realistic facts of tests/domain/letters/letter_facts.py (a 部分公开 reply with two
withheld parts is the longest letter). Reports the median time per letter for each step over all
27 kinds; the web layer renders a letter on request (preview, download), so the number that
matters is the PDF (the slowest) against a page budget of ~100 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "domain" / "letters"))

from letter_facts import complete_facts  # type: ignore[import-not-found]

from gongkai.letters import Letter, LetterKind, compose, render_docx, render_pdf
from gongkai.report.render.fonts import pdf_font_name


def median_ms(step: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    pdf_font_name()  # the one-off font registration is not a per-letter cost
    rows: list[tuple[str, float, float, float]] = []
    for kind in LetterKind:
        facts = complete_facts(kind)
        letter: Letter = compose(kind, facts)
        rows.append(
            (
                kind.value,
                median_ms(partial(compose, kind, facts), args.repeat),
                median_ms(partial(render_docx, letter), args.repeat),
                median_ms(partial(render_pdf, letter), args.repeat),
            )
        )
    print(f"{'kind':32} {'compose ms':>10} {'docx ms':>9} {'pdf ms':>8}")
    for name, c, d, p in rows:
        print(f"{name:32} {c:10.2f} {d:9.2f} {p:8.2f}")
    for label, col in (("compose", 1), ("docx", 2), ("pdf", 3)):
        values = [float(r[col]) for r in rows]
        print(f"{label}: median {statistics.median(values):.2f} ms, max {max(values):.2f} ms")


if __name__ == "__main__":
    main()

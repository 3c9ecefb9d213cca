"""The fifth attack on the reader (``tests/support/attack5.py``): rendered reports passed through
real converters (BeautifulSoup, lxml, inscriptis, markdownify, trafilatura, chromium, pdftotext,
pypdf, pdfminer.six, pypdfium2, python-docx, the DOCX XML), over many samples.

Run: ``.venv/bin/python bench/bench_reader_attack5.py [--samples 40] [--pdf-samples 20] [--converter C]...``

For each converter: samples, cells with a value in the truth, share read right, share read null,
wrong values (a non-null cell that differs from the truth) and in how many samples, exit codes of
``gongkai report parse`` (0: read, no error found; 1: read, the checks find an error; 2: refused),
crashes, and up to ``--examples`` wrong values as (seed, cell, expected, got). Samples are ``seed``
0..N-1 (``support.attack.sample``: every fifth one in the 2019 trial format; ``--big``: its
four-digit variant). A converter whose
tool is not installed is skipped with its reason.
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
from support.attack5 import CONVERTERS, close_chromium, converted, missing
from support.tally import print_cases, tally, tally_line

_HEAD = ("converter", "n", "cells", "right", "null", "wrong", "w.smp", "exit0", "exit1", "exit2", "crash")


def exit_code(data: bytes) -> int:
    """``gongkai report parse``'s exit code for this input: 2 refused, 1 an error found, else 0."""
    try:
        report = read_bytes(data)
    except ReportFormatError:
        return 2
    return 1 if any(f.severity == "error" for f in check(report)) else 0


def _line(name: str, s: Counter[str]) -> str:
    exits = f" {s['exit0']:>5} {s['exit1']:>5} {s['exit2']:>5} {s['crashes']:>5}"
    return tally_line(name, s, 28) + exits


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=40, help="samples per HTML/DOCX converter")
    parser.add_argument("--pdf-samples", type=int, default=20, help="samples per PDF converter")
    parser.add_argument("--converter", action="append", choices=list(CONVERTERS), help="only these")
    parser.add_argument("--big", action="store_true", help="samples with figures of up to four digits")
    parser.add_argument("--examples", type=int, default=3)
    args = parser.parse_args(argv)
    print("{:28} {:>5} {:>7} {:>7} {:>7} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5}".format(*_HEAD))
    total: Counter[str] = Counter()
    for name in args.converter or list(CONVERTERS):
        if reason := missing(name):
            print(f"{name:28} skipped: {reason}")
            continue
        samples = args.pdf_samples if CONVERTERS[name].fmt == "pdf" else args.samples
        s: Counter[str] = Counter()
        examples: list[tuple[int, Wrong]] = []
        crashes: list[tuple[int, str]] = []
        for seed in range(samples):
            damaged = converted(name, seed, args.big)
            result = score(damaged)
            s.update(tally(result))
            if result.error:
                crashes.append((seed, result.error))
            else:
                s[f"exit{exit_code(damaged.data)}"] += 1
            examples.extend((seed, w) for w in result.wrong[: args.examples - len(examples)])
        total.update(s)
        print(_line(name, s), flush=True)
        print_cases(examples[: args.examples], crashes[:2])
    close_chromium()
    print(_line("ALL", total))
    return 1 if total["wrong"] or total["crashes"] else 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Long fuzzing of every report reader: ``python bench/fuzz_readers.py --minutes 3``.

For each format (text, markdown, html, docx, xlsx, pdf, json) it mutates seed files for the given
number of minutes and feeds every input to ``read_bytes`` (the entry point of ``read_report``).
Property: a report or a GongkaiError -- no other exception, no hang (``--limit`` seconds per input).
Inputs that keep reading as a report join the seeds, so mutations go deeper over time. Each
distinct problem (by exception type and the Gongkai line it came from) is saved with its input to
``--out`` for reproduction: ``python -c "from gongkai.report.read import read_bytes;
read_bytes(open('FILE','rb').read())"``.

A hang inside a C library cannot be interrupted by the per-input alarm; a watchdog
(faulthandler) then prints every thread's stack and ends the run, so it is reported, not hidden.
Memory is capped (``--memory-mb``) so that an input that makes a reader allocate without bound
fails here instead of taking the shared machine down.
"""

from __future__ import annotations

import argparse
import faulthandler
import random
import resource
import sys
import tempfile
import time
import warnings
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "fuzz"))

from fuzz_inputs import FORMATS, Problem, check_input, mutate, seeds

#: At most this many grown seeds are kept per format (oldest dropped), to keep memory flat.
MAX_SEEDS = 200


def fuzz_format(fmt: str, seconds: float, limit: float, rng: random.Random, out: Path) -> dict[str, object]:
    pool = list(seeds(fmt))
    if not pool:
        return {"format": fmt, "inputs": 0, "note": "no seed could be made on this machine"}
    initial = len(pool)
    outcomes: Counter[str] = Counter()
    problems: dict[str, Problem] = {}
    slowest = 0.0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        data = mutate(rng.choice(pool), fmt, rng)
        faulthandler.dump_traceback_later(limit * 3 + 10, exit=True)
        started = time.monotonic()
        outcome, problem = check_input(data, limit)
        slowest = max(slowest, time.monotonic() - started)
        faulthandler.cancel_dump_traceback_later()
        outcomes[outcome] += 1
        if problem is not None and problem.signature not in problems:
            problems[problem.signature] = problem
            saved = out / f"{fmt}-{len(problems)}.bin"
            saved.write_bytes(problem.data)
            print(f"  [{fmt}] {problem.signature}: {problem.detail[:200]} -> {saved}", flush=True)
        elif outcome == "report" and data not in pool:
            pool.append(data)
            if len(pool) > MAX_SEEDS:
                del pool[initial]
    return {
        "format": fmt,
        "inputs": sum(outcomes.values()),
        "reports": outcomes["report"],
        "errors": outcomes["error"],
        "problems": len(problems),
        "slowest_s": round(slowest, 2),
        "signatures": sorted(problems),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=3.0, help="minutes per format")
    parser.add_argument("--formats", nargs="*", default=list(FORMATS), choices=FORMATS)
    parser.add_argument("--limit", type=float, default=10.0, help="seconds allowed per input")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--memory-mb", type=int, default=3072)
    parser.add_argument("--out", type=Path, default=None, help="folder for inputs that broke the property")
    args = parser.parse_args()
    # Damaged workbooks make openpyxl warn on every input; the outcome is what counts here.
    warnings.filterwarnings("ignore", module="openpyxl")
    cap = args.memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    out = args.out or Path(tempfile.mkdtemp(prefix="gongkai-fuzz-"))
    out.mkdir(parents=True, exist_ok=True)
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    print(f"fuzzing {', '.join(args.formats)} for {args.minutes:g} min each, seed {seed}, failures -> {out}")
    rng = random.Random(seed)
    rows = []
    for fmt in args.formats:
        row = fuzz_format(fmt, args.minutes * 60, args.limit, rng, out)
        rows.append(row)
        print(f"  {row}", flush=True)
    print("\n| format | inputs | read as report | clean error | problems | slowest input (s) |")
    print("|---|---:|---:|---:|---:|---:|")
    for row in rows:
        print(
            f"| {row['format']} | {row['inputs']} | {row.get('reports', '')} | {row.get('errors', '')} | "
            f"{row.get('problems', '')} | {row.get('slowest_s', '')} |"
        )
    if any(row.get("problems") for row in rows):
        sys.exit(1)


if __name__ == "__main__":
    main()

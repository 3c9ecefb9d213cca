"""Speed of the statutory clock: how long recomputing many open cases' deadlines takes.

Issue 5 wants an agency's work queue of 100,000 applications to render quickly, and changing the
calendar recomputes the deadlines of all open cases; both call gongkai.deadlines per case.

Run: .venv/bin/python bench/bench_deadlines.py [N]   (default N = 100000)
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date, timedelta

from gongkai.calendar import WorkingCalendar
from gongkai.deadlines import Pause, compute_deadlines, status_on


def _timed(label: str, n: int, work: object) -> None:
    start = time.perf_counter()
    work()  # type: ignore[operator]
    elapsed = time.perf_counter() - start
    print(f"{label:<58} {elapsed * 1000:9.1f} ms  ({elapsed / n * 1e6:6.2f} µs/case)")


def main(n: int) -> None:
    rng = random.Random(20261127)
    first = date(2019, 1, 2)
    span = (date(2026, 10, 31) - first).days
    receipts = [first + timedelta(days=rng.randrange(span)) for _ in range(n)]
    pauses = [
        (Pause(r + timedelta(days=5), r + timedelta(days=5 + rng.randrange(25))),)
        if rng.random() < 0.2
        else ()
        for r in receipts
    ]
    today = date(2026, 11, 27)

    _timed("WorkingCalendar.official() (load 8 packaged years)", 1, WorkingCalendar.official)
    calendar = WorkingCalendar.official()
    calendar.working_days_between(first, date(2026, 12, 31))  # warm every year's cache, as a server would
    print(f"cases: {n}, of which with a pause: {sum(1 for p in pauses if p)}")
    _timed("compute_deadlines, no pauses", n, lambda: [compute_deadlines(r, calendar) for r in receipts])
    _timed(
        "compute_deadlines, 20% with a consultation pause",
        n,
        lambda: [compute_deadlines(r, calendar, pauses=p) for r, p in zip(receipts, pauses, strict=True)],
    )
    computed = [compute_deadlines(r, calendar) for r in receipts]
    _timed(
        "status_on (overdue / due soon) for every case",
        n,
        lambda: [status_on(d, today, calendar) for d in computed],
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)

"""Where the demo city's build spends its time: runs the cold path of ``make demo``
(``snapshot.build``: migrate and ``city.build()`` with the default seed and size) under cProfile in
a throw-away data directory, and prints wall and CPU time, the number of SQL statements, and the
top functions by cumulative and by own time. The profile's times are wall-clock, cProfile's
default timer (with a CPU-time timer, ``time.process_time``, a run had used 150 s of CPU, against
98 s for a whole run with the default, and was not finished): on a shared machine compare the CPU
total, the call counts and the SQL statements, not the seconds.

    .venv/bin/python bench/profile_demo_build.py [--today 2026-12-07] [--no-profile] [--sequential]
        [-o FILE.prof]
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import resource
import tempfile
import time
from collections import Counter
from datetime import date
from typing import Any

from gongkai.web.demo.progress import Stages


class CpuStages(Stages):
    """Records this process's CPU time (``process_time``) between the build's stages."""

    def __init__(self) -> None:
        self.spent: list[tuple[str, float]] = []
        self._label = "(before the first stage: migrate or the prepared schema)"
        self._since = time.process_time()

    def stage(self, label: str, total: int) -> None:
        now = time.process_time()
        self.spent.append((self._label, now - self._since))
        self._label, self._since = label, now


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--today", type=date.fromisoformat, default=date(2026, 12, 7))
    parser.add_argument("--no-profile", action="store_true", help="time only (no profiler overhead)")
    parser.add_argument("-o", "--output", help="keep the raw profile here (for snakeviz, pstats)")
    parser.add_argument("--top", type=int, default=45)
    parser.add_argument("--sql-top", type=int, default=0, help="print the N most repeated SQL statements")
    parser.add_argument(
        "--data-dir",
        help="use this data directory (default: a new one); a second run in the same one "
        "starts from the migrated database the first kept (demo-schema/), as `make demo` does",
    )
    parser.add_argument(
        "--sequential", action="store_true", help="one process (default: cases and catalogues side by side)"
    )
    args = parser.parse_args()
    os.environ["GONGKAI_DATA_DIR"] = args.data_dir or tempfile.mkdtemp(prefix="gongkai-demo-profile-")
    print("data directory:", os.environ["GONGKAI_DATA_DIR"])
    os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "gongkai.web.settings"
    import django

    django.setup()
    from django.db import connection

    from gongkai.web.demo import city, snapshot

    statements = 0
    texts: Counter[str] = Counter()

    def count(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        nonlocal statements
        statements += 1
        if args.sql_top:
            texts[sql] += 1
        return execute(sql, params, many, context)

    profiler = None if args.no_profile else cProfile.Profile()
    stages = CpuStages()
    wall, cpu = time.perf_counter(), time.process_time()
    with connection.execute_wrapper(count):
        if profiler is not None:
            profiler.enable()
        snapshot.build(args.today, parallel=not args.sequential, progress=stages)
        if profiler is not None:
            profiler.disable()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    stages.stage("(after the last stage: switching to WAL, closing)", 0)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # the parallel build's forked part
    child = usage.ru_utime + usage.ru_stime
    print(
        f"build: {wall:.1f} s wall, {cpu:.1f} s CPU here + {child:.1f} s in the child, "
        f"{statements} SQL statements here; {city.summary()}"
    )
    print("load average:", " ".join(f"{x:.2f}" for x in os.getloadavg()))
    print("CPU of this process per stage (the child's stages run meanwhile in the other process):")
    for label, seconds in stages.spent:
        print(f"  {seconds:6.2f} s  {label}")
    for sql, n in texts.most_common(args.sql_top):
        print(f"{n:7d}  {sql[:300]}")
    if profiler is not None:
        if args.output:
            profiler.dump_stats(args.output)
        stats = pstats.Stats(profiler)
        stats.sort_stats("cumulative").print_stats(args.top)
        stats.sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()

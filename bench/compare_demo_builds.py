"""Compare two built demo databases table by table: the same tables, the same rows in the same
rowid order, column by column. Used to check that the parallel build (gongkai.web.demo.parallel)
makes the city the sequential build makes:

    .venv/bin/python bench/profile_demo_build.py --no-profile --sequential --data-dir A
    .venv/bin/python bench/profile_demo_build.py --no-profile --data-dir B
    .venv/bin/python bench/compare_demo_builds.py A/gongkai.sqlite3 B/gongkai.sqlite3

Prints each table's row count and, where they differ, how many rows differ in which columns (and
the first few values); exit status 1 if any table differs in anything but the columns named with
``--ignore TABLE.COLUMN`` (what two builds can never share, e.g. a wall-clock timestamp).
Virtual tables' shadow tables (FTS index pages) are skipped: their bytes depend on the order
rows were indexed in; the virtual table's own rows are compared.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections import Counter


def tables(db: sqlite3.Connection) -> list[str]:
    rows = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    virtual = [n for n, sql in rows if sql.upper().startswith("CREATE VIRTUAL")]
    return sorted(
        n for n, _ in rows if not n.startswith("sqlite_") and not any(n.startswith(v + "_") for v in virtual)
    )


def compare(a: sqlite3.Connection, b: sqlite3.Connection, ignore: set[str]) -> tuple[int, int]:
    """Print the comparison; returns (rows compared, differences not ignored)."""
    names = tables(a)
    if names != tables(b):
        print("different tables:", sorted(set(names) ^ set(tables(b))))
        return 0, 1
    total = bad = 0
    for name in names:
        query = f'SELECT rowid, * FROM "{name}" ORDER BY rowid'
        ra, rb = a.execute(query), b.execute(query)
        columns = ["rowid"] + [d[0] for d in ra.description[1:]]
        rows_a, rows_b = ra.fetchall(), rb.fetchall()
        total += len(rows_a)
        differing: Counter[str] = Counter()
        examples: dict[str, tuple[object, object]] = {}
        for x, y in zip(rows_a, rows_b, strict=False):
            for column, u, v in zip(columns, x, y, strict=True):
                if u != v:
                    differing[column] += 1
                    examples.setdefault(column, (u, v))
        counted = len(rows_a) == len(rows_b)
        shown = {c: n for c, n in differing.items() if f"{name}.{c}" not in ignore}
        if not counted or shown:
            bad += 1
        note = "" if counted else f"  ROW COUNT {len(rows_a)} != {len(rows_b)}"
        if differing or not counted:
            print(f"{name}: {len(rows_a)} rows{note}")
            for column, n in differing.most_common():
                flag = "ignored" if f"{name}.{column}" in ignore else "DIFFERS"
                u, v = examples[column]
                print(f"    {flag} {column}: {n} rows, e.g. {str(u)[:60]!r} vs {str(v)[:60]!r}")
    return total, bad


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("first")
    parser.add_argument("second")
    parser.add_argument("--ignore", action="append", default=[], metavar="TABLE.COLUMN")
    args = parser.parse_args()
    a = sqlite3.connect(f"file:{args.first}?mode=ro", uri=True)
    b = sqlite3.connect(f"file:{args.second}?mode=ro", uri=True)
    total, bad = compare(a, b, set(args.ignore))
    print(f"{len(tables(a))} tables, {total} rows compared; {bad} tables differ")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()

"""Compare two built demo databases table by table: the same tables, the same rows in the same
rowid order, column by column. Used to check that the parallel build (gongkai.web.demo.parallel)
makes the city the sequential build makes:

    .venv/bin/python bench/profile_demo_build.py --no-profile --sequential --data-dir A
    .venv/bin/python bench/profile_demo_build.py --no-profile --data-dir B
    .venv/bin/python bench/compare_demo_builds.py A/gongkai.sqlite3 B/gongkai.sqlite3

Prints each table's row count and, where they differ, how many rows differ in which columns (and
the first value that differs); exit status 1 if any table differs in anything but what two builds
can never share, even two sequential builds of the same code on the same day (:data:`VARYING`):
wall-clock timestamps, salted hashes, the random suffix of a stored file's name, and the digests of
PDF and DOCX files (which embed their creation time). The files themselves are compared without
that time: a PDF without its /CreationDate, /ModDate and /ID, a DOCX (a zip) by the bytes of each
member; JSON text without keys ending in ``sha256``. ``--strict`` compares every byte. Virtual
tables' shadow tables (FTS index pages) are skipped: their bytes depend on the order rows were
indexed in; the virtual table's own rows are compared.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sqlite3
import sys
import zipfile
from collections import Counter

#: Columns whose values differ between any two builds (see the module's docstring), and any
#: column whose name ends in "sha256".
VARYING = frozenset(
    {"created_at", "updated_at", "date_joined", "applied", "password", "query_code_hash", "receipt"}
)


def varying(column: str) -> bool:
    return column in VARYING or column.endswith("sha256")


def normalised(value: object) -> object:
    """A file without the creation time it embeds; JSON without digests (see the docstring)."""
    if isinstance(value, bytes) and value.startswith(b"%PDF"):
        value = re.sub(rb"/(CreationDate|ModDate) \(D:[^)]*\)", b"", value)
        return re.sub(rb"/ID\s*\[<[0-9a-fA-F]+><[0-9a-fA-F]+>\]", b"", value)
    if isinstance(value, bytes) and value.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(value)) as z:
            return sorted((name, z.read(name)) for name in z.namelist())
    if isinstance(value, str) and value.startswith("{"):
        try:
            data = json.loads(value)
        except ValueError:
            return value
        if isinstance(data, dict):
            return {k: v for k, v in data.items() if not k.endswith("sha256")}
    return value


def tables(db: sqlite3.Connection) -> list[str]:
    rows = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    virtual = [n for n, sql in rows if sql.upper().startswith("CREATE VIRTUAL")]
    return sorted(
        n for n, _ in rows if not n.startswith("sqlite_") and not any(n.startswith(v + "_") for v in virtual)
    )


def compare(a: sqlite3.Connection, b: sqlite3.Connection, *, strict: bool) -> tuple[int, int]:
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
                if u != v and (strict or (not varying(column) and normalised(u) != normalised(v))):
                    differing[column] += 1
                    examples.setdefault(column, (u, v))
        counted = len(rows_a) == len(rows_b)
        if not counted or differing:
            bad += 1
        note = "" if counted else f"  ROW COUNT {len(rows_a)} != {len(rows_b)}"
        if differing or not counted:
            print(f"{name}: {len(rows_a)} rows{note}")
            for column, n in differing.most_common():
                u, v = examples[column]
                print(f"    {column} differs in {n} rows, e.g. {str(u)[:60]!r} vs {str(v)[:60]!r}")
    return total, bad


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("first")
    parser.add_argument("second")
    parser.add_argument("--strict", action="store_true", help="compare every byte (nothing is VARYING)")
    args = parser.parse_args()
    a = sqlite3.connect(f"file:{args.first}?mode=ro", uri=True)
    b = sqlite3.connect(f"file:{args.second}?mode=ro", uri=True)
    total, bad = compare(a, b, strict=args.strict)
    print(f"{len(tables(a))} tables, {total} rows compared; {bad} tables differ")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()

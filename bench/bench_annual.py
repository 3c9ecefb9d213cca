"""Speed of the annual-report tables (issue 8): tables 2-4 for an agency with 100,000 applications
in < 1 s on PostgreSQL.

Migrates a throwaway database (``gongkai_bench_annual`` on 127.0.0.1; ``--sqlite`` uses a temporary
SQLite file), creates the measured agency with N applications (bulk_create) spread over 2019-2026,
every applicant type and every table-3 outcome -- a tenth still open, closings up to 400 days
after receipt so that many cross a year end -- plus as many applications again in nine other
agencies (so the agency filter matters), all stored in order of receipt, 2,000
reconsideration/litigation cases and a few thousand disclosure items and decisions. Then it
times ``report_tables(agency, year)`` (and ``facts_for`` and the first drill-down page's query)
``--repeat`` times after one warm-up and prints median, p95 and the SQL queries per call. The
database is dropped afterwards (``--keep`` keeps it, ``--reuse`` measures a kept one again).

Run: .venv/bin/python bench/bench_annual.py [--applications 100000] [--repeat 20] [--sqlite]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import webbench

ROOT = Path(__file__).resolve().parent.parent
PG_DB = "gongkai_bench_annual"
FIRST_YEAR, LAST_YEAR = 2019, 2026
YEAR = 2025


def _applications(agency: Any, n: int, rng: random.Random, start_serial: int) -> list[Any]:
    from gongkai.report.model import TABLE3_APPLICANT_KEYS, RowKind, Template, table3_rows_for
    from gongkai.web.applications.models import Application

    outcomes = [r.key for r in table3_rows_for(Template.Y2021) if r.kind is RowKind.OUTCOME]
    span = (date(LAST_YEAR, 12, 31) - date(FIRST_YEAR, 1, 1)).days
    submitted = datetime(2020, 1, 1, tzinfo=UTC)
    rows = []
    for i in range(n):
        received = date(FIRST_YEAR, 1, 1) + timedelta(days=rng.randrange(span))
        closed = None if rng.random() < 0.1 else received + timedelta(days=rng.randrange(400))
        serial = start_serial + i
        rows.append(
            Application(
                agency=agency,
                year=received.year,
                serial=serial,
                number=f"B{agency.pk}-{serial}",
                query_code_hash="x",
                applicant_type=rng.choice(TABLE3_APPLICANT_KEYS),
                description="基准测试申请",
                **webbench.APPLICANT,
                channel="online",
                submitted_at=submitted,
                received_on=received,
                status="closed" if closed else "in_progress",
                due_on=received + timedelta(days=28),
                closed_on=closed,
                resolution=rng.choice(outcomes) if closed else "",
            )
        )
    return rows


def populate(n: int) -> Any:
    from gongkai.web.accounts.models import Agency
    from gongkai.web.appeals.models import Appeal
    from gongkai.web.applications.models import Application
    from gongkai.web.disclosure.models import Category, Decision, Item

    rng = random.Random(8)
    agency = Agency.objects.create(name="平湖市科学技术局", short_name="平科")
    others = Agency.objects.bulk_create(Agency(name=f"示例市第{i}局") for i in range(9))
    rows = _applications(agency, n, rng, 1)
    for other in others:
        rows += _applications(other, n // 9, rng, 1)
    # Stored in order of receipt, agencies interleaved, as a live system fills the table (rows
    # stored agency by agency would flatter any plan that reads one agency's rows in table order).
    rows.sort(key=lambda a: a.received_on)
    Application.objects.bulk_create(rows, batch_size=5000)
    appeals = []
    for i in range(2000):
        filed = date(FIRST_YEAR, 1, 1) + timedelta(days=rng.randrange(2900))
        decided = None if rng.random() < 0.15 else filed + timedelta(days=rng.randrange(300))
        kind = rng.choice(["reconsideration", "litigation"])
        appeals.append(
            Appeal(
                agency=agency,
                kind=kind,
                after_reconsideration=kind == "litigation" and i % 2 == 0,
                body="示例市人民政府",
                applicant_name="张三",
                act_on=filed,
                known_on=filed,
                filed_on=filed,
                result=rng.choice(["upheld", "corrected", "other"]) if decided else "pending",
                decided_on=decided,
            )
        )
    Appeal.objects.bulk_create(appeals, batch_size=2000)
    category = Category.objects.create(agency=agency, code="01", name="规范性文件")
    Item.objects.bulk_create(
        (
            Item(
                agency=agency,
                category=category,
                year=2019 + i % 8,
                serial=i,
                index_number=f"BENCH-{i}",
                title=f"文件{i}",
                publisher=agency.name,
                doc_type=("normative", "regulation", "other")[i % 3],
                written_on=date(2019, 1, 1) + timedelta(days=i % 2900),
                made_on=date(2019, 1, 1) + timedelta(days=i % 2900),
            )
            for i in range(3000)
        ),
        batch_size=1000,
    )
    Decision.objects.bulk_create(
        (
            Decision(
                agency=agency,
                kind=("licensing", "penalty", "coercion", "fee")[i % 4],
                decided_on=date(2019, 1, 1) + timedelta(days=i % 2900),
                number=f"决{i}",
                amount=100 if i % 4 == 3 else None,
            )
            for i in range(5000)
        ),
        batch_size=1000,
    )
    print(f"{n} applications for the agency, {n // 9 * 9} elsewhere, 2000 appeals")
    return agency


def measure(call: Callable[[], Any], repeat: int) -> tuple[float, float, int]:
    from django.db import connection

    queries: list[str] = []

    def count(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        call()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        call()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return statistics.median(times), p95, len(queries)


def main() -> None:
    parser = webbench.database_options(argparse.ArgumentParser(), repeat=20)
    parser.add_argument("--applications", type=int, default=100_000)
    parser.add_argument("--keep", action="store_true", help="keep the PostgreSQL database afterwards")
    parser.add_argument("--reuse", action="store_true", help="measure a database kept by --keep")
    args = parser.parse_args()
    data_dir = tempfile.mkdtemp(prefix="gongkai-bench-annual-")
    webbench.use_database(data_dir, sqlite=args.sqlite, name=PG_DB, recreate=not args.reuse)
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from gongkai.web.annual import tables

    try:
        call_command("migrate", verbosity=0)
        t = time.perf_counter()
        if args.reuse:
            from gongkai.web.accounts.models import Agency

            agency = Agency.objects.get(name="平湖市科学技术局")
        else:
            agency = populate(args.applications)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        print(f"built in {time.perf_counter() - t:.0f} s on {connection.vendor}")
        for label, call in (
            ("report_tables", lambda: tables.report_tables(agency, YEAR)),
            ("table3_for", lambda: tables.table3_for(agency, YEAR)),
            ("table4_for", lambda: tables.table4_for(agency, YEAR)),
            ("facts_for", lambda: tables.facts_for(agency, YEAR)),
            (
                "cell page (count + 100 rows)",
                lambda: (
                    (qs := tables.cell_records(agency, YEAR, "table3.carry_next.total")).count(),
                    list(qs[:100]),
                ),
            ),
        ):
            median, p95, queries = measure(call, args.repeat)
            print(f"{label:<30} median {median:7.1f} ms  p95 {p95:7.1f} ms  ({queries} SQL queries)")
    finally:
        connection.close()
        if not args.sqlite and not args.keep:
            webbench.drop_database(PG_DB)


if __name__ == "__main__":
    main()

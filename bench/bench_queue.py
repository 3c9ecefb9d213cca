"""Speed of the work queue: an agency with 100,000 applications, rendered by the real view.

Issue 5: "the work queue of an agency with 100,000 applications renders in < 200 ms on
PostgreSQL". This script creates a throwaway database (``gongkai_bench`` on the PostgreSQL at
DATABASE_URL, default postgres://postgres@127.0.0.1:5432/gongkai_bench; ``--sqlite`` for a
temporary SQLite file instead), migrates it, bulk-creates N applications of one agency (plus a few
of a sibling agency) with due dates spread over two years, and times GET /work/ through Django's
test client for each queue view (all, due soon, overdue, mine) as a logged-in clerk and as the
supervisor (who also gets the per-agency table). The full response is rendered: every query, the
template, the 50-row page. The database is dropped afterwards.

Run: .venv/bin/python bench/bench_queue.py [N] [--sqlite] [--repeat R]

Issue 15, the task queue (not the work queue above): bench/bench_consumers.py.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta

import webbench

PG_DB = "gongkai_bench"


def _populate(n: int, open_share: float) -> tuple[object, object]:
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from gongkai.web.accounts.models import Agency, Membership, User
    from gongkai.web.applications.models import Application, RegistrationCounter
    from gongkai.web.applications.numbering import hash_query_code

    office = Agency.objects.create(name="示例市人民政府办公室", short_name="示政办")
    science = Agency.objects.create(name="平湖市科学技术局", short_name="平科", parent=office)
    finance = Agency.objects.create(name="示例市财政局", short_name="示财", parent=office)
    password = make_password("x")
    clerk = User.objects.create(username="clerk", password=password)
    supervisor = User.objects.create(username="supervisor", password=password)
    Membership.objects.create(user=clerk, agency=science, role="clerk")
    Membership.objects.create(user=supervisor, agency=office, role="supervisor")
    open_states = [
        "received",
        "in_progress",
        "awaiting_correction",
        "consulting_third_party",
        "reply_drafted",
        "under_review",
        "approved",
    ]
    rng = random.Random(20261127)
    first = date(2025, 1, 2)
    code_hash = hash_query_code("bench", "ABCD2345")
    at = timezone.make_aware(datetime(2025, 6, 1, 10))
    batch: list[Application] = []
    created = 0
    for i in range(n + n // 20):
        agency = science if i < n else finance
        serial = i + 1 if agency is science else i - n + 1
        year = 2025 + (serial % 2)
        received = first + timedelta(days=(i * 7919) % 680)
        batch.append(
            Application(
                agency=agency,
                year=year,
                serial=serial,
                number=f"{agency.short_name}依申〔{year}〕{serial:06d}号",
                query_code_hash=code_hash,
                applicant_type="natural",
                description="2025年度科技项目补助资金分配结果",
                **webbench.APPLICANT,
                channel="online",
                submitted_at=at,
                received_on=received,
                status=rng.choice(open_states)
                if rng.random() < open_share
                else rng.choice(("closed", "issued")),
                due_on=received + timedelta(days=28),
                correction_notice_due=received + timedelta(days=9),
                extended_due=received + timedelta(days=56),
                assignee=clerk if i % 3 == 0 else None,
            )
        )
        if len(batch) == 5000:
            Application.objects.bulk_create(batch)
            created += len(batch)
            batch = []
    Application.objects.bulk_create(batch)
    RegistrationCounter.objects.create(agency=science, year=2026, last=n)
    return clerk, supervisor


def _time_views(
    clerk: object, supervisor: object, repeat: int
) -> list[tuple[str, float, float, float, int, float, float]]:
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from gongkai.web.applications import views

    views.today = lambda: date(2026, 6, 15)  # a fixed day inside the spread of due dates
    rows = []
    for who, user in (("clerk", clerk), ("supervisor", supervisor)):
        client = Client()
        client.force_login(user)
        for view in ("all", "soon", "overdue", "mine"):
            url = f"/work/?view={view}"
            assert client.get(url).status_code == 200  # warm-up (templates, calendar cache)
            times = []
            for _ in range(repeat):
                start = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - start) * 1000)
                assert response.status_code == 200
            sql_ms: list[float] = []

            def timed(execute, sql, params, many, context, sql_ms=sql_ms):  # type: ignore[no-untyped-def]
                start = time.perf_counter()
                try:
                    return execute(sql, params, many, context)
                finally:
                    sql_ms.append((time.perf_counter() - start) * 1000)

            with CaptureQueriesContext(connection) as queries, connection.execute_wrapper(timed):
                client.get(url)
            count = len(queries)
            reset_queries()
            rows.append(
                (
                    f"{who} {view}",
                    statistics.median(times),
                    min(times),
                    max(times),
                    count,
                    sum(sql_ms),
                    max(sql_ms),
                )
            )
    return rows


def main() -> int:
    parser = webbench.parser(__doc__.splitlines()[0], repeat=15)
    parser.add_argument(
        "--open-share", type=float, default=0.7, help="share of the cases still open (default 0.7)"
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the PostgreSQL database (to EXPLAIN queries)"
    )
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory(prefix="gongkai-bench-")
    webbench.use_database(tmp.name, sqlite=args.sqlite, name=PG_DB)
    try:
        webbench.migrated()
        start = time.perf_counter()
        clerk, supervisor = _populate(args.n, args.open_share)
        from django.db import connection

        if connection.vendor == "postgresql":
            # What autovacuum does to a live table: statistics, and the visibility map that
            # lets the tab counts be index-only scans.
            with connection.cursor() as cur:
                cur.execute("VACUUM ANALYZE applications_application")
        print(
            f"database: {connection.vendor}; {args.n:,} applications of one agency (+{args.n // 20:,} of a "
            f"sibling) created in {time.perf_counter() - start:.1f} s"
        )
        print(
            f"{'GET /work/?view=':<22}{'median ms':>10}{'min ms':>9}{'max ms':>9}{'queries':>9}{'SQL ms':>8}"
            f"{'slowest':>9}"
        )
        for label, median, low, high, queries, sql, slowest in _time_views(clerk, supervisor, args.repeat):
            print(f"{label:<22}{median:10.1f}{low:9.1f}{high:9.1f}{queries:9d}{sql:8.1f}{slowest:9.1f}")
        connection.close()
    finally:
        if not args.sqlite and not args.keep:
            webbench.drop_database(PG_DB)
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())

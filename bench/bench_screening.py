"""Speed of the screening prompts (重复申请, 第三十五条) on a large agency.

Issue 6 / brief B2: the case page shows the applicant's earlier same-or-similar applications and
this month's and year's counts; it must use indexed queries, never scan all applications.
This script creates a throwaway database (``gongkai_bench_screening`` on the PostgreSQL at
127.0.0.1:5432; ``--sqlite`` for a temporary SQLite file), bulk-creates N applications of one
agency from N/5 applicants (five each) plus one prolific applicant with 600, and times
``gongkai.web.applications.screening.screen`` for an ordinary applicant's case and for the
prolific applicant's (whose comparison is bounded by COMPARED_AT_MOST). It also prints the plans
of both queries (they must be index scans; EXPLAIN QUERY PLAN on SQLite). The database is dropped
afterwards.

Run: .venv/bin/python bench/bench_screening.py [N] [--sqlite] [--repeat R]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta

import webbench

PG_DB = "gongkai_bench_screening"


def _populate(n: int) -> tuple[object, object]:
    from django.utils import timezone

    from gongkai.web.accounts.models import Agency
    from gongkai.web.applications.models import Application

    science = Agency.objects.create(name="平湖市科学技术局", short_name="平科")
    at = timezone.make_aware(datetime(2026, 3, 1, 10))
    subjects = ["科技项目补助资金分配结果", "高新技术企业认定名单", "部门预算", "专家库名单", "验收报告"]
    batch: list[Application] = []
    total = n + 600
    for i in range(total):
        prolific = i >= n
        person = 999_999 if prolific else i // 5
        batch.append(
            Application(
                agency=science,
                year=2026,
                serial=i + 1,
                number=f"平科依申〔2026〕{i + 1:07d}号",
                query_code_hash="x",
                applicant_type="natural",
                name=f"申请人{person}",
                id_type="resident_id",
                id_number=f"3301{person:014d}",
                phone=f"138{person:08d}",
                description=f"{2020 + i % 6}年度{subjects[(i // 7) % 5]}（第{i % 13}批）",
                delivery_form="electronic",
                delivery_method="email",
                channel="online",
                submitted_at=at,
                received_on=date(2025, 1, 2) + timedelta(days=(i * 7919) % 450),
                status="closed",
            )
        )
        if len(batch) == 5000:
            Application.objects.bulk_create(batch)
            batch = []
    Application.objects.bulk_create(batch)
    ordinary = Application.objects.filter(id_number=f"3301{(n // 10):014d}").order_by("-pk").first()
    heavy = Application.objects.filter(id_number=f"3301{999_999:014d}").order_by("-pk").first()
    return ordinary, heavy


def main() -> int:
    parser = webbench.parser(__doc__.splitlines()[0], repeat=50)
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory(prefix="gongkai-bench-")
    webbench.use_database(tmp.name, sqlite=args.sqlite, name=PG_DB)
    try:
        webbench.migrated()
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from gongkai.web.applications.screening import screen

        ordinary, heavy = _populate(args.n)
        if connection.vendor == "postgresql":
            with connection.cursor() as cur:
                cur.execute("VACUUM ANALYZE applications_application")
        print(f"{connection.vendor}: {args.n + 600} applications")
        for label, app in (("ordinary applicant (5 applications)", ordinary), ("prolific (600)", heavy)):
            screen(app)  # warm-up
            times = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                result = screen(app)
                times.append((time.perf_counter() - start) * 1000)
            print(
                f"{label:38s} median {statistics.median(times):6.2f} ms  max {max(times):6.2f} ms"
                f"  hits {len(result.hits)}  month {result.month_count}  year {result.year_count}"
            )
            with CaptureQueriesContext(connection) as queries:
                screen(app)
            pg = connection.vendor == "postgresql"
            with connection.cursor() as cur:
                for q in queries.captured_queries:
                    cur.execute(("EXPLAIN " if pg else "EXPLAIN QUERY PLAN ") + q["sql"])
                    rows = [str(r[0] if pg else r[-1]).strip() for r in cur.fetchall()]
                    plan = " / ".join(r for r in rows if not pg or "Scan" in r)
                    print(f"    plan: {plan[:220]}")
    finally:
        if not args.sqlite:
            from django.db import connections

            connections.close_all()
            webbench.drop_database(PG_DB)
    return 0


if __name__ == "__main__":
    sys.exit(main())

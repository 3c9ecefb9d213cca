"""Speed of the supervisor's pages (issue 8): the year view of 300 agencies in < 2 s on PostgreSQL.

Migrates a throwaway PostgreSQL database (``gongkai_bench_oversight`` on 127.0.0.1; ``--sqlite``
uses a temporary SQLite file instead), creates a supervising office with N agencies below it and,
for each of ``--years`` years, a published report (generated, balanced: gongkai.report.samples)
for 2/3 of the agencies -- a tenth of them corrected once (a superseded version kept) -- and an
uploaded, checked report file for 1/5; the rest are missing. Then it requests, as the office's
公开办 through Django's test client (URL routing, permissions, queries, template rendering --
everything but the network), the year view, the 汇总 and trends page and the XLSX export,
``--repeat`` times each after one warm-up, and prints the median, p95 and the number of SQL
queries per request. The database is dropped afterwards.

Last, it uploads ``--check`` rendered DOCX reports as one batch and times reading and checking them.

Run: .venv/bin/python bench/bench_oversight.py [--agencies 300] [--years 5] [--repeat 20] [--check 20]
     [--sqlite]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import webbench

ROOT = Path(__file__).resolve().parent.parent
PG_DB = "gongkai_bench_oversight"
YEAR = 2025


def populate(n_agencies: int, years: int) -> Any:
    """The data described above; returns the office's 公开办 user."""
    from gongkai.report import jsonio, samples
    from gongkai.web.accounts.models import Agency, Membership, User
    from gongkai.web.annual.models import AnnualReport
    from gongkai.web.oversight.models import BulkCheckJob, UploadedReport

    office = Agency.objects.create(name="示例市人民政府办公室")
    agencies = Agency.objects.bulk_create(
        Agency(name=f"示例市第{i:03d}局", parent=office) for i in range(n_agencies)
    )
    supervisor = User.objects.create_user(username="bench-supervisor", password="x")
    Membership.objects.create(user=supervisor, agency=office, role="supervisor")
    reports, uploads = [], []
    for year in range(YEAR - years + 1, YEAR + 1):
        job = BulkCheckJob.objects.create(supervisor_agency=office, year=year, total=0, created_by=supervisor)
        for i, agency in enumerate(agencies):
            data = jsonio.report_to_dict(
                samples.balanced_report(i * 31 + year, agency=agency.name, year=year)
            )
            # Days 0..39 after 1 January: about a quarter of the reports are late (after 31 January).
            published = datetime(year + 1, 1, 1, 2, tzinfo=UTC) + timedelta(days=i % 40)
            if i % 3 != 2:
                if i % 10 == 0:
                    reports.append(
                        AnnualReport(
                            agency=agency,
                            year=year,
                            version=1,
                            state="superseded",
                            data=data,
                            published_at=published,
                        )
                    )
                reports.append(
                    AnnualReport(
                        agency=agency,
                        year=year,
                        version=2 if i % 10 == 0 else 1,
                        state="published",
                        data=data,
                        published_at=published,
                        errors=i % 2,
                        warnings=i % 4,
                    )
                )
            elif i % 15 != 14:
                content = json.dumps(data, ensure_ascii=False).encode()
                uploads.append(
                    UploadedReport(
                        job=job,
                        agency=agency,
                        year=year,
                        filename=f"{agency.name}.json",
                        content=content,
                        sha256=hashlib.sha256(content).hexdigest(),
                        state="checked",
                        data=data,
                        uploaded_by=supervisor,
                    )
                )
    AnnualReport.objects.bulk_create(reports, batch_size=500)
    UploadedReport.objects.bulk_create(uploads, batch_size=500)
    print(
        f"{n_agencies} agencies, {years} years: {len(reports)} stored report versions, {len(uploads)} uploads"
    )
    return supervisor


def measure(client: object, url: str, repeat: int) -> tuple[float, float, int]:
    from django.db import connection

    queries: list[str] = []

    def count(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(url)  # type: ignore[attr-defined]
    assert response.status_code == 200, (url, response.status_code)
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        response = client.get(url)  # type: ignore[attr-defined]
        times.append((time.perf_counter() - t) * 1000)
        assert response.status_code == 200
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return statistics.median(times), p95, len(queries)


def time_bulk_check(supervisor: Any, n: int) -> None:
    """Upload ``n`` published DOCX reports in one ZIP-less batch and time reading and checking them
    (huey immediate mode: the tasks run in this process as the upload commits)."""
    from gongkai.report import render, samples
    from gongkai.web.accounts.models import Agency
    from gongkai.web.oversight import actions
    from gongkai.web.oversight.models import BulkCheckJob

    office = Agency.objects.get(name="示例市人民政府办公室")
    names = list(Agency.objects.filter(parent=office).order_by("name").values_list("name", flat=True)[:n])
    files = [
        actions.IncomingFile(
            f"{name}.docx", render.render(samples.balanced_report(i, agency=name, year=YEAR + 1), "docx")
        )
        for i, name in enumerate(names)
    ]
    t = time.perf_counter()
    job = actions.do_upload_reports(office, YEAR + 1, files, acting_user=supervisor)
    elapsed = time.perf_counter() - t
    job = BulkCheckJob.objects.get(pk=job.pk)
    assert job.finished and job.done == len(files), (job.done, job.failed)
    print(
        f"bulk check       {len(files)} DOCX files read, matched and checked in {elapsed:.1f} s "
        f"({elapsed / len(files) * 1000:.0f} ms per file, one worker)"
    )


def main() -> None:
    parser = webbench.database_options(argparse.ArgumentParser(), repeat=20)
    parser.add_argument("--agencies", type=int, default=300)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--check", type=int, default=20, help="DOCX files for the bulk-check timing")
    args = parser.parse_args()
    webbench.use_database(tempfile.mkdtemp(prefix="gongkai-bench-oversight-"), sqlite=args.sqlite, name=PG_DB)
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    try:
        call_command("migrate", verbosity=0)
        t = time.perf_counter()
        supervisor = populate(args.agencies, args.years)
        print(f"built in {time.perf_counter() - t:.0f} s on {connection.vendor}")
        client = Client()
        client.force_login(supervisor)
        for label, url in (
            ("year view", f"/work/oversight/{YEAR}/"),
            ("汇总 + trends", f"/work/oversight/{YEAR}/combined/"),
            ("XLSX export", f"/work/oversight/{YEAR}/export.xlsx"),
        ):
            median, p95, queries = measure(client, url, args.repeat)
            print(f"{label:<16} median {median:7.1f} ms  p95 {p95:7.1f} ms  ({queries} SQL queries)")
        time_bulk_check(supervisor, args.check)
    finally:
        connection.close()
        if not args.sqlite:
            webbench.drop_database(PG_DB)


if __name__ == "__main__":
    main()

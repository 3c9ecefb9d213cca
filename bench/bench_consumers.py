"""Issue 15: consumers of one Redis share the bulk checking of a supervisor's upload.

Stores FILES uploaded reports (default 2,000: DOCX, XLSX, HTML and JSON rendered from 40 generated
reports of distinct agencies) in a throw-away database -- PostgreSQL ``gongkai_bench_consumers_<pid>`` on
127.0.0.1:5432 (production), or ``--sqlite`` the embedded SQLite file -- enqueues one
``check_upload`` task each on Redis 127.0.0.1:6379/13 (``--redis-db``), starts N consumers (``gongkai manage
run_huey -w W -k thread|process``) and times until every file is checked. Runs N = 1, 2, 1, 2, ...
(``--repeat`` pairs) on the same files, reset between runs.

The machine is shared with other work, so wall-clock alone does not say whether consumers scale.
Each run also accounts for where the CPU went, from /proc (the same counters ``perf stat``'s
task-clock reads):

- the consumers' own CPU (``wait4``) and, per consumer, its busiest thread's time on a core, time
  runnable but waiting for a core (``/proc/<pid>/task/*/schedstat``: taken by other processes),
  and the rest, blocked (waiting on the database, Redis or the disk);
- the database server's CPU (every ``postgres`` process, plus the postmaster's reaped children),
  Redis's, the timing process's own, and the rest of the machine's (``/proc/stat`` busy time minus
  all these: other people's work);
- the load average at start and end.

From these: files per consumer-CPU-second (do consumers slow each other down?), database + Redis
CPU per file (the share that does not grow with consumers), and the wall time the run would have
taken had no worker, nor its database backend, waited for a core (``wall`` less the workers' mean
run-queue wait and their share of their backends': what consumers and a database with cores of
their own would see). ``--pin`` pins consumer i to core i (``taskset``).
``--nice -15`` runs the consumers (each a session of its own: its autogroup gets the priority),
their database connections (among the server's processes) and the timing process ahead of
other work (a share of the cores close to having them alone).

Run: .venv/bin/python bench/bench_consumers.py [FILES] [--sqlite] [--repeat R] [--pin]
     [--counts 1,2] [--workers W] [--worker-type thread|process] [--nice N] [--redis-db D]
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import webbench

#: Redis database 13 (``--redis-db``), a PostgreSQL database of the run's own.
REDIS_BENCH = "redis://127.0.0.1:6379/{}"
PG_DB = f"gongkai_bench_consumers_{os.getpid()}"
TICK = os.sysconf("SC_CLK_TCK")


def _report_files(count: int) -> list[tuple[str, bytes]]:
    from gongkai.report import jsonio, samples
    from gongkai.report.render import render

    formats = ("docx", "xlsx", "html", "json")
    rendered = []
    for n in range(40):
        report = samples.balanced_report(n, agency=f"示例市第{n}局", year=2025)
        fmt = formats[n % len(formats)]
        data = jsonio.dumps(report).encode("utf-8") if fmt == "json" else render(report, fmt)
        rendered.append((fmt, data))
    return [(f"报告{i:04d}.{rendered[i % 40][0]}", rendered[i % 40][1]) for i in range(count)]


def _stat(pid: int | str) -> list[str]:
    """Fields of /proc/<pid>/stat after the command name (field 3, the state, is index 0)."""
    text = Path(f"/proc/{pid}/stat").read_text()
    return text[text.rindex(")") + 2 :].split()


def _cpu_of(pid: int | str, children: bool = False) -> float:
    """Seconds of CPU of a process (user + system), or of its reaped children."""
    fields = _stat(pid)
    first = 13 if children else 11  # utime, stime are fields 14, 15; cutime, cstime 16, 17
    return (int(fields[first]) + int(fields[first + 1])) / TICK


def _processes(name: str) -> list[str]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() == name:
                    found.append(entry.name)
            except OSError:
                pass  # ended meanwhile
    return found


def _server_cpu(name: str) -> float:
    """CPU of every process called ``name`` (postgres: backends and helpers), plus what their
    parents collected from those that ended (backends of closed connections)."""
    total = 0.0
    for pid in _processes(name):
        with contextlib.suppress(OSError):  # ended meanwhile
            total += _cpu_of(pid)
            if name == "postgres" and int(_stat(pid)[1]) == 1:  # the postmaster (parent: init)
                total += _cpu_of(pid, children=True)
    return total


def _machine_busy() -> float:
    """Seconds of CPU the whole machine has spent busy since boot (all cores)."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = values[:8]
    return (user + nice + system + irq + softirq + steal) / TICK


def _tree(pid: int) -> list[int]:
    """``pid`` and its child processes (huey's process workers)."""
    found = [pid]
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int(_stat(entry.name)[1]) == pid:
                    found.append(int(entry.name))
            except OSError:
                pass
    return found


def _tree_cpu(pid: int) -> float:
    return sum(_cpu_of(p) for p in _tree(pid))


def _busy_threads(pid: int) -> list[tuple[float, float]]:
    """(seconds on a core, seconds runnable but waiting for a core) of the worker threads of
    ``pid`` and its worker processes: those on a core at least a quarter as long as the busiest
    (not the consumer's scheduler, nor its main thread once Django is set up)."""
    found = []
    for process in _tree(pid):
        for task in Path(f"/proc/{process}/task").iterdir():
            run, wait = (int(v) / 1e9 for v in (task / "schedstat").read_text().split()[:2])
            found.append((run, wait))
    busiest = max(run for run, _ in found)
    return [(run, wait) for run, wait in found if run >= busiest / 4]


@dataclass
class Run:
    consumers: int
    wall: float = 0.0
    steady: float = 0.0  # files/s from the first finished file on (the consumers' start-up left out)
    done: int = 0
    consumer_cpu: float = 0.0
    #: the consumers' CPU from the first finished file on, and the files finished since
    steady_cpu: float = 0.0
    steady_files: int = 0
    #: the database server's processes serving the consumers; all of the server's (other people's too)
    database_cpu: float = 0.0
    #: how long the database processes serving the consumers waited for a core
    database_wait: float = 0.0
    all_database_cpu: float = 0.0
    redis_cpu: float = 0.0
    own_cpu: float = 0.0
    machine_cpu: float = 0.0
    load: tuple[float, float] = (0.0, 0.0)
    #: per worker thread: (on a core, waiting for a core) seconds
    workers: list[tuple[float, float]] = field(default_factory=list)

    @property
    def others_cpu(self) -> float:
        return self.machine_cpu - self.consumer_cpu - self.all_database_cpu - self.redis_cpu - self.own_cpu

    @property
    def own_core_wall(self) -> float:
        """The wall time had no worker, nor the database process serving it, waited for a core:
        the wall time less the workers' mean run-queue wait and their share of the database
        processes' (they take tasks from one queue, so a worker that waited less took more)."""
        waits = statistics.mean(wait for _, wait in self.workers)
        return self.wall - waits - self.database_wait / len(self.workers)


def _finished(job_id: int) -> int:
    from gongkai.web.oversight.models import UploadedReport, UploadState

    count: int = UploadedReport.objects.filter(
        job_id=job_id,
        # Every state a finished check ends in: a file whose agency differs from the one it was
        # assigned (all of them here: 40 agencies uploaded as the office's) awaits confirmation.
        state__in=[UploadState.CHECKED, UploadState.FAILED, UploadState.UNASSIGNED, UploadState.UNCONFIRMED],
    ).count()
    return count


def _backends(seen: dict[int, tuple[float, float]], nice: int) -> None:
    """Note the CPU and run-queue wait of the database server's processes serving the consumers'
    connections (into ``seen``, by process id: a connection closed after its maximum age takes its
    backend with it), and give them the consumers' priority (``nice``) among the server's processes."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        for (pid,) in cursor.fetchall():
            with contextlib.suppress(OSError):  # ended meanwhile
                wait = int(Path(f"/proc/{pid}/schedstat").read_text().split()[1]) / 1e9
                seen[pid] = (_cpu_of(pid), wait)
                if nice:
                    os.setpriority(os.PRIO_PROCESS, pid, nice)


def _one_run(
    job_id: int, ids: list[int], consumers: int, env: dict[str, str], args: argparse.Namespace
) -> Run:
    import redis

    from gongkai.web.oversight.models import BulkCheckJob, UploadedReport, UploadState
    from gongkai.web.oversight.tasks import check_upload

    count = len(ids)
    redis.Redis.from_url(env["REDIS_URL"]).flushdb()
    UploadedReport.objects.filter(job_id=job_id).update(
        state=UploadState.QUEUED, data=None, findings=[], errors=0, warnings=0, mismatch=""
    )
    BulkCheckJob.objects.filter(pk=job_id).update(done=0, failed=0)
    for pk in ids:
        check_upload(pk)
    command = [
        sys.executable,
        "-m",
        "gongkai",
        "manage",
        "run_huey",
        "-w",
        str(args.workers),
        "-k",
        args.worker_type,
    ]
    run = Run(consumers, load=(os.getloadavg()[0], 0.0))
    before = (_server_cpu("postgres"), _server_cpu("redis-server"), _machine_busy())
    own = resource.getrusage(resource.RUSAGE_SELF)
    started = time.perf_counter()
    processes = [
        subprocess.Popen(
            (["taskset", "-c", str(i % os.cpu_count()), *command] if args.pin else command),  # type: ignore[operator]
            env=env,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for i in range(consumers)
    ]
    for process in processes:
        if args.nice:
            # Each consumer is a session of its own, so its autogroup (the kernel schedules
            # sessions against each other first, then processes within them) gets the priority.
            Path(f"/proc/{process.pid}/autogroup").write_text(str(args.nice))
            os.setpriority(os.PRIO_PROCESS, process.pid, args.nice)  # its threads and workers inherit it
    try:
        first = None  # when the first file is done: the consumers' start-up is not checking
        backends: dict[int, tuple[float, float]] = {}
        finished = 0
        polls = 0
        while finished < count and time.perf_counter() < started + 3600:
            time.sleep(0.25)
            polls += 1
            # The job's own counters, as its page reads them; every 5 s the files themselves too
            # (the counters once lost updates between consumers, and would never reach the total).
            counters = BulkCheckJob.objects.filter(pk=job_id).values_list("done", "failed").get()
            finished = sum(counters)
            if polls % 20 == 0:
                finished = max(finished, _finished(job_id))
            if not args.sqlite and polls % 4 == 1:
                _backends(backends, args.nice)
            if first is None and finished:
                first = (time.perf_counter(), finished, sum(_tree_cpu(p.pid) for p in processes))
        run.wall = time.perf_counter() - started
        if first is not None and run.wall > first[0] - started:
            run.steady = (count - first[1]) / (started + run.wall - first[0])
            run.steady_cpu = sum(_tree_cpu(p.pid) for p in processes) - first[2]
            run.steady_files = count - first[1]
        if not args.sqlite:
            _backends(backends, args.nice)
            run.database_cpu = sum(cpu for cpu, _ in backends.values())
            run.database_wait = sum(wait for _, wait in backends.values())
        for process in processes:
            run.workers.extend(_busy_threads(process.pid))
            # Read before stopping: all the consumer's threads and worker processes.
            run.consumer_cpu += _tree_cpu(process.pid)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait()
    after_own = resource.getrusage(resource.RUSAGE_SELF)
    run.own_cpu = (after_own.ru_utime + after_own.ru_stime) - (own.ru_utime + own.ru_stime)
    run.all_database_cpu = _server_cpu("postgres") - before[0] if not args.sqlite else 0.0
    run.redis_cpu = _server_cpu("redis-server") - before[1]
    run.machine_cpu = _machine_busy() - before[2]
    run.load = (run.load[0], os.getloadavg()[0])
    run.done = _finished(job_id)
    counters = BulkCheckJob.objects.filter(pk=job_id).values_list("done", "failed").get()
    if sum(counters) != run.done:
        print(f"  the job's counters say {sum(counters)} finished, its files {run.done}")
    return run


def _print_run(run: Run, count: int) -> None:
    per_file = 1000 / count
    workers = "; ".join(f"on a core {r:.0f} s, waiting for a core {w:.0f} s" for r, w in run.workers)
    steady = run.steady_cpu * 1000 / run.steady_files if run.steady_files else float("nan")
    rate = run.done / run.wall
    print(
        f"{run.consumers} consumer(s): {run.done}/{count} in {run.wall:.1f} s ({rate:.1f} files/s, "
        f"{run.steady:.1f} after start-up); without waiting for a core {run.own_core_wall:.1f} s; "
        f"load {run.load[0]:.1f} -> {run.load[1]:.1f}\n"
        f"    CPU ms per file: consumers {run.consumer_cpu * per_file:.1f} ({steady:.1f} after start-up), "
        f"database {run.database_cpu * per_file:.1f} (server {run.all_database_cpu * per_file:.1f}), "
        f"Redis {run.redis_cpu * per_file:.1f}, this timing process {run.own_cpu * per_file:.1f}; "
        f"other people's work {run.others_cpu:.0f} CPU-s of the machine's {run.machine_cpu:.0f}\n"
        f"    worker threads: {workers}; their database processes waited {run.database_wait:.0f} s for one",
        flush=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="?", type=int, default=2000)
    parser.add_argument("--sqlite", action="store_true", help="the embedded SQLite database, not PostgreSQL")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each consumer count (default 2)")
    parser.add_argument("--counts", default="1,2", help="consumer counts, in order (default 1,2)")
    parser.add_argument("--pin", action="store_true", help="pin consumer i to core i (taskset)")
    parser.add_argument("--workers", type=int, default=1, help="workers per consumer (default 1)")
    parser.add_argument("--worker-type", default="thread", choices=("thread", "process"))
    parser.add_argument(
        "--nice",
        type=int,
        default=0,
        help="run the consumers, their database connections and this process at this priority "
        "(e.g. -15: ahead of other work on a shared machine; needs root)",
    )
    parser.add_argument("--redis-db", type=int, default=13, help="Redis database to use (default 13)")
    args = parser.parse_args()
    import redis

    tmp = tempfile.TemporaryDirectory(prefix="gongkai-bench-consumers-")
    webbench.use_database(tmp.name, sqlite=args.sqlite, name=PG_DB)
    os.environ["REDIS_URL"] = REDIS_BENCH.format(args.redis_db)
    os.environ.pop("GONGKAI_HUEY_IMMEDIATE", None)
    env = dict(os.environ)
    if args.nice:
        os.setpriority(os.PRIO_PROCESS, 0, args.nice)
    try:
        webbench.migrated()
        from django.contrib.auth.hashers import make_password
        from django.db import connection

        from gongkai.web.accounts.models import Agency, User
        from gongkai.web.oversight.models import BulkCheckJob, UploadedReport

        office = Agency.objects.create(name="示例市人民政府办公室", short_name="示政办")
        user = User.objects.create(username="supervisor", password=make_password("x"))
        job = BulkCheckJob.objects.create(
            supervisor_agency=office, year=2025, total=args.files, created_by=user
        )
        files = _report_files(args.files)
        UploadedReport.objects.bulk_create(
            UploadedReport(
                job=job,
                agency=office,
                year=2025,
                filename=name,
                content=data,
                sha256=hashlib.sha256(data).hexdigest(),
                uploaded_by=user,
            )
            for name, data in files
        )
        ids = list(UploadedReport.objects.filter(job=job).order_by("pk").values_list("pk", flat=True))
        print(
            f"{args.files} files on {connection.vendor}, consumers run_huey -w {args.workers} "
            f"-k {args.worker_type}{', pinned' if args.pin else ''}"
            f"{f', nice {args.nice}' if args.nice else ''}; "
            f"{os.cpu_count()} cores",
            flush=True,
        )
        counts = [int(c) for c in args.counts.split(",")]
        runs: dict[int, list[Run]] = {c: [] for c in counts}
        for _ in range(args.repeat):
            for consumers in counts:
                run = _one_run(job.pk, ids, consumers, env, args)
                _print_run(run, args.files)
                runs[consumers].append(run)
        connection.close()
    finally:
        redis.Redis.from_url(os.environ["REDIS_URL"]).flushdb()
        if not args.sqlite:
            webbench.drop_database(PG_DB)
        tmp.cleanup()
    base = counts[0]
    for consumers in counts[1:]:
        wall = statistics.median(r.wall for r in runs[base]) / statistics.median(
            r.wall for r in runs[consumers]
        )
        own = statistics.median(r.own_core_wall for r in runs[base]) / statistics.median(
            r.own_core_wall for r in runs[consumers]
        )
        per_cpu = [
            statistics.median(r.steady_files / r.steady_cpu for r in runs[c]) for c in (base, consumers)
        ]
        print(
            f"{consumers} consumers against {base} (medians): {wall:.2f}x wall-clock, "
            f"{own:.2f}x without waiting for a core; files per consumer-CPU-second after start-up "
            f"{per_cpu[0]:.1f} -> {per_cpu[1]:.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

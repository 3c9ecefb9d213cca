"""The embedded task queue is durable (issue 15, point 8): a task enqueued into the SQLite queue
survives the process that enqueued it being killed, and a new consumer runs it; an upload left
half-read by a killed consumer is put back on the queue when a consumer starts again."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

GONGKAI = [sys.executable, "-m", "gongkai"]

_ENQUEUE_AND_DIE = """
import hashlib, os, signal
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from gongkai.report import jsonio, samples
from gongkai.web.accounts.models import Agency, User
from gongkai.web.oversight.models import BulkCheckJob, UploadedReport
from gongkai.web.oversight.tasks import check_upload
from huey.contrib.djhuey import HUEY

agency = Agency.objects.create(name="示例市财政局", short_name="示财")
user = User.objects.create(username="supervisor")
job = BulkCheckJob.objects.create(supervisor_agency=agency, year=2025, total=2, created_by=user)
for name in ("a.json", "b.json"):
    content = jsonio.dumps(samples.balanced_report(7, agency=agency.name, year=2025)).encode()
    UploadedReport.objects.create(job=job, agency=agency, year=2025, filename=name, content=content,
                                  sha256=hashlib.sha256(content).hexdigest(), uploaded_by=user)
check_upload(UploadedReport.objects.get(filename="a.json").pk)
assert not HUEY.immediate and HUEY.pending_count() == 1
os.kill(os.getpid(), signal.SIGKILL)  # kill -9 before anything else happens
"""


def _env(tmp_path: Path) -> dict[str, str]:
    drop = ("DATABASE_URL", "REDIS_URL", "GONGKAI_HUEY_IMMEDIATE")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    return {**env, "GONGKAI_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "gongkai.web.settings"}


def _states(tmp_path: Path) -> dict[str, str]:
    with sqlite3.connect(tmp_path / "gongkai.sqlite3", timeout=30) as db:
        return dict(db.execute("SELECT filename, state FROM oversight_uploadedreport").fetchall())


def _run_until(
    tmp_path: Path, command: list[str], done: dict[str, str], seconds: float = 90
) -> dict[str, str]:
    """Run ``gongkai COMMAND`` until the uploads reach the ``done`` states (or time runs out)."""
    process = subprocess.Popen(
        [*GONGKAI, *command], env=_env(tmp_path), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + seconds
        states = _states(tmp_path)
        while time.monotonic() < deadline and any(states[k] != v for k, v in done.items()):
            time.sleep(0.5)
            states = _states(tmp_path)
        return states
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_a_task_survives_a_killed_process_and_runs_in_a_new_consumer(tmp_path: Path) -> None:
    died = subprocess.run(
        [sys.executable, "-c", _ENQUEUE_AND_DIE],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert died.returncode == -9, died.stderr
    assert _states(tmp_path) == {"a.json": "queued", "b.json": "queued"}
    with sqlite3.connect(tmp_path / "queue.sqlite3") as queue:
        assert queue.execute("SELECT count(*) FROM task").fetchone() == (1,)

    # `gongkai serve` starts a consumer beside the web server, which runs the task left in the queue.
    port = str(19000 + os.getpid() % 1000)
    states = _run_until(tmp_path, ["serve", "--port", port], {"a.json": "checked"})
    assert states["a.json"] == "checked"

    # b.json lost its task (it was never enqueued) and a consumer died while reading it: the next
    # consumer puts it back on the queue at start and checks it.
    with sqlite3.connect(tmp_path / "gongkai.sqlite3") as db:
        db.execute("UPDATE oversight_uploadedreport SET state = 'reading' WHERE filename = 'b.json'")
    states = _run_until(tmp_path, ["manage", "run_huey"], {"b.json": "checked"})
    assert states == {"a.json": "checked", "b.json": "checked"}

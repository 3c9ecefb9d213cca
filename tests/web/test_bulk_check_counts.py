"""The counts of a bulk-check job while consumers check its files (issue 15 point 8: two consumers
on one Redis share a folder of 2,000 reports).

A finished check adds its file to the job's counts instead of counting all the job's files again:
that count grew with the job (at 2,000 files a third of a check's time on SQLite, holding the write
lock the other consumer waits for), and two consumers counting at once on PostgreSQL each wrote a
total that missed the other's file. The counts must still follow every step that changes a file."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gongkai.report import jsonio, samples
from gongkai.web.audit.models import AuditEvent
from gongkai.web.oversight import actions, checking
from gongkai.web.oversight.models import BulkCheckJob, UploadedReport, UploadState

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_process_queue")]


def _report(agency: str) -> bytes:
    return jsonio.dumps(samples.balanced_report(7, agency=agency, year=2025)).encode("utf-8")


def _upload(client: Any, *files: tuple[str, bytes], **data: Any) -> None:
    payload = {"files": [SimpleUploadedFile(n, c) for n, c in files], **data}
    client.post(reverse("oversight:upload", args=[2025]), payload)


def _counts() -> tuple[int, int]:
    """The job's (done, failed) as stored, checked against its files' states."""
    job = BulkCheckJob.objects.get()
    files = UploadedReport.objects.filter(job=job)
    failed = files.filter(state=UploadState.FAILED).count()
    done = files.exclude(state__in=[UploadState.QUEUED, UploadState.READING, UploadState.FAILED]).count()
    assert (job.done, job.failed) == (done, failed)
    return job.done, job.failed


def test_a_check_does_not_count_over_all_the_jobs_files(
    client: Any, people: Any, agencies: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(people["supervisor"])
    files = [(f"{i}.json", _report("示例市财政局")) for i in range(12)]
    with django_capture_on_commit_callbacks(execute=False):
        _upload(client, *files, agency=agencies["finance"].pk)  # stored, not yet checked
    first, *rest = UploadedReport.objects.order_by("pk")
    with CaptureQueriesContext(connection) as queries:
        checking.check_upload_now(first.pk)
    counts = [q["sql"] for q in queries.captured_queries if "COUNT(" in q["sql"].upper()]
    assert counts == []
    for other in rest:
        checking.check_upload_now(other.pk)
    assert _counts() == (12, 0)


def test_the_counts_follow_every_step_that_changes_a_file(
    client: Any, people: Any, agencies: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(people["supervisor"])
    with django_capture_on_commit_callbacks(execute=True):
        _upload(client, ("good.json", _report("示例市财政局")), ("bad.docx", b"PK\x03\x04 damaged"))
    assert _counts() == (1, 1)
    good = UploadedReport.objects.get(filename="good.json")
    bad = UploadedReport.objects.get(filename="bad.docx")
    # Assigned to another agency: checked again, so not done until that check finishes.
    with django_capture_on_commit_callbacks(execute=False) as pending:
        client.post(reverse("oversight:assign", args=[good.pk]), {"agency": agencies["science"].pk})
    assert _counts() == (0, 1)
    for callback in pending:
        callback()
    assert _counts() == (1, 1)
    client.post(reverse("oversight:confirm", args=[good.pk]))
    assert UploadedReport.objects.get(pk=good.pk).state == UploadState.CHECKED and _counts() == (1, 1)
    with django_capture_on_commit_callbacks(execute=False) as pending:
        client.post(reverse("oversight:recheck", args=[bad.pk]))
    assert _counts() == (1, 0)
    for callback in pending:
        callback()  # still damaged: failed again
    assert _counts() == (1, 1)
    client.post(reverse("oversight:delete_upload", args=[bad.pk]))
    assert _counts() == (1, 0)


def test_a_check_overtaken_by_its_requeued_task_changes_nothing(
    client: Any, people: Any, agencies: Any, django_capture_on_commit_callbacks: Any
) -> None:
    """Two consumers: one is still reading a file when the queue runs empty, and the other's
    recovery puts the file back on the queue; the second check finishes first."""
    client.force_login(people["supervisor"])
    with django_capture_on_commit_callbacks(execute=False):
        _upload(client, ("a.json", _report("示例市财政局")), agency=agencies["finance"].pk)
    stored = UploadedReport.objects.select_related("job").get()
    UploadedReport.objects.filter(pk=stored.pk).update(state=UploadState.READING)  # the first consumer
    with django_capture_on_commit_callbacks(execute=True):
        actions.recover_uploads(pending_tasks=0)  # the second: re-queued and checked
    assert UploadedReport.objects.get().state == UploadState.CHECKED and _counts() == (1, 0)
    checked = Q(action="oversight.check", object_id=str(stored.pk))
    assert AuditEvent.objects.filter(checked).count() == 1
    # The first consumer now finishes its own read of the file.
    stored.state = UploadState.READING
    checking.finish(stored, UploadState.FAILED, error="文件已损坏")
    assert UploadedReport.objects.get().state == UploadState.CHECKED and _counts() == (1, 0)
    assert AuditEvent.objects.filter(checked).count() == 1

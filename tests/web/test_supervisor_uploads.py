"""Issue 15 point 3 (last bullet): the upload pages only for the 公开办 that uploads; point 12
(second half): a supervisor deletes an upload, audited, and its check results go with it."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.report import jsonio, samples
from gongkai.web.audit.models import AuditEvent
from gongkai.web.oversight.models import BulkCheckJob, UploadedReport, UploadState

pytestmark = pytest.mark.django_db


def _report(agency: str) -> bytes:
    report = samples.balanced_report(7, agency=agency, year=2025)
    report = report.with_cell("table3.new.total", (report.table3.cell("new", "total") or 0) + 5)
    return jsonio.dumps(report).encode("utf-8")


def _upload(client: Any, *files: tuple[str, bytes]) -> Any:
    payload = {"files": [SimpleUploadedFile(n, c) for n, c in files]}
    return client.post(reverse("oversight:upload", args=[2025]), payload)


def _uploaded(client: Any, people: Any, capture: Any) -> list[UploadedReport]:
    client.force_login(people["supervisor"])
    with capture(execute=True):
        _upload(
            client, ("caizheng.json", _report("示例市财政局")), ("keji.json", _report("平湖市科学技术局"))
        )
    return list(UploadedReport.objects.order_by("filename"))


@pytest.mark.parametrize("who", ["head", "clerk", "reviewer", "admin", "finance_clerk"])
def test_only_a_supervisor_opens_the_upload_page(client: Any, people: Any, who: str) -> None:
    client.force_login(people[who])
    assert client.get(reverse("oversight:upload", args=[2025])).status_code == 403
    assert _upload(client, ("a.json", _report("平湖市科学技术局"))).status_code == 403
    assert not UploadedReport.objects.exists()


def test_a_head_oversees_but_is_not_offered_the_upload_page(client: Any, people: Any) -> None:
    client.force_login(people["head"])
    page = client.get(reverse("oversight:year", args=[2025]))
    assert page.status_code == 200 and "上传报告" not in page.content.decode()
    client.force_login(people["supervisor"])
    assert "上传报告" in client.get(reverse("oversight:year", args=[2025])).content.decode()
    assert client.get(reverse("oversight:upload", args=[2025])).status_code == 200


def test_a_head_cannot_open_jobs_nor_assign_recheck_or_delete(
    client: Any, people: Any, django_capture_on_commit_callbacks: Any
) -> None:
    kept = _uploaded(client, people, django_capture_on_commit_callbacks)[1]
    client.force_login(people["head"])  # head of 科技局: may read the check of its agency's report
    assert client.get(reverse("oversight:upload_detail", args=[kept.pk])).status_code == 200
    assert client.get(reverse("oversight:job", args=[kept.job_id])).status_code == 403
    for name in ("recheck", "delete_upload"):
        assert client.post(reverse(f"oversight:{name}", args=[kept.pk])).status_code == 403
    assert UploadedReport.objects.filter(pk=kept.pk).exists()


def test_a_supervisor_deletes_an_upload_with_its_checks_audited(
    client: Any, people: Any, django_capture_on_commit_callbacks: Any
) -> None:
    gone, kept = _uploaded(client, people, django_capture_on_commit_callbacks)
    assert gone.state == UploadState.CHECKED and gone.findings
    page = client.get(reverse("oversight:upload_detail", args=[gone.pk])).content.decode()
    assert 'id="delete-upload"' in page
    response = client.post(reverse("oversight:delete_upload", args=[gone.pk]))
    assert response.status_code == 302 and response.url == reverse("oversight:job", args=[gone.job_id])
    assert list(UploadedReport.objects.all()) == [kept]
    job = BulkCheckJob.objects.get()
    assert (job.total, job.done, job.failed) == (1, 1, 0)
    row = AuditEvent.objects.get(action="oversight.delete_upload")
    assert row.actor == people["supervisor"] and row.object_id == str(gone.pk)
    assert (
        row.before is not None
        and row.before["sha256"] == gone.sha256
        and row.before["filename"] == "caizheng.json"
    )
    # the year view no longer counts the deleted file's check
    rows = {r.name: r for r in client.get(reverse("oversight:year", args=[2025])).context["overview"].rows}
    assert rows["示例市财政局"].upload_id is None
    assert client.get(reverse("oversight:upload_detail", args=[gone.pk])).status_code == 404


def test_another_agencys_supervisor_cannot_delete(
    client: Any, people: Any, django_capture_on_commit_callbacks: Any
) -> None:
    gone = _uploaded(client, people, django_capture_on_commit_callbacks)[0]
    client.force_login(people["outsider"])
    assert client.post(reverse("oversight:delete_upload", args=[gone.pk])).status_code == 403
    assert UploadedReport.objects.filter(pk=gone.pk).exists()
    assert not AuditEvent.objects.filter(action="oversight.delete_upload").exists()

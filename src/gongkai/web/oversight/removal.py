"""A supervisor deletes an uploaded report file (issue 15 point 12): the file, what was read from
it and its check results go with the row (they live on it: ``data``, ``findings``, the counts),
the job's counts are taken again, and the audit row keeps the file's name and SHA-256."""

from __future__ import annotations

from typing import Any

from gongkai.errors import GongkaiError
from gongkai.web.actions_base import step_record, top_level
from gongkai.web.oversight import checking, events, permissions
from gongkai.web.oversight.models import BulkCheckJob, UploadedReport, UploadState


@top_level(events.DELETED)
def do_delete_upload(upload: UploadedReport, *, acting_user: Any) -> None:
    """Delete ``upload`` (the uploading 公开办 only); refused while its check runs."""
    permissions.upload_ids(acting_user, upload.job.supervisor_agency)
    locked = UploadedReport.objects.select_for_update().get(pk=upload.pk)
    if locked.state == UploadState.READING:
        raise GongkaiError("该文件正在检查中，请检查完成后再删除。")
    before = {
        "filename": locked.filename,
        "sha256": locked.sha256,
        "year": locked.year,
        "agency": locked.agency_id,
        "state": locked.state,
        "errors": locked.errors,
        "warnings": locked.warnings,
    }
    job_id = locked.job_id
    step_record(
        acting_user=acting_user,
        summary=f"删除上传文件“{locked.filename}”及其检查结果",
        obj=locked,
        agency_id=locked.agency_id or upload.job.supervisor_agency_id,
        before=before,
        after=None,
    )
    locked.delete()
    remaining = UploadedReport.objects.filter(job_id=job_id).count()
    BulkCheckJob.objects.filter(pk=job_id).update(total=remaining)
    checking.recount(job_id)

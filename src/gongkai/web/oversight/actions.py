"""Every state change of uploaded reports: upload (one or many files, or a ZIP), assign, unassign,
confirm an assignment the file disagrees with, re-check, and the re-queueing of uploads whose check was lost.

Upload, assignment and re-check run in one transaction each, with the permission check and one
audit row; the reading and checking of each file is a task on the queue (``tasks.check_upload``,
the check itself in ``checking``), enqueued once the step has committed so that a worker in
another process sees the rows. ``recover_uploads`` (run by the queue's consumer, see
``oversight.recovery``) puts an upload whose task was lost back on the queue, one step each.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import zipfile
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from gongkai import limits
from gongkai.errors import GongkaiError
from gongkai.report.read import MAX_FILE_BYTES
from gongkai.web.accounts.models import Agency
from gongkai.web.actions_base import require, step_record, top_level
from gongkai.web.audit.models import AuditEvent
from gongkai.web.oversight import checking, events, permissions
from gongkai.web.oversight.models import BulkCheckJob, UploadedReport, UploadState
from gongkai.web.oversight.tasks import check_upload

#: At most this many report files in one upload (a city has a few hundred agencies at most).
MAX_FILES = 500
#: An upload whose check was lost (the server stopped while it was queued or being read) is put
#: back on the queue this many times; then it ends failed with STUCK_ERROR and can be re-run.
MAX_RECOVERIES = 2
STUCK_ERROR = "后台检查多次中断（服务器重启或任务丢失），未能完成；文件已保存，可点击“重新检查”"


@dataclass(frozen=True)
class IncomingFile:
    name: str
    content: bytes


def _is_archive(data: bytes) -> bool:
    """A ZIP of report files -- not a DOCX or XLSX, which are ZIPs too."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False  # kept as one file; reading it gives the reader's "ZIP 文件已损坏"
    return "word/document.xml" not in names and "xl/workbook.xml" not in names


def _member_name(info: zipfile.ZipInfo) -> str:
    """The member's name; archives made on Chinese Windows store GBK names without the UTF-8 flag,
    which zipfile decodes as cp437."""
    name = info.filename
    if not info.flag_bits & 0x800:
        with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
            name = name.encode("cp437").decode("gbk")
    return name.rsplit("/", 1)[-1]


def expand(files: list[IncomingFile]) -> list[IncomingFile]:
    """The report files: each ZIP archive replaced by the files in it (folders, hidden files and
    macOS resource forks skipped). A member larger than the reader accepts is refused outright,
    before it is decompressed."""
    out: list[IncomingFile] = []
    for file in files:
        if not _is_archive(file.content):
            if len(file.content) > MAX_FILE_BYTES:
                raise GongkaiError(f"文件“{file.name}”过大，超过 {MAX_FILE_BYTES // 1024 // 1024} MB 的上限")
            out.append(file)
            continue
        with zipfile.ZipFile(io.BytesIO(file.content)) as archive:
            # Total and per-member expansion checked from the directory before any member is read.
            limits.check_zip(archive, what=f"压缩包“{file.name}”", max_member=MAX_FILE_BYTES)
            for info in archive.infolist():
                name = _member_name(info)
                if info.is_dir() or not name or name.startswith(".") or "__MACOSX/" in info.filename:
                    continue
                if info.file_size > MAX_FILE_BYTES:
                    raise GongkaiError(f"压缩包“{file.name}”中的文件“{name}”过大，超过 50 MB 的上限")
                try:
                    content = archive.read(info)
                except (zipfile.BadZipFile, NotImplementedError, RuntimeError) as exc:
                    # An encrypted or damaged member has no content to keep: refuse the whole
                    # archive with the reason rather than store some of its files silently.
                    raise GongkaiError(
                        f"压缩包“{file.name}”中的文件“{name}”无法解压（已损坏或加密）"
                    ) from exc
                out.append(IncomingFile(name, content))
    if not out:
        raise GongkaiError("没有可检查的文件（压缩包是空的？）")
    if len(out) > MAX_FILES:
        raise GongkaiError(f"一次最多上传 {MAX_FILES} 个报告文件，本次有 {len(out)} 个")
    return out


@top_level(events.UPLOADED)
def do_upload_reports(
    supervisor: Agency,
    year: int,
    files: list[IncomingFile],
    *,
    agency: Agency | None = None,
    published_on: date | None = None,
    acting_user: Any,
) -> BulkCheckJob:
    """Store the files for ``year`` as one bulk-check job and queue each for reading and checking.

    ``agency`` assigns every file to that agency; otherwise each is matched after reading."""
    subtree = permissions.upload_ids(acting_user, supervisor)
    if agency is not None and agency.pk not in subtree:
        raise PermissionDenied("只能为本机关及所属单位上传年度报告。")
    reports = expand(files)
    job = BulkCheckJob.objects.create(
        supervisor_agency=supervisor, year=year, total=len(reports), created_by=acting_user
    )
    uploads = UploadedReport.objects.bulk_create(
        UploadedReport(
            job=job,
            agency=agency,
            year=year,
            filename=file.name[:255],
            content=file.content,
            sha256=hashlib.sha256(file.content).hexdigest(),
            published_on=published_on,
            uploaded_by=acting_user,
        )
        for file in reports
    )
    step_record(
        acting_user=acting_user,
        summary=f"上传{year}年度报告文件{len(reports)}个："
        + "、".join(f.name for f in reports[:5])
        + ("等" if len(reports) > 5 else ""),
        obj=job,
        agency_id=supervisor.pk,
        after={"year": year, "files": [{"name": u.filename, "sha256": u.sha256} for u in uploads]},
    )
    ids = [u.pk for u in uploads]
    transaction.on_commit(lambda: _enqueue(ids))
    return job


def _enqueue(upload_ids: list[int]) -> None:
    for pk in upload_ids:
        check_upload(pk)


@top_level(events.ASSIGNED)
def do_assign_upload(upload: UploadedReport, agency: Agency, *, acting_user: Any) -> None:
    """Assign an uploaded file to an agency of the uploader's subtree, and check it again (now with
    that agency's previous-year report for the cross-year rules)."""
    subtree = permissions.upload_ids(acting_user, upload.job.supervisor_agency)
    if agency.pk not in subtree:
        raise PermissionDenied("只能指定为本机关或所属单位。")
    locked = UploadedReport.objects.select_for_update().get(pk=upload.pk)
    if locked.state in (UploadState.QUEUED, UploadState.READING):
        raise GongkaiError("该文件正在检查中，请检查完成后再指定所属单位。")
    before = {"agency": locked.agency_id, "state": locked.state}
    locked.agency = agency
    recheck = locked.state != UploadState.FAILED
    if recheck:
        locked.state = UploadState.QUEUED
    locked.save(update_fields=["agency", "state"])
    if recheck:
        checking.recount(locked.job_id)  # checked again: counted when its check finishes
    step_record(
        acting_user=acting_user,
        summary=f"将上传文件“{locked.filename}”指定为{agency.name}的报告",
        obj=locked,
        before=before,
        after={"agency": agency.pk, "state": locked.state},
    )
    if recheck:
        transaction.on_commit(lambda: _enqueue([locked.pk]))


@top_level(events.UNASSIGNED)
def do_unassign_upload(upload: UploadedReport, *, acting_user: Any) -> None:
    """Clear a file's agency: it is counted nowhere until assigned again (the file is kept)."""
    permissions.overseen_ids(acting_user, upload.job.supervisor_agency)
    locked = UploadedReport.objects.select_for_update().get(pk=upload.pk)
    require(locked.agency_id is not None, "该文件尚未指定所属单位。")
    require(
        locked.state not in (UploadState.QUEUED, UploadState.READING),
        "该文件正在检查中，请检查完成后再更改所属单位。",
    )
    before = {"agency": locked.agency_id, "state": locked.state}
    locked.agency = None
    if locked.state != UploadState.FAILED:
        locked.state = UploadState.UNASSIGNED
    locked.mismatch = ""
    locked.save(update_fields=["agency", "state", "mismatch"])
    step_record(
        acting_user=acting_user,
        summary=f"取消上传文件“{locked.filename}”的所属单位（原为{upload.agency}）",
        obj=locked,
        agency_id=before["agency"],
        before=before,
        after={"agency": None, "state": locked.state},
    )


@top_level(events.CONFIRMED)
def do_confirm_upload(upload: UploadedReport, *, acting_user: Any) -> None:
    """Confirm an assignment the file disagrees with: only then is the report counted."""
    permissions.overseen_ids(acting_user, upload.job.supervisor_agency)
    # Lock the upload row only: PostgreSQL refuses FOR UPDATE on the nullable side of the join
    # to its (optional) agency.
    locked = UploadedReport.objects.select_for_update(of=("self",)).select_related("agency").get(pk=upload.pk)
    require(locked.state == UploadState.UNCONFIRMED, "该文件没有需要确认的不一致之处。")
    locked.state = UploadState.CHECKED
    locked.save(update_fields=["state"])
    step_record(
        acting_user=acting_user,
        summary=f"确认上传文件“{locked.filename}”为{locked.agency}{locked.year}年度的报告（{locked.mismatch}）",
        obj=locked,
        before={"state": UploadState.UNCONFIRMED},
        after={"state": locked.state, "mismatch": locked.mismatch},
    )


@top_level(events.RECHECKED)
def do_recheck_upload(upload: UploadedReport, *, acting_user: Any) -> None:
    """Put a failed upload back on the queue (the supervisor's "重新检查")."""
    permissions.upload_ids(acting_user, upload.job.supervisor_agency)
    locked = UploadedReport.objects.select_for_update().get(pk=upload.pk)
    if locked.state != UploadState.FAILED:
        raise GongkaiError("只有无法读取或检查中断的文件可以重新检查。")
    before = {"state": locked.state, "error": locked.error_message}
    locked.job = upload.job
    _requeue(locked, f"重新检查上传文件“{locked.filename}”", before, acting_user)


@top_level(events.REQUEUED)
def do_requeue_lost_upload(upload: UploadedReport) -> None:
    """Put an upload whose check was lost back on the queue (a step of ``recover_uploads``, not of
    a user: its row names the background task)."""
    locked = UploadedReport.objects.select_for_update().get(pk=upload.pk)
    if locked.state not in (UploadState.QUEUED, UploadState.READING):
        return  # finished meanwhile: nothing was lost
    locked.job = upload.job
    summary = f"上传文件“{locked.filename}”的检查中断，重新排队"
    _requeue(locked, summary, {"state": locked.state}, None)


def _requeue(upload: UploadedReport, summary: str, before: dict[str, Any], user: Any) -> None:
    """Back to ``queued`` (inside the step's transaction), with the step's audit row; enqueued at commit."""
    UploadedReport.objects.filter(pk=upload.pk).update(state=UploadState.QUEUED, error_message="")
    checking.recount(upload.job_id)
    step_record(
        acting_user=user,
        summary=summary,
        obj=upload,
        agency_id=upload.agency_id or upload.job.supervisor_agency_id,
        before=before,
        after={"state": UploadState.QUEUED},
        actor_label=None if user is not None else checking.ACTOR_LABEL,
    )
    transaction.on_commit(lambda: _enqueue([upload.pk]))


def recover_uploads(pending_tasks: int) -> int:
    """Re-queue the uploads whose check was lost; how many. Run by the queue's consumer at start
    and every minute (oversight.recovery).

    An upload still ``queued`` or ``reading`` while the queue holds no task (``pending_tasks`` is
    0) has lost its task: the process died between the upload's commit and the enqueue, or while
    reading it. It goes back on the queue, at most MAX_RECOVERIES times (counted in the audit trail
    since it was last uploaded or re-checked); then it ends failed with STUCK_ERROR, which the
    supervisor can re-run -- a file never stays "queued" for ever."""
    if pending_tasks:
        return 0  # tasks are waiting: the uploads may be theirs
    stuck = list(
        UploadedReport.objects.filter(state__in=[UploadState.QUEUED, UploadState.READING])
        .select_related("job")
        .defer("content", "data")
    )
    for upload in stuck:
        trail = AuditEvent.objects.filter(object_type="oversight.uploadedreport", object_id=str(upload.pk))
        since = trail.filter(action=events.RECHECKED).order_by("-at").values_list("at", flat=True).first()
        recoveries = trail.filter(action=events.REQUEUED)
        if since is not None:
            recoveries = recoveries.filter(at__gt=since)
        if recoveries.count() >= MAX_RECOVERIES:
            checking.finish(upload, UploadState.FAILED, error=STUCK_ERROR)
        else:
            do_requeue_lost_upload(upload)
    return len(stuck)

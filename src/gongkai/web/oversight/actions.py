"""Every state change of uploaded reports: upload (one or many files, or a ZIP), assign, check.

Upload and assignment run in one transaction each, with the permission check and one audit row;
the reading and checking of each file is a task on the queue (``tasks.check_upload``), enqueued
once the upload has committed so that a worker in another process sees the rows.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import zipfile
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from gongkai import limits
from gongkai.errors import GongkaiError
from gongkai.report import jsonio, rules
from gongkai.report.model import AnnualReport as Report
from gongkai.report.read import MAX_FILE_BYTES, read_bytes
from gongkai.web.accounts.models import Agency
from gongkai.web.annual.actions import report_of
from gongkai.web.annual.models import AnnualReport, State
from gongkai.web.audit.models import AuditEvent
from gongkai.web.audit.record import record
from gongkai.web.oversight import permissions
from gongkai.web.oversight.matching import first_match
from gongkai.web.oversight.models import BulkCheckJob, UploadedReport, UploadState

logger = logging.getLogger(__name__)

#: At most this many report files in one upload (a city has a few hundred agencies at most).
MAX_FILES = 500
#: The rule id of the finding added when the file's own year differs from the year it was uploaded for.
YEAR_RULE = "UPLOAD-YEAR"
INTERNAL_ERROR = "检查文件时发生内部错误，文件已保存，请联系系统管理员"
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
    subtree = permissions.overseen_ids(acting_user, supervisor)
    if agency is not None and agency.pk not in subtree:
        raise PermissionDenied("只能为本机关及所属单位上传年度报告。")
    reports = expand(files)
    with transaction.atomic():
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
        record(
            acting_user=acting_user,
            action="oversight.upload",
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
    from gongkai.web.oversight.tasks import check_upload

    for pk in upload_ids:
        check_upload(pk)


def do_assign_upload(upload: UploadedReport, agency: Agency, *, acting_user: Any) -> None:
    """Assign an uploaded file to an agency of the uploader's subtree, and check it again (now with
    that agency's previous-year report for the cross-year rules)."""
    subtree = permissions.overseen_ids(acting_user, upload.job.supervisor_agency)
    if agency.pk not in subtree:
        raise PermissionDenied("只能指定为本机关或所属单位。")
    with transaction.atomic():
        locked = UploadedReport.objects.select_for_update().get(pk=upload.pk)
        if locked.state in (UploadState.QUEUED, UploadState.READING):
            raise GongkaiError("该文件正在检查中，请检查完成后再指定所属单位。")
        before = {"agency": locked.agency_id, "state": locked.state}
        locked.agency = agency
        recheck = locked.state != UploadState.FAILED
        if recheck:
            locked.state = UploadState.QUEUED
        locked.save(update_fields=["agency", "state"])
        record(
            acting_user=acting_user,
            action="oversight.assign",
            summary=f"将上传文件“{locked.filename}”指定为{agency.name}的报告",
            obj=locked,
            agency_id=agency.pk,
            before=before,
            after={"agency": agency.pk, "state": locked.state},
        )
        if recheck:
            transaction.on_commit(lambda: _enqueue([locked.pk]))


def do_recheck_upload(upload: UploadedReport, *, acting_user: Any) -> None:
    """Put a failed upload back on the queue (the supervisor's "重新检查")."""
    permissions.overseen_ids(acting_user, upload.job.supervisor_agency)
    with transaction.atomic():
        locked = UploadedReport.objects.select_for_update().get(pk=upload.pk)
        if locked.state != UploadState.FAILED:
            raise GongkaiError("只有无法读取或检查中断的文件可以重新检查。")
        before = {"state": locked.state, "error": locked.error_message}
        locked.job = upload.job
        _requeue(locked, "oversight.recheck", f"重新检查上传文件“{locked.filename}”", before, acting_user)


def _requeue(upload: UploadedReport, action: str, summary: str, before: dict[str, Any], user: Any) -> None:
    """Back to ``queued`` (inside the caller's transaction), with its audit row; enqueued at commit."""
    UploadedReport.objects.filter(pk=upload.pk).update(state=UploadState.QUEUED, error_message="")
    _recount(upload.job_id)
    record(
        acting_user=user,
        action=action,
        summary=summary,
        obj=upload,
        agency_id=upload.agency_id or upload.job.supervisor_agency_id,
        before=before,
        after={"state": UploadState.QUEUED},
        actor_label=None if user is not None else "后台检查任务",
    )
    transaction.on_commit(lambda: _enqueue([upload.pk]))


def recover_uploads(pending_tasks: int) -> int:
    """Re-queue the uploads whose check was lost; how many. Run by the queue's consumer at start
    and every minute (tasks.recover_uploads).

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
        events = AuditEvent.objects.filter(object_type="oversight.uploadedreport", object_id=str(upload.pk))
        since = events.filter(action="oversight.recheck").order_by("-at").values_list("at", flat=True).first()
        recoveries = events.filter(action="oversight.requeue")
        if since is not None:
            recoveries = recoveries.filter(at__gt=since)
        if recoveries.count() >= MAX_RECOVERIES:
            _finish(upload, UploadState.FAILED, error=STUCK_ERROR)
            continue
        with transaction.atomic():
            summary = f"上传文件“{upload.filename}”的检查中断，重新排队"
            _requeue(upload, "oversight.requeue", summary, {"state": upload.state}, None)
    return len(stuck)


# ---------------------------------------------------------------------------------------------
# The background check (run by tasks.check_upload)
# ---------------------------------------------------------------------------------------------


def previous_report(agency_id: int, year: int) -> Report | None:
    """The agency's report on ``year``: its current published one in Gongkai, else its latest
    readable uploaded file."""
    data = (
        AnnualReport.objects.filter(agency_id=agency_id, year=year, state=State.PUBLISHED)
        .values_list("data", flat=True)
        .first()
    )
    if data is None:
        data = (
            UploadedReport.objects.filter(agency_id=agency_id, year=year, state=UploadState.CHECKED)
            .order_by("-uploaded_at", "-pk")
            .values_list("data", flat=True)
            .first()
        )
    return None if data is None else report_of(data)


def _year_finding(report: Report, year: int) -> dict[str, Any] | None:
    if report.year is None or report.year == year:
        return None
    return {
        "rule": YEAR_RULE,
        "severity": "warning",
        "cells": [],
        "message": f"文件中报告的年度为{report.year}年，与上传时选择的{year}年度不一致，请核对是否传错文件",
        "expected": year,
        "actual": report.year,
        "source": "条例 第四十九条",
    }


def check_upload_now(upload_id: int) -> None:
    """Read and check one uploaded file; the task body. A file that cannot be read ends ``failed``
    with the reader's Chinese message; the file itself is never touched."""
    with transaction.atomic():
        upload = UploadedReport.objects.select_for_update().select_related("job").get(pk=upload_id)
        if upload.state != UploadState.QUEUED:
            return  # already handled (a task delivered twice)
        upload.state = UploadState.READING
        upload.save(update_fields=["state"])
    try:
        report = read_bytes(bytes(upload.content))
    except GongkaiError as exc:
        _finish(upload, UploadState.FAILED, error=exc.message)
        return
    try:
        _check(upload, report)
    except Exception:
        # Whatever else breaks (a reader or rule bug, a damaged earlier report), the file must not
        # stay "reading" for ever: it ends failed, and stays stored for a later upload or fix.
        logger.exception("checking uploaded report %s failed", upload_id)
        upload.data, upload.findings, upload.errors, upload.warnings = None, [], 0, 0
        _finish(upload, UploadState.FAILED, error=INTERNAL_ERROR)
        return
    _finish(upload, UploadState.CHECKED if upload.agency_id else UploadState.UNASSIGNED)


def _check(upload: UploadedReport, report: Report) -> None:
    """Match the agency if still unknown, and check the report (with its previous year's if known)."""
    if upload.agency_id is None:
        subtree = upload.job.supervisor_agency.subtree_ids()
        names = dict(Agency.objects.filter(pk__in=subtree).values_list("pk", "name"))
        upload.agency_id = first_match([report.agency, upload.filename], names)
    previous = previous_report(upload.agency_id, upload.year - 1) if upload.agency_id else None
    findings = [f.to_dict() for f in rules.check(report, previous)]
    extra = _year_finding(report, upload.year)
    if extra is not None:
        findings.insert(0, extra)
    upload.data = jsonio.report_to_dict(report)
    upload.findings = findings
    upload.errors = sum(1 for f in findings if f["severity"] == "error")
    upload.warnings = sum(1 for f in findings if f["severity"] == "warning")
    upload.compared_with_previous = previous is not None


def _recount(job_id: int) -> None:
    counts = UploadedReport.objects.filter(job_id=job_id).aggregate(
        done=Count("pk", filter=~Q(state__in=[UploadState.QUEUED, UploadState.READING, UploadState.FAILED])),
        failed=Count("pk", filter=Q(state=UploadState.FAILED)),
    )
    BulkCheckJob.objects.filter(pk=job_id).update(**counts)


def _finish(upload: UploadedReport, state: Any, error: str = "") -> None:
    # state: an UploadState member (Any: Django's choices are untyped in this layer).
    with transaction.atomic():
        upload.state = state
        upload.error_message = error
        upload.checked_at = timezone.now()
        upload.save(
            update_fields=[
                "state",
                "error_message",
                "checked_at",
                "agency",
                "data",
                "findings",
                "errors",
                "warnings",
                "compared_with_previous",
            ]
        )
        _recount(upload.job_id)
        summary = (
            f"上传文件“{upload.filename}”无法读取：{error}"
            if state == UploadState.FAILED
            else f"检查上传文件“{upload.filename}”：错误{upload.errors}处，警告{upload.warnings}处"
        )
        record(
            acting_user=None,
            action="oversight.check",
            summary=summary,
            obj=upload,
            agency_id=upload.agency_id or upload.job.supervisor_agency_id,
            after={"state": state, "errors": upload.errors, "warnings": upload.warnings},
            actor_label="后台检查任务",
        )

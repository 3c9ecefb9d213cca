"""Every state change of uploaded reports: upload (one or many files, or a ZIP), assign, check.

Upload and assignment run in one transaction each, with the permission check and one audit row;
the reading and checking of each file is a task on the queue (``tasks.check_upload``), enqueued
once the upload has committed so that a worker in another process sees the rows.
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

from gongkai.errors import GongkaiError
from gongkai.report.read import MAX_FILE_BYTES
from gongkai.web.accounts.models import Agency
from gongkai.web.actions_base import step_record, top_level
from gongkai.web.oversight import events, permissions
from gongkai.web.oversight.models import BulkCheckJob, UploadedReport, UploadState
from gongkai.web.oversight.tasks import check_upload

#: At most this many report files in one upload (a city has a few hundred agencies at most).
MAX_FILES = 500


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
            out.append(file)
            continue
        with zipfile.ZipFile(io.BytesIO(file.content)) as archive:
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
    subtree = permissions.overseen_ids(acting_user, supervisor)
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
    subtree = permissions.overseen_ids(acting_user, upload.job.supervisor_agency)
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
    step_record(
        acting_user=acting_user,
        summary=f"将上传文件“{locked.filename}”指定为{agency.name}的报告",
        obj=locked,
        agency_id=agency.pk,
        before=before,
        after={"agency": agency.pk, "state": locked.state},
    )
    if recheck:
        transaction.on_commit(lambda: _enqueue([locked.pk]))

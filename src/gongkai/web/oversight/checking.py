"""The background check of an uploaded report (run by ``tasks.check_upload``): read the file,
match its agency, check it with every rule (cross-year too, against the agency's previous
report), and record the outcome with one audit row."""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction
from django.db.models import Count, F, Q

from gongkai.errors import GongkaiError
from gongkai.report import jsonio, rules
from gongkai.report.model import AnnualReport as Report
from gongkai.report.read import read_bytes
from gongkai.web import clock
from gongkai.web.accounts.models import Agency
from gongkai.web.annual.actions import report_of
from gongkai.web.annual.models import AnnualReport, State
from gongkai.web.audit.record import record
from gongkai.web.oversight import events
from gongkai.web.oversight.matching import first_match, match_agency, normalise
from gongkai.web.oversight.models import BulkCheckJob, UploadedReport, UploadState

logger = logging.getLogger(__name__)

#: The rule id of the finding added when the file's own year differs from the year it was uploaded for.
YEAR_RULE = "UPLOAD-YEAR"
INTERNAL_ERROR = "检查文件时发生内部错误，文件已保存，请联系系统管理员"
#: Who the audit rows of the background check (and of re-queueing a lost check) name.
ACTOR_LABEL = "后台检查任务"


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


def mismatch_of(report: Report, year: int, agency: Agency | None, names: dict[int, str]) -> str:
    """How the file disagrees with the agency and year it was assigned to ("" when it does not):
    its own year is another, or its own agency name is another agency's (of ``names``) or does
    not contain the assigned agency's name. A file that names no agency or year cannot disagree."""
    problems = []
    if report.year is not None and report.year != year:
        problems.append(f"文件中报告的年度为{report.year}年，指定的是{year}年度")
    if agency is not None and report.agency:
        named = match_agency(report.agency, {**names, agency.pk: agency.name})
        if named != agency.pk and normalise(agency.name) not in normalise(report.agency):
            problems.append(f"文件中的单位为“{report.agency}”，指定的是“{agency.name}”")
    return "；".join(problems)


def check_upload_now(upload_id: int) -> None:
    """Read and check one uploaded file; the task body. A file that cannot be read ends ``failed``
    with the reader's Chinese message; the file itself is never touched."""
    with transaction.atomic():
        upload = UploadedReport.objects.select_for_update().select_related("job").filter(pk=upload_id).first()
        if upload is None or upload.state != UploadState.QUEUED:
            return  # already handled (a task delivered twice), or deleted by its supervisor meanwhile
        upload.state = UploadState.READING
        upload.save(update_fields=["state"])
    try:
        report = read_bytes(bytes(upload.content))
    except GongkaiError as exc:
        finish(upload, UploadState.FAILED, error=exc.message)
        return
    try:
        _check(upload, report)
    except Exception:
        # Whatever else breaks (a reader or rule bug, a damaged earlier report), the file must not
        # stay "reading" for ever: it ends failed, and stays stored for a later upload or fix.
        logger.exception("checking uploaded report %s failed", upload_id)
        upload.data, upload.findings, upload.errors, upload.warnings = None, [], 0, 0
        finish(upload, UploadState.FAILED, error=INTERNAL_ERROR)
        return
    if not upload.agency_id:
        finish(upload, UploadState.UNASSIGNED)
    else:
        finish(upload, UploadState.UNCONFIRMED if upload.mismatch else UploadState.CHECKED)


def _check(upload: UploadedReport, report: Report) -> None:
    """Match the agency if still unknown, and check the report (with its previous year's if known)."""
    subtree = upload.job.supervisor_agency.subtree_ids()
    names = dict(Agency.objects.filter(pk__in=subtree).values_list("pk", "name"))
    if upload.agency_id is None:
        upload.agency_id = first_match([report.agency, upload.filename], names)
    upload.mismatch = mismatch_of(report, upload.year, upload.agency, names)
    previous = previous_report(upload.agency_id, upload.year - 1) if upload.agency_id else None
    # The agency's recorded kind decides the rules for a government (条例 第五十条第（四）项); an
    # upload not yet matched to an agency is read by its name (the core's proposal).
    agency = Agency.objects.filter(pk=upload.agency_id).first() if upload.agency_id else None
    kind = agency.agency_kind if agency is not None else None
    findings = [f.to_dict() for f in rules.check(report, previous, kind=kind)]
    extra = _year_finding(report, upload.year)
    if extra is not None:
        findings.insert(0, extra)
    upload.data = jsonio.report_to_dict(report)
    upload.findings = findings
    upload.errors = sum(1 for f in findings if f["severity"] == "error")
    upload.warnings = sum(1 for f in findings if f["severity"] == "warning")
    upload.compared_with_previous = previous is not None


def recount(job_id: int) -> None:
    """The job's counts of files done and failed, taken again from its files' states (inside the
    caller's transaction); for the supervisor's steps that change a file's state. The job row is
    locked first, so a check finishing meanwhile (``finish`` adds to the counts) is either counted
    here or adds to what is written here, never lost."""
    BulkCheckJob.objects.select_for_update().filter(pk=job_id).values_list("pk").first()
    counts = UploadedReport.objects.filter(job_id=job_id).aggregate(
        done=Count("pk", filter=~Q(state__in=[UploadState.QUEUED, UploadState.READING, UploadState.FAILED])),
        failed=Count("pk", filter=Q(state=UploadState.FAILED)),
    )
    BulkCheckJob.objects.filter(pk=job_id).update(**counts)


def finish(upload: UploadedReport, state: Any, error: str = "") -> None:
    """Record the outcome of the check (``state``: an UploadState member; Any: Django's choices
    are untyped in this layer) with the background task's audit row, and add the file to its
    job's counts.

    Only a file still waiting for its check (queued or reading) is finished: one deleted by its
    supervisor meanwhile, or finished by another delivery of its task, is left alone, so no file is
    counted twice. The counts grow by one rather than being taken again over all the job's files:
    that count grew with the job (a third of a check's time at 2,000 files on SQLite), and taken
    by two consumers at once each wrote its own, missing the other's file (PostgreSQL)."""
    upload.state = state
    upload.error_message = error
    upload.checked_at = clock.now()
    with transaction.atomic():
        changed = UploadedReport.objects.filter(
            pk=upload.pk, state__in=[UploadState.QUEUED, UploadState.READING]
        ).update(**{name: getattr(upload, name) for name in _OUTCOME})
        if not changed:
            return
        summary = (
            f"上传文件“{upload.filename}”无法读取：{error}"
            if state == UploadState.FAILED
            else f"检查上传文件“{upload.filename}”：错误{upload.errors}处，警告{upload.warnings}处"
        )
        if state == UploadState.UNCONFIRMED:
            summary += f"；{upload.mismatch}，待确认"
        record(
            acting_user=None,
            action=events.CHECKED,
            summary=summary,
            obj=upload,
            agency_id=upload.agency_id or upload.job.supervisor_agency_id,
            after={"state": state, "errors": upload.errors, "warnings": upload.warnings},
            actor_label=ACTOR_LABEL,
        )
        # Last, so that the job's row stays locked (other consumers finishing files of the same
        # job wait for it) only while this transaction commits.
        counter = "failed" if state == UploadState.FAILED else "done"
        BulkCheckJob.objects.filter(pk=upload.job_id).update(**{counter: F(counter) + 1})


#: The fields the check fills in.
_OUTCOME = (
    "state",
    "error_message",
    "checked_at",
    "agency_id",
    "data",
    "findings",
    "errors",
    "warnings",
    "compared_with_previous",
    "mismatch",
)

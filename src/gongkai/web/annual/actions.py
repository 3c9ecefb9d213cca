"""Every state change of an annual report: ``do_<verb>_<noun>(..., *, acting_user)``.

Each action runs in one transaction, checks the permission (annual.permissions) and the rules of
the report's life, writes its rows and one audit row. Views, the demo and the CLI call these --
nothing else writes annual reports.

Life of a report (per agency and year): generate → draft (edit the narrative, check, acknowledge
warnings, regenerate) → publish (frozen: JSON, DOCX, PDF, HTML with SHA-256) → amendment (更正): a new
draft version copied from the published one → publish it; the earlier version becomes
``superseded`` and stays readable as it was.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Max
from django.utils import timezone

from gongkai.report import jsonio, rules
from gongkai.report.model import SECTION_NUMBERS, STANDARD_SECTION_TITLES, Template
from gongkai.report.model import AnnualReport as ReportData
from gongkai.report.render import render
from gongkai.web.accounts.models import Agency
from gongkai.web.actions_base import ActionError, require, step_record, top_level
from gongkai.web.annual import events, narrative, permissions, tables
from gongkai.web.annual.models import (
    AnnualReport,
    GovernmentResults,
    PublishedFile,
    State,
    Submission,
    WarningAcknowledgement,
    duty_for,
    finding_key,
)
from gongkai.web.clock import now, today
from gongkai.web.portal.cache import public_changed

#: The files frozen at publication (the JSON first: its digest is the report's own).
FROZEN_FORMATS = (
    PublishedFile.Format.JSON,
    PublishedFile.Format.DOCX,
    PublishedFile.Format.PDF,
    PublishedFile.Format.HTML,
)
MAX_SECTION_CHARS = 20000


def report_of(data: dict[str, Any]) -> ReportData:
    """The stored JSON as the core's report. Through JSON text: fees come back as ``Decimal``."""
    return jsonio.loads(json.dumps(data, ensure_ascii=False))


def data_of(report: ReportData) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(jsonio.dumps(report))
    return data


def previous_published(agency_id: int, year: int) -> AnnualReport | None:
    """Last year's current published report of the same agency (for the cross-year rules)."""
    return AnnualReport.objects.filter(agency_id=agency_id, year=year - 1, state=State.PUBLISHED).first()


#: What the audit rows of a report version show before and after a step.
SUMMARY_FIELDS = ("version", "state", "errors", "warnings", "sha256")


def _summary(report: AnnualReport) -> dict[str, Any]:
    return {name: getattr(report, name) for name in SUMMARY_FIELDS}


def _locked(report: AnnualReport) -> AnnualReport:
    return AnnualReport.objects.select_for_update().select_related("agency").get(pk=report.pk)


def _audit(
    report: AnnualReport,
    summary: str,
    *,
    acting_user: Any,
    before: dict[str, Any] | None = None,
    event: str | None = None,
    **extra: Any,
) -> None:
    """The step's audit row (under its declared event unless ``event`` names another)."""
    step_record(
        acting_user=acting_user,
        event=event,
        summary=f"{report.agency.name}{report.year}年度报告第{report.version}版：{summary}",
        obj=report,
        agency_id=report.agency_id,
        before=before,
        after={**_summary(report), **extra},
    )


# ---------------------------------------------------------------------------------------------
# Drafting
# ---------------------------------------------------------------------------------------------


def _generated(agency: Agency, year: int) -> ReportData:
    """The report computed from the year's records, with the narrative drafted from the facts."""
    template = Template.for_year(year)
    computed = tables.report_tables(agency, year, template)  # tables 2, 3 and 4
    facts = tables.facts_for(agency, year, computed=computed[1:])
    results = GovernmentResults.objects.filter(agency=agency, year=year).first()
    if not agency.agency_kind.is_peoples_government:
        results = None  # 第五十条第（四）项 asks it of 各级人民政府 only
    sections = narrative.draft_sections(agency.name, year, *computed, facts, results)
    # Positional: agency, year, template, then the tables in the model's order.
    return ReportData(
        agency.name, year, template, *computed, sections=sections, meta={"generator": "gongkai"}
    )


@top_level(events.GENERATED)
def do_generate_report(
    agency: Agency, year: int, *, acting_user: Any, keep_narrative: bool = True
) -> AnnualReport:
    """Compute the tables of ``year`` from the records into the draft version (made if needed).

    Regenerating an existing draft replaces its tables and keeps the narrative the clerk has
    edited, unless ``keep_narrative`` is False (then the narrative is drafted afresh).
    """
    if not permissions.can_draft(acting_user, agency.pk):
        raise PermissionDenied
    require(2008 <= year <= today().year, f"无法生成{year}年度报告：年度不在有效范围内")
    # The agency row is the lock: two clerks generating at once must not both make version 1.
    Agency.objects.select_for_update().get(pk=agency.pk)
    latest = AnnualReport.objects.filter(agency=agency, year=year).order_by("-version").first()
    fresh = data_of(_generated(agency, year))
    if latest is None or not latest.is_draft:
        require(latest is None, f"{year}年度报告已发布；如需修改，请发起更正（生成新版本）")
        report = AnnualReport.objects.create(agency=agency, year=year, version=1, data=fresh)
        _audit(report, "由本年度记录生成草稿", acting_user=acting_user)
        return report
    report = _locked(latest)
    before = _summary(report)
    if keep_narrative and report.data.get("sections"):
        fresh["sections"] = report.data["sections"]
    fresh["meta"] = {**report.data.get("meta", {}), **fresh.get("meta", {})}
    report.data = fresh
    _clear_check(report)
    report.save()
    _audit(
        report,
        "重新生成表格" + ("（保留已编辑的正文）" if keep_narrative else "（正文重新起草）"),
        acting_user=acting_user,
        before=before,
        event=events.REGENERATED,
    )
    return report


def _clear_check(report: AnnualReport) -> None:
    """The content changed: the last check no longer describes it."""
    report.errors = report.warnings = 0
    report.findings = []
    report.checked_at = None
    # What was submitted for publishing is not what the draft says any more.
    report.submitted_at = report.submitted_by = None


def _draft(report: AnnualReport, acting_user: Any) -> AnnualReport:
    if not permissions.can_draft(acting_user, report.agency_id):
        raise PermissionDenied
    locked = _locked(report)
    require(locked.is_draft, "该版本已发布，不能再修改；如需修改，请发起更正")
    return locked


@top_level(events.EDITED)
def do_edit_narrative(report: AnnualReport, texts: dict[str, str], *, acting_user: Any) -> AnnualReport:
    """Replace the text of sections 一 to 六 (titles stay the standard ones of the format)."""
    unknown = set(texts) - set(SECTION_NUMBERS)
    require(not unknown, f"没有第{'、'.join(sorted(unknown))}部分；正文只有一至六部分")
    for number, text in texts.items():
        require(len(text) <= MAX_SECTION_CHARS, f"第{number}部分超过 {MAX_SECTION_CHARS} 字，请精简")
    locked = _draft(report, acting_user)
    before = _summary(locked)
    current = {s["number"]: s for s in locked.sections()}
    sections = []
    changed = []
    for number in SECTION_NUMBERS:
        section = dict(
            current.get(number) or {"number": number, "title": STANDARD_SECTION_TITLES[number], "text": ""}
        )
        if number in texts:
            new_text = texts[number].replace("\r\n", "\n").strip()
            if new_text != section.get("text"):
                changed.append(number)
            section["text"] = new_text
        sections.append(section)
    locked.data = {**locked.data, "sections": sections}
    if changed:
        _clear_check(locked)
    locked.save()
    _audit(
        locked,
        f"修改正文第{'、'.join(changed)}部分" if changed else "保存正文（无改动）",
        acting_user=acting_user,
        before=before,
        sections=changed,
    )
    report.refresh_from_db()
    return report


def _run_check(report: AnnualReport, when: datetime) -> list[dict[str, Any]]:
    previous = previous_published(report.agency_id, report.year)
    found = rules.check(
        report_of(report.data),
        report_of(previous.data) if previous else None,
        kind=Agency.objects.get(pk=report.agency_id).agency_kind,
    )
    findings = [f.to_dict() for f in found]
    report.findings = findings
    report.errors = sum(1 for f in findings if f["severity"] == "error")
    report.warnings = sum(1 for f in findings if f["severity"] == "warning")
    report.checked_at = when
    return findings


@top_level(events.CHECKED)
def do_check_report(report: AnnualReport, *, acting_user: Any) -> AnnualReport:
    """Run every rule of the core, cross-year with last year's published report when there is one."""
    locked = _draft(report, acting_user)
    before = _summary(locked)
    _run_check(locked, now())
    locked.save()
    _audit(
        locked,
        f"检查：错误 {locked.errors} 项，警告 {locked.warnings} 项",
        acting_user=acting_user,
        before=before,
    )
    report.refresh_from_db()
    return report


@top_level(events.SUBMITTED_FOR_APPROVAL)
def do_submit_for_approval(report: AnnualReport, *, acting_user: Any) -> AnnualReport:
    """The clerk's 提交: the checked draft, with no error and every warning acknowledged, goes to
    the 机构负责人 or 审核人, who publish it (``do_publish_report``)."""
    locked = _draft(report, acting_user)
    require(locked.submitted_at is None, "该草稿已提交，等待机构负责人或审核人发布")
    require(locked.checked_at is not None, "请先检查报告，再提交")
    require(not locked.errors, f"检查发现 {locked.errors} 项错误，改正并重新检查后才能提交")
    pending = unacknowledged_warnings(locked)
    require(not pending, f"还有 {len(pending)} 项警告未确认，确认后才能提交")
    before = _summary(locked)
    locked.submitted_at, locked.submitted_by = now(), acting_user
    locked.save(update_fields=["submitted_at", "submitted_by", "updated_at"])
    _audit(locked, "提交机构负责人发布", acting_user=acting_user, before=before)
    report.refresh_from_db()
    return report


def acknowledgements(agency_id: int, year: int) -> dict[tuple[str, str], WarningAcknowledgement]:
    rows = WarningAcknowledgement.objects.filter(agency_id=agency_id, year=year).select_related(
        "acknowledged_by"
    )
    return {(a.rule, a.cells): a for a in rows}


def unacknowledged_warnings(report: AnnualReport) -> list[dict[str, Any]]:
    acks = acknowledgements(report.agency_id, report.year)
    return [f for f in report.findings if f["severity"] == "warning" and finding_key(f) not in acks]


@top_level(events.ACKNOWLEDGED)
def do_acknowledge_warning(
    report: AnnualReport, rule: str, cells: str, reason: str, *, acting_user: Any
) -> WarningAcknowledgement:
    """Record that a named person has seen a warning of the last check and why it stands."""
    if not permissions.can_acknowledge(acting_user, report.agency_id):
        raise PermissionDenied
    reason = reason.strip()
    require(len(reason) >= 4, "请写明确认理由（至少 4 个字）")
    locked = _locked(report)
    require(locked.is_draft, "该版本已发布，无需确认")
    finding = next(
        (f for f in locked.findings if f["severity"] == "warning" and finding_key(f) == (rule, cells)),
        None,
    )
    require(finding is not None, "最近一次检查中没有这条警告，请重新检查后再确认")
    assert finding is not None
    ack, _ = WarningAcknowledgement.objects.update_or_create(
        agency_id=locked.agency_id,
        year=locked.year,
        rule=rule,
        cells=cells,
        defaults={
            "message": finding["message"],
            "reason": reason,
            "acknowledged_by": acting_user,
            "acknowledged_at": now(),
        },
    )
    _audit(
        locked,
        f"确认警告 {rule}（{cells or '全文'}）：{reason}",
        acting_user=acting_user,
        rule=rule,
        cells=cells,
    )
    return ack


# ---------------------------------------------------------------------------------------------
# Publishing and amendments
# ---------------------------------------------------------------------------------------------


def do_publish_report(report: AnnualReport, *, acting_user: Any, at: datetime | None = None) -> AnnualReport:
    """Check once more, then freeze the version: JSON, DOCX, PDF and HTML, each with its SHA-256.

    Refused while any error stands or any warning is not acknowledged. The version published
    before (if this is an amendment) becomes ``superseded`` and stays as it was. ``at`` is the
    publication time (the demo replays history); live publishing uses now.
    """
    problem = _publish(report, acting_user=acting_user, at=at)
    if problem:
        # Raised after the step committed (not rolled back): the page then shows what stands
        # in the way, from the check just run.
        raise ActionError(problem)
    report.refresh_from_db()
    return report


@top_level(events.PUBLISHED)
def _publish(report: AnnualReport, *, acting_user: Any, at: datetime | None) -> str:
    """The publishing step; returns what stands in the way ("" when published)."""
    if not permissions.can_publish(acting_user, report.agency_id):
        raise PermissionDenied
    when = at or now()
    locked = _locked(report)
    require(locked.is_draft, "该版本已发布")
    require(
        timezone.localdate(when) > date(locked.year, 12, 31),
        f"{locked.year}年尚未结束，不能发布该年度的年度报告（条例 第四十九条：报告上一年度的工作）",
    )
    before = _summary(locked)
    _run_check(locked, when)
    problem = ""
    if locked.errors:
        problem = f"检查发现 {locked.errors} 项错误，改正后才能发布"
    elif pending := unacknowledged_warnings(locked):
        problem = f"还有 {len(pending)} 项警告未确认，确认后才能发布"
    if problem:
        locked.save()
    else:
        _freeze(locked, before, when, acting_user)
    return problem


def _freeze(locked: AnnualReport, before: dict[str, Any], when: datetime, acting_user: Any) -> None:
    model = report_of(locked.data)
    contents = {
        PublishedFile.Format.JSON: jsonio.dumps(model).encode("utf-8"),
        **{fmt: render(model, str(fmt)) for fmt in FROZEN_FORMATS[1:]},
    }
    # Retire the current published version first: one published version per agency and year.
    superseded = list(
        AnnualReport.objects.select_for_update()
        .filter(agency_id=locked.agency_id, year=locked.year, state=State.PUBLISHED)
        .values_list("version", flat=True)
    )
    AnnualReport.objects.filter(agency_id=locked.agency_id, year=locked.year, state=State.PUBLISHED).update(
        state=State.SUPERSEDED
    )
    for fmt, content in contents.items():
        PublishedFile.objects.create(
            report=locked, fmt=fmt, content=content, sha256=hashlib.sha256(content).hexdigest()
        )
    locked.state = State.PUBLISHED
    locked.published_at = when
    locked.published_by = acting_user
    locked.sha256 = hashlib.sha256(contents[PublishedFile.Format.JSON]).hexdigest()
    locked.save()
    _audit(
        locked,
        "发布" + (f"（更正第{'、'.join(map(str, superseded))}版）" if superseded else ""),
        acting_user=acting_user,
        before=before,
        superseded=superseded,
    )
    public_changed()


@top_level(events.AMENDMENT_STARTED)
def do_start_amendment(report: AnnualReport, *, acting_user: Any) -> AnnualReport:
    """更正 (amendment): a new draft version copied from the current published one; the published
    one stays. The draft's meta names the version it amends (``corrects_version``, a key of the
    stored JSON kept as it is)."""
    if not permissions.can_draft(acting_user, report.agency_id):
        raise PermissionDenied
    locked = _locked(report)
    require(locked.state == State.PUBLISHED, "只能对当前已发布的版本发起更正")
    latest = AnnualReport.objects.filter(agency_id=locked.agency_id, year=locked.year).aggregate(
        n=Max("version")
    )["n"]
    require(latest == locked.version, "已有更正中的草稿版本，请在草稿上继续修改")
    draft = AnnualReport.objects.create(
        agency_id=locked.agency_id,
        year=locked.year,
        version=locked.version + 1,
        data={**locked.data, "meta": {**locked.data.get("meta", {}), "corrects_version": locked.version}},
    )
    _audit(draft, f"发起更正（以第{locked.version}版为底稿）", acting_user=acting_user)
    return draft


# ---------------------------------------------------------------------------------------------
# Submission to the 主管部门 and a government's 第五十条第（四）项 results
# ---------------------------------------------------------------------------------------------


@top_level(events.SUBMITTED_TO_SUPERVISOR)
def do_submit_to_supervisor(report: AnnualReport, *, acting_user: Any, on: date | None = None) -> Submission:
    """The agency submits its published report to its 政府信息公开工作主管部门 (the supervising 公开办,
    its ``parent``) on ``on`` (default today), recorded apart from the publication.

    Legal basis: 条例 第四十九条第一款 (县级以上人民政府部门: 提交 to the 本级主管部门 and 向社会公布).
    """
    if not permissions.can_publish(acting_user, report.agency_id):
        raise PermissionDenied
    locked = _locked(report)
    agency = locked.agency
    require(locked.state == State.PUBLISHED, "只能报送当前已发布的版本")
    require(agency.parent_id is not None, f"{agency.name}没有上级（监督）机构，无法报送主管部门")
    day = on or today()
    require(day >= timezone.localdate(locked.published_at), "报送日期不能早于发布日期")
    submission = Submission.objects.create(
        agency=agency,
        year=locked.year,
        report=locked,
        submitted_to_id=agency.parent_id,
        submitted_on=day,
        submitted_by=acting_user,
    )
    _audit(
        locked,
        f"{day:%Y-%m-%d}报送{agency.parent}（{duty_for(agency, locked.year).basis or '条例未规定报送义务'}）",
        acting_user=acting_user,
        submitted_on=day.isoformat(),
        submitted_to=agency.parent_id,
    )
    return submission


@top_level(events.RESULTS_RECORDED)
def do_record_government_results(
    agency: Agency, year: int, texts: dict[str, str], *, acting_user: Any
) -> GovernmentResults:
    """Record a 人民政府's 工作考核、社会评议和责任追究结果情况 for the report on ``year`` (``texts``:
    assessment, evaluation, accountability); the next drafting of the narrative writes them.

    Legal basis: 条例 第五十条第（四）项、第四十六条.
    """
    if not permissions.can_draft(acting_user, agency.pk):
        raise PermissionDenied
    require(
        agency.agency_kind.is_peoples_government,
        "条例第五十条第（四）项只要求各级人民政府的年度报告包括工作考核、社会评议和责任追究结果情况",
    )
    fields = ("assessment", "evaluation", "accountability")
    values = {f: texts.get(f, "").replace("\r\n", "\n").strip() for f in fields}
    for value in values.values():
        require(len(value) <= MAX_SECTION_CHARS, f"超过 {MAX_SECTION_CHARS} 字，请精简")
    results, _ = GovernmentResults.objects.update_or_create(agency=agency, year=year, defaults=values)
    draft = AnnualReport.objects.filter(agency=agency, year=year, state=State.DRAFT).first()
    if draft is not None:  # the draft's section 一 gets the paragraph in place of the earlier one
        draft = _locked(draft)
        sections = [dict(s) for s in draft.sections()]
        for section in sections:
            if section.get("number") == "一":
                kept = str(section.get("text", "")).split(narrative.RESULTS_LEAD)[0]
                section["text"] = kept + narrative.government_results(results)
        draft.data = {**draft.data, "sections": sections}
        _clear_check(draft)
        draft.save()
    step_record(
        acting_user=acting_user,
        summary=f"{agency.name}{year}年度工作考核、社会评议和责任追究结果情况已记录",
        obj=results,
        after=values,
    )
    return results

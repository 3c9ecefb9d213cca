"""An agency's annual report (政府信息公开工作年度报告, 条例 第四十九条、第五十条) as stored versions.

A report is a sequence of versions per (agency, year). Version 1 is the first draft; publishing
freezes a version (its JSON in the report-json.md contract plus DOCX, PDF and HTML files, each with
its SHA-256 digest); an amendment (更正) is a new draft version copied from the published one, and
publishing it marks the earlier version ``superseded`` -- it stays readable, never changed.

Only ``actions.py`` writes these rows. Names and fields are the shared contract of issue 8
(/work/notes/D-contract.md): the supervisor's views (oversight) read them.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from gongkai.report.publication import PublicationDuty, annual_report_duty
from gongkai.web.accounts.models import Agency
from gongkai.web.choices import Choices
from gongkai.web.model_fields import Model, optional_reference


class FrozenReportError(RuntimeError):
    """An attempt to change a published version (a programming error: amendments are new versions)."""


class State(Choices):
    DRAFT = "草稿"
    PUBLISHED = "已发布"
    SUPERSEDED = "已更正（旧版）"


#: States of a version that was published at some time (the report counts as submitted).
SUBMITTED_STATES = (State.PUBLISHED, State.SUPERSEDED)


def duty_for(agency: Agency, year: int) -> PublicationDuty:
    """What 条例 第四十九条 asks of ``agency``'s report on ``year``, by its recorded kind
    (gongkai.report.publication.annual_report_duty: 部门 1月31日, 县级以上地方人民政府 3月31日,
    other kinds no statutory date)."""
    return annual_report_duty(agency.agency_kind, year)


def deadline_for(agency: Agency, year: int) -> date | None:
    """The last day on time for ``agency``'s report on ``year``; ``None`` when the 条例 sets none
    for its kind (then there is no 逾期 verdict: ``duty_for(...).note`` says why)."""
    return duty_for(agency, year).due


def published_late(agency: Agency, year: int, first_published_at: datetime) -> bool | None:
    """Whether the report was late: its first version published after ``deadline_for`` (the day in
    the local time zone: a report published at 23:30 on the last day is on time); ``None`` when
    the kind has no statutory date."""
    day = timezone.localdate(first_published_at)
    return duty_for(agency, year).is_late(day, day)


class AnnualReport(Model):
    agency = models.ForeignKey(
        "accounts.Agency", on_delete=models.PROTECT, related_name="annual_reports", verbose_name="机构"
    )
    year = models.PositiveSmallIntegerField("年度")
    version = models.PositiveSmallIntegerField("版本")
    state = models.CharField("状态", max_length=20, choices=State.choices(), default=State.DRAFT)
    #: The report in the ``gongkai.annual-report/1`` shape (gongkai.report.jsonio.report_to_dict).
    data = models.JSONField("报告内容")
    errors = models.PositiveIntegerField("错误数", default=0)
    warnings = models.PositiveIntegerField("警告数", default=0)
    #: The last check's findings: Finding.to_dict() entries (rule, severity, cells, message, ...).
    findings = models.JSONField("检查结果", default=list)
    checked_at = models.DateTimeField("检查时间", null=True, blank=True)
    #: The clerk's 提交: the draft is ready for the 机构负责人/审核人 to publish. Cleared when the
    #: content changes (the check is cleared then too).
    submitted_at = models.DateTimeField("提交时间", null=True, blank=True)
    submitted_by = optional_reference(settings.AUTH_USER_MODEL, "提交人")
    published_at = models.DateTimeField("发布时间", null=True, blank=True)
    published_by = optional_reference(settings.AUTH_USER_MODEL, "发布人")
    #: SHA-256 of the published JSON bytes (PublishedFile fmt=json), empty while a draft.
    sha256 = models.CharField("SHA-256", max_length=64, blank=True, default="")
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "年度报告"
        ordering = ["agency_id", "-year", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "year", "version"], name="annual_report_version"),
            # At most one current published version per agency and year.
            models.UniqueConstraint(
                fields=["agency", "year"],
                condition=models.Q(state="published"),
                name="annual_report_one_published",
            ),
        ]
        indexes = [models.Index(fields=["year", "state"], name="annual_report_year_state")]

    def __str__(self) -> str:
        return f"{self.agency} {self.year}年度报告（第{self.version}版，{self.get_state_display()}）"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # A published (or superseded) version is frozen: only its state may move on. Checked here
        # as well as in the actions, so that no code path can rewrite what was published.
        if not self._state.adding:
            stored = type(self).objects.filter(pk=self.pk).values("state", "data").first()
            if stored is not None and stored["state"] != State.DRAFT and stored["data"] != self.data:
                raise FrozenReportError(f"{self} 已发布，内容不能修改")
        super().save(*args, **kwargs)

    @property
    def is_draft(self) -> bool:
        return self.state == State.DRAFT

    def sections(self) -> list[dict[str, Any]]:
        return list(self.data.get("sections") or [])


class PublishedFile(Model):
    """One frozen file of a published version; its bytes never change."""

    class Format(Choices):
        JSON = "JSON"
        DOCX = "DOCX"
        PDF = "PDF"
        HTML = "HTML"

    report = models.ForeignKey(AnnualReport, on_delete=models.PROTECT, related_name="files")
    fmt = models.CharField("格式", max_length=10, choices=Format.choices())
    content = models.BinaryField("文件内容")
    sha256 = models.CharField("SHA-256", max_length=64)

    class Meta:
        verbose_name = "年度报告发布文件"
        constraints = [models.UniqueConstraint(fields=["report", "fmt"], name="annual_file_report_fmt")]

    def __str__(self) -> str:
        return f"{self.report} {self.fmt}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise FrozenReportError("已发布的年度报告文件不能修改")
        super().save(*args, **kwargs)

    @property
    def filename(self) -> str:
        report = self.report
        return f"{report.agency.name}{report.year}年政府信息公开工作年度报告-v{report.version}.{self.fmt}"


class WarningAcknowledgement(Model):
    """A warning of the check, acknowledged (with a reason) by a named person.

    Keyed by agency, year, rule id and the finding's cells -- not by version or check run -- so it
    survives re-checking, regenerating and an amendment version for as long as the same finding
    recurs; a different finding (other rule or other cells) needs its own acknowledgement.
    """

    agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField("年度")
    rule = models.CharField("规则", max_length=40)
    #: The finding's cells joined by "," (the cell paths of report-json.md), "" when it names none.
    cells = models.CharField("单元格", max_length=500, blank=True, default="")
    message = models.TextField("确认时的提示内容")
    reason = models.TextField("说明理由")
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="确认人"
    )
    acknowledged_at = models.DateTimeField("确认时间")

    class Meta:
        verbose_name = "警告确认"
        constraints = [
            models.UniqueConstraint(fields=["agency", "year", "rule", "cells"], name="annual_ack_key")
        ]

    def __str__(self) -> str:
        return f"{self.agency} {self.year} {self.rule} {self.cells}"


def finding_key(finding: dict[str, Any]) -> tuple[str, str]:
    """The key under which a warning is acknowledged: its rule id and its cells."""
    return str(finding.get("rule", "")), ",".join(finding.get("cells") or [])


class Submission(Model):
    """The agency submitted its published report to the 政府信息公开工作主管部门 (its supervising
    公开办, the agency's ``parent``) on ``submitted_on``: 条例 第四十九条第一款 asks a 县级以上人民政府
    部门 both to submit (提交) and to publish (向社会公布); the two are recorded apart."""

    agency = models.ForeignKey(
        "accounts.Agency", on_delete=models.PROTECT, related_name="+", verbose_name="机构"
    )
    year = models.PositiveSmallIntegerField("年度")
    report = models.ForeignKey(AnnualReport, on_delete=models.PROTECT, related_name="submissions")
    submitted_to = models.ForeignKey(
        "accounts.Agency", on_delete=models.PROTECT, related_name="+", verbose_name="报送至（主管部门）"
    )
    submitted_on = models.DateField("报送日期")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="报送人"
    )

    class Meta:
        verbose_name = "年度报告报送记录"
        ordering = ["agency_id", "year", "submitted_on"]

    def __str__(self) -> str:
        return f"{self.agency} {self.year}年度报告 {self.submitted_on} 报送{self.submitted_to}"


class GovernmentResults(Model):
    """What a 人民政府 enters for its report's 工作考核、社会评议和责任追究结果情况 (条例 第五十条第（四）项):
    facts no record in Gongkai holds, written into the drafted narrative (annual.narrative)."""

    agency = models.ForeignKey(
        "accounts.Agency", on_delete=models.PROTECT, related_name="+", verbose_name="机构"
    )
    year = models.PositiveSmallIntegerField("年度")
    assessment = models.TextField("工作考核结果", blank=True, default="")
    evaluation = models.TextField("社会评议结果", blank=True, default="")
    accountability = models.TextField("责任追究结果", blank=True, default="")

    class Meta:
        verbose_name = "考核评议追究结果"
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="annual_gov_results_key")]

    def __str__(self) -> str:
        return f"{self.agency} {self.year} 工作考核、社会评议和责任追究结果情况"

"""Reports a supervisor (公开办) uploads for agencies that do not use Gongkai, and the bulk checks.

An agency outside the system still publishes its annual report (条例 第四十九条); the office that
oversees it collects the published file and checks it with the same reader and rules as any
report. Each file is kept byte for byte with its SHA-256 digest whatever happens to it -- a file
that cannot be read ends ``failed`` with the reader's Chinese message, never deleted.

Only ``actions.py`` and ``tasks.py`` write these rows.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from gongkai.web.choices import Choices
from gongkai.web.model_fields import Model, optional_reference


class UploadState(Choices):
    UNASSIGNED = "待指定单位"
    QUEUED = "排队中"
    READING = "读取中"
    CHECKED = "已检查"
    #: Checked, but the file names another agency or year than it was assigned to: not counted
    #: (status, 汇总, trends) until the supervisor confirms the assignment or changes it.
    UNCONFIRMED = "待确认"
    FAILED = "无法读取"


#: States in which the background check has finished with this file.
FINISHED_STATES = (UploadState.CHECKED, UploadState.FAILED)


class BulkCheckJob(Model):
    """One upload of one or many files: its progress is what the supervisor watches."""

    supervisor_agency = models.ForeignKey(
        "accounts.Agency", on_delete=models.PROTECT, related_name="+", verbose_name="监督机构"
    )
    year = models.PositiveSmallIntegerField("年度")
    total = models.PositiveIntegerField("文件数", default=0)
    done = models.PositiveIntegerField("已检查", default=0)
    failed = models.PositiveIntegerField("无法读取", default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="上传人"
    )
    created_at = models.DateTimeField("上传时间", auto_now_add=True)

    class Meta:
        verbose_name = "批量检查"
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.year}年度报告批量检查（{self.total}个文件）"

    @property
    def finished(self) -> bool:
        return self.done + self.failed >= self.total


class UploadedReport(Model):
    job = models.ForeignKey(
        BulkCheckJob, on_delete=models.PROTECT, related_name="uploads", verbose_name="批次"
    )
    #: Null until the file is matched to an agency (from the form, the report or the file name).
    agency = optional_reference("accounts.Agency", "单位", related_name="uploaded_reports")
    year = models.PositiveSmallIntegerField("年度")
    filename = models.CharField("原文件名", max_length=255)
    content = models.BinaryField("文件内容")
    sha256 = models.CharField("SHA-256", max_length=64)
    state = models.CharField("状态", max_length=20, choices=UploadState.choices(), default=UploadState.QUEUED)
    #: The report as read, in the report-json.md contract (jsonio.report_to_dict); null until read.
    data = models.JSONField("报告内容", null=True, blank=True)
    findings = models.JSONField("检查结果", default=list)
    errors = models.PositiveIntegerField("错误数", default=0)
    warnings = models.PositiveIntegerField("警告数", default=0)
    #: The reader's Chinese message when the file cannot be read.
    error_message = models.TextField("无法读取的原因", blank=True, default="")
    #: Whether the check compared it with the agency's report of the year before (XYEAR rules).
    compared_with_previous = models.BooleanField("已与上年报告对照", default=False)
    #: How the file disagrees with its assignment ("文件中的单位为…"), empty when it agrees.
    mismatch = models.TextField("与文件内容不一致之处", blank=True, default="")
    #: The date the agency published the report, when the supervisor knows it: whether a report
    #: was late (条例 第四十九条) is judged by it, not by when the file reached the supervisor.
    published_on = models.DateField("发布日期", null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="上传人"
    )
    uploaded_at = models.DateTimeField("上传时间", auto_now_add=True)
    checked_at = models.DateTimeField("检查时间", null=True, blank=True)

    class Meta:
        verbose_name = "上传的年度报告"
        ordering = ["-uploaded_at", "-pk"]
        indexes = [models.Index(fields=["year", "agency"], name="upload_year_agency")]

    def __str__(self) -> str:
        return f"{self.filename}（{self.year}年度）"

"""The disclosure application (政府信息公开申请) as a case, its events, attachments and numbering.

Status (where the case is) and due dates are kept in columns so that queues sort in the database;
both are written only by ``actions.py``. Due dates are computed by the domain engine
(gongkai.deadlines) from the events below -- never typed in -- and "overdue" is never stored: it
is asked of ``ApplicationQuerySet`` at the moment of asking.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from gongkai.calendar import WorkingCalendar
from gongkai.deadlines import DUE_SOON_WORKING_DAYS
from gongkai.errors import GongkaiError
from gongkai.web.applications import vocabulary as v
from gongkai.web.counters import YearlyCounter
from gongkai.web.model_fields import Model, optional_reference
from gongkai.workflow.cases import CaseState


class RegistrationCounter(YearlyCounter):
    """The last registration serial used by an agency in a year (locked while numbering)."""

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="counter_agency_year")]


class ApplicationQuerySet(models.QuerySet["Application"]):
    """The one definition of "open", "overdue", "due soon" and "correction lapsed" for cases.

    A case is *overdue* when the agency is late: it is open, its reply clock runs and its due date
    has passed. A case waiting for 补正 is never overdue -- the reply clock has not started (条例
    第三十条); its due date is the correction period the notice set, and when that has passed the
    *applicant* is late (*correction lapsed*: the case goes to the clerk, who decides whether the
    applicant had a 正当理由 -- only without one does it end as 表三（六）1, issue 16).
    The work queue's "已逾期" tab lists both (*past due*), told apart by their badges.
    The ``*_q`` conditions serve aggregates (one COUNT per tab in one query).
    """

    @staticmethod
    def open_q() -> Q:
        return Q(status__in=v.OPEN_STATUSES)

    @staticmethod
    def overdue_q(today: date) -> Q:
        return Q(status__in=v.OPEN_STATUSES, due_on__lt=today) & ~Q(
            status__in=(CaseState.AWAITING_CORRECTION, CaseState.CORRECTION_LAPSE_PENDING)
        )

    @staticmethod
    def correction_lapsed_q(today: date) -> Q:
        return Q(status=CaseState.AWAITING_CORRECTION, due_on__lt=today)

    @staticmethod
    def past_due_q(today: date) -> Q:
        return Q(status__in=v.OPEN_STATUSES, due_on__lt=today)

    @staticmethod
    def answered_late_q() -> Q:
        """逾期答复: a case resolved after the due date that applied to it (the annual report's
        "逾期" count, annual.tables.facts_for, uses this same condition)."""
        return ~Q(resolution="") & Q(closed_on__gt=F("due_on"))

    @staticmethod
    def answered_on_time_q() -> Q:
        return ~Q(resolution="") & Q(closed_on__lte=F("due_on"))

    @staticmethod
    def due_soon_until(today: date, calendar: WorkingCalendar) -> date | None:
        """The last day that is "due soon": DUE_SOON_WORKING_DAYS working days ahead (None when the
        calendar cannot tell, e.g. next year's holiday schedule is missing)."""
        try:
            return calendar.add_working_days(today, DUE_SOON_WORKING_DAYS)
        except GongkaiError:
            return None

    @staticmethod
    def due_soon_q(today: date, until: date | None) -> Q:
        if until is None:
            return Q(pk__in=[])
        return Q(status__in=v.OPEN_STATUSES, due_on__gte=today, due_on__lte=until)

    def open(self) -> ApplicationQuerySet:
        return self.filter(self.open_q())

    def overdue(self, today: date) -> ApplicationQuerySet:
        return self.filter(self.overdue_q(today))

    def correction_lapsed(self, today: date) -> ApplicationQuerySet:
        return self.filter(self.correction_lapsed_q(today))

    def past_due(self, today: date) -> ApplicationQuerySet:
        return self.filter(self.past_due_q(today))

    def due_soon(self, today: date, until: date | None) -> ApplicationQuerySet:
        return self.filter(self.due_soon_q(today, until))

    def with_overdue(self, today: date) -> ApplicationQuerySet:
        """Annotate each case with ``overdue`` (bool), by the same condition as ``overdue()``."""
        return self.annotate(
            overdue=models.ExpressionWrapper(self.overdue_q(today), output_field=models.BooleanField())
        )


class Application(Model):
    agency = models.ForeignKey(
        "accounts.Agency", verbose_name="受理机关", on_delete=models.PROTECT, related_name="applications"
    )
    year = models.PositiveSmallIntegerField("登记年度")
    serial = models.PositiveIntegerField("登记序号")
    number = models.CharField("登记编号", max_length=60, unique=True)
    #: Hash of the query code given to the applicant (the code itself is shown once, on the receipt).
    query_code_hash = models.CharField(max_length=128)

    # -- the applicant (条例 第二十九条第二款第（一）项) --------------------------------------------
    applicant_type = models.CharField(
        "申请人类型",
        max_length=20,
        choices=v.APPLICANT_TYPE_CHOICES,
    )
    name = models.CharField("姓名或名称", max_length=100)
    id_type = models.CharField("身份证明类型", max_length=20, choices=v.IdType.choices())
    id_number = models.CharField("身份证明号码", max_length=40)
    legal_representative = models.CharField("法定代表人或负责人", max_length=50, blank=True, default="")
    phone = models.CharField("联系电话", max_length=30)
    email = models.EmailField("电子邮箱", blank=True, default="")
    address = models.CharField("通信地址", max_length=200, blank=True, default="")
    postcode = models.CharField("邮政编码", max_length=10, blank=True, default="")

    # -- what is asked for (第（二）项) and in which form (第（三）项) --------------------------------
    description = models.TextField("所需政府信息的名称、文号或特征性描述")
    delivery_form = models.CharField("提供形式", max_length=20, choices=v.InformationFormat.choices())
    delivery_method = models.CharField("获取方式", max_length=20, choices=v.ObtainingMethod.choices())

    # -- receipt (第三十一条) ---------------------------------------------------------------------
    channel = models.CharField("提交方式", max_length=20, choices=v.SubmissionChannel.choices())
    submitted_at = models.DateTimeField("提交时间")
    #: The date of receipt per 第三十一条; empty until it is established (an online submission is
    #: received on the day both sides confirm it).
    received_on = models.DateField("收到申请之日", null=True, blank=True)
    registered_by = optional_reference(settings.AUTH_USER_MODEL, "登记人")
    assignee = optional_reference(settings.AUTH_USER_MODEL, "经办人", related_name="assigned_applications")

    # -- where the case is, and the clock (cached; written by actions only) -----------------------
    status = models.CharField("办理状态", max_length=30, choices=v.STATUS_CHOICES)
    #: The date the case must be answered by, all events considered (the queue sorts on it).
    due_on = models.DateField("答复期限", null=True, blank=True)
    correction_notice_due = models.DateField("补正告知期限", null=True, blank=True)
    extended_due = models.DateField("延长后最迟期限", null=True, blank=True)
    #: Why no due date could be computed (e.g. the year's holiday schedule is missing).
    clock_error = models.CharField("期限计算问题", max_length=300, blank=True, default="")
    closed_on = models.DateField("办结日期", null=True, blank=True)
    #: How the case ended: a table-3 row key of the annual report (gongkai.report.model.TABLE3_ROWS).
    resolution = models.CharField("办理结果", max_length=30, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = "政府信息公开申请"
        ordering = ["due_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "year", "serial"], name="application_serial")
        ]
        indexes = [
            models.Index(fields=["agency", "due_on"], name="app_agency_due_idx"),
            models.Index(fields=["agency", "status", "due_on"], name="app_agency_status_due_idx"),
            models.Index(fields=["assignee", "due_on"], name="app_assignee_due_idx"),
            # The work queue reads open cases only: partial indexes keep it to those. The first
            # covers the tab counts (index-only on PostgreSQL thanks to INCLUDE; SQLite ignores
            # INCLUDE), the second lets a supervisor's queue over several agencies be read in due
            # order and stop after one page instead of sorting every open case.
            models.Index(
                fields=["agency", "due_on"],
                include=["status", "assignee", "clock_error"],
                condition=models.Q(status__in=v.OPEN_STATUSES),
                name="app_open_agency_due_idx",
            ),
            models.Index(
                fields=["due_on"], condition=models.Q(status__in=v.OPEN_STATUSES), name="app_open_due_idx"
            ),
            # Screening (重复申请, 第三十五条) and 按件 fee counts read one applicant's applications
            # to one agency, by identity document or by name and phone. No date column: the
            # newest-first walk (pk) must follow the equality columns (SQLite appends the rowid).
            models.Index(fields=["agency", "id_number"], name="app_agency_idnum_idx"),
            models.Index(fields=["agency", "phone", "name"], name="app_agency_phone_name_idx"),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def is_open(self) -> bool:
        return self.status in v.OPEN_STATUSES

    @property
    def answered_late(self) -> bool:
        """逾期答复 (as ApplicationQuerySet.answered_late_q): resolved after its due date."""
        return bool(self.resolution and self.closed_on and self.due_on and self.closed_on > self.due_on)


class CaseEvent(Model):
    """A fact that moves the statutory clock or the case (补正, extension, consultation...)."""

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="events")
    kind = models.CharField("事项", max_length=30, choices=v.EVENT_KIND_CHOICES)
    on = models.DateField("日期")
    #: The end of a period (a correction deadline, the end of a consultation pause).
    until = models.DateField("截止/结束日期", null=True, blank=True)
    #: A qualifier of the kind (the consultation's PauseReason).
    detail = models.CharField("类别", max_length=30, blank=True, default="")
    note = models.TextField("说明", blank=True, default="")
    by = optional_reference(settings.AUTH_USER_MODEL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["on", "pk"]
        verbose_name = "办理事项"


def _attachment_path(instance: Attachment, filename: str) -> str:
    return f"attachments/{instance.application.agency_id}/{instance.application.year}/{filename}"


class Attachment(Model):
    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="attachments")
    file = models.FileField(upload_to=_attachment_path)
    original_name = models.CharField("文件名", max_length=200)
    size = models.PositiveIntegerField("大小（字节）")
    content_type = models.CharField("类型", max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)


class ThirdPartyConsultation(Model):
    """A written consultation of a third party (书面征求第三方意见, 条例 第三十二条).

    The third party answers within 15 working days of receiving the letter (``reply_due``,
    computed by gongkai.deadlines.consultation_due on the agency's calendar when the letter is
    recorded); without an answer the agency decides itself. When the agency discloses although
    the third party disagreed (public interest), it must tell the third party in writing the
    content and reasons (``notice_sent_on``, the 第三方告知书).
    """

    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="third_party_consultations"
    )
    #: The CONSULTATION_STARTED event whose pause this consultation is.
    event = models.OneToOneField(CaseEvent, on_delete=models.PROTECT, related_name="third_party")
    party_name = models.CharField("第三方名称或姓名", max_length=100)
    contact = models.CharField("联系方式", max_length=100)
    address = models.CharField("通信地址", max_length=200, blank=True, default="")
    information = models.TextField("拟公开的政府信息")
    sent_on = models.DateField("征求意见书发出日期")
    letter_received_on = models.DateField("第三方收到征求意见书之日")
    reply_due = models.DateField("第三方答复期限")
    answer = models.CharField("第三方意见", max_length=20, choices=v.THIRD_PARTY_ANSWER_CHOICES, blank=True)
    answered_on = models.DateField("答复日期", null=True, blank=True)
    answer_reason = models.TextField("第三方理由", blank=True, default="")
    decision = models.CharField(
        "本机关决定", max_length=20, choices=v.THIRD_PARTY_DECISION_CHOICES, blank=True
    )
    decision_reason = models.TextField("决定理由", blank=True, default="")
    notice_sent_on = models.DateField("书面告知第三方日期", null=True, blank=True)
    #: Named in the 第三方告知书's remedies (the third party may challenge the disclosure).
    reconsideration_body = models.CharField("行政复议机关", max_length=100, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["sent_on", "pk"]
        verbose_name = "征求第三方意见"


class FeeNotice(Model):
    """The 收费通知书 of a case with its quote (条例 第四十二条; 国办函〔2020〕109号).

    One method per application (办法 第三条). ``quantity`` is the page count (按量) or the
    application's number among the applicant's applications to the agency in its calendar month
    (按件), counted in the database when the notice is sent. ``payment_due`` is the last day to
    pay (gongkai.deadlines.fee_payment_due); unpaid after it the case closes as 表三（六）2.
    """

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="fee_notices")
    event = models.OneToOneField(CaseEvent, on_delete=models.PROTECT, related_name="fee_notice")
    method = models.CharField("计收方式", max_length=20, choices=v.FEE_METHOD_CHOICES)
    quantity = models.PositiveIntegerField("数量（页数或本月第几件）")
    amount = models.DecimalField("金额（元）", max_digits=12, decimal_places=2)
    #: The quote's bands: [{"band", "units", "rate", "subtotal"}] with amounts as strings.
    lines = models.JSONField("计算明细", default=list)
    basis = models.CharField("收费依据", max_length=200)
    how_to_pay = models.TextField("缴纳方式")
    sent_on = models.DateField("收费通知发出日期")
    received_on = models.DateField("申请人收到收费通知之日")
    payment_due = models.DateField("缴费期限")
    paid_on = models.DateField("缴费日期", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["sent_on", "pk"]
        verbose_name = "收费通知"
        indexes = [
            models.Index(fields=["payment_due"], condition=models.Q(paid_on=None), name="fee_unpaid_due_idx")
        ]


class SubmissionKey(Model):
    """A consumed one-time submission key of an application form (applications.submission_keys):
    the form was filed once, as ``application``; filing it again shows that receipt."""

    #: SHA-256 of the signed key (the key itself addresses the receipt page).
    key_hash = models.CharField(max_length=64, unique=True)
    application = models.OneToOneField(
        Application, on_delete=models.PROTECT, related_name="submission_key", null=True
    )
    #: The query code sealed with the key (shown again to the key's holder only).
    sealed_code = models.CharField(max_length=64, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "提交凭据"

"""行政复议 and 行政诉讼 cases arising from disclosure work (表四 of the annual report).

A case belongs to one agency (the respondent, 被申请人/被告) and usually to the application it
concerns; legacy cases entered without their application keep only the agency. A lawsuit brought
after reconsideration (复议后起诉) points at the reconsideration case when it is recorded here.

The result is one of table 4's columns; ``decided_on`` says when it was reached, so that a case
decided after 31 December still counts as 尚未审结 in that year's report (gongkai.web.annual.tables).
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models

from gongkai import remedies as periods
from gongkai.report.model import TABLE4_FIELDS
from gongkai.web.choices import Choices
from gongkai.web.model_fields import Model, optional_reference


class Kind(Choices):
    RECONSIDERATION = "行政复议"
    LITIGATION = "行政诉讼"


#: Table 4's cells of a group, by key: the heading each is printed under.
_TABLE4_HEADINGS = dict(TABLE4_FIELDS)


class Result(Choices):
    """The table-4 result columns (结果维持 / 结果纠正 / 其他结果 / 尚未审结): a case's result is
    stored under its column's key in the report (gongkai.report.model.TABLE4_FIELDS) and shown
    with that column's heading."""

    UPHELD = _TABLE4_HEADINGS["upheld"]
    CORRECTED = _TABLE4_HEADINGS["corrected"]
    OTHER = _TABLE4_HEADINGS["other"]
    PENDING = _TABLE4_HEADINGS["pending"]


class AppealQuerySet(models.QuerySet["Appeal"]):
    def handled_in(self, year: int) -> AppealQuerySet:
        """Cases handled in ``year``: filed by 31 December and not decided before 1 January.

        This is the set table 4 counts for the year (see gongkai.web.annual.tables): a case appears
        in every year from the one it was filed in to the one it was decided in.
        """
        return self.filter(
            models.Q(decided_on__isnull=True) | models.Q(decided_on__gte=date(year, 1, 1)),
            filed_on__lte=date(year, 12, 31),
        )


#: The results that end a case (everything but 尚未审结), as stored.
DECIDED_RESULTS: tuple[str, ...] = tuple(r.value for r in Result if r is not Result.PENDING)
PENDING = Result.PENDING.value


class Appeal(Model):
    agency = models.ForeignKey(
        "accounts.Agency",
        verbose_name="被申请人（被告）机关",
        on_delete=models.PROTECT,
        related_name="appeals",
    )
    application = optional_reference("applications.Application", "所涉申请", related_name="appeals")
    kind = models.CharField("类型", max_length=20, choices=Kind.choices())
    #: For a lawsuit: brought after a reconsideration decision (行政诉讼法 第四十五条) rather than
    #: directly (第四十六条). True also for legacy lawsuits whose reconsideration is not recorded.
    after_reconsideration = models.BooleanField("复议后起诉", default=False)
    reconsideration = optional_reference("self", "前置的行政复议案件", related_name="lawsuits")
    body = models.CharField("复议机关或人民法院", max_length=100)
    case_number = models.CharField("案号", max_length=60, blank=True, default="")
    applicant_name = models.CharField("申请人（原告）", max_length=100)
    act_on = models.DateField("被诉（申请复议）行政行为作出日期")
    known_on = models.DateField("知道或者应当知道该行政行为之日")
    #: 行政诉讼法 第四十五条: the 15 days after reconsideration run from receipt of the decision.
    decision_received_on = models.DateField("收到复议决定书之日", null=True, blank=True)
    filed_on = models.DateField("申请（起诉）日期")
    result = models.CharField("结果", max_length=20, choices=Result.choices(), default=Result.PENDING)
    decided_on = models.DateField("审结日期", null=True, blank=True)
    note = models.TextField("说明", blank=True, default="")
    created_by = optional_reference(settings.AUTH_USER_MODEL)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AppealQuerySet.as_manager()

    class Meta:
        verbose_name = "行政复议、行政诉讼案件"
        ordering = ["-filed_on", "-pk"]
        indexes = [models.Index(fields=["agency", "filed_on"], name="appeal_agency_filed_idx")]
        constraints = [
            # A result other than 尚未审结 needs its date, and 尚未审结 has none.
            models.CheckConstraint(
                condition=(models.Q(result="pending", decided_on__isnull=True))
                | (~models.Q(result="pending") & models.Q(decided_on__isnull=False)),
                name="appeal_result_has_date",
            ),
            models.CheckConstraint(
                condition=models.Q(kind="litigation") | models.Q(after_reconsideration=False),
                name="appeal_after_only_litigation",
            ),
        ]

    def __str__(self) -> str:
        label = self.case_number or f"#{self.pk}"
        return f"{self.get_kind_display()} {label}"

    @property
    def table4_group(self) -> str:
        """The table-4 group key (gongkai.report.model.TABLE4_GROUPS) this case is counted in."""
        if self.kind == Kind.RECONSIDERATION:
            return "reconsideration"
        return "litigation_after_reconsideration" if self.after_reconsideration else "litigation_direct"

    def period(self) -> periods.FilingPeriod | None:
        """The filing period that applied, or ``None`` when its start date is not known."""
        if self.kind == Kind.RECONSIDERATION:
            return periods.reconsideration_period(self.known_on)
        if not self.after_reconsideration:
            return periods.direct_litigation_period(self.known_on)
        # The 15 days run from *receipt* of the decision, which may be later than the decision
        # date itself: without the receipt date there is no period to state.
        received = self.decision_received_on
        return None if received is None else periods.litigation_after_reconsideration_period(received)

    def result_on(self, day: date) -> str:
        """The result as it stood on ``day`` (a later decision is still 尚未审结 then)."""
        if self.decided_on is None or self.decided_on > day:
            return PENDING
        result: str = self.result
        return result

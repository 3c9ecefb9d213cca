"""The answer to an application (答复): its draft, review, the issued letters and delivery (issue 6).

A ``Reply`` is the clerk's working draft (one per application, versioned); the reviewer's
``ReviewComment`` rows keep the history of returns and approvals. Issuing freezes the letter as an
``IssuedLetter`` (DOCX and PDF bytes with their SHA-256 digests) that is never updated: what the
applicant received must be provable later (法释〔2025〕8号 第五条 puts the burden of proof on the
agency). ``Delivery`` records how and when it reached the applicant (送达) with its proof.

All rows are written by ``replies.actions`` only.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from gongkai.web.audit.record import now as audit_now
from gongkai.web.counters import YearlyCounter
from gongkai.web.model_fields import IssuedFiles, Model, RefusingQuerySet, optional_reference
from gongkai.web.replies import vocabulary as rv
from gongkai.workflow.outcomes import DENIAL_KEYS, OUTCOMES

OUTCOME_CHOICES = [(key, outcome.label) for key, outcome in OUTCOMES.items()]
DENIAL_CHOICES = [(key, OUTCOMES[key].label) for key in DENIAL_KEYS]


class Reply(Model):
    """The reply being prepared for one application (the facts its letter is composed from)."""

    application = models.OneToOneField(
        "applications.Application", on_delete=models.PROTECT, related_name="reply", verbose_name="申请"
    )
    #: A table-3 row key (gongkai.workflow.OUTCOMES), checked by workflow.validate_resolution.
    outcome = models.CharField("办理结果", max_length=30, choices=OUTCOME_CHOICES)
    #: The legal ground when the outcome has more than one (予以公开: 已主动公开/可以公开;
    #: 本机关不掌握: 不存在/非本机关负责公开).
    ground = models.CharField("依据", max_length=30, blank=True, default="")
    information_provided = models.TextField("提供的政府信息", blank=True, default="")
    delivery_how = models.TextField("提供方式、获取途径和时间", blank=True, default="")
    refusal_reasons = models.TextField("不予公开的理由", blank=True, default="")
    #: 检索情况: the agency proves a reasonable search when it says the information does not exist
    #: (法释〔2025〕8号 第五条).
    search_description = models.TextField("检索情况", blank=True, default="")
    not_ours_reasons = models.TextField("不属于本机关负责公开的理由", blank=True, default="")
    #: 条例 第三十六条第（五）项: the agency responsible for disclosing, where it can be determined.
    responsible_agency_name = models.CharField("负责公开的行政机关", max_length=100, blank=True, default="")
    responsible_agency_contact = models.CharField("该机关联系方式", max_length=200, blank=True, default="")
    responsible_agency_undetermined = models.BooleanField("无法确定负责公开的机关", default=False)
    other_channels = models.TextField("信访、投诉、举报渠道或依法查询的途径", blank=True, default="")
    publication_access = models.TextField("公开出版物的获取途径", blank=True, default="")
    explanation = models.TextField("情况说明", blank=True, default="")
    #: Overrides the ground's article; needed where the outcome has none (表三（五）5、（六）3).
    legal_basis = models.CharField("法律依据", max_length=200, blank=True, default="")
    #: 行政复议法 第二十条第三款: the letter names the body that hears a reconsideration.
    reconsideration_body = models.CharField("行政复议机关", max_length=100, blank=True, default="")
    court = models.CharField("管辖法院", max_length=100, blank=True, default="")
    contact = models.CharField("经办人及联系电话", max_length=100, blank=True, default="")
    #: 文号, assigned from the agency's sequence when the letter is issued.
    document_number = models.CharField("文号", max_length=60, unique=True, null=True, blank=True)
    version = models.PositiveIntegerField("版本", default=0)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, verbose_name="修改人"
    )
    updated_at = models.DateTimeField("修改时间", default=audit_now)

    class Meta:
        verbose_name = "答复"

    def __str__(self) -> str:
        return f"{self.application} 答复（第{self.version}版）"


#: The reply's free-text facts, named as in gongkai.letters.LetterFacts (and as the fields of
#: replies.actions.DraftData): its text columns but the outcome, its ground and the 文号 of issue.
TEXT_FACTS: tuple[str, ...] = tuple(
    f.name
    for f in Reply._meta.concrete_fields
    if isinstance(f, models.CharField | models.TextField)
    and f.name not in ("outcome", "ground", "document_number")
)


class WithheldPart(Model):
    """A part withheld in a 部分公开 reply, the 不予公开 ground and the reason (条例 第三十七条)."""

    reply = models.ForeignKey(Reply, on_delete=models.CASCADE, related_name="withheld_parts")
    ground = models.CharField("不予公开的依据", max_length=30, choices=DENIAL_CHOICES)
    description = models.CharField("不予公开的部分", max_length=300)
    reason = models.TextField("理由")

    class Meta:
        ordering = ["pk"]
        verbose_name = "不予公开部分"


class ReviewComment(Model):
    """A reviewer's decision on one version of the draft (退回修改 with comments, or 审核通过)."""

    reply = models.ForeignKey(Reply, on_delete=models.PROTECT, related_name="comments")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="审核人"
    )
    version = models.PositiveIntegerField("审核的版本")
    decision = models.CharField("审核结论", max_length=20, choices=rv.ReviewDecision.choices())
    text = models.TextField("审核意见", blank=True, default="")
    at = models.DateTimeField("审核时间", default=audit_now)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = "审核意见"


class DocumentCounter(YearlyCounter):
    """The last 文号 serial an agency used in a year (locked while numbering)."""

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="reply_counter_agency_year")]


class FrozenError(Exception):
    """An attempt to change or delete a record that is evidence once written."""


class FrozenQuerySet(RefusingQuerySet["IssuedLetter"]):
    error = FrozenError
    update_refused = "已出具的文书不能修改"
    delete_refused = "已出具的文书不能删除"


class IssuedLetter(IssuedFiles):
    """A letter as issued: the exact DOCX and PDF bytes and their digests. Never updated."""

    application = models.ForeignKey(
        "applications.Application", on_delete=models.PROTECT, related_name="issued_letters"
    )
    kind = models.CharField("文书种类", max_length=40)
    kind_label = models.CharField("文书名称", max_length=60)
    document_number = models.CharField("文号", max_length=60, unique=True)
    issued_on = models.DateField("出具日期")
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField("文书正文")

    objects = FrozenQuerySet.as_manager()

    class Meta:
        ordering = ["issued_on", "pk"]
        verbose_name = "已出具文书"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not self._state.adding:
            raise FrozenError("已出具的文书不能修改")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise FrozenError("已出具的文书不能删除")


def _proof_path(instance: Delivery, filename: str) -> str:
    return f"delivery/{instance.application.agency_id}/{instance.application.year}/{filename}"


class Delivery(Model):
    """送达: how, when, and the proof (signed receipt, tracking number or transmission log)."""

    application = models.ForeignKey(
        "applications.Application", on_delete=models.PROTECT, related_name="deliveries"
    )
    method = models.CharField("送达方式", max_length=20, choices=rv.ServiceMethod.choices())
    delivered_on = models.DateField("送达日期")
    receipt = models.FileField("签收回执", upload_to=_proof_path, blank=True)
    tracking_number = models.CharField("邮件单号", max_length=40, blank=True, default="")
    log = models.TextField("发送记录", blank=True, default="")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "送达记录"


def _attachment_path(instance: ReplyAttachment, filename: str) -> str:
    app = instance.reply.application
    return f"reply-attachments/{app.agency_id}/{app.year}/{filename}"


class ReplyAttachment(Model):
    """A file given to the applicant with the reply, with what the sensitive-information scan found.

    Findings are resolved either by a redacted copy (a new attachment that replaces this one) or
    by the reviewer's written justification (e.g. the applicant's own data).
    """

    reply = models.ForeignKey(Reply, on_delete=models.PROTECT, related_name="attachments")
    file = models.FileField(upload_to=_attachment_path)
    original_name = models.CharField("文件名", max_length=200)
    size = models.PositiveIntegerField("大小（字节）")
    #: [{"kind", "label", "shown" (masked), "where"}]: never the found text itself.
    findings = models.JSONField("检测结果", default=list)
    scan_warnings = models.JSONField("检测提示", default=list)
    #: The copy made by redaction from this file replaces it (this one is no longer given out).
    replaced_by = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="redacted_from"
    )
    justification = models.TextField("保留理由（审核人）", blank=True, default="")
    justified_by = optional_reference(settings.AUTH_USER_MODEL)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = "答复附件"

    @property
    def active(self) -> bool:
        """Given to the applicant: not replaced by a redacted copy."""
        return self.replaced_by_id is None

    @property
    def unresolved(self) -> bool:
        """Given out with findings, or with parts the scan could not read (a scanned PDF page),
        and no reviewer's reason for keeping it so."""
        return self.active and bool(self.findings or self.scan_warnings) and not self.justification

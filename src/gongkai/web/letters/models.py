"""Agency-edited letter templates (文书模板), issue 6.

History is kept: every save is a new row with the next ``version``; the row with the highest
version of an (agency, kind) is the current template. Resetting to the default is a row with an
empty ``text`` (so the reset itself is in the history and the national default is used again).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from gongkai.web.counters import YearlyCounter
from gongkai.web.model_fields import IssuedFiles, Model


class LetterTemplate(Model):
    agency = models.ForeignKey(
        "accounts.Agency", verbose_name="机关", on_delete=models.PROTECT, related_name="letter_templates"
    )
    #: A ``gongkai.letters.LetterKind`` value.
    kind = models.CharField("文书种类", max_length=40)
    #: Empty: reset to the default template (gongkai.letters.default_template).
    text = models.TextField("模板正文", blank=True, default="")
    version = models.PositiveIntegerField("版本")
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="修改人", on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField("修改时间", auto_now_add=True)

    class Meta:
        verbose_name = "文书模板"
        ordering = ["agency", "kind", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "kind", "version"], name="letter_template_version")
        ]

    def __str__(self) -> str:
        return f"{self.agency} {self.kind} v{self.version}"

    @property
    def is_reset(self) -> bool:
        return self.text == ""


class LetterCounter(YearlyCounter):
    """The last serial of an agency's procedural letters (告知书) in a year (locked while numbering)."""

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="letter_counter_agency_year")]


class CaseLetter(Model):
    """A procedural letter of a case (补正告知书, 延期答复告知书, 征求第三方意见书, 第三方告知书,
    收费通知书): its 文号 and date, fixed when the step is taken (in the step's transaction).

    Its text is composed from the case's records and the agency's template at the end of that
    step and frozen in :class:`CaseLetterFile`; the facts it states (items, dates, amounts) are
    the recorded ones.
    """

    application = models.ForeignKey(
        "applications.Application", on_delete=models.PROTECT, related_name="case_letters"
    )
    kind = models.CharField("文书种类", max_length=40)
    #: The event the letter belongs to (the 补正 request, the consultation, the fee notice...).
    event = models.ForeignKey("applications.CaseEvent", on_delete=models.PROTECT, related_name="+")
    document_number = models.CharField("文号", max_length=60, unique=True)
    issued_on = models.DateField("成文日期")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["issued_on", "pk"]
        verbose_name = "告知文书"
        constraints = [models.UniqueConstraint(fields=["event", "kind"], name="case_letter_event_kind")]


class CaseLetterFile(IssuedFiles):
    """A procedural letter as issued: the exact DOCX and PDF bytes and their SHA-256, composed
    once, at the end of the step that issued it, from the template then in force (issue 15
    point 5). Never updated nor deleted (database triggers, audit/guard.py): a later template
    edit never changes an issued letter."""

    letter = models.OneToOneField(CaseLetter, on_delete=models.PROTECT, related_name="file")
    #: The version of the agency's template it was composed from (0: the national default).
    template_version = models.PositiveIntegerField("模板版本")

    class Meta:
        verbose_name = "告知文书（出具件）"

"""Forms of the appeals pages (Chinese labels and errors)."""

from __future__ import annotations

from typing import Any

from django import forms

from gongkai.remedies import DIRECT_LITIGATION_MONTHS, RECONSIDERATION_DAYS
from gongkai.web.accounts.models import Agency
from gongkai.web.appeals.models import DECIDED_RESULTS, Appeal, Kind, Result
from gongkai.web.applications.models import Application
from gongkai.web.form_fields import DATE_WIDGET


class AppealForm(forms.ModelForm):
    class Meta:
        model = Appeal
        fields = [
            "kind",
            "after_reconsideration",
            "reconsideration",
            "body",
            "case_number",
            "applicant_name",
            "act_on",
            "known_on",
            "decision_received_on",
            "filed_on",
            "note",
        ]
        widgets = {
            "act_on": DATE_WIDGET,
            "known_on": DATE_WIDGET,
            "decision_received_on": DATE_WIDGET,
            "filed_on": DATE_WIDGET,
            "note": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "after_reconsideration": "行政诉讼：经行政复议后起诉的勾选（表四“复议后起诉”）。",
            "decision_received_on": "复议后起诉的期限自收到复议决定书之日起计算（行政诉讼法第四十五条）。",
            "known_on": (
                f"复议期限（{RECONSIDERATION_DAYS}日）和直接起诉期限（{DIRECT_LITIGATION_MONTHS}个月）"
                "自此日起计算。"
            ),
        }

    def __init__(
        self, *args: Any, agency: Agency, application: Application | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.application = application
        field = self.fields["reconsideration"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Appeal.objects.filter(agency=agency, kind=Kind.RECONSIDERATION)
        field.required = False
        if application is not None and not self.is_bound:
            self.initial.setdefault("applicant_name", application.name)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == Kind.RECONSIDERATION and data.get("after_reconsideration"):
            self.add_error("after_reconsideration", "行政复议案件不能标为“复议后起诉”。")
        if data.get("reconsideration") is not None and not data.get("after_reconsideration"):
            self.add_error("after_reconsideration", "关联了前置行政复议的诉讼应勾选“复议后起诉”。")
        data["application"] = self.application
        return data


class ResultForm(forms.Form):
    result = forms.ChoiceField(label="结果", choices=[c for c in Result.choices() if c[0] in DECIDED_RESULTS])
    decided_on = forms.DateField(label="审结日期", widget=DATE_WIDGET)

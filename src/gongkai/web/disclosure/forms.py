"""Forms of the staff pages (validation only; the actions apply the rules)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q

from gongkai.web.disclosure import vocabulary as v
from gongkai.web.disclosure.actions.common import ITEM_FIELDS
from gongkai.web.disclosure.models import Category, Item

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ItemForm(forms.ModelForm):
    class Meta:
        model = Item
        fields = list(ITEM_FIELDS)
        widgets = {
            **dict.fromkeys(("written_on", "made_on", "valid_from", "valid_until"), DATE),
            "body": forms.Textarea(attrs={"rows": 10}),
            "summary": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "summary": "条例第十二条第三款：政府信息公开目录包括内容概述；用一两句话说明本信息的主要内容",
            "made_on": "条例第二十六条：自形成或者变更之日起20个工作日内公开；留空则为成文日期",
        }

    def __init__(self, *args: Any, agency_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A deactivated heading takes no new items, but an item already under it may stay there.
        kept = Q(pk=self.instance.category_id) if self.instance.pk else Q(pk__in=[])
        self.fields["category"].queryset = Category.objects.filter(
            Q(active=True) | kept, agency_id=agency_id
        ).order_by("code")
        self.fields["made_on"].required = False
        self.fields["publisher"].required = False

    def data_for_action(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        if not data.get("made_on"):
            data["made_on"] = data["written_on"]
        if not data.get("publisher"):
            data.pop("publisher", None)
        return data


class AttachmentForm(forms.Form):
    file = forms.FileField(label="附件（PDF、DOCX、HTML、TXT）")


class JustifyForm(forms.Form):
    reason = forms.CharField(label="保留理由", max_length=300)


class ReviewForm(forms.Form):
    conclusion = forms.ChoiceField(label="结论", choices=v.Conclusion.choices(), widget=forms.RadioSelect)
    opinion = forms.CharField(
        label="意见", max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class DateForm(forms.Form):
    on = forms.DateField(label="日期", widget=DATE)


class ChannelForm(DateForm):
    channel = forms.ChoiceField(
        label="渠道",
        choices=[c for c in v.PublicationChannel.choices() if c[0] != v.PublicationChannel.PORTAL],
    )
    note = forms.CharField(label="说明", max_length=200, required=False)


class WithdrawForm(DateForm):
    reason = forms.CharField(label="撤回理由", max_length=300)


class LifeEventForm(DateForm):
    kind = forms.ChoiceField(label="事项", choices=v.LifeEventKind.choices())
    document = forms.CharField(label="依据文件（名称、文号）", max_length=200)


class LedgerForm(forms.Form):
    title = forms.CharField(label="公开事项", max_length=200)
    responsible_unit = forms.CharField(label="责任科室", max_length=60)
    frequency = forms.ChoiceField(label="公开频次", choices=v.Frequency.choices())
    next_due = forms.DateField(label="下次应公开日期", widget=DATE, required=False)


class FigureForm(forms.Form):
    kind = forms.ChoiceField(label="类型", choices=v.DecisionKind.choices())
    value = forms.DecimalField(label="数值（收费为万元）", min_value=0, max_digits=14, decimal_places=4)


class ImportForm(forms.Form):
    kind = forms.ChoiceField(label="类型", choices=v.DecisionKind.choices())
    file = forms.FileField(label="决定清单（CSV 或 XLSX）")

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django import forms

from gongkai.calendar import CalendarDataError, ParsedNotice, parse_holiday_notice
from gongkai.web.accounts.models import Agency
from gongkai.web.form_fields import text_field
from gongkai.web.workdays.calendars import to_year_schedule
from gongkai.web.workdays.models import HolidaySchedule


def parse_days(text: str) -> list[date]:
    """One date (2027-01-01) or range (2027-01-01~2027-01-03) per line or separated by commas."""
    days: list[date] = []
    for raw in text.replace("，", ",").replace(",", "\n").splitlines():
        item = raw.strip()
        if not item:
            continue
        first, _, last = item.replace("至", "~").partition("~")
        try:
            start = date.fromisoformat(first.strip())
            end = date.fromisoformat(last.strip()) if last else start
        except ValueError:
            raise forms.ValidationError(
                f"无法识别“{item}”，请写作 2027-01-01 或 2027-01-01~2027-01-03。"
            ) from None
        if end < start:
            raise forms.ValidationError(f"“{item}”的结束日期早于开始日期。")
        while start <= end:
            days.append(start)
            start += timedelta(days=1)
    return sorted(set(days))


class ScheduleForm(forms.ModelForm):
    holidays_text = text_field("放假日期", rows=6, help_text="每行一个日期或区间，如 2027-02-06~2027-02-13。")
    workdays_text = text_field(
        "调休上班日期", rows=3, required=False, help_text="每行一个日期，如 2027-02-14。"
    )

    class Meta:
        model = HolidaySchedule
        fields = ["year", "agency", "source"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["holidays_text"].initial = "\n".join(self.instance.holidays)
            self.fields["workdays_text"].initial = "\n".join(self.instance.workdays)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        try:
            holidays = parse_days(data.get("holidays_text", ""))
            workdays = parse_days(data.get("workdays_text", ""))
        except forms.ValidationError as exc:
            raise exc
        self.instance.holidays = [d.isoformat() for d in holidays]
        self.instance.workdays = [d.isoformat() for d in workdays]
        if data.get("year"):
            self.instance.year = data["year"]
            self.instance.source = data.get("source", "")
            self.instance.agency = data.get("agency")
            try:
                to_year_schedule(self.instance)  # the domain's own consistency checks
            except CalendarDataError as exc:
                raise forms.ValidationError(exc.message) from exc
        return data


class NoticeForm(forms.Form):
    """The pasted text of 国务院办公厅关于YYYY年部分节假日安排的通知 (issue 17, point 2)."""

    text = text_field(
        "通知全文",
        rows=14,
        help_text="从中国政府网复制通知全文（含标题、文号和各节日的安排）粘贴到这里。",
    )
    agency = forms.ModelChoiceField(
        label="适用机构",
        queryset=Agency.objects.order_by("name"),
        required=False,
        empty_label="全部机构（全国统一安排）",
    )

    def clean_text(self) -> ParsedNotice:
        try:
            return parse_holiday_notice(self.cleaned_data["text"], source="通知原文")
        except CalendarDataError as exc:  # NoticeParseError names the sentence it cannot read
            raise forms.ValidationError(exc.message) from exc

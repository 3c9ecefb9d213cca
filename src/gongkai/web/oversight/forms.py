"""Forms of the supervisor's pages."""

from __future__ import annotations

from typing import Any

from django import forms

from gongkai.web.accounts.models import Agency

#: One upload request at most (a few hundred published reports; larger batches go in several uploads).
MAX_UPLOAD_BYTES = 200 * 1024 * 1024


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one ``<input type=file multiple>``."""

    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        files = data if isinstance(data, list | tuple) else [data]
        files = [f for f in files if f]
        if not files:
            raise forms.ValidationError("请选择要上传的报告文件。")
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class UploadForm(forms.Form):
    files = MultipleFileField(
        label="报告文件",
        help_text=(
            "可一次选择多个文件（PDF、Word、Excel、网页、文本或 JSON），"
            "也可上传 ZIP 压缩包（超过 100 个文件时请打包上传）。"
        ),
    )
    agency = forms.ModelChoiceField(
        label="所属单位",
        queryset=Agency.objects.none(),
        required=False,
        empty_label="按报告内容或文件名自动识别",
        help_text="只上传一个单位的报告时可直接选择；识别不出的文件会列出，供手工指定。",
    )
    published_on = forms.DateField(
        label="发布日期",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="各单位公开发布报告的日期，用于判断是否逾期（条例第四十九条）；不填时按收到文件之日：在发布期限内收到的视为按期，期限后收到的无法判断是否逾期。",
    )

    def __init__(self, *args: Any, agencies: list[Agency], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["agency"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Agency.objects.filter(pk__in=[a.pk for a in agencies]).order_by("name")

    def clean_files(self) -> list[Any]:
        files: list[Any] = self.cleaned_data["files"]
        if sum(f.size for f in files) > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                f"一次上传的文件合计不能超过 {MAX_UPLOAD_BYTES // 1024 // 1024} MB，请分批上传。"
            )
        return files


class AssignForm(forms.Form):
    #: Empty clears the assignment (the file then waits, counted nowhere).
    agency = forms.ModelChoiceField(
        label="指定单位", queryset=Agency.objects.none(), required=False, empty_label="（不指定单位）"
    )

    def __init__(self, *args: Any, agencies: list[Agency], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["agency"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Agency.objects.filter(pk__in=[a.pk for a in agencies]).order_by("name")

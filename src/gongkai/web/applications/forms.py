"""Forms of the applications app: public intake, staff intake, and the handling steps."""

from __future__ import annotations

import os
from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from gongkai import filetypes
from gongkai.receipt import Channel as DomainChannel
from gongkai.receipt import needs_confirmation
from gongkai.sensitive.checksums import id_card_is_valid, uscc_is_valid
from gongkai.web.accounts.models import Agency, User
from gongkai.web.applications import submission_keys
from gongkai.web.applications import vocabulary as v
from gongkai.web.applications.models import Application
from gongkai.web.form_fields import date_field, text_field, working_days_field

APPLICANT_FIELDS = [
    "agency",
    "applicant_type",
    "name",
    "id_type",
    "id_number",
    "legal_representative",
    "phone",
    "email",
    "address",
    "postcode",
    "description",
    "delivery_form",
    "delivery_method",
]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several attachments in one input, each checked for type and size."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": ",".join(settings.GONGKAI_UPLOAD_TYPES)})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        if len(files) > settings.GONGKAI_UPLOAD_MAX_FILES:
            raise forms.ValidationError(f"附件最多 {settings.GONGKAI_UPLOAD_MAX_FILES} 个。")
        cleaned = [super(MultipleFileField, self).clean(f, initial) for f in files]
        limit = settings.GONGKAI_UPLOAD_MAX_BYTES
        for f in cleaned:
            ext = os.path.splitext(f.name or "")[1].lower()
            if ext not in settings.GONGKAI_UPLOAD_TYPES:
                allowed = "、".join(sorted(e.lstrip(".").upper() for e in settings.GONGKAI_UPLOAD_TYPES))
                raise forms.ValidationError(f"附件“{f.name}”的类型不受支持，仅接受 {allowed}。")
            if f.size is not None and f.size > limit:
                raise forms.ValidationError(f"附件“{f.name}”超过 {limit // (1024 * 1024)} MB。")
            _check_content(f, ext)
        return cleaned


# File signatures: the first bytes of what the browser claims. Application attachments are
# checked whole (``_check_content``); the replies' delivery receipts still use this lighter check.
_MAGIC = {
    ".pdf": (b"%PDF",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".docx": (b"PK\x03\x04",),
}


def _content_matches(f: UploadedFile, ext: str) -> bool:
    signatures = _MAGIC.get(ext)
    if signatures is None:  # plain text: must decode as UTF-8
        head = f.read(4096)
        f.seek(0)
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as exc:
            return exc.start > len(head) - 4  # a multi-byte character cut at the 4096th byte
        return True
    head = f.read(16)
    f.seek(0)
    return head.startswith(signatures)


def _check_content(f: UploadedFile, ext: str) -> None:
    """The extension is what the browser claims; the file must parse as that type (issue 15
    point 13: gongkai.filetypes), read whole -- its size is already within the limit."""
    data = f.read()
    f.seek(0)
    try:
        filetypes.check_content(f.name or "", ext, data)
    except filetypes.FileContentError as exc:
        raise forms.ValidationError(exc.message) from exc


class ApplicantForm(forms.ModelForm):
    """条例 第二十九条第二款: who applies, what is asked for, and in which form."""

    attachments = MultipleFileField(label="附件（身份证明、补充材料）", required=False)
    #: The form's one-time key (applications.submission_keys): filing it twice files it once.
    submission_key = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Application
        fields = APPLICANT_FIELDS
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            # A phone keypad on phones, and autofill knows the field (issue 17).
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        }
        help_texts = {
            "description": (
                "请写明所需政府信息的名称、文号，或者便于查询的其他特征性描述（第二十九条第二款第（二）项）。"
            ),
            "id_number": "自然人填写身份证件号码；法人或其他组织填写统一社会信用代码。",
        }

    def __init__(self, *args: Any, agencies: Any = None, one_time_key: bool = True, **kwargs: Any) -> None:
        """``one_time_key=False`` for callers that are not a browser's form (the REST API)."""
        super().__init__(*args, **kwargs)
        queryset = agencies if agencies is not None else Agency.objects.filter(accepts_online=True)
        self.fields["agency"].queryset = queryset.order_by("name")
        self.fields["agency"].label = "向哪个机关申请"
        if not one_time_key:
            del self.fields[submission_keys.FIELD_NAME]
        elif not self.is_bound:
            self.initial[submission_keys.FIELD_NAME] = submission_keys.new_key()

    def clean_submission_key(self) -> str:
        key: str = self.cleaned_data.get(submission_keys.FIELD_NAME, "")
        if not submission_keys.valid(key):
            # Shown again with a fresh key: the applicant checks the form and submits it once more.
            fresh: Any = self.data.copy()  # type: ignore[has-type]  # a QueryDict, immutable as posted
            fresh[self.add_prefix(submission_keys.FIELD_NAME)] = submission_keys.new_key()
            self.data = fresh
            raise forms.ValidationError("此申请表已过期或无效，请核对内容后再提交一次。")
        return key

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind, id_type, number = data.get("applicant_type"), data.get("id_type"), data.get("id_number", "")
        number = number.strip().upper()
        if id_type == v.IdType.RESIDENT_ID and number and not id_card_is_valid(number):
            self.add_error("id_number", "居民身份证号码应为18位且校验码正确，请核对。")
        if id_type == v.IdType.USCC and number and not uscc_is_valid(number):
            self.add_error("id_number", "统一社会信用代码应为18位且校验码正确，请核对。")
        if kind == "natural" and id_type == v.IdType.USCC:
            self.add_error("id_type", "自然人请提供个人身份证件。")
        if kind and kind != "natural" and not data.get("legal_representative"):
            self.add_error("legal_representative", "法人或其他组织请填写法定代表人或负责人。")
        data["id_number"] = number
        return data


class StaffIntakeForm(ApplicantForm):
    """Staff intake: the channel and the dates that fix the date of receipt (条例 第三十一条)."""

    channel = forms.ChoiceField(label="提交方式", choices=v.SubmissionChannel.choices())
    arrived_on = date_field("提交（到达）日期")
    confirmed_on = date_field(
        "签收 / 确认日期",
        required=False,
        help_text="邮寄（签收）填签收日期；平常信函、传真、电子邮件、网上申请填与申请人确认之日（第三十一条）。",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        channel = data.get("channel")
        if channel and needs_confirmation(DomainChannel(channel)) and not data.get("confirmed_on"):
            self.add_error("confirmed_on", "该提交方式须填写签收或确认日期（第三十一条）。")
        arrived, confirmed = data.get("arrived_on"), data.get("confirmed_on")
        if arrived and confirmed and confirmed < arrived:
            self.add_error("confirmed_on", "签收或确认日期不能早于到达日期。")
        return data


class CorrectionRequestForm(forms.Form):
    """条例 第三十条: one notice, stating what to correct and a reasonable period."""

    sent_on = date_field("告知日期")
    items = text_field("需要补正的事项", rows=3)
    working_days = working_days_field(
        "补正期限（工作日）",
        help_text="条例第三十条只要求“合理的补正期限”，由本机关确定；截止日期按工作日历计算。",
    )


class DateForm(forms.Form):
    on = date_field("日期")
    note = text_field("说明", required=False)

    def __init__(self, *args: Any, label: str = "日期", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["on"].label = label


class ExtensionRequestForm(forms.Form):
    reason = text_field("延期理由")


class ExtensionRefusalForm(forms.Form):
    reason = text_field("不同意的理由")


class ConsultationForm(forms.Form):
    """Consulting another agency (第三十四条). A third party (第三十二条) is consulted with the
    third-party form (ThirdPartyConsultationForm), which records who was asked and produces the
    征求第三方意见书 -- a third-party consultation without them would leave no letter."""

    kind = forms.ChoiceField(
        label="征求对象",
        choices=[c for c in v.ConsultationKind.choices() if c[0] == "other_agency"],
    )
    on = date_field("发出征求意见书日期")
    note = text_field("说明", required=False)


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(label="经办人", queryset=User.objects.none())

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = User.objects.filter(
            memberships__agency=agency, memberships__role="clerk", is_active=True
        ).distinct()


class TrackForm(forms.Form):
    number = forms.CharField(
        label="登记编号",
        max_length=60,
        help_text="如 平科依申〔2026〕0012号；括号可输入【】、[] 或 ()，也可只填序号（如 12）。",
    )
    code = forms.CharField(label="查询码", max_length=20)


# -- issue 16: a lapse decided by the clerk (条例 第三十条), 第三十五条 (procedure_views) -------------


class GoodCauseForm(forms.Form):
    decided_on = date_field("登记日期")
    statement = text_field(
        "申请人的正当理由", help_text="如申请人申请延长期限，记录其说明（时间、方式、内容）。"
    )
    working_days = working_days_field(
        "新的补正期限（工作日）",
        required=False,
        help_text="仅补正期限需要填写；缴费期限按收费规则重新计算20个工作日。",
    )


class ConfirmLapseForm(forms.Form):
    decided_on = date_field("确认日期")
    finding = text_field(
        "认定无正当理由的情况", help_text="如：申请人在期限内未作任何说明；或其说明的情况及不予采纳的理由。"
    )
    reconsideration_body = forms.CharField(label="行政复议机关", max_length=100)
    contact = forms.CharField(label="联系人及联系电话", max_length=100, required=False)
    explanation = text_field("情况说明（写入告知书，可不填）", required=False)


class ReasonsRequestForm(forms.Form):
    sent_on = date_field("通知日期")
    facts = text_field("申请数量、频次情况", help_text="如：申请人自某日至某日向本机关提出申请若干件。")
    working_days = working_days_field(
        "说明理由期限（工作日）",
        help_text="条例第三十五条未规定天数，由本机关确定合理期限；截止日期按工作日历计算。",
    )


class ReasonsAnswerForm(forms.Form):
    answered_on = date_field("申请人说明日期", required=False, help_text="申请人未说明的留空。")
    answer = text_field("申请人说明的理由", required=False)
    finding = forms.ChoiceField(label="本机关认定", choices=v.ReasonsFinding.choices())


class LaterDateForm(forms.Form):
    decided_on = date_field("告知日期")
    later_date = date_field("延迟答复期限")

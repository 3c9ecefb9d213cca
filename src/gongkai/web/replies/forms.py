"""Forms of the reply panel: the draft with its withheld parts, review, attachments, delivery."""

from __future__ import annotations

import os
from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from gongkai.web.applications.forms import _content_matches as content_matches
from gongkai.web.form_fields import date_field, text_field
from gongkai.web.replies import vocabulary as rv
from gongkai.web.replies.actions import TEXT_FACTS, DeliveryProof, DraftData, WithheldData
from gongkai.web.replies.models import DENIAL_CHOICES, Reply
from gongkai.workflow.outcomes import OUTCOMES, OutcomeGroup

#: The headings of 表三“三、本年度办理结果”, for the grouped outcome select.
GROUP_LABELS = {
    OutcomeGroup.GRANTED: "（一）予以公开",
    OutcomeGroup.PARTIAL: "（二）部分公开",
    OutcomeGroup.DENIED: "（三）不予公开",
    OutcomeGroup.UNABLE: "（四）无法提供",
    OutcomeGroup.REJECTED: "（五）不予处理",
    OutcomeGroup.OTHER: "（六）其他处理",
}


def outcome_choices() -> list[Any]:
    """Table 3's outcome rows grouped under its six headings (an <optgroup> each).

    Each option carries its heading too ("（二）部分公开（区分处理的…）", "（三）不予公开 1.属于国家秘密"):
    a closed select shows only the chosen option, without its group's label (issue 17).
    """
    groups: list[Any] = [("", "请选择办理结果")]
    for group, heading in GROUP_LABELS.items():
        rows = [(key, _with_heading(o.label, heading)) for key, o in OUTCOMES.items() if o.group is group]
        groups.append((heading, rows))
    return groups


def _with_heading(label: str, heading: str) -> str:
    rest = label.removeprefix(heading)
    return f"{heading} {rest}" if rest[:1].isdigit() else label


def ground_choices() -> list[tuple[str, str]]:
    """The grounds of outcomes that have more than one (予以公开; 本机关不掌握相关政府信息)."""
    choices = [("", "（该结果只有一种依据）")]
    for outcome in OUTCOMES.values():
        if len(outcome.grounds) > 1:
            choices += [(g.key, f"{outcome.label}：{g.text[:18]}…（{g.article}）") for g in outcome.grounds]
    return choices


def _fact(label: str, help_text: str = "") -> forms.CharField:
    """A fact the letter states in its own words: optional here, ``composing`` names the ones the
    chosen outcome's letter cannot do without."""
    return text_field(label, rows=3, required=False, help_text=help_text)


def _short_fact(label: str, max_length: int, help_text: str = "") -> forms.CharField:
    """A one-line fact of the letter (a name, a contact), optional as ``_fact``."""
    return forms.CharField(label=label, required=False, max_length=max_length, help_text=help_text)


class ReplyForm(forms.Form):
    outcome = forms.ChoiceField(label="办理结果（表三）", choices=outcome_choices)
    ground = forms.ChoiceField(
        label="依据",
        choices=ground_choices,
        required=False,
        help_text="予以公开、本机关不掌握相关政府信息须选择具体依据。",
    )
    information_provided = _fact("提供的政府信息（部分公开时为可以公开的内容）")
    delivery_how = _fact(
        "提供方式、获取途径和时间", "已主动公开的，写明获取的方式、途径（第三十六条第（一）项）。"
    )
    refusal_reasons = _fact("不予公开（不予处理）的理由")
    search_description = _fact("检索情况", "信息不存在的，写明检索的范围和方法。")
    not_ours_reasons = _fact("不属于本机关负责公开的理由")
    responsible_agency_name = _short_fact(
        "负责公开该信息的行政机关", 100, "第三十六条第（五）项：能够确定的须写明名称和联系方式。"
    )
    responsible_agency_contact = _short_fact("该机关联系方式", 200)
    responsible_agency_undetermined = forms.BooleanField(label="无法确定负责公开的行政机关", required=False)
    other_channels = _fact("信访、投诉、举报渠道或依法查询的途径")
    publication_access = _fact("公开出版物的获取途径")
    explanation = _fact("情况说明")
    legal_basis = _short_fact(
        "法律依据（可不填）",
        200,
        "默认引用办理结果对应的条文；该结果没有对应条文的（如表三（五）5、（六）3）须填写。",
    )
    reconsideration_body = _short_fact("行政复议机关", 100, "救济途径须写明向哪个机关申请行政复议。")
    court = _short_fact("管辖法院（可不填）", 100)
    contact = _short_fact("经办人及联系电话", 100)

    @classmethod
    def initial_for(cls, reply: Reply | None) -> dict[str, Any]:
        if reply is None:
            return {}
        return {name: getattr(reply, name) for name in cls.base_fields}


class WithheldForm(forms.Form):
    ground = forms.ChoiceField(
        label="不予公开的依据", choices=[("", "请选择"), *DENIAL_CHOICES], required=False
    )
    description = forms.CharField(label="不予公开的部分", max_length=300, required=False)
    reason = text_field("理由", required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        filled = any(data.get(k) for k in ("ground", "description", "reason"))
        if filled:
            for name, message in (
                ("ground", "请选择不予公开的依据。"),
                ("description", "请写明不予公开的部分。"),
                ("reason", "请写明理由。"),
            ):
                if not data.get(name):
                    self.add_error(name, message)
        return data


WithheldFormSet = forms.formset_factory(WithheldForm, extra=2, max_num=20)


def withheld_initial(reply: Reply | None) -> list[dict[str, str]]:
    if reply is None:
        return []
    return [
        {"ground": p.ground, "description": p.description, "reason": p.reason}
        for p in reply.withheld_parts.all()
    ]


def draft_data(form: ReplyForm, formset: Any) -> DraftData:
    d = form.cleaned_data
    parts = tuple(
        WithheldData(f.cleaned_data["ground"], f.cleaned_data["description"], f.cleaned_data["reason"])
        for f in formset.forms
        if f.cleaned_data.get("description")
    )
    return DraftData(
        outcome=d["outcome"],
        ground=d["ground"],
        responsible_agency_undetermined=d["responsible_agency_undetermined"],
        withheld=parts,
        **{name: d[name] for name in TEXT_FACTS},
    )


class CommentForm(forms.Form):
    comment = text_field("审核意见", rows=3, required=False)


#: Formats the sensitive-information scan reads (gongkai.sensitive.documents); an image cannot be
#: checked, so it is not accepted as a file given to the applicant.
SCANNABLE = (".pdf", ".docx", ".txt", ".html", ".htm")


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label="提供给申请人的文件（将检测其中的个人信息）",
        help_text="支持 PDF、DOCX、TXT、HTML；图片无法检测，请先转为 PDF 或 DOCX。",
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(SCANNABLE)}),
    )

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        ext = os.path.splitext(upload.name or "")[1].lower()
        if ext not in SCANNABLE:
            raise forms.ValidationError(
                f"“{upload.name}”的类型无法检测个人信息，仅接受 PDF、DOCX、TXT、HTML。"
            )
        limit = settings.GONGKAI_UPLOAD_MAX_BYTES
        if upload.size is not None and upload.size > limit:
            raise forms.ValidationError(f"“{upload.name}”超过 {limit // (1024 * 1024)} MB。")
        return upload


class JustifyForm(forms.Form):
    text = text_field("保留理由")


class IssueForm(forms.Form):
    issued_on = date_field("成文（出具）日期")


RECEIPT_TYPES = (".pdf", ".jpg", ".jpeg", ".png")


class DeliveryForm(forms.Form):
    method = forms.ChoiceField(label="送达方式", choices=rv.ServiceMethod.choices())
    delivered_on = date_field("送达日期")
    receipt = forms.FileField(label="签收回执（直接送达、当场送达）", required=False)
    tracking_number = forms.CharField(label="邮件单号（邮寄）", required=False, max_length=40)
    log = text_field(
        "发送记录（电子邮件、在线平台）",
        required=False,
        help_text="如：2026-03-20 10:12 发送至 zhangsan@example.com，邮件服务器回执编号…",
    )

    def clean_receipt(self) -> UploadedFile | None:
        """A scan or photo of the signed receipt: PDF or image, within the upload limit, and
        really of the type its name says (the applications app's signature check)."""
        upload: UploadedFile | None = self.cleaned_data.get("receipt")
        if upload is None:
            return None
        ext = os.path.splitext(upload.name or "")[1].lower()
        if ext not in RECEIPT_TYPES:
            raise forms.ValidationError("签收回执须为 PDF、JPG 或 PNG 文件。")
        limit = settings.GONGKAI_UPLOAD_MAX_BYTES
        if upload.size is not None and upload.size > limit:
            raise forms.ValidationError(f"签收回执超过 {limit // (1024 * 1024)} MB。")
        if not content_matches(upload, ext):
            raise forms.ValidationError("签收回执的内容与扩展名不符。")
        return upload

    def proof(self) -> DeliveryProof:
        d = self.cleaned_data
        return DeliveryProof(
            method=d["method"],
            delivered_on=d["delivered_on"],
            receipt=d.get("receipt"),
            tracking_number=d.get("tracking_number", ""),
            log=d.get("log", ""),
        )

"""The API's shapes: what is read (built from the models by views.py, masked as the web masks)
and what is written (validated here for types, then by the web's own forms for the rules, so a
rule lives in one place)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from gongkai.web.applications import forms
from gongkai.web.applications import vocabulary as v
from gongkai.web.applications.models import Application

#: The largest id a database key can hold (BIGINT); larger numbers are answered 404/400, not 500.
MAX_ID = 2**63 - 1

ORDERINGS = {
    "id": ("pk",),
    "-id": ("-pk",),
    "due_on": ("due_on", "pk"),
    "-due_on": ("-due_on", "-pk"),
}


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="中文说明")


class ValidationErrorSerializer(ErrorSerializer):
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="各字段的错误（字段名 → 说明）",
    )


class ApplicationFilterSerializer(serializers.Serializer):
    """Query parameters of the list (all optional)."""

    agency = serializers.IntegerField(min_value=1, max_value=MAX_ID, required=False, help_text="受理机关编号")
    status = serializers.ChoiceField(choices=v.STATUS_CHOICES, required=False, help_text="办理状态")
    year = serializers.IntegerField(min_value=1, max_value=9999, required=False, help_text="登记年度")
    overdue = serializers.BooleanField(
        required=False,
        allow_null=True,
        default=None,
        help_text="true：只看已逾期的在办申请；false：只看未逾期的",
    )
    q = serializers.CharField(required=False, max_length=100, help_text="在登记编号和所需信息描述中查找")
    ordering = serializers.ChoiceField(
        choices=list(ORDERINGS),
        required=False,
        default="id",
        help_text="排序：登记先后（id）或答复期限（due_on）",
    )


class ApplicantSerializer(serializers.Serializer):
    """The applicant; masked unless the reader is the handling agency's own staff."""

    name = serializers.CharField(help_text="姓名或名称")
    id_type = serializers.CharField(help_text="身份证明类型")
    id_number = serializers.CharField(help_text="身份证明号码")
    legal_representative = serializers.CharField(help_text="法定代表人或负责人")
    phone = serializers.CharField(help_text="联系电话")
    email = serializers.CharField(help_text="电子邮箱")
    address = serializers.CharField(help_text="通信地址")
    postcode = serializers.CharField(help_text="邮政编码")


class ApplicationSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.CharField(help_text="登记编号")
    agency = serializers.IntegerField(help_text="受理机关编号")
    agency_name = serializers.CharField(help_text="受理机关")
    year = serializers.IntegerField(help_text="登记年度")
    applicant_type = serializers.ChoiceField(choices=v.APPLICANT_TYPE_CHOICES, help_text="申请人类型")
    applicant_name = serializers.CharField(help_text="申请人（自然人姓名已隐藏部分）")
    channel = serializers.ChoiceField(choices=v.SubmissionChannel.choices(), help_text="提交方式")
    channel_label = serializers.CharField()
    status = serializers.ChoiceField(choices=v.STATUS_CHOICES, help_text="办理状态")
    status_label = serializers.CharField()
    submitted_at = serializers.DateTimeField(help_text="提交时间")
    received_on = serializers.DateField(allow_null=True, help_text="收到申请之日（条例第三十一条）")
    due_on = serializers.DateField(allow_null=True, help_text="答复期限")
    overdue = serializers.BooleanField(help_text="在办且已过答复期限")
    closed_on = serializers.DateField(allow_null=True, help_text="办结日期")
    resolution = serializers.CharField(help_text="办理结果（表三行），未办结为空")


class ApplicationDetailSerializer(ApplicationSummarySerializer):
    personal_data_masked = serializers.BooleanField(help_text="申请人信息是否已隐藏部分内容")
    applicant = ApplicantSerializer()
    description = serializers.CharField(help_text="所需政府信息的名称、文号或特征性描述")
    delivery_form = serializers.ChoiceField(choices=v.InformationFormat.choices(), help_text="提供形式")
    delivery_method = serializers.ChoiceField(choices=v.ObtainingMethod.choices(), help_text="获取方式")
    assignee = serializers.CharField(allow_null=True, help_text="经办人")
    correction_notice_due = serializers.DateField(allow_null=True, help_text="补正告知期限")
    extended_due = serializers.DateField(allow_null=True, help_text="延长后最迟期限")
    clock_error = serializers.CharField(help_text="期限无法计算的原因")


class EventSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=v.EVENT_KIND_CHOICES, help_text="事项")
    kind_label = serializers.CharField()
    on = serializers.DateField(help_text="日期")
    until = serializers.DateField(allow_null=True, help_text="截止/结束日期")
    detail = serializers.CharField(help_text="类别")
    note = serializers.CharField(help_text="说明")
    by = serializers.CharField(allow_null=True, help_text="办理人")


class LetterElementSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()


class GroundSerializer(serializers.Serializer):
    key = serializers.CharField()
    article = serializers.CharField(allow_null=True, help_text="法律依据条款；参考资料未载明的为空")
    text = serializers.CharField(help_text="条文内容")
    letter_elements = LetterElementSerializer(many=True, help_text="答复书必须载明的事项（本依据特有）")
    optional_elements = LetterElementSerializer(many=True, help_text="可以载明的事项")
    inferred = serializers.BooleanField(help_text="依据对应关系为推定")


class OutcomeSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="表三行")
    group = serializers.CharField(help_text="大类：granted/partial/denied/unable/rejected/other")
    label = serializers.CharField(help_text="表三名称")
    refusal_under_14_to_16 = serializers.BooleanField(help_text="依第十四至十六条不予公开（复议前置）")
    grounds = GroundSerializer(many=True)
    common_letter_elements = LetterElementSerializer(many=True, help_text="每份答复书都须载明的事项")


class WithheldPartSerializer(serializers.Serializer):
    ground = serializers.CharField(help_text="不予公开的依据（表三（三）中的一项）")
    description = serializers.CharField(help_text="不予公开的部分")


class CaseOutcomeSerializer(serializers.Serializer):
    decided = serializers.BooleanField(help_text="是否已出具答复或办结")
    resolution = serializers.CharField(allow_null=True, help_text="办理结果（表三行）")
    label = serializers.CharField(allow_null=True)
    group = serializers.CharField(allow_null=True)
    ground = serializers.CharField(allow_null=True, help_text="所依据的条款（答复书草稿或出具时所选）")
    closed_on = serializers.DateField(allow_null=True)
    withheld = WithheldPartSerializer(many=True, help_text="部分公开时不予公开的部分")


class LetterSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.CharField(help_text="文书种类")
    kind_label = serializers.CharField(help_text="文书名称")
    document_number = serializers.CharField(help_text="文号")
    issued_on = serializers.DateField(help_text="出具日期")
    docx_sha256 = serializers.CharField()
    pdf_sha256 = serializers.CharField()
    downloadable = serializers.BooleanField(help_text="当前用户可否下载（文书载有未隐藏的申请人信息）")


# -- writing ---------------------------------------------------------------------------------------


class SubmissionSerializer(serializers.ModelSerializer):
    """条例 第二十九条第二款: the applicant, what is asked for, and in which form. Staff (session)
    also give how and when it arrived (第三十一条); a system token submits as 互联网渠道."""

    agency = serializers.IntegerField(min_value=1, max_value=MAX_ID, help_text="受理机关编号")
    channel = serializers.ChoiceField(
        choices=v.SubmissionChannel.choices(), required=False, help_text="提交方式（仅工作人员登记时填写）"
    )
    arrived_on = serializers.DateField(required=False, help_text="提交（到达）日期（仅工作人员登记时填写）")
    confirmed_on = serializers.DateField(
        required=False, allow_null=True, help_text="签收 / 确认日期（仅工作人员登记时填写）"
    )

    class Meta:
        model = Application
        fields = [*forms.APPLICANT_FIELDS, "channel", "arrived_on", "confirmed_on"]
        extra_kwargs = {
            f: {"required": False} for f in ("legal_representative", "email", "address", "postcode")
        }


class SubmittedSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.CharField(help_text="登记编号")
    query_code = serializers.CharField(help_text="查询码（只显示这一次，请转告申请人）")
    status = serializers.CharField()
    channel = serializers.CharField()
    received_on = serializers.DateField(allow_null=True)
    due_on = serializers.DateField(allow_null=True)


def _field(form: Any, name: str) -> Any:
    return form.base_fields[name]


_WD = _field(forms.CorrectionRequestForm, "working_days")


def _working_days_like(form: Any) -> Any:
    """The ``working_days`` field of ``form`` (a period in working days), with its bounds and help."""
    field = _field(form, "working_days")
    return serializers.IntegerField(
        min_value=field.min_value, max_value=field.max_value, help_text=field.help_text
    )


class AssignSerializer(serializers.Serializer):
    assignee = serializers.IntegerField(min_value=1, max_value=MAX_ID, help_text="经办人（用户编号）")


class CorrectionSerializer(serializers.Serializer):
    sent_on = serializers.DateField(help_text="告知日期")
    items = serializers.CharField(max_length=5000, help_text="需要补正的事项（条例第三十条）")
    working_days = _working_days_like(forms.CorrectionRequestForm)


class ReceiveCorrectionSerializer(serializers.Serializer):
    received_on = serializers.DateField(help_text="收到补正申请日期")


class ConsultationSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=v.ConsultationKind.choices(), help_text="征求对象")
    sent_on = serializers.DateField(help_text="发出征求意见书日期")
    note = serializers.CharField(
        max_length=5000, required=False, allow_blank=True, default="", help_text="说明"
    )


class EndConsultationSerializer(serializers.Serializer):
    ended_on = serializers.DateField(help_text="收到意见（结束）日期")


class ExtensionRequestSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=5000, help_text="延期理由（条例第三十三条第二款）")


class ApproveExtensionSerializer(serializers.Serializer):
    approved_on = serializers.DateField(help_text="批准日期")


# -- issue 16: a lapse decided by the clerk (条例 第三十条), 第三十五条 --------------------------------


class ReferLapseSerializer(serializers.Serializer):
    """No fields: the day is today; the action checks that the period has run out."""


class RecordGoodCauseSerializer(serializers.Serializer):
    decided_on = serializers.DateField(help_text="登记日期")
    statement = serializers.CharField(max_length=5000, help_text="申请人的正当理由（如申请延长期限及其说明）")
    working_days = serializers.IntegerField(
        min_value=_WD.min_value,
        max_value=_WD.max_value,
        required=False,
        allow_null=True,
        default=None,
        help_text="新的补正期限（工作日；仅补正期限需要）",
    )


class ConfirmLapseSerializer(serializers.Serializer):
    decided_on = serializers.DateField(help_text="确认日期")
    finding = serializers.CharField(max_length=5000, help_text="认定申请人无正当理由的情况")
    reconsideration_body = serializers.CharField(max_length=100, help_text="行政复议机关（写入告知书）")
    contact = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    explanation = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="")


class ReasonsRequestSerializer(serializers.Serializer):
    sent_on = serializers.DateField(help_text="说明理由通知书日期")
    facts = serializers.CharField(max_length=5000, help_text="申请数量、频次明显超过合理范围的情况")
    working_days = _working_days_like(forms.ReasonsRequestForm)


class ReasonsAnswerSerializer(serializers.Serializer):
    answered_on = serializers.DateField(
        required=False, allow_null=True, default=None, help_text="申请人说明日期（未说明的为空）"
    )
    answer = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="")
    finding = serializers.ChoiceField(choices=v.ReasonsFinding.choices(), help_text="本机关认定")


class LaterDateSerializer(serializers.Serializer):
    decided_on = serializers.DateField(help_text="告知日期")
    later_date = serializers.DateField(help_text="延迟答复的合理期限（条例第三十五条）")

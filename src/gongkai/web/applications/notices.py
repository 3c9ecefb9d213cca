"""Case-page panels and buttons of issue 6: screening prompts, third-party consultation, fee notice.

The buttons are ``case_views.case_action`` views (permission, form, one action, a message); the
panels' data comes from :func:`panel_context`, which the case page adds to its context.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied

from gongkai.deadlines import FEE_PAYMENT_WORKING_DAYS
from gongkai.fees import FEE_BASIS, FeeMethod
from gongkai.web.applications import actions, permissions, screening
from gongkai.web.applications import vocabulary as v
from gongkai.web.applications.case_views import case_action, form_fields
from gongkai.web.applications.models import Application, ThirdPartyConsultation
from gongkai.web.form_fields import date_field, text_field
from gongkai.web.letters.models import CaseLetter
from gongkai.workflow.cases import CaseState


class ThirdPartyConsultationForm(forms.Form):
    """书面征求第三方意见 (条例 第三十二条): addressee, what would be disclosed, dates."""

    party_name = forms.CharField(label="第三方名称或姓名", max_length=100)
    contact = forms.CharField(label="联系方式", max_length=100)
    address = forms.CharField(label="通信地址", max_length=200, required=False)
    information = text_field("拟公开的政府信息（征求意见的内容）", rows=3)
    sent_on = date_field("征求意见书发出日期")
    letter_received_on = date_field(
        "第三方收到征求意见书之日",
        required=False,
        help_text="第三方自收到征求意见书之日起15个工作日内提出意见；当面送达或电子送达的可不填（按发出日期）。",
    )


class ThirdPartyAnswerForm(forms.Form):
    answer = forms.ChoiceField(label="第三方意见", choices=v.THIRD_PARTY_ANSWER_CHOICES)
    on = date_field("收到意见日期（逾期未答复的填登记日期）")
    reason = text_field("第三方理由", required=False)


class ThirdPartyDecisionForm(forms.Form):
    consultation = forms.ModelChoiceField(label="征求意见", queryset=ThirdPartyConsultation.objects.none())
    decision = forms.ChoiceField(label="本机关决定", choices=v.THIRD_PARTY_DECISION_CHOICES)
    reason = text_field(
        "决定理由",
        required=False,
        help_text="第三方不同意公开而决定公开的，写明不公开可能对公共利益造成重大影响的理由。",
    )
    notice_sent_on = date_field("书面告知第三方日期", required=False, help_text="决定予以公开时填写。")
    reconsideration_body = forms.CharField(
        label="行政复议机关（第三方告知书的救济途径）", max_length=100, required=False
    )

    def __init__(self, *args: Any, app: Application, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["consultation"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = ThirdPartyConsultation.objects.filter(application=app).exclude(answer="")
        field.label_from_instance = lambda c: f"{c.party_name}（{c.sent_on:%Y-%m-%d}）"


class FeeNoticeForm(forms.Form):
    """收费通知书: one method per application (办法 第三条)."""

    method = forms.ChoiceField(label="计收方式", choices=v.FEE_METHOD_CHOICES, widget=forms.RadioSelect)
    pages = forms.IntegerField(
        label="提供的页数（按量计收）",
        min_value=0,
        required=False,
        help_text="按件计收时不填：件数由系统统计。",
    )
    sent_on = date_field("收费通知发出日期")
    received_on = date_field(
        "申请人收到收费通知之日",
        required=False,
        help_text=f"缴费期限为收到通知次日起{FEE_PAYMENT_WORKING_DAYS}个工作日；不填按发出日期。",
    )
    how_to_pay = text_field("缴纳方式")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("method") == FeeMethod.PER_PAGE and data.get("pages") is None:
            self.add_error("pages", "按量计收须填写提供的页数。")
        if data.get("method") == FeeMethod.PER_APPLICATION:
            data["pages"] = None  # one method only: a page count is not used
        return data


class DateOnlyForm(forms.Form):
    on = date_field("日期")


start_third_party_consultation = case_action(
    actions.do_start_consultation,
    "已登记书面征求第三方意见，暂停计时。",
    form_class=ThirdPartyConsultationForm,
    arguments=lambda d: {
        "kind": v.ConsultationKind.THIRD_PARTY,
        "sent_on": d["sent_on"],
        "note": f"书面征求{d['party_name']}意见",
        "third_party": actions.ThirdParty(
            name=d["party_name"],
            contact=d["contact"],
            address=d["address"],
            information=d["information"],
            letter_received_on=d["letter_received_on"],
        ),
    },
)
record_third_party_answer = case_action(
    actions.do_end_consultation,
    "已登记第三方意见，恢复计时。",
    form_class=ThirdPartyAnswerForm,
    arguments=lambda d: {"ended_on": d["on"], "answer": d["answer"], "reason": d["reason"]},
)
decide_after_consultation = case_action(
    actions.do_decide_after_consultation,
    "已登记本机关决定。",
    form_class=ThirdPartyDecisionForm,
    form_kwargs=lambda app: {"app": app},
    arguments=form_fields("consultation", "decision", "reason", "notice_sent_on", "reconsideration_body"),
)
send_fee_notice = case_action(
    actions.do_send_fee_notice,
    "已发出收费通知，缴费期间暂停计时。",
    form_class=FeeNoticeForm,
    arguments=form_fields("method", "pages", "sent_on", "received_on", "how_to_pay"),
)
receive_fee = case_action(
    actions.do_receive_fee,
    "已登记缴费，恢复计时。",
    form_class=DateOnlyForm,
    arguments=lambda d: {"paid_on": d["on"]},
)


def panel_context(user: Any, app: Application, on: date) -> dict[str, Any]:
    """What the screening, consultation and fee panels of the case page show."""
    if not permissions.can_view(user, app):
        raise PermissionDenied
    handle = permissions.can_handle(user, app) and app.is_open
    consultations = list(app.third_party_consultations.all())
    fee_notices = list(app.fee_notices.all())
    unpaid = next((n for n in reversed(fee_notices) if n.paid_on is None), None)
    from gongkai.letters import LetterKind

    letters = CaseLetter.objects.filter(application=app).order_by("issued_on", "pk")
    return {
        "case_letters": {
            "rows": [{"row": r, "label": LetterKind(r.kind).label} for r in letters],
            "can_download": permissions.can_see_personal_data(user, app),
        },
        "screening": screening.screen(app),
        "third_party": {
            "items": [{"c": c, "overdue": not c.answer and on > c.reply_due} for c in consultations],
            "can_start": handle and app.status == CaseState.IN_PROGRESS,
            "can_answer": handle
            and app.status == CaseState.CONSULTING_THIRD_PARTY
            and any(not c.answer for c in consultations),
            "can_decide": handle and any(c.answer and not c.decision for c in consultations),
            "start_form": ThirdPartyConsultationForm(initial={"sent_on": on}),
            "answer_form": ThirdPartyAnswerForm(initial={"on": on}),
            "decision_form": ThirdPartyDecisionForm(app=app, initial={"notice_sent_on": None}),
        },
        "fees": {
            "items": fee_notices,
            "basis": FEE_BASIS,
            "can_send": handle and app.status == CaseState.IN_PROGRESS,
            "unpaid": unpaid,
            "can_receive": handle and app.status == CaseState.AWAITING_FEE,
            "lapsed": unpaid is not None and on > unpaid.payment_due,
            "form": FeeNoticeForm(initial={"sent_on": on, "method": FeeMethod.PER_APPLICATION}),
            "paid_form": DateOnlyForm(initial={"on": on}),
        },
    }

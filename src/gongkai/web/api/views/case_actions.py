"""Case actions through the API: one POST view per action, as the web's case buttons."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import exceptions
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from gongkai.web.api import access
from gongkai.web.api import serializers as s
from gongkai.web.api.views.common import CASE_ID, case_for, detail, errors
from gongkai.web.applications import actions, forms
from gongkai.web.applications.models import Application
from gongkai.web.clock import today
from gongkai.web.replies.actions import do_confirm_lapse

# -- case actions ------------------------------------------------------------------------------


def _case_action(
    body: Any,
    action: Callable[..., Application],
    summary: str,
    arguments: Callable[[Application, dict[str, Any]], dict[str, Any]] = lambda app, d: dict(d),
) -> Any:
    """A POST view running one action on a case -- the API's twin of the web's ``_case_action``:
    404 when the case is not visible, 403 without the right role, 409 when the workflow refuses.
    ``arguments`` defaults to the serializer's fields, passed to the action under their own names."""

    class CaseAction(GenericAPIView):
        serializer_class = body

        @extend_schema(
            tags=["办理"],
            summary=summary,
            parameters=[CASE_ID],
            request=body,
            responses={200: s.ApplicationDetailSerializer, **errors(400, 401, 403, 404, 409)},
        )
        def post(self, request: Request, pk: int) -> Response:
            app = case_for(request, pk)
            if not access.may_handle_cases(request):
                raise exceptions.PermissionDenied("系统令牌不能办理案件。")
            data = body(data=request.data)
            data.is_valid(raise_exception=True)
            action(app, acting_user=request.user, **arguments(app, data.validated_data))
            return Response(s.ApplicationDetailSerializer(detail(request, case_for(request, pk))).data)

    CaseAction.__name__ = CaseAction.__qualname__ = f"CaseAction_{action.__name__}"
    return CaseAction.as_view()


def _assignee(app: Application, d: dict[str, Any]) -> dict[str, Any]:
    # The web's choice list: the agency's active 经办人 (the action checks it again).
    clerks = forms.AssignForm(agency=app.agency).fields["assignee"].queryset
    user = clerks.filter(pk=d["assignee"]).first()
    if user is None:
        raise exceptions.ValidationError({"assignee": ["只能分派给本机关的经办人。"]})
    return {"assignee": user}


assign = _case_action(s.AssignSerializer, actions.do_assign_application, "分派经办人", _assignee)
request_correction = _case_action(
    s.CorrectionSerializer,
    actions.do_request_correction,
    "发出补正告知（条例第三十条）",
)
receive_correction = _case_action(
    s.ReceiveCorrectionSerializer,
    actions.do_receive_correction,
    "登记收到补正",
)
start_consultation = _case_action(
    s.ConsultationSerializer,
    actions.do_start_consultation,
    "征求意见，暂停计时（条例第三十二条、第三十四条）",
)
end_consultation = _case_action(
    s.EndConsultationSerializer,
    actions.do_end_consultation,
    "征求意见结束，恢复计时",
)
request_extension = _case_action(
    s.ExtensionRequestSerializer,
    actions.do_request_extension,
    "申请延长答复期限（条例第三十三条第二款）",
    lambda app, d: {"reason": d["reason"], "on": today()},
)
approve_extension = _case_action(
    s.ApproveExtensionSerializer,
    actions.do_approve_extension,
    "机构负责人批准延期",
)
# Issue 16: a lapsed period decided by the clerk (条例 第三十条), and 第三十五条.
refer_lapse = _case_action(
    s.ReferLapseSerializer,
    actions.do_refer_lapse,
    "期限已过，转经办人确认（补正期限或缴费期限）",
    lambda app, d: {"today": today()},
)
record_good_cause = _case_action(
    s.RecordGoodCauseSerializer,
    actions.do_record_good_cause,
    "有正当理由：登记并重新确定期限（条例第三十条）",
)
confirm_lapse = _case_action(
    s.ConfirmLapseSerializer,
    do_confirm_lapse,
    "无正当理由：确认并起草不再处理告知书（表三（六）1、2）",
)
request_reasons = _case_action(
    s.ReasonsRequestSerializer,
    actions.do_request_reasons,
    "要求申请人说明理由（条例第三十五条）",
)
record_reasons_answer = _case_action(
    s.ReasonsAnswerSerializer,
    actions.do_record_reasons_answer,
    "登记申请人的说明及本机关认定（条例第三十五条）",
    lambda app, d: {**d, "today": today()},
)
set_later_date = _case_action(
    s.LaterDateSerializer,
    actions.do_set_later_date,
    "确定延迟答复的合理期限并告知申请人（条例第三十五条）",
)

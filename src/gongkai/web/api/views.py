"""The REST API's views: they check access (api.access), validate input (serializers, then the
web's forms for the rules) and call one action of applications.actions each -- as the HTML
views do. Reads mask applicants' personal data as the web does."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404, HttpResponse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, status
from rest_framework.generics import GenericAPIView
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response

from gongkai.web.api import access
from gongkai.web.api import serializers as s
from gongkai.web.applications import actions, forms, masking
from gongkai.web.applications import vocabulary as v
from gongkai.web.applications.models import Application, ApplicationQuerySet, CaseEvent
from gongkai.web.clock import now, today
from gongkai.web.replies import permissions as reply_permissions
from gongkai.web.replies.models import IssuedLetter, Reply
from gongkai.workflow.letter_elements import COMMON_LETTER_ELEMENTS, LETTER_ELEMENT_LABELS, LetterElement
from gongkai.workflow.outcomes import OUTCOMES, Outcome

STATUS_LABELS = dict(v.STATUS_CHOICES)
EVENT_LABELS = dict(v.EVENT_KIND_CHOICES)
CHANNEL_LABELS = dict(v.Channel.choices)
TAG = "申请"


def _errors(*codes: int) -> dict[int, OpenApiResponse]:
    described = {
        400: "请求内容有误",
        401: "未登录或令牌无效",
        403: "无权执行",
        404: "不存在或无权查看",
        409: "案件当前状态不允许该操作",
    }
    return {
        c: OpenApiResponse(
            s.ValidationErrorSerializer if c == 400 else s.ErrorSerializer, description=described[c]
        )
        for c in codes
    }


class Pagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    invalid_page_message = "页码无效。"


def _case(request: Request, pk: int) -> Application:
    """The case if the client may read it; 404 otherwise (no hint that it exists elsewhere)."""
    if not 0 < pk <= s.MAX_ID:
        raise Http404
    try:
        return (
            access.visible_applications(request)
            .with_overdue(today())
            .select_related("agency", "assignee")
            .get(pk=pk)
        )
    except Application.DoesNotExist:
        raise Http404 from None


def _summary(app: Application) -> dict[str, Any]:
    return {
        "id": app.pk,
        "number": app.number,
        "agency": app.agency_id,
        "agency_name": app.agency.name,
        "year": app.year,
        "applicant_type": app.applicant_type,
        "applicant_name": masking.applicant_name(app),
        "channel": app.channel,
        "channel_label": CHANNEL_LABELS.get(app.channel, app.channel),
        "status": app.status,
        "status_label": STATUS_LABELS.get(app.status, app.status),
        "submitted_at": app.submitted_at,
        "received_on": app.received_on,
        "due_on": app.due_on,
        # Annotated by ApplicationQuerySet.with_overdue (a case waiting for 补正 is never overdue).
        "overdue": bool(app.overdue),
        "closed_on": app.closed_on,
        "resolution": app.resolution,
    }


def _detail(request: Request, app: Application) -> dict[str, Any]:
    full = access.sees_personal_data(request, app)
    out = _summary(app)
    out["applicant_name"] = masking.applicant_name(app, full=full)
    out["personal_data_masked"] = not full
    out["applicant"] = {
        "name": masking.applicant_name(app, full=full),
        "id_type": app.id_type,
        "id_number": app.id_number if full else masking.mask_id(app.id_number),
        "legal_representative": app.legal_representative,
        "phone": app.phone if full else masking.mask_phone(app.phone),
        "email": app.email if full else masking.mask_email(app.email),
        "address": app.address if full else ("（已隐藏）" if app.address else ""),
        "postcode": app.postcode if full else ("（已隐藏）" if app.postcode else ""),
    }
    out["description"] = app.description if full else masking.mask_text(app.description)
    out["delivery_form"] = app.delivery_form
    out["delivery_method"] = app.delivery_method
    out["assignee"] = str(app.assignee) if app.assignee else None
    out["correction_notice_due"] = app.correction_notice_due
    out["extended_due"] = app.extended_due
    out["clock_error"] = app.clock_error
    return out


# -- applications ------------------------------------------------------------------------------


class ApplicationList(GenericAPIView):
    pagination_class = Pagination
    serializer_class = s.ApplicationSummarySerializer

    def _filtered(self, request: Request) -> QuerySet[Application]:
        params = s.ApplicationFilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        f = params.validated_data
        on = today()
        rows = access.visible_applications(request).with_overdue(on).select_related("agency")
        if "agency" in f:
            rows = rows.filter(agency_id=f["agency"])
        if "status" in f:
            rows = rows.filter(status=f["status"])
        if "year" in f:
            rows = rows.filter(year=f["year"])
        if f.get("overdue") is True:
            rows = rows.overdue(on)
        elif f.get("overdue") is False:
            rows = rows.exclude(ApplicationQuerySet.overdue_q(on))
        if f.get("q"):
            rows = rows.filter(Q(number__icontains=f["q"]) | Q(description__icontains=f["q"]))
        return rows.order_by(*s.ORDERINGS[f["ordering"]])

    @extend_schema(
        tags=[TAG],
        summary="申请列表",
        description="可见范围与工作台相同（本机关；公开办含下级机关；系统令牌为其机关及下级机关）。"
        "自然人申请人姓名已隐藏部分。",
        parameters=[s.ApplicationFilterSerializer],
        responses={200: s.ApplicationSummarySerializer(many=True), **_errors(400, 401, 403, 404)},
    )
    def get(self, request: Request) -> Response:
        rows = self._filtered(request)
        page = self.paginate_queryset(rows)
        data = [_summary(app) for app in (page if page is not None else rows)]
        return self.get_paginated_response(s.ApplicationSummarySerializer(data, many=True).data)

    @extend_schema(
        tags=[TAG],
        summary="提交申请",
        description="系统令牌（须有“提交申请”权限）以互联网渠道提交，收到申请之日为提交当日（条例第三十一条）；"
        "工作人员会话按登记页面办理，须填写提交方式和日期。返回登记编号和查询码（只显示这一次）。",
        request=s.SubmissionSerializer,
        responses={201: s.SubmittedSerializer, **_errors(400, 401, 403)},
    )
    def post(self, request: Request) -> Response:
        token = access.token_of(request)
        agencies = access.submission_agencies(request)
        if not agencies.exists():
            raise exceptions.PermissionDenied("没有可以提交申请的机关（令牌无提交权限或本账号不办理申请）。")
        body = s.SubmissionSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        form_class = forms.ApplicantForm if token is not None else forms.StaffIntakeForm
        data = {k: ("" if val is None else str(val)) for k, val in body.validated_data.items()}
        form = form_class(data=data, agencies=agencies)
        if not form.is_valid():
            raise exceptions.ValidationError({k: list(msgs) for k, msgs in form.errors.items()})
        d = form.cleaned_data
        fields = {k: d[k] for k in forms.APPLICANT_FIELDS}
        if token is not None:
            submission = actions.do_submit_application(
                d["agency"],
                fields,
                channel=v.Channel.ONLINE,
                submitted_at=now(),
                acting_user=None,
                via_system=token.name,
            )
        else:
            channel = d["channel"]
            arrived = timezone.make_aware(datetime.combine(d["arrived_on"], time(9)))
            submission = actions.do_submit_application(
                d["agency"],
                fields,
                channel=channel,
                submitted_at=arrived,
                arrived_on=d["arrived_on"],
                confirmed_on=d["confirmed_on"],
                acting_user=request.user,
            )
        app = submission.application
        out = {
            "id": app.pk,
            "number": app.number,
            "query_code": submission.query_code,
            "status": app.status,
            "channel": app.channel,
            "received_on": app.received_on,
            "due_on": app.due_on,
        }
        return Response(s.SubmittedSerializer(out).data, status=status.HTTP_201_CREATED)


_ID = OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH, description="申请编号")


class ApplicationDetail(GenericAPIView):
    serializer_class = s.ApplicationDetailSerializer

    @extend_schema(
        tags=[TAG],
        summary="申请详情",
        description="申请人信息仅对受理机关本机关的工作人员完整显示，其他人（公开办、系统令牌）隐藏部分。",
        parameters=[_ID],
        responses={200: s.ApplicationDetailSerializer, **_errors(401, 403, 404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        return Response(s.ApplicationDetailSerializer(_detail(request, _case(request, pk))).data)


class EventList(GenericAPIView):
    serializer_class = s.EventSerializer

    @extend_schema(
        tags=[TAG],
        summary="办理事项",
        description="补正、延期、征求意见、收费、办理步骤等，按日期排序。",
        parameters=[_ID],
        responses={200: s.EventSerializer(many=True), **_errors(401, 403, 404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        app = _case(request, pk)
        full = access.sees_personal_data(request, app)
        events: QuerySet[CaseEvent] = app.events.select_related("by").order_by("on", "pk")
        data = [
            {
                "id": e.pk,
                "kind": e.kind,
                "kind_label": EVENT_LABELS.get(e.kind, e.kind),
                "on": e.on,
                "until": e.until,
                "detail": e.detail,
                "note": e.note if full else masking.mask_text(e.note),
                "by": str(e.by) if e.by else None,
            }
            for e in events
        ]
        return Response(s.EventSerializer(data, many=True).data)


# -- case actions ------------------------------------------------------------------------------


def _case_action(
    body: Any,
    action: Callable[..., Application],
    summary: str,
    arguments: Callable[[Application, dict[str, Any]], dict[str, Any]],
) -> Any:
    """A POST view running one action on a case -- the API's twin of the web's ``_case_action``:
    404 when the case is not visible, 403 without the right role, 409 when the workflow refuses."""

    class CaseAction(GenericAPIView):
        serializer_class = body

        @extend_schema(
            tags=["办理"],
            summary=summary,
            parameters=[_ID],
            request=body,
            responses={200: s.ApplicationDetailSerializer, **_errors(400, 401, 403, 404, 409)},
        )
        def post(self, request: Request, pk: int) -> Response:
            app = _case(request, pk)
            if not access.may_handle_cases(request):
                raise exceptions.PermissionDenied("系统令牌不能办理案件。")
            data = body(data=request.data)
            data.is_valid(raise_exception=True)
            action(app, acting_user=request.user, **arguments(app, data.validated_data))
            return Response(s.ApplicationDetailSerializer(_detail(request, _case(request, pk))).data)

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
    lambda app, d: {"sent_on": d["sent_on"], "items": d["items"], "working_days": d["working_days"]},
)
receive_correction = _case_action(
    s.ReceiveCorrectionSerializer,
    actions.do_receive_correction,
    "登记收到补正",
    lambda app, d: {"received_on": d["received_on"]},
)
start_consultation = _case_action(
    s.ConsultationSerializer,
    actions.do_start_consultation,
    "征求意见，暂停计时（条例第三十二条、第三十四条）",
    lambda app, d: {"kind": d["kind"], "sent_on": d["sent_on"], "note": d["note"]},
)
end_consultation = _case_action(
    s.EndConsultationSerializer,
    actions.do_end_consultation,
    "征求意见结束，恢复计时",
    lambda app, d: {"ended_on": d["ended_on"]},
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
    lambda app, d: {"approved_on": d["approved_on"]},
)


# -- outcomes and letters ----------------------------------------------------------------------


def _elements(elements: tuple[LetterElement, ...]) -> list[dict[str, str]]:
    return [{"key": e.value, "label": LETTER_ELEMENT_LABELS[e]} for e in elements]


def _outcome(o: Outcome) -> dict[str, Any]:
    return {
        "key": o.key,
        "group": o.group.value,
        "label": o.label,
        "refusal_under_14_to_16": o.refusal_under_14_to_16,
        "grounds": [
            {
                "key": g.key,
                "article": g.article,
                "text": g.text,
                "letter_elements": _elements(g.letter_elements),
                "optional_elements": _elements(g.optional_elements),
                "inferred": g.inferred,
            }
            for g in o.grounds
        ],
        "common_letter_elements": _elements(COMMON_LETTER_ELEMENTS),
    }


class OutcomeList(GenericAPIView):
    serializer_class = s.OutcomeSerializer

    @extend_schema(
        tags=["办理结果"],
        summary="办理结果分类",
        description="年度报告表三“本年度办理结果”的各项，及其法律依据和答复书必须载明的事项。",
        responses={200: s.OutcomeSerializer(many=True), **_errors(401, 403)},
    )
    def get(self, request: Request) -> Response:
        return Response(s.OutcomeSerializer([_outcome(o) for o in OUTCOMES.values()], many=True).data)


class CaseOutcome(GenericAPIView):
    serializer_class = s.CaseOutcomeSerializer

    @extend_schema(
        tags=["办理结果"],
        summary="本申请的办理结果",
        parameters=[_ID],
        responses={200: s.CaseOutcomeSerializer, **_errors(401, 403, 404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        app = _case(request, pk)
        outcome = OUTCOMES.get(app.resolution) if app.resolution else None
        reply = Reply.objects.filter(application=app).first()
        withheld = (
            [{"ground": w.ground, "description": w.description} for w in reply.withheld_parts.all()]
            if reply is not None and outcome is not None
            else []
        )
        data = {
            "decided": bool(app.resolution),
            "resolution": app.resolution or None,
            "label": outcome.label if outcome else None,
            "group": outcome.group.value if outcome else None,
            "ground": (reply.ground or None) if reply is not None and outcome is not None else None,
            "closed_on": app.closed_on,
            "withheld": withheld,
        }
        return Response(s.CaseOutcomeSerializer(data).data)


class LetterList(GenericAPIView):
    serializer_class = s.LetterSerializer

    @extend_schema(
        tags=["文书"],
        summary="已出具的文书",
        description="文书目录；下载仅限受理机关本机关的工作人员（文书载有未隐藏的申请人信息）。",
        parameters=[_ID],
        responses={200: s.LetterSerializer(many=True), **_errors(401, 403, 404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        app = _case(request, pk)
        downloadable = _may_download(request, app)
        letters = IssuedLetter.objects.filter(application=app).order_by("issued_on", "pk")
        data = [
            {
                "id": x.pk,
                "kind": x.kind,
                "kind_label": x.kind_label,
                "document_number": x.document_number,
                "issued_on": x.issued_on,
                "docx_sha256": x.docx_sha256,
                "pdf_sha256": x.pdf_sha256,
                "downloadable": downloadable,
            }
            for x in letters.only(
                "kind", "kind_label", "document_number", "issued_on", "docx_sha256", "pdf_sha256"
            )
        ]
        return Response(s.LetterSerializer(data, many=True).data)


def _may_download(request: Request, app: Application) -> bool:
    return access.token_of(request) is None and reply_permissions.can_read_letters(request.user, app)


DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _letter_download(fmt: str, mime: str) -> Any:
    class LetterDownload(GenericAPIView):
        @extend_schema(
            tags=["文书"],
            summary=f"下载文书（{fmt.upper()}）",
            parameters=[
                _ID,
                OpenApiParameter("letter", OpenApiTypes.INT, OpenApiParameter.PATH, description="文书编号"),
            ],
            responses={
                (200, mime): OpenApiResponse(
                    OpenApiTypes.BINARY, description=f"{fmt.upper()} 文件，与出具时逐字节相同"
                ),
                **_errors(401, 403, 404),
            },
        )
        def get(self, request: Request, pk: int, letter: int) -> HttpResponse:
            app = _case(request, pk)
            if not _may_download(request, app):
                raise exceptions.PermissionDenied(
                    "文书载有申请人个人信息，仅受理机关本机关的工作人员可以下载。"
                )
            if not 0 < letter <= s.MAX_ID:
                raise Http404
            found = IssuedLetter.objects.filter(application=app, pk=letter).first()
            if found is None:
                raise Http404
            body = bytes(found.docx if fmt == "docx" else found.pdf)
            response = HttpResponse(body, content_type=mime)
            response["Content-Disposition"] = f'attachment; filename="letter-{found.pk}.{fmt}"'
            return response

    LetterDownload.__name__ = LetterDownload.__qualname__ = f"LetterDownload_{fmt}"
    return LetterDownload.as_view()


letter_docx = _letter_download("docx", DOCX_MIME)
letter_pdf = _letter_download("pdf", "application/pdf")

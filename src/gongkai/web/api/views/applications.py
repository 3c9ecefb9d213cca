"""Reading applications: the list with its filters (and submission), one case, its events."""

from __future__ import annotations

from datetime import datetime, time

from django.db.models import QuerySet
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, status
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from gongkai.web import clock as time_seam
from gongkai.web.api import access
from gongkai.web.api import serializers as s
from gongkai.web.api.views.common import (
    EVENT_LABELS,
    TAG,
    Pagination,
    case_for,
    case_schema,
    detail,
    errors,
    summary,
)
from gongkai.web.applications import actions, forms, masking, searching
from gongkai.web.applications import vocabulary as v
from gongkai.web.applications.models import Application, ApplicationQuerySet, CaseEvent
from gongkai.web.clock import today

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
            # Only on what the client sees in clear (issue 15 point 4: no oracle on masked data).
            rows = searching.matching(rows, f["q"], access.personal_data_agency_ids(request))
        return rows.order_by(*s.ORDERINGS[f["ordering"]])

    @extend_schema(
        tags=[TAG],
        summary="申请列表",
        description="可见范围与工作台相同（本机关；公开办含下级机关；系统令牌为其机关及下级机关）。"
        "自然人申请人姓名已隐藏部分。",
        parameters=[s.ApplicationFilterSerializer],
        responses={200: s.ApplicationSummarySerializer(many=True), **errors(400, 401, 403, 404)},
    )
    def get(self, request: Request) -> Response:
        rows = self._filtered(request)
        page = self.paginate_queryset(rows)
        data = [summary(app) for app in (page if page is not None else rows)]
        return self.get_paginated_response(s.ApplicationSummarySerializer(data, many=True).data)

    @extend_schema(
        tags=[TAG],
        summary="提交申请",
        description="系统令牌（须有“提交申请”权限）以互联网渠道提交，收到申请之日为提交当日（条例第三十一条）；"
        "工作人员会话按登记页面办理，须填写提交方式和日期。返回登记编号和查询码（只显示这一次）。",
        request=s.SubmissionSerializer,
        responses={201: s.SubmittedSerializer, **errors(400, 401, 403)},
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
        form = form_class(data=data, agencies=agencies, one_time_key=False)
        if not form.is_valid():
            raise exceptions.ValidationError({k: list(msgs) for k, msgs in form.errors.items()})
        d = form.cleaned_data
        fields = {k: d[k] for k in forms.APPLICANT_FIELDS}
        if token is not None:
            submission = actions.do_submit_application(
                d["agency"],
                fields,
                channel=v.SubmissionChannel.ONLINE,
                submitted_at=time_seam.now(),  # looked up per call: tests fix the seam
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


class ApplicationDetail(GenericAPIView):
    serializer_class = s.ApplicationDetailSerializer

    @case_schema(
        TAG,
        "申请详情",
        s.ApplicationDetailSerializer,
        "申请人信息仅对受理机关本机关的工作人员完整显示，其他人（公开办、系统令牌）隐藏部分。",
    )
    def get(self, request: Request, pk: int) -> Response:
        return Response(s.ApplicationDetailSerializer(detail(request, case_for(request, pk))).data)


class EventList(GenericAPIView):
    serializer_class = s.EventSerializer

    @case_schema(
        TAG, "办理事项", s.EventSerializer(many=True), "补正、延期、征求意见、收费、办理步骤等，按日期排序。"
    )
    def get(self, request: Request, pk: int) -> Response:
        app = case_for(request, pk)
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

"""What the API's views share: labels, documented errors, pagination, the case a client may read
and how a case is shown (personal data masked as on the web)."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request

from gongkai.web.api import access
from gongkai.web.api import serializers as s
from gongkai.web.applications import masking
from gongkai.web.applications import vocabulary as v
from gongkai.web.applications.models import Application
from gongkai.web.clock import today

STATUS_LABELS = dict(v.STATUS_CHOICES)
EVENT_LABELS = dict(v.EVENT_KIND_CHOICES)
CHANNEL_LABELS = v.SubmissionChannel.labels()
TAG = "申请"


def errors(*codes: int) -> dict[int, OpenApiResponse]:
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


#: The case's number in the path of every per-case endpoint.
CASE_ID = OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH, description="申请编号")


def case_schema(tag: str, summary: str, response: Any, description: str | None = None) -> Any:
    """The OpenAPI description of a GET that reads one case: ``response``, or the errors of a
    client without access or of a case it may not see."""
    return extend_schema(
        tags=[tag],
        summary=summary,
        description=description,
        parameters=[CASE_ID],
        responses={200: response, **errors(401, 403, 404)},
    )


class Pagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    invalid_page_message = "页码无效。"


def case_for(request: Request, pk: int) -> Application:
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


def summary(app: Application) -> dict[str, Any]:
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


def detail(request: Request, app: Application) -> dict[str, Any]:
    full = access.sees_personal_data(request, app)
    out = summary(app)
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

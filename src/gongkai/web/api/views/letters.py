"""Outcomes (表三 rows and what each letter must say), a case's outcome, its letters and their files."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from gongkai.web.api import access
from gongkai.web.api import serializers as s
from gongkai.web.api.views.common import CASE_ID, case_for, case_schema, errors
from gongkai.web.applications.models import Application
from gongkai.web.replies import permissions as reply_permissions
from gongkai.web.replies.models import IssuedLetter, Reply
from gongkai.workflow.letter_elements import COMMON_LETTER_ELEMENTS, LETTER_ELEMENT_LABELS, LetterElement
from gongkai.workflow.outcomes import OUTCOMES, Outcome

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
        responses={200: s.OutcomeSerializer(many=True), **errors(401, 403)},
    )
    def get(self, request: Request) -> Response:
        return Response(s.OutcomeSerializer([_outcome(o) for o in OUTCOMES.values()], many=True).data)


class CaseOutcome(GenericAPIView):
    serializer_class = s.CaseOutcomeSerializer

    @case_schema("办理结果", "本申请的办理结果", s.CaseOutcomeSerializer)
    def get(self, request: Request, pk: int) -> Response:
        app = case_for(request, pk)
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

    @case_schema(
        "文书",
        "已出具的文书",
        s.LetterSerializer(many=True),
        "文书目录；下载仅限受理机关本机关的工作人员（文书载有未隐藏的申请人信息）。",
    )
    def get(self, request: Request, pk: int) -> Response:
        app = case_for(request, pk)
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
                CASE_ID,
                OpenApiParameter("letter", OpenApiTypes.INT, OpenApiParameter.PATH, description="文书编号"),
            ],
            responses={
                (200, mime): OpenApiResponse(
                    OpenApiTypes.BINARY, description=f"{fmt.upper()} 文件，与出具时逐字节相同"
                ),
                **errors(401, 403, 404),
            },
        )
        def get(self, request: Request, pk: int, letter: int) -> HttpResponse:
            app = case_for(request, pk)
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

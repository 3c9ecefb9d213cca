"""Every API error as JSON ``{"detail": "中文说明"}`` (validation errors add ``errors``: field ->
messages), never a 500 for bad input. Workflow refusals are 409 Conflict: the request is valid
but the case's state does not allow it now."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response

from gongkai.errors import GongkaiError

_MESSAGES: dict[type[exceptions.APIException], str] = {
    exceptions.ParseError: "请求体不是有效的 JSON。",
    exceptions.NotAuthenticated: "请先登录或提供接口令牌。",
    exceptions.PermissionDenied: "没有权限执行该操作。",
    exceptions.NotFound: "未找到。",
    exceptions.MethodNotAllowed: "不支持该请求方法。",
    exceptions.UnsupportedMediaType: "请求体须为 JSON（Content-Type: application/json）。",
    exceptions.NotAcceptable: "仅提供 JSON 格式的响应。",
}


_TECHNICAL = (
    exceptions.ParseError,
    exceptions.UnsupportedMediaType,
    exceptions.MethodNotAllowed,
    exceptions.NotAcceptable,
)


def _flatten(detail: Any) -> Any:
    if isinstance(detail, dict):
        return {str(k): _flatten(v) for k, v in detail.items()}
    if isinstance(detail, list):
        return [_flatten(v) for v in detail]
    return str(detail)


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    if isinstance(exc, GongkaiError):
        return Response({"detail": exc.message}, status=status.HTTP_409_CONFLICT)
    if not isinstance(exc, exceptions.APIException):
        return None  # a real bug: let Django report it
    headers = {}
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    if getattr(exc, "wait", None):
        headers["Retry-After"] = str(int(exc.wait))
    if isinstance(exc, exceptions.ValidationError):
        errors = _flatten(exc.detail)
        if not isinstance(errors, dict):
            errors = {"non_field_errors": errors}
        summary = "；".join(
            f"{msg}" if field in ("non_field_errors", "__all__") else f"{field}：{msg}"
            for field, msgs in errors.items()
            for msg in (msgs if isinstance(msgs, list) else [msgs])
        )
        return Response(
            {"detail": f"提交的内容有误：{summary}", "errors": errors},
            status=exc.status_code,
            headers=headers,
        )
    generic = next((m for cls, m in _MESSAGES.items() if type(exc) is cls), None)
    # A message written for this case (e.g. “令牌已被吊销。”) beats the generic one; the parser's
    # and the content negotiation's own texts are technical English and are replaced.
    own = str(exc.detail) != str(type(exc).default_detail) and not isinstance(exc, _TECHNICAL)
    detail = str(exc.detail) if own or generic is None else generic
    return Response({"detail": detail}, status=exc.status_code, headers=headers)

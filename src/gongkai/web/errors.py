"""The error pages (400, 403, 404, 500 and a refused CSRF check) in Chinese, in the site's look,
each with a way back (issue 17 point 6).

Django's own handlers would render ``404.html`` etc. as well, but its CSRF failure page is a
technical English page and its 500 handler passes no request; these views give every error the
same template with a title, an explanation and the links back.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.template import loader

#: status -> (title, explanation).
MESSAGES: dict[int, tuple[str, str]] = {
    400: ("请求有误", "浏览器发送的请求不完整或格式有误，本系统无法处理。请返回上一页重新操作。"),
    403: (
        "无权访问",
        "您没有访问此页面或执行此操作的权限。工作人员请先登录，或联系本机关的系统管理员开通权限。",
    ),
    404: ("页面不存在", "您要访问的页面不存在，可能链接有误，或该信息已被删除、撤回。"),
    500: ("系统出错", "系统暂时无法完成您的请求，错误已记录。请稍后再试；急需办理的，请联系受理机关。"),
}
CSRF_MESSAGE = (
    "页面已过期或安全校验未通过，本次提交没有生效。请返回上一页，刷新后重新提交；"
    "如仍不成功，请确认浏览器允许本网站使用 Cookie。"
)


def _render(request: HttpRequest | None, status: int, message: str | None = None) -> HttpResponse:
    title, explanation = MESSAGES[status]
    context: dict[str, Any] = {"status": status, "title": title, "explanation": message or explanation}
    # The 500 page renders without the request's context processors: whatever failed (the
    # database, a processor) must not fail the error page too. A request refused before the
    # middleware ran (a bad Host header: 400) has no user for the processors either.
    usable = status != 500 and request is not None and hasattr(request, "user")
    html = loader.render_to_string("errors/error.html", context, request if usable else None)
    return HttpResponse(html, status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _render(request, 400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _render(request, 403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _render(request, 404)


def server_error(request: HttpRequest) -> HttpResponse:
    return _render(request, 500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: a refused form is a 403 that says what to do."""
    return _render(request, 403, CSRF_MESSAGE)

"""Authentication of API clients: a system's token (``Authorization: Bearer gk_...``) or a staff
member's session (the web UI's login, CSRF-checked as every form of the site)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any, ClassVar

from django.utils import timezone
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from gongkai.web.api.actions import key_matches, split_key
from gongkai.web.api.models import ApiToken

#: last_used_at is written at most this often per token (not one write per request).
LAST_USED_RESOLUTION = timedelta(minutes=1)


class ApiTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request: Request) -> tuple[Any, ApiToken] | None:
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed("令牌格式不正确：应为“Authorization: Bearer <令牌>”。")
        try:
            key = header[1].decode("ascii")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed("令牌无效。") from None
        parts = split_key(key)
        token = (
            ApiToken.objects.select_related("account", "agency").filter(prefix=parts[0]).first()
            if parts and "\x00" not in key
            else None
        )
        if token is None or not key_matches(token, key):
            raise exceptions.AuthenticationFailed("令牌无效。")
        if token.revoked_at is not None or not token.account.is_active:
            raise exceptions.AuthenticationFailed("令牌已被吊销。")
        now = timezone.now()
        if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
            token.last_used_at = now
        return token.account, token

    def authenticate_header(self, request: Request) -> str:
        return f'{self.keyword} realm="api"'


class CsrfSessionAuthentication(authentication.SessionAuthentication):
    """The web login; unsafe methods need the CSRF token as every form of the site does."""

    def enforce_csrf(self, request: Request) -> None:
        try:
            super().enforce_csrf(request)
        except exceptions.PermissionDenied as exc:  # DRF's text is English: "CSRF Failed: ..."
            raise exceptions.PermissionDenied(
                "CSRF 校验失败：以会话方式提交须带 X-CSRFToken 请求头（与 csrftoken Cookie 一致）。"
            ) from exc


class _Scheme(OpenApiAuthenticationExtension):
    """How a client proves who it is, for the OpenAPI document: the ``scheme`` fields of the
    security scheme object and, in Chinese, the ``description`` the reader sees."""

    scheme: ClassVar[dict[str, str]]
    description: ClassVar[str]

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {**self.scheme, "description": self.description}


class ApiTokenScheme(_Scheme):
    target_class = "gongkai.web.api.auth.ApiTokenAuthentication"
    name = "token"
    scheme = {"type": "http", "scheme": "bearer"}
    description = "系统令牌（由系统管理员用 gongkai manage create_api_token 创建，只显示一次）。"


class SessionScheme(_Scheme):
    target_class = "gongkai.web.api.auth.CsrfSessionAuthentication"
    name = "session"
    scheme = {"type": "apiKey", "in": "cookie", "name": "sessionid"}
    description = "工作人员登录后的会话；POST 请求须带 X-CSRFToken 请求头。"

"""Creating and revoking API tokens (one transaction and one audit row each, as every action)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from gongkai.errors import GongkaiError
from gongkai.web.accounts.models import Agency, User
from gongkai.web.api.models import ApiToken
from gongkai.web.audit.record import record

TOKEN_PREFIX = "gk"


class TokenError(GongkaiError):
    """A token that cannot be created or revoked as asked (Chinese message)."""


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    #: The secret, shown once; only its SHA-256 is stored.
    key: str


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def split_key(key: str) -> tuple[str, str] | None:
    """``gk_<prefix>_<secret>`` -> (prefix, secret), or None when it is not shaped like a token."""
    parts = key.split("_", 2)  # the secret itself may contain "_"
    if len(parts) != 3 or parts[0] != TOKEN_PREFIX or not parts[1] or not parts[2]:
        return None
    return parts[1], parts[2]


def key_matches(token: ApiToken, key: str) -> bool:
    return hmac.compare_digest(token.key_hash, hash_key(key))


def _label(acting_user: Any) -> str | None:
    return None if getattr(acting_user, "is_authenticated", False) else "系统管理员（命令行）"


def do_create_api_token(
    agency: Agency, *, name: str, may_submit: bool, may_read: bool, acting_user: Any
) -> IssuedToken:
    name = name.strip()
    if not name:
        raise TokenError("请填写接入系统名称。")
    if not (may_submit or may_read):
        raise TokenError("令牌至少应有一项权限（提交申请或查询办理情况）。")
    prefix = secrets.token_hex(4)
    key = f"{TOKEN_PREFIX}_{prefix}_{secrets.token_urlsafe(32)}"
    with transaction.atomic():
        account = User.objects.create_user(
            username=f"api-{prefix}", full_name=f"接口：{name}"[:50], password=None
        )
        token = ApiToken.objects.create(
            name=name,
            agency=agency,
            account=account,
            prefix=prefix,
            key_hash=hash_key(key),
            may_submit=may_submit,
            may_read=may_read,
            created_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
        )
        scope = "、".join(s for s, on in (("提交申请", may_submit), ("查询办理情况", may_read)) if on)
        record(
            acting_user=acting_user,
            action="api.token_created",
            summary=f"创建接口令牌“{name}”（{agency}，{scope}），前缀 {prefix}",
            obj=token,
            agency_id=agency.pk,
            actor_label=_label(acting_user),
        )
    return IssuedToken(token, key)


def do_revoke_api_token(token: ApiToken, *, acting_user: Any) -> ApiToken:
    with transaction.atomic():
        token = ApiToken.objects.select_for_update().get(pk=token.pk)
        if token.revoked_at is not None:
            raise TokenError(
                f"令牌“{token.name}”已于 {timezone.localtime(token.revoked_at):%Y-%m-%d %H:%M} 吊销。"
            )
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        # The system account is closed too: nothing can act as it any more.
        User.objects.filter(pk=token.account_id).update(is_active=False)
        record(
            acting_user=acting_user,
            action="api.token_revoked",
            summary=f"吊销接口令牌“{token.name}”（前缀 {token.prefix}）",
            obj=token,
            agency_id=token.agency_id,
            actor_label=_label(acting_user),
        )
    return token

"""Creating and revoking API tokens (one transaction and one audit row each, as every action)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from gongkai.web.accounts.models import Agency, User
from gongkai.web.actions_base import ActionError, require, step_record, top_level
from gongkai.web.api.models import ApiToken

TOKEN_PREFIX = "gk"
TOKEN_CREATED = "api.token_created"
TOKEN_REVOKED = "api.token_revoked"


class TokenError(ActionError):
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


@top_level(TOKEN_CREATED)
def do_create_api_token(
    agency: Agency, *, name: str, may_submit: bool, may_read: bool, acting_user: Any
) -> IssuedToken:
    name = name.strip()
    require(bool(name), "请填写接入系统名称。", TokenError)
    require(may_submit or may_read, "令牌至少应有一项权限（提交申请或查询办理情况）。", TokenError)
    prefix = secrets.token_hex(4)
    key = f"{TOKEN_PREFIX}_{prefix}_{secrets.token_urlsafe(32)}"
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
    step_record(
        acting_user=acting_user,
        summary=f"创建接口令牌“{name}”（{agency}，{scope}），前缀 {prefix}",
        obj=token,
        actor_label=_label(acting_user),
    )
    return IssuedToken(token, key)


@top_level(TOKEN_REVOKED)
def do_revoke_api_token(token: ApiToken, *, acting_user: Any) -> ApiToken:
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is not None:
        raise TokenError(
            f"令牌“{token.name}”已于 {timezone.localtime(token.revoked_at):%Y-%m-%d %H:%M} 吊销。"
        )
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    # The system account is closed too: nothing can act as it any more.
    User.objects.filter(pk=token.account_id).update(is_active=False)
    step_record(
        acting_user=acting_user,
        summary=f"吊销接口令牌“{token.name}”（前缀 {token.prefix}）",
        obj=token,
        actor_label=_label(acting_user),
    )
    return token

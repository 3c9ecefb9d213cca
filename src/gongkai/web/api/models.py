"""Tokens of the systems that use the API (a provincial platform forwarding applications...).

A token belongs to one agency and acts through its own system account (a User without any
membership, so no web permission applies to it) within an explicit scope: submit applications
to the agency or an agency below it, and/or read their status. Never more than a staff member
of that agency: it handles no case and sees applicants' personal data masked. Only a SHA-256 of
the token is stored (the token is random, 256 bits: a slow hash would add nothing); the token is
shown once, when it is created.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from gongkai.web.model_fields import Model, optional_reference


class ApiToken(Model):
    name = models.CharField("接入系统名称", max_length=100, help_text="如“省政务服务平台”。")
    agency = models.ForeignKey(
        "accounts.Agency", verbose_name="所属机关", on_delete=models.PROTECT, related_name="api_tokens"
    )
    #: The system account the token acts as (audit rows name it).
    account = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name="系统账号", on_delete=models.PROTECT, related_name="api_token"
    )
    #: The public part of the token, used to find it (``gk_<prefix>_<secret>``).
    prefix = models.CharField("令牌前缀", max_length=16, unique=True)
    key_hash = models.CharField("令牌摘要（SHA-256）", max_length=64)
    may_submit = models.BooleanField("可提交申请", default=True)
    may_read = models.BooleanField("可查询办理情况", default=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    created_by = optional_reference(settings.AUTH_USER_MODEL, "创建人")
    revoked_at = models.DateTimeField("吊销时间", null=True, blank=True)
    last_used_at = models.DateTimeField("最近使用时间", null=True, blank=True)

    class Meta:
        verbose_name = "接口令牌"
        ordering = ["agency", "name", "pk"]

    def __str__(self) -> str:
        return f"{self.name}（{self.agency}）"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

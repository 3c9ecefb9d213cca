"""Choices of the replies app (Chinese labels for the UI)."""

from __future__ import annotations

from django.db import models


class ReviewDecision(models.TextChoices):
    RETURNED = "returned", "退回修改"
    APPROVED = "approved", "审核通过"


class DeliveryMethod(models.TextChoices):
    """送达方式 and the proof each one needs (see replies.forms.DeliveryForm)."""

    DIRECT = "direct", "直接送达"
    POST = "post", "邮寄"
    EMAIL = "email", "电子邮件"
    ONLINE = "online", "在线平台"
    ON_THE_SPOT = "on_the_spot", "当场"


#: The proof each method needs: a signed receipt (签收回执) for handing over, the postal tracking
#: number for post, the transmission log for electronic delivery.
PROOF_BY_METHOD = {
    DeliveryMethod.DIRECT: "receipt",
    DeliveryMethod.ON_THE_SPOT: "receipt",
    DeliveryMethod.POST: "tracking_number",
    DeliveryMethod.EMAIL: "log",
    DeliveryMethod.ONLINE: "log",
}

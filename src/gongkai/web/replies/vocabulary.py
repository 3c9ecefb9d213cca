"""Choices of the replies app (Chinese labels for the UI)."""

from __future__ import annotations

from gongkai.web.choices import Choices


class ReviewDecision(Choices):
    RETURNED = "退回修改"
    APPROVED = "审核通过"


class ServiceMethod(Choices):
    """送达方式: how the reply letter is served on the applicant, and the proof each one needs (see
    replies.forms.DeliveryForm) -- not how the applicant asked to obtain the information
    (applications.vocabulary.ObtainingMethod)."""

    DIRECT = "直接送达"
    POST = "邮寄"
    EMAIL = "电子邮件"
    ONLINE = "在线平台"
    ON_THE_SPOT = "当场"


#: The proof each method needs: a signed receipt (签收回执) for handing over, the postal tracking
#: number for post, the transmission log for electronic delivery.
PROOF_BY_METHOD: dict[str, str] = {
    ServiceMethod.DIRECT: "receipt",
    ServiceMethod.ON_THE_SPOT: "receipt",
    ServiceMethod.POST: "tracking_number",
    ServiceMethod.EMAIL: "log",
    ServiceMethod.ONLINE: "log",
}

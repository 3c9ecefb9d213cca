"""Choices of the application forms and models (Chinese labels for the UI)."""

from __future__ import annotations

from enum import StrEnum

from django.db import models

from gongkai.deadlines import CHANNEL_RULES, PauseReason
from gongkai.deadlines import Channel as DomainChannel
from gongkai.fees import FEE_METHOD_LABELS, FeeMethod
from gongkai.workflow.applicants import ApplicantType
from gongkai.workflow.cases import CASE_STATE_LABELS, CaseState, is_open


class IdType(models.TextChoices):
    RESIDENT_ID = "resident_id", "居民身份证"
    PASSPORT = "passport", "护照"
    HK_MACAO = "hk_macao", "港澳居民来往内地通行证"
    TAIWAN = "taiwan", "台湾居民来往大陆通行证"
    USCC = "uscc", "统一社会信用代码证明"
    OTHER = "other", "其他身份证明"


class DeliveryForm(models.TextChoices):
    """条例 第二十九条第二款第（三）项、第四十条: the form the information is provided in."""

    PAPER = "paper", "纸质"
    ELECTRONIC = "electronic", "电子文档"
    VIEWING = "viewing", "查阅、抄录"


class DeliveryMethod(models.TextChoices):
    POST = "post", "邮寄"
    EMAIL = "email", "电子邮件"
    PICKUP = "pickup", "当面领取"
    ONLINE = "online", "网上获取"


class EventKind(StrEnum):
    """Facts recorded on a case; those that move the clock are read by applications.clock."""

    CORRECTION_REQUESTED = "correction_requested"
    CORRECTION_RECEIVED = "correction_received"
    EXTENSION_REQUESTED = "extension_requested"
    EXTENSION_APPROVED = "extension_approved"
    CONSULTATION_STARTED = "consultation_started"
    CONSULTATION_ENDED = "consultation_ended"
    FEE_NOTICE_SENT = "fee_notice_sent"
    FEE_RECEIVED = "fee_received"
    STEP = "step"
    CLOSED = "closed"


EVENT_KIND_LABELS = {
    EventKind.CORRECTION_REQUESTED: "发出补正告知",
    EventKind.CORRECTION_RECEIVED: "收到补正申请",
    EventKind.EXTENSION_REQUESTED: "申请延长答复期限",
    EventKind.EXTENSION_APPROVED: "机构负责人批准延期",
    EventKind.CONSULTATION_STARTED: "征求意见（暂停计时）",
    EventKind.CONSULTATION_ENDED: "征求意见结束（恢复计时）",
    EventKind.FEE_NOTICE_SENT: "发出收费通知（暂停计时）",
    EventKind.FEE_RECEIVED: "申请人已缴费（恢复计时）",
    EventKind.STEP: "办理步骤",
    EventKind.CLOSED: "办结",
}
EVENT_KIND_CHOICES = [(k.value, label) for k, label in EVENT_KIND_LABELS.items()]


class ConsultationKind(models.TextChoices):
    """Whose opinion is sought; the time it takes is not counted (条例 第三十三条第三款)."""

    THIRD_PARTY = PauseReason.THIRD_PARTY.value, "第三方（第三十二条）"
    OTHER_AGENCY = PauseReason.OTHER_AGENCY.value, "其他机关（第三十四条）"


#: Channels with the labels of the domain's rules (条例 第三十一条), in the order staff pick them.
Channel = models.TextChoices("Channel", [(c.name, (c.value, CHANNEL_RULES[c].label)) for c in DomainChannel])


#: Case states are the domain's (gongkai.workflow.CaseState); the web only labels them.
STATUS_CHOICES = [(state.value, CASE_STATE_LABELS[state]) for state in CaseState]
#: A tuple in the workflow's order (not a set): it appears in the partial indexes' conditions,
#: which must be the same in every process for migrations to be stable.
OPEN_STATUSES = tuple(state.value for state in CaseState if is_open(state))
CONSULTING_STATUSES = frozenset({CaseState.CONSULTING_THIRD_PARTY.value, CaseState.CONSULTING_AGENCY.value})
APPLICANT_TYPE_CHOICES = [(t.value, t.label) for t in ApplicantType]


class ThirdPartyAnswer(StrEnum):
    """The third party's answer to a consultation (条例 第三十二条)."""

    AGREE = "agree"
    DISAGREE = "disagree"
    NO_ANSWER = "no_answer"


THIRD_PARTY_ANSWER_LABELS = {
    ThirdPartyAnswer.AGREE: "同意公开",
    ThirdPartyAnswer.DISAGREE: "不同意公开",
    ThirdPartyAnswer.NO_ANSWER: "逾期未答复",
}
THIRD_PARTY_ANSWER_CHOICES = [(k.value, label) for k, label in THIRD_PARTY_ANSWER_LABELS.items()]


class ThirdPartyDecision(StrEnum):
    """What the agency decided after consulting (第三十二条: 第三方不同意公开且有合理理由的不予公开；
    认为不公开可能对公共利益造成重大影响的可以决定予以公开)."""

    DISCLOSE = "disclose"
    WITHHOLD = "withhold"


THIRD_PARTY_DECISION_LABELS = {
    ThirdPartyDecision.DISCLOSE: "予以公开",
    ThirdPartyDecision.WITHHOLD: "不予公开",
}
THIRD_PARTY_DECISION_CHOICES = [(k.value, label) for k, label in THIRD_PARTY_DECISION_LABELS.items()]
FEE_METHOD_CHOICES = [(m.value, FEE_METHOD_LABELS[m]) for m in FeeMethod]

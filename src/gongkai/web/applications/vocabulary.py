"""Choices of the application forms and models (Chinese labels for the UI)."""

from __future__ import annotations

from gongkai.deadlines import PauseReason
from gongkai.fees import FEE_METHOD_LABELS, FeeMethod
from gongkai.receipt import CHANNEL_RULES
from gongkai.receipt import Channel as DomainChannel
from gongkai.web.choices import Choices
from gongkai.workflow.applicants import ApplicantType
from gongkai.workflow.cases import CASE_STATE_LABELS, LAPSE_OUTCOMES, CaseState, is_open


class IdType(Choices):
    RESIDENT_ID = "居民身份证"
    PASSPORT = "护照"
    HK_MACAO = "港澳居民来往内地通行证"
    TAIWAN = "台湾居民来往大陆通行证"
    USCC = "统一社会信用代码证明"
    OTHER = "其他身份证明"


class InformationFormat(Choices):
    """条例 第二十九条第二款第（三）项、第四十条: the form the information is provided in."""

    PAPER = "纸质"
    ELECTRONIC = "电子文档"
    VIEWING = "查阅、抄录"


class ObtainingMethod(Choices):
    """How the applicant asks to obtain the information (获取信息的方式、途径, 条例 第二十九条第二款
    第（三）项) -- not how the reply is served (replies.vocabulary.ServiceMethod, 送达方式)."""

    POST = "邮寄"
    EMAIL = "电子邮件"
    PICKUP = "当面领取"
    ONLINE = "网上获取"


class EventKind(Choices):
    """Facts recorded on a case; those that move the clock are read by applications.clock."""

    CORRECTION_REQUESTED = "发出补正告知"
    CORRECTION_RECEIVED = "收到补正申请"
    EXTENSION_REQUESTED = "申请延长答复期限"
    EXTENSION_APPROVED = "机构负责人批准延期"
    CONSULTATION_STARTED = "征求意见（暂停计时）"
    CONSULTATION_ENDED = "征求意见结束（恢复计时）"
    FEE_NOTICE_SENT = "发出收费通知（暂停计时）"
    FEE_RECEIVED = "申请人已缴费（恢复计时）"
    #: A 补正 or payment period ran out: before the clerk (条例 第三十条 "无正当理由").
    LAPSE_REFERRED = "期限已过，待经办人确认"
    #: The clerk found a 正当理由: a new period (``until``), what the applicant said (``note``).
    LAPSE_EXCUSED = "有正当理由，重新确定期限"
    #: The clerk found none: the （六）1/2 告知书 is drafted (``note``: the finding).
    LAPSE_CONFIRMED = "无正当理由，确认不再处理"
    #: 第三十五条: the request for reasons (``until``: the applicant's window), the answer, and
    #: the later reply date the agency set (``until``).
    REASONS_REQUESTED = "要求说明理由（第三十五条）"
    REASONS_ANSWERED = "申请人说明理由"
    LATER_DATE_SET = "确定延迟答复的合理期限（第三十五条）"
    STEP = "办理步骤"
    CLOSED = "办结"


EVENT_KIND_LABELS = EventKind.labels()
EVENT_KIND_CHOICES = EventKind.choices()


class ConsultationKind(Choices):
    """Whose opinion is sought; the time it takes is not counted (条例 第三十三条第三款)."""

    THIRD_PARTY = PauseReason.THIRD_PARTY.value, "第三方（第三十二条）"
    OTHER_AGENCY = PauseReason.OTHER_AGENCY.value, "其他机关（第三十四条）"


class SubmissionChannel(Choices):
    """How an application was submitted (提交方式): the domain's channels with the labels of its
    rules (条例 第三十一条), in the order staff pick them -- not where disclosed information is
    published (disclosure.vocabulary.PublicationChannel)."""

    IN_PERSON = DomainChannel.IN_PERSON.value, CHANNEL_RULES[DomainChannel.IN_PERSON].label
    POST_SIGNED = DomainChannel.POST_SIGNED.value, CHANNEL_RULES[DomainChannel.POST_SIGNED].label
    POST_UNSIGNED = DomainChannel.POST_UNSIGNED.value, CHANNEL_RULES[DomainChannel.POST_UNSIGNED].label
    ONLINE = DomainChannel.ONLINE.value, CHANNEL_RULES[DomainChannel.ONLINE].label
    EMAIL = DomainChannel.EMAIL.value, CHANNEL_RULES[DomainChannel.EMAIL].label
    FAX = DomainChannel.FAX.value, CHANNEL_RULES[DomainChannel.FAX].label


#: Case states are the domain's (gongkai.workflow.CaseState); the web only labels them.
STATUS_CHOICES = [(state.value, CASE_STATE_LABELS[state]) for state in CaseState]
#: A tuple in the workflow's order (not a set): it appears in the partial indexes' conditions,
#: which must be the same in every process for migrations to be stable.
OPEN_STATUSES = tuple(state.value for state in CaseState if is_open(state))
CONSULTING_STATUSES = frozenset({CaseState.CONSULTING_THIRD_PARTY.value, CaseState.CONSULTING_AGENCY.value})
APPLICANT_TYPE_CHOICES = [(t.value, t.label) for t in ApplicantType]


class ThirdPartyAnswer(Choices):
    """The third party's answer to a consultation (条例 第三十二条)."""

    AGREE = "同意公开"
    DISAGREE = "不同意公开"
    NO_ANSWER = "逾期未答复"


THIRD_PARTY_ANSWER_LABELS = ThirdPartyAnswer.labels()


class LapseKind(Choices):
    """Which period ran out (the ``detail`` of the lapse events)."""

    CORRECTION = "补正期限"
    FEE = "缴费期限"


#: Which period's lapse each （六）1/2 outcome answers (the workflow's LAPSE_OUTCOMES, keyed by
#: the outcome).
LAPSE_KIND_BY_OUTCOME = {
    LAPSE_OUTCOMES[CaseState.CORRECTION_LAPSE_PENDING]: LapseKind.CORRECTION.value,
    LAPSE_OUTCOMES[CaseState.FEE_LAPSE_PENDING]: LapseKind.FEE.value,
}


class ReasonsFinding(Choices):
    """The agency's finding on the applicant's reasons (条例 第三十五条)."""

    UNREASONABLE = "理由不合理（告知不予处理）"
    REASONABLE = "理由合理"


THIRD_PARTY_ANSWER_CHOICES = ThirdPartyAnswer.choices()


class ThirdPartyDecision(Choices):
    """What the agency decided after consulting (第三十二条: 第三方不同意公开且有合理理由的不予公开；
    认为不公开可能对公共利益造成重大影响的可以决定予以公开)."""

    DISCLOSE = "予以公开"
    WITHHOLD = "不予公开"


THIRD_PARTY_DECISION_LABELS = ThirdPartyDecision.labels()
THIRD_PARTY_DECISION_CHOICES = ThirdPartyDecision.choices()
FEE_METHOD_CHOICES = [(m.value, FEE_METHOD_LABELS[m]) for m in FeeMethod]

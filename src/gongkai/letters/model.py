"""What a letter is about (:class:`LetterFacts`) and what comes out (:class:`Letter`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType

from gongkai.errors import GongkaiError
from gongkai.fees import FeeMethod
from gongkai.workflow.outcomes import OUTCOMES, Outcome, WithheldPart


class LetterError(GongkaiError):
    """A letter that cannot be made or issued; the message names what is missing or wrong."""


class LetterKind(StrEnum):
    """One letter per 表三 outcome (value = the outcome key), plus the procedural letters."""

    GRANTED = "granted"
    PARTIAL = "partial"
    DENY_SECRET = "deny_secret"
    DENY_LAW = "deny_law"
    DENY_SAFETY = "deny_safety"
    DENY_THIRDPARTY = "deny_thirdparty"
    DENY_INTERNAL = "deny_internal"
    DENY_PROCESS = "deny_process"
    DENY_ENFORCEMENT = "deny_enforcement"
    DENY_QUERY = "deny_query"
    UNABLE_NODATA = "unable_nodata"
    UNABLE_CREATE = "unable_create"
    UNABLE_UNCLEAR = "unable_unclear"
    REJECT_PETITION = "reject_petition"
    REJECT_REPEAT = "reject_repeat"
    REJECT_PUBLICATION = "reject_publication"
    REJECT_MASSIVE = "reject_massive"
    REJECT_CONFIRM = "reject_confirm"
    OTHER_OVERDUE_CORRECTION = "other_overdue_correction"
    OTHER_OVERDUE_FEE = "other_overdue_fee"
    OTHER_OTHER = "other_other"
    CORRECTION = "correction"  # 补正告知书（条例第三十条）
    EXTENSION = "extension"  # 延期答复告知书（第三十三条第二款）
    THIRD_PARTY_CONSULTATION = "third_party_consultation"  # 征求第三方意见书（第三十二条）
    THIRD_PARTY_DISCLOSURE_NOTICE = "third_party_disclosure_notice"  # 第三方告知书（决定公开）
    FEE_NOTICE = "fee_notice"  # 收费通知书（第四十二条）
    RECEIPT = "receipt"  # 接收回执
    REASONS_REQUEST = "reasons_request"  # 说明理由通知书（第三十五条）
    LATER_REPLY = "later_reply"  # 延迟答复告知书（第三十五条）

    @property
    def outcome(self) -> Outcome | None:
        """The 表三 outcome this letter answers an application with; None for procedural letters."""
        return OUTCOMES.get(self.value)

    @property
    def label(self) -> str:
        """The Chinese name shown in lists (template editor, letter list)."""
        outcome = self.outcome
        if outcome is not None:
            return f"答复书：{outcome.label}"
        return _PROCEDURAL_LABELS[self]

    @property
    def to_third_party(self) -> bool:
        """Letters addressed to the third party (第三十二条), not to the applicant."""
        return self in (LetterKind.THIRD_PARTY_CONSULTATION, LetterKind.THIRD_PARTY_DISCLOSURE_NOTICE)


_PROCEDURAL_LABELS: Mapping[LetterKind, str] = MappingProxyType(
    {
        LetterKind.CORRECTION: "补正告知书",
        LetterKind.EXTENSION: "延期答复告知书",
        LetterKind.THIRD_PARTY_CONSULTATION: "征求第三方意见书",
        LetterKind.THIRD_PARTY_DISCLOSURE_NOTICE: "第三方告知书（决定公开）",
        LetterKind.FEE_NOTICE: "收费通知书",
        LetterKind.RECEIPT: "接收回执",
        LetterKind.REASONS_REQUEST: "说明理由通知书",
        LetterKind.LATER_REPLY: "延迟答复告知书",
    }
)

_missing = set(OUTCOMES) - {k.value for k in LetterKind}
assert not _missing, f"LetterKind lacks outcomes {_missing}"  # one letter per outcome, always


@dataclass(frozen=True, slots=True)
class LetterFacts:
    """Everything a letter can say. Empty (None, "", ()) means "not known"; whether that is
    allowed depends on the kind (see :func:`gongkai.letters.missing_elements`)."""

    # Every letter
    agency_name: str | None = None  # 机关名称（文头、署名）
    document_number: str | None = None  # 文号，如 平科信公〔2026〕3号
    issued_on: date | None = None  # 成文日期
    applicant_name: str | None = None
    application_number: str | None = None  # 登记编号
    received_on: date | None = None  # 收到申请之日（第三十一条）
    request_description: str | None = None  # 申请公开的政府信息（申请内容描述）
    contact: str | None = None  # 经办人及联系电话
    # Outcome letters
    outcome_key: str | None = None  # if given, must equal the letter kind
    ground_key: str | None = None  # for outcomes with two grounds (granted, unable_nodata)
    legal_basis: str | None = None  # overrides the outcome's article from workflow.OUTCOMES
    explanation: str | None = None  # 情况说明 (unable_create, reject_confirm, other_other …)
    information_provided: str | None = None  # 提供的政府信息
    delivery_how: str | None = None  # 提供方式、获取途径（和时间）
    withheld: tuple[WithheldPart, ...] = ()  # 部分公开: the parts withheld and their grounds
    refusal_reasons: str | None = None  # 不予公开的理由
    search_description: str | None = None  # 检索情况（法释〔2025〕8号第五条第二款第（六）项）
    not_ours_reasons: str | None = None  # 不属于本机关负责公开的理由
    responsible_agency_name: str | None = None  # 负责公开的行政机关（第三十六条第（五）项）
    responsible_agency_contact: str | None = None
    #: The responsible agency cannot be determined ("能够确定…的" -- then the letter says so).
    responsible_agency_undetermined: bool = False
    other_channels: str | None = None  # 信访、投诉、举报渠道或依法查询的途径
    publication_access: str | None = None  # 公开出版物的获取途径
    reconsideration_body: str | None = None  # 行政复议机关
    court: str | None = None  # 管辖法院 (optional: "人民法院" otherwise)
    # 补正
    correction_items: tuple[str, ...] = ()
    correction_due: date | None = None
    # 延期
    extension_days: int | None = None  # working days, at most EXTENSION_MAX_WORKING_DAYS
    reply_due: date | None = None  # the ordinary due date being extended (checked when given)
    new_due: date | None = None
    extension_reason: str | None = None
    # 第三方
    third_party_name: str | None = None
    consultation_due: date | None = None
    disclosed_content: str | None = None
    disclosure_reasons: str | None = None
    # 收费
    fee_method: FeeMethod | None = None
    fee_amount: Decimal | None = None
    fee_basis: str | None = None  # defaults to 条例第四十二条 and 国办函〔2020〕109号
    fee_detail: str | None = None  # e.g. gongkai.fees.FeeQuote.describe()
    payment_instructions: str | None = None
    payment_due: date | None = None
    # 逾期 (issue 16): the end of the 补正 or payment period that ran out, given only when a
    # person confirmed there was no 正当理由 (the （六）1/2 letters need it).
    lapsed_period_end: date | None = None
    # 第三十五条: the request for reasons and the later reply date
    reasons_requested_on: date | None = None  # the day the applicant was asked (reject_massive)
    excessive_facts: str | None = None  # the number and frequency of the applications
    reasons_due: date | None = None  # the applicant's window, set by the agency
    later_date: date | None = None  # 确定延迟答复的合理期限
    # 附件: the names of the documents attached to the letter (GB/T 9704 7.3.4 附件说明)
    attachments: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One body paragraph (a 公文 paragraph: first line indented by two characters)."""

    text: str


@dataclass(frozen=True, slots=True)
class Letter:
    kind: LetterKind
    letterhead: str  # 机关名称 at the top ("" when the template has no 文头 line)
    title: str
    document_number: str  # "" for letters without one (回执)
    addressee: str  # 主送, e.g. "张三："
    paragraphs: tuple[Paragraph, ...]
    signature: str
    date: str  # 成文日期 as written, e.g. "2026年3月5日"
    #: Names of the attached documents; the letter then carries the 附件 lines (attachment_lines).
    attachments: tuple[str, ...] = ()

    @property
    def attachment_lines(self) -> tuple[str, ...]:
        """The 附件说明 of GB/T 9704-2012 7.3.4: "附件：名称" for one attachment; "附件：1. 名称",
        "2. 名称" … for several; no punctuation after a name. Empty without attachments."""
        names = [n.strip().rstrip("。.，,；;：:、") for n in self.attachments]
        names = [n for n in names if n]
        if len(names) == 1:
            return (f"附件：{names[0]}",)
        numbered = tuple(f"{i}. {name}" for i, name in enumerate(names, start=1))
        return (f"附件：{numbered[0]}", *numbered[1:]) if numbered else ()

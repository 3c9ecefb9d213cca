"""What a reply or procedural letter must contain (issue 6; 条例 第三十条至第四十二条)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum
from types import MappingProxyType

from gongkai.deadlines import CONSULTATION_WORKING_DAYS, EXTENSION_MAX_WORKING_DAYS, FEE_PAYMENT_WORKING_DAYS
from gongkai.remedies import REMEDIES_ELEMENT_LABEL


class LetterElement(StrEnum):
    # Every letter (issue 6).
    LETTERHEAD = "letterhead"
    DOCUMENT_NUMBER = "document_number"
    DATE = "date"
    APPLICANT = "applicant"
    REQUEST = "request"
    OUTCOME_AND_BASIS = "outcome_and_basis"
    REMEDIES = "remedies"
    # Only when 复议前置 applies (行政复议法 第二十三条第二款).
    RECONSIDERATION_FIRST = "reconsideration_first"
    # Per legal ground (条例 text quoted in application-handling.md 一).
    HOW_TO_OBTAIN = "how_to_obtain"
    INFORMATION_PROVIDED = "information_provided"
    PARTS_PROVIDED = "parts_provided"
    REFUSAL_REASONS = "refusal_reasons"
    NOT_EXIST = "not_exist"
    NOT_OURS_REASONS = "not_ours_reasons"
    RESPONSIBLE_AGENCY = "responsible_agency"
    NO_REPEAT = "no_repeat"
    HANDLE_PER_LAW = "handle_per_law"
    NOT_AN_APPLICATION = "not_an_application"
    OTHER_CHANNELS = "other_channels"
    PUBLICATION_ACCESS = "publication_access"
    NOT_PROCESSED = "not_processed"
    # Procedural letters (gongkai.letters): 补正、延期、第三方、收费、回执.
    CORRECTION_ITEMS = "correction_items"
    CORRECTION_DUE = "correction_due"
    EXTENSION_PERIOD = "extension_period"
    THIRD_PARTY = "third_party"
    CONSULTATION_DUE = "consultation_due"
    DISCLOSED_CONTENT = "disclosed_content"
    FEE_STANDARD = "fee_standard"
    FEE_PAYMENT = "fee_payment"
    APPLICATION_NUMBER = "application_number"
    RECEIVED_ON = "received_on"
    # Issue 16: a lapse found by a person; 第三十五条 (request for reasons, later reply date).
    LAPSE_FINDING = "lapse_finding"
    REASONS_REQUESTED = "reasons_requested"
    EXCESSIVE_FACTS = "excessive_facts"
    REASONS_DUE = "reasons_due"
    LATER_DATE = "later_date"


LETTER_ELEMENT_LABELS: Mapping[LetterElement, str] = MappingProxyType(
    {
        LetterElement.LETTERHEAD: "机关名称（文头）",
        LetterElement.DOCUMENT_NUMBER: "文号",
        LetterElement.DATE: "成文日期",
        LetterElement.APPLICANT: "申请人",
        LetterElement.REQUEST: "申请公开的政府信息（申请内容描述）",
        LetterElement.OUTCOME_AND_BASIS: "处理决定及其法律依据",
        LetterElement.REMEDIES: REMEDIES_ELEMENT_LABEL,
        LetterElement.RECONSIDERATION_FIRST: "应当先向行政复议机关申请行政复议（行政复议法第二十三条）",
        LetterElement.HOW_TO_OBTAIN: "获取该政府信息的方式、途径（第三十六条第（一）项）",
        LetterElement.INFORMATION_PROVIDED: (
            "提供该政府信息，或者获取该政府信息的方式、途径和时间（第三十六条第（二）项）"
        ),
        LetterElement.PARTS_PROVIDED: "提供可以公开的政府信息内容（第三十七条）",
        LetterElement.REFUSAL_REASONS: "不予公开的理由及依据（第三十六条第（三）项、第三十七条）",
        LetterElement.NOT_EXIST: "告知该政府信息不存在（第三十六条第（四）项）",
        LetterElement.NOT_OURS_REASONS: "告知不属于本机关负责公开并说明理由（第三十六条第（五）项）",
        LetterElement.RESPONSIBLE_AGENCY: (
            "负责公开的行政机关名称、联系方式（能够确定的，第三十六条第（五）项）"
        ),
        LetterElement.NO_REPEAT: "告知不予重复处理（第三十六条第（六）项）",
        LetterElement.HANDLE_PER_LAW: "告知依照有关法律、行政法规的规定办理（第三十六条第（七）项）",
        LetterElement.NOT_AN_APPLICATION: "告知不作为政府信息公开申请处理（第三十九条第一款）",
        LetterElement.OTHER_CHANNELS: "可以告知通过相应渠道提出（第三十九条第一款）",
        LetterElement.PUBLICATION_ACCESS: "可以告知获取公开出版物的途径（第三十九条第二款）",
        LetterElement.NOT_PROCESSED: "告知不予处理（第三十五条）",
        LetterElement.CORRECTION_ITEMS: "需要补正的事项（第三十条）",
        LetterElement.CORRECTION_DUE: "合理的补正期限（第三十条）",
        LetterElement.EXTENSION_PERIOD: (
            f"延长的期限（最长{EXTENSION_MAX_WORKING_DAYS}个工作日）及延长后的答复期限（第三十三条第二款）"
        ),
        LetterElement.THIRD_PARTY: "第三方名称",
        LetterElement.CONSULTATION_DUE: (
            f"第三方提出意见的期限（收到征求意见书之日起{CONSULTATION_WORKING_DAYS}个工作日，第三十二条）"
        ),
        LetterElement.DISCLOSED_CONTENT: "决定公开的政府信息内容和理由（第三十二条）",
        LetterElement.FEE_STANDARD: "收费的依据、标准、数额（第四十二条；国办函〔2020〕109号）",
        LetterElement.FEE_PAYMENT: (
            f"缴纳方式及缴费期限（收到收费通知次日起{FEE_PAYMENT_WORKING_DAYS}个工作日内）"
        ),
        LetterElement.APPLICATION_NUMBER: "登记编号",
        LetterElement.RECEIVED_ON: "收到申请之日（第三十一条）",
        LetterElement.LAPSE_FINDING: "已届满的期限及经办人对申请人无正当理由逾期的确认",
        LetterElement.REASONS_REQUESTED: "已要求申请人说明理由的日期（第三十五条）",
        LetterElement.EXCESSIVE_FACTS: "申请数量、频次明显超过合理范围的情况（第三十五条）",
        LetterElement.REASONS_DUE: "说明理由的期限（本机关确定的合理期限；第三十五条未规定天数）",
        LetterElement.LATER_DATE: "确定的延迟答复的合理期限（第三十五条）",
    }
)

#: What every letter carries (issue 6: letterhead, 文号, date, applicant, the description, the
#: outcome with its legal basis, the remedies -- 行政复议法 第二十条第三款 makes the remedies
#: matter: without them the 60-day period does not start).
COMMON_LETTER_ELEMENTS: tuple[LetterElement, ...] = (
    LetterElement.LETTERHEAD,
    LetterElement.DOCUMENT_NUMBER,
    LetterElement.DATE,
    LetterElement.APPLICANT,
    LetterElement.REQUEST,
    LetterElement.OUTCOME_AND_BASIS,
    LetterElement.REMEDIES,
)


def missing_letter_elements(
    required: Iterable[LetterElement], present: Iterable[LetterElement]
) -> tuple[str, ...]:
    """The Chinese names of required elements not present -- empty when the letter may issue."""
    have = set(present)
    return tuple(LETTER_ELEMENT_LABELS[e] for e in required if e not in have)

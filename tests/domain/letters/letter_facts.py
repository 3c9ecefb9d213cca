"""Complete facts for every letter kind, and which facts feed which element (tests only)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from types import MappingProxyType

import pypdfium2

from gongkai.fees import FeeMethod
from gongkai.letters import LetterFacts, LetterKind
from gongkai.workflow.letter_elements import LetterElement
from gongkai.workflow.outcomes import WithheldPart

ISSUED = date(2026, 8, 3)

BASE = LetterFacts(
    agency_name="平阳县科学技术局",
    document_number="平科信公〔2026〕3号",
    issued_on=ISSUED,
    applicant_name="张三丰",
    application_number="PY-KJ-2026-0042",
    received_on=date(2026, 7, 10),
    request_description="2025年度县级科技计划项目资金分配明细表",
    contact="李明 0577-63712345",
    reconsideration_body="平阳县人民政府",
    court="平阳县人民法院",
    information_provided="2025年度县级科技计划项目资金分配明细表（共3页）",
    delivery_how="以电子邮件方式发送至申请人预留邮箱",
    refusal_reasons="该信息系项目评审过程中形成的专家讨论记录",
    explanation="经核查，您所述情况属实",
)

#: What each kind needs beyond BASE (ground keys pick the first ground of two-ground outcomes).
_EXTRA: Mapping[LetterKind, dict[str, object]] = MappingProxyType(
    {
        LetterKind.GRANTED: {"ground_key": "disclosable"},
        LetterKind.PARTIAL: {"withheld": (WithheldPart("专家评审打分表", "deny_process"),)},
        LetterKind.UNABLE_NODATA: {"ground_key": "not_exist"},
        LetterKind.REJECT_CONFIRM: {"legal_basis": "《中华人民共和国政府信息公开条例》第三十六条"},
        LetterKind.OTHER_OTHER: {"legal_basis": "《中华人民共和国政府信息公开条例》第三十三条"},
        LetterKind.CORRECTION: {
            "correction_items": ("请写明所需信息的名称或文号", "请提供身份证明复印件"),
            "correction_due": date(2026, 8, 20),
        },
        LetterKind.EXTENSION: {
            "extension_days": 20,
            "reply_due": date(2026, 8, 4),  # 20 working days before new_due
            "new_due": date(2026, 9, 1),
            "extension_reason": "需检索档案",
        },
        LetterKind.THIRD_PARTY_CONSULTATION: {
            "third_party_name": "平阳某某科技有限公司",
            "consultation_due": date(2026, 8, 24),
        },
        LetterKind.THIRD_PARTY_DISCLOSURE_NOTICE: {
            "third_party_name": "平阳某某科技有限公司",
            "disclosed_content": "该公司获得的项目资助金额",
            "disclosure_reasons": "财政资金使用情况涉及公共利益，不公开会对公共利益造成重大影响",
        },
        LetterKind.FEE_NOTICE: {
            "fee_method": FeeMethod.PER_PAGE,
            "fee_amount": Decimal("4700"),
            "payment_instructions": "通过浙江政务服务网统一公共支付平台缴纳",
            "payment_due": date(2026, 8, 31),
        },
        # Issue 16: the （六）1/2 letters state the period a person found lapsed without 正当理由
        # (条例 第三十条); the 第三十五条 letters the request for reasons and the later date.
        LetterKind.OTHER_OVERDUE_CORRECTION: {"lapsed_period_end": date(2026, 7, 24)},
        LetterKind.OTHER_OVERDUE_FEE: {"lapsed_period_end": date(2026, 7, 24)},
        LetterKind.REJECT_MASSIVE: {"reasons_requested_on": date(2026, 7, 14)},
        LetterKind.REASONS_REQUEST: {
            "excessive_facts": "您自2026年6月1日至7月10日向本机关提出政府信息公开申请86件",
            "reasons_due": date(2026, 7, 28),
        },
        LetterKind.LATER_REPLY: {"later_date": date(2026, 9, 30)},
    }
)


def complete_facts(kind: LetterKind, **changes: object) -> LetterFacts:
    return dataclasses.replace(BASE, **{**_EXTRA.get(kind, {}), **changes})  # type: ignore[arg-type]


#: The LetterFacts attributes that carry an element; clearing any one of them loses the element.
ELEMENT_ATTRS: Mapping[LetterElement, tuple[str, ...]] = MappingProxyType(
    {
        LetterElement.LETTERHEAD: ("agency_name",),
        LetterElement.DOCUMENT_NUMBER: ("document_number",),
        LetterElement.DATE: ("issued_on",),
        LetterElement.APPLICANT: ("applicant_name",),
        LetterElement.REQUEST: ("request_description",),
        LetterElement.OUTCOME_AND_BASIS: ("legal_basis",),
        LetterElement.REMEDIES: ("reconsideration_body",),
        LetterElement.RECONSIDERATION_FIRST: ("reconsideration_body",),
        LetterElement.HOW_TO_OBTAIN: ("delivery_how",),
        LetterElement.INFORMATION_PROVIDED: ("information_provided", "delivery_how"),
        LetterElement.PARTS_PROVIDED: ("information_provided", "delivery_how"),
        LetterElement.REFUSAL_REASONS: ("refusal_reasons",),
        LetterElement.NOT_OURS_REASONS: ("not_ours_reasons",),
        LetterElement.RESPONSIBLE_AGENCY: ("responsible_agency_name", "responsible_agency_contact"),
        LetterElement.CORRECTION_ITEMS: ("correction_items",),
        LetterElement.CORRECTION_DUE: ("correction_due",),
        LetterElement.EXTENSION_PERIOD: ("extension_days", "new_due"),
        LetterElement.THIRD_PARTY: ("third_party_name",),
        LetterElement.CONSULTATION_DUE: ("consultation_due",),
        LetterElement.DISCLOSED_CONTENT: ("disclosed_content", "disclosure_reasons"),
        LetterElement.FEE_STANDARD: ("fee_method", "fee_amount"),
        LetterElement.FEE_PAYMENT: ("payment_instructions", "payment_due"),
        LetterElement.APPLICATION_NUMBER: ("application_number",),
        LetterElement.RECEIVED_ON: ("received_on",),
        LetterElement.LAPSE_FINDING: ("lapsed_period_end",),
        LetterElement.REASONS_REQUESTED: ("reasons_requested_on",),
        LetterElement.EXCESSIVE_FACTS: ("excessive_facts",),
        LetterElement.REASONS_DUE: ("reasons_due",),
        LetterElement.LATER_DATE: ("later_date",),
    }
)


def cleared(facts: LetterFacts, attr: str) -> LetterFacts:
    """``facts`` without ``attr`` (None, or () for the tuple fields)."""
    empty: object = () if isinstance(getattr(facts, attr), tuple) else None
    return dataclasses.replace(facts, **{attr: empty})  # type: ignore[arg-type]


def pdf_text(data: bytes) -> str:
    pdf = pypdfium2.PdfDocument(data)
    try:
        return "".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()

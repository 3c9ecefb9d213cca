"""Sample facts for the template editor's preview (示例): every value is labelled as a sample."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from types import MappingProxyType
from typing import Any

from gongkai.fees import FeeMethod, per_page_fee
from gongkai.workflow.outcomes import WithheldPart

#: Shown above every preview.
SAMPLE_NOTICE = "示例：以下为用虚构数据生成的预览，不是正式文书。"

#: The free-text facts (LetterFacts attribute: text), each given with the label （示例） before it.
_TEXTS: Mapping[str, str] = MappingProxyType(
    {
        "request_description": "2025年度某专项资金分配结果",
        "contact": "政务公开科 0000-00000000",
        "explanation": "情况说明",
        "information_provided": "《某专项资金分配结果的通知》",
        "delivery_how": "以电子邮件方式发送至申请人预留邮箱",
        "refusal_reasons": "不予公开的理由",
        "search_description": "经检索本机关档案系统及相关业务科室，未找到该信息",
        "not_ours_reasons": "该信息由其他机关制作",
        "responsible_agency_name": "示例市某局",
        "responsible_agency_contact": "0000-00000000",
        "other_channels": "信访渠道",
        "publication_access": "政府公报第1期",
        "reconsideration_body": "示例市人民政府",
        "extension_reason": "需要调取档案",
        "third_party_name": "某有限公司",
        "disclosed_content": "项目预算明细",
        "disclosure_reasons": "涉及公共资金使用，不公开可能对公共利益造成重大影响",
        "payment_instructions": "到本机关财务窗口缴纳",
        "excessive_facts": "您自2026年2月1日至3月2日向本机关提出政府信息公开申请86件",
    }
)

#: The dates (LetterFacts attribute: date) of a case received on 2 March 2026.
_DATES: Mapping[str, Any] = MappingProxyType(
    {
        "issued_on": date(2026, 3, 20),
        "received_on": date(2026, 3, 2),
        "correction_due": date(2026, 3, 30),
        "reply_due": date(2026, 3, 30),  # 20 working days before new_due
        "new_due": date(2026, 4, 28),
        "consultation_due": date(2026, 3, 30),
        "payment_due": date(2026, 4, 1),
        "lapsed_period_end": date(2026, 3, 16),
        "reasons_requested_on": date(2026, 3, 5),
        "reasons_due": date(2026, 3, 19),
        "later_date": date(2026, 5, 29),
    }
)


def sample_facts(kind: Any, agency_name: str) -> Any:
    """Facts that fill every placeholder of ``kind`` with obviously fictitious values."""
    from gongkai.letters import LetterFacts, LetterKind

    kind = LetterKind(kind)
    outcome = kind.outcome
    labelled: dict[str, Any] = {name: f"（示例）{text}" for name, text in _TEXTS.items()}
    return LetterFacts(
        agency_name=agency_name,
        document_number="示例〔2026〕1号",
        applicant_name="张示例",
        application_number="示例依申〔2026〕0001号",
        ground_key=outcome.grounds[0].key if outcome is not None and len(outcome.grounds) > 1 else None,
        # Outcomes without an article of their own (表三（五）5,（六）3) need the basis written out.
        legal_basis="（示例）法律依据"
        if outcome is not None and not any(g.article for g in outcome.grounds)
        else None,
        withheld=(WithheldPart("（示例）第三方个人信息部分", "deny_thirdparty"),)
        if kind is LetterKind.PARTIAL
        else (),
        correction_items=("（示例）请写明所需信息的名称或文号",),
        extension_days=20,
        fee_method=FeeMethod.PER_PAGE,
        fee_amount=per_page_fee(50).amount,
        fee_detail=per_page_fee(50).describe(),
        **labelled,
        **_DATES,
    )

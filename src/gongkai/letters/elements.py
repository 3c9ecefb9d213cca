"""Which placeholders and which statutory words carry each required element of a letter, and
which elements a letter of a kind must carry (workflow's rules for outcomes, the 条例's for the
procedural letters)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from gongkai.letters.fields import ASSUMED_DECISION_DATE
from gongkai.letters.model import LetterError, LetterFacts, LetterKind
from gongkai.workflow.letter_elements import COMMON_LETTER_ELEMENTS, LetterElement
from gongkai.workflow.outcomes import WorkflowError, required_letter_elements

E = LetterElement
_K = LetterKind

# ---------------------------------------------------------------------------------------------
# Which fields and which statutory words carry each element
# ---------------------------------------------------------------------------------------------

#: The fields whose values make up an element (all must be written, non-empty).
ELEMENT_FIELDS: Mapping[LetterElement, tuple[str, ...]] = MappingProxyType(
    {
        E.LETTERHEAD: ("机关名称",),
        E.DOCUMENT_NUMBER: ("文号",),
        E.DATE: ("成文日期",),
        E.APPLICANT: ("申请人",),
        E.REQUEST: ("申请内容",),
        E.OUTCOME_AND_BASIS: ("法律依据",),
        E.REMEDIES: ("救济途径",),
        E.RECONSIDERATION_FIRST: ("救济途径",),
        E.HOW_TO_OBTAIN: ("获取方式",),
        E.INFORMATION_PROVIDED: ("提供的信息", "获取方式"),
        E.PARTS_PROVIDED: ("提供的信息", "获取方式"),
        E.REFUSAL_REASONS: ("不予公开理由",),
        E.NOT_EXIST: (),
        E.NOT_OURS_REASONS: ("非本机关负责理由",),
        E.RESPONSIBLE_AGENCY: ("负责公开机关", "负责公开机关联系方式"),
        E.NO_REPEAT: (),
        E.HANDLE_PER_LAW: (),
        E.NOT_AN_APPLICATION: (),
        E.OTHER_CHANNELS: ("其他渠道",),
        E.PUBLICATION_ACCESS: ("出版物获取途径",),
        E.NOT_PROCESSED: (),
        E.CORRECTION_ITEMS: ("补正事项",),
        E.CORRECTION_DUE: ("补正期限",),
        E.EXTENSION_PERIOD: ("延长天数", "延期后答复期限"),
        E.THIRD_PARTY: ("第三方",),
        E.CONSULTATION_DUE: ("意见期限",),
        E.DISCLOSED_CONTENT: ("决定公开的内容", "决定公开的理由"),
        E.FEE_STANDARD: ("收费依据", "计收方式", "收费标准", "收费金额"),
        E.FEE_PAYMENT: ("缴费方式", "缴费期限"),
        E.APPLICATION_NUMBER: ("登记编号",),
        E.RECEIVED_ON: ("收到申请日期",),
        E.LAPSE_FINDING: ("逾期期限",),
        E.REASONS_REQUESTED: ("通知说明日期",),
        E.EXCESSIVE_FACTS: ("申请数量频次情况",),
        E.REASONS_DUE: ("说明期限",),
        E.LATER_DATE: ("延迟期限",),
    }
)
#: 部分公开 states the reason for each withheld part (第三十七条): the list and the reasons.
_KIND_ELEMENT_FIELDS: Mapping[tuple[LetterKind, LetterElement], tuple[str, ...]] = MappingProxyType(
    {(_K.PARTIAL, E.REFUSAL_REASONS): ("不予公开部分", "不予公开理由")}
)

#: The regulation's own words that the template's wording must contain for an element
#: (条例 第三十五条、第三十六条、第三十九条 as quoted in application-handling.md 3.1).
ELEMENT_PHRASES: Mapping[LetterElement, tuple[str, ...]] = MappingProxyType(
    {
        E.NOT_EXIST: ("该政府信息不存在",),
        E.NOT_OURS_REASONS: ("不属于本机关负责公开",),
        E.NO_REPEAT: ("不予重复处理",),
        E.HANDLE_PER_LAW: ("依照有关法律、行政法规的规定办理",),
        E.NOT_AN_APPLICATION: ("不作为政府信息公开申请处理",),
        E.NOT_PROCESSED: ("不予处理",),
        E.LAPSE_FINDING: ("无正当理由",),
        E.REASONS_REQUESTED: ("说明理由",),
        E.REASONS_DUE: ("说明理由",),
        E.LATER_DATE: ("延迟答复",),
    }
)


def element_fields(kind: LetterKind, element: LetterElement) -> tuple[str, ...]:
    return _KIND_ELEMENT_FIELDS.get((kind, element), ELEMENT_FIELDS[element])


_PROCEDURAL_ELEMENTS: Mapping[LetterKind, tuple[LetterElement, ...]] = MappingProxyType(
    {
        # 第三十条: 一次性告知需要补正的事项和合理的补正期限.
        _K.CORRECTION: (*COMMON_LETTER_ELEMENTS[:6], E.CORRECTION_ITEMS, E.CORRECTION_DUE),
        # 第三十三条第二款: 经负责人同意并告知申请人; 延长最长20个工作日.
        _K.EXTENSION: (*COMMON_LETTER_ELEMENTS[:6], E.EXTENSION_PERIOD),
        # 第三十二条: 书面征求第三方意见, 15个工作日内提出意见.
        _K.THIRD_PARTY_CONSULTATION: (
            E.LETTERHEAD, E.DOCUMENT_NUMBER, E.DATE, E.THIRD_PARTY, E.REQUEST, E.OUTCOME_AND_BASIS,
            E.CONSULTATION_DUE,
        ),
        # 第三十二条: 将决定公开的政府信息内容和理由书面告知第三方; the third party may challenge
        # the decision (法释〔2025〕8号 第一条第（四）项), so its remedies are stated.
        _K.THIRD_PARTY_DISCLOSURE_NOTICE: (
            E.LETTERHEAD, E.DOCUMENT_NUMBER, E.DATE, E.THIRD_PARTY, E.REQUEST, E.OUTCOME_AND_BASIS,
            E.DISCLOSED_CONTENT, E.REMEDIES,
        ),
        # 第四十二条 and the fee rules: 依据、标准、数额、缴纳方式; no remedies paragraph -- a fee
        # decision alone cannot be sued (法释〔2025〕8号 第十条第二款第（三）项).
        _K.FEE_NOTICE: (*COMMON_LETTER_ELEMENTS[:6], E.FEE_STANDARD, E.FEE_PAYMENT),
        # 第三十五条: 行政机关可以要求申请人说明理由 -- why (the number and frequency) and by when
        # (a reasonable period the agency sets; the regulation sets none).
        _K.REASONS_REQUEST: (*COMMON_LETTER_ELEMENTS[:6], E.EXCESSIVE_FACTS, E.REASONS_DUE),
        # 第三十五条: 可以确定延迟答复的合理期限并告知申请人.
        _K.LATER_REPLY: (*COMMON_LETTER_ELEMENTS[:6], E.LATER_DATE),
        # 回执: proof of the 收到申请之日 (第三十一条) that starts the 20 working days.
        _K.RECEIPT: (E.LETTERHEAD, E.DATE, E.APPLICANT, E.APPLICATION_NUMBER, E.RECEIVED_ON, E.REQUEST),
    }
)  # fmt: skip


def required_elements(kind: LetterKind, facts: LetterFacts) -> tuple[LetterElement, ...]:
    """What a letter of ``kind`` with these facts must contain (workflow's rules for outcomes)."""
    if kind.outcome is None:
        return _PROCEDURAL_ELEMENTS[kind]
    if facts.outcome_key is not None and facts.outcome_key != kind.value:
        raise LetterError(f"文书种类“{kind.label}”与办理结果“{facts.outcome_key}”不一致")
    try:
        return required_letter_elements(
            kind.value,
            facts.ground_key,
            decided_on=facts.issued_on or ASSUMED_DECISION_DATE,
            withheld=facts.withheld,
        )
    except WorkflowError as err:
        raise LetterError(err.message) from err


def possible_elements(kind: LetterKind) -> tuple[LetterElement, ...]:
    """Every element a letter of ``kind`` can be required to carry (over all its grounds)."""
    outcome = kind.outcome
    if outcome is None:
        return _PROCEDURAL_ELEMENTS[kind]
    found = [*COMMON_LETTER_ELEMENTS]
    for ground in outcome.grounds:
        found += ground.letter_elements
    return tuple(dict.fromkeys(found))


def satisfied_by_facts(
    kind: LetterKind, element: LetterElement, values: Mapping[str, str | bool], facts: LetterFacts
) -> bool:
    """Whether the facts supply the element (the template's wording is checked separately)."""
    if element is E.RESPONSIBLE_AGENCY and facts.responsible_agency_undetermined:
        return True  # "能够确定…的" only: the letter says it cannot be determined
    return all(values.get(name) for name in element_fields(kind, element))

"""The placeholders of letter templates, their values from :class:`LetterFacts`, and which of
them carry each required :class:`~gongkai.workflow.LetterElement`.

The remedies paragraph (``{{救济途径}}``) is written by code, not by the template: whether the
applicant may go to court directly or must seek reconsideration first is law
(:func:`gongkai.workflow.reconsideration_first`), and an agency's edit must not be able to get it
wrong. Everything else is the agency's wording around the values.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from types import MappingProxyType

from gongkai.deadlines import (
    CONSULTATION_WORKING_DAYS,
    EXTENSION_MAX_WORKING_DAYS,
    FEE_PAYMENT_WORKING_DAYS,
    REPLY_WORKING_DAYS,
)
from gongkai.fees import (
    FEE_BASIS,
    FEE_METHOD_LABELS,
    PER_APPLICATION_STANDARD,
    PER_PAGE_BANDS,
    Band,
    FeeMethod,
)
from gongkai.letters.model import LetterError, LetterFacts, LetterKind
from gongkai.remedies import RECONSIDERATION_FIRST_TEXT, REMEDIES_TEXT
from gongkai.workflow.letter_elements import LetterElement
from gongkai.workflow.outcomes import (
    OUTCOMES,
    RECONSIDERATION_FIRST_FROM,
    Ground,
    WorkflowError,
    reconsideration_first,
)

REGULATION = "《中华人民共和国政府信息公开条例》"
RECONSIDERATION_LAW = "《中华人民共和国行政复议法》"

E = LetterElement


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One placeholder: ``{{name}}`` in a template."""

    name: str  # the Chinese placeholder name
    key: str  # stable English id (the LetterFacts attribute or a computed value)
    label: str  # what it is, for the template editor's help list
    #: A yes/no flag, usable only as ``{% if name %}``.
    flag: bool = False


def cn_date(d: date | None) -> str:
    """A 公文 date: Arabic numerals, no leading zeros (GB/T 9704-2012 7.3.5.1)."""
    return "" if d is None else f"{d.year}年{d.month}月{d.day}日"


def yuan(amount: Decimal) -> str:
    return f"人民币{amount:.2f}元"


def _regulation(article: str) -> str:
    """``条例第三十条`` -> ``《中华人民共和国政府信息公开条例》第三十条``."""
    return REGULATION + article.removeprefix("条例") if article.startswith("条例") else article


def denial_situation(outcome_key: str) -> str:
    """The 不予公开 situation as in 表三: ``（三）不予公开1.属于国家秘密`` -> ``属于国家秘密``."""
    return OUTCOMES[outcome_key].label.split(".", 1)[1]


def _ground(kind: LetterKind, facts: LetterFacts) -> Ground | None:
    outcome = kind.outcome
    if outcome is None:
        return None
    try:
        return outcome.ground(facts.ground_key)
    except WorkflowError as err:
        raise LetterError(err.message) from err


#: When the date is not yet known the letter cannot issue anyway; the current law (复议前置 in
#: force) is assumed so that the elements listed are the ones it will need.
ASSUMED_DECISION_DATE = RECONSIDERATION_FIRST_FROM


def needs_reconsideration_first(kind: LetterKind, facts: LetterFacts) -> bool:
    if kind.outcome is None:
        return False
    try:
        return reconsideration_first(
            kind.value, decided_on=facts.issued_on or ASSUMED_DECISION_DATE, withheld=facts.withheld
        )
    except WorkflowError as err:
        raise LetterError(err.message) from err


def remedies(kind: LetterKind, facts: LetterFacts) -> str:
    """The remedies paragraph, or "" when the reconsideration body is not known."""
    if not facts.reconsideration_body:
        return ""
    text = RECONSIDERATION_FIRST_TEXT if needs_reconsideration_first(kind, facts) else REMEDIES_TEXT
    return text.format(
        law=RECONSIDERATION_LAW,
        subject="本答复" if kind.outcome is not None else "本决定",
        body=facts.reconsideration_body,
        court=facts.court or "人民法院",
    )


_PROCEDURAL_BASIS: Mapping[LetterKind, str] = MappingProxyType(
    {
        LetterKind.CORRECTION: "条例第三十条",
        LetterKind.EXTENSION: "条例第三十三条第二款",
        LetterKind.THIRD_PARTY_CONSULTATION: "条例第三十二条",
        LetterKind.THIRD_PARTY_DISCLOSURE_NOTICE: "条例第十五条、第三十二条",
        LetterKind.FEE_NOTICE: "条例第四十二条",
        LetterKind.RECEIPT: "条例第三十一条",
        LetterKind.REASONS_REQUEST: "条例第三十五条",
        LetterKind.LATER_REPLY: "条例第三十五条",
    }
)


def legal_basis(kind: LetterKind, facts: LetterFacts) -> str:
    """The facts' own basis, else the outcome ground's article, else the procedural article."""
    if facts.legal_basis:
        return facts.legal_basis
    ground = _ground(kind, facts)
    if ground is not None:
        return _regulation(ground.article) if ground.article else ""
    return _regulation(_PROCEDURAL_BASIS[kind])


def _numbered(items: tuple[str, ...]) -> str:
    return "\n".join(f"{i}. {item}" for i, item in enumerate(items, 1))


def _withheld(facts: LetterFacts) -> str:
    """One numbered line per withheld part: what, the 不予公开 situation, the article (第三十七条)."""
    lines = []
    for part in facts.withheld:
        ground = OUTCOMES[part.ground].grounds[0]
        article = _regulation(ground.article) if ground.article else ""
        lines.append(f"{part.description}（{denial_situation(part.ground)}，依据{article}）")
    return _numbered(tuple(lines))


def _band_text(band: Band, unit: str) -> str:
    if band.rate == 0:
        return f"{band.last}{unit}以下（含{band.last}{unit}）的，不收费"
    return f"{band.label(unit)}的部分，{band.rate:.0f}元/{unit}"


def fee_standard(method: FeeMethod) -> str:
    """The national standard in words, from the tiers in gongkai.fees (办法 第四条、第五条)."""
    if method is FeeMethod.PER_PAGE:
        return "；".join(_band_text(b, "页") for b in PER_PAGE_BANDS) + "（超额累进计算）"
    std = PER_APPLICATION_STANDARD
    last = std.bands[-1].last
    assert last is not None  # the fixed bands are closed (gongkai.fees)
    steps = (
        f"{last + 1}件以上的部分，以{std.step_width}件为一档，"
        f"每增加一档，收费标准提高{std.step_increase:.0f}元/件"
    )
    bands = "；".join(_band_text(b, "件") for b in std.bands)
    return f"同一申请人一个自然月内累计申请{bands}；{steps}（超额累进计算）"


def _fee_amount(facts: LetterFacts) -> str:
    return yuan(facts.fee_amount) if facts.fee_amount is not None else ""


def _fee_basis(facts: LetterFacts) -> str:
    return facts.fee_basis or FEE_BASIS


def _days(n: int | None) -> str:
    return "" if n is None else str(n)


Getter = Callable[[LetterKind, LetterFacts], str | bool]


def _attr(name: str) -> Getter:
    def get(_kind: LetterKind, facts: LetterFacts) -> str:
        value = getattr(facts, name)
        # Templates supply the punctuation after a value, so a trailing 。 or ； is dropped.
        return value.strip().rstrip("。；;，, ") if isinstance(value, str) else ""

    return get


def _ground_is(key: str) -> Getter:
    def get(kind: LetterKind, facts: LetterFacts) -> bool:
        ground = _ground(kind, facts)
        return ground is not None and ground.key == key

    return get


_F = FieldSpec


def _constant(days: int) -> Getter:
    return lambda _kind, _facts: str(days)


#: The statutory periods a template states, written from their constants (gongkai.deadlines),
#: so that no template types a number of days.
_PERIODS: tuple[tuple[FieldSpec, Getter], ...] = tuple(
    (_F(name, key, f"{label}（{days}，按条例自动填写）"), _constant(days))
    for name, key, label, days in (
        ("答复工作日数", "reply_days", "答复期限的工作日数", REPLY_WORKING_DAYS),
        ("延长最长工作日数", "extension_max_days", "延长答复期限最长的工作日数", EXTENSION_MAX_WORKING_DAYS),
        ("征求意见工作日数", "consultation_days", "第三方提出意见的工作日数", CONSULTATION_WORKING_DAYS),
        ("缴费工作日数", "fee_payment_days", "缴纳信息处理费的工作日数", FEE_PAYMENT_WORKING_DAYS),
    )
)
# (spec, value) for every field; which kinds may use it is decided in _KIND_FIELDS below.
_COMMON: tuple[tuple[FieldSpec, Getter], ...] = (
    (_F("机关名称", "agency_name", "本机关名称（文头、署名）"), _attr("agency_name")),
    (_F("文号", "document_number", "发文字号，如 平科信公〔2026〕3号"), _attr("document_number")),
    (_F("成文日期", "issued_on", "成文日期"), lambda k, f: cn_date(f.issued_on)),
    (_F("申请人", "applicant_name", "申请人姓名或名称"), _attr("applicant_name")),
    (_F("登记编号", "application_number", "申请登记编号"), _attr("application_number")),
    (_F("收到申请日期", "received_on", "收到申请之日"), lambda k, f: cn_date(f.received_on)),
    (
        _F("申请内容", "request_description", "申请公开的政府信息（申请内容描述）"),
        _attr("request_description"),
    ),
    (_F("法律依据", "legal_basis", "法律依据（默认按办理结果或文书种类引用条文）"), legal_basis),
    (_F("联系方式", "contact", "经办人及联系电话"), _attr("contact")),
    *_PERIODS,
)
_REMEDIES: tuple[tuple[FieldSpec, Getter], ...] = (
    (_F("复议机关", "reconsideration_body", "行政复议机关名称"), _attr("reconsideration_body")),
    (_F("管辖法院", "court", "管辖法院（可不填，默认写“人民法院”）"), _attr("court")),
    (_F("救济途径", "remedies", "救济途径段落（系统按法律自动生成，含复议前置告知）"), remedies),
)
_OUTCOME: tuple[tuple[FieldSpec, Getter], ...] = (
    (_F("处理结果", "outcome", "办理结果（表三类别）"), lambda k, f: k.outcome.label if k.outcome else ""),
    (_F("情况说明", "explanation", "情况说明"), _attr("explanation")),
)
_BY_GROUP: Mapping[str, tuple[tuple[FieldSpec, Getter], ...]] = MappingProxyType(
    {
        "provide": (
            (_F("提供的信息", "information_provided", "提供的政府信息"), _attr("information_provided")),
            (_F("获取方式", "delivery_how", "提供方式、获取途径和时间"), _attr("delivery_how")),
            (
                _F("已主动公开", "already_public", "是否属于已主动公开的信息（第三十六条第（一）项）", True),
                _ground_is("already_public"),
            ),
        ),
        "deny": (
            (
                _F("不予公开情形", "denial_situation", "不予公开的情形（表三类别）"),
                lambda k, f: denial_situation(k.value),
            ),
        ),
        "refuse": ((_F("不予公开理由", "refusal_reasons", "不予公开的理由"), _attr("refusal_reasons")),),
        "withheld": (
            (
                _F("不予公开部分", "withheld", "不予公开的部分及其情形、依据（逐项列出）"),
                lambda k, f: _withheld(f),
            ),
        ),
        "nodata": (
            (
                _F("非本机关负责", "not_ours", "是否属于不由本机关负责公开（第三十六条第（五）项）", True),
                _ground_is("not_ours"),
            ),
            (_F("检索情况", "search_description", "检索情况"), _attr("search_description")),
            (
                _F("非本机关负责理由", "not_ours_reasons", "不属于本机关负责公开的理由"),
                _attr("not_ours_reasons"),
            ),
            (
                _F("负责公开机关", "responsible_agency_name", "负责公开该信息的行政机关"),
                _attr("responsible_agency_name"),
            ),
            (
                _F("负责公开机关联系方式", "responsible_agency_contact", "负责公开机关的联系方式"),
                _attr("responsible_agency_contact"),
            ),
        ),
        "channels": (
            (_F("其他渠道", "other_channels", "可以提出或办理的渠道、途径"), _attr("other_channels")),
        ),
        "publication": (
            (_F("出版物获取途径", "publication_access", "公开出版物的获取途径"), _attr("publication_access")),
        ),
        "correction": (
            (
                _F("补正事项", "correction_items", "需要补正的事项（逐项列出）"),
                lambda k, f: _numbered(f.correction_items),
            ),
            (_F("补正期限", "correction_due", "补正期限（日期）"), lambda k, f: cn_date(f.correction_due)),
        ),
        "extension": (
            (
                _F(
                    "延长天数",
                    "extension_days",
                    f"延长的工作日数（最长{EXTENSION_MAX_WORKING_DAYS}个工作日）",
                ),
                lambda k, f: _days(f.extension_days),
            ),
            (_F("延期后答复期限", "new_due", "延长后的答复期限（日期）"), lambda k, f: cn_date(f.new_due)),
            (_F("延期理由", "extension_reason", "延期理由"), _attr("extension_reason")),
        ),
        "third_party": (
            (_F("第三方", "third_party_name", "第三方名称或姓名"), _attr("third_party_name")),
            (
                _F("意见期限", "consultation_due", "第三方提出意见的截止日期"),
                lambda k, f: cn_date(f.consultation_due),
            ),
        ),
        "disclosure": (
            (_F("决定公开的内容", "disclosed_content", "决定公开的政府信息内容"), _attr("disclosed_content")),
            (_F("决定公开的理由", "disclosure_reasons", "决定公开的理由"), _attr("disclosure_reasons")),
        ),
        "fee": (
            (_F("收费依据", "fee_basis", "收费依据"), lambda k, f: _fee_basis(f)),
            (
                _F("计收方式", "fee_method", "按件计收或按量计收"),
                lambda k, f: FEE_METHOD_LABELS[f.fee_method] if f.fee_method else "",
            ),
            (
                _F("收费标准", "fee_standard", "收费标准（按计收方式自动写明）"),
                lambda k, f: fee_standard(f.fee_method) if f.fee_method else "",
            ),
            (_F("收费金额", "fee_amount", "收费金额"), lambda k, f: _fee_amount(f)),
            (_F("计费明细", "fee_detail", "计费明细"), _attr("fee_detail")),
            (_F("缴费方式", "payment_instructions", "缴纳方式"), _attr("payment_instructions")),
            (_F("缴费期限", "payment_due", "缴费截止日期"), lambda k, f: cn_date(f.payment_due)),
        ),
        "lapse": (
            (
                _F("逾期期限", "lapsed_period_end", "已届满的补正或缴费期限（经办人确认无正当理由后填写）"),
                lambda k, f: cn_date(f.lapsed_period_end),
            ),
        ),
        "massive": (
            (
                _F("通知说明日期", "reasons_requested_on", "要求申请人说明理由的日期"),
                lambda k, f: cn_date(f.reasons_requested_on),
            ),
        ),
        "reasons": (
            (
                _F("申请数量频次情况", "excessive_facts", "申请数量、频次明显超过合理范围的情况"),
                _attr("excessive_facts"),
            ),
            (_F("说明期限", "reasons_due", "申请人说明理由的截止日期"), lambda k, f: cn_date(f.reasons_due)),
        ),
        "later": (
            (_F("延迟期限", "later_date", "确定的延迟答复期限（日期）"), lambda k, f: cn_date(f.later_date)),
        ),
    }
)

_K = LetterKind
_DENY_14_16 = (
    _K.DENY_SECRET, _K.DENY_LAW, _K.DENY_SAFETY, _K.DENY_THIRDPARTY,
    _K.DENY_INTERNAL, _K.DENY_PROCESS, _K.DENY_ENFORCEMENT,
)  # fmt: skip
_KIND_GROUPS: Mapping[LetterKind, tuple[str, ...]] = MappingProxyType(
    {
        _K.GRANTED: ("provide",),
        _K.PARTIAL: ("provide", "refuse", "withheld"),
        **{k: ("deny", "refuse") for k in _DENY_14_16},
        _K.DENY_QUERY: ("channels",),
        _K.UNABLE_NODATA: ("nodata",),
        _K.REJECT_PETITION: ("channels",),
        _K.REJECT_PUBLICATION: ("publication",),
        _K.CORRECTION: ("correction",),
        _K.EXTENSION: ("extension",),
        _K.THIRD_PARTY_CONSULTATION: ("third_party",),
        _K.THIRD_PARTY_DISCLOSURE_NOTICE: ("third_party", "disclosure"),
        _K.FEE_NOTICE: ("fee",),
        _K.OTHER_OVERDUE_CORRECTION: ("lapse",),
        _K.OTHER_OVERDUE_FEE: ("lapse",),
        _K.REJECT_MASSIVE: ("massive",),
        _K.REASONS_REQUEST: ("reasons",),
        _K.LATER_REPLY: ("later",),
    }
)
_WITH_REMEDIES = frozenset(k for k in LetterKind if k.outcome is not None) | {
    _K.THIRD_PARTY_DISCLOSURE_NOTICE
}


def _fields(kind: LetterKind) -> tuple[tuple[FieldSpec, Getter], ...]:
    found = list(_COMMON)
    if kind in _WITH_REMEDIES:
        found += _REMEDIES
    if kind.outcome is not None:
        found += _OUTCOME
    for group in _KIND_GROUPS.get(kind, ()):
        found += _BY_GROUP[group]
    return tuple(found)


_FIELDS: Mapping[LetterKind, tuple[tuple[FieldSpec, Getter], ...]] = MappingProxyType(
    {k: _fields(k) for k in LetterKind}
)


def template_fields(kind: LetterKind) -> tuple[FieldSpec, ...]:
    """The placeholders usable in a template of ``kind`` (for validation and the editor's help)."""
    return tuple(spec for spec, _ in _FIELDS[LetterKind(kind)])


def field_values(kind: LetterKind, facts: LetterFacts) -> dict[str, str | bool]:
    return {spec.name: get(kind, facts) for spec, get in _FIELDS[kind]}

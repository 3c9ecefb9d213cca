"""Outcomes, applicant types and case states of disclosure applications -- the rules as data.

For the web layer -- call these, never re-encode the rules::

    from gongkai.workflow import (OUTCOMES, ApplicantType, CaseState, Action, Role, transition,
        allowed_actions, required_letter_elements, reconsideration_first, validate_resolution)

    t = transition(CaseState.UNDER_REVIEW, Action.APPROVE, Role.REVIEWER)   # or TransitionError
    t.target, t.resolution          # the new state; a fixed outcome for lapses (表三（六）1/2)
    allowed_actions(state, role)    # the buttons to show
    required_letter_elements("partial", decided_on=d, withheld=[WithheldPart("…", "deny_process")])

Vocabulary (Froide's, see house-style.md): a case's *state* says where it is (:class:`CaseState`),
its *resolution* how it ended -- one of the table-3 outcome rows (:data:`OUTCOMES`, keyed by
``gongkai.report.model.TABLE3_ROWS`` keys). Whether a case is overdue is never a state: it is
computed by :func:`gongkai.deadlines.status_on`.

There are 21 outcome rows under 表三“三、本年度办理结果” of the 2021 format (予以公开, 部分公开, 8
不予公开, 3 无法提供, 5 不予处理, 3 其他处理); the 2019 format has one 其他处理 row instead of three.

Sources: application-handling.md 一 (legal basis and what the letter must say, quoted from the
条例), 3.2 (复议前置), 3.3; issue 6 for the common letter elements and the review workflow.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from types import MappingProxyType

from gongkai.errors import GongkaiError
from gongkai.report.model import (
    OTHER_SINGLE_KEY,
    OTHER_SPLIT_KEYS,
    TABLE3_COLUMNS,
    TABLE3_ROW_BY_KEY,
    Template,
)

# ---------------------------------------------------------------------------------------------
# Applicant types (表三 columns)
# ---------------------------------------------------------------------------------------------


class ApplicantType(StrEnum):
    """Who applied; the value is the table-3 column key it is counted in."""

    NATURAL = "natural"  # 自然人
    COMMERCIAL = "commercial"  # 法人或其他组织：商业企业
    RESEARCH = "research"  # 法人或其他组织：科研机构
    PUBLIC_INTEREST = "public_interest"  # 法人或其他组织：社会公益组织
    LEGAL_SERVICE = "legal_service"  # 法人或其他组织：法律服务机构
    OTHER = "other"  # 法人或其他组织：其他

    @property
    def table3_column(self) -> str:
        return self.value

    @property
    def label(self) -> str:
        """The Chinese name, with its group for organisations (法人或其他组织：商业企业)."""
        spec = _COLUMN_BY_KEY[self.value]
        return spec.label if spec.group is None else f"{spec.group}：{spec.label}"

    @property
    def is_organisation(self) -> bool:
        return _COLUMN_BY_KEY[self.value].group is not None


_COLUMN_BY_KEY = {c.key: c for c in TABLE3_COLUMNS}

# ---------------------------------------------------------------------------------------------
# What a reply letter must contain
# ---------------------------------------------------------------------------------------------


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


LETTER_ELEMENT_LABELS: Mapping[LetterElement, str] = MappingProxyType(
    {
        LetterElement.LETTERHEAD: "机关名称（文头）",
        LetterElement.DOCUMENT_NUMBER: "文号",
        LetterElement.DATE: "成文日期",
        LetterElement.APPLICANT: "申请人",
        LetterElement.REQUEST: "申请公开的政府信息（申请内容描述）",
        LetterElement.OUTCOME_AND_BASIS: "处理决定及其法律依据",
        LetterElement.REMEDIES: "救济途径：60日内申请行政复议（写明复议机关）或6个月内提起行政诉讼",
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
        LetterElement.EXTENSION_PERIOD: "延长的期限（最长20个工作日）及延长后的答复期限（第三十三条第二款）",
        LetterElement.THIRD_PARTY: "第三方名称",
        LetterElement.CONSULTATION_DUE: "第三方提出意见的期限（收到征求意见书之日起15个工作日，第三十二条）",
        LetterElement.DISCLOSED_CONTENT: "决定公开的政府信息内容和理由（第三十二条）",
        LetterElement.FEE_STANDARD: "收费的依据、标准、数额（第四十二条；国办函〔2020〕109号）",
        LetterElement.FEE_PAYMENT: "缴纳方式及缴费期限（收到收费通知次日起20个工作日内）",
        LetterElement.APPLICATION_NUMBER: "登记编号",
        LetterElement.RECEIVED_ON: "收到申请之日（第三十一条）",
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

# ---------------------------------------------------------------------------------------------
# Outcomes (表三 三、本年度办理结果) and their legal grounds
# ---------------------------------------------------------------------------------------------


class OutcomeGroup(StrEnum):
    GRANTED = "granted"  # （一）予以公开
    PARTIAL = "partial"  # （二）部分公开
    DENIED = "denied"  # （三）不予公开
    UNABLE = "unable"  # （四）无法提供
    REJECTED = "rejected"  # （五）不予处理
    OTHER = "other"  # （六）其他处理


@dataclass(frozen=True, slots=True)
class Ground:
    """One legal provision an outcome can rest on, and what the letter must then say."""

    key: str
    #: The article(s), e.g. "条例第三十六条第（四）项"; ``None`` where the reference found none.
    article: str | None
    #: The article's words (quoted in application-handling.md 一), or why there are none.
    text: str
    letter_elements: tuple[LetterElement, ...] = ()
    #: "可以…" elements the law allows but does not demand.
    optional_elements: tuple[LetterElement, ...] = ()
    #: The outcome–article mapping is the compiler's inference ([推定] in the reference).
    inferred: bool = False


@dataclass(frozen=True, slots=True)
class Outcome:
    key: str  # a TABLE3_ROWS key
    group: OutcomeGroup
    grounds: tuple[Ground, ...]
    #: A refusal under 条例 第十四条、第十五条、第十六条 -- the 复议前置 scope (reference 3.2).
    refusal_under_14_to_16: bool = False

    @property
    def label(self) -> str:
        return TABLE3_ROW_BY_KEY[self.key].full_label.removeprefix("三、本年度办理结果")

    def ground(self, key: str | None = None) -> Ground:
        """The ground ``key``, or the only one; a Chinese error when ambiguous or unknown."""
        if key is None and len(self.grounds) == 1:
            return self.grounds[0]
        for ground in self.grounds:
            if ground.key == key:
                return ground
        choices = "、".join(g.key for g in self.grounds)
        raise WorkflowError(f"“{self.label}”须指明依据（可选：{choices}）")


_REFUSE = (LetterElement.REFUSAL_REASONS,)
_ART_36_3 = "第三十六条第（三）项：告知申请人不予公开并说明理由"


def _deny(key: str, article: str, text: str, *, under_14_to_16: bool = True) -> Outcome:
    return Outcome(
        key,
        OutcomeGroup.DENIED,
        (Ground(key, article, text, _REFUSE),),
        refusal_under_14_to_16=under_14_to_16,
    )


OUTCOMES: Mapping[str, Outcome] = MappingProxyType(
    {
        o.key: o
        for o in (
            Outcome(
                "granted",
                OutcomeGroup.GRANTED,
                (
                    Ground(
                        "already_public",
                        "条例第三十六条第（一）项",
                        "所申请公开信息已经主动公开的，告知申请人获取该政府信息的方式、途径",
                        (LetterElement.HOW_TO_OBTAIN,),
                        inferred=True,  # counted as 予以公开 by common practice [推定]
                    ),
                    Ground(
                        "disclosable",
                        "条例第三十六条第（二）项、第四十条",
                        "所申请公开信息可以公开的，向申请人提供该政府信息，或者告知申请人获取该政府信息的方式、途径和时间",
                        (LetterElement.INFORMATION_PROVIDED,),
                    ),
                ),
            ),
            Outcome(
                "partial",
                OutcomeGroup.PARTIAL,
                (
                    Ground(
                        "partial",
                        "条例第三十七条",
                        "能够作区分处理的，向申请人提供可以公开的政府信息内容，并对不予公开的内容说明理由",
                        (LetterElement.PARTS_PROVIDED, LetterElement.REFUSAL_REASONS),
                    ),
                ),
            ),
            _deny(
                "deny_secret",
                "条例第十四条、第三十六条第（三）项",
                f"依法确定为国家秘密的政府信息，不予公开；{_ART_36_3}",
            ),
            _deny(
                "deny_law",
                "条例第十四条、第三十六条第（三）项",
                f"法律、行政法规禁止公开的政府信息，不予公开；{_ART_36_3}（宜写明所依据的法律、行政法规条款）",
            ),
            _deny(
                "deny_safety",
                "条例第十四条、第三十六条第（三）项",
                f"公开后可能危及国家安全、公共安全、经济安全、社会稳定的政府信息，不予公开；{_ART_36_3}",
            ),
            _deny(
                "deny_thirdparty",
                "条例第十五条、第三十二条、第三十六条第（三）项",
                "涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息，行政机关不得公开；"
                f"第三方同意公开或者不公开会对公共利益造成重大影响的，予以公开；{_ART_36_3}",
            ),
            _deny(
                "deny_internal",
                "条例第十六条第一款、第三十六条第（三）项",
                f"行政机关的内部事务信息，包括人事管理、后勤管理、内部工作流程等方面的信息，可以不予公开；{_ART_36_3}",
            ),
            _deny(
                "deny_process",
                "条例第十六条第二款、第三十六条第（三）项",
                "讨论记录、过程稿、磋商信函、请示报告等过程性信息，可以不予公开；"
                f"法律、法规、规章规定上述信息应当公开的，从其规定；{_ART_36_3}",
            ),
            _deny(
                "deny_enforcement",
                "条例第十六条第二款、第三十六条第（三）项",
                f"行政执法案卷信息，可以不予公开；{_ART_36_3}",
            ),
            Outcome(
                "deny_query",
                OutcomeGroup.DENIED,
                (
                    Ground(
                        "deny_query",
                        "条例第三十六条第（七）项",
                        "所申请公开信息属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定的，"
                        "告知申请人依照有关法律、行政法规的规定办理",
                        (LetterElement.HANDLE_PER_LAW,),
                        inferred=True,
                    ),
                ),
            ),
            Outcome(
                "unable_nodata",
                OutcomeGroup.UNABLE,
                (
                    Ground(
                        "not_exist",
                        "条例第三十六条第（四）项",
                        "经检索没有所申请公开信息的，告知申请人该政府信息不存在",
                        (LetterElement.NOT_EXIST,),
                    ),
                    Ground(
                        "not_ours",
                        "条例第三十六条第（五）项、第十条",
                        "所申请公开信息不属于本行政机关负责公开的，告知申请人并说明理由；能够确定负责公开该政府信息的"
                        "行政机关的，告知申请人该行政机关的名称、联系方式",
                        (LetterElement.NOT_OURS_REASONS, LetterElement.RESPONSIBLE_AGENCY),
                        inferred=True,
                    ),
                ),
            ),
            Outcome(
                "unable_create",
                OutcomeGroup.UNABLE,
                (
                    Ground(
                        "unable_create",
                        "条例第三十八条",
                        "需要行政机关对现有政府信息进行加工、分析的，行政机关可以不予提供（条文未规定告知内容）",
                    ),
                ),
            ),
            Outcome(
                "unable_unclear",
                OutcomeGroup.UNABLE,
                (
                    Ground(
                        "unable_unclear",
                        "条例第三十条、第二十九条第二款",
                        "补正后申请内容仍不明确（条文未规定此情形的告知内容）",
                        inferred=True,
                    ),
                ),
            ),
            Outcome(
                "reject_petition",
                OutcomeGroup.REJECTED,
                (
                    Ground(
                        "reject_petition",
                        "条例第三十九条第一款",
                        "以政府信息公开申请的形式进行信访、投诉、举报等活动，行政机关应当告知申请人不作为政府信息公开"
                        "申请处理并可以告知通过相应渠道提出",
                        (LetterElement.NOT_AN_APPLICATION,),
                        (LetterElement.OTHER_CHANNELS,),
                    ),
                ),
            ),
            Outcome(
                "reject_repeat",
                OutcomeGroup.REJECTED,
                (
                    Ground(
                        "reject_repeat",
                        "条例第三十六条第（六）项",
                        "行政机关已就申请人提出的政府信息公开申请作出答复、申请人重复申请公开相同政府信息的，"
                        "告知申请人不予重复处理",
                        (LetterElement.NO_REPEAT,),
                    ),
                ),
            ),
            Outcome(
                "reject_publication",
                OutcomeGroup.REJECTED,
                (
                    Ground(
                        "reject_publication",
                        "条例第三十九条第二款",
                        "申请内容为要求行政机关提供政府公报、报刊、书籍等公开出版物的，行政机关可以告知获取的途径",
                        (),
                        (LetterElement.PUBLICATION_ACCESS,),
                    ),
                ),
            ),
            Outcome(
                "reject_massive",
                OutcomeGroup.REJECTED,
                (
                    Ground(
                        "reject_massive",
                        "条例第三十五条",
                        "申请数量、频次明显超过合理范围，经要求说明理由，行政机关认为申请理由不合理的，告知申请人不予处理",
                        (LetterElement.NOT_PROCESSED,),
                    ),
                ),
            ),
            Outcome(
                "reject_confirm",
                OutcomeGroup.REJECTED,
                (Ground("reject_confirm", None, "条例无直接对应条文（参考资料未找到官方依据说明）"),),
            ),
            Outcome(
                "other_overdue_correction",
                OutcomeGroup.OTHER,
                (
                    Ground(
                        "other_overdue_correction",
                        "条例第三十条",
                        "申请人无正当理由逾期不补正的，视为放弃申请，行政机关不再处理该政府信息公开申请",
                    ),
                ),
            ),
            Outcome(
                "other_overdue_fee",
                OutcomeGroup.OTHER,
                (
                    Ground(
                        "other_overdue_fee",
                        "条例第四十二条；《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）",
                        "申请人应当在收到收费通知次日起20个工作日内缴纳费用，逾期未缴纳的视为放弃申请"
                        "（四川省财政厅等通知原文，办法原文未找到）",
                    ),
                ),
            ),
            Outcome(
                "other_other",
                OutcomeGroup.OTHER,
                (Ground("other_other", None, "参考资料未找到官方口径"),),
            ),
        )
    }
)

#: The outcome rows a refused part of a 部分公开 reply can name (表三（三）1–8).
DENIAL_KEYS: tuple[str, ...] = tuple(k for k, o in OUTCOMES.items() if o.group is OutcomeGroup.DENIED)


class WorkflowError(GongkaiError):
    """An outcome or letter that the law does not allow as given."""


@dataclass(frozen=True, slots=True)
class WithheldPart:
    """A part of the requested information withheld in a 部分公开 reply, and on which ground."""

    description: str
    ground: str  # one of DENIAL_KEYS


def validate_resolution(outcome_key: str, withheld: Iterable[WithheldPart] = ()) -> Outcome:
    """Check an outcome and its withheld parts; returns the :class:`Outcome`.

    Legal basis: 条例 第三十七条 -- 部分公开 gives what can be given and states the reason for
    each withheld part; the table's own note counts it once, as 部分公开, so the parts' grounds
    are recorded here rather than as further outcomes.
    """
    outcome = OUTCOMES.get(outcome_key)
    if outcome is None:
        raise WorkflowError(f"未知的办理结果“{outcome_key}”")
    parts = tuple(withheld)
    if outcome.group is OutcomeGroup.PARTIAL:
        if not parts:
            raise WorkflowError("部分公开须写明不予公开的部分及其理由（条例第三十七条）")
        for part in parts:
            if part.ground not in DENIAL_KEYS:
                raise WorkflowError(f"不予公开部分“{part.description}”的理由须为表三“（三）不予公开”中的一项")
    elif parts:
        raise WorkflowError(f"只有部分公开才记录不予公开的部分；“{outcome.label}”不应有")
    return outcome


#: 行政复议法（2023年修订）施行之日: its 第二十三条 made reconsideration come first for refusals.
RECONSIDERATION_FIRST_FROM = date(2024, 1, 1)


def reconsideration_first(
    outcome_key: str, *, decided_on: date, withheld: Iterable[WithheldPart] = ()
) -> bool:
    """Whether the letter must tell the applicant to seek reconsideration before going to court.

    Legal basis: 行政复议法 第二十三条第一款第（四）项 and 第二款 (from 2024-01-01: "申请政府信息
    公开，行政机关不予公开" must go to reconsideration first, and the agency must say so when it
    decides); 行政复议法实施条例 第三十一条 (2026 revision, from 2026-07-01) fixes the scope as
    refusals, in whole or in part, on the grounds of 条例 第十四条、第十五条、第十六条 -- 表三（三）1–7
    and the withheld parts of a 部分公开 on those grounds. （三）8 (第三十六条第（七）项) is outside it
    by the article's words [推定, reference 3.2]. The same scope is applied from 2024-01-01, the
    实施条例 only spelling out 第二十三条; decisions before that date had no such requirement in
    the material the reference collected.
    """
    outcome = validate_resolution(outcome_key, withheld)
    if decided_on < RECONSIDERATION_FIRST_FROM:
        return False
    if outcome.group is OutcomeGroup.PARTIAL:
        return any(OUTCOMES[p.ground].refusal_under_14_to_16 for p in withheld)
    return outcome.refusal_under_14_to_16


def required_letter_elements(
    outcome_key: str,
    ground_key: str | None = None,
    *,
    decided_on: date,
    withheld: Iterable[WithheldPart] = (),
) -> tuple[LetterElement, ...]:
    """Everything a reply letter with this outcome must contain; a letter missing one cannot issue.

    The common elements, the ground's own (application-handling.md 一), and the 复议前置
    sentence where :func:`reconsideration_first` says so. Optional ("可以") elements are not
    included: see :attr:`Ground.optional_elements`.

    Legal basis: 条例 第三十条、第三十五条至第三十九条 (the content per ground); 行政复议法
    第二十条第三款 (remedies: right, reconsideration body, period) and 第二十三条第二款 (复议前置).
    """
    parts = tuple(withheld)
    outcome = validate_resolution(outcome_key, parts)
    ground = outcome.ground(ground_key)
    elements = [*COMMON_LETTER_ELEMENTS, *ground.letter_elements]
    if reconsideration_first(outcome_key, decided_on=decided_on, withheld=parts):
        elements.append(LetterElement.RECONSIDERATION_FIRST)
    return tuple(dict.fromkeys(elements))


def missing_letter_elements(
    required: Iterable[LetterElement], present: Iterable[LetterElement]
) -> tuple[str, ...]:
    """The Chinese names of required elements not present -- empty when the letter may issue."""
    have = set(present)
    return tuple(LETTER_ELEMENT_LABELS[e] for e in required if e not in have)


def table3_row(outcome_key: str, template: Template) -> str:
    """The table-3 row an outcome is counted in: the 2019 format has a single （六）其他处理 row."""
    if template is Template.Y2019 and outcome_key in OTHER_SPLIT_KEYS:
        return OTHER_SINGLE_KEY
    return outcome_key


# ---------------------------------------------------------------------------------------------
# Case states and transitions
# ---------------------------------------------------------------------------------------------


class CaseState(StrEnum):
    RECEIVED = "received"  # 已登记
    AWAITING_CORRECTION = "awaiting_correction"  # 待补正
    IN_PROGRESS = "in_progress"  # 办理中
    CONSULTING_THIRD_PARTY = "consulting_third_party"  # 征求第三方意见中
    CONSULTING_AGENCY = "consulting_agency"  # 征求其他机关意见中
    EXTENSION_PENDING = "extension_pending"  # 延期待批
    AWAITING_FEE = "awaiting_fee"  # 待缴费
    REPLY_DRAFTED = "reply_drafted"  # 答复已起草
    UNDER_REVIEW = "under_review"  # 审核中
    RETURNED = "returned"  # 退回修改
    APPROVED = "approved"  # 审核通过
    ISSUED = "issued"  # 已答复（已出具）
    CLOSED = "closed"  # 已办结


CASE_STATE_LABELS: Mapping[CaseState, str] = MappingProxyType(
    {
        CaseState.RECEIVED: "已登记",
        CaseState.AWAITING_CORRECTION: "待补正",
        CaseState.IN_PROGRESS: "办理中",
        CaseState.CONSULTING_THIRD_PARTY: "征求第三方意见中",
        CaseState.CONSULTING_AGENCY: "征求其他机关意见中",
        CaseState.EXTENSION_PENDING: "延期待批",
        CaseState.AWAITING_FEE: "待缴费",
        CaseState.REPLY_DRAFTED: "答复已起草",
        CaseState.UNDER_REVIEW: "审核中",
        CaseState.RETURNED: "退回修改",
        CaseState.APPROVED: "审核通过",
        CaseState.ISSUED: "已答复",
        CaseState.CLOSED: "已办结",
    }
)

#: A case is answered (and counted under 三、本年度办理结果) once the reply is issued; the rest
#: are still open and, at 31 December, carried over (四、结转下年度继续办理).
RESOLVED_STATES: frozenset[CaseState] = frozenset({CaseState.ISSUED, CaseState.CLOSED})
#: States in which the reply clock usually stands still; the clock itself counts the recorded
#: pause dates (gongkai.deadlines.Pause), this set is for display.
CLOCK_STOPPED_STATES: frozenset[CaseState] = frozenset(
    {
        CaseState.AWAITING_CORRECTION,
        CaseState.CONSULTING_THIRD_PARTY,
        CaseState.CONSULTING_AGENCY,
        CaseState.AWAITING_FEE,
    }
)


def is_open(state: CaseState) -> bool:
    return state not in RESOLVED_STATES


class Role(StrEnum):
    CLERK = "clerk"  # 经办人
    REVIEWER = "reviewer"  # 审核人
    HEAD = "head"  # 机构负责人（政府信息公开工作机构负责人）
    SUPERVISOR = "supervisor"  # 公开办（监督，不办理）
    ADMIN = "admin"  # 系统管理员
    SYSTEM = "system"  # periodic jobs (lapses of 补正 and 缴费 periods)


ROLE_LABELS: Mapping[Role, str] = MappingProxyType(
    {
        Role.CLERK: "经办人",
        Role.REVIEWER: "审核人",
        Role.HEAD: "机构负责人",
        Role.SUPERVISOR: "公开办",
        Role.ADMIN: "系统管理员",
        Role.SYSTEM: "系统定时任务",
    }
)


class Action(StrEnum):
    START = "start"
    REQUEST_CORRECTION = "request_correction"
    RECEIVE_CORRECTION = "receive_correction"
    CORRECTION_LAPSED = "correction_lapsed"
    CONSULT_THIRD_PARTY = "consult_third_party"
    CONSULT_AGENCY = "consult_agency"
    END_CONSULTATION = "end_consultation"
    REQUEST_EXTENSION = "request_extension"
    APPROVE_EXTENSION = "approve_extension"
    REJECT_EXTENSION = "reject_extension"
    SEND_FEE_NOTICE = "send_fee_notice"
    RECEIVE_FEE = "receive_fee"
    FEE_LAPSED = "fee_lapsed"
    DRAFT_REPLY = "draft_reply"
    SUBMIT_FOR_REVIEW = "submit_for_review"
    RETURN_FOR_CHANGES = "return_for_changes"
    REVISE = "revise"
    APPROVE = "approve"
    ISSUE = "issue"
    DELIVER = "deliver"


@dataclass(frozen=True, slots=True)
class Transition:
    action: Action
    source: CaseState
    target: CaseState
    roles: frozenset[Role]
    label: str
    legal_basis: str = ""
    #: The outcome a transition fixes by itself (the lapses of 表三（六）1 and 2).
    resolution: str | None = None


_CLERK = frozenset({Role.CLERK})
_CLERK_OR_SYSTEM = frozenset({Role.CLERK, Role.SYSTEM})
_S = CaseState

TRANSITIONS: tuple[Transition, ...] = (
    Transition(Action.START, _S.RECEIVED, _S.IN_PROGRESS, _CLERK, "开始办理"),
    Transition(Action.DRAFT_REPLY, _S.RECEIVED, _S.REPLY_DRAFTED, _CLERK, "起草答复", "条例第三十三条第一款"),
    Transition(
        Action.REQUEST_CORRECTION,
        _S.RECEIVED,
        _S.AWAITING_CORRECTION,
        _CLERK,
        "发出补正告知书",
        "条例第三十条",
    ),
    Transition(
        Action.REQUEST_CORRECTION,
        _S.IN_PROGRESS,
        _S.AWAITING_CORRECTION,
        _CLERK,
        "发出补正告知书",
        "条例第三十条",
    ),
    Transition(
        Action.RECEIVE_CORRECTION,
        _S.AWAITING_CORRECTION,
        _S.IN_PROGRESS,
        _CLERK,
        "收到补正（答复期限重新起算）",
        "条例第三十条",
    ),
    Transition(
        Action.CORRECTION_LAPSED,
        _S.AWAITING_CORRECTION,
        _S.CLOSED,
        _CLERK_OR_SYSTEM,
        "逾期未补正，不再处理",
        "条例第三十条",
        resolution="other_overdue_correction",
    ),
    Transition(
        Action.CONSULT_THIRD_PARTY,
        _S.IN_PROGRESS,
        _S.CONSULTING_THIRD_PARTY,
        _CLERK,
        "书面征求第三方意见",
        "条例第三十二条",
    ),
    Transition(
        Action.CONSULT_AGENCY,
        _S.IN_PROGRESS,
        _S.CONSULTING_AGENCY,
        _CLERK,
        "征求其他机关意见",
        "条例第三十四条",
    ),
    Transition(
        Action.END_CONSULTATION,
        _S.CONSULTING_THIRD_PARTY,
        _S.IN_PROGRESS,
        _CLERK,
        "收到第三方意见或期限届满",
        "条例第三十二条",
    ),
    Transition(
        Action.END_CONSULTATION,
        _S.CONSULTING_AGENCY,
        _S.IN_PROGRESS,
        _CLERK,
        "收到其他机关意见或期限届满",
        "条例第三十四条",
    ),
    Transition(
        Action.REQUEST_EXTENSION,
        _S.IN_PROGRESS,
        _S.EXTENSION_PENDING,
        _CLERK,
        "申请延长答复期限",
        "条例第三十三条第二款",
    ),
    Transition(
        Action.APPROVE_EXTENSION,
        _S.EXTENSION_PENDING,
        _S.IN_PROGRESS,
        frozenset({Role.HEAD}),
        "负责人同意延期（并告知申请人）",
        "条例第三十三条第二款",
    ),
    Transition(
        Action.REJECT_EXTENSION,
        _S.EXTENSION_PENDING,
        _S.IN_PROGRESS,
        frozenset({Role.HEAD}),
        "负责人不同意延期",
        "条例第三十三条第二款",
    ),
    Transition(
        Action.SEND_FEE_NOTICE,
        _S.IN_PROGRESS,
        _S.AWAITING_FEE,
        _CLERK,
        "发出收费通知书",
        "条例第四十二条；国办函〔2020〕109号",
    ),
    Transition(Action.RECEIVE_FEE, _S.AWAITING_FEE, _S.IN_PROGRESS, _CLERK, "申请人已缴费"),
    Transition(
        Action.FEE_LAPSED,
        _S.AWAITING_FEE,
        _S.CLOSED,
        _CLERK_OR_SYSTEM,
        "逾期未缴费，不再处理",
        "条例第四十二条；国办函〔2020〕109号",
        resolution="other_overdue_fee",
    ),
    Transition(Action.DRAFT_REPLY, _S.IN_PROGRESS, _S.REPLY_DRAFTED, _CLERK, "起草答复"),
    Transition(Action.SUBMIT_FOR_REVIEW, _S.REPLY_DRAFTED, _S.UNDER_REVIEW, _CLERK, "提交审核"),
    Transition(
        Action.RETURN_FOR_CHANGES,
        _S.UNDER_REVIEW,
        _S.RETURNED,
        frozenset({Role.REVIEWER}),
        "退回修改（附意见）",
    ),
    Transition(Action.REVISE, _S.RETURNED, _S.REPLY_DRAFTED, _CLERK, "修改答复"),
    Transition(Action.APPROVE, _S.UNDER_REVIEW, _S.APPROVED, frozenset({Role.REVIEWER}), "审核通过"),
    Transition(Action.ISSUE, _S.APPROVED, _S.ISSUED, _CLERK, "出具答复", "条例第三十六条"),
    Transition(Action.DELIVER, _S.ISSUED, _S.CLOSED, _CLERK, "送达并办结"),
)

_BY_SOURCE_ACTION: Mapping[tuple[CaseState, Action], Transition] = MappingProxyType(
    {(t.source, t.action): t for t in TRANSITIONS}
)


class TransitionError(WorkflowError):
    """A state change the workflow does not allow (wrong state or wrong role)."""


def allowed_actions(state: CaseState, role: Role) -> tuple[Transition, ...]:
    """The transitions ``role`` may take from ``state`` (the buttons a user sees)."""
    return tuple(t for t in TRANSITIONS if t.source is state and role in t.roles)


def transition(state: CaseState, action: Action, role: Role) -> Transition:
    """Validate one state change; returns it (with its target) or raises :class:`TransitionError`."""
    found = _BY_SOURCE_ACTION.get((state, action))
    if found is None:
        possible = "、".join(t.label for t in TRANSITIONS if t.source is state) or "无（已办结）"
        raise TransitionError(f"案件处于“{CASE_STATE_LABELS[state]}”状态，不能执行该操作；可执行：{possible}")
    if role not in found.roles:
        raise TransitionError(
            f"“{found.label}”须由{'或'.join(ROLE_LABELS[r] for r in sorted(found.roles))}办理"
        )
    return found

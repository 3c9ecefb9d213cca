"""Outcomes (表三 三、本年度办理结果) and their legal grounds.

There are 21 outcome rows under 表三“三、本年度办理结果” of the 2021 format (予以公开, 部分公开, 8
不予公开, 3 无法提供, 5 不予处理, 3 其他处理); the 2019 format has one 其他处理 row instead of three.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from types import MappingProxyType

from gongkai.deadlines import FEE_PAYMENT_WORKING_DAYS
from gongkai.errors import GongkaiError
from gongkai.report.model import OTHER_SINGLE_KEY, OTHER_SPLIT_KEYS, TABLE3_ROW_BY_KEY, Template
from gongkai.workflow.letter_elements import COMMON_LETTER_ELEMENTS, LetterElement


class WorkflowError(GongkaiError):
    """An outcome or letter that the law does not allow as given."""


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


#: 条例 第四十二条 only allows the fee; the payment period and the lapse come from the fee rules,
#: known through the Sichuan notice that restates them (fee-rules.md 4.2, as gongkai.deadlines
#: documents for FEE_PAYMENT_WORKING_DAYS).
FEE_LAPSE_BASIS = (
    "条例第四十二条（收取信息处理费）；缴费期限及逾期视为放弃申请：《政府信息公开信息处理费管理办法》"
    "（国办函〔2020〕109号），据四川省财政厅、四川省发展改革委通知（2021年1月18日）第二项"
)
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
                "涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息，行政机关不得公开。"
                f"但是，第三方同意公开或者行政机关认为不公开会对公共利益造成重大影响的，予以公开。{_ART_36_3}",
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
                        "政府信息公开申请内容不明确的，行政机关应当给予指导和释明，并自收到申请之日起7个工作日内一次性告知申请人作出补正"
                        "（补正后申请内容仍不明确：条文未规定此情形的告知内容）",
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
                        (
                            "申请人申请公开政府信息的数量、频次明显超过合理范围，行政机关可以要求申请人说明理由。"
                            "行政机关认为申请理由不合理的，告知申请人不予处理"
                        ),
                        # The letter says the reasons were asked for: only with the request on record.
                        (LetterElement.NOT_PROCESSED, LetterElement.REASONS_REQUESTED),
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
                        # "无正当理由" is a person's finding (issue 16): the letter needs it on record.
                        (LetterElement.LAPSE_FINDING,),
                    ),
                ),
            ),
            Outcome(
                "other_overdue_fee",
                OutcomeGroup.OTHER,
                (
                    Ground(
                        "other_overdue_fee",
                        FEE_LAPSE_BASIS,
                        f"申请人应当在收到收费通知次日起{FEE_PAYMENT_WORKING_DAYS}个工作日内缴纳费用，"
                        "逾期未缴纳的视为放弃申请（四川省财政厅、四川省发展改革委通知第二项原文，办法原文未找到）",
                        (LetterElement.LAPSE_FINDING,),
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


def table3_row(outcome_key: str, template: Template) -> str:
    """The table-3 row an outcome is counted in: the 2019 format has a single （六）其他处理 row."""
    if template is Template.Y2019 and outcome_key in OTHER_SPLIT_KEYS:
        return OTHER_SINGLE_KEY
    return outcome_key

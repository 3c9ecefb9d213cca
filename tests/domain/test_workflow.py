"""Outcomes, applicant types and case states (gongkai.workflow)."""

from __future__ import annotations

from collections import deque
from datetime import date

import pytest

from gongkai.report.model import (
    OTHER_SINGLE_KEY,
    TABLE3_APPLICANT_KEYS,
    RowKind,
    Template,
    table3_rows_for,
)
from gongkai.workflow.applicants import ApplicantType
from gongkai.workflow.cases import (
    CASE_STATE_LABELS,
    LAPSE_FROM,
    LAPSE_OUTCOMES,
    TRANSITIONS,
    Action,
    CaseState,
    Role,
    TransitionError,
    allowed_actions,
    is_open,
    transition,
)
from gongkai.workflow.letter_elements import (
    COMMON_LETTER_ELEMENTS,
    LETTER_ELEMENT_LABELS,
    LetterElement,
    missing_letter_elements,
)
from gongkai.workflow.outcomes import (
    DENIAL_KEYS,
    FEE_LAPSE_BASIS,
    OUTCOMES,
    OutcomeGroup,
    WithheldPart,
    WorkflowError,
    reconsideration_first,
    required_letter_elements,
    table3_row,
    validate_resolution,
)
from testsupport import SHARED, require

AFTER = date(2026, 8, 3)  # after 行政复议法实施条例 第三十一条 took effect (2026-07-01)
BETWEEN = date(2025, 3, 3)  # 行政复议法（2023年修订）in force, 实施条例 not yet revised
BEFORE = date(2023, 6, 1)  # before 行政复议法（2023年修订）took effect

# -- outcomes -----------------------------------------------------------------------------------


def test_outcomes_are_exactly_the_21_outcome_rows_of_the_2021_table() -> None:
    rows = [r.key for r in table3_rows_for(Template.Y2021) if r.kind is RowKind.OUTCOME]
    assert list(OUTCOMES) == rows
    assert len(OUTCOMES) == 21


@pytest.mark.parametrize(
    ("group", "count"),
    [
        (OutcomeGroup.GRANTED, 1),
        (OutcomeGroup.PARTIAL, 1),
        (OutcomeGroup.DENIED, 8),
        (OutcomeGroup.UNABLE, 3),
        (OutcomeGroup.REJECTED, 5),
        (OutcomeGroup.OTHER, 3),
    ],
)
def test_outcome_groups(group: OutcomeGroup, count: int) -> None:
    assert sum(o.group is group for o in OUTCOMES.values()) == count


@pytest.mark.parametrize("key", list(OUTCOMES))
def test_every_outcome_has_a_legal_basis_or_says_none_was_found(key: str) -> None:
    for ground in OUTCOMES[key].grounds:
        assert ground.article is not None or "未找到" in ground.text
        assert ground.text


@pytest.mark.parametrize(
    ("key", "article"),
    [
        ("granted", "第三十六条第（二）项"),  # 可以公开
        ("partial", "第三十七条"),  # 区分处理
        ("deny_secret", "第十四条"),
        ("deny_thirdparty", "第十五条"),
        ("deny_internal", "第十六条第一款"),
        ("deny_process", "第十六条第二款"),
        ("deny_query", "第三十六条第（七）项"),
        ("unable_nodata", "第三十六条第（四）项"),
        ("unable_create", "第三十八条"),
        ("reject_petition", "第三十九条第一款"),
        ("reject_repeat", "第三十六条第（六）项"),
        ("reject_publication", "第三十九条第二款"),
        ("reject_massive", "第三十五条"),
        ("other_overdue_correction", "第三十条"),
        ("other_overdue_fee", "第四十二条"),
    ],
)
def test_outcome_legal_basis(key: str, article: str) -> None:
    assert any(article in (g.article or "") for g in OUTCOMES[key].grounds)


def test_outcome_labels_come_from_the_table() -> None:
    assert OUTCOMES["deny_secret"].label == "（三）不予公开1.属于国家秘密"


# -- 复议前置 (行政复议法 第二十三条; 实施条例 第三十一条) -------------------------------------------------


@pytest.mark.parametrize(
    ("key", "withheld", "decided_on", "expected"),
    [
        # 第十四条 refusals: reconsideration first.
        ("deny_secret", (), AFTER, True),
        ("deny_law", (), AFTER, True),
        ("deny_safety", (), AFTER, True),
        # 第十五条 (third party) and 第十六条 (internal, process, enforcement files).
        ("deny_thirdparty", (), AFTER, True),
        ("deny_internal", (), AFTER, True),
        ("deny_process", (), AFTER, True),
        ("deny_enforcement", (), AFTER, True),
        # 行政查询事项 (第三十六条第（七）项) is outside 第十四—十六条 [推定].
        ("deny_query", (), AFTER, False),
        # 部分公开: first only when a withheld part rests on 第十四—十六条.
        ("partial", (WithheldPart("会议讨论记录", "deny_process"),), AFTER, True),
        ("partial", (WithheldPart("登记资料", "deny_query"),), AFTER, False),
        # Granted, unable, rejected, other: reconsideration or court, applicant's choice.
        ("granted", (), AFTER, False),
        ("unable_nodata", (), AFTER, False),
        ("reject_repeat", (), AFTER, False),
        ("other_overdue_fee", (), AFTER, False),
        # 2024-01-01 to 2026-06-30: 行政复议法第二十三条 already applies, same scope.
        ("deny_process", (), BETWEEN, True),
        # Before 2024-01-01: no such requirement.
        ("deny_secret", (), BEFORE, False),
    ],
)
def test_reconsideration_first(
    key: str, withheld: tuple[WithheldPart, ...], decided_on: date, expected: bool
) -> None:
    assert reconsideration_first(key, decided_on=decided_on, withheld=withheld) is expected


# -- letters ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "ground", "withheld", "specific"),
    [
        # 已主动公开: how to obtain it (第三十六条第（一）项).
        ("granted", "already_public", (), {LetterElement.HOW_TO_OBTAIN}),
        # 可以公开: the information, or how/where/when to obtain it (第三十六条第（二）项).
        ("granted", "disclosable", (), {LetterElement.INFORMATION_PROVIDED}),
        # 部分公开: what is given plus reasons for the rest; 复议前置 for a 第十六条 part.
        (
            "partial",
            None,
            (WithheldPart("请示报告", "deny_process"),),
            {
                LetterElement.PARTS_PROVIDED,
                LetterElement.REFUSAL_REASONS,
                LetterElement.RECONSIDERATION_FIRST,
            },
        ),
        # 国家秘密: reasons, and reconsideration first.
        ("deny_secret", None, (), {LetterElement.REFUSAL_REASONS, LetterElement.RECONSIDERATION_FIRST}),
        # 行政查询事项: handle under the special law, no 复议前置.
        ("deny_query", None, (), {LetterElement.HANDLE_PER_LAW}),
        # 不存在 (第三十六条第（四）项).
        ("unable_nodata", "not_exist", (), {LetterElement.NOT_EXIST}),
        # 非本机关负责公开 (第（五）项): reasons and the responsible agency with contacts.
        ("unable_nodata", "not_ours", (), {LetterElement.NOT_OURS_REASONS, LetterElement.RESPONSIBLE_AGENCY}),
        # 信访举报投诉: not handled as a disclosure application (第三十九条第一款).
        ("reject_petition", None, (), {LetterElement.NOT_AN_APPLICATION}),
        # 重复申请: 不予重复处理.
        ("reject_repeat", None, (), {LetterElement.NO_REPEAT}),
        # 公开出版物: only a "可以" element, so nothing beyond the common ones.
        ("reject_publication", None, (), set()),
        # 大量反复申请: 不予处理, and only after the applicant was asked for reasons (第三十五条:
        # 行政机关可以要求申请人说明理由。行政机关认为申请理由不合理的，告知申请人不予处理).
        ("reject_massive", None, (), {LetterElement.NOT_PROCESSED, LetterElement.REASONS_REQUESTED}),
        # 第三十条 "申请人无正当理由逾期不补正的": the （六）1 letter needs the finding on record (issue 16),
        # as does （六）2 for the payment period.
        ("other_overdue_correction", None, (), {LetterElement.LAPSE_FINDING}),
        ("other_overdue_fee", None, (), {LetterElement.LAPSE_FINDING}),
    ],
)
def test_required_letter_elements(
    key: str, ground: str | None, withheld: tuple[WithheldPart, ...], specific: set[LetterElement]
) -> None:
    required = required_letter_elements(key, ground, decided_on=AFTER, withheld=withheld)
    assert set(required) == set(COMMON_LETTER_ELEMENTS) | specific
    assert len(required) == len(set(required))


def test_every_letter_element_has_a_chinese_label() -> None:
    assert set(LETTER_ELEMENT_LABELS) == set(LetterElement)


def test_a_letter_missing_an_element_cannot_issue() -> None:
    required = required_letter_elements("deny_secret", decided_on=AFTER)
    present = [e for e in required if e is not LetterElement.RECONSIDERATION_FIRST]
    assert missing_letter_elements(required, present) == (
        LETTER_ELEMENT_LABELS[LetterElement.RECONSIDERATION_FIRST],
    )
    assert missing_letter_elements(required, required) == ()


def test_an_outcome_with_two_grounds_needs_the_ground_named() -> None:
    with pytest.raises(WorkflowError, match="须指明依据"):
        required_letter_elements("unable_nodata", decided_on=AFTER)


@pytest.mark.parametrize(
    ("key", "withheld", "message"),
    [
        ("partial", (), "部分公开须写明不予公开的部分"),  # 第三十七条
        ("partial", (WithheldPart("全文", "granted"),), "不予公开”中的一项"),  # not a refusal ground
        ("granted", (WithheldPart("附件", "deny_secret"),), "只有部分公开"),
        ("approved_somehow", (), "未知的办理结果"),
    ],
)
def test_invalid_resolutions_are_refused(key: str, withheld: tuple[WithheldPart, ...], message: str) -> None:
    with pytest.raises(WorkflowError, match=message):
        validate_resolution(key, withheld)


def test_denial_keys_are_the_eight_refusal_rows() -> None:
    assert len(DENIAL_KEYS) == 8 and all(k.startswith("deny_") for k in DENIAL_KEYS)


@pytest.mark.parametrize(
    ("key", "template", "row"),
    [
        ("other_overdue_fee", Template.Y2019, OTHER_SINGLE_KEY),  # one （六）其他处理 row in 2019
        ("other_overdue_fee", Template.Y2021, "other_overdue_fee"),
        ("granted", Template.Y2019, "granted"),
    ],
)
def test_table3_row_per_template(key: str, template: Template, row: str) -> None:
    assert table3_row(key, template) == row


# -- applicant types ----------------------------------------------------------------------------


def test_applicant_types_are_the_six_applicant_columns() -> None:
    assert [t.table3_column for t in ApplicantType] == list(TABLE3_APPLICANT_KEYS)


@pytest.mark.parametrize(
    ("kind", "label", "organisation"),
    [
        (ApplicantType.NATURAL, "自然人", False),
        (ApplicantType.COMMERCIAL, "法人或其他组织：商业企业", True),
        (ApplicantType.RESEARCH, "法人或其他组织：科研机构", True),
        (ApplicantType.PUBLIC_INTEREST, "法人或其他组织：社会公益组织", True),
        (ApplicantType.LEGAL_SERVICE, "法人或其他组织：法律服务机构", True),
        (ApplicantType.OTHER, "法人或其他组织：其他", True),
    ],
)
def test_applicant_type_labels(kind: ApplicantType, label: str, organisation: bool) -> None:
    assert (kind.label, kind.is_organisation) == (label, organisation)


# -- case states --------------------------------------------------------------------------------

S, A, R = CaseState, Action, Role


@pytest.mark.parametrize(
    ("state", "action", "role", "target", "resolution"),
    [
        # A clerk starts on a registered application.
        (S.RECEIVED, A.START, R.CLERK, S.IN_PROGRESS, None),
        # 补正 within 7 working days (第三十条), then the corrected application restarts the clock.
        (S.RECEIVED, A.REQUEST_CORRECTION, R.CLERK, S.AWAITING_CORRECTION, None),
        (S.AWAITING_CORRECTION, A.RECEIVE_CORRECTION, R.CLERK, S.IN_PROGRESS, None),
        # No correction by the deadline: the periodic job only puts the case before the clerk
        # (issue 16: 第三十条 lapses "无正当理由" -- a person's finding); the clerk records a 正当理由
        # (a new period) or confirms the lapse by drafting the （六）1 告知书 for review.
        (S.AWAITING_CORRECTION, A.CORRECTION_LAPSED, R.SYSTEM, S.CORRECTION_LAPSE_PENDING, None),
        (S.CORRECTION_LAPSE_PENDING, A.EXCUSE_LAPSE, R.CLERK, S.AWAITING_CORRECTION, None),
        (S.CORRECTION_LAPSE_PENDING, A.CONFIRM_LAPSE, R.CLERK, S.REPLY_DRAFTED, None),
        # Third-party consultation (第三十二条) and its end.
        (S.IN_PROGRESS, A.CONSULT_THIRD_PARTY, R.CLERK, S.CONSULTING_THIRD_PARTY, None),
        (S.CONSULTING_THIRD_PARTY, A.END_CONSULTATION, R.CLERK, S.IN_PROGRESS, None),
        # Consulting a co-author agency (第三十四条).
        (S.IN_PROGRESS, A.CONSULT_AGENCY, R.CLERK, S.CONSULTING_AGENCY, None),
        # Extension: asked by the clerk, decided by the 机构负责人 (第三十三条第二款).
        (S.IN_PROGRESS, A.REQUEST_EXTENSION, R.CLERK, S.EXTENSION_PENDING, None),
        (S.EXTENSION_PENDING, A.APPROVE_EXTENSION, R.HEAD, S.IN_PROGRESS, None),
        (S.EXTENSION_PENDING, A.REJECT_EXTENSION, R.HEAD, S.IN_PROGRESS, None),
        # Issue 17: a pending request the clerk no longer needs (e.g. the period ran out) is withdrawn.
        (S.EXTENSION_PENDING, A.WITHDRAW_EXTENSION, R.CLERK, S.IN_PROGRESS, None),
        # Fee notice; unpaid after 20 working days the case goes to the clerk likewise (（六）2).
        (S.IN_PROGRESS, A.SEND_FEE_NOTICE, R.CLERK, S.AWAITING_FEE, None),
        (S.AWAITING_FEE, A.RECEIVE_FEE, R.CLERK, S.IN_PROGRESS, None),
        (S.AWAITING_FEE, A.FEE_LAPSED, R.SYSTEM, S.FEE_LAPSE_PENDING, None),
        (S.FEE_LAPSE_PENDING, A.EXCUSE_LAPSE, R.CLERK, S.AWAITING_FEE, None),
        (S.FEE_LAPSE_PENDING, A.CONFIRM_LAPSE, R.CLERK, S.REPLY_DRAFTED, None),
        # Draft -> review -> return -> revise -> review -> approve -> issue -> deliver.
        (S.IN_PROGRESS, A.DRAFT_REPLY, R.CLERK, S.REPLY_DRAFTED, None),
        (S.REPLY_DRAFTED, A.SUBMIT_FOR_REVIEW, R.CLERK, S.UNDER_REVIEW, None),
        (S.UNDER_REVIEW, A.RETURN_FOR_CHANGES, R.REVIEWER, S.RETURNED, None),
        (S.RETURNED, A.REVISE, R.CLERK, S.REPLY_DRAFTED, None),
        (S.UNDER_REVIEW, A.APPROVE, R.REVIEWER, S.APPROVED, None),
        (S.APPROVED, A.ISSUE, R.CLERK, S.ISSUED, None),
        (S.ISSUED, A.DELIVER, R.CLERK, S.CLOSED, None),
        # An immediate answer (第三十三条第一款) can be drafted straight from registration.
        (S.RECEIVED, A.DRAFT_REPLY, R.CLERK, S.REPLY_DRAFTED, None),
    ],
)
def test_allowed_transitions(
    state: CaseState, action: Action, role: Role, target: CaseState, resolution: str | None
) -> None:
    t = transition(state, action, role)
    assert t.target == target
    # No transition closes a case by itself any more (issue 16): an outcome comes from an
    # issued reply only.
    assert resolution is None
    assert t.target is not S.CLOSED or action is A.DELIVER


@pytest.mark.parametrize(
    ("state", "action", "role", "message"),
    [
        # The clerk cannot approve an extension: only the 机构负责人 can.
        (S.EXTENSION_PENDING, A.APPROVE_EXTENSION, R.CLERK, "机构负责人"),
        # ... nor refuse it; the head does not withdraw the clerk's request.
        (S.EXTENSION_PENDING, A.REJECT_EXTENSION, R.CLERK, "机构负责人"),
        (S.EXTENSION_PENDING, A.WITHDRAW_EXTENSION, R.HEAD, "经办人"),
        # Nobody approves their own draft: review is the reviewer's.
        (S.UNDER_REVIEW, A.APPROVE, R.CLERK, "审核人"),
        # A supervisor watches but does not handle cases.
        (S.RECEIVED, A.START, R.SUPERVISOR, "经办人"),
        # An unreviewed draft cannot be issued.
        (S.REPLY_DRAFTED, A.ISSUE, R.CLERK, "不能执行该操作"),
        # A closed case has no further steps.
        (S.CLOSED, A.START, R.CLERK, "无（已办结）"),
        # Lapse only applies while awaiting a correction.
        (S.IN_PROGRESS, A.CORRECTION_LAPSED, R.SYSTEM, "不能执行该操作"),
        # 条例 第三十条 "无正当理由": the periodic job never decides a lapse, only a clerk does.
        (S.CORRECTION_LAPSE_PENDING, A.CONFIRM_LAPSE, R.SYSTEM, "经办人"),
        (S.FEE_LAPSE_PENDING, A.CONFIRM_LAPSE, R.SYSTEM, "经办人"),
        (S.CORRECTION_LAPSE_PENDING, A.EXCUSE_LAPSE, R.SYSTEM, "经办人"),
        # A lapse pending confirmation cannot be answered with any other reply.
        (S.CORRECTION_LAPSE_PENDING, A.DRAFT_REPLY, R.CLERK, "不能执行该操作"),
    ],
)
def test_refused_transitions_say_why_in_chinese(
    state: CaseState, action: Action, role: Role, message: str
) -> None:
    with pytest.raises(TransitionError, match=message):
        transition(state, action, role)


def test_a_lapse_is_decided_by_a_clerk_and_answered_by_its_own_letter() -> None:
    """条例 第三十条: 申请人无正当理由逾期不补正的，视为放弃申请 -- a finding only a person makes;
    the unpaid fee likewise (FEE_LAPSE_BASIS). Confirming leads to the （六）1/2 reply, excusing
    back to the wait it came from."""
    for pending, outcome in LAPSE_OUTCOMES.items():
        assert {t.action for t in allowed_actions(pending, R.SYSTEM)} == set()
        assert {t.action for t in allowed_actions(pending, R.CLERK)} == {A.EXCUSE_LAPSE, A.CONFIRM_LAPSE}
        assert transition(pending, A.EXCUSE_LAPSE, R.CLERK).target is LAPSE_FROM[pending]
        assert OUTCOMES[outcome].group is OutcomeGroup.OTHER
    assert LAPSE_OUTCOMES[S.CORRECTION_LAPSE_PENDING] == "other_overdue_correction"
    assert transition(S.CORRECTION_LAPSE_PENDING, A.CONFIRM_LAPSE, R.CLERK).legal_basis == "条例第三十条"
    assert transition(S.FEE_LAPSE_PENDING, A.CONFIRM_LAPSE, R.CLERK).legal_basis == FEE_LAPSE_BASIS
    assert CASE_STATE_LABELS[S.CORRECTION_LAPSE_PENDING] == "补正期限已过，待确认"


def test_each_state_and_action_pair_is_defined_once() -> None:
    pairs = [(t.source, t.action) for t in TRANSITIONS]
    assert len(pairs) == len(set(pairs))


def test_every_state_is_reachable_and_can_reach_closed() -> None:
    def reachable(start: CaseState, edges: dict[CaseState, set[CaseState]]) -> set[CaseState]:
        seen, queue = {start}, deque([start])
        while queue:
            for nxt in edges.get(queue.popleft(), set()):
                if nxt not in seen:
                    seen.add(nxt)
                    queue.append(nxt)
        return seen

    forward: dict[CaseState, set[CaseState]] = {}
    backward: dict[CaseState, set[CaseState]] = {}
    for t in TRANSITIONS:
        forward.setdefault(t.source, set()).add(t.target)
        backward.setdefault(t.target, set()).add(t.source)
    assert reachable(S.RECEIVED, forward) == set(CaseState)
    assert reachable(S.CLOSED, backward) == set(CaseState)


def test_allowed_actions_are_the_buttons_for_a_role() -> None:
    assert {t.action for t in allowed_actions(S.UNDER_REVIEW, R.REVIEWER)} == {
        A.APPROVE,
        A.RETURN_FOR_CHANGES,
    }
    assert allowed_actions(S.UNDER_REVIEW, R.CLERK) == ()


def test_open_and_resolved_states() -> None:
    assert not is_open(S.ISSUED) and not is_open(S.CLOSED)
    assert is_open(S.AWAITING_FEE) and is_open(S.RETURNED)
    assert set(CASE_STATE_LABELS) == set(CaseState)


def _regulation_text() -> str:
    path = SHARED / "reference" / "regulation.md"
    require(path.is_file(), f"the regulation's text is not at {path}")
    return path.read_text(encoding="utf-8")


def test_the_third_party_ground_quotes_article_15_verbatim() -> None:
    """条例 第十五条 -- “但是，第三方同意公开或者行政机关认为不公开会对公共利益造成重大影响的，予以公开。”"""
    article_15 = next(line for line in _regulation_text().splitlines() if line.startswith("第十五条 "))
    quoted = OUTCOMES["deny_thirdparty"].ground().text.split("第三十六条")[0]
    assert quoted == article_15.removeprefix("第十五条 ")
    assert "行政机关认为不公开" in quoted


def test_the_fee_lapse_cites_the_fee_rules_not_article_42_alone() -> None:
    """条例 第四十二条 only allows the fee; the payment period and the lapse are the fee rules'
    (fee-rules.md 4.2, the Sichuan notice restating 国办函〔2020〕109号)."""
    article_42 = next(line for line in _regulation_text().splitlines() if line.startswith("第四十二条 "))
    assert "视为放弃" not in article_42 and "缴纳" not in article_42
    lapse = transition(S.AWAITING_FEE, A.FEE_LAPSED, R.SYSTEM)
    for basis in (OUTCOMES["other_overdue_fee"].ground().article, lapse.legal_basis):
        assert basis is not None
        assert "国办函〔2020〕109号" in basis and "四川省财政厅" in basis

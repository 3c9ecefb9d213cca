"""Every letter kind: complete facts give a letter with every required element; each missing
fact blocks it; the remedies follow the law (复议前置 exactly for 条例第十四条至第十六条)."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
from letter_facts import ELEMENT_ATTRS, ISSUED, cleared, complete_facts

from gongkai.calendar import WorkingCalendar
from gongkai.deadlines import EXTENSION_MAX_WORKING_DAYS
from gongkai.letters import (
    LetterError,
    LetterKind,
    compose,
    letter_text,
    missing_elements,
    required_elements,
)
from gongkai.letters.fields import legal_basis
from gongkai.remedies import RECONSIDERATION_FIRST_TEXT
from gongkai.workflow.letter_elements import LETTER_ELEMENT_LABELS, LetterElement
from gongkai.workflow.outcomes import OUTCOMES, WithheldPart

ALL_KINDS = list(LetterKind)
OUTCOME_KINDS = [k for k in LetterKind if k.outcome is not None]


def test_one_kind_per_outcome_plus_procedural_letters() -> None:
    assert {k.value for k in OUTCOME_KINDS} == set(OUTCOMES)
    procedural = {k.value for k in LetterKind} - set(OUTCOMES)
    assert procedural == {
        "correction",
        "extension",
        "third_party_consultation",
        "third_party_disclosure_notice",
        "fee_notice",
        "receipt",
        # Issue 16, 条例 第三十五条: the request for reasons and the later reply date.
        "reasons_request",
        "later_reply",
    }


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_complete_facts_give_a_letter_with_every_element(kind: LetterKind) -> None:
    facts = complete_facts(kind)
    assert missing_elements(kind, facts) == ()
    letter = compose(kind, facts)
    text = letter_text(letter)
    assert letter.letterhead == letter.signature == "平阳县科学技术局"
    assert letter.date == "2026年8月3日"
    assert letter.title and letter.title in text
    assert "2025年度县级科技计划项目资金分配明细表" in text
    if kind is LetterKind.RECEIPT:
        assert letter.document_number == ""  # a receipt carries the 登记编号 instead
        assert "PY-KJ-2026-0042" in text and "2026年7月10日" in text
    else:
        assert letter.document_number == "平科信公〔2026〕3号"
        assert legal_basis(kind, facts) in text
    if kind.to_third_party:
        assert letter.addressee == "平阳某某科技有限公司："
        assert "张三丰" not in text  # the applicant's name is not given to the third party
    else:
        assert letter.addressee == "张三丰："
    if kind.outcome is not None or kind is LetterKind.THIRD_PARTY_DISCLOSURE_NOTICE:
        assert "60日" in text and "平阳县人民政府" in text and "申请行政复议" in text


@pytest.mark.parametrize("kind", OUTCOME_KINDS)
def test_reconsideration_first_exactly_for_refusals_under_14_to_16(kind: LetterKind) -> None:
    text = letter_text(compose(kind, complete_facts(kind)))
    first = RECONSIDERATION_FIRST_TEXT.format(
        law="《中华人民共和国行政复议法》", subject="本答复", body="平阳县人民政府", court="平阳县人民法院"
    )
    under_14_to_16 = OUTCOMES[kind.value].refusal_under_14_to_16 or kind is LetterKind.PARTIAL
    assert (first in text) is under_14_to_16
    # Direct litigation within 6 months is offered only where reconsideration is not required first.
    assert ("6个月内依法向平阳县人民法院提起行政诉讼" in text) is not under_14_to_16
    assert ("应当先向平阳县人民政府申请行政复议" in text) is under_14_to_16


@pytest.mark.parametrize(
    ("ground", "first"), [("deny_process", True), ("deny_thirdparty", True), ("deny_query", False)]
)
def test_partial_reconsideration_first_follows_the_withheld_grounds(ground: str, first: bool) -> None:
    facts = complete_facts(LetterKind.PARTIAL, withheld=(WithheldPart("第2页", ground),))
    text = letter_text(compose(LetterKind.PARTIAL, facts))
    assert ("应当先向平阳县人民政府申请行政复议" in text) is first
    assert "第2页" in text and OUTCOMES[ground].label.split(".", 1)[1] in text


def test_before_2024_no_reconsideration_first() -> None:
    facts = complete_facts(LetterKind.DENY_SECRET, issued_on=date(2023, 12, 29))
    text = letter_text(compose(LetterKind.DENY_SECRET, facts))
    assert "应当先向" not in text and "6个月内" in text


def test_court_defaults_to_people_s_court() -> None:
    facts = complete_facts(LetterKind.GRANTED, court=None)
    assert "6个月内依法向人民法院提起行政诉讼" in letter_text(compose(LetterKind.GRANTED, facts))


def _removals() -> list[tuple[LetterKind, LetterElement, str]]:
    cases = []
    for kind in LetterKind:
        facts = complete_facts(kind)
        for element in required_elements(kind, facts):
            for attr in ELEMENT_ATTRS.get(element, ()):
                # The legal basis has a default from the outcome's article; only outcomes without
                # one (reject_confirm, other_other) depend on the facts for it.
                if attr == "legal_basis" and legal_basis(kind, cleared(facts, attr)):
                    continue
                cases.append((kind, element, attr))
    return cases


@pytest.mark.parametrize(("kind", "element", "attr"), _removals())
def test_each_missing_fact_blocks_the_letter(kind: LetterKind, element: LetterElement, attr: str) -> None:
    facts = cleared(complete_facts(kind), attr)
    assert element in missing_elements(kind, facts)
    with pytest.raises(LetterError) as err:
        compose(kind, facts)
    assert LETTER_ELEMENT_LABELS[element] in err.value.message
    assert "不能出具" in err.value.message


def test_every_required_element_of_every_kind_is_tested_by_a_removal_or_a_template_phrase() -> None:
    covered = {(k, e) for k, e, _ in _removals()}
    phrase_only = {
        LetterElement.NOT_EXIST,
        LetterElement.NO_REPEAT,
        LetterElement.HANDLE_PER_LAW,
        LetterElement.NOT_AN_APPLICATION,
        LetterElement.NOT_PROCESSED,
        LetterElement.OUTCOME_AND_BASIS,  # default article: see test_letters_templates
    }
    for kind in LetterKind:
        for element in required_elements(kind, complete_facts(kind)):
            assert (kind, element) in covered or element in phrase_only, (kind, element)


def test_whitespace_is_not_a_value() -> None:
    facts = complete_facts(LetterKind.GRANTED, applicant_name="   ")
    assert missing_elements(LetterKind.GRANTED, facts) == (LetterElement.APPLICANT,)


def test_two_ground_outcomes_name_their_ground() -> None:
    facts = complete_facts(LetterKind.GRANTED, ground_key=None)
    with pytest.raises(LetterError, match="须指明依据"):
        compose(LetterKind.GRANTED, facts)


def test_already_public_tells_how_to_obtain() -> None:
    facts = complete_facts(LetterKind.GRANTED, ground_key="already_public", information_provided=None)
    text = letter_text(compose(LetterKind.GRANTED, facts))
    assert "已经主动公开" in text and "第三十六条第（一）项" in text and "电子邮件" in text
    assert missing_elements(LetterKind.GRANTED, cleared(facts, "delivery_how")) == (
        LetterElement.HOW_TO_OBTAIN,
    )


def test_not_ours_names_the_responsible_agency_and_how_to_reach_it() -> None:
    kind = LetterKind.UNABLE_NODATA
    facts = complete_facts(
        kind,
        ground_key="not_ours",
        not_ours_reasons="该信息由县财政局制作",
        responsible_agency_name="平阳县财政局",
        responsible_agency_contact="0577-63711111",
    )
    text = letter_text(compose(kind, facts))
    assert "不属于本机关负责公开" in text and "平阳县财政局" in text and "0577-63711111" in text
    assert "该政府信息不存在" not in text


def test_not_ours_when_the_responsible_agency_cannot_be_determined() -> None:
    kind = LetterKind.UNABLE_NODATA
    facts = complete_facts(
        kind, ground_key="not_ours", not_ours_reasons="不属于本机关职责", responsible_agency_undetermined=True
    )
    assert missing_elements(kind, facts) == ()
    assert "无法确定负责公开该政府信息的行政机关" in letter_text(compose(kind, facts))


def test_not_exist_says_so_in_the_regulation_s_words() -> None:
    text = letter_text(compose(LetterKind.UNABLE_NODATA, complete_facts(LetterKind.UNABLE_NODATA)))
    assert "该政府信息不存在" in text and "第三十六条第（四）项" in text


def test_partial_lists_each_withheld_part_with_its_ground() -> None:
    parts = (WithheldPart("专家评审打分表", "deny_process"), WithheldPart("企业银行账号", "deny_thirdparty"))
    text = letter_text(compose(LetterKind.PARTIAL, complete_facts(LetterKind.PARTIAL, withheld=parts)))
    regulation = "《中华人民共和国政府信息公开条例》"
    assert f"1. 专家评审打分表（属于四类过程性信息，依据{regulation}第十六条第二款" in text
    assert f"2. 企业银行账号（保护第三方合法权益，依据{regulation}第十五条" in text


@pytest.mark.parametrize(
    ("kind", "changes", "message"),
    [
        (LetterKind.EXTENSION, {"extension_days": 21}, "最长不得超过20个工作日"),
        (LetterKind.EXTENSION, {"extension_days": 0}, "最长不得超过20个工作日"),
        (LetterKind.CORRECTION, {"correction_due": ISSUED}, "补正期限"),
        (LetterKind.FEE_NOTICE, {"payment_due": date(2026, 8, 1)}, "缴费期限"),
        (LetterKind.THIRD_PARTY_CONSULTATION, {"consultation_due": ISSUED}, "意见的期限"),
        (LetterKind.FEE_NOTICE, {"fee_amount": 0}, "须大于0元"),
        (LetterKind.GRANTED, {"outcome_key": "partial"}, "不一致"),
        (LetterKind.DENY_SECRET, {"withheld": (WithheldPart("x", "deny_secret"),)}, "只有部分公开"),
    ],
)
def test_facts_the_law_does_not_allow(kind: LetterKind, changes: dict[str, object], message: str) -> None:
    facts = dataclasses.replace(complete_facts(kind), **changes)  # type: ignore[arg-type]
    with pytest.raises(LetterError, match=message):
        compose(kind, facts)


def test_fee_notice_states_basis_standard_amount_and_payment() -> None:
    text = letter_text(compose(LetterKind.FEE_NOTICE, complete_facts(LetterKind.FEE_NOTICE)))
    for phrase in (
        "第四十二条",
        "国办函〔2020〕109号",
        "按量计收",
        "31—100页的部分，10元/页",
        "人民币4700.00元",
        "统一公共支付平台",
        "2026年8月31日",
        "视为放弃申请",
    ):
        assert phrase in text


def test_correction_lists_items_and_due_date() -> None:
    text = letter_text(compose(LetterKind.CORRECTION, complete_facts(LetterKind.CORRECTION)))
    assert "1. 请写明所需信息的名称或文号" in text and "2. 请提供身份证明复印件" in text
    assert "2026年8月20日" in text and "第三十条" in text


def test_extension_states_the_period_and_new_due_date() -> None:
    text = letter_text(compose(LetterKind.EXTENSION, complete_facts(LetterKind.EXTENSION)))
    assert "延长20个工作日" in text and "2026年9月1日" in text and "负责人同意" in text


def test_letter_kind_value_is_accepted_as_a_string() -> None:
    letter = compose("granted", complete_facts(LetterKind.GRANTED))  # type: ignore[arg-type]
    assert letter.kind is LetterKind.GRANTED


# -- 条例 第三十三条第二款: the extension a letter states, checked by the letters domain itself --------


def test_an_extension_letter_refuses_a_new_date_beyond_twenty_working_days() -> None:
    """条例 第三十三条第二款: 延长的期限最长不得超过20个工作日 -- also when compose is called directly."""
    ordinary = date(2026, 8, 3)
    twenty_later = WorkingCalendar.official().add_working_days(ordinary, EXTENSION_MAX_WORKING_DAYS)
    facts = complete_facts(LetterKind.EXTENSION)
    allowed = dataclasses.replace(facts, reply_due=ordinary, new_due=twenty_later)
    assert "延长" in letter_text(compose(LetterKind.EXTENSION, allowed))
    too_late = dataclasses.replace(allowed, new_due=twenty_later + timedelta(days=1))
    with pytest.raises(LetterError, match="超过延长的20个工作日（条例第三十三条第二款）"):
        compose(LetterKind.EXTENSION, too_late)
    with pytest.raises(LetterError, match="超过延长的20个工作日"):
        missing_elements(LetterKind.EXTENSION, too_late)


def test_an_extension_letter_counts_on_the_calendar_it_is_given() -> None:
    """条例 第三十三条第二款: the working days are the agency's calendar's, when it passes one."""
    ordinary = date(2026, 8, 3)
    facts = dataclasses.replace(
        complete_facts(LetterKind.EXTENSION), extension_days=5, reply_due=ordinary, new_due=date(2026, 8, 11)
    )
    with pytest.raises(LetterError, match="晚6个工作日，超过延长的5个工作日"):
        compose(LetterKind.EXTENSION, facts)
    with pytest.raises(LetterError, match="无法核对延长的期限"):
        compose(LetterKind.EXTENSION, facts, calendar=WorkingCalendar([]))


def test_an_extended_date_must_follow_the_ordinary_one() -> None:
    facts = dataclasses.replace(
        complete_facts(LetterKind.EXTENSION), reply_due=date(2026, 9, 1), new_due=date(2026, 9, 1)
    )
    with pytest.raises(LetterError, match="须晚于原答复期限"):
        compose(LetterKind.EXTENSION, facts)


def test_an_extension_letter_without_the_date_it_extends_is_refused() -> None:
    """条例 第三十三条第二款, issue 16 point 8: called directly without the ordinary due date, the
    limit cannot be checked, so the letter is refused rather than issued unchecked."""
    facts = dataclasses.replace(complete_facts(LetterKind.EXTENSION), reply_due=None)
    with pytest.raises(LetterError, match="须给出原答复期限"):
        compose(LetterKind.EXTENSION, facts)

"""The applicant's remedies (gongkai.remedies): every text that states a filing period is built
from the period's constant (行政复议法 第二十条; 行政诉讼法 第四十五条、第四十六条)."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai import remedies
from gongkai.letters.fields import remedies as remedies_paragraph
from gongkai.letters.model import LetterFacts, LetterKind
from gongkai.workflow.letter_elements import LETTER_ELEMENT_LABELS, LetterElement


def test_the_periods_are_the_statutes() -> None:
    """行政复议法 第二十条: 六十日; 行政诉讼法 第四十六条: 六个月; 第四十五条: 十五日."""
    assert (remedies.RECONSIDERATION_DAYS, remedies.DIRECT_LITIGATION_MONTHS) == (60, 6)
    assert remedies.AFTER_RECONSIDERATION_DAYS == 15


@pytest.mark.parametrize(
    ("n", "words"), [(6, "六"), (10, "十"), (15, "十五"), (20, "二十"), (60, "六十"), (99, "九十九")]
)
def test_chinese_numbers(n: int, words: str) -> None:
    assert remedies.chinese_number(n) == words


def test_every_text_follows_the_constants(monkeypatch: pytest.MonkeyPatch) -> None:
    """Statutory wording (六十日、六个月、十五日) and letter wording (60日、6个月、15日) agree."""
    assert "六十日内" in remedies.RECONSIDERATION_DESCRIPTION
    assert "六个月内" in remedies.DIRECT_LITIGATION_DESCRIPTION
    assert "十五日内" in remedies.AFTER_RECONSIDERATION_DESCRIPTION
    assert remedies.RECONSIDERATION_DESCRIPTION in remedies.FILING_PERIODS_NOTE
    assert "60日内" in remedies.REMEDIES_TEXT and "6个月内" in remedies.REMEDIES_TEXT
    assert "60日内" in remedies.RECONSIDERATION_FIRST_TEXT and "15日内" in remedies.RECONSIDERATION_FIRST_TEXT
    assert LETTER_ELEMENT_LABELS[LetterElement.REMEDIES] == remedies.REMEDIES_ELEMENT_LABEL
    assert "60日内" in remedies.REMEDIES_ELEMENT_LABEL and "6个月内" in remedies.REMEDIES_ELEMENT_LABEL


def test_a_letter_states_the_periods_of_the_constants() -> None:
    facts = LetterFacts(reconsideration_body="示例市人民政府", issued_on=date(2023, 6, 1))
    text = remedies_paragraph(LetterKind.GRANTED, facts)
    assert f"{remedies.RECONSIDERATION_DAYS}日内向示例市人民政府申请行政复议" in text
    assert f"{remedies.DIRECT_LITIGATION_MONTHS}个月内依法向人民法院提起行政诉讼" in text


def test_the_periods_count_from_their_constants() -> None:
    start = date(2026, 3, 2)
    assert (remedies.reconsideration_period(start).nominal_end - start).days == remedies.RECONSIDERATION_DAYS
    after = remedies.litigation_after_reconsideration_period(start)
    assert (after.nominal_end - start).days == remedies.AFTER_RECONSIDERATION_DAYS
    assert remedies.direct_litigation_period(start).nominal_end == date(2026, 9, 2)

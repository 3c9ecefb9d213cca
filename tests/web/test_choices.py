"""How a closed vocabulary is declared (gongkai.web.choices): a label alone, or (value, label)."""

from __future__ import annotations

from gongkai.web.applications.vocabulary import IdType, SubmissionChannel
from gongkai.web.choices import Choices


class Answer(Choices):
    AGREE = "同意公开"
    NO_ANSWER = "逾期未答复"
    LEGACY = "old-code", "旧代码"


def test_a_label_alone_stores_the_name_in_lower_case() -> None:
    assert Answer.NO_ANSWER == "no_answer"
    assert Answer.of("no_answer") is Answer.NO_ANSWER
    assert Answer.NO_ANSWER.label == "逾期未答复"


def test_a_pair_keeps_its_own_value_and_the_order_is_the_declarations() -> None:
    assert Answer.LEGACY == "old-code" and Answer.LEGACY.label == "旧代码"
    assert Answer.choices() == [("agree", "同意公开"), ("no_answer", "逾期未答复"), ("old-code", "旧代码")]


def test_stored_values_of_the_apps_vocabularies_are_unchanged() -> None:
    assert IdType.labels()["resident_id"] == "居民身份证"
    assert SubmissionChannel.POST_SIGNED == "post_signed"

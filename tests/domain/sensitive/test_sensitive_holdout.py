"""The held-out corpus is well-formed (its labels are exact); the detector's quality is NOT asserted here.

The measurement (bench/bench_sensitive_holdout.py) is for the record; the lead decides what to assert.
"""

from __future__ import annotations

from collections import Counter

from gongkai.sensitive import Kind
from gongkai.sensitive.holdout_corpus import HoldoutCase, holdout_cases, id18_check, luhn_ok, uscc_check
from support.labelled_corpus import (
    assert_check_characters,
    assert_formats,
    assert_id_numbers_valid,
    assert_spans_exact,
    corpus_fixture,
)

cases = corpus_fixture(holdout_cases)


def test_at_least_300_documents_of_every_genre(cases: list[HoldoutCase]) -> None:
    assert len(cases) >= 300
    genres = Counter(case.document.genre for case in cases)
    assert len(genres) >= 14 and min(genres.values()) >= 15


def test_every_kind_is_present(cases: list[HoldoutCase]) -> None:
    kinds = Counter(e.kind for case in cases for e in case.document.entities)
    assert set(kinds) == set(Kind)
    assert min(kinds.values()) >= 50


def test_spans_equal_slices_and_do_not_overlap(cases: list[HoldoutCase]) -> None:
    assert_spans_exact(cases)


def test_deterministic_for_a_seed_and_different_across_seeds() -> None:
    assert holdout_cases(7, 2) == holdout_cases(7, 2)
    assert holdout_cases(7, 2) != holdout_cases(8, 2)


def test_id_numbers_are_valid(cases: list[HoldoutCase]) -> None:
    lengths = assert_id_numbers_valid(cases)
    assert lengths[15] >= 20 and lengths[18] >= 200


def test_check_digits_of_cards_and_credit_codes(cases: list[HoldoutCase]) -> None:
    assert_check_characters(cases)


def test_check_functions_agree_with_known_values() -> None:
    # GB 11643's published example number and a Luhn test number; a GB 32100 code from its standard.
    assert id18_check("11010519491231002") == "X"
    assert luhn_ok("4111111111111111") and not luhn_ok("4111111111111112")
    assert uscc_check("91350100M000100Y4") == "3"


def test_other_formats(cases: list[HoldoutCase]) -> None:
    patterns = {
        Kind.EMAIL: r"[\w.]+@[a-z0-9]+\.[a-z]+",
        Kind.PASSPORT: r"[EGC][A-Z]?\d{7,8}",
        Kind.LICENSE_PLATE: r"[\u4e00-\u9fff][A-Z][· ]?[0-9A-Z]{5,6}",
        Kind.MOBILE_PHONE: r"(\+86[ -])?[1１][0-9０-９ -]{10,12}",
    }
    assert_formats(cases, patterns)


def test_decoys_cover_the_agreed_kinds_and_names_are_never_masked_or_mou(cases: list[HoldoutCase]) -> None:
    kinds = Counter(d.what for case in cases for d in case.decoys)
    expected = {"文号", "索引号", "准考证号", "案号", "不动产单元号", "金额", "日期", "脱敏"}
    assert expected | {"机关地址", "热线", "姓名(某)", "小X"} <= set(kinds)
    for case in cases:
        for e in case.document.entities:
            if e.kind is Kind.PERSON_NAME:
                assert 2 <= len(e.text) <= 4 and "某" not in e.text and "*" not in e.text, e.text

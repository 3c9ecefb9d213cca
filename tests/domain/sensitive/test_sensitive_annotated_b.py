"""Volume B of the hand-written annotated corpus is well-formed; the detector's quality is NOT asserted.

The checks shared with volumes A and C are in test_sensitive_annotated_volumes.py; the measurement is
``bench/bench_sensitive_holdout.py --corpus annotated_b``, for the record.
"""

from __future__ import annotations

from collections import Counter

from gongkai.sensitive import Kind
from gongkai.sensitive.annotated_corpus import AnnotatedCase, annotated_cases
from gongkai.sensitive.annotated_corpus_b import annotated_cases_b
from support import labelled_corpus as shared

FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


cases = shared.corpus_fixture(annotated_cases_b)


def test_the_spread_of_kinds_and_decoys(cases: list[AnnotatedCase]) -> None:
    kinds = Counter(e.kind for case in cases for e in case.document.entities)
    assert set(kinds) == set(Kind) and min(kinds.values()) >= 40, kinds
    assert sum(kinds.values()) >= 1400
    assert {kind for kind, _ in kinds.most_common(2)} == {Kind.PERSON_NAME, Kind.ADDRESS}
    decoys = Counter(d.what for case in cases for d in case.decoys)
    assert sum(decoys.values()) >= 300
    expected = {"文号", "索引号", "案号", "金额", "日期", "脱敏", "姓名(某)", "机关", "机关地址", "热线"}
    assert expected <= set(decoys)


def test_set_outside_zhejiang_and_disjoint_from_volume_a(cases: list[AnnotatedCase]) -> None:
    ids = [e.text for case in cases for e in case.document.entities if e.kind is Kind.ID_CARD]
    assert not [i for i in ids if i.translate(FULL_WIDTH).startswith("33")]
    assert len({i.translate(FULL_WIDTH)[:2] for i in ids}) >= 15  # many provinces, not one
    volume_a = {case.document.text for case in annotated_cases()}
    assert not volume_a & {case.document.text for case in cases}

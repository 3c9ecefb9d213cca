"""Volume C of the annotated corpus is well-formed; the detector's quality is NOT asserted here.

Volume C holds documents as they look after conversion (PDF text, web copies, CSV, OCR, Word
forms, messages). The measurement is ``bench/bench_sensitive_holdout.py --corpus annotated_c``, made
by the lead, for the record.
"""

from __future__ import annotations

from collections import Counter

from gongkai.sensitive import Kind
from gongkai.sensitive.annotated_corpus import AnnotatedCase
from gongkai.sensitive.annotated_corpus_c import annotated_cases_c
from support import labelled_corpus as shared

cases = shared.corpus_fixture(annotated_cases_c)


def test_names_and_addresses_are_many_and_every_kind_is_spread(cases: list[AnnotatedCase]) -> None:
    kinds = Counter(e.kind for case in cases for e in case.document.entities)
    assert set(kinds) == set(Kind)
    assert sum(kinds.values()) >= 1200
    assert kinds[Kind.PERSON_NAME] >= 500 and kinds[Kind.ADDRESS] >= 200, kinds
    assert min(kinds.values()) >= 40, kinds


def test_decoys_are_many_and_of_every_kind_the_policy_names(cases: list[AnnotatedCase]) -> None:
    decoys = Counter(d.what for case in cases for d in case.decoys)
    assert sum(decoys.values()) >= 500
    expected = {"文号", "索引号", "案号", "金额", "日期", "脱敏", "姓名(某)", "机关", "机关地址",
                "单位地址", "热线", "职务", "地名"}
    assert expected <= set(decoys), expected - set(decoys)


def test_the_conversion_artefacts_are_there(cases: list[AnnotatedCase]) -> None:
    """What makes this volume: values broken across a line end, tabs, form feeds, whole pages on
    one line, CSV rows, 【】 forms and blanks."""
    texts = [case.document.text for case in cases]
    broken = [e for case in cases for e in case.document.entities if "\n" in e.text]
    assert {e.kind for e in broken} >= {Kind.PERSON_NAME, Kind.ADDRESS}
    assert len(broken) >= 40
    assert sum("\t" in t for t in texts) >= 10
    assert sum("\x0c" in t for t in texts) >= 3
    assert sum(len(t) > 300 and "\n" not in t for t in texts) >= 5
    assert sum(t.count(",") > 3 * t.count("\n") > 0 for t in texts) >= 15
    assert sum("【" in t for t in texts) >= 5 and sum("__" in t or "＿＿" in t for t in texts) >= 3


def test_regions_span_the_country(cases: list[AnnotatedCase]) -> None:
    """Identity numbers come from at least 25 of the 31 province-level divisions."""
    ids = [e.text for case in cases for e in case.document.entities if e.kind is Kind.ID_CARD]
    provinces = {number.replace(" ", "")[:2] for number in ids}
    assert len(provinces) >= 25, sorted(provinces)

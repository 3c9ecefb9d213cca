"""Volume E of the annotated corpus is well-formed; the detector's quality is NOT asserted here.

Volume E holds unseen long documents in running prose (笔录, 会议记录, 判决书, 调查报告, 事迹材料,
答复书, 走访记录 ...), where personal data sits inside sentences. The shared checks run on it in
test_sensitive_annotated_volumes; what belongs to volume E alone is here. The measurement is
``bench/bench_sensitive_holdout.py --corpus annotated_e``, made by the lead.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter

from gongkai.sensitive import Kind
from gongkai.sensitive.annotated_corpus import AnnotatedCase, annotated_cases
from gongkai.sensitive.annotated_corpus_b import annotated_cases_b
from gongkai.sensitive.annotated_corpus_c import annotated_cases_c
from gongkai.sensitive.annotated_corpus_d import annotated_cases_d
from gongkai.sensitive.annotated_corpus_e import annotated_cases_e
from support import labelled_corpus as shared

cases = shared.corpus_fixture(annotated_cases_e)

_TO_ASCII = str.maketrans("０１２３４５６７８９", "0123456789")


def _line_around(text: str, start: int) -> str:
    begin = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    return text[begin : end if end >= 0 else len(text)]


def _is_prose(line: str) -> bool:
    """A sentence line, not a list row, a table cell or a short 标签：值 field."""
    sentence = len(line) >= 60 and bool(re.search("[，。]", line))
    return sentence and "\t" not in line and not line.startswith("|")


def test_entities_are_many_with_names_and_addresses_the_most(cases: list[AnnotatedCase]) -> None:
    kinds = Counter(e.kind for case in cases for e in case.document.entities)
    assert set(kinds) == set(Kind)
    assert sum(kinds.values()) >= 1300, kinds
    assert kinds[Kind.PERSON_NAME] >= 600 and kinds[Kind.ADDRESS] >= 200, kinds
    assert {kind for kind, _ in kinds.most_common(2)} == {Kind.PERSON_NAME, Kind.ADDRESS}
    assert min(kinds.values()) >= 40, kinds


def test_decoys_are_many_and_of_every_kind_the_task_names(cases: list[AnnotatedCase]) -> None:
    decoys = Counter(d.what for case in cases for d in case.decoys)
    assert sum(decoys.values()) >= 900, decoys
    expected = {"文号", "索引号", "案号", "编号", "证号", "金额", "日期", "脱敏", "姓名(某)", "机关",
                "机关地址", "单位", "单位地址", "热线", "地名"}
    assert expected <= set(decoys), expected - set(decoys)


def test_documents_are_long_and_the_names_sit_in_sentences(cases: list[AnnotatedCase]) -> None:
    """Running prose: a median document of 600 characters or more, none under 400, and most names
    in sentence lines rather than in lists, tables or short fields."""
    lengths = [len(case.document.text) for case in cases]
    assert statistics.median(lengths) >= 600 and min(lengths) >= 400, sorted(lengths)[:10]
    names = [(case.document.text, e.start) for case in cases for e in case.document.entities
             if e.kind is Kind.PERSON_NAME]
    in_prose = sum(_is_prose(_line_around(text, start)) for text, start in names)
    assert in_prose / len(names) >= 0.6, in_prose / len(names)
    texts = [case.document.text for case in cases]
    assert not any("\t" in text or re.search(r"^\|", text, re.M) for text in texts)


def test_hard_cases_of_prose_are_there(cases: list[AnnotatedCase]) -> None:
    """Names that are also words, masked names as decoys, and people named again and again."""
    names = Counter(e.text for case in cases for e in case.document.entities if e.kind is Kind.PERSON_NAME)
    assert {"高峰", "金鑫", "江山", "白雪"} <= set(names)
    masked = [d for case in cases for d in case.decoys if d.what == "姓名(某)"]
    assert len(masked) >= 15
    most_named = [
        max(Counter(e.text for e in case.document.entities if e.kind is Kind.PERSON_NAME).values())
        for case in cases
    ]
    assert sum(times >= 4 for times in most_named) >= 40


def test_values_come_from_many_provinces_and_some_are_full_width(cases: list[AnnotatedCase]) -> None:
    ids = [e.text for case in cases for e in case.document.entities if e.kind is Kind.ID_CARD]
    assert len({number.translate(_TO_ASCII)[:2] for number in ids}) >= 20
    wide = [e for case in cases for e in case.document.entities if re.search("[０-９]", e.text)]
    assert {e.kind for e in wide} >= {Kind.ID_CARD, Kind.MOBILE_PHONE, Kind.LANDLINE_PHONE}


def test_no_document_is_one_of_the_other_volumes(cases: list[AnnotatedCase]) -> None:
    others = {case.document.text
              for load in (annotated_cases, annotated_cases_b, annotated_cases_c, annotated_cases_d)
              for case in load()}
    assert not others & {case.document.text for case in cases}

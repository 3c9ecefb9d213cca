"""Volume F of the annotated corpus is well-formed; the detector's quality is NOT asserted here.

Volume F holds unseen whole documents, each composed on its own at a published document's length
(header block, prose, a table or list where the genre has one, closing and signature), in genres
volumes A–E did not use. The shared checks run on it in test_sensitive_annotated_volumes; what
belongs to volume F alone is here. The measurement is
``bench/bench_sensitive_holdout.py --corpus annotated_f``, made by the lead.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from importlib import resources

from gongkai.sensitive import Kind
from gongkai.sensitive import annotated_corpus_f as volume_f
from gongkai.sensitive.annotated_corpus import AnnotatedCase, annotated_cases
from gongkai.sensitive.annotated_corpus_b import annotated_cases_b
from gongkai.sensitive.annotated_corpus_c import annotated_cases_c
from gongkai.sensitive.annotated_corpus_d import annotated_cases_d
from gongkai.sensitive.annotated_corpus_e import annotated_cases_e
from support import labelled_corpus as shared

cases = shared.corpus_fixture(volume_f.annotated_cases_f)

_TO_ASCII = str.maketrans("０１２３４５６７８９Ｘ", "0123456789X")
_OTHER_VOLUMES = (annotated_cases, annotated_cases_b, annotated_cases_c, annotated_cases_d, annotated_cases_e)
_COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "申屠", "司徒", "慕容")


def _names(cases: list[AnnotatedCase]) -> list[str]:
    return [e.text for case in cases for e in case.document.entities if e.kind is Kind.PERSON_NAME]


def test_every_genre_file_is_listed() -> None:
    files = {p.name.removesuffix(".txt") for p in resources.files(volume_f.__name__).iterdir()
             if p.name.endswith(".txt")}
    assert files == set(volume_f.GENRES)


def test_documents_are_many_and_as_long_as_published_ones(cases: list[AnnotatedCase]) -> None:
    """At least 80 distinct documents and 90,000 characters; a median of 900 or more, some of
    2,000 or more, none a short fragment."""
    lengths = [len(case.document.text) for case in cases]
    assert len(cases) >= 80 and len({case.document.text for case in cases}) == len(cases)
    assert sum(lengths) >= 90_000, sum(lengths)
    assert statistics.median(lengths) >= 900 and min(lengths) >= 600, sorted(lengths)[:5]
    assert sum(length >= 2000 for length in lengths) >= 3


def test_entities_are_many_with_names_the_most_and_every_kind_present(cases: list[AnnotatedCase]) -> None:
    kinds = Counter(e.kind for case in cases for e in case.document.entities)
    assert set(kinds) == set(Kind)
    assert sum(kinds.values()) >= 1500, kinds
    assert kinds.most_common(1)[0][0] is Kind.PERSON_NAME
    assert min(kinds.values()) >= 30, kinds


def test_decoys_are_many_and_of_every_kind_the_task_names(cases: list[AnnotatedCase]) -> None:
    decoys = Counter(d.what for case in cases for d in case.decoys)
    assert sum(decoys.values()) >= 600, decoys
    expected = {"文号", "索引号", "案号", "编号", "证号", "金额", "日期", "面积", "脱敏", "姓名(某)", "机关",
                "机关地址", "单位", "单位地址", "热线", "地名"}
    assert expected <= set(decoys), expected - set(decoys)


def test_genres_are_many_and_none_is_a_genre_of_volumes_a_to_e(cases: list[AnnotatedCase]) -> None:
    genres = {case.document.genre for case in cases}
    others = {case.document.genre for load in _OTHER_VOLUMES for case in load()}
    assert len(genres) >= 40
    assert not genres & others, genres & others


def test_identity_numbers_come_from_all_31_provinces_in_both_generations(cases: list[AnnotatedCase]) -> None:
    ids = [e.text.translate(_TO_ASCII) for case in cases for e in case.document.entities
           if e.kind is Kind.ID_CARD]
    assert {number[:2] for number in ids} == shared.PROVINCE_CODES
    lengths = Counter(len(number) for number in ids)
    assert lengths[15] >= 25 and lengths[18] >= 150, lengths


def test_compound_surnames_and_names_without_a_han_surname_occur(cases: list[AnnotatedCase]) -> None:
    """Compound surnames (a little above their census share, so that some occur), Uyghur names
    with ·, and Tibetan, Mongolian, Yi, Dai and Korean names written as their bearers write them."""
    names = set(_names(cases))
    assert len({name[:2] for name in names if name[:2] in _COMPOUND_SURNAMES}) >= 6
    assert sum("·" in name for name in names) >= 5
    assert {"次仁卓玛", "巴特尔", "吉克曲布", "岩温", "玉香", "加洋才让", "金美善"} <= names


def test_layouts_and_full_width_values_are_mixed(cases: list[AnnotatedCase]) -> None:
    """Markdown pipe tables and tab-separated tables beside prose; some values in full-width digits."""
    texts = [case.document.text for case in cases]
    assert sum(bool(re.search(r"^\|.*\|$", text, re.M)) for text in texts) >= 5
    assert sum("\t" in text for text in texts) >= 3
    wide = {e.kind for case in cases for e in case.document.entities if re.search("[０-９]", e.text)}
    assert wide >= {Kind.ID_CARD, Kind.MOBILE_PHONE, Kind.LANDLINE_PHONE}


def test_people_are_named_again_in_the_same_document(cases: list[AnnotatedCase]) -> None:
    """Later full mentions are labelled too: in many documents someone is named four times or more."""
    most_named = [max(Counter(e.text for e in case.document.entities if e.kind is Kind.PERSON_NAME).values())
                  for case in cases]
    assert sum(times >= 4 for times in most_named) >= 20


def test_no_document_is_one_of_the_other_volumes(cases: list[AnnotatedCase]) -> None:
    others = {case.document.text for load in _OTHER_VOLUMES for case in load()}
    assert not others & {case.document.text for case in cases}

"""Volume D of the annotated corpus is well-formed; the detector's quality is NOT asserted here.

Volume D holds unseen documents written by another writer and method: values drawn from published
distributions in all 31 provinces, genres not emphasised by volumes A–C, mixed layouts. The shared
checks run on it in test_sensitive_annotated_volumes; what belongs to volume D alone is here. The
measurement is ``bench/bench_sensitive_holdout.py --corpus annotated_d``, made by the lead.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from gongkai.sensitive import Kind
from gongkai.sensitive.annotated_corpus import AnnotatedCase, parse
from gongkai.sensitive.annotated_corpus_d import annotated_cases_d
from support import labelled_corpus as shared

cases = shared.corpus_fixture(annotated_cases_d)

_TO_ASCII = str.maketrans("０１２３４５６７８９", "0123456789")
COMPOUND_SURNAMES = ("欧阳", "司徒", "上官", "司马", "诸葛", "皇甫", "令狐", "申屠", "端木", "慕容", "夏侯",
                     "东方")


def _names(cases: list[AnnotatedCase]) -> list[str]:
    return [e.text for case in cases for e in case.document.entities if e.kind is Kind.PERSON_NAME]


def test_entities_are_1500_to_2500_with_names_and_addresses_the_most(cases: list[AnnotatedCase]) -> None:
    kinds = Counter(e.kind for case in cases for e in case.document.entities)
    assert set(kinds) == set(Kind)
    assert 1500 <= sum(kinds.values()) <= 2500, kinds
    assert kinds[Kind.PERSON_NAME] >= 800 and kinds[Kind.ADDRESS] >= 250, kinds
    assert {kind for kind, _ in kinds.most_common(2)} == {Kind.PERSON_NAME, Kind.ADDRESS}
    assert min(kinds.values()) >= 40, kinds


def test_decoys_are_many_and_of_every_kind_the_task_names(cases: list[AnnotatedCase]) -> None:
    decoys = Counter(d.what for case in cases for d in case.decoys)
    assert sum(decoys.values()) >= 1000
    expected = {"文号", "索引号", "案号", "编号", "证号", "金额", "日期", "脱敏", "姓名(某)", "机关",
                "机关地址", "单位", "单位地址", "热线", "地名"}
    assert expected <= set(decoys), expected - set(decoys)
    assert decoys["证号"] >= 50  # 执法证号, 优待证编号, 律师执业证号
    assert decoys["脱敏"] + decoys["姓名(某)"] >= 50


def test_the_layouts_are_mixed(cases: list[AnnotatedCase]) -> None:
    """Markdown pipe tables, tab-separated rows, numbered lists, key：value forms, documents on one
    line, and values in full-width digits."""
    texts = [case.document.text for case in cases]
    assert sum(bool(re.search(r"^\|---", t, re.M)) for t in texts) >= 10
    assert sum("\t" in t for t in texts) >= 10
    assert sum(bool(re.search(r"^1\. ", t, re.M)) for t in texts) >= 5
    assert sum(len(re.findall(r"^[^\s：]{2,8}：", t, re.M)) >= 8 for t in texts) >= 10
    assert sum(len(t) > 400 and "\n" not in t for t in texts) >= 5
    wide = [e for case in cases for e in case.document.entities if re.search("[０-９]", e.text)]
    assert {e.kind for e in wide} >= {Kind.ID_CARD, Kind.MOBILE_PHONE, Kind.LANDLINE_PHONE}
    assert len(wide) >= 20


def test_identity_numbers_come_from_all_31_provinces(cases: list[AnnotatedCase]) -> None:
    ids = [e.text for case in cases for e in case.document.entities if e.kind is Kind.ID_CARD]
    provinces = {number.translate(_TO_ASCII)[:2] for number in ids}
    assert provinces == shared.PROVINCE_CODES


def test_names_follow_the_published_distributions(cases: list[AnnotatedCase]) -> None:
    """Common surnames lead, compound surnames are rare but present, minority names are there (with
    ``·`` and 3–6-character names without a surname), and two-character names are common."""
    names = _names(cases)
    han = [n for n in names if "·" not in n and len(n) <= 3]
    top = {surname for surname, _ in Counter(n[0] for n in han).most_common(8)}
    assert {"王", "李", "张", "刘"} <= top, top
    compound = [n for n in names if n.startswith(COMPOUND_SURNAMES)]
    assert 3 <= len(compound) <= len(names) // 50, compound
    assert sum("·" in n for n in names) >= 10
    assert sum("·" not in n and len(n) >= 4 and not n.startswith(COMPOUND_SURNAMES) for n in names) >= 30
    assert sum(len(n.replace("　", "")) == 2 for n in names) >= 150


def test_the_shared_check_allows_pipes_only_as_markdown_cell_separators() -> None:
    """The shared check takes a Markdown table row's ``|`` and still finds a bracket left open in it."""
    table = [parse("| 姓名 | 文号 |\n|---|---|\n| 〔姓名|王芳〕 | 〔文号|某政发〔2025〕1号〕 |", "表")]
    shared.assert_no_annotation_left(table)
    for bad in ("姓名|王芳", "| 〔长长长长长长长|王芳〕 |", "| 王芳 |\n| 〔长长长长长长长|王芳〕"):
        with pytest.raises(AssertionError):
            shared.assert_no_annotation_left([parse(bad, "表")])

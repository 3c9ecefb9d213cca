"""The hand-written annotated corpus is well-formed; the detector's quality is NOT asserted here.

The measurement is ``bench/bench_sensitive_holdout.py --corpus annotated``, for the record.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from importlib import resources
from types import ModuleType

import pytest

from gongkai.sensitive import Kind
from gongkai.sensitive.annotated_corpus import (
    AnnotatedCase,
    AnnotationError,
    annotated_cases,
    genre_documents,
    parse,
)
from gongkai.sensitive.annotated_volumes import VOLUMES
from support import labelled_corpus as shared

cases = shared.corpus_fixture(annotated_cases)


def test_every_kind_is_present_with_names_and_addresses_the_largest(cases: list[AnnotatedCase]) -> None:
    kinds = Counter(e.kind for case in cases for e in case.document.entities)
    assert set(kinds) == set(Kind)
    assert min(kinds.values()) >= 40, kinds
    assert sum(kinds.values()) >= 1500
    largest = [kind for kind, _ in kinds.most_common(2)]
    assert set(largest) == {Kind.PERSON_NAME, Kind.ADDRESS}


def test_decoys_are_many_and_varied(cases: list[AnnotatedCase]) -> None:
    decoys = Counter(d.what for case in cases for d in case.decoys)
    assert sum(decoys.values()) >= 300
    expected = {"文号", "索引号", "案号", "金额", "日期", "脱敏", "姓名(某)", "机关", "机关地址", "热线"}
    assert expected <= set(decoys)


def test_parse_gives_exact_spans_and_keeps_a_document_numbers_own_brackets() -> None:
    case = parse("〔姓名|张三丰〕诉〔机关|某局〕，〔文号|浙政办发〔2023〕12号〕", "测试")
    assert case.document.text == "张三丰诉某局，浙政办发〔2023〕12号"
    [name] = case.document.entities
    assert (name.kind, name.start, name.end) == (Kind.PERSON_NAME, 0, 3)
    assert [(d.what, d.text) for d in case.decoys] == [("机关", "某局"), ("文号", "浙政办发〔2023〕12号")]
    assert parse("见〔2023〕12号", "测试").document.text == "见〔2023〕12号"


@pytest.mark.parametrize(
    ("annotated", "message"),
    [
        ("〔姓名|张三", "line 1: annotation is not closed"),
        ("第一行\n〔名字|张三〕", "line 2: unknown label '名字'"),
        ("〔姓名|〕", "empty value"),
        ("〔姓名| 张三〕", "outer spaces"),
        ("〔地址|〔姓名|张三〕家〕", "nested annotation"),
    ],
)
def test_malformed_annotations_are_refused_with_a_clear_message(annotated: str, message: str) -> None:
    with pytest.raises(AnnotationError, match=re.escape(message)):
        parse(annotated, "测试", "doc")


def test_a_genre_file_is_split_at_its_genre_lines_and_keeps_tabs_and_form_feeds() -> None:
    source = "# 说明\n\n=== 公示 ===\n〔姓名|张三〕\t男\n\x0c第2页\n\n=== 公告 ===\n=== 不是标题\n"
    documents = [("公示", "〔姓名|张三〕\t男\n\x0c第2页\n"), ("公告", "=== 不是标题\n")]
    assert genre_documents(source, "x") == documents
    assert parse(genre_documents(source, "x")[0][1], "公示").document.text == "张三\t男\n\x0c第2页"


def test_text_before_the_first_genre_line_is_refused() -> None:
    message = "c.land line 2: text before the first === genre ==="
    with pytest.raises(AnnotationError, match=re.escape(message)):
        genre_documents("# 说明\n〔姓名|张三〕\n=== 公示 ===\n", "c.land")


# Each volume's package: the module that defines its loader (``annotated_volumes.VOLUMES``).
@pytest.mark.parametrize("volume", [sys.modules[load.__module__] for load in VOLUMES.values()])
def test_every_genre_file_of_a_volume_is_read(volume: ModuleType) -> None:
    package = resources.files(volume.__name__)
    files = {entry.name.removesuffix(".txt") for entry in package.iterdir() if entry.name.endswith(".txt")}
    assert files == set(volume.GENRES)

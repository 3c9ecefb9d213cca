"""The detector's gates (a cheap test that spares a costly one) pass over only what cannot match."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.sensitive import Finding, Kind, detect
from gongkai.sensitive.corpus import generate
from gongkai.sensitive.model import make_finding
from gongkai.sensitive.normalize import normalize
from gongkai.sensitive.recognizers import addresses
from gongkai.sensitive.recognizers.addresses import ADDRESS_PATTERN, ADDRESS_WORD_CHARS, AddressRecognizer
from gongkai.sensitive.registry import resolve_overlaps

_WORD_CHARS = frozenset(ADDRESS_WORD_CHARS)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.from_regex(ADDRESS_PATTERN, fullmatch=True))
def test_every_address_the_expression_reads_holds_an_address_word_character(address: str) -> None:
    # The address search is skipped where its window holds none of these characters: each branch
    # of the expression must read one (hypothesis writes strings of every branch).
    assert not _WORD_CHARS.isdisjoint(address), address


def test_every_address_found_in_the_corpus_holds_an_address_word_character() -> None:
    pattern = AddressRecognizer.pattern
    texts = [normalize(d.text) for d in generate(20231, 120)]
    spans = [m[0] for text in texts for m in pattern.finditer(text)]
    assert len(spans) > 50
    assert all(not _WORD_CHARS.isdisjoint(span) for span in spans)


def _random_address_text(rng: random.Random) -> str:
    pieces = [
        "住址：", "，", "文号〔2023〕", "12号", "3幢", "2单元", "401室", "中山路", "88号", "新丰镇", "胜利村",
        "张家宅", "巴音嘎查", "\n", "  ", "第5组", "-", "6-1-702", "金色家园", "一四三团七连", "户籍地", "于",
    ]
    return "".join(rng.choice(pieces) for _ in range(rng.randint(3, 14)))


def test_address_findings_are_those_of_the_search_without_the_gate(monkeypatch: pytest.MonkeyPatch) -> None:
    recognizer = AddressRecognizer()
    rng = random.Random(14)
    texts = [d.text for d in generate(20231, 120)] + [_random_address_text(rng) for _ in range(2_000)]
    gated = [[(f.start, f.end, f.score) for f in recognizer.analyze(t, normalize(t))] for t in texts]
    # An expression that matches everywhere: the search is tried at every anchor, as before.
    monkeypatch.setattr(addresses, "_ADDRESS_WORD", re.compile(""))
    ungated = [[(f.start, f.end, f.score) for f in recognizer.analyze(t, normalize(t))] for t in texts]
    assert gated == ungated
    assert sum(map(len, gated)) > 300


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # A village below a town, after a residence label: the anchor is 嘎查 (a village) itself.
        ("户籍地：阿巴嘎旗别力古台镇宝力根嘎查。", "阿巴嘎旗别力古台镇宝力根嘎查"),
        ("现住西乌珠穆沁旗巴彦花镇阿拉坦合力嘎查，", "西乌珠穆沁旗巴彦花镇阿拉坦合力嘎查"),
        ("住址：新丰镇胜利村。", "新丰镇胜利村"),
        ("住址：城关街道胜利村。", "城关街道胜利村"),
    ],
)
def test_a_village_below_a_town_is_still_an_anchor(text: str, address: str) -> None:
    assert [f.text for f in detect(text) if f.kind is Kind.ADDRESS] == [address]


def test_a_village_without_a_town_nearby_is_not_an_anchor() -> None:
    # 10 characters or more between the town and the village: not read as a bare village.
    assert [f for f in detect("住址：新丰镇东西南北中发白胜利村。") if f.kind is Kind.ADDRESS] == []


def _finding(start: int, end: int, score: float) -> Finding:
    return make_finding(Kind.PERSON_NAME, start, end, "x" * (end - start), score, "")


def test_resolve_overlaps_keeps_touching_spans_and_settles_overlapping_ones() -> None:
    touching = [_finding(4, 6, 0.7), _finding(0, 2, 0.9), _finding(2, 4, 0.8)]
    assert [(f.start, f.end) for f in resolve_overlaps(touching)] == [(0, 2), (2, 4), (4, 6)]
    overlapping = [_finding(0, 3, 0.7), _finding(2, 5, 0.9), _finding(6, 8, 0.8)]
    assert [(f.start, f.end) for f in resolve_overlaps(overlapping)] == [(2, 5), (6, 8)]


def test_resolve_overlaps_fast_path_agrees_with_ranking_every_candidate() -> None:
    rng = random.Random(8)
    for _ in range(3_000):
        candidates = []
        for _ in range(rng.randint(0, 8)):
            start = rng.randint(0, 30)
            candidates.append(_finding(start, start + rng.randint(1, 5), rng.choice((0.7, 0.75, 0.8, 0.9))))
        # The ranking alone (what the slow path does): best first, kept unless it overlaps one kept.
        kept: list[Finding] = []
        for f in sorted(candidates, key=lambda f: (-f.score, -(f.end - f.start), f.start)):
            if all(f.end <= k.start or k.end <= f.start for k in kept):
                kept.append(f)
        assert resolve_overlaps(candidates) == sorted(kept, key=lambda f: f.start)

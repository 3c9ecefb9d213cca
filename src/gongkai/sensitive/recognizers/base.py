"""One small recogniser per kind of personal information (after Presidio's PatternRecognizer).

A recogniser is mostly data: a regular expression compiled once, a base score, context words that
raise the score, and a ``validate`` hook for check digits. ``analyze(text, norm)`` makes one pass
over the normalised text and yields ``Finding`` values whose offsets and ``text`` refer to the
original text (normalisation keeps lengths).

Speed: each expression is written as ``first`` (a character class for its first character) and
``rest``, which begins by checking what precedes that character. Python's ``re`` skips quickly to
characters of a leading class, while a leading look-behind would be tried at every position; and
the registry joins the ``first``/``rest`` pairs of the identifier kinds into one expression, so the
text is read once for all of them.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Iterator
from datetime import date
from typing import ClassVar

from gongkai.sensitive.model import Finding, Kind, make_finding

CJK = "\u4e00-\u9fff"
# After the first character: the character before it is not a letter or digit (identifiers are
# not read out of longer runs). Width 2 = the character before plus the first character itself.
AFTER_FIRST = r"(?<![0-9A-Za-z].)"
# ...nor followed by one, or by "@": digits before "@" are the local part of an e-mail address.
_END = r"(?![0-9A-Za-z@])"
# How far before a match context words are looked for (characters): a label such as "身份证号码："
# and a few characters of padding.
CONTEXT_WINDOW = 16


class Recognizer:
    """Finds one kind; subclasses are data (``first``, ``rest``, scores) plus an optional check."""

    kind: ClassVar[Kind]
    first: ClassVar[str] = ""
    rest: ClassVar[str] = ""
    pattern: ClassVar[re.Pattern[str]]
    score: ClassVar[float]
    explanation: ClassVar[str]
    # Words that, shortly before a match, raise its score to ``context_score``.
    context: ClassVar[tuple[str, ...]] = ()
    context_score: ClassVar[float] = 0.0
    # Every value this recogniser accepts starts with one of these ("" for any start): lets the
    # joined scan pass over a rival that cannot win without reading it (``Registry``).
    value_prefixes: ClassVar[tuple[str, ...]] = ("",)

    _context_re: ClassVar[re.Pattern[str] | None] = None
    # Whether the subclass has its own ``validate`` (set for each subclass).
    _checks: ClassVar[bool] = False

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        cls._checks = cls.validate is not Recognizer.validate
        if cls.first:
            cls.pattern = re.compile(cls.first + cls.rest)
        if cls.context:
            cls._context_re = re.compile("|".join(map(re.escape, cls.context)))
        elif cls.context_score:
            raise TypeError(f"{cls.__name__}: context_score without context words")

    def analyze(self, text: str, norm: str) -> Iterator[Finding]:
        for match in self.pattern.finditer(norm):
            finding = self.finding(text, norm, match.start(), match.end())
            if finding is not None:
                yield finding

    def finding(self, text: str, norm: str, start: int, end: int) -> Finding | None:
        if self._checks:
            checked = self.validate(norm[start:end], norm, start)
            if checked is None:
                return None
            score, explanation = checked
        else:  # no check of its own: spare the call and the slice (phones, e-mail, passports)
            score, explanation = self.score, self.explanation
        # ``context_score`` is 0 without context words, so this also tells whether there are any.
        if score < self.context_score and self._context_re.search(  # type: ignore[union-attr]
            norm, start - CONTEXT_WINDOW if start > CONTEXT_WINDOW else 0, start
        ):
            score = self.context_score
            explanation += "；前文有提示词"
        return make_finding(self.kind, start, end, text[start:end], score, explanation)

    def supplement(self, text: str, norm: str) -> Iterator[Finding]:
        """Findings of a joined recogniser that its ``first`` + ``rest`` expression cannot read."""
        return iter(())

    def validate(self, value: str, norm: str, start: int) -> tuple[float, str] | None:
        """``(score, explanation)`` for a real match, None for a look-alike."""
        return self.score, self.explanation

    def has_context(self, norm: str, start: int) -> bool:
        if self._context_re is None:
            return False
        return self._context_re.search(norm, max(0, start - CONTEXT_WINDOW), start) is not None


def literal_alternation(items: Iterable[tuple[str, str]]) -> str:
    """An alternation of ``word + suffix`` (a literal word, then an expression), tried in the order
    given, written as a trie of the words' leading characters: "申(?:请人|诉人)|当事人".

    At each position ``re`` tries the alternatives of a flat alternation one by one (a test and a
    jump each, for ~100 cue words at every character that starts one of them); grouped by their
    first characters, only the one group that can match is entered. Alternatives that share a
    prefix keep their relative order, and those of different characters cannot both match at one
    position, so the matches are the flat alternation's. A group is split further only where none
    of its words ends there (an empty alternative would match before the others)."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for word, suffix in items:
        groups.setdefault(word[0], []).append((word[1:], suffix))
    parts = []
    for head, tails in groups.items():
        if len(tails) == 1:
            parts.append(re.escape(head + tails[0][0]) + tails[0][1])
        elif all(word for word, _ in tails):
            parts.append(f"{re.escape(head)}(?:{literal_alternation(tails)})")
        else:
            parts.append(f"{re.escape(head)}(?:{'|'.join(re.escape(w) + s for w, s in tails)})")
    return "|".join(parts)


def _valid_date(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


# Every "MMDD" of a leap year: a set look-up answers for almost every number, where building a
# ``date`` (and catching its ValueError) costs several times more per identity-like number.
_CALENDAR_DAYS = frozenset(f"{d.month:02d}{d.day:02d}" for d in map(date.fromordinal, range(730120, 730486)))


def _valid_birth_date(year: int, mmdd: str) -> bool:
    """``_valid_date(year, int(mmdd[:2]), int(mmdd[2:]))``, by look-up where ``mmdd`` is ASCII."""
    if mmdd in _CALENDAR_DAYS:
        return 1 <= year <= 9999 and (mmdd != "0229" or calendar.isleap(year))
    # Other digits (Arabic-Indic ...) still go through ``date``, as ``int`` reads them too.
    return not mmdd.isascii() and _valid_date(year, int(mmdd[:2]), int(mmdd[2:]))


def _compact(value: str) -> str:
    return value.replace(" ", "").replace("-", "")


def occurrences(norm: str, words: Iterable[str]) -> Iterator[tuple[str, int]]:
    """Each ``(word, index)`` of ``words`` in ``norm``, word by word: ``str.find`` skips to rare
    literals far faster than a whole-text scan with a CJK first character."""
    for word in words:
        i = norm.find(word)
        while i != -1:
            yield word, i
            i = norm.find(word, i + len(word))

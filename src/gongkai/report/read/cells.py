"""Reading one table cell's text as a number, and re-splitting digits that ran together.

A cell shows a count, an amount (万元), nothing ("", "/", "—", "无": missing, never 0), or text
that is not a number (unreadable: also missing, with a finding). When the layout runs the digits
of adjacent cells together ("30015300614" for 3001|53|0|0|61|4) or breaks one number over two
lines, ``regroupings`` lists every way of reading the digits as the expected number of cells; the
assembler keeps the readings that the table's own arithmetic allows.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator, Sequence
from decimal import Decimal, InvalidOperation
from enum import StrEnum

#: What a cell may print instead of a number when it has none (report-json.md: null, never 0).
BLANK_MARKS = frozenset({"", "/", "-", "—", "——", "–", "－", "无", "\\", "×", "*"})
_SPACES = re.compile(r"[\s\u00a0\u3000]+")
_COUNT = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_AMOUNT = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_COUNT_UNIT = re.compile(r"(?:件|个|条|项|次)$")
_AMOUNT_UNIT = re.compile(r"(?:万元|万)$")
#: Readings of one run of digits are enumerated only up to these sizes (a row has 7 cells;
#: beyond this the run is not a table row and is reported as unreadable instead).
MAX_REGROUP_DIGITS = 48
MAX_REGROUPINGS = 5000


class CellKind(StrEnum):
    NUMBER = "number"
    BLANK = "blank"
    UNREADABLE = "unreadable"


#: A figure with a note glued to it in a converted table: "22（其中修订 16 件）" is 22.
_NOTED = re.compile(r"^([\d,.]+)[(][^()]*[)]$")


#: A footnote mark after a figure: superscript or circled digits ("3¹", "12①"). Removed before NFKC,
#: which would make them digits of the figure ("3¹" -> "31": a wrong value).
_FOOTNOTE_MARK = re.compile(r"(?<=[\d０-９])\s*[\u00b9\u00b2\u00b3\u2070-\u2079\u2460-\u2473\u2776-\u277f]+")


#: Two figures side by side in one cell, apart by a space: "12 13" (a tracked change kept, the old
#: value beside the new), or one above the other ("81<br>8": two rows printed as one). Read as one
#: number (1213, 818) it would be a wrong value. A space is taken
#: as a thousands separator only between groups of three ("1 234", "12 345.67").
_SPACED_FIGURES = re.compile(r"\d\s+\d")
_SPACED_THOUSANDS = re.compile(r"\d{1,3}(?:[^\S\n]\d{3})+(?:\.\d+)?")


#: A cell holding only the Chinese numeral zero: 0.
_ZERO_WORDS = frozenset({"〇", "零"})


def _prepare(raw: str) -> str:
    if not raw.isascii():
        raw = _FOOTNOTE_MARK.sub("", raw)
    text = unicodedata.normalize("NFKC", raw).strip()
    if text in _ZERO_WORDS:
        return "0"
    if _SPACED_FIGURES.search(text) and not _SPACED_THOUSANDS.fullmatch(text):
        return text  # keeps its space: not a number (unreadable, null with a finding)
    text = _SPACES.sub("", text)
    if text.endswith(")"):
        noted = _NOTED.match(text)
        if noted is not None:
            return noted.group(1)
    return text


@functools.lru_cache(maxsize=8192)
def classify(raw: str) -> CellKind:
    text = _prepare(raw)
    if text in BLANK_MARKS:
        return CellKind.BLANK
    if _AMOUNT.fullmatch(_AMOUNT_UNIT.sub("", _COUNT_UNIT.sub("", text))):
        return CellKind.NUMBER
    return CellKind.UNREADABLE


@functools.lru_cache(maxsize=8192)
def parse_count(raw: str) -> int | None:
    """The count a cell shows, or None when it shows none or something else than a count."""
    text = _COUNT_UNIT.sub("", _prepare(raw))
    if _COUNT.fullmatch(text):
        return int(text.replace(",", ""))
    return None


def parse_amount(raw: str) -> Decimal | None:
    """An amount in 万元 (Decimal, never float), or None."""
    text = _AMOUNT_UNIT.sub("", _prepare(raw))
    if not _AMOUNT.fullmatch(text):
        return None
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
        return None


def _splits(digits: str, parts: int) -> Iterator[tuple[int, ...]]:
    """Every way to cut ``digits`` into ``parts`` numbers without leading zeros."""
    if parts == 1:
        if digits and (digits == "0" or digits[0] != "0"):
            yield (int(digits),)
        return
    # Each remaining part needs at least one digit.
    for cut in range(1, len(digits) - parts + 2):
        head = digits[:cut]
        if head != "0" and head[0] == "0":
            break
        for rest in _splits(digits[cut:], parts - 1):
            yield (int(head), *rest)


def regroupings(tokens: Sequence[str], joinable: Sequence[bool], width: int) -> list[tuple[int, ...]]:
    """Readings of digit ``tokens`` as exactly ``width`` counts.

    A token may hold several cells' digits run together (it is cut); a token may be the end of a
    number begun by the previous one when ``joinable[i]`` says the two were on different lines
    (they are glued). Returns [] when there are too many digits to enumerate.
    """
    if not tokens or sum(len(t) for t in tokens) > MAX_REGROUP_DIGITS:
        return []
    # Glue decisions first: every subset of the joinable boundaries (few in practice).
    boundaries = [i for i in range(1, len(tokens)) if joinable[i]]
    if len(boundaries) > 6:
        return []
    readings: set[tuple[int, ...]] = set()
    for mask in range(1 << len(boundaries)):
        glued = {boundaries[b] for b in range(len(boundaries)) if mask >> b & 1}
        groups: list[str] = []
        for i, token in enumerate(tokens):
            if i in glued:
                groups[-1] += token
            else:
                groups.append(token)
        if len(groups) > width or sum(len(g) for g in groups) < width:
            continue
        for reading in _distribute(groups, width):
            readings.add(reading)
            if len(readings) > MAX_REGROUPINGS:
                return []
    return sorted(readings)


def _distribute(groups: Sequence[str], width: int) -> Iterator[tuple[int, ...]]:
    """Cut each group into at least one number so that there are ``width`` numbers in all."""
    if not groups:
        if width == 0:
            yield ()
        return
    first, rest = groups[0], groups[1:]
    min_rest = len(rest)
    max_rest = sum(len(g) for g in rest)
    for parts in range(1, min(len(first), width - min_rest) + 1):
        if width - parts > max_rest:
            continue
        for head in _splits(first, parts):
            for tail in _distribute(rest, width - parts):
                yield (*head, *tail)

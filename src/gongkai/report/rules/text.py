"""The narrative prepared once for the rules that read it: normalised text, counts, sentences.

Narrative text comes from readers of very different documents (a DOCX copied to text, a PDF text
layer wrapped every 30 characters, HTML). Chinese prose does not use spaces, so for matching we
drop all whitespace (which also rejoins "2024 年" and words broken across lines), turn full-width
digits (０-９) into ASCII and remove thousands separators ("3,119"). Small counts written in
Chinese numerals ("两件", "十七件", "一百零三件") are read by :func:`parse_count`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gongkai.report.model import AnnualReport, Section

_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_HAS_FULL_WIDTH = re.compile("[０-９]")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
#: Where a sentence (or a clause that stands alone) ends, for excerpts.
_SENTENCE_END = "。！？；!?;"

#: A count as written in a narrative: ASCII digits (after normalising) or Chinese numerals.
COUNT = r"(\d+|[零〇一二两三四五六七八九十百千]+)"

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7}
_CN_DIGITS.update({"八": 8, "九": 9})
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def normalise(text: str) -> str:
    """Whitespace removed, full-width digits made ASCII, thousands separators dropped."""
    # str.translate looks up every character: only pay for it when a full-width digit is there.
    if _HAS_FULL_WIDTH.search(text):
        text = text.translate(_FULL_WIDTH)
    flat = "".join(text.split())  # str.split() splits on all Unicode whitespace (\u3000 too), in C
    return _THOUSANDS.sub("", flat) if "," in flat else flat


def parse_count(token: str) -> int | None:
    """An integer from ASCII digits or from Chinese numerals below 10,000; ``None`` if malformed.

    Hand-written rather than taken from ``cn2an``: that package pulls in PyYAML and reads a config
    file at import, and a report's narrative only ever needs whole counts written with
    零/一/两/…/十/百/千 (e.g. "十七件", "一百零三件").
    """
    if token.isascii():
        return int(token) if token.isdigit() else None
    total = 0
    digit: int | None = None
    last_unit = 10_000
    for ch in token:
        if ch in _CN_DIGITS:
            value = _CN_DIGITS[ch]
            if digit is not None and value != 0 and digit != 0:
                return None  # "一二": digits in a row are not a number word
            digit = value
        elif ch in _CN_UNITS:
            unit = _CN_UNITS[ch]
            if unit >= last_unit:
                return None  # "十十", "十百": units must decrease
            total += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
        else:
            return None
    return total + (digit or 0)


def excerpt(flat: str, start: int, end: int, limit: int = 80) -> str:
    """The sentence of ``flat`` around ``[start, end)``, cut to about ``limit`` characters."""
    left = max((flat.rfind(ch, 0, start) for ch in _SENTENCE_END), default=-1) + 1
    ends = [i for i in (flat.find(ch, end) for ch in _SENTENCE_END) if i != -1]
    right = min(ends) + 1 if ends else len(flat)
    if right - left > limit:
        left = max(left, start - limit // 2)
        right = min(right, max(end, left + limit))
        return ("…" if left > 0 else "") + flat[left:right] + "…"
    return flat[left:right]


@dataclass(frozen=True, slots=True)
class NarrativeSection:
    number: str
    title: str
    #: The text as the report has it (line breaks kept: headings start lines).
    text: str
    #: ``normalise(text)``: what the text rules match against.
    flat: str
    #: The heading as printed ("1、 总体情况"): ``Section.extra["heading"]`` where the reader kept
    #: it (the text reader does), else the title. Numbering and title rules read this one.
    heading: str


@dataclass(frozen=True, slots=True)
class Narrative:
    sections: tuple[NarrativeSection, ...]
    #: The sections that state a count ("…件") at all: the only ones the text-against-table rules read.
    counting: tuple[NarrativeSection, ...]

    def get(self, number: str) -> NarrativeSection | None:
        for s in self.sections:
            if s.number == number:
                return s
        return None


def _printed_heading(section: Section) -> str:
    heading = section.extra.get("heading")
    return heading if isinstance(heading, str) and heading.strip() else section.title


def narrative_of(report: AnnualReport) -> Narrative | None:
    if report.sections is None:
        return None
    sections = tuple(
        NarrativeSection(s.number, s.title, s.text, normalise(s.text), _printed_heading(s))
        for s in report.sections
    )
    return Narrative(sections, tuple(s for s in sections if "件" in s.flat))

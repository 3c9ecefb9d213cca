"""Recognisers of telephone numbers: mobile (手机) and landline (固定电话)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gongkai.sensitive.model import Finding, Kind, make_finding
from gongkai.sensitive.recognizers.base import (
    _END,
    AFTER_FIRST,
    Recognizer,
)

_MOBILE = r"1[3-9]\d[ -]?\d{4}[ -]?\d{4}"


class MobilePhoneRecognizer(Recognizer):
    """手机号码: 11 digits 1[3-9]x, optionally +86/0086, spaces or hyphens between 3-4-4 groups."""

    kind = Kind.MOBILE_PHONE
    first = "[+018]"
    rest = (
        r"(?<![0-9A-Za-z+].)"
        rf"(?:(?<=\+)86[ -]?{_MOBILE}|(?<=0)086[ -]?{_MOBILE}|(?<=8)6[ -]?{_MOBILE}"
        r"|(?<=1)[3-9]\d[ -]?\d{4}[ -]?\d{4})" + _END
    )
    score = 0.9
    explanation = "11 位手机号码（号段 13x-19x）"
    context = ("手机", "电话", "联系方式", "Tel", "TEL", "tel")
    context_score = 0.95


# Area codes (长途区号, YD/T 2010): 010 and 02x are three digits; the others 03xx-09xx, where the
# second and third digits are never 0 together. A local number is 7-8 digits starting 2-9, which
# may be written in two groups ("8512 0944"); an extension follows 转/分机/"-".
_AREA = r"(?:10|2\d|[3-9](?:0[1-9]|[1-9]\d))"
_LOCAL = r"[2-9]\d{2,3}[ -]?\d{4}(?:(?:-|转|分机|-转) ?\d{1,5})?"


_LOCAL_ONLY = "电话标签后的本地号码（无区号）"
# A local number after a telephone label (the label itself leads each expression, see ``_local``).
_LOCAL_AFTER_LABEL = (
    r"(?:号码)?[：:]?[ \t]*(?P<number>[2-9]\d{6,7}(?:(?:-|转|分机) ?\d{1,5})?)(?![0-9A-Za-z])"
)
# Nor is a number read out of a longer run of hyphenated digit groups: "0871 4170-0402-2025-00027"
# is an index number (索引号) whose first groups look like an area code, a local number and an
# extension; a telephone number ends where its last group ends.
_LANDLINE_END = r"(?![0-9A-Za-z@]|-\d)"


class LandlinePhoneRecognizer(Recognizer):
    """固定电话: a valid area code (010, 02x, 03xx-09xx) then a 7-8 digit local number.

    Written (0573)…, 0573-…, 0573 …, +86-573-… or 0086 573 … (without the area code's 0);
    （0573）… with full-width brackets is found by ``supplement`` (the joined scan reads ASCII).
    """

    kind = Kind.LANDLINE_PHONE
    first = "[(0+]"
    rest = (
        AFTER_FIRST
        + rf"(?:(?<=\()0{_AREA}\)|(?<=0){_AREA}[ -]?|(?<=\+)86[ -]?{_AREA}[ -]?|(?<=0)086[ -]?{_AREA}[ -]?)"
        + _LOCAL
        + _LANDLINE_END
    )
    score = 0.85
    explanation = "带区号的固定电话号码"
    context = ("电话", "传真", "联系方式", "Tel", "TEL", "tel")
    context_score = 0.95
    _full_width = re.compile(rf"（0{_AREA}）{_LOCAL}{_LANDLINE_END}")
    # A dash for the hyphen after the area code ("0573—82061234", typed with a Chinese input
    # method); the joined scan reads ASCII only, so these are found from the dash.
    _dashed = re.compile(rf"(?<![0-9A-Za-z])0{_AREA}[—–]{_LOCAL}{_LANDLINE_END}")

    # A local number without its area code right after a telephone label ("电话：82061234"): local
    # documents write their own area's numbers so. Only after the label: alone, 7-8 digits are
    # anything.
    # One expression per label, led by it as a literal (``re`` searches a literal prefix in C),
    # with a character tested first where the text may well lack it (传真's 真: a one-character
    # test spares the search for the two, which reads every character); most texts hold 电话
    # (the empty string is in every text).
    _local = tuple(
        (rare, re.compile(label + _LOCAL_AFTER_LABEL)) for label, rare in (("电话", ""), ("传真", "真"))
    )

    def supplement(self, text: str, norm: str) -> Iterator[Finding]:
        for rare, expression in self._local:
            if rare not in norm:
                continue
            for local in expression.finditer(norm):
                start, end = local.span("number")
                yield make_finding(self.kind, start, end, text[start:end], 0.85, _LOCAL_ONLY)
        for dash in "—–" if "—" in norm or "–" in norm else ():
            i = norm.find(dash, 3)
            while i != -1:
                for start in (i - 4, i - 3):
                    match = self._dashed.match(norm, start) if start >= 0 else None
                    if match is not None and match.end() > i:
                        finding = self.finding(text, norm, start, match.end())
                        if finding is not None:
                            yield finding
                        break
                i = norm.find(dash, i + 1)
        i = norm.find("（0")
        while i != -1:
            match = self._full_width.match(norm, i)
            if match is not None:
                finding = self.finding(text, norm, i, match.end())
                if finding is not None:
                    yield finding
            i = norm.find("（0", i + 1)

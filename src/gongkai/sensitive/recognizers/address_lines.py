"""Addresses broken by a line break: "海宁市硖石街道⏎工人路162弄7号", "东栅街道建设村⏎西浜组8号",
"…海城大道112号⏎3-601" (a table cell wrapped, a form's field too narrow).

A line that ends in an administrative unit, a village or a house number and a next line that
goes on with the address are read as one address, the line break inside its span. Only such line
ends are tried (one expression with the line break as its literal first character).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gongkai.sensitive.recognizers.base import CJK

# A line break after what an address line can end with, before a next line that holds an anchor
# of an address (a number and 号/幢/组 ..., or a compound's "3-601") before its first barrier:
# most lines ending in 号 or 市 are 文号 and headings, and the look-ahead turns them away in C.
_BREAK = re.compile(
    # The next line may be indented to its column (a PDF table's wrapped cell: "胡同⏎      41号院").
    rf"\n(?<=[村道镇乡区县市号同路街巷弄里条沿院会]\n)"
    rf"(?= *[{CJK}0-9\-之]{{0,30}}?(?:\d(?:号|幢|栋|座|组|单元|室|门|楼)|\d-\d))"
)
# What an address part on either side cannot cross (the recogniser's barrier).
_BARRIER = re.compile(rf"[^{CJK}0-9\-之]")
_REACH = 40


def joined_spans(norm: str, pattern: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """Spans of ``norm`` (a line break inside) where ``pattern`` matches the two lines joined."""
    for brk in _BREAK.finditer(norm):
        i = brk.start()
        lo = max(0, i - _REACH)
        barrier = _BARRIER.search(norm[i - 1 : lo - 1 if lo else None : -1])
        if barrier is not None:
            lo = i - barrier.start()
        j = i + 1  # the next line's text, after its indentation
        while j < len(norm) and norm[j] == " ":
            j += 1
        after = _BARRIER.search(norm, j, j + _REACH)
        hi = after.start() if after is not None else min(len(norm), j + _REACH)
        joined = norm[lo:i] + norm[j:hi]
        cut = i - lo
        for match in pattern.finditer(joined):
            if match.start() < cut < match.end():
                yield lo + match.start(), j + match.end() - cut
                break
            if match.start() >= cut:
                break

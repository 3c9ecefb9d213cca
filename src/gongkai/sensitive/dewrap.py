"""Text as a converter wrapped it, read as it was written: line ends inside a value removed.

PDF-to-text conversion (pdftotext's layout mode) and fixed-width web copies break lines where
the page or the column ran out, not where the writer did: "住址：甘肃省临⏎夏回族自治州…", "原告李⏎红诉你",
and in a table laid out with spaces a cell's tail goes on the next line under its column
("…王铺村中街77⏎␣␣␣␣…␣␣号"). A recogniser reading such text sees two halves, neither of which is
the value. ``dewrapped`` gives the text with those breaks (and the indentation after them)
removed, and a map from its offsets back to the original, so that a value found there spans the
break in the original, as a reader of the page would mark it.

Which line ends are wraps:

- **fixed-width text**: a line as wide as the page (within one CJK character of the widest lines
  that recur, widths counted as printed: a CJK character is two columns) whose
  last character and the next line's first are both CJK characters or digits, neither line laid
  out as table cells (a run of spaces or a tab) and the next not opening an item ("四、…") or a
  form's field ("证件名称：");
- **a cell's tail**: the line ends in a CJK character or digit, and the next line is only
  indentation (two spaces or more) and a short fragment (at most 12 characters, no cell gap).
"""

from __future__ import annotations

import bisect
import re
from itertools import accumulate

_CJK_LO, _CJK_HI = "\u4e00", "\u9fff"
# The next line as a cell's tail: indentation, then a short fragment alone on its line.
_TAIL = re.compile(r"\n( {2,})(?=[^\s]{1,12}(?:\n|$))")
# Lines laid out as table cells are not prose: their ends are row ends.
_CELL_GAP = re.compile(r"  |\t|\|")
# A line that opens an item ("四、凡对…", "2.申请人…") starts anew, whatever the width before it.
# ... and so does a form's next field ("证件名称：居民身份证").
_ITEM = r"(?:[一二三四五六七八九十]{1,3}|\d{1,3})[、.．]|[\u4e00-\u9fff]{1,8}[：:]"
_ITEM_START = re.compile(_ITEM)
# A line end that may be a page's wrap: after a line of fourteen characters or more ending in a
# CJK character, before a line that starts with something printed, opens no item or field and is
# not laid out as cells (the tests of a break below, but the page's width and the first line's
# cells). Led by the literal line end, which ``re`` skips to in C: one search answers for most
# texts, where splitting the text into lines and testing each in Python cost half as much again.
_MAY_WRAP = re.compile(rf"\n(?<=[^\n]{{13}}[\u4e00-\u9fff]\n)(?=\S)(?!{_ITEM})(?![^\n]*(?:  |\t|\|))")


def _wordlike(ch: str) -> bool:
    return _CJK_LO <= ch <= _CJK_HI or ch.isdigit()


def _width(line: str) -> int:
    # UTF-8 writes a CJK character (and full-width punctuation) in three bytes, ASCII in one: the
    # printed width (two columns, one), counted in C (GBK's byte count would be the same, at ten
    # times the cost).
    return (len(line.encode("utf-8", "surrogatepass")) + len(line)) >> 1


def _page_width(widths: list[int]) -> int:
    """The widest width that at least three lines reach within three columns (0 if none): a
    page's lines of running text fill it, all but the last of each paragraph."""
    ordered = sorted(widths, reverse=True)
    for i in range(len(ordered) - 2):
        if ordered[i] - ordered[i + 2] <= 3:
            return ordered[i]
    return 0


def wrap_breaks(norm: str) -> list[tuple[int, int]]:
    """The spans to remove (a line end and the indentation after it), in order."""
    if "\n" not in norm:
        return []
    breaks: list[tuple[int, int]] = []
    # Indented lines. Most texts have none (``in`` answers in C); a scan for them by ``re`` or a
    # test of every line in Python cost two to three times more. The normalised text has no
    # ideographic space (``normalize`` folds it to a space).
    tails = _TAIL.finditer(norm) if "\n  " in norm else ()
    for match in tails:
        i = match.start()
        if i and _wordlike(norm[i - 1]) and _wordlike(norm[match.end()]):
            # Under the last cell of the row above: indented at least to where that cell starts.
            row = norm[norm.rfind("\n", 0, i) + 1 : i]
            gap = row.rfind("  ")
            if gap != -1 and _width(match[1]) >= _width(row[: gap + 2]) - 2:
                breaks.append((i, match.end()))
    if _MAY_WRAP.search(norm) is None:  # no line end passes the tests of a break below
        return sorted(breaks)
    lines = norm.split("\n")
    # The lines of running text (no cells) that end inside a word (after a CJK character) and
    # could fill a page (fifteen CJK characters at least: narrower "pages" are headings and
    # lists): a page of running text has three at least, at its width; only they are measured.
    wide = [
        k
        for k, line in enumerate(lines)
        # The cheap tests first: a CJK last character is a new string object for each line.
        if len(line) >= 14 and "  " not in line and "|" not in line and _CJK_LO <= line[-1] <= _CJK_HI
    ]
    if len(wide) < 3:
        return sorted(breaks)
    # Three of them of about one length in characters too (a page's lines hold few digits; the
    # count is the cheap test, the printed width the exact one).
    if not _page_width([len(lines[k]) for k in wide]):
        return sorted(breaks)
    widths = [_width(lines[k]) for k in wide]
    page = _page_width(widths)
    if page >= 30:
        # The offset of the line end after line k: the lengths of lines 0..k and k line ends.
        ends = list(accumulate(map(len, lines)))
        last = len(lines) - 1
        for k, width in zip(wide, widths, strict=True):
            following = lines[k + 1] if k < last else ""
            if (
                width >= page - 3
                and following
                and _wordlike(following[0])
                and "\t" not in lines[k]
                and _CELL_GAP.search(following) is None
                and _ITEM_START.match(following) is None
            ):
                breaks.append((ends[k] + k, ends[k] + k + 1))
    breaks.sort()
    return breaks


class Dewrapped:
    """The text without its wrap breaks, and the way back to the original's offsets."""

    def __init__(self, norm: str, breaks: list[tuple[int, int]]) -> None:
        pieces, self._starts, self._origins = [], [], []
        at = kept = 0
        for start, end in breaks:
            if start < at:  # a break inside one removed already
                continue
            pieces.append(norm[at:start])
            self._starts.append(kept)
            self._origins.append(at)
            kept += start - at
            at = end
        pieces.append(norm[at:])
        self._starts.append(kept)
        self._origins.append(at)
        self.text = "".join(pieces)

    def original(self, i: int) -> int:
        """The original offset of the character at ``i`` of the dewrapped text."""
        k = bisect.bisect_right(self._starts, i) - 1
        return self._origins[k] + i - self._starts[k]

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The original span of ``[start, end)``, None unless it holds a removed break."""
        first, last = self.original(start), self.original(end - 1) + 1
        return (first, last) if last - first != end - start else None


def dewrapped(norm: str) -> Dewrapped | None:
    breaks = wrap_breaks(norm)
    return Dewrapped(norm, breaks) if breaks else None

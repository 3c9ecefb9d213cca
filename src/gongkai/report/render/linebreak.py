"""Chinese line breaking (避头尾) for the PDF renderers: no line starts with closing punctuation
and none ends with opening punctuation; 破折号 and 省略号 and numbers are never cut.

The rules are those of 《标点符号用法》(GB/T 15834-2011) 5.1 on where punctuation may stand
(句号、逗号、顿号、分号、冒号、问号、叹号 and the second half of quotation marks, brackets and book
title marks never begin a line; their first half never ends one; ——/…… are not split), as
collected in W3C's "Requirements for Chinese Text Layout" (clreq) 3.1.7.

reportlab's ``wordWrap='CJK'`` is not enough (reportlab 5.1, ``cjkFragSplit``): its list of
characters that cannot start a line (``reportlab.lib.textsplit.ALL_CANNOT_START``) is Japanese and
lacks the full-width comma "，", "；", "：", "？", "！", "》", "”" and "’"; it never checks opening
punctuation at the end of a line (its ``kinsokuShoriSplit`` is marked "NOT USED OR FINISHED
YET"); and it hangs at most one character, so "。”" still puts "”" at the start of the next
line. :class:`CjkParagraph` therefore replaces only the line-breaking step of reportlab's
Paragraph with :func:`line_starts` (greedy filling; at the end of a line, characters are pushed
to the next line -- 推出 -- until the break is allowed), and keeps reportlab's own line objects,
drawing and splitting across pages.

Justified Chinese text (两端对齐, the body of a 公文) needs letter spacing: reportlab justifies a
line by widening its spaces (PDF word spacing, ``Tw``), and Chinese has none, so its lines stayed
ragged. :class:`CjkParagraph` counts every character of a justified line as a "word" and draws
with a text object that turns reportlab's word spacing into character spacing (``Tc``).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from reportlab.lib.enums import TA_JUSTIFY
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus.paragraph import FragLine, Paragraph, ParaLines, sameFrag

#: Never at the start of a line: stops, commas, closing brackets and quotation marks.
CANNOT_START = frozenset("，。、；：？！）》〉」』”’】〕〗］｝…—·,.;:?!)]}%‰℃")
#: Never at the end of a line: opening brackets and quotation marks.
CANNOT_END = frozenset("（《〈「『“‘【〔〖［｛([{")
#: Marks of two characters that are never split (破折号 ——, 省略号 ……).
_PAIRED = frozenset("—…")
#: Characters of a number, code or Latin word ("2026", "PY-KJ-2026-0042", "0577-63712345").
_WORD = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-./_@#&+")
#: reportlab's tolerance for a line that is full (rl_config._FUZZ).
_FUZZ = 1e-6


def may_break_before(text: str, index: int) -> bool:
    """Whether a line may end before ``text[index]`` (0 < index < len(text))."""
    before, after = text[index - 1], text[index]
    if after in CANNOT_START or before in CANNOT_END:
        return False
    if before == after and before in _PAIRED:
        return False
    return not (before in _WORD and after in _WORD)


def line_starts(text: str, widths: Sequence[float], max_widths: Sequence[float]) -> list[int]:
    """Where each line after the first starts, filling lines of ``max_widths`` (the last one
    repeats) greedily with characters of ``widths``.

    A break that the rules forbid moves back to the nearest allowed one; a line with no allowed
    break at all (a long number) breaks where it is full.
    """
    starts: list[int] = []
    used = 0.0
    line_start = 0
    index = 0
    while index < len(text):
        limit = max_widths[min(len(starts), len(max_widths) - 1)]
        width = widths[index]
        if used + width > limit + _FUZZ and index > line_start:
            cut = index
            while cut > line_start and not may_break_before(text, cut):
                cut -= 1
            if cut == line_start:
                cut = index
            starts.append(cut)
            line_start = cut
            used = sum(widths[cut:index])
            continue
        used += width
        index += 1
    return starts


class _LetterSpacedText(PDFTextObject):  # type: ignore[misc]  # reportlab has no type hints
    """A text object on which reportlab's justification (word spacing) becomes letter spacing."""

    def setWordSpace(self, wordSpace: float) -> None:
        self.setCharSpace(wordSpace)


class CjkParagraph(Paragraph):  # type: ignore[misc]  # reportlab has no type hints
    """A reportlab Paragraph (``wordWrap='CJK'``) whose lines follow :func:`line_starts`,
    justified by letter spacing when its style is ``TA_JUSTIFY``."""

    def beginText(self, x: float, y: float) -> PDFTextObject:
        return _LetterSpacedText(self.canv, x, y)

    def breakLinesCJK(self, maxWidths: Any) -> Any:
        if not isinstance(maxWidths, (list, tuple)):
            maxWidths = [maxWidths]
        if hasattr(self, "blPara") and getattr(self, "_splitpara", False):
            return self.blPara  # the second part of a paragraph split across pages, as reportlab
        frags = self.frags
        if (
            self.bulletText
            or self.style.endDots
            or any(hasattr(f, "cbDefn") or hasattr(f, "lineBreak") for f in frags)
        ):
            # Images, <br/>, bullets: not used by Gongkai's documents; reportlab's own wrapping.
            return super().breakLinesCJK(maxWidths)
        text = "".join(f.text or "" for f in frags)
        if not text:
            return super().breakLinesCJK(maxWidths)
        owners = [f for f in frags for _ in (f.text or "")]  # the frag of each character
        widths = [_char_width(c, f.fontName, f.fontSize) for c, f in zip(text, owners, strict=True)]
        bounds = [0, *line_starts(text, widths, maxWidths), len(text)]
        justify = self.style.alignment == TA_JUSTIFY
        lines = []
        for number, (first, end) in enumerate(pairwise(bounds)):
            max_width = maxWidths[min(number, len(maxWidths) - 1)]
            used = sum(widths[first:end])
            line = cjk_line(text, owners, first, end, max_width, used)
            if justify and len(line.words) == 1 and 0 <= line.extraSpace <= 3 * self.style.fontSize:
                # reportlab spreads extraSpace over wordCount - 1 gaps: one per character here.
                line.wordCount = end - first
            lines.append(line)
        return ParaLines(kind=1, lines=lines)


@functools.cache
def _char_width(char: str, font_name: str, font_size: float) -> float:
    # What reportlab's per-character ``cjkU`` computes, once per character, font and size: a
    # report's tables repeat the same digits in thousands of cells (bench/RESULTS.md).
    width: float = stringWidth(char, font_name, font_size)
    return width


def cjk_line(text: str, owners: Sequence[Any], first: int, end: int, max_width: float, used: float) -> Any:
    """The line ``text[first:end]`` (``owners``: each character's frag), equal to what reportlab's
    ``makeCJKParaLine`` makes from one ``cjkU`` per character, for frags without images or line
    breaks (``breakLinesCJK`` leaves those to reportlab): one word per run of characters whose
    frags map out the same (``sameFrag``), the line's size, ascent and descent the largest of its
    frags'. Worked per run of one frag instead of per character: the per-character objects were
    most of a table-heavy PDF's wrapping (bench/RESULTS.md)."""
    words = []
    size: float = 0  # as reportlab starts them (an int 0 stays one in the line it draws)
    ascent: float = 0
    descent: float = 0
    word, start = None, first
    index = first
    while index < end:
        frag = owners[index]
        run_end = index + 1
        while run_end < end and owners[run_end] is frag:
            run_end += 1
        frag_ascent, frag_descent = getAscentDescent(frag.fontName, frag.fontSize)
        size, ascent, descent = max(size, frag.fontSize), max(ascent, frag_ascent), min(descent, frag_descent)
        if word is None or not sameFrag(word, frag):
            if word is not None:
                words.append(word.clone(text=text[start:index]))
            word, start = frag, index
        index = run_end
    if word is not None:
        words.append(word.clone(text=text[start:end]))
    return FragLine(
        kind=1,
        extraSpace=max_width - used,
        wordCount=1,
        words=words,
        fontSize=size,
        ascent=ascent,
        descent=descent,
        maxWidth=max_width,
        currentWidth=used,
        lineBreak=False,
    )

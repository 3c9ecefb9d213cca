"""Passport and travel-permit numbers after their cue words, whatever the issuing country.

``PassportRecognizer`` reads the shapes China issues on their own (E/G + 8 digits, 公务 SE…,
回乡证 H/M …). Other numbers are only recognisable by the word before them: a foreign passport
(美国 548209731, 巴基斯坦 AK5832094, 日本 TR4820716), 往来台湾通行证 (T + 8 digits, L + letter
+ 7), 台湾居民来往大陆通行证 (台胞证: 8 digits), 旅行证 (T + 8 digits), 海员证 (C + 7 digits).
After 护照/通行证/海员证/旅行证/台胞证 (and 号、号码、a colon or spaces), one or two capital letters
and 6-9 digits, or 8-10 digits alone, are taken as the document's number. The cue words are found
with ``str.find``: they are rare, and a whole-text scan with a CJK first character would cost more
than the rest of the rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gongkai.sensitive.model import Finding, Kind, make_finding
from gongkai.sensitive.recognizers.base import Recognizer, occurrences
from gongkai.sensitive.recognizers.name_tables import cell_start, column_at, row_cells

# 台胞证: the 台湾居民来往大陆通行证 by its common name ("台胞证号08843516").
CUES = ("护照", "通行证", "海员证", "旅行证", "台胞证")
# Searched for: "行证" ends 通行证 and 旅行证 (one ``str.find`` fewer per text). Each only where its
# rarer character is (照, 证, 员, 胞): a one-character test, where a search for the word reads every
# character of the text, and most texts hold none of them.
_SEARCHED = (("护照", "照"), ("行证", "证"), ("海员证", "员"), ("台胞证", "胞"))
# After the cue: its "号/号码", a colon, spaces; then the number, not inside a longer run.
# A lost-document notice counts the book first ("通行证一本，号码："), or names the number after a
# comma or in brackets ("往来台湾通行证，证件号码…", "旅行证（证件号码T…）"). In a row of a CSV file or of
# a table printed one cell per line, the number is the next cell: there only the letter-led forms
# (a date or an amount is all digits).
_NUMBER = re.compile(
    r"[ \t\u3000]*(?:[一两二三]本[，,][ \t]*(?:证件)?|[，,（(][ \t]*(?:证件)?(?=号))?"
    r"(?:号码|号)?[：:]?[ \t\u3000]*"
    r"(?<![0-9A-Za-z])(?P<number>[A-Z]{1,2}\d{6,9}|\d{8,10})(?![0-9A-Za-z])"
    r"|[ \t]*[,，\n\t|][ \t]*(?P<cell>[A-Z]{1,2}\d{6,9})(?![0-9A-Za-z])"
)


class CuedTravelDocumentRecognizer(Recognizer):
    """护照、通行证、海员证 numbers right after their cue word (see the module docstring)."""

    kind = Kind.PASSPORT
    score = 0.85
    explanation = "护照/通行证/海员证提示词后的证件号码"

    def analyze(self, text: str, norm: str) -> Iterator[Finding]:
        for cue, i in occurrences(norm, [cue for cue, rare in _SEARCHED if rare in norm]):
            match = _NUMBER.match(norm, i + len(cue))
            if match is not None:
                start, end = match.span("number" if match["number"] is not None else "cell")
                yield make_finding(self.kind, start, end, text[start:end], self.score, self.explanation)
            else:
                for start, end in _column(norm, i):
                    yield make_finding(self.kind, start, end, text[start:end], 0.8, _COLUMN_EXPLANATION)


_COLUMN_EXPLANATION = "表格“护照/通行证号码”列中的证件号码"
_CELL_NUMBER = re.compile(r"[A-Z]{1,2}\d{6,9}|\d{8,10}")


def _column(norm: str, cue: int) -> Iterator[tuple[int, int]]:
    """The numbers under a table header cell holding a cue ("姓名⇥国籍⇥护照号码⇥…"): any country's
    passport, in the rows of the header's width below it."""
    line_start = norm.rfind("\n", 0, cue) + 1
    line_end = norm.find("\n", cue)
    if line_end == -1:
        return
    header = norm[line_start:line_end]
    sep = "\t" if "\t" in header else "|" if "|" in header else None
    if sep is None and "  " not in header:
        return
    cells, seps = row_cells(header, sep)
    column = column_at(cells, seps, cue - line_start)
    if column < 0 or len(cells[column].strip(" ")) > 8:
        return
    width, row_end = len(cells), line_end
    while row_end != -1:
        row_start, row_end = row_end + 1, norm.find("\n", row_end + 1)
        cells, seps = row_cells(norm[row_start:row_end] if row_end != -1 else norm[row_start:], sep)
        if len(cells) != width:
            return
        cell = cells[column].strip(" ")
        if _CELL_NUMBER.fullmatch(cell):
            start = row_start + cell_start(cells, seps, column)
            yield start, start + len(cell)

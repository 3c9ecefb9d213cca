"""Identity numbers inside a 全国学籍号 (national student registration number).

A student's 全国学籍号 is "G" followed by the student's 18-character identity number ("L" and a
number of the registry's own for a student without one). The identity number inside is personal
data of its own (the labelling policy labels an ID number inside a longer number as the ID), but
the joined scan reads no identifier right after a letter. Where the text names a 学籍号 (one
``str.find``), each "G" + 18 characters standing on its own is read, and the 18 characters are
kept when they pass the identity number's check (``IdCardRecognizer.validate``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gongkai.sensitive.model import Finding, Kind, make_finding
from gongkai.sensitive.recognizers.base import Recognizer
from gongkai.sensitive.recognizers.identifiers import IdCardRecognizer

_STUDENT_NUMBER = re.compile(r"(?<![0-9A-Za-z])G(?P<id>[1-9]\d{16}[\dXx])(?![0-9A-Za-z])")
_ID = IdCardRecognizer()


class StudentNumberIdRecognizer(Recognizer):
    """身份证 inside a 全国学籍号 "G" + ID number, in texts that mention a 学籍号."""

    kind = Kind.ID_CARD
    explanation = "全国学籍号中的身份证号码"

    def analyze(self, text: str, norm: str) -> Iterator[Finding]:
        # 籍 first: a one-character test, where a search for the word reads every character.
        if "籍" not in norm or "学籍" not in norm:
            return
        for match in _STUDENT_NUMBER.finditer(norm):
            start, end = match.span("id")
            checked = _ID.validate(norm[start:end], norm, start)
            if checked is not None:
                yield make_finding(self.kind, start, end, text[start:end], checked[0], self.explanation)

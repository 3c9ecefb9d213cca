"""Which agency an uploaded report belongs to, from the names of the agencies a supervisor oversees.

Published files are named every which way (``2023年平湖市科学技术局政府信息公开工作年度报告.pdf``,
``附件1.docx``) and the report's own title may carry extra words (``平湖市科学技术局2023年...``).
A file is matched only when exactly one name fits best -- a guess between two agencies would file
one agency's report under another, so an ambiguous or unknown file is left for manual assignment.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Full-width forms folded (NFKC) and all white space removed: ``平湖市 科学技术局`` matches."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def match_agency(text: str | None, names: Mapping[int, str]) -> int | None:
    """The id of the agency whose name ``text`` is or contains; the longest such name wins, and a tie
    (two different agencies with names of equal length both contained) gives ``None``."""
    if not text:
        return None
    haystack = normalise(text)
    exact = [pk for pk, name in names.items() if normalise(name) == haystack]
    if len(exact) == 1:
        return exact[0]
    found = [(len(normalise(name)), pk) for pk, name in names.items() if normalise(name) in haystack]
    if not found:
        return None
    found.sort(reverse=True)
    if len(found) > 1 and found[0][0] == found[1][0]:
        return None
    return found[0][1]


def first_match(texts: Iterable[str | None], names: Mapping[int, str]) -> int | None:
    """The first of ``texts`` (in order of trust) that matches an agency."""
    for text in texts:
        pk = match_agency(text, names)
        if pk is not None:
            return pk
    return None

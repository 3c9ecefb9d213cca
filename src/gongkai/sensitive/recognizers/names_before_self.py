"""Names written right before 本人 or 夫妇 in running prose: "转给曹波本人", "梁某本人在谈话中",
"张洪涛、罗凤兰夫妇".

The mirror of ``apposed_names``: there the word before tells that a name follows, here the word
after tells that one precedes. The word alone does not tell where the name starts ("申请人本人",
"但其本人"), so the name must also open where a name opens: at the start of the text or of a
line, after a clause mark, a cue character (给, 请, 由 …) or a person word, and be a name of the
lexicon (surname and one or two given characters), the three-character reading first.

夫妇 is found by the name recogniser's one scan (``name_scan.scan``, where a given-name character
precedes it), 本人 by a ``str.find`` of its own here: a ``str.find`` of each over the text cost 2.9 M
instructions a pass.
"""

from __future__ import annotations

from collections.abc import Callable

from gongkai.sensitive import lexicon

# 本人 and 夫妇 written after a name in prose ("X本人签收", "X、Y夫妇"), two characters each.
WORDS_AFTER_NAME = ("本人", "夫妇")
EXPLANATION = "“本人”或“夫妇”前的姓名"
# A pronoun before 本人 is no given name's last character ("但其本人未参与": 但 is a surname).
_PRONOUNS = frozenset("其他她我你您")
_COMPOUNDS = frozenset(lexicon.COMPOUND_SURNAMES)


def _reading_before(
    norm: str, word_start: int, is_name: Callable[[str], bool], opens_a_name: Callable[[str, int], bool]
) -> int:
    """Start of the name that ends at ``word_start`` (three characters, four with a compound
    surname, or two), -1 if no reading is a name of the lexicon that opens where a name opens."""
    for length in (3, 4, 2):
        start = word_start - length
        if start < 0:
            continue
        name = norm[start:word_start]
        surname = 2 if name[:2] in _COMPOUNDS else 1
        if (
            (length < 4 or surname == 2)
            and is_name(name)
            and lexicon.NOT_RUNNING_GIVEN.isdisjoint(name[surname:])
            and name[-1] not in _PRONOUNS
            and opens_a_name(norm, start)
        ):
            return start
    return -1


def names_before_self(
    norm: str,
    word_starts: list[int],
    is_name: Callable[[str], bool],
    opens_a_name: Callable[[str, int], bool],
) -> list[tuple[int, int]]:
    """Spans of names of the lexicon right before 本人 (found here) or 夫妇 (starting at
    ``word_starts``); ``opens_a_name`` tells whether a name may start at a position
    (``apposed_names``, which calls this). Lists, not generators: 本人 stands in most forms ("本人
    签名"), and a generator per word cost 0.4 M instructions a pass."""
    names: list[tuple[int, int]] = []
    at = norm.find("本人")
    while at != -1:
        _names_ending_at(norm, at, is_name, opens_a_name, names)
        at = norm.find("本人", at + 1)
    for end in word_starts:
        _names_ending_at(norm, end, is_name, opens_a_name, names)
    return names


def _names_ending_at(
    norm: str,
    end: int,
    is_name: Callable[[str], bool],
    opens_a_name: Callable[[str, int], bool],
    names: list[tuple[int, int]],
) -> None:
    start = _reading_before(norm, end, is_name, opens_a_name)
    while start != -1:
        names.append((start, end))
        # A list before the word ("许某、蒋某夫妇"): each earlier item read the same way.
        end = start - 1
        start = _reading_before(norm, end, is_name, opens_a_name) if norm[end:start] == "、" else -1

"""Names written right before 本人 or 夫妇 in running prose: "转给曹波本人", "梁某本人在谈话中",
"张洪涛、罗凤兰夫妇".

The mirror of ``apposed_names``: there the word before tells that a name follows, here the word
after tells that one precedes. The word alone does not tell where the name starts ("申请人本人",
"但其本人"), so the name must also open where a name opens: at the start of the text or of a
line, after a clause mark, a cue character (给, 请, 由 …) or a person word, and be a name of the
lexicon (surname and one or two given characters), the three-character reading first.

Each word is found by one ``str.find`` over the text (夫妇 through 妇 alone, one character being
rarer than the word's two; 本人 whole, 本 alone standing in 本机关, 本答复 … ten times a
document). Posts (书记, 镇长, 师傅, 主任) were tried and dropped for the cost of their finds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from gongkai.sensitive import lexicon

# 本人 and 夫妇 written after a name in prose ("X本人签收", "X、Y夫妇"): each word with what is
# looked for (the word or its rarer character) and that text's place in the word.
_GATES = (("本人", "本人", 0), ("夫妇", "妇", 1))
WORDS_AFTER_NAME = tuple(word for word, _, _ in _GATES)
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
    norm: str, is_name: Callable[[str], bool], opens_a_name: Callable[[str, int], bool]
) -> Iterator[tuple[int, int]]:
    """Spans of names of the lexicon right before one of ``WORDS_AFTER_NAME``; ``opens_a_name``
    tells whether a name may start at a position (``apposed_names``, which calls this)."""
    for word, gate, place in _GATES:
        at = norm.find(gate)
        while at != -1:
            end = at - place
            if norm.startswith(word, end):
                yield from _names_ending_at(norm, end, is_name, opens_a_name)
            at = norm.find(gate, at + 1)


def _names_ending_at(
    norm: str, end: int, is_name: Callable[[str], bool], opens_a_name: Callable[[str, int], bool]
) -> Iterator[tuple[int, int]]:
    start = _reading_before(norm, end, is_name, opens_a_name)
    while start != -1:
        yield start, end
        # A list before the word ("许某、蒋某夫妇"): each earlier item read the same way.
        end = start - 1
        start = _reading_before(norm, end, is_name, opens_a_name) if norm[end:start] == "、" else -1

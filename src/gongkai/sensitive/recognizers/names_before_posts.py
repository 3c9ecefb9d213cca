"""Names written right before a post, a form of address or 本人 in running prose: "王德明书记反映…",
"请高峰镇长牵头", "转给曹波本人", "张洪涛、罗凤兰夫妇".

The mirror of ``apposed_names``: there the word before tells that a name follows, here the word
after tells that one precedes. The word alone does not tell where the name starts ("镇党委书记",
"申请人本人"), so the name must also open where a name opens: at the start of the text or of a
line, after a clause mark, a cue character (给, 请, 由 …) or a person word, and be a name of the
lexicon (surname and one or two given characters), the three-character reading first.

Each word is looked up with one ``str.find`` over the text, so the rule costs a look only where
one of these words stands.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from gongkai.sensitive import lexicon

# Posts and forms of address written after a name in prose, and 本人/夫妇 ("X本人签收").
WORDS_AFTER_NAME = ("书记", "镇长", "乡长", "村长", "师傅", "主任", "本人", "夫妇")
EXPLANATION = "职务、称呼或“本人”前的姓名"
# A pronoun before 本人 is no given name's last character ("但其本人未参与": 但 is a surname).
_PRONOUNS = frozenset("其他她我你您")


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
        surname = 2 if name[:2] in lexicon.COMPOUND_SURNAMES else 1
        if (
            (length < 4 or surname == 2)
            and is_name(name)
            and lexicon.NOT_RUNNING_GIVEN.isdisjoint(name[surname:])
            and name[-1] not in _PRONOUNS
            and opens_a_name(norm, start)
        ):
            return start
    return -1


def names_before_posts(
    norm: str, is_name: Callable[[str], bool], opens_a_name: Callable[[str, int], bool]
) -> Iterator[tuple[int, int]]:
    """Spans of names of the lexicon right before one of ``WORDS_AFTER_NAME``; ``opens_a_name``
    tells whether a name may start at a position (``apposed_names``, which calls this)."""
    for word in WORDS_AFTER_NAME:
        end = norm.find(word)
        while end != -1:
            name_end = end
            start = _reading_before(norm, name_end, is_name, opens_a_name)
            while start != -1:
                yield start, name_end
                # A list before the word ("许某、蒋某夫妇"): each earlier item read the same way.
                name_end = start - 1
                start = (
                    _reading_before(norm, name_end, is_name, opens_a_name)
                    if norm[name_end:start] == "、"
                    else -1
                )
            end = norm.find(word, end + 2)

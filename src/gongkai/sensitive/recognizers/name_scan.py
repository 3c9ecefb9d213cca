"""The name recogniser's one scan over a text: where names in running text may end, where posts
and handing verbs end before a surname, where 本人/夫妇 follow a name, and the minority-name
recogniser's stops.

Each whole-text scan costs ~70 instructions per character of text for its leading class alone, and
each stop of the scan as much again for every branch tried there: the rules share one class and as
few branches as they can, and what they look for at a stop is checked in Python.
"""

from __future__ import annotations

import re

from gongkai.sensitive import lexicon
from gongkai.sensitive.recognizers import apposed_names, minority_names
from gongkai.sensitive.recognizers.names_before_self import WORDS_AFTER_NAME

# First characters of all surnames: one class test after a separator turns away what neither the
# single-surname class nor any compound surname (tried one by one by ``re``) could start.
# "于" too: "于思琪" alone in a cell (checked in Python against "于" as "at").
SURNAME_HEADS = "".join(
    sorted(set(lexicon.SINGLE_SURNAMES + "于") | {c[0] for c in lexicon.COMPOUND_SURNAMES})
)
_SURNAME_HEAD_SET = frozenset(SURNAME_HEADS)
# Posts and standings before a name ("副区长章建华在…", "执法队员施春燕、", "原告禤国良诉…"), found
# from their last character: led by the posts' first characters (区 市 镇 局 ...), an expression
# would try a match at every agency name.
_TITLE_SET = frozenset(lexicon.TITLES) | apposed_names.NOUNS
if {len(t) for t in lexicon.TITLES} - {2, 3, 4}:
    raise ValueError("posts are read as two to four characters")
_VERB_SET = frozenset(lexicon.OBJECT_VERBS)
# Where a name may start in running text: after a running-text cue word or a clause mark.
# Names in running text are found from what ends them ("于", "表示" ...), looking back for a
# name and a cue before it: a scan for the cues themselves (the clause marks "，。" among them)
# cost a third of the detector's time; the ends are rarer.
# One character class first (``re`` skips to it in C; an alternation with the words, or a
# look-behind before the class, made the scan 2-4 times slower), then a look-behind for a
# given-name character before it (tried only there); the words are checked in Python.
_END_HEADS = "".join(sorted(lexicon.RUNNING_TEXT_ENDS | {w[0] for w in lexicon.RUNNING_TEXT_END_WORDS}))
# Words after a name whose first character is common (书 of 申请书, 镇 of every town, 起 of 起诉) and
# whose second is rare: the scan stops at the second, after the first and a given-name character
# ("，X书记反映", "请X镇长牵头", "，X起床…", and 夫妇 for ``names_before_self``). Stops at the first
# characters cost 1.1 M instructions a pass, a ``str.find`` of 妇 0.4 M.
_SECOND_FOUND = frozenset("书记 镇长 起床 起草 夫妇".split())  # noqa: SIM905
_SECONDS = frozenset(w[1] for w in _SECOND_FOUND)
END_WORDS = lexicon.RUNNING_TEXT_END_WORDS | _SECOND_FOUND
# Both in one look-behind (one test per stop: a branch of their own is tried at every stop).
_BEFORE_END = "".join(sorted(lexicon.GIVEN_NAME_CHARS | {w[0] for w in _SECOND_FOUND}))
_ENDS = _END_HEADS + "".join(sorted(_SECONDS))
_END_HEAD_SET = frozenset(_END_HEADS)
_GIVEN_SET = lexicon.GIVEN_NAME_CHARS
# One scan for three rules (each whole-text scan costs ~70 instructions per character for its
# leading class alone): the ends of names in running text (a given-name character before one of
# _END_HEADS), and the last characters of posts and handing verbs before a surname; and the
# minority-name recogniser's stops (``minority_names.AT_FIRST``).
_WORD_LASTS = "".join(sorted({w[-1] for w in (*lexicon.TITLES, *lexicon.OBJECT_VERBS, *apposed_names.NOUNS)}))
_WORD_LAST_SET = frozenset(_WORD_LASTS)
_SCAN = re.compile(
    f"[{''.join(sorted(set(_ENDS + _WORD_LASTS + minority_names.FIRSTS)))}]"
    f"(?:(?<=[{_BEFORE_END}][{_ENDS}])|(?<=[{_WORD_LASTS}])(?=[{SURNAME_HEADS}])|{minority_names.AT_FIRST})"
)


def scan(norm: str) -> tuple[list[int], list[int], list[int], list[int]]:
    """Where names in running text may end, where a post (区长, 执法队员 ...) or a handing
    verb (报, 告知 ...) ends right before a surname, and where 本人 or 夫妇 follows a given-name
    character."""
    running: list[int] = []
    titles: list[int] = []
    verbs: list[int] = []
    selves: list[int] = []
    minority: list[tuple[int, int]] = []
    heads, posts, firsts = _SURNAME_HEAD_SET, _TITLE_SET, minority_names.FIRST_SET
    for match in _SCAN.finditer(norm):
        i = match.end()
        last = norm[i - 1]
        if last in firsts:
            minority_names.note(norm, match, minority)
        if last in _END_HEAD_SET and i > 1 and norm[i - 2] in _GIVEN_SET:
            running.append(i - 1)
        elif last in _SECONDS and norm[i - 2 : i] in _SECOND_FOUND and norm[i - 3 : i - 2] in _GIVEN_SET:
            (selves if norm[i - 2 : i] in WORDS_AFTER_NAME else running).append(i - 2)
        if last in _WORD_LAST_SET and norm[i : i + 1] in heads:
            # Posts are two to four characters (a plain test, not a generator per match).
            if norm[i - 2 : i] in posts or norm[i - 3 : i] in posts or norm[i - 4 : i] in posts:
                titles.append(i)
            elif norm[i - 1 : i] in _VERB_SET or norm[i - 2 : i] in _VERB_SET:
                verbs.append(i)
    minority_names.scanned(norm, minority)
    return running, titles, verbs, selves


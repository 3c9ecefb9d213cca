"""Names known by the words around them rather than by their characters: kinship (X之妻Y), an
election's result (X、Y当选为), and the items of a list or the first cells of rows that share one
shape with a name of the lexicon ("第一组：孔祥林 7.2亩；孔繁荣 5.8亩", "康满仓  雁塔区…").

A name of the north or of a minority (那顺巴雅尔, 海来阿果) has no Han surname, and a Han given name
may be made of characters no lexicon holds (满仓, 改花). What still tells a name here:

- kinship: the words 之妻, 之女, 之子 … stand between two people: the run before them (after a
  clause mark, a bracket or a cue such as 逝者) and the name after them are names;
- 当选: what is elected is a person (and a list of them with 、);
- a list or a table written as text repeats one shape per person: where one item of that shape is
  a name of the lexicon, every surname-led item of the same shape is a name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterator

from gongkai.sensitive import lexicon
from gongkai.sensitive.recognizers.base import CJK
from gongkai.sensitive.recognizers.name_tables import is_dotted_name, plausible_name, surnamed

_KIN = frozenset("妻夫子女父母儿孙媳婿")
# Before a name: what ends a clause, a bracket, a cell or a list item.
_BOUNDARY = frozenset("，,。；;：:、（(）)\n\t |")
# Words written before a name that are not part of it ("逝者那顺巴雅尔之子", "系王某之女").
_LEAD_WORDS = ("已故退役军人", "退役军人", "逝者", "死者", "已故", "户主", "其中", "系", "为", "即", "另")
# Words that stand before 当选 but are not people ("全票当选", "依法当选").
_NOT_ELECTED = frozenset(["全票", "依法", "等额", "差额", "分别", "同时", "均", "其余", "选举", "正式"])
_CJK_LO, _CJK_HI = "\u4e00", "\u9fff"
# Characters of times and counts that no name here holds ("同期", "全年"); 日, 月, 次, 门 and 方 are
# left out of ``lexicon.NOT_RUNNING_GIVEN``'s set: Mongolian and Tibetan names hold them (格日乐,
# 次仁, 朝鲁门).
_NOT_IN_NAME = frozenset("年时期间度类项条款件")
# Roles end in these ("受送达人之子", "患者之女", "权利人⇥证号"): a role is not its holder's name.
_ROLE_LASTS = frozenset("人者员")


def _is_cjk(ch: str) -> bool:
    return _CJK_LO <= ch <= _CJK_HI


def _word_name(name: str) -> bool:
    """Two to five characters that are not a word, an office, a place or a time."""
    return (
        2 <= len(name) <= 5
        and plausible_name(name)
        and name not in _NOT_ELECTED
        and _NOT_IN_NAME.isdisjoint(name)
        and name[-1] not in lexicon.ORG_PLACE_SUFFIXES
        and name[-1] not in _ROLE_LASTS
    )


def _name_before(norm: str, end: int) -> int:
    """Start of a name ending at ``end`` whose run of characters begins after a boundary (or a
    lead word), -1 if there is none."""
    start = end
    while start and end - start < 9 and _is_cjk(norm[start - 1]):
        start -= 1
    if start and norm[start - 1] not in _BOUNDARY:
        return -1
    for word in _LEAD_WORDS:
        if norm.startswith(word, start) and end - start > len(word) + 1:
            start += len(word)
            break
    return start if _word_name(norm[start:end]) else -1


def _name_after(norm: str, start: int) -> int:
    """End of a name starting at ``start`` and closed by a boundary or a word that follows names
    ("白萍住…"), -1 if there is none."""
    for end in range(start + 2, min(start + 5, len(norm)) + 1):
        after = norm[end : end + 1]
        closed = not after or not _is_cjk(after) or after in lexicon.STOP_AFTER_NAME
        if closed and _word_name(norm[start:end]):
            return end
    return -1


def related_names(norm: str) -> list[tuple[int, int]]:
    """The names of ``kinship_names`` and ``elected_names`` (one call per document)."""
    spans = list(kinship_names(norm)) if "之" in norm else []
    if "当选" in norm:
        spans.extend(elected_names(norm))
    return spans


def kinship_names(norm: str) -> Iterator[tuple[int, int]]:
    """The names on both sides of 之妻/之女/之子 …: "逝者额尔敦之妻", "白淑贤之女白萍住…"."""
    i = norm.find("之", 2)
    while i != -1:
        if norm[i + 1 : i + 2] in _KIN:
            start = _name_before(norm, i)
            if start != -1:
                yield start, i
                # "巴某（逝者那某之子）": the person the bracket is about, before it.
                bracket = norm.rfind("（", max(0, start - 4), start)
                if bracket > 1 and (before := _name_before(norm, bracket)) != -1:
                    yield before, bracket
                after = i + 2
                if after < len(norm) and _is_cjk(norm[after]) and (end := _name_after(norm, after)) != -1:
                    yield after, end
        i = norm.find("之", i + 1)


def elected_names(norm: str) -> Iterator[tuple[int, int]]:
    """The people before 当选 ("巴图当选为主任，乌兰、阿旺当选为委员"), back along a list with 、."""
    i = norm.find("当选", 2)
    while i != -1:
        if norm[i + 2 : i + 3] in ("为", "。", "，", "") and norm[i - 1 : i] not in "人员":
            end = i
            while (start := _name_before(norm, end)) != -1:
                yield start, end
                if start < 2 or norm[start - 1] != "、":
                    break
                end = start - 1
        i = norm.find("当选", i + 1)


def _follower(norm: str, end: int) -> str | None:
    """The shape of what follows an item: spaces then a digit, a run of spaces then a cell, one
    space then a word; None for anything else (tab and "|" tables are ``name_tables``' work)."""
    j = end
    while j < len(norm) and norm[j] == " ":
        j += 1
    if j == end or j == len(norm):
        return None
    if norm[j].isdigit():
        return "number"
    if not _is_cjk(norm[j]):
        return None
    return "cell" if j - end > 1 else "word"


def _item_at(norm: str, start: int) -> tuple[int, str] | None:
    """A surname-led name of two or three characters at ``start`` and the shape that follows it."""
    for length in (3, 2):
        end = start + length
        if (
            norm[end : end + 1] == " "  # most items are turned away by this one test
            and surnamed(norm[start:end])
            and norm[end - 1] not in _ROLE_LASTS
            and (shape := _follower(norm, end)) is not None
        ):
            return end, shape
    return None


# An item of two or three characters and a space after a label's colon, an item's semicolon
# ("拟录用：叶某某 男", "；孔某某 5.8亩") or a line start ("康某某  雁塔区…"): one expression led by
# the literal space, which ``re`` skips to in C. One expression per mark cost 14 M instructions per
# pass (the calls, on short documents), ``str.split`` per mark and a Python test per piece more.
_ITEM_SPACE = re.compile(rf" (?:(?<=[：；\n][{CJK}]{{2}} )|(?<=[：；\n][{CJK}]{{3}} ))")


def listed_names(
    norm: str, known: Container[tuple[int, int]], is_name: Callable[[str], bool]
) -> Iterator[tuple[int, int]]:
    """Items that share one shape, two of them at least, one a name of the lexicon or found
    already (``known``): the items after a label's colon or an item's semicolon ("大队：孔祥林
    7.2亩；孔繁荣 5.8亩；", "拟录用：叶某某 男") and the first cells of rows whose cells are set
    apart by spaces ("康满仓  雁塔区…")."""
    groups: dict[tuple[bool, str], list[tuple[int, int]]] = {}
    for match in _ITEM_SPACE.finditer(norm):
        end = match.start()
        start = end - 3 if end >= 4 and norm[end - 4] in "：；\n" else end - 2
        if (item := _item_at(norm, start)) is not None:
            groups.setdefault((norm[start - 1] == "\n", item[1]), []).append((start, item[0]))
    if (first := _item_at(norm, 0)) is not None:
        groups.setdefault((True, first[1]), []).append((0, first[0]))
    for items in groups.values():
        if len(items) >= 2 and any(span in known or is_name(norm[span[0] : span[1]]) for span in items):
            yield from items


# A name between a form's underlines ("____某某____") or after a message's "@" at the end of its line
# or before a space: matched only where ``str.find`` finds the marks (e-mail addresses hold "@").
_IN_BLANK = re.compile(rf"[{CJK}·]{{2,8}}(?=__)")
_MENTIONED = re.compile(rf"[{CJK}·]{{2,8}}(?=[ \t\n]|$)")


def blank_or_mention_names(norm: str) -> Iterator[tuple[int, int]]:
    """Surname-led or dotted names written into an underlined blank of a form, or mentioned with
    "@" in a message."""
    for mark, expression in (("__", _IN_BLANK), ("@", _MENTIONED)):
        i = norm.find(mark)
        while i != -1:
            j = i + len(mark)
            while norm[j : j + 1] == "_":
                j += 1
            match = expression.match(norm, j)
            if match is not None:
                name = match[0]
                if surnamed(name) or ("·" in name and is_dotted_name(name)):
                    yield match.span()
            i = norm.find(mark, j)


# The words after a name (同志, 先生 ...), each with its character that is rarest in other words: a
# one-character ``in`` (a ``memchr``) costs a third of a two-character search, and most documents
# hold none of 志 先 士 师 老. The first character stands in for a word not listed here.
_AFTER_WORDS = tuple(
    (word, {"同志": "志", "女士": "士", "律师": "师", "老师": "师"}.get(word, word[0]))
    for word in lexicon.NAME_AFTER_CUES
)
_SINGLE_SET = frozenset(lexicon.SINGLE_SURNAMES)
_ORG_CHARS = frozenset(lexicon.ORG_PLACE_SUFFIXES)


def names_before_address_words(norm: str, is_name: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Names before 同志/先生/女士/律师/老师/老人 (``lexicon.NAME_AFTER_CUES``, in that order): a name
    of the lexicon (``is_name``) of two to four characters, the longest first, or any three
    characters after a single surname that hold no office, place or description (请柏庆丰同志; not
    全体同志, 区委李同志, 辖区独居老人, 车走。老人)."""
    names = []  # a list, not a generator: see ``name_tables.names_before_sex``
    for word, rare in _AFTER_WORDS:
        # Most documents lack the word's rarer character: one ``in`` instead of the word's search.
        i = norm.find(word) if rare in norm else -1
        while i != -1:
            # 律师事务所: a firm's name before it; "负责同志" is a role ("相关负责同志").
            if not norm.startswith("事务所", i + len(word)) and norm[i - 2 : i] != "负责":
                for length in (4, 3, 2):  # the leftmost start first, as a regular expression would
                    name = norm[i - length : i]
                    if (
                        i >= length
                        and (
                            is_name(name)
                            or (
                                length == 3
                                and name[0] in _SINGLE_SET
                                # No clause mark ("推着车走。老人") and no description of 老人 (辖区独居老人).
                                and name.isalpha()
                                and name[1:] not in lexicon.NOT_NAMES
                                and plausible_name(name)
                                and _ORG_CHARS.isdisjoint(name[1:])
                                and lexicon.NOT_RUNNING_GIVEN.isdisjoint(name[1:])
                            )
                        )
                    ):
                        names.append((i - length, i))
                        break
            i = norm.find(word, i + 1)
    return names

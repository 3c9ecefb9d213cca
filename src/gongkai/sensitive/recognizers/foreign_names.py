"""Names of ethnic minorities written with "·" (阿依古丽·吐尔逊) and foreigners' names in Latin
letters (Smith, John David; Tanaka Hiroshi; KIM JIWOO).

- A "·" name: two to four parts of two to six characters, joined by "·" (or "•", "・"), every
  character one of the transliteration characters of Uyghur, Kazakh, Tibetan and Mongolian names
  (the characters of 《少数民族人名汉字音译转写规则》-style transcriptions, which rarely spell
  words), standing on its own (after a line start, a separator or a role cue). Estate and brand
  names with a dot ("绿城·桂花园") are made of other characters.
- A Latin name: two to four capitalised words (or all capitals), "Smith, John David" with its
  comma, taken only where the text says it is a person: a role cue before it (申请人：, 法定代表人：,
  致), or a nationality, 先生/女士, or a country and 护照 right after it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gongkai.sensitive import lexicon
from gongkai.sensitive.model import Finding, Kind, make_finding
from gongkai.sensitive.recognizers.base import CJK, Recognizer, occurrences
from gongkai.sensitive.recognizers.name_tables import surnamed

TRANSLITERATION_CHARS = frozenset(
    "阿艾爱安奥巴白拜贝别波布达大丹德迪丁都杜多俄厄尔法凡菲夫盖甘古哈海汗罕赫胡吉加佳杰金居卡凯坎"
    "康柯克库拉莱兰朗勒雷里力丽利莉连林琳娜纳奈南尼妮努诺帕潘佩皮普其奇恰热日如萨塞桑色沙莎山尚舍"
    "什斯苏索塔泰坦提图吐托瓦万维乌西希夏谢辛亚扬耶伊依尤于玉约扎札哲孜宗祖买麦曼米敏明莫穆木默姆"
    "鲁吾乃合贾则兹茹赛汉洛旦央卓玛次仁措格平顿珠嘎旺边曲珍逊热帕孜江然莱比穆罕默德伦塔尔克里木马卜不"
)
_DOTS = "·•・"
_LETTER = "[" + "".join(sorted(TRANSLITERATION_CHARS)) + "]"
_DOT_NAME = re.compile(rf"{_LETTER}{{2,6}}(?:[{_DOTS}]{_LETTER}{{2,6}}){{1,3}}")
_PART = re.compile(f"[{CJK}]")
# Where a "·" name may begin when a CJK character stands before it: after a role cue.
_CUE_ENDS = ("人", "员", "对象", "户主", "姓名", "给予", "致")
# A person's: a cue before (申请人：, 与, 致), or a nationality or a courtesy title after.
_PERSON_CUES = "|".join(sorted(lexicon.NAME_CUES, key=len, reverse=True))
_LATIN_BEFORE = re.compile(rf"(?:{_PERSON_CUES}|人|与|致)[：:]?[ \t]*$")
_NATIONALITY = rf"[（(][^）)\n]{{0,8}}籍|[（(][{CJK}]{{2,4}}[）)]|[{CJK}]{{2,5}}[ \t]+护照"
# ... or a country (a table's nationality cell, or in brackets), or the name again in Chinese
# transliteration ("PETROV IVAN（彼得罗夫·伊万，").
_COUNTRY = "|".join(sorted(lexicon.COUNTRIES, key=len, reverse=True))
_LATIN_AFTER = re.compile(
    rf"[ \t]*(?:{_NATIONALITY}|先生|女士|[（(\t]?(?:{_COUNTRY})(?:国籍|籍)?(?:[）)\t，,]|$)"
    rf"|[（(][{CJK}]{{2,8}}[·•・])",
    re.MULTILINE,
)
# An all-capitals name in brackets right after a name in Chinese ("阮氏香（NGUYEN THI HUONG）").
_BRACKET_AFTER_NAME = re.compile(rf"[{CJK}][（(]$")
# A name in Chinese in brackets right after a foreign name ("LEE KA MING（李家明，香港居民）").
_CHINESE_IN_BRACKETS = re.compile(rf"[（(](?P<name>[{CJK}]{{2,3}})[，,）)]")
_SPACED_BEFORE_NATIONALITY = re.compile(rf"(?P<name>[{CJK}]{{1,3}} [{CJK}]{{1,3}})[（(][^）)\n]{{0,6}}$")
# Latin letters, and Cyrillic ones for names from Russia and Central Asia (ИВАНОВ СЕРГЕЙ).
_UPPER, _ALPHA = "A-ZА-ЯЁ", "A-Za-zА-яЁё"
_LATIN_SPACE = re.compile(rf" (?=[{_UPPER}])(?:(?<=[{_ALPHA}] )|(?<=[{_ALPHA}], ))")
_LATIN_NAME = re.compile(
    rf"[{_UPPER}](?<![{_ALPHA}].)[{_ALPHA}]+(?:,? [{_UPPER}][{_ALPHA}]+){{1,3}}(?![{_ALPHA}])"
)
_ALPHA_RE = re.compile(f"[{_ALPHA}]")


class ForeignNameRecognizer(Recognizer):
    """姓名 of minorities with "·" and of foreigners in Latin letters (see the module docstring)."""

    kind = Kind.PERSON_NAME
    score = 0.8
    explanation = "少数民族或外籍人员姓名"

    def analyze(self, text: str, norm: str) -> Iterator[Finding]:
        # Lists, not generators: each generator's set-up and end cost more than its few findings
        # (see ``name_tables.names_before_sex``).
        found = self._dot_names(text, norm)
        found += self._latin_names(text, norm)
        found += self._before_nationality(text, norm)
        return iter(found)

    def _before_nationality(self, text: str, norm: str) -> list[Finding]:
        """A Japanese or Korean name in characters, family and given name apart, before its
        nationality: "山田 健一（日本国籍）"."""
        # 籍 first: a one-character test, where a search for the word reads every character.
        found = []
        for _, i in occurrences(norm, ("国籍",) if "籍" in norm else ()):
            lo = max(0, i - 16)
            match = _SPACED_BEFORE_NATIONALITY.search(norm, lo, i)
            if match is not None and (
                match.start() == 0
                or not _PART.match(norm, match.start() - 1)
                or norm[match.start() - 1] == "："
            ):
                start, end = match.span("name")
                found.append(
                    make_finding(self.kind, start, end, text[start:end], self.score, self.explanation)
                )
        return found

    def _dot_names(self, text: str, norm: str) -> list[Finding]:
        found: list[Finding] = []
        seen = -1
        for _, i in occurrences(norm, _DOTS):
            # Most dots are a plate's (浙F·H8375) or a list's: a transliteration character on both
            # sides first.
            if not (
                0 < i < len(norm) - 1
                and norm[i - 1] in TRANSLITERATION_CHARS
                and norm[i + 1] in TRANSLITERATION_CHARS
            ):
                continue
            # Back over the transliteration characters before the dot: a cue before them
            # ("违法行为人阿依古丽·…") is not part of the name.
            start = i
            while start > 0 and norm[start - 1] in TRANSLITERATION_CHARS and i - start < 6:
                start -= 1
            match = _DOT_NAME.match(norm, start)
            if match is not None and match.end() > seen and self._is_dot_name(norm, match):
                start, seen = match.span()
                found.append(
                    make_finding(self.kind, start, seen, text[start:seen], self.score, self.explanation)
                )
        return found

    @staticmethod
    def _is_dot_name(norm: str, match: re.Match[str]) -> bool:
        start = match.start()
        if start and _PART.match(norm, start - 1) and not norm[:start].endswith(_CUE_ENDS):
            return False
        return not (
            match.end() < len(norm)
            and _PART.match(norm, match.end())
            and norm[match.end()] not in lexicon.STOP_AFTER_NAME + "行"
        )

    def _latin_names(self, text: str, norm: str) -> list[Finding]:
        # Found from the space between two words (a literal ``re`` skips to quickly; a scan for
        # capitals cost ten times more), then read from the first word's start.
        found: list[Finding] = []
        covered = 0
        for space in _LATIN_SPACE.finditer(norm):
            if space.start() < covered:
                continue
            start = space.start() - 1
            while start > 0 and (_ALPHA_RE.match(norm, start - 1) or norm[start - 1] in ", "):
                start -= 1
            while start < space.start() and not ("A" <= norm[start] <= "Z" or "А" <= norm[start] <= "Я"):
                start += 1
            match = _LATIN_NAME.match(norm, start)
            if match is None:
                continue
            start, end = match.span()
            covered = end
            before = norm[max(0, start - 8) : start]
            capitals = match.group().upper() == match.group()
            if (
                _LATIN_BEFORE.search(before)
                or _LATIN_AFTER.match(norm, end)
                or (capitals and _BRACKET_AFTER_NAME.search(before))
            ):
                found.append(
                    make_finding(self.kind, start, end, text[start:end], self.score, self.explanation)
                )
                chinese = _CHINESE_IN_BRACKETS.match(norm, end)
                if chinese is not None and surnamed(chinese["name"]):
                    start, end = chinese.span("name")
                    found.append(
                        make_finding(self.kind, start, end, text[start:end], self.score, self.explanation)
                    )
        return found

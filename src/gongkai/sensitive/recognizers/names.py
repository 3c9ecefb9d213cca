"""The name recogniser (姓名): cue words, lists, roster columns, table cells, later mentions."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import chain

from gongkai.sensitive import lexicon
from gongkai.sensitive.model import Finding, Kind, make_finding
from gongkai.sensitive.recognizers import apposed_names, name_scan
from gongkai.sensitive.recognizers.base import (
    CJK,
    Recognizer,
    literal_alternation,
)
from gongkai.sensitive.recognizers.name_lists import (
    blank_or_mention_names,
    listed_names,
    names_before_address_words,
    related_names,
)
from gongkai.sensitive.recognizers.name_tables import (
    DOTTED,
    column_names,
    dotted_names,
    header_column_names,
    is_dotted_name,
    names_before_sex,
    salutations,
)

# The compound surnames, entered only where one can start: a failed alternation of ~100 literals
# costs ~800 instructions (``re`` tests them one by one), a class test ~50. The same matches: the
# look-ahead holds wherever a compound surname does, and the trie keeps their order.
_COMPOUND_HEADS = "".join(sorted({c[0] for c in lexicon.COMPOUND_SURNAMES}))
_COMPOUND_TRIE = literal_alternation(
    (c, "") for c in sorted(lexicon.COMPOUND_SURNAMES, key=len, reverse=True)
)
_COMPOUNDS = f"(?=[{_COMPOUND_HEADS}])(?:{_COMPOUND_TRIE})"
_SURNAME = rf"(?:{_COMPOUNDS}|[{lexicon.SINGLE_SURNAMES}])"
_SURNAME_CLASS_FIRST = rf"(?:[{lexicon.SINGLE_SURNAMES}于]|{_COMPOUNDS})"
# Where a name's run of characters starts ("(?=(?P<run>" + _SURNAME_OR_YU + CJK run)), the
# single-surname class may come first too: where it accepts the first character, a compound
# surname's reading would start at the same place (only the run's far end, past 12 characters,
# could differ, and nothing reads that far); where it does not, the compound surnames are tried
# as before. One class test instead of ~100 alternatives one by one.
_SURNAME_OR_YU = _SURNAME_CLASS_FIRST
_SURNAME_HEADS = name_scan.SURNAME_HEADS
_MASK_CHARS, _DOTS = frozenset("某*＊×"), frozenset("·•・")
_ALONE = "表格或名单中单独成项的姓名"
_AFTER_UNIT = "名单中单位或称呼后的姓名"
_SAME_COLUMN = "表格中与其他姓名同列的单元格"
_AFTER_TITLE_EXPLANATION = "职务或身份后的姓名"
_RELATED = "亲属称谓或当选前后的姓名"
_LISTED = "与名单中其他姓名同样排列的项"


# Posts and standings before a name ("副区长章建华在…", "执法队员施春燕、", "原告禤国良诉…"), found
# from their last character by ``name_scan``, read from there.
_AFTER_TITLE = re.compile(rf"(?P<run>{_SURNAME_OR_YU}[{CJK}]{{1,11}})")
# Objects of a handing verb, ending a clause ("结果报王某。"): three characters or more (通知原文).
_CLAUSE_ENDS = "。，；;,\n（("
# Given-name characters as a class: a table cell is only a name candidate if its given name is made
# of them (checked by the expression itself, which spares a Python check per cell).
_GIVEN_CLASS = "[" + "".join(sorted(lexicon.GIVEN_NAME_CHARS)) + "]"
_NOT_GIVEN = frozenset(lexicon.STOP_AFTER_NAME) | _MASK_CHARS
# Given names of the 1950s-70s led by a character that ends names elsewhere (向…申请), or holding
# one the lexicon leaves out for its words (保险, 丰富, 可以, 革命): whole names.
_ERA_GIVEN = frozenset("向阳 向东 向前 向红 向荣 向明 向华 向群 向军 向辉 向党".split())  # noqa: SIM905
_ERA_GIVEN |= frozenset(("保国", "保华", "庆丰", "文革", "可馨"))
_NOT_LAST_AFTER_CUE = lexicon.ORG_PLACE_SUFFIXES.replace("旗", "")  # 红旗 after a person cue
_COMPOUND_SET = frozenset(lexicon.COMPOUND_SURNAMES)
_SINGLE_SET = frozenset(lexicon.SINGLE_SURNAMES)
_CJK_RE = re.compile(f"[{CJK}]+")
_SEPARATORS = " \t|、，,；;\n"
_CUES = literal_alternation(
    [(cue, "") for cue in sorted(lexicon.NAME_CUES, key=len, reverse=True)]
    # ... or a table cell of its own: "| 见证人 | 于浩欣 |", "受理人\t徐思峰".
    + [(cue, r"(?:[：:]| ?\| ?|\t)") for cue in sorted(lexicon.NAME_CUES_WITH_COLON, key=len, reverse=True)]
)
# Whole-text scans with a CJK first character cost ~70 instructions per character of text (the
# class test at every position); the rare literals that start these rules are found with
# ``str.find`` instead, and their expressions matched only there.
# Each with the character tested first where that spares a two-character search (most documents
# hold no 心; 街 and 道 are common).
_UNITS = (("局", ""), ("室", ""), ("街道", ""), ("镇", ""), ("乡", ""), ("办", ""), ("中心", "心"))
# What ``_after_unit`` can start with (a colon, a title's first character, a surname's): five
# units in six are followed by none, and the expression (~100 compound surnames tried one by one)
# is spared there.
_AFTER_UNIT_FIRSTS = frozenset("：:副局主书镇乡科处所站委") | frozenset(_SURNAME_HEADS)
# The cue right before a name, by length: one character (clause marks, 与 同 和 及 人), two, three.
_CUES_BEFORE = tuple(
    # A space too: a notice's entries run on one line ("声明作废。 王某遗失…").
    frozenset(c for c in [*lexicon.RUNNING_TEXT_CUES, *"，。；\n "] if len(c) == n)
    for n in (1, 2, 3)
)
_RUNNING = "文中主语位置的姓名"
_POSTS_AND_FORMS = frozenset(lexicon.TITLES) | lexicon.ADDRESS_FORMS
# A one-character cue and a surname after it that make a word: no cue there ("未及时发现" is no 时发).
_CUE_WORDS = frozenset("及时 同时 经常 对方 和平".split())  # noqa: SIM905
# After a post or a role (not searched for in running text, where their first characters are
# common): what a subject does next, "区长李某主持召开", "书记王某带队".
_AFTER_POST_WORDS = name_scan.END_WORDS | frozenset(
    "带队 主持 出席 参加 走进 来到 强调 专程 出庭 参评 提交 名下 不慎 家中".split()  # noqa: SIM905
)
# A list line's first item may have the surname 于: "于海燕、男、…".
_LIST_ENDS = frozenset("、（(\t ")


class PersonNameRecognizer(Recognizer):
    """姓名: a surname (one or two characters) and a one- or two-character given name, found

    - after a role label (申请人：、当事人、法定代表人、联系人、负责人 ..., any "…人：", 出席：,
      名单：), with every name listed after it with "、": score 0.8;
    - after its unit in an attendance list (区财政局冯青，…；崇福镇：刘亮红), or as a letter's
      salutation (韦珍诺：⏎你（您）…): 0.75;
    - in the cells under a name column header (姓名、户主、收款人 ...), any given name: 0.75;
    - before 同志/先生/女士: 0.75;
    - standing alone in a table cell or list item, with given-name characters from the name
      lexicon: 0.7;
    - in running text, with given-name characters from the lexicon, after a running-text cue or a
      clause mark and before what a subject is followed by ("经查，李某于2019年", "与王某发生",
      "委托律师张某代为"): 0.75;
    - again elsewhere in the same text once found (a later "张三的行为"): 0.7.
    Masked names (张某、李**) and place or office names (黄湖镇) are not names.
    """

    kind = Kind.PERSON_NAME
    score = 0.8
    explanation = "提示词后的姓名"
    pattern = re.compile(
        # The run after the cue must start with a surname: half of all cues ("申请人信息",
        # "联系人电话") are turned away here rather than in Python.
        # "于" is a surname only right after a cue ("申请人：于海燕"); elsewhere it is "at".
        # One flat alternation (the colon cues carry their colon): ``re`` then skips in C to the first
        # characters of the cues; nested alternations would make it try every position (8x slower).
        # A bracketed note may follow the role: "申请人（签名）：", "法定代表人（负责人）：".
        rf"(?:{_CUES})(?:[（(][{CJK}]{{1,6}}[）)])?(?:[：:]|为|是)?[ \t|]*"
        rf"(?=(?P<run>{_SURNAME_OR_YU}[{CJK}]{{1,11}}))"
    )
    # In attendance lists a name follows its unit: "区农业农村局刘红辉、梁金阳，区发改局…",
    # "崇福镇：刘亮红". Only a whole list item counts (a separator after it), so "镇沈家宅12号"
    # or "局关于…" are not read as names.
    # Units: 局 (分局 too), 室 (办公室), 街道, 镇, 乡 — not "政府": "政府公报、报刊", "政府信息外，".
    # Matched right after each unit found with ``str.find``.
    # A title may come between unit and name: "区财政局局长张三、", "崇福镇副镇长刘亮红，".
    _after_unit = re.compile(
        r"[：:]?(?:副?(?:局长|主任|书记|镇长|乡长|科长|处长|所长|站长|主席|委员))?"
        # ... or its telephone number ("资助中心：常红梅0379-6392…", "科　刘艳梅 0431-…").
        rf"(?=(?P<run>{_SURNAME}[{CJK}]{{1,2}})"
        rf"(?:[、，,；;。\n]|（[^）\n]{{1,12}}）|[ \t]*(?:0\d{{2,3}}-|1[3-9]\d{{9}})))"
    )
    # The next item of a list of names after a cue: "出席：张军、高昶宇、杨玙", "蒋霞（女）、崔赟（孙）".
    # Lists of names separated by spaces only ("评审专家：巫山 楼晓峰 芮宁") go on the same way.
    _next_in_list = re.compile(
        rf"(?:（[^）\n]{{1,8}}）)?(?:、[ \t]*| +)(?=(?P<run>{_SURNAME_OR_YU}[{CJK}]{{1,11}}))"
    )
    # A cell or list item: a separator, the name, then a separator or the end of a line.
    # The single-surname class comes first here: after a separator it turns most positions away in
    # one test; the end look-ahead makes the engine come back for 欧阳/司马 when the class reading
    # does not fit.
    _alone = re.compile(
        rf"[{_SEPARATORS}](?=[{_SURNAME_HEADS}])(?P<name>{_SURNAME_CLASS_FIRST}{_GIVEN_CLASS}{{1,2}})(?=$|[{_SEPARATORS}：:（(])",
        re.MULTILINE,
    )
    _alone_at_start = re.compile(
        rf"(?P<name>{_SURNAME}{_GIVEN_CLASS}{{1,2}})(?=$|[{_SEPARATORS}：:（(])", re.MULTILINE
    )

    def analyze(self, text: str, norm: str) -> Iterator[Finding]:
        found: dict[tuple[int, int], Finding] = {}
        kind = self.kind
        for match in self.pattern.finditer(norm):
            self._name_list(text, norm, match, found, self.score, self.explanation)
        running_ends, title_ends, verb_ends, self_starts = name_scan.scan(norm)
        for i in title_ends:
            after = _AFTER_TITLE.match(norm, i)
            self._name_list(text, norm, after, found, 0.75, _AFTER_TITLE_EXPLANATION, lexicon_only=True)
        for start, end in self._after_units(norm) + salutations(norm):
            if self._plausible_name(norm[start:end]):
                if (start, end) not in found:
                    found[start, end] = make_finding(kind, start, end, text[start:end], 0.75, _AFTER_UNIT)
                self._name_list(text, norm, self._next_in_list.match(norm, end), found, 0.75, _AFTER_UNIT)
        # Cells under a name column's header ("姓名", "户主", "收款人" ...), any given name.
        for start, end in header_column_names(norm):
            if (start, end) not in found:
                found[start, end] = make_finding(
                    kind, start, end, text[start:end], 0.75, "名单“姓名”列中的姓名"
                )
        for start, end in names_before_address_words(norm, self._is_lexicon_name):
            if (start, end) not in found:
                found[start, end] = make_finding(
                    kind, start, end, text[start:end], 0.75, "“同志/先生/女士”前的姓名"
                )
        self._running_text(text, norm, found, running_ends, verb_ends)
        apposed_names.add_findings(text, norm, found, title_ends, self_starts, self._is_lexicon_name)
        for start, end in names_before_sex(norm):
            if (start, end) not in found:
                found[start, end] = make_finding(kind, start, end, text[start:end], 0.75, "性别前的姓名")
        alone: Iterable[re.Match[str]] = self._alone.finditer(norm)
        if (first := self._alone_at_start.match(norm)) is not None:
            alone = chain(alone, (first,))
        is_name = self._is_lexicon_name
        cells = []
        for match in alone:
            # Most cells were found already under their column's header: the look-up comes first.
            span = start, end = match.span("name")
            if span in found:
                continue
            name = match["name"]
            if is_name(name) or (name[0] == "于" and len(name) == 3 and self._yu_given(name[1:])):
                found[span] = make_finding(kind, start, end, text[start:end], 0.7, _ALONE)
                cells.append(span)
        # Most documents hold neither word: the call is spared.
        for start, end in related_names(norm) if "之" in norm or "当选" in norm else ():
            if (start, end) not in found:
                found[start, end] = make_finding(kind, start, end, text[start:end], 0.75, _RELATED)
        for span in list(listed_names(norm, found, is_name)):
            if span not in found:
                start, end = span
                found[span] = make_finding(kind, start, end, text[start:end], 0.7, _LISTED)
        # Most documents have no table with two such cells, nor a "·": the calls are spared.
        if len(cells) > 1:
            for span in list(column_names(norm, cells)):
                if span not in found:
                    start, end = span
                    found[span] = make_finding(kind, start, end, text[start:end], 0.7, _SAME_COLUMN)
        # A form's blank filled in ("____某某____：") and a message's mention ("@某某"): rare marks,
        # so most documents skip both.
        for start, end in blank_or_mention_names(norm) if "__" in norm or "@" in norm else ():
            if (start, end) not in found:
                found[start, end] = make_finding(
                    kind, start, end, text[start:end], 0.75, "下划线空格或@后的姓名"
                )
        if "·" in norm or "•" in norm or "・" in norm:
            for start, end in dotted_names(norm):
                found[start, end] = make_finding(kind, start, end, text[start:end], 0.8, "含间隔号的姓名")
        # The findings, then the other mentions of their names: a list returned as an iterator, not
        # a generator (see ``name_tables.names_before_sex``).
        findings = list(found.values())
        self._repeats(text, norm, {f.text: f.start for f in findings}, found, findings)
        return iter(findings)

    def _running_text(
        self,
        text: str,
        norm: str,
        found: dict[tuple[int, int], Finding],
        running_ends: list[int],
        verb_ends: list[int],
    ) -> None:
        """Names in running text: after a cue word or a clause mark, made of the name lexicon's
        characters, and ended by what a subject is followed by ("于2019年", "表示", "发生")."""
        one, two, three = _CUES_BEFORE
        spans = []
        ends, words = lexicon.RUNNING_TEXT_ENDS, name_scan.END_WORDS
        for end in running_ends:
            if end < 2:
                continue
            if norm[end] not in ends and norm[end : end + 2] not in words:
                continue
            # The longest name after a cue first ("律师林某": 师林某 is a name without a cue).
            for start in (end - 4, end - 3, end - 2):
                if (
                    start >= 0
                    and (
                        not start
                        or (norm[start - 1] in one and norm[start - 1 : start + 1] not in _CUE_WORDS)
                        or norm[start - 2 : start] in two
                        or norm[start - 3 : start] in three
                    )
                    and self._running_name(norm[start:end])
                ):
                    spans.append((start, end))
                    break
        i = norm.find("\n于")
        while i != -1:
            if (end := self._yu_first_on_a_line(norm, i + 1)) != 0:
                spans.append((i + 1, end))
            i = norm.find("\n于", i + 1)
        if verb_ends:
            self._objects(norm, verb_ends, spans)
        for start, end in spans:
            if (start, end) not in found:
                found[start, end] = make_finding(self.kind, start, end, text[start:end], 0.75, _RUNNING)

    def _objects(self, norm: str, verb_ends: list[int], spans: list[tuple[int, int]]) -> None:
        """Add to ``spans`` the names as the object of a verb that hands something to a person,
        ending a clause: "结果报王某。", "书面告知李某，", "请联系张某；" (the lexicon's names only)."""
        for start in verb_ends:
            for end in (start + 3, start + 4):
                if norm[end : end + 1] in _CLAUSE_ENDS and self._running_name(norm[start:end]):
                    spans.append((start, end))
                    break

    def _running_name(self, name: str) -> bool:
        if name[0] == "于":  # "经查，于雪欣于2019年": three characters, not a time (于凌晨在)
            return len(name) == 3 and self._yu_given(name[1:])
        s = 2 if name[:2] in _COMPOUND_SET else 1
        # A surname and a post or a form of address ("先请高镇长说说", "王师傅说") names no one.
        return (
            lexicon.NOT_RUNNING_GIVEN.isdisjoint(name[s:])
            and name[s:] not in _POSTS_AND_FORMS
            and self._is_lexicon_name(name)
        )

    def _yu_given(self, given: str) -> bool:
        return (
            lexicon.NOT_RUNNING_GIVEN.isdisjoint(given)
            and given not in lexicon.TIME_WORDS
            and self._is_lexicon_name("王" + given)
        )

    def _yu_first_on_a_line(self, norm: str, start: int) -> int:
        """End of a name with the surname 于 at ``start`` (a line start), 0 if there is none: only
        a list item ("于海燕、男、…", "于海燕（户主）") whose given name is the lexicon's."""
        for end in (start + 3, start + 2):
            name = norm[start:end]
            if (
                len(name) == end - start
                and lexicon.NOT_RUNNING_GIVEN.isdisjoint(name[1:])
                and self._is_lexicon_name("王" + name[1:])
                and norm[end : end + 1] in _LIST_ENDS
            ):
                return end
        return 0

    def _name_list(
        self,
        text: str,
        norm: str,
        match: re.Match[str] | None,
        found: dict[tuple[int, int], Finding],
        score: float,
        explanation: str,
        *,
        lexicon_only: bool = False,
    ) -> None:
        """The name at ``match["run"]``, then each name listed after it with "、".

        ``lexicon_only``: after a post or standing without a colon, words follow too ("原告相关的"),
        so a name there must be the lexicon's."""
        while match is not None and (length := self._name_length(match["run"])):
            start = match.start("run")
            end = start + length
            if norm[end : end + 1] in _DOTS:  # the first part of a dotted name (阿某·某某): the whole
                dotted = DOTTED.match(norm, start)
                if dotted is not None and is_dotted_name(dotted[0]) and dotted.span() not in found:
                    found[dotted.span()] = make_finding(
                        self.kind, start, dotted.end(), text[start : dotted.end()], score, explanation
                    )
                break
            # "于" right after a word (村民于晓梅于…) may be "at" (居民于今年…): a surname there only
            # with a given name of the lexicon, as in running text.
            yu_after_word = norm[start] == "于" and norm[start - 1] not in "：: \t|"
            if yu_after_word and not self._yu_given(norm[start + 1 : end]):
                break
            if lexicon_only:
                name = norm[start:end]
                if not self._is_lexicon_name("王" + name[1:] if name[0] == "于" else name):
                    break
            if (start, end) not in found:
                found[start, end] = make_finding(self.kind, start, end, text[start:end], score, explanation)
            match = self._next_in_list.match(norm, end)

    @staticmethod
    def _surname_length(text: str) -> int:
        """1 or 2 for a surname at the start of ``text`` (two-character ones first), 0 for none."""
        if text[:2] in _COMPOUND_SET:
            return 2
        return 1 if text[:1] in _SINGLE_SET else 0

    def _name_length(self, run: str) -> int:
        """Length of the name at the start of ``run`` (the characters after a cue), 0 if none."""
        s = self._surname_length(run) or run[:1] == "于"
        if not s or run[:2] in lexicon.VERBS_AFTER_ROLE or run[s : s + 2] in lexicon.ADDRESS_FORMS:
            return 0
        for given in (2, 1):
            name = run[: s + given]
            if len(name) < s + given or name in lexicon.NOT_NAMES:
                continue
            if (not _NOT_GIVEN.isdisjoint(name[s:]) and name[s:] not in _ERA_GIVEN) or (
                name[-1] in _NOT_LAST_AFTER_CUE
            ):
                continue
            follower = run[s + given : s + given + 1]
            # A dot: the first part of a dotted name, which ``_name_list`` reads whole.
            if not follower or follower in lexicon.STOP_AFTER_NAME or follower in _DOTS:
                return s + given
            # ... or a word a subject is followed by ("区长李某主持召开", "被告王某提交了").
            if run[s + given : s + given + 2] in _AFTER_POST_WORDS:
                return s + given
        return 0

    def _after_units(self, norm: str) -> list[tuple[int, int]]:
        spans = []  # a list, not a generator: see ``name_tables.names_before_sex``
        for unit, rare in _UNITS:
            i = norm.find(unit) if rare in norm else -1
            while i != -1:
                end = i + len(unit)
                if (
                    norm[end : end + 1] in _AFTER_UNIT_FIRSTS
                    and (match := self._after_unit.match(norm, end)) is not None
                    # "办" ends words too (办公地址、办理): a name after it must be the lexicon's.
                    and (unit != "办" or self._is_lexicon_name(match["run"]))
                ):
                    spans.append(match.span("run"))
                i = norm.find(unit, i + 1)
        return spans

    @staticmethod
    def _plausible_name(name: str) -> bool:
        return (
            name not in lexicon.NOT_NAMES
            and _NOT_GIVEN.isdisjoint(name[1:])
            and name[-1] not in _NOT_LAST_AFTER_CUE
        )

    @staticmethod
    def _is_lexicon_name(name: str) -> bool:
        # The surname test of ``_surname_length``, inlined: this runs for every table cell.
        s = 2 if name[:2] in _COMPOUND_SET else 1 if name[:1] in _SINGLE_SET else 0
        return (
            0 < s < len(name)
            and name not in lexicon.NOT_NAMES
            and name[-1] not in lexicon.ORG_PLACE_SUFFIXES  # 黄湖镇, 余新镇
            and (lexicon.GIVEN_NAME_CHARS.issuperset(name[s:]) or name[s:] in _ERA_GIVEN)
        )

    def _repeats(
        self,
        text: str,
        norm: str,
        names: dict[str, int],
        found: dict[tuple[int, int], Finding],
        findings: list[Finding],
    ) -> None:
        """Add to ``findings`` (and ``found``) the other mentions of names already found (each with
        where it was found); a longer name ("张伟华" after "张伟") is not one."""
        for name in sorted(names, key=len, reverse=True):
            # Most names are mentioned once, where they were found: one count, no loop.
            if norm.startswith(name, names[name]) and norm.count(name) == 1:
                continue
            i = norm.find(name)
            while i != -1:
                end = i + len(name)
                if (i, end) not in found and (end == len(norm) or norm[end] not in lexicon.GIVEN_NAME_CHARS):
                    found[i, end] = finding = make_finding(
                        self.kind, i, end, text[i:end], 0.7, "文中再次出现的已识别姓名"
                    )
                    findings.append(finding)
                i = norm.find(name, end)

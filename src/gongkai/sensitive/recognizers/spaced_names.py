"""Letter-spaced names (黄 丽 华, 冉 飞, 欧阳 凯): one character per token, as padded table cells
and typeset lists print them.

A run of one-character tokens separated by spaces (ASCII, full-width, or several) that starts with
a surname of the full inventory (``surnames``) is a name when it stands on its own: after a line
start, a separator or a role cue (负责人、受援人、原告 ...), and before a separator, a digit or a
word that follows names (家庭、女士、等、遗失 ...). A longer run is not read: "行 政 处 罚 决 定
书" is a letter-spaced heading. Headings and form labels printed spaced ("备 注", "合 计", "单 位",
"金 额") are kept out by a word list, and a two-character name must have a given-name character of
the name lexicon (a spaced two-character word is far likelier a label than a three-character one).

Later mentions of a name found so (written without its spaces, "柏仁清撤回起诉") are flagged too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gongkai.sensitive import lexicon
from gongkai.sensitive.model import Finding, Kind, make_finding
from gongkai.sensitive.recognizers.base import CJK, Recognizer
from gongkai.sensitive.recognizers.foreign_names import TRANSLITERATION_CHARS
from gongkai.sensitive.surnames import BAIJIAXING_COMPOUND, BAIJIAXING_SINGLE, OTHER_COMPOUNDS

_SPACE = " \u3000"
# What stands before a one-character token of a run: a space, a cell or line break.
_TOKEN_BEFORE = frozenset(" \u3000\t\n|、，,；;：:")
# Every surname, the whole 百家姓 included (a spaced run in a table is a name's form already).
_COMPOUNDS = frozenset((*lexicon.COMPOUND_SURNAMES, *BAIJIAXING_COMPOUND, *OTHER_COMPOUNDS))
_SINGLES = frozenset(lexicon.SINGLE_SURNAMES + BAIJIAXING_SINGLE)
# Where a run may begin: the character before a space that can end a surname (a single surname,
# or the second character of a compound one). One class test per space keeps the scan in C.
_SURNAME_ENDS = "".join(sorted(_SINGLES | {s[1] for s in _COMPOUNDS}))
# ... or a transliteration character, for spaced Tibetan and Uyghur names ("次 仁 多 吉").
_RUN_CHARS = "".join(sorted(set(_SURNAME_ENDS) | TRANSLITERATION_CHARS))
# Words that may follow a name at once ("韩 雪家庭", "易 珊女士", "钱 敏等10名", "沙 文 杰遗失").
_FOLLOWERS = (
    *("家庭", "女士", "先生", "同志", "遗失", "举报", "等", "父子", "母子", "夫妇", "户", "之", "当选"),
    # ... and what a subject is followed by in running text ("焦 阳于2024年", "焦 阳表示").
    *sorted(lexicon.RUNNING_TEXT_END_WORDS),
    *sorted(lexicon.RUNNING_TEXT_ENDS),
)
_SEX_AFTER = ("，男", "，女", ",男", ",女", "（男", "（女", " 男", " 女")
# A space after a surname, then one character standing alone (or before a follower): most spaces
# between words ("姓名 张三", "公示 名单") are turned away here, in C. The full-width space is an
# ASCII one in the normalised text, and ``re`` skips to a literal far faster than to a class.
_HIT = re.compile(f" (?<=[{_RUN_CHARS}].)[{_SPACE}]*[{CJK}](?:(?![{CJK}])|(?={'|'.join(_FOLLOWERS)}))")
_CJK_RUNS = re.compile(f"[{CJK}]")
_SINGLE_CJK = re.compile(f"(?<![{CJK}])[{CJK}](?![{CJK}])")
# A line with fewer CJK characters is a row or a heading, not running text spaced out.
_SPACED_LINE_MIN = 10
_TOKEN = re.compile(f"[{CJK}]{{1,2}}")
_CJK_RE = re.compile(f"[{CJK}]")
# Form labels and headings that are printed letter-spaced and start with a surname character:
# "单 位", "金 额", "公 告", "项 目" (from the forms of the annotated genres' kind: 名单、登记表、
# 公示表 and the headings of 决定书、公告).
SPACED_WORDS = frozenset(
    "单位 单价 金额 时间 项目 公告 申请 申报 原因 文件 章程 安全 常委 党委 房号 车牌 门牌 年龄 名称 "  # noqa: SIM905
    "合计 小计 总计 备注 姓名 序号 性别 民族 职务 职称 籍贯 学历 地址 电话 日期 说明 附件 编号 类别 "
    "数量 内容 部门 签名 签字 盖章 审核 审批 经办 意见 结果 情况 通知 决定 声明 报告 简历 简介 目录 "
    "前言 摘要 正文 总则 附则 附录 附表 封面 事由 事项 标准 金钱 金融 方案 方法 方式 方向 文化 文明 "
    "华东 华南 华北 华中 宁波 江苏 江西 湖南 湖北 广东 广西 海南 云南 贵州 四川 福建 山东 山西 河南 "
    "河北 安徽 黄金 白银 钱款 余额 余数 周年 周期 左右 上下 东西 南北 明细 明年 全年 全部 全体 "
    "平均 平方 成绩 成员 成本 关于 关系 管理 单据 石材 包括 包装 尚未 齐全 万元 严重 戴帽 "
    "权利人 区长 单元 方米 平方米 安排 元素 司机 师傅 江湖 海关 海洋".split()
)
# Tokens that end a run: gender and the like in a row ("王 子 豪 男 330402…").
_NOT_NAME_TOKENS = frozenset("男女汉是否有无")
# Cues right before a run that starts without a space ("负责人仇 丽 娜", "原告柏 仁 清").
_CUE_ENDS = (
    *("人", "员", "师", "告", "长", "授予", "表彰", "对象", "户主", "姓名", "代表", "者"),
    *("之妻", "之夫", "之子", "之女"),
)
# Characters of rural and pet names ("阿根", "老三", "小毛") that the given-name lexicon leaves out.
_FOLK_GIVEN = frozenset("阿老小毛根囡娣")
_SCORE = 0.8
_EXPLANATION = "字间带空格的姓名（表格或排版名单）"


def _letter_spaced_line(norm: str, at: int) -> bool:
    """Whether the line around ``at`` is letter-spaced throughout (a PDF's text extracted with a
    space after every character): there, spacing tells nothing, and "2 单 元 4 0 1 室" or "权 利 人"
    would be read as names. A table row with a spaced name also holds unspaced cells."""
    line_start = norm.rfind("\n", 0, at) + 1
    line_end = norm.find("\n", at)
    line = norm[line_start : line_end if line_end != -1 else len(norm)]
    chars = len(_CJK_RUNS.findall(line))
    return chars >= _SPACED_LINE_MIN and len(_SINGLE_CJK.findall(line)) >= 0.7 * chars


def _surname_length(token_text: str) -> int:
    if token_text[:2] in _COMPOUNDS:
        return 2
    return 1 if token_text[:1] in _SINGLES else 0


class SpacedNameRecognizer(Recognizer):
    """姓名 printed with spaces between its characters (see the module docstring)."""

    kind = Kind.PERSON_NAME
    score = _SCORE
    explanation = _EXPLANATION

    def analyze(self, text: str, norm: str) -> Iterator[Finding]:
        seen_runs: set[int] = set()
        found: list[Finding] = []
        for hit in _HIT.finditer(norm):
            run_start = self._run_start(norm, hit.start())
            if run_start in seen_runs:
                continue
            seen_runs.add(run_start)
            for start, end in self._names(norm, run_start):
                found.append(make_finding(self.kind, start, end, text[start:end], _SCORE, _EXPLANATION))
        # Lists, not generators (see ``name_tables.names_before_sex``); most texts have no
        # spaced name, and no later mention to look for.
        return iter(found + self._repeats(text, norm, found) if found else found)

    @staticmethod
    def _run_start(norm: str, space: int) -> int:
        """Start of the run of one-character tokens that contains the space at ``space``."""
        start = space - 1
        # A compound surname is one token of two characters ("欧阳 凯").
        if start >= 1 and norm[start - 1 : start + 1] in _COMPOUNDS:
            start -= 1
        while True:
            i = start - 1
            while i >= 0 and norm[i] in _SPACE:
                i -= 1
            if i == start - 1 or i < 0 or not _CJK_RE.match(norm, i):
                return start
            # Another token before: the run goes on only if it is one character on its own
            # ("3月4日 鲍 丽 丽": 日 is the end of a date, not a token).
            if i >= 1 and norm[i - 1] not in _TOKEN_BEFORE:
                return start
            start = i

    def _names(self, norm: str, start: int) -> list[tuple[int, int]]:
        """The names of the run at ``start``: none, one, or two (a row "沈 斌 郁 婷")."""
        if start and _CJK_RE.match(norm, start - 1) and not norm[:start].endswith(_CUE_ENDS):
            return []
        if _letter_spaced_line(norm, start):
            return []
        tokens: list[tuple[int, int]] = []
        i = start
        first = True
        while True:
            token = _TOKEN.match(norm, i)
            if token is None:
                break
            t_start, t_end = token.span()
            width = t_end - t_start
            if width == 2 and not (first and token.group() in _COMPOUNDS):
                # A two-character token ends the run unless it is a compound surname first.
                if not tokens or not norm.startswith(_FOLLOWERS, t_start + 1):
                    if not tokens:
                        return []
                    break
                t_end = t_start + 1
            if token.group()[:1] in _NOT_NAME_TOKENS and tokens:
                break
            tokens.append((t_start, t_end))
            first = False
            j = t_end
            while j < len(norm) and norm[j] in _SPACE:
                j += 1
            if j == t_end or j >= len(norm):
                break
            i = j
        end = tokens[-1][1] if tokens else start
        after = norm[end : end + 2]
        if after[:1] and _CJK_RE.match(after) and not norm.startswith(_FOLLOWERS, end):
            return []
        # An issuer's abbreviation before the year of a 文号 ("南 政 征〔2023〕").
        if norm[end : end + 4].lstrip(" ")[:1] in ("〔", "["):
            return []
        if len(tokens) in (2, 3):
            return [(start, end)] if self._is_name(norm, tokens) else []
        if len(tokens) == 4 and self._is_name(norm, tokens[:2]) and self._is_name(norm, tokens[2:]):
            return [(tokens[0][0], tokens[1][1]), (tokens[2][0], tokens[3][1])]
        # A Tibetan or Uyghur name spaced out ("拉 巴 次 仁"): transliteration characters only, and a
        # label before it or the person's sex after it.
        if (
            len(tokens) in (3, 4)
            and all(norm[s] in TRANSLITERATION_CHARS for s, _ in tokens)
            and (norm.startswith(_SEX_AFTER, end) or norm[:start].rstrip(" ").endswith(("：", ":")))
        ):
            return [(start, end)]
        return []

    @staticmethod
    def _is_name(norm: str, tokens: list[tuple[int, int]]) -> bool:
        chars = [norm[s:e] for s, e in tokens]
        compact = "".join(chars)
        surname = _surname_length(chars[0])
        if surname != len(chars[0]) or compact in SPACED_WORDS or compact in lexicon.NOT_NAMES:
            return False
        given = compact[surname:]
        if not given or given[-1] in lexicon.ORG_PLACE_SUFFIXES:
            return False
        if not frozenset(lexicon.STOP_AFTER_NAME).isdisjoint(given):
            return False
        # A one-character given name must be a name's character; a two-character one must have
        # one at least ("尚 未 审" in a letter-spaced table header is not a name; "计 阿 根" is).
        return any(ch in lexicon.GIVEN_NAME_CHARS or ch in _FOLK_GIVEN for ch in given) and (
            len(given) > 1 or given in lexicon.GIVEN_NAME_CHARS
        )

    def _repeats(self, text: str, norm: str, found: list[Finding]) -> list[Finding]:
        """The same names written without spaces elsewhere ("原告柏仁清撤回起诉")."""
        repeats: list[Finding] = []
        spans = {(f.start, f.end) for f in found}
        compacts = {"".join(f.text.split()).replace("\u3000", "") for f in found}
        for name in sorted(compacts, key=len, reverse=True):
            i = norm.find(name)
            while i != -1:
                end = i + len(name)
                if (i, end) not in spans and (end == len(norm) or norm[end] not in lexicon.GIVEN_NAME_CHARS):
                    spans.add((i, end))
                    repeats.append(
                        make_finding(self.kind, i, end, text[i:end], 0.7, "文中再次出现的已识别姓名")
                    )
                i = norm.find(name, end)
        return repeats

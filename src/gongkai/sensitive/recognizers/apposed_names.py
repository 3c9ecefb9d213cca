"""Names in apposition to a person noun in running prose: "我老婆廖娟第二天…", "儿媳王敏在场",
"项目经理肖海涛，", "被害人成亮一万八千元", "驻村干部孙丽娟列席".

Prose names a person by what they are to the writer or to the case (a kinship word, a relation,
a post, a standing in a proceeding) and then by name, with no colon and no list around it; what
follows the name is any predicate, so the end cues of ``names`` ("于", "表示" …) miss most of them.
The noun tells that a person follows; the name's right edge is what is left to read:

- the name (surname and one or two given characters of the lexicon) is followed by a clause mark,
  by a character that does not continue a name (``lexicon.STOP_AFTER_NAME``) or by a character
  that starts a predicate (说, 也, 犯 …), the three-character reading first;
- or, without such an edge ("老伴宋玉珍患…", "儿子刘明照料"), the reading that the document
  writes again elsewhere: a name is mentioned more than once, a name plus the next word is not.

The nouns are found with the posts of ``names`` (the same scan: their last character before a
surname's first), so the rule costs no pass over the text of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from gongkai.sensitive import lexicon
from gongkai.sensitive.model import Finding, Kind, make_finding
from gongkai.sensitive.recognizers.base import CJK
from gongkai.sensitive.recognizers.names_before_self import EXPLANATION as BEFORE_SELF_EXPLANATION
from gongkai.sensitive.recognizers.names_before_self import names_before_self
from gongkai.sensitive.recognizers.role_nouns import MODAL_WORDS
from gongkai.sensitive.recognizers.role_nouns import NOUNS as ROLE_NOUNS

# Kinship and household words, as the family itself says them and as a record writes them.
# Nouns whose last character ends many other words are left out (老公: 有限公司, 司机: 手机, 职工: 施工):
# each such character before a surname costs a look in the one scan of ``names``.
_KIN = (  # noqa: SIM905
    "老婆 丈夫 妻子 其妻 其夫 爱人 老伴 老头子 儿子 女儿 长子 次子 长女 次女 小儿子 大儿子 "
    "小女儿 大女儿 儿媳 女婿 孙子 孙女 父亲 母亲 岳父 岳母 婆婆 哥哥 弟弟 姐姐 妹妹 "
    "表弟 表哥 表姐 表妹 堂弟 堂哥 侄子 侄女 外甥 舅舅 姑姑 叔叔 伯父 姨妈 女朋友 男朋友 未婚妻 "
    "未婚夫 前妻 前夫 继父 继母 养父 养母 其子 其女 其父 其母 父母"
).split()
# Relations and standings in a case, a record or a story: who the person is to the matter
# (longer ones end in one of these: 人民陪审员, 个体户代表, 党支部书记, 大学生村官). The cue words of
# ``lexicon.NAME_CUES`` read 当事人 (a look at each "当事人：" cost more than its names brought).
_STANDINGS = (  # noqa: SIM905
    "同事 朋友 同学 室友 邻居 房东 租户 住户 业主 店主 老板 雇主 业务员 被告人 辩护人 "
    "被害人 受害人 嫌疑人 检察员 公诉人 陪审员 项目经理 安全员 班组长 组长 副组长 技术员 施工员 "
    "经理 监理 预报员 登记员 医生 护士 教师 代表 驻村干部 主席 董事长 总经理 "
    "股长 科员 出纳 独居老人 留守儿童 老党员 村官 评标专家 专家 "
    "伤者 患者 委托人 调查人员 销售人员 经手人 市民 游客 顾客 助理 律师 "
    "学生 委员 团长 团员 户主 负责人 申请人 受援人 执法人员"
).split()
# A copula may stand between noun and name: "销售人员为彭波", "房东是张某" (a colon is left to the
# cue words of ``names``: it follows a surname's first character a thousand times a corpus).
_LINKED = [noun + link for noun in (*_KIN, *_STANDINGS) if len(noun) < 4 for link in "为是"]
# Read where the name recogniser reads posts (``lexicon.TITLES``): one scan of the text finds
# both, at the noun's last character before a surname's first.
NOUNS = frozenset((*_KIN, *_STANDINGS, *_LINKED)) | ROLE_NOUNS  # roles by class: ``role_nouns``
if {len(noun) for noun in NOUNS} - {2, 3, 4}:
    raise ValueError("person nouns are read as two to four characters")
# Characters that start a predicate after its subject (说, 也, 未, 违规, 协调, 患有 …) or an
# ordinal (第二天): none is a given name's last character, so a name ends before them.
PREDICATE_HEADS = frozenset(
    "说讲问答也都还又就便却没不未让叫跟给任带一两每第用以当违帮协介办持出报犯率负通详询打患接找拿代居目逐负多陈"
)
_NOT_AFTER_NAME = frozenset(lexicon.ORG_PLACE_SUFFIXES + "·•・") - PREDICATE_HEADS  # 办理: no 办
_COMPOUNDS = frozenset(lexicon.COMPOUND_SURNAMES)
# Kinship words of two characters: a noun's last character and a surname after it may be one.
_KIN_WORDS = frozenset(noun for noun in _KIN if len(noun) == 2)
_NOT_NAMES_AFTER_NOUN = lexicon.VERBS_AFTER_ROLE | MODAL_WORDS  # "债权人应自…"
_CJK_RE = re.compile(f"[{CJK}]")
# One-character cues a name follows in prose ("与某某", "由某某", "请某某").
_CUE_CHARS = frozenset(cue for cue in lexicon.RUNNING_TEXT_CUES if len(cue) == 1)
EXPLANATION = "亲属称谓、身份或职务后的姓名"


# Words a name follows without a colon: these nouns, the posts and the cue words of ``lexicon``.
_BEFORE_NAME = NOUNS | frozenset((*lexicon.TITLES, *lexicon.NAME_CUES, *lexicon.RUNNING_TEXT_CUES))


def after_noun(norm: str, start: int, end: int) -> int:
    """Where a name may start after the last person word in ``norm[start:end]``, 0 if none."""
    words = _BEFORE_NAME
    for position in range(end, start + 1, -1):
        if (
            norm[position - 2 : position] in words
            or norm[position - 3 : position] in words
            or norm[position - 4 : position] in words
        ):
            return position
    return 0


def _ends_a_name(norm: str, end: int) -> bool:
    """Whether a name can end at ``end``: the text ends, or a character that is no letter of a
    name follows (a clause mark, a digit), or one that does not continue a name."""
    following = norm[end : end + 1]
    return (
        not following
        or _CJK_RE.match(following) is None
        or following in lexicon.STOP_AFTER_NAME
        or following in PREDICATE_HEADS
    )


def _written_again(norm: str, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` stands elsewhere in the text with a name's edge after it,
    and, for two characters, after a clause mark, a cue character or a person word (a place
    "马家营" written twice is no name "马家"; "申请人权利义务" is no name "权利" for "的权利，")."""
    name = norm[start:end]
    i = norm.find(name)
    while i != -1:
        # Two characters are often a word (权利, 安全): those must stand where a name opens too.
        if i != start and _ends_a_name(norm, i + len(name)) and (len(name) > 2 or _opens_a_name(norm, i)):
            return True
        i = norm.find(name, i + 1)
    return False


def _opens_a_name(norm: str, i: int) -> bool:
    before = norm[i - 1 : i]
    return (
        not before
        or _CJK_RE.match(before) is None
        or before in _CUE_CHARS
        or after_noun(norm, i - 4 if i > 4 else 0, i) == i
    )


def _edge_reading(norm: str, start: int, is_name: Callable[[str], bool]) -> int:
    """End of the name at ``start`` (three characters or two, as the edge after it tells), 0 if
    neither reading is a name of the lexicon with an edge after it here or elsewhere."""
    if norm[start - 1 : start + 1] in _KIN_WORDS:
        return 0  # the noun goes on as a kinship word: "其父母均已去世" is no 其父 + 母均
    surname = 2 if norm[start : start + 2] in _COMPOUNDS else 1
    readings = [
        end
        for end in (start + surname + 2, start + surname + 1)
        if end <= len(norm)
        and is_name(name := norm[start:end])
        and lexicon.NOT_RUNNING_GIVEN.isdisjoint(name[surname:])
        and name[surname:] not in lexicon.ADDRESS_FORMS
        and name not in lexicon.TIME_WORDS  # "各位居民：明天（…）"
        and name[:2] not in _NOT_NAMES_AFTER_NOUN
        # A place or an office goes on after it ("原告武鸣区农村商业银行"), or a dotted name's
        # next part (艾力·买买提, read whole by ``name_tables``).
        and norm[end : end + 1] not in _NOT_AFTER_NAME
    ]
    edged = [end for end in readings if _ends_a_name(norm, end)]
    if (
        len(edged) == 2
        and _written_again(norm, start, edged[1])
        and not _written_again(norm, start, edged[0])
    ):
        return edged[1]  # "住户马明家的空调": the document names 马明 elsewhere, never 马明家
    return next(iter(edged), 0) or next((end for end in readings if _written_again(norm, start, end)), 0)


def apposed_names(
    norm: str, noun_ends: list[int], is_name: Callable[[str], bool], taken: dict[int, int]
) -> list[tuple[int, int]]:
    """Spans of names right after a person noun or a post (``noun_ends``: where they end, before a
    surname's first character); ``taken``: names found already, their ends by their starts (read
    past, not again: "被告王某、李某" goes on after 王某 found by the posts' rule). A list, not a
    generator (see ``name_tables.names_before_sex``)."""
    spans = []
    for start in noun_ends:
        end = taken.get(start) or _edge_reading(norm, start, is_name)
        while end:
            if start not in taken:
                spans.append((start, end))
            # A list after the noun ("被害人孙某、李某"): each next item read the same way.
            start = end + 1
            end = 0
            if norm[start - 1 : start] == "、":
                end = taken.get(start) or _edge_reading(norm, start, is_name)
    return spans


def add_findings(
    text: str,
    norm: str,
    found: dict[tuple[int, int], Finding],
    noun_ends: list[int],
    self_starts: list[int],
    is_name: Callable[[str], bool],
) -> None:
    """Add the names after person nouns (ending at ``noun_ends``), and those before 本人 or 夫妇
    (``names_before_self``; the words start at ``self_starts``), to ``found`` (the name
    recogniser's findings so far)."""
    if noun_ends:
        for start, end in apposed_names(norm, noun_ends, is_name, {start: end for start, end in found}):
            if (start, end) not in found:
                found[start, end] = make_finding(
                    Kind.PERSON_NAME, start, end, text[start:end], 0.75, EXPLANATION
                )
    for start, end in names_before_self(norm, self_starts, is_name, _opens_a_name):
        if all(start != taken for taken, _ in found):
            found[start, end] = make_finding(
                Kind.PERSON_NAME, start, end, text[start:end], 0.75, BEFORE_SELF_EXPLANATION
            )

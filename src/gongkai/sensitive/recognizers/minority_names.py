"""Names of Tibetans, Mongols, the Yi and the Dai written without "·" and without a Han surname
(索朗次仁, 巴图乌力吉, 沙马阿依, 岩温).

Such a name is a sequence of name elements rather than a surname and a given name: Tibetan names
of two or three two-character elements (扎西, 次仁, 卓玛 ...), Mongolian names of elements such as
巴特尔, 乌云, 其其格 (a one-character ending 图/仓/门 after them), Yi names of a clan name (沙马,
吉克, 阿鲁 ...) and a given name (阿依, 木呷, 子莫 ...). The elements are the common ones listed in
public name-transcription references (《少数民族人名汉字音译转写规则》-style tables, census name
statistics of Tibet, Inner Mongolia and Liangshan). A Mongolian name of one element (巴特尔,
朝鲁门) is a name only where it stands as a whole word: after a line start, a separator, a colon, a
bracket or a role word's last character (人 者 员 主 长), and before a separator, a clause mark or
a word that follows a subject (等, 代表, 遗失 ...). A Dai name (岩温, 玉香: a prefix and a syllable) is
one element; it is a name right after a role word whatever follows ("网格员岩温巡查").

A run of two elements or more, read whole (the longest run), is a name wherever it stands: words
made of these characters hold one element at most ("尼玛县", "呼和浩特", "贡觉县"), and such a
name stands in running prose before any predicate ("申请人旦增尼玛于…", "宣告额尔敦巴雅尔死亡",
"另有尼玛顿珠名下"). A role word above may be any person word of ``apposed_names`` (其父, 会长,
审判员 …) too, a space between ("审判员 巴特尔").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gongkai.sensitive import lexicon
from gongkai.sensitive.model import Finding, Kind, make_finding
from gongkai.sensitive.recognizers.apposed_names import PREDICATE_HEADS, after_noun
from gongkai.sensitive.recognizers.base import CJK, Recognizer, literal_alternation

TIBETAN = (  # noqa: SIM905
    "扎西 卓玛 次仁 多吉 多杰 格桑 洛桑 顿珠 旺堆 普布 旦增 丹增 达瓦 达娃 "
    "央金 边巴 米玛 白玛 拉姆 益西 德吉 阿旺 平措 次旦 曲珍 尼玛 拉巴 巴桑 "
    "索朗 强巴 措姆 贡布 罗布 琼达 仁青 仁增 群培 桑珠 嘎玛 次珍 卓嘎 央宗 "
    "德庆 旺姆 拉珍 贡觉 加措 嘉措 坚参 才让 才旦 桑杰 更登 土登 旺秋 晋美 "
    "泽仁 泽旺 根秋 吉美 尼珍 巴珠 朗杰 旺久 次央 班典 仓决 曲措 白珍 普赤 "
    "拉宗 格列 索南 单增 旺扎 卓嘎 巴吉 玉珍 曲吉 美朗 达杰 多布 拉加 旦巴 "
    "次顿 贡嘎 央拉 仁措 斯朗 然乌"
).split()
MONGOLIAN = (  # noqa: SIM905
    "巴特尔 巴雅尔 额尔敦 斯琴 高娃 苏和 格日勒 孟和 吉雅 朝鲁 哈斯 其木格 "
    "其其格 萨仁 阿拉坦 乌云 那仁 娜仁 图雅 乌兰 巴图 宝音 额尔德尼 达来 敖其尔 "
    "特木尔 满都拉 阿古拉 布和 毕力格 那顺 朝克 托娅 呼和 乌力吉 吉日嘎拉 青格勒 "
    "白音 额日德木 都仁 套格套 巴音 斯日古楞 敖敦 苏日娜 塔娜 其勒木格 格根 哈达 "
    "阿木尔 萨其拉 朝格 乌日娜 达古拉 额尔登 孟根 图门 德力格尔 扎那 乌恩 巴根 "
    "吉日 木其尔 萨日娜 恩和 宝力德 巴达玛 旭日 格日乐 查干 包勒 阿如娜"
).split()
YI = (  # noqa: SIM905
    "阿鲁 吉觉 勒尔 马海 吉克 阿苏 日火 沙马 海来 俄木 曲比 阿余 吉伍 瓦扎 "
    "果基 罗洪 沙玛 吉俄 倮伍 阿的 吉木 苏呷 加拉 俄底 阿侯 阿呷 拉哈 曲日 "
    "木呷 阿果 阿支 拉则 尔古 子莫 依洛 木牛 石惹 阿依 伍各 拉博 有格 日沙 "
    "阿衣 日哈 子日 拉铁 阿各 石布 伍呷 阿牛 拉石 莫色 尔日 阿约 史色 约布 "
    "布哈 阿说 伍沙 么么 尔哈 有色 日格 木果 拉乌"
).split()
# Dai names of Xishuangbanna and Dehong: a prefix of sex or standing (岩 a man, 玉 a woman, 波 a
# father, 咪 a mother) and one syllable of the common ones. Two characters: a name only right after
# a role word (``_after_role``), where a word of these characters (岩石, 玉米) does not stand.
DAI = tuple(
    prefix + syllable
    for prefix in "岩玉波咪"
    for syllable in "温罕香应南旺坎叫庄帕扁甩丙腊燕金"
    if prefix + syllable not in ("玉金",)
)
# One-character endings of Mongolian names (格日勒图, 阿拉坦仓, 朝鲁门), taken only after an element.
_ENDINGS = "图仓门夫"
ELEMENTS = tuple(dict.fromkeys(TIBETAN + MONGOLIAN + YI + list(DAI)))

_ELEMENT = "(?:" + literal_alternation((w, "") for w in sorted(ELEMENTS, key=len, reverse=True)) + ")"
_NAME = re.compile(rf"{_ELEMENT}(?:{_ELEMENT}){{0,3}}[{_ENDINGS}]?")
# A scan of its own tests the elements' first characters at every character of the text (~15 M
# instructions a pass over the generated corpus, for two matches). The name recogniser's scan
# (``name_scan.scan``) stops at them too: ``AT_FIRST`` (a branch after its leading class) reads
# ``_NAME`` at each such stop, and ``note`` keeps the span found, for ``analyze`` to read.
FIRSTS = "".join(sorted({e[0] for e in ELEMENTS}))
FIRST_SET = frozenset(FIRSTS)
# (Classes first, for the first and the second character of an element: the names' own stops and
# most of these fail there in one test each, not in the elements' alternation.)
AT_FIRST = (
    rf"(?<=[{FIRSTS}])(?=[{''.join(sorted({e[1] for e in ELEMENTS}))}])"
    rf"(?<=(?=(?P<minority>{_NAME.pattern})).)"
)
# The text last scanned so, and the span of ``_NAME``'s match at each position where it matches.
_SCANNED: tuple[str | None, list[tuple[int, int]]] = (None, [])


def note(norm: str, match: re.Match[str], spans: list[tuple[int, int]]) -> None:
    """Keep the span of ``_NAME`` at the start of ``match`` (a stop of the names' scan at one of
    ``FIRSTS``): its ``AT_FIRST`` group, or, where an earlier branch matched, ``_NAME`` read there."""
    if match["minority"] is not None:
        spans.append(match.span("minority"))
    elif (name := _NAME.match(norm, match.start())) is not None:
        spans.append(name.span())


def scanned(norm: str, spans: list[tuple[int, int]]) -> None:
    """Hand over the spans ``note`` kept for ``norm``, read at every position of it."""
    global _SCANNED
    _SCANNED = (norm, spans)


def _matches(norm: str) -> Iterator[tuple[int, int]]:
    """``_NAME.finditer``'s spans: from the names' scan of this very text if it ran (each match
    where the last one ended, as ``finditer`` goes on), or by a scan of its own."""
    global _SCANNED
    text, spans = _SCANNED
    if text is not norm:
        yield from (match.span() for match in _NAME.finditer(norm))
        return
    # Read once: let go of the text, which may be a large document, instead of holding it until the
    # next scan (a second read of the same text scans anew, with the same result).
    _SCANNED = (None, [])
    last = 0
    for start, end in spans:
        if start >= last:
            yield start, end
            last = end


# A Mongolian name of one element (其其格, 巴特尔) or of one element and an ending (朝鲁门) is a
# name only right after a role word or a colon, or in a list: "申请人其其格、", "经营者：朝鲁门，".
_SINGLE_BEFORE = frozenset("人者员主：:、")
_MONGOLIAN = frozenset(MONGOLIAN)
_ELEMENT_SET = frozenset(ELEMENTS)
_DAI_SET = frozenset(DAI)
_PLACE_AFTER = frozenset(lexicon.ORG_PLACE_SUFFIXES + "寨")
# What may stand right before such a name (besides a character that is not CJK): a separator, a
# colon or bracket, or the last character of a role word (申请人, 死者, 驾驶员, 车主, 村长).
_BEFORE = frozenset("、：:，,（(；;人者员主长")
# What may follow it (besides a character that is not CJK): a separator or clause mark, or a word
# that follows a subject or a listed name.
_AFTER = frozenset("、，,。：:（(；;")
_AFTER_WORDS = (
    *("等", "代表", "遗失", "不慎", "之", "向", "持", "现", "说"),
    *("表示", "主持", "同志", "先生", "女士"),
)
_CJK_CHAR = re.compile(f"[{CJK}]")
# A business named after its founder (字号): the run, a few characters of its trade, and its form of
# organisation ("乌云其木格草原合作社", "吉克阿依食品加工厂", "阿牛阿呷牧场"; 《企业名称登记管理规定》:
# 字号 + 行业 + 组织形式). The trade holds no character that ends a name (于, 在, 的 …), starts a
# predicate (协助, 担任 …) or is a verb that takes a business as its object or goes to a place (创办,
# 经营, 前往县医院); forms of one character that end other words (本院, 所生, 总部) are left out.
_NOT_TRADE = "".join(
    sorted(set(lexicon.STOP_AFTER_NAME) | PREDICATE_HEADS | set("营包开建创租往赴去来回入进"))
)
_BUSINESS_AFTER = re.compile(
    rf"(?:(?![{_NOT_TRADE}])[{CJK}]){{0,4}}?(?:公司|合作社|中心|工作室|医院|诊所|[厂店场馆])"
)


class MinorityNameRecognizer(Recognizer):
    """Tibetan, Mongolian and Yi names of two or more name elements wherever they stand (but as a
    business's 字号), or a Mongolian or Dai one-element name right after a role word (see the module
    docstring)."""

    kind = Kind.PERSON_NAME
    score = 0.8
    explanation = "藏族、蒙古族、彝族等姓名（由常见名字音节组成）"

    def analyze(self, text: str, norm: str) -> Iterator[Finding]:
        for start, end in _matches(norm):
            name = norm[start:end]
            if (
                (_several_elements(name) and _BUSINESS_AFTER.match(norm, end) is None)
                or (_single_after_role(norm, start, name) and _stands_alone(norm, start, end))
                or _dai_after_role(norm, start, end)
            ):
                yield make_finding(self.kind, start, end, text[start:end], self.score, self.explanation)


def _several_elements(name: str) -> bool:
    """Whether ``name`` (a run of elements, perhaps with an ending) holds two elements or more."""
    return name not in _ELEMENT_SET and not (name[:-1] in _ELEMENT_SET and name[-1] in _ENDINGS)


def _single_after_role(norm: str, start: int, name: str) -> bool:
    """A Mongolian name of one element of three characters or more (其其格), or of one element and
    an ending (朝鲁门), right after a role word, a colon or a list's "、"."""
    if not ((name in _MONGOLIAN and len(name) >= 3) or (name[:-1] in _MONGOLIAN and name[-1] in _ENDINGS)):
        return False
    return norm[start - 1 : start] in _SINGLE_BEFORE or _after_person_word(norm, start)


def _after_person_word(norm: str, start: int) -> bool:
    """Whether a person word of ``apposed_names`` (其父, 会长, 秘书长 …) ends right before
    ``start``, or before a space there ("审判员 巴特尔")."""
    if norm[start - 1 : start] == " ":
        start -= 1
    return start > 1 and after_noun(norm, max(0, start - 4), start) == start


def _dai_after_role(norm: str, start: int, end: int) -> bool:
    """A Dai name (``DAI``) right after a role word, a colon or a list's "、", whatever predicate
    follows ("网格员岩温巡查", "独居老人岩香不愿离开"), unless a place goes on after it (岩罕寨)."""
    return (
        norm[start:end] in _DAI_SET
        and (norm[start - 1 : start] in _SINGLE_BEFORE or _after_person_word(norm, start))
        and norm[end : end + 1] not in _PLACE_AFTER
    )


def _stands_alone(norm: str, start: int, end: int) -> bool:
    before = norm[start - 1 : start]
    if before and before not in _BEFORE and _CJK_CHAR.match(before) and not _after_person_word(norm, start):
        return False
    after = norm[end : end + 1]
    if not after or after in _AFTER or not _CJK_CHAR.match(after):
        return True
    return norm.startswith(_AFTER_WORDS, end)

"""Rules on the narrative: the six sections, their titles and numbering, the year, sections 五 and 六.

Sections come from readers (headings found heuristically), so only what the law requires is an
error: a missing section (条例 第五十条: the report "应当包括" these contents; the format: "不能遗漏"),
an empty section 五, and a section 六 that denies any fee notice while table 3 counts applications
closed for an unpaid fee notice. Titles, numbering and years are warnings (or info for a known
wording variant): the prose may legitimately differ, and a clerk decides.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from gongkai.report.model import SECTION_NUMBERS, STANDARD_SECTION_TITLES
from gongkai.report.rules.finding import Finding, Severity
from gongkai.report.rules.registry import Context, Rule, rule
from gongkai.report.rules.tables import FORMAT_2021
from gongkai.report.rules.text import NarrativeSection, excerpt, normalise, parse_count

ARTICLE_50 = "条例 第五十条"
_NO_NARRATIVE = "报告没有正文（只有表格），无法核对正文。"
GB_9704 = "GB/T 9704—2012《党政机关公文格式》7.3.3：文中结构层次序数依次可以用“一、”“（一）”“1.”“（1）”标注"


def _section_cell(number: str) -> str:
    return f"sections.{number}"


# ---------------------------------------------------------------------------------------------
# The six sections: present, in order, with the usual titles.
# ---------------------------------------------------------------------------------------------


@rule("SEC-PRESENT", Severity.ERROR, f"{ARTICLE_50}；{FORMAT_2021}：年度报告内容“不能遗漏”")
def sec_present(r: Rule, ctx: Context) -> Iterator[Finding]:
    """All six sections (一 总体情况 … 六 其他需要报告的事项) are present.

    Legal basis: 条例 第五十条 lists the contents a report 应当包括; the national format adds 总体情况.
    """
    narrative = ctx.narrative
    if narrative is None:
        yield r.cannot_assess([], _NO_NARRATIVE)
        return
    present = {s.number for s in narrative.sections}
    for number in SECTION_NUMBERS:
        if number not in present:
            yield r.finding(
                [_section_cell(number)],
                f"缺少正文第{number}部分“{STANDARD_SECTION_TITLES[number]}”。",
                expected=STANDARD_SECTION_TITLES[number],
            )


@rule("SEC-ORDER", Severity.WARNING, f"{FORMAT_2021} 一、报告内容：（一）至（六）的顺序")
def sec_order(r: Rule, ctx: Context) -> Iterator[Finding]:
    """Sections appear once each, in the order 一 to 六, and no others.

    Source: the order of the contents in the national format (一、报告内容).
    """
    narrative = ctx.narrative
    if narrative is None:
        yield r.cannot_assess([], _NO_NARRATIVE)
        return
    numbers = [s.number for s in narrative.sections]
    known = [n for n in numbers if n in STANDARD_SECTION_TITLES]
    for number in sorted(set(numbers) - set(known)):
        yield r.finding([_section_cell(number)], f"正文有格式之外的第{number}部分。", actual=number)
    for number in sorted({n for n in known if known.count(n) > 1}, key=SECTION_NUMBERS.index):
        yield r.finding([_section_cell(number)], f"正文第{number}部分出现了多次。", actual=number)
    in_order = sorted(dict.fromkeys(known), key=SECTION_NUMBERS.index)
    if list(dict.fromkeys(known)) != in_order:
        yield r.finding(
            [_section_cell(n) for n in dict.fromkeys(known)],
            f"正文各部分的顺序为“{'、'.join(dict.fromkeys(known))}”，应为“{'、'.join(in_order)}”。",
            expected="、".join(in_order),
            actual="、".join(dict.fromkeys(known)),
        )


#: A leading ordinal in a heading: "一、", "1、", "1.", "（一）", "(1)".
_LEADING_MARKER = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}\s*[、.．])\s*"
)
_TITLE_NOISE = re.compile(r"[\s，,、。．.；;：:（）()“”\"《》的和及与]")
_TITLE_PREFIXES = ("因", "本机关", "行政机关", "政府信息公开工作")


@functools.lru_cache(maxsize=1024)
def title_key(title: str) -> str:
    """A title without its ordinal, spaces, punctuation, particles (的/和/及/与) and generic prefixes."""
    key = _TITLE_NOISE.sub("", _LEADING_MARKER.sub("", title))
    for prefix in _TITLE_PREFIXES:
        key = key.removeprefix(prefix)
    return key


#: Titles taken as the standard one: the usual title and the wording of 条例 第五十条.
_ACCEPTED: dict[str, frozenset[str]] = {
    n: frozenset({title_key(t)}) for n, t in STANDARD_SECTION_TITLES.items()
}
_ACCEPTED["四"] |= {
    title_key("因政府信息公开工作被申请行政复议、提起行政诉讼的情况"),
    "被申请行政复议被提起行政诉讼情况",
}
#: Known variants, reported as info. "改进措施" speaks of plans where 条例 第五十条（四） asks for
#: 改进情况 (what was improved): worth a reviewer's look, not a defect in itself.
_VARIANTS: dict[str, dict[str, str]] = {
    "五": {
        title_key(
            "存在的主要问题及改进措施"
        ): "标题写作“改进措施”，条例第五十条第（四）项的用语为“改进情况”，"
        "请确认本部分报告了改进情况而不只是下一步措施。",
    }
}


@rule("SEC-TITLE", Severity.WARNING, f"{ARTICLE_50}；{FORMAT_2021} 各部分的通行标题")
def sec_title(r: Rule, ctx: Context) -> Iterator[Finding]:
    """Each section has its usual title (small wording variants allowed).

    Source: the titles in common use for the six parts (the format's own title text could not be
    verified, see annual-report-format.md), and the wording of 条例 第五十条. Ordinals, spaces,
    punctuation and 的/和/及/与 are ignored; "改进措施" for "改进情况" is an info.
    """
    narrative = ctx.narrative
    if narrative is None:
        yield r.cannot_assess([], _NO_NARRATIVE)
        return
    for s in narrative.sections:
        if s.number not in _ACCEPTED:
            continue
        key = title_key(s.heading)
        standard = STANDARD_SECTION_TITLES[s.number]
        if key in _ACCEPTED[s.number]:
            continue
        variant = _VARIANTS.get(s.number, {}).get(key)
        if variant is not None:
            yield r.finding(
                [_section_cell(s.number)],
                f"正文第{s.number}部分标题为“{s.heading.strip()}”：{variant}",
                expected=standard,
                actual=s.heading.strip(),
                severity=Severity.INFO,
            )
        else:
            yield r.finding(
                [_section_cell(s.number)],
                f"正文第{s.number}部分标题为“{s.heading.strip()}”，通行标题为“{standard}”。",
                expected=standard,
                actual=s.heading.strip(),
            )


# ---------------------------------------------------------------------------------------------
# Heading numbering inside a section.
# ---------------------------------------------------------------------------------------------

#: A heading starts a line or follows a full stop (inline lists after "：" or "；" are not headings):
#: the text is split there (zero-width after 。！？, or at a line break) and each piece is matched.
_PIECES = re.compile(r"(?<=[。！？!?])|\n")
#: A heading ordinal. Groups: （一） (1) （1） (2) 一、 (3) 1、 (4) 1. (5).
_HEADING = re.compile(
    r"[ \t\u3000]*(?:[（(]([一二三四五六七八九十]{1,3})[）)]|[（(](\d{1,2})[）)]"
    r"|([一二三四五六七八九十]{1,3})、|(\d{1,2})、|(\d{1,2})[.．](?!\d))"
)
_KIND_EXAMPLE = ("（一）", "（1）", "一、", "1、", "1.")


@dataclass(slots=True)
class _Level:
    kind: int
    last: int
    first: str


#: Any ordinal at all, wherever it is: most sections have none, and then need no closer look.
_ANY_ORDINAL = re.compile(r"[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十\d][、.．]")


def _headings(text: str) -> Iterator[tuple[int, int, str]]:
    """(kind, ordinal, heading text) of each numbered heading in ``text``."""
    if _ANY_ORDINAL.search(text) is None:
        return
    for piece in _PIECES.split(text):
        m = _HEADING.match(piece)
        if m is None:
            continue
        kind = next(i for i in range(5) if m.group(i + 1) is not None)
        value = parse_count(m.group(kind + 1))
        if value is not None:
            yield kind, value, piece.strip()[:30]


def numbering_problems(text: str) -> list[str]:
    """What is inconsistent in the numbered headings of one section's text (empty when fine).

    Headings are grouped into levels: a heading continues the innermost open level whose last
    ordinal is one less; an ordinal 1 opens a new level. A heading that continues a level in
    another style ("（二）" after "（1）") or skips a number is a problem.
    """
    problems: list[str] = []
    levels: list[_Level] = []
    for kind, value, heading in _headings(text):
        same = next(
            (
                i
                for i in range(len(levels) - 1, -1, -1)
                if levels[i].kind == kind and levels[i].last == value - 1
            ),
            None,
        )
        if same is not None:
            del levels[same + 1 :]
            levels[same].last = value
            continue
        if value == 1:
            levels.append(_Level(kind, 1, heading))
            continue
        other = next((i for i in range(len(levels) - 1, -1, -1) if levels[i].last == value - 1), None)
        if other is not None:
            level = levels[other]
            problems.append(
                f"同一层级以“{level.first}”开始（“{_KIND_EXAMPLE[level.kind]}”式），"
                f"但“{heading}”用了“{_KIND_EXAMPLE[kind]}”式"
            )
            del levels[other + 1 :]
            level.last = value
        else:
            problems.append(f"“{heading}”的编号不连续")
            levels.append(_Level(kind, value, heading))
    return problems


@rule("SEC-NUMBERING", Severity.WARNING, GB_9704)
def sec_numbering(r: Rule, ctx: Context) -> Iterator[Finding]:
    """Headings in a section use one style per level, without gaps; section titles use 一、 … 六、.

    Source: GB/T 9704—2012 7.3.3 (the order of ordinals 一、 （一） 1. （1）). The sample report
    mixes "（1）" and "（二）" and numbers its first section "1、".
    """
    narrative = ctx.narrative
    if narrative is None:
        yield r.cannot_assess([], _NO_NARRATIVE)
        return
    for s in narrative.sections:
        problems = numbering_problems(s.text)
        marker = _LEADING_MARKER.match(s.heading)
        if marker and normalise(marker.group()).rstrip("、.．") != s.number:
            problems.insert(
                0, f"本部分标题“{s.heading.strip()}”用“{marker.group().strip()}”编号，应为“{s.number}、”"
            )
        if problems:
            yield r.finding(
                [_section_cell(s.number)],
                f"正文第{s.number}部分的标题编号不一致：{'；'.join(problems)}。公文结构层次序数依次为“一、”“（一）”“1.”“（1）”。",
                excerpt="；".join(problems),
            )


# ---------------------------------------------------------------------------------------------
# The year in the text.
# ---------------------------------------------------------------------------------------------

_YEAR = re.compile(r"((?:19|20)\d{2})年")
#: What makes another year legitimate in a sentence: plans (later years) ... (whole phrases, not
#: single characters: "到" is also in 收到, "起" in 起诉, "自" in 自然人).
_PLAN = re.compile(r"将|计划|下一步|拟|力争|明年|下一年|目标|到\d{4}年|\d{4}年(?:底?前|以前)")
#: ... and history or comparison (earlier years).
_HISTORY = re.compile(
    r"以来|自\d{4}年|\d{4}年(?:起|以前|之前)|修订|较|同比|相比|比上年|上年|去年|截至|此前|结转|历年"
)
_MONTH_AFTER = re.compile(r"\d{1,2}月")


def _year_is_fine(year: int, report_year: int, number: str, flat: str, start: int, end: int) -> bool:
    if flat.rfind("《", 0, start) > flat.rfind("》", 0, start):
        return True  # inside a title such as 《2019年修订的…》
    sentence = excerpt(flat, start, end, limit=400)
    if year > report_year:
        if number == "五" or _PLAN.search(sentence):
            return True
        # The report is published early next year (条例 第四十九条: by 1月31日 / 3月31日).
        return year == report_year + 1 and _MONTH_AFTER.match(flat, end) is not None
    return _HISTORY.search(sentence) is not None


@rule("SEC-YEAR", Severity.WARNING, "条例 第四十九条：报告上一年度的政府信息公开工作")
def sec_year(r: Rule, ctx: Context) -> Iterator[Finding]:
    """Years in the text are the report's year, except plans (section 五, "2024年，我局将…"),
    the publication date early next year, titles in 《》 and comparisons/history ("较2022年").

    Legal basis: 条例 第四十九条 (the report covers the previous year). A warning: another year
    is usually a sentence copied from last year's report, but prose can legitimately name one.
    """
    narrative, year = ctx.narrative, ctx.report.year
    if narrative is None or year is None:
        yield r.cannot_assess(
            ["year"] if year is None else [], "报告没有年度。" if year is None else _NO_NARRATIVE
        )
        return
    for s in narrative.sections:
        wrong = [
            (m, int(m.group(1)))
            for m in _YEAR.finditer(s.flat)
            if int(m.group(1)) != year
            and not _year_is_fine(int(m.group(1)), year, s.number, s.flat, m.start(), m.end())
        ]
        if wrong:
            m, other = wrong[0]
            sentence = excerpt(s.flat, m.start(), m.end())
            more = f"（本部分共 {len(wrong)} 处）" if len(wrong) > 1 else ""
            yield r.finding(
                [_section_cell(s.number)],
                f"本报告是{year}年度报告，但正文第{s.number}部分写的是{other}年：“{sentence}”{more}。"
                "请确认是否沿用了其他年度报告的文字。",
                expected=year,
                actual=other,
                excerpt=sentence,
            )


# ---------------------------------------------------------------------------------------------
# Sections 五 and 六.
# ---------------------------------------------------------------------------------------------


def _section(r: Rule, ctx: Context, number: str) -> NarrativeSection | Finding:
    """Section ``number``, or the "cannot assess" finding saying why it is not there."""
    narrative = ctx.narrative
    section = narrative.get(number) if narrative is not None else None
    if section is not None:
        return section
    return r.cannot_assess(
        [_section_cell(number)], _NO_NARRATIVE if narrative is None else f"正文没有第{number}部分。"
    )


_PUNCTUATION = re.compile(r"[\W_]+")
_NOTHING = frozenset({"", "无", "暂无", "没有"})


@rule("SEC5-EMPTY", Severity.ERROR, "条例 第五十条第（四）项：政府信息公开工作存在的主要问题及改进情况")
def sec5_empty(r: Rule, ctx: Context) -> Iterator[Finding]:
    """Section 五 says something (not empty, not just "无").

    Legal basis: 条例 第五十条第（四）项 requires the main problems and the improvements.
    """
    section = _section(r, ctx, "五")
    if isinstance(section, Finding):
        yield section
        return
    if _PUNCTUATION.sub("", section.flat) in _NOTHING:
        yield r.finding(
            [_section_cell("五")],
            "正文第五部分“存在的主要问题及改进情况”没有内容；条例第五十条第（四）项要求报告存在的主要问题及改进情况。",
            actual=section.text.strip(),
        )


_FEE_WORDS = ("信息处理费", "收费", "缴费", "收取费用")
_NO_FEE_NOTICE = re.compile(
    r"(?:未|没有|无|不曾)(?:向[^，。；]{0,12})?(?:发出|下发|出具|送达|发放|开具)(?:过)?(?:任何)?(?:信息处理费)?(?:的)?(?:收费|缴费)通知"
    r"|(?:发出|出具|送达)(?:信息处理费)?(?:收费|缴费)通知(?:书)?(?:0|零)件"
)
_FEE_CELL = "table3.other_overdue_fee.total"


@rule("SEC6-FEE", Severity.WARNING, "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）；表三（六）2")
def sec6_fee(r: Rule, ctx: Context) -> Iterator[Finding]:
    """Section 六 reports the 信息处理费 (warning if it does not); if it says no fee notice was issued,
    table 3 （六）2 (逾期未按收费通知要求缴纳费用) must be 0 (error otherwise: the two contradict).

    Source: reports state the fees under 六、其他需要报告的事项 (common practice, see fee-rules.md);
    （六）2 counts applications closed after a fee notice was not paid, so it needs a notice.
    """
    section = _section(r, ctx, "六")
    if isinstance(section, Finding):
        yield section
        return
    if not any(w in section.flat for w in _FEE_WORDS):
        yield r.finding(
            [_section_cell("六")], "正文第六部分没有说明信息处理费的收取情况（包括未收费的情况）。"
        )
        return
    denial = _NO_FEE_NOTICE.search(section.flat)
    if denial is None:
        return
    sentence = excerpt(section.flat, denial.start(), denial.end())
    closed_for_fee = ctx.report.table3.cell("other_overdue_fee", "total")
    if closed_for_fee is None:
        yield r.cannot_assess(
            [_section_cell("六"), _FEE_CELL],
            "正文第六部分说未发出收费通知，但表三没有“（六）2.申请人逾期未按收费通知要求缴纳费用”一行的数据（如2019年试行格式）。",
        )
    elif closed_for_fee != 0:
        yield r.finding(
            [_section_cell("六"), _FEE_CELL],
            f"正文第六部分写“{sentence}”，但表三“（六）2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理"
            f"其政府信息公开申请”总计为 {closed_for_fee} 件；未发出收费通知时该项应为 0。",
            expected=0,
            actual=closed_for_fee,
            severity=Severity.ERROR,
            excerpt=sentence,
        )

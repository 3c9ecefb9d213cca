"""What the law requires of a 人民政府's report beyond any agency's: 第五十条第（四）项.

“各级人民政府的政府信息公开工作年度报告还应当包括工作考核、社会评议和责任追究结果情况”（条例
第五十条第（四）项; the duty to have those three systems is 第四十六条). The 2021 format places it
under 监督保障 in （一）总体情况 ("监督保障（含……第五十条第四项规定的各级人民政府‘工作考核、社会评议和
责任追究结果情况’）"). A report may put it elsewhere (五 or 六), so the whole narrative is read.

Whether the agency is a 人民政府 comes from ``Context.kind`` (``gongkai report check --kind``, or
the agency's recorded kind in the web) or else from the agency's name (``gongkai.agencies``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gongkai.agencies import AgencyKind, kind_from_name
from gongkai.report.rules.finding import Finding, Severity
from gongkai.report.rules.registry import Context, Rule, rule
from gongkai.report.rules.tables import FORMAT_2021
from gongkai.report.rules.text import excerpt

ARTICLE_50_4 = "条例 第五十条第（四）项"
REQUIRED = "工作考核、社会评议和责任追究结果情况"

#: The three results and the words by which a report states each (any one suffices; "未发生责任
#: 追究" states the result as much as a count does).
ELEMENTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("工作考核", re.compile(r"考核|考评|绩效评估")),
    ("社会评议", re.compile(r"评议|社会评价|群众评价|公众评价|满意度|第三方评估")),
    ("责任追究", re.compile(r"追究|追责|问责")),
)


def agency_kind(ctx: Context) -> tuple[AgencyKind | None, str]:
    """The agency's kind and how it was established (given, or proposed from the name)."""
    if ctx.kind is not None:
        return ctx.kind, f"机关类别已指定为“{ctx.kind.value}”"
    derived = kind_from_name(ctx.report.agency)
    return derived.kind, derived.reason.rstrip("。")


@rule(
    "GOV-ASSESSMENT",
    Severity.WARNING,
    f"{ARTICLE_50_4}；条例 第四十六条；{FORMAT_2021} （一）总体情况·监督保障",
)
def gov_assessment(r: Rule, ctx: Context) -> Iterator[Finding]:
    """A 人民政府's report states its 工作考核、社会评议和责任追究结果情况.

    Legal basis: 条例第五十条第（四）项：“各级人民政府的政府信息公开工作年度报告还应当包括工作考核、社会
    评议和责任追究结果情况”; 第四十六条 (the three systems). Applies to 县级以上地方人民政府 and
    乡（镇）人民政府, not to departments or 街道办事处. A warning naming each result the narrative
    never mentions: finding the words is heuristic, and a clerk decides.
    """
    kind, why = agency_kind(ctx)
    if kind is None:
        yield r.cannot_assess(
            ["agency"],
            f"{why}。如本机关为人民政府，其年度报告还应当包括{REQUIRED}（可用 --kind 人民政府 指定）。",
        )
        return
    if not kind.is_peoples_government:
        return
    narrative = ctx.narrative
    if narrative is None:
        yield r.cannot_assess([], "报告没有正文（只有表格），无法核对人民政府年度报告应当包括的内容。")
        return
    mentioned: list[tuple[str, str, str]] = []  # (element, section, sentence)
    missing: list[str] = []
    for element, pattern in ELEMENTS:
        hit = next(((s, m) for s in narrative.sections if (m := pattern.search(s.flat))), None)
        if hit is None:
            missing.append(element)
        else:
            section, match = hit
            mentioned.append((element, section.number, excerpt(section.flat, match.start(), match.end())))
    if not missing:
        return
    cells = ["sections.一", *dict.fromkeys(f"sections.{number}" for _, number, _ in mentioned)]
    seen = "；".join(f"{e}见正文第{n}部分“{sentence}”" for e, n, sentence in mentioned)
    message = (
        f"本报告是{kind.description}的年度报告（{why}），条例第五十条第（四）项要求还应当包括{REQUIRED}"
        f"（2021年格式列于“总体情况”的“监督保障”）；正文没有说明{'、'.join(missing)}的结果情况。"
    )
    if mentioned:
        message += f"正文只提及{seen}，请确认是否报告了结果。"
    yield r.finding(
        list(dict.fromkeys(cells)),
        message,
        expected=REQUIRED,
        actual="、".join(e for e, _, _ in mentioned) or None,
        excerpt=mentioned[0][2] if mentioned else None,
    )

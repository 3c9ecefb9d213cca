"""Numbers the narrative states against the tables (正文与表格数据一致).

Reports restate table figures in prose: "全市共受理政府信息公开申请 3119 件，答复 3050 件（含上年度
结转申请 34 件，另有 103 件顺延到下年度答复）", "政府信息公开行政诉讼 46 件" (both litigation
groups of table 4 together). Each kind of statement is one rule: a few regular expressions over the
normalised text (see ``text.normalise``), compiled once, and the cell(s) it must equal.

A mismatch is a warning, never an error: extraction from prose is heuristic, and a report may
state another count on purpose (corpus 003: "区政府办代表区政府受理…17 件" is the office's own
count; its table's 95 is the district's). The finding quotes the sentence so a clerk can find it.
A narrative that does not state a figure is not a finding: restating is customary, not required.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from gongkai.report.model import AnnualReport
from gongkai.report.rules.finding import Finding, Severity
from gongkai.report.rules.registry import CELL_LABELS, Context, Rule, rule
from gongkai.report.rules.tables import FORMAT_2021
from gongkai.report.rules.text import COUNT, excerpt, parse_count

_NO_NARRATIVE = "报告没有正文（只有表格），无法核对正文中的数字。"
_CAUTION = "正文数字系按文字自动提取；如正文采用不同的统计口径，请在正文中说明。"
_N = f"(?P<n>{COUNT})"
_GAP = r"[^，。；：\d]{0,20}?"
_TOTAL = r"(?:共|总计|合计|累计|为|达)*"


@dataclass(frozen=True, slots=True)
class Claim:
    """One kind of figure the narrative restates, and the table cells (summed) it must equal."""

    rule_id: str
    #: What the number is, for messages: "本年新收的政府信息公开申请".
    what: str
    cells: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...]
    #: Substrings one of which every match contains (a cheap test before the regular expressions).
    keywords: tuple[str, ...]
    #: Words that must not occur in a match (they mean another figure: 行政复议申请, 上年结转…).
    exclude: tuple[str, ...] = ()
    #: How the table side is named when it is more than one cell.
    table_name: str | None = None
    #: Also accept 一 + 二 (新收 + 上年结转): many reports count the applications carried over from
    #: the year before among those "received" (受理) in the year.
    accept_with_carried: bool = False

    @property
    def keyword_search(self) -> Callable[[str], re.Match[str] | None]:
        return _keyword_search(self.keywords)


@functools.cache
def _keyword_search(keywords: tuple[str, ...]) -> Callable[[str], re.Match[str] | None]:
    return re.compile("|".join(map(re.escape, keywords))).search


CLAIMS: tuple[Claim, ...] = (
    Claim(
        "TEXT-TABLE-NEW",
        "本年收到（新收、受理）的政府信息公开申请",
        ("table3.new.total",),
        (re.compile(rf"(?:新收|收到|受理|接收|接到){_GAP}申请(?:事项|数量|数)?{_TOTAL}{_N}件"),),
        keywords=("新收", "收到", "受理", "接收", "接到"),
        exclude=("复议", "诉讼", "结转", "答复", "办结", "顺延"),
        accept_with_carried=True,
    ),
    Claim(
        "TEXT-TABLE-CARRIED",
        "上年结转的申请",
        ("table3.carried.total",),
        (re.compile(rf"上一?年度?结转[^，。；：\d]{{0,12}}?{_TOTAL}{_N}件"),),
        keywords=("结转",),
    ),
    Claim(
        "TEXT-TABLE-DONE",
        "本年办结（答复）的申请",
        ("table3.total.total",),
        (re.compile(rf"(?:办结|答复|办理完毕|处理完毕|办理完成)[^，。；：\d（(]{{0,10}}?{_TOTAL}{_N}件"),),
        keywords=("办结", "答复", "办理完毕", "处理完毕", "办理完成"),
        exclude=("复议", "诉讼", "结转", "顺延"),
    ),
    Claim(
        "TEXT-TABLE-CARRY-NEXT",
        "结转下年度继续办理的申请",
        ("table3.carry_next.total",),
        (
            re.compile(
                rf"(?:结转|顺延|转入)(?:至|到)?下一?年度?(?:继续)?(?:办理|答复|处理)?(?:的)?(?:申请)?{_TOTAL}{_N}件"
            ),
            re.compile(rf"{_N}件(?:申请)?(?:将)?(?:结转|顺延|转入)(?:至|到)?下一?年"),
        ),
        keywords=("结转", "顺延", "转入"),
    ),
    Claim(
        "TEXT-TABLE-RECONSIDERATION",
        "政府信息公开行政复议案件",
        ("table4.reconsideration.total",),
        (re.compile(rf"行政复议(?:案件|申请)?{_TOTAL}{_N}件"),),
        keywords=("行政复议",),
    ),
    Claim(
        "TEXT-TABLE-LITIGATION",
        "政府信息公开行政诉讼案件",
        ("table4.litigation_direct.total", "table4.litigation_after_reconsideration.total"),
        (re.compile(rf"行政诉讼(?:案件)?{_TOTAL}{_N}件"),),
        keywords=("行政诉讼",),
        table_name="表四行政诉讼两组（未经复议直接起诉、复议后起诉）“总计”之和",
    ),
)


def _table_value(report: AnnualReport, cells: tuple[str, ...]) -> tuple[int | None, list[str]]:
    """The sum of ``cells`` (``None`` with the missing paths when any is blank)."""
    total, missing = 0, []
    for path in cells:
        _, row, column = path.split(".")
        value = (
            report.table3.cell(row, column) if path.startswith("table3") else report.table4.group(row)[column]
        )
        if value is None:
            missing.append(path)
        else:
            total += value
    return (None, missing) if missing else (total, missing)


def _claim_rule(claim: Claim) -> Callable[[Rule, Context], Iterator[Finding]]:
    def run(r: Rule, ctx: Context) -> Iterator[Finding]:
        narrative = ctx.narrative
        if narrative is None:
            yield r.cannot_assess([], _NO_NARRATIVE)
            return
        table: int | None = None
        missing: list[str] | None = None  # None until the table side is first needed
        for s in narrative.counting:
            flat = s.flat
            # One cheap search first: most sections state no figure of this kind.
            if claim.keyword_search(flat) is None:
                continue
            seen: set[int] = set()
            for pattern in claim.patterns:
                for m in pattern.finditer(flat):
                    stated = parse_count(m.group("n"))
                    if stated is None or m.start("n") in seen or any(w in m.group() for w in claim.exclude):
                        continue
                    seen.add(m.start("n"))
                    if missing is None:
                        table, missing = _table_value(ctx.report, claim.cells)
                        if missing:
                            yield r.missing_cells(
                                missing, f"正文“{excerpt(flat, m.start(), m.end())}”与表格的核对"
                            )
                    if table is None or stated == table:
                        continue
                    sentence = excerpt(flat, m.start(), m.end())
                    with_carried = _with_carried(ctx) if claim.accept_with_carried else None
                    if stated == with_carried:
                        continue
                    also = f"，加上年结转为 {with_carried}" if with_carried not in (None, table) else ""
                    yield r.finding(
                        [f"sections.{s.number}", *claim.cells],
                        f"正文第{s.number}部分写“{sentence}”，其中{claim.what}为 {stated} 件，"
                        f"但{claim.table_name or CELL_LABELS[claim.cells[0]]}为 {table}{also}。{_CAUTION}",
                        expected=table,
                        actual=stated,
                        excerpt=sentence,
                    )

    run.__doc__ = (
        f"The narrative's count of {claim.rule_id.removeprefix('TEXT-TABLE-').lower()} equals the table.\n\n"
        f"    Source: {FORMAT_2021}, tables 3 and 4; the narrative restates them ({claim.what})."
    )
    return run


def _with_carried(ctx: Context) -> int | None:
    """一 + 二 (新收 + 上年结转), the other count a report may give as the applications it received
    ("受理申请 N 件（含上年结转 M 件）", or without saying so); ``None`` when either is blank."""
    new, carried = ctx.report.table3.cell("new", "total"), ctx.report.table3.cell("carried", "total")
    return None if new is None or carried is None else new + carried


for _claim in CLAIMS:
    rule(_claim.rule_id, Severity.WARNING, f"{FORMAT_2021} 表三、表四；正文与表格数据一致")(
        _claim_rule(_claim)
    )


# ---------------------------------------------------------------------------------------------
# Table 2 counts the narrative repeats: 制发/废止/现行有效 规章 and 行政规范性文件.
# ---------------------------------------------------------------------------------------------

_DOC_STATEMENT = re.compile(
    rf"(?P<verb>新制定|制定|制发|印发|出台|新增(?:公开)?|废止|现行有效)(?:的)?"
    rf"(?P<mid>[^，。；：\d]{{0,10}}?)(?P<kind>规章|规范性文件)?{_TOTAL}{_N}件"
)
_DOC_FIELD = {"废止": "abolished", "现行有效": "in_force"}
_DOC_KIND = {"规章": "regulations", "规范性文件": "normative_documents"}
_SENTENCE_BREAK = re.compile(r"[。！？；]")


@rule("TEXT-TABLE-DOCUMENTS", Severity.WARNING, f"{FORMAT_2021} 表二 第二十条第（一）项；正文与表格数据一致")
def text_table_documents(r: Rule, ctx: Context) -> Iterator[Finding]:
    """Counts of 规章 / 行政规范性文件 制发、废止、现行有效 stated in the narrative equal table 2.

    Source: table 2, 第二十条第（一）项. In "制发行政规范性文件3件，废止1件，现行有效8件" the kind named
    first carries over to the later figures of the same sentence; a figure of another kind of
    document ("政策性文件11件") is not compared.
    """
    narrative = ctx.narrative
    if narrative is None:
        yield r.cannot_assess([], _NO_NARRATIVE)
        return
    reported_missing = False
    for s in narrative.counting:
        if "规章" not in s.flat and "规范性文件" not in s.flat:
            continue
        kind: str | None = None
        last_end = 0
        for m in _DOC_STATEMENT.finditer(s.flat):
            if _SENTENCE_BREAK.search(s.flat, last_end, m.start()):
                kind = None
            last_end = m.end()
            if m.group("kind"):
                kind = _DOC_KIND[m.group("kind")]
            elif m.group("mid"):
                continue  # "制发政策性文件11件": some other kind of document
            stated = parse_count(m.group("n"))
            if kind is None or stated is None:
                continue
            field = _DOC_FIELD.get(m.group("verb"), "issued")
            path = f"table2.{kind}.{field}"
            table = getattr(ctx.report.table2.documents(kind), field)
            if table == stated:
                continue
            sentence = excerpt(s.flat, m.start(), m.end())
            if table is None:
                if not reported_missing:
                    reported_missing = True
                    yield r.missing_cells([path], f"正文“{sentence}”与表二的核对")
            else:
                yield r.finding(
                    [f"sections.{s.number}", path],
                    f"正文第{s.number}部分写“{sentence}”（{stated} 件），"
                    f"但{CELL_LABELS[path]}为 {table}。{_CAUTION}",
                    expected=table,
                    actual=stated,
                    excerpt=sentence,
                )

"""Rules across two consecutive years of one agency's reports.

They need the previous year's report (``check(report, previous=...)``, CLI ``--previous``).
Without it, or when it is not the report of the year before, the comparisons report
"cannot assess". Cells of the previous report are named ``previous.<path>``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from gongkai.report.model import TABLE2_DOCUMENT_ROWS, TABLE3_COLUMN_KEYS, ApplicantCounts
from gongkai.report.rules.finding import CLI_HINTS, Finding, Severity
from gongkai.report.rules.registry import Context, Rule, name_cells, rule
from gongkai.report.rules.tables import COLUMN_LABEL, FORMAT_2021

_AGENCY_NOISE = re.compile(r"[\s（）()·]")
#: Said on every channel; how to give the previous report is the CLI's own hint (CLI_HINTS).
NO_PREVIOUS = "没有提供上一年度的报告，无法进行跨年度核对。"
CLI_HINTS[NO_PREVIOUS] = "命令行可用 --previous 指定上一年度的报告"


def _pairing_problem(ctx: Context) -> str | None:
    """Why this report cannot be compared with ``ctx.previous`` (``None`` when it can)."""
    prev = ctx.previous
    if prev is None:
        return NO_PREVIOUS
    year = ctx.report.year
    if year is None or prev.year is None:
        return "本报告或上一年度报告没有年度，无法确认两者是否相邻年度。"
    if prev.year != year - 1:
        return f"提供的上年报告是{prev.year}年度的，不是{year - 1}年度的，不作跨年度核对。"
    return None


@rule("XYEAR-PERIOD", Severity.WARNING, "条例 第四十九条、第五十条：年度报告逐年编制")
def xyear_period(r: Rule, ctx: Context) -> Iterator[Finding]:
    """The report given as "previous" is the report of the year before.

    Legal basis: 条例 第四十九条 (each year's report covers the previous calendar year). Without a
    previous report there is no pairing to check, so this rule then says nothing.
    """
    prev = ctx.previous
    if prev is None:
        return
    year = ctx.report.year
    if year is None or prev.year is None:
        yield r.cannot_assess(["year", "previous.year"], "本报告或上一年度报告没有年度。")
    elif prev.year != year - 1:
        yield r.finding(
            ["year", "previous.year"],
            f"作为上年报告提供的是{prev.year}年度报告，本报告是{year}年度报告，应提供{year - 1}年度的报告。",
            expected=year - 1,
            actual=prev.year,
        )


def _agency_key(name: str) -> str:
    return _AGENCY_NOISE.sub("", name)


@rule("XYEAR-AGENCY", Severity.WARNING, "条例 第四十九条：各行政机关编制本机关的年度报告")
def xyear_agency(r: Rule, ctx: Context) -> Iterator[Finding]:
    """The previous report is the same agency's (names compared without spaces and brackets).

    Legal basis: 条例 第四十九条 (each agency reports on its own work).
    """
    prev = ctx.previous
    if prev is None:
        return
    if ctx.report.agency is None or prev.agency is None:
        yield r.cannot_assess(["agency", "previous.agency"], "本报告或上一年度报告没有机关名称。")
    elif _agency_key(ctx.report.agency) != _agency_key(prev.agency):
        yield r.finding(
            ["agency", "previous.agency"],
            f"上年报告的机关为“{prev.agency}”，本报告为“{ctx.report.agency}”，请确认是同一机关的报告。",
            # The report checked is this one; the previous report is the reference (as XYEAR-CARRY).
            expected=prev.agency,
            actual=ctx.report.agency,
        )


@rule("XYEAR-CARRY", Severity.ERROR, f"{FORMAT_2021} 表三：二、上年结转 与上年度 四、结转下年度继续办理")
def xyear_carry(r: Rule, ctx: Context) -> Iterator[Finding]:
    """This year's 二、上年结转 equals last year's 四、结转下年度继续办理, in all seven columns.

    Source: table 3 of the national format; what is carried into next year is what next year's
    report receives as carried over (annual-report-format.md, 校验规则 3).
    """
    problem = _pairing_problem(ctx)
    if problem is not None or ctx.previous is None:
        yield r.cannot_assess(["table3.carried.total"], problem or "")
        return
    empty = ApplicantCounts()
    carried = ctx.report.table3.rows.get("carried", empty)
    carry_next = ctx.previous.table3.rows.get("carry_next", empty)
    previous_year = ctx.previous.year

    def check(col: str, paths: Sequence[str], values: tuple[int, ...]) -> Finding | None:
        (here, there), (now, before) = paths, values
        if now == before:
            return None
        return r.finding(
            [here, there],
            f"“{COLUMN_LABEL[col]}”列：本年报告的上年结转数应等于{previous_year}年度报告的结转下年度数。"
            f"{name_cells([(here, now), (there, before)])}。",
            expected=before,
            actual=now,
        )

    items = [
        (col, (f"table3.carried.{col}", f"previous.table3.carry_next.{col}"), (carried[col], carry_next[col]))
        for col in TABLE3_COLUMN_KEYS
    ]
    yield from r.where_complete(items, check, "上年结转的跨年度核对")


@rule(
    "XYEAR-IN-FORCE",
    Severity.WARNING,
    f"{FORMAT_2021} 表二 第二十条第（一）项：本年制发、本年废止、现行有效件数",
)
def xyear_in_force(r: Rule, ctx: Context) -> Iterator[Finding]:
    """现行有效(last year) + 本年制发 − 本年废止 = 现行有效, for 规章 and 行政规范性文件.

    Source: table 2 of the national format. A warning, not an error: documents also lapse when
    their period of validity ends (有效期届满) without being abolished, which the table does not count.
    """
    problem = _pairing_problem(ctx)
    if problem is not None or ctx.previous is None:
        yield r.cannot_assess([f"table2.{k}.in_force" for k, _ in TABLE2_DOCUMENT_ROWS], problem or "")
        return

    def check(label: str, paths: Sequence[str], values: tuple[int, ...]) -> Finding | None:
        before, issued, abolished, in_force = values
        expected = before + issued - abolished
        if expected == in_force:
            return None
        return r.finding(
            paths,
            f"{label}：上年现行有效 {before} 件，加本年制发 {issued} 件，"
            f"减本年废止 {abolished} 件，应为 {expected} 件，但本年现行有效为 {in_force} 件"
            "（如有文件因有效期届满而失效，请在正文说明）。"
            f"相关单元格：{name_cells(zip(paths, values, strict=True))}。",
            expected=expected,
            actual=in_force,
        )

    previous = ctx.previous
    items = []
    for key, label in TABLE2_DOCUMENT_ROWS:
        docs = ctx.report.table2.documents(key)
        paths = (
            f"previous.table2.{key}.in_force",
            f"table2.{key}.issued",
            f"table2.{key}.abolished",
            f"table2.{key}.in_force",
        )
        before = previous.table2.documents(key).in_force
        items.append((label, paths, (before, docs.issued, docs.abolished, docs.in_force)))
    yield from r.where_complete(items, check, "现行有效件数的跨年度核对")

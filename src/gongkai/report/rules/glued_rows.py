"""Table-3 rows printed as one run of digits that cannot add up to their own 总计.

A crawler's page text glues a row's seven cells into one run of digits ("640020470"). The reader
splits such a run only into readings whose 总计 is the sum of the six applicant columns; where no
reading does, it leaves the whole row null rather than guess (``read.glued``), and the column rules
that would show the fault cannot be evaluated. The run itself is still evidence: the printed digits
of that row do not add up, so either the published row does not balance or the text was damaged
on its way. This rule says so, naming the row, so that an unbalanced published table is never
passed in silence (issue 13, item 7). A warning, not an error: which of the two it is can only be
told from the original. Table 4's fifteen figures glued into one run are the same evidence for
its groups (``T4-GLUED``): with no relation between the groups, which group fails is not known.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from gongkai.report.arithmetic import UNSPLITTABLE_ROW, UNSPLITTABLE_TABLE4
from gongkai.report.model import TABLE3_ROW_BY_KEY
from gongkai.report.rules.finding import Finding, Severity
from gongkai.report.rules.registry import Context, Rule, rule
from gongkai.report.rules.tables import FORMAT_2021, row_name

#: The ``meta`` key of what the reader reports (``read.assembly.READ_FINDINGS_KEY``; not imported,
#: so that the rules do not load the readers).
_READ_FINDINGS = "read_findings"


@rule("T3-ROW-GLUED", Severity.WARNING, f"{FORMAT_2021} 表三：总计＝自然人与法人或其他组织各列之和")
def t3_row_glued(r: Rule, ctx: Context) -> Iterator[Finding]:
    """Each table-3 row printed as glued digits can be split so that it adds up.

    Source: table 3 of 国办公开办函〔2021〕30号, whose 总计 column is the sum of the six columns
    before it. Reports without the reader's findings (JSON input) have nothing to check.
    """
    for item in _read_findings(ctx):
        if UNSPLITTABLE_ROW not in str(item.get("message", "")):
            continue
        cell = str(item.get("cell", ""))
        key = cell.removeprefix("table3.")
        spec = TABLE3_ROW_BY_KEY.get(key)
        if spec is None:
            continue
        yield r.finding(
            [cell],
            f"表三“{row_name(spec)}”行的数字连在一起印出（{item.get('raw', '')}），无法拆分为与该行总计相符的"
            "7 个数：原表此行总计与各栏之和不符，或文本在转载中损坏，请核对原件（此行未读取）。",
        )


_T4_SOURCE = f"{FORMAT_2021} 表四：各组总计＝结果维持、结果纠正、其他结果、尚未审结之和"


@rule("T4-GLUED", Severity.WARNING, _T4_SOURCE)
def t4_glued(r: Rule, ctx: Context) -> Iterator[Finding]:
    """Table 4 printed as one run of digits can be split so that every group adds up.

    Source: table 4 of 国办公开办函〔2021〕30号, whose 总计 of each group (行政复议, 未经复议直接起诉,
    复议后起诉) is the sum of the four results before it. Figures separated by spaces are not glued
    digits (a row with blank cells); only a run of digits alone is reported.
    """
    for item in _read_findings(ctx):
        raw = str(item.get("raw", ""))
        if item.get("cell") != "table4" or UNSPLITTABLE_TABLE4 not in str(item.get("message", "")):
            continue
        if not raw.isdigit():
            continue
        yield r.finding(
            ["table4"],
            f"表四的数字连在一起印出（{raw}），无法拆分为各组总计都与其四项之和相符的 15 个数："
            "原表某组总计与各项之和不符，或文本在转载中损坏，请核对原件（表四未读取）。",
        )


def _read_findings(ctx: Context) -> list[Mapping[str, object]]:
    found = ctx.report.meta.get(_READ_FINDINGS)
    return [item for item in found if isinstance(item, Mapping)] if isinstance(found, list) else []

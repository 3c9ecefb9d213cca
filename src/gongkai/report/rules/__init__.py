"""Consistency rules for the annual report (政府信息公开工作年度报告).

``check(report, previous=None)`` runs every rule and returns the findings sorted by severity
(error, warning, info) and rule id, each rule's findings in the order it gives them (table order,
section order): the same report always gives the same list. A rule whose inputs are missing reports
"cannot assess" (severity info, ``Finding.cannot_assess``), never a pass and never a failure.

Rule ids are stable (scripts and the web app depend on them):

- tables: ``T3-BALANCE``, ``T3-TOTAL-SUM``, ``T3-ROW-SUM``, ``T4-GROUP-SUM``, ``CELL-NONNEG``,
  ``FEES-NONNEG`` (module ``tables``);
- template: ``TEMPLATE-DETECT``, ``TEMPLATE-2019-LAYOUT`` (``template``);
- with the previous year's report: ``XYEAR-PERIOD``, ``XYEAR-AGENCY``, ``XYEAR-CARRY``,
  ``XYEAR-IN-FORCE`` (``crossyear``);
- narrative: ``SEC-PRESENT``, ``SEC-ORDER``, ``SEC-TITLE``, ``SEC-NUMBERING``, ``SEC-YEAR``,
  ``SEC5-EMPTY``, ``SEC6-FEE`` (``narrative``);
- a 人民政府's report: ``GOV-ASSESSMENT`` (``government``, 条例 第五十条第（四）项);
- the printed form of table 3: ``T3-LABEL`` (``labels``); glued rows that cannot add up:
  ``T3-ROW-GLUED``, ``T4-GLUED`` (``glued_rows``);
- tables absent or without numbers, blank cells: ``TABLE-EMPTY``, ``CELL-BLANK`` (``completeness``);
- narrative against tables: ``TEXT-TABLE-NEW``, ``TEXT-TABLE-CARRIED``, ``TEXT-TABLE-DONE``,
  ``TEXT-TABLE-CARRY-NEXT``, ``TEXT-TABLE-RECONSIDERATION``, ``TEXT-TABLE-LITIGATION``,
  ``TEXT-TABLE-DOCUMENTS`` (``text_table``).
"""

from __future__ import annotations

from gongkai.agencies import AgencyKind
from gongkai.report.model import AnnualReport
from gongkai.report.rules import (
    completeness,
    crossyear,
    glued_rows,
    government,
    labels,
    narrative,
    tables,
    template,
    text_table,
)
from gongkai.report.rules.finding import CANNOT_ASSESS_PREFIX, Finding, Severity
from gongkai.report.rules.registry import RULES, Context, Rule, run_rules

__all__ = [
    "CANNOT_ASSESS_PREFIX",
    "RULES",
    "Finding",
    "Rule",
    "Severity",
    "check",
    "completeness",
    "crossyear",
    "glued_rows",
    "government",
    "labels",
    "narrative",
    "tables",
    "template",
    "text_table",
]


def check(
    report: AnnualReport, previous: AnnualReport | None = None, *, kind: AgencyKind | None = None
) -> list[Finding]:
    """Run every rule on ``report`` (and ``previous``, the report of the year before, if given).

    ``kind`` is the agency's kind where it is known (the web records it; ``--kind`` on the command
    line); without it the rules that depend on it propose one from the agency's name.
    """
    return run_rules(RULES, Context(report, previous, kind))

"""Tables 2, 3 and 4 of one agency's annual report, counted by the database.

Every figure is a grouped query (conditional aggregation), never a loop over rows, and
:func:`cell_records` gives the rows behind any cell with the same filters, so a cell and its
drill-down list cannot disagree.

Table 3 (收到和处理政府信息公开申请情况), per applicant column (申请人情况):

- a case is *resolved* on ``closed_on`` when it has a ``resolution`` (the table-3 row key);
- 一、本年新收: received (``received_on``) in the year;
- 二、上年结转: received before 1 January and not resolved before 1 January (open at the
  previous year end: exactly the previous year's 四、结转下年度);
- 三、本年度办理结果: resolved in the year, one row per resolution (部分公开 is one resolution, so
  it is counted once); （七）总计 is their sum;
- 四、结转下年度继续办理: received in or before the year and not resolved by 31 December.

So 一 + 二 = 三（七） + 四 in every column by construction (the format's 勾稽关系), and this year's
二 equals last year's 四 (XYEAR-CARRY). Applications whose date of receipt is not established yet
are in no cell. The 2019 format's single （六）其他处理 row is the sum of the three 2021 sub-rows.

Table 4 (政府信息公开行政复议、行政诉讼情况): the cases *handled in the year* -- filed in or before
the year and not decided before 1 January -- with their result as it stood on 31 December: a case
decided after the year end is 尚未审结 for that year. A case therefore appears in every year from
the one it was filed in to the one it was decided in, and its final result is counted exactly once,
in the year of the decision. (The format has no 上年结转 column for table 4; without carrying
pending cases forward, a case filed in one year and decided in the next would never show its result.)

Table 2 is gongkai.web.disclosure.figures.table2_for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum

from gongkai.report import arithmetic
from gongkai.report.model import (
    OTHER_SINGLE_KEY,
    TABLE2_DECISION_ROWS,
    TABLE2_DOCUMENT_ROWS,
    TABLE3_APPLICANT_KEYS,
    TABLE3_ROW_BY_KEY,
    TABLE4_FIELD_KEYS,
    TABLE4_GROUP_KEYS,
    ApplicantCounts,
    CaseResults,
    RowKind,
    Table2,
    Table3,
    Table4,
    Template,
    table3_rows_for,
)
from gongkai.web.accounts.models import Agency
from gongkai.web.appeals.models import Appeal, Kind, Result
from gongkai.web.applications.models import Application, ApplicationQuerySet, FeeNotice
from gongkai.web.disclosure import figures
from gongkai.web.disclosure import vocabulary as dv
from gongkai.web.disclosure.models import Decision, Item, LifeEvent
from gongkai.workflow.applicants import ApplicantType


class CellPathError(ValueError):
    """A cell path that names no cell of the tables."""


def _year_bounds(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


# ---------------------------------------------------------------------------------------------
# Table 3
# ---------------------------------------------------------------------------------------------

#: Applicant type (gongkai.workflow.ApplicantType) -> table-3 column key.
APPLICANT_COLUMN: dict[str, str] = {t.value: t.table3_column for t in ApplicantType}


def _resolved_before(day: date) -> Q:
    """Cases resolved (closed with a resolution) before ``day``."""
    return Q(closed_on__lt=day) & ~Q(resolution="")


#: The table-3 rows counted from the date of receipt and the state at a year end (一, 二, 四).
INTAKE_ROWS: tuple[str, ...] = ("new", "carried", "carry_next")


def _intake_filters(year: int) -> dict[str, Q]:
    """The filters of the non-outcome rows of table 3 (一, 二, 四)."""
    first, last = _year_bounds(year)
    return {
        "new": Q(received_on__range=(first, last)),
        "carried": Q(received_on__lt=first) & ~_resolved_before(first),
        "carry_next": Q(received_on__lte=last) & ~_resolved_before(last + timedelta(days=1)),
    }


def _resolved_in(year: int) -> Q:
    first, last = _year_bounds(year)
    return Q(received_on__lte=last, closed_on__range=(first, last)) & ~Q(resolution="")


def _applications(agency: Agency) -> QuerySet[Application]:
    return Application.objects.filter(agency=agency, received_on__isnull=False)


def table3_for(agency: Agency, year: int, template: Template = Template.Y2021) -> Table3:
    """Table 3 for ``agency``'s ``year`` in two grouped queries."""
    apps = _applications(agency)
    # One row per applicant type with the three intake counts (a GROUP BY with three FILTERed
    # counts: cheaper per row than eighteen FILTERs over the whole agency).
    intake: dict[str, dict[str, int]] = {key: dict.fromkeys(TABLE3_APPLICANT_KEYS, 0) for key in INTAKE_ROWS}
    for r in (
        apps.values("applicant_type")
        .annotate(**{row: Count("pk", filter=q) for row, q in _intake_filters(year).items()})
        .order_by()
    ):
        for row in INTAKE_ROWS:
            intake[row][APPLICANT_COLUMN[r["applicant_type"]]] += r[row]
    outcomes = (
        apps.filter(_resolved_in(year))
        .values("resolution", "applicant_type")
        .annotate(n=Count("pk"))
        .order_by()
    )
    by_resolution: dict[str, dict[str, int]] = {}
    for r in outcomes:
        column = APPLICANT_COLUMN[r["applicant_type"]]
        cells = by_resolution.setdefault(r["resolution"], {})
        cells[column] = cells.get(column, 0) + r["n"]

    rows: dict[str, ApplicantCounts] = {}
    outcome_sums = dict.fromkeys(TABLE3_APPLICANT_KEYS, 0)
    for spec in table3_rows_for(template):
        if spec.kind is RowKind.OUTCOME:
            cells = dict.fromkeys(TABLE3_APPLICANT_KEYS, 0)
            for key in arithmetic.counted_in(spec.key, template):
                for column, n in by_resolution.get(key, {}).items():
                    cells[column] += n
            for column, n in cells.items():
                outcome_sums[column] += n
            rows[spec.key] = ApplicantCounts.from_applicants(**cells)
        elif spec.kind is RowKind.INTAKE or spec.kind is RowKind.CARRY_NEXT:
            rows[spec.key] = ApplicantCounts.from_applicants(**intake[spec.key])
    rows["total"] = ApplicantCounts.from_applicants(**outcome_sums)
    return Table3(rows)


def _table3_records(agency: Agency, year: int, row: str, column: str) -> QuerySet[Application]:
    spec = TABLE3_ROW_BY_KEY.get(row)
    if spec is None:
        raise CellPathError(row)
    if column == "total":
        by_type = Q()
    elif column in TABLE3_APPLICANT_KEYS:
        by_type = Q(applicant_type__in=[t for t, c in APPLICANT_COLUMN.items() if c == column])
    else:
        raise CellPathError(column)
    apps = _applications(agency).filter(by_type)
    if spec.kind is RowKind.OUTCOME:
        template = Template.Y2019 if row == OTHER_SINGLE_KEY else Template.Y2021
        return apps.filter(_resolved_in(year), resolution__in=arithmetic.counted_in(row, template))
    if spec.kind is RowKind.TOTAL:
        return apps.filter(_resolved_in(year))
    return apps.filter(_intake_filters(year)[row])


# ---------------------------------------------------------------------------------------------
# Table 4
# ---------------------------------------------------------------------------------------------

_GROUP_FILTERS: dict[str, Q] = {
    "reconsideration": Q(kind=Kind.RECONSIDERATION),
    "litigation_direct": Q(kind=Kind.LITIGATION, after_reconsideration=False),
    "litigation_after_reconsideration": Q(kind=Kind.LITIGATION, after_reconsideration=True),
}


def _result_filters(year: int) -> dict[str, Q]:
    """Each table-4 result column as it stood on 31 December of ``year``."""
    _, last = _year_bounds(year)
    decided = Q(decided_on__lte=last)
    return {
        "upheld": decided & Q(result=Result.UPHELD),
        "corrected": decided & Q(result=Result.CORRECTED),
        "other": decided & Q(result=Result.OTHER),
        "pending": Q(decided_on__isnull=True) | Q(decided_on__gt=last),
        "total": Q(),
    }


def _appeals_in(agency: Agency, year: int) -> QuerySet[Appeal]:
    return Appeal.objects.filter(agency=agency).handled_in(year)


def table4_for(agency: Agency, year: int) -> Table4:
    """Table 4 for ``agency``'s ``year`` in one query."""
    results = _result_filters(year)
    aggregates = {
        f"{group}__{name}": Count("pk", filter=group_q & results[name])
        for group, group_q in _GROUP_FILTERS.items()
        for name in TABLE4_FIELD_KEYS
        if name != "total"
    }
    counts = _appeals_in(agency, year).aggregate(**aggregates)
    groups = {
        group: CaseResults.of(**{n: counts[f"{group}__{n}"] for n in TABLE4_FIELD_KEYS if n != "total"})
        for group in TABLE4_GROUP_KEYS
    }
    return Table4(**groups)


def _table4_records(agency: Agency, year: int, group: str, name: str) -> QuerySet[Appeal]:
    if group not in _GROUP_FILTERS or name not in TABLE4_FIELD_KEYS:
        raise CellPathError(f"{group}.{name}")
    return _appeals_in(agency, year).filter(_GROUP_FILTERS[group] & _result_filters(year)[name])


# ---------------------------------------------------------------------------------------------
# Table 2 (counted by gongkai.web.disclosure.figures; the records are listed here)
# ---------------------------------------------------------------------------------------------

_DOC_TYPE_OF_ROW = {"regulations": dv.DocType.REGULATION, "normative_documents": dv.DocType.NORMATIVE}


def table2_for(agency: Agency, year: int) -> Table2:
    return figures.table2_for(agency, year)


def _table2_records(agency: Agency, year: int, parts: list[str]) -> QuerySet[Any]:
    first, last = _year_bounds(year)
    if len(parts) == 2 and parts[0] in _DOC_TYPE_OF_ROW:
        docs = Item.objects.filter(agency=agency, doc_type=_DOC_TYPE_OF_ROW[parts[0]])
        abolished_by = LifeEvent.objects.filter(item=OuterRef("pk"), kind=dv.LifeEventKind.ABOLISHED)
        if parts[1] == "issued":
            return docs.filter(written_on__range=(first, last))
        if parts[1] == "abolished":
            return docs.filter(Exists(abolished_by.filter(on__range=(first, last))))
        if parts[1] == "in_force":
            return docs.filter(written_on__lte=last).exclude(Exists(abolished_by.filter(on__lte=last)))
    decision_kinds = {key: key for key, *_ in TABLE2_DECISION_ROWS} | {"fees_10k_yuan": dv.DecisionKind.FEE}
    if len(parts) == 1 and parts[0] in decision_kinds:
        return Decision.objects.filter(agency=agency, kind=decision_kinds[parts[0]], decided_on__year=year)
    raise CellPathError(".".join(parts))


# ---------------------------------------------------------------------------------------------
# The public functions of the contract (D-contract.md)
# ---------------------------------------------------------------------------------------------


def report_tables(
    agency: Agency, year: int, template: Template = Template.Y2021
) -> tuple[Table2, Table3, Table4]:
    return table2_for(agency, year), table3_for(agency, year, template), table4_for(agency, year)


def cell_records(agency: Agency, year: int, path: str) -> QuerySet[Any]:
    """The rows behind one cell: Applications (table 3), Appeals (table 4), Items or Decisions (table 2).

    ``path`` is a report cell path (``table3.granted.natural``, ``table4.reconsideration.upheld``,
    ``table2.normative_documents.in_force``, ``table2.penalty``); :class:`CellPathError` otherwise.
    """
    parts = path.split(".")
    if parts[0] == "table3" and len(parts) == 3:
        return _table3_records(agency, year, parts[1], parts[2]).order_by("received_on", "pk")
    if parts[0] == "table4" and len(parts) == 3:
        return _table4_records(agency, year, parts[1], parts[2]).order_by("filed_on", "pk")
    if parts[0] == "table2" and len(parts) in (2, 3):
        return _table2_records(agency, year, parts[1:]).order_by("pk")
    raise CellPathError(path)


def is_cell_path(path: str) -> bool:
    """True when ``path`` names a cell whose records can be listed."""
    parts = path.split(".")
    if parts[0] == "table3" and len(parts) == 3:
        return parts[1] in TABLE3_ROW_BY_KEY and parts[2] in (*TABLE3_APPLICANT_KEYS, "total")
    if parts[0] == "table4" and len(parts) == 3:
        return parts[1] in TABLE4_GROUP_KEYS and parts[2] in TABLE4_FIELD_KEYS
    if parts[0] == "table2" and len(parts) == 3:
        return parts[1] in dict(TABLE2_DOCUMENT_ROWS) and parts[2] in ("issued", "abolished", "in_force")
    if parts[0] == "table2" and len(parts) == 2:
        return parts[1] in (*(k for k, *_ in TABLE2_DECISION_ROWS), "fees_10k_yuan")
    return False


# ---------------------------------------------------------------------------------------------
# Narrative facts
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReportFacts:
    """The figures the narrative sections are drafted from (and checked against the tables)."""

    year: int
    #: Publications of the year per channel key, plus "total" (全年共通过各渠道发布政府信息N条).
    publications: dict[str, int]
    received: int  # 一、本年新收 总计
    carried: int  # 二、上年结转 总计
    answered: int  # 三（七）总计: resolved in the year
    carry_next: int  # 四、结转下年度 总计
    #: Of the cases answered in the year: closed on or before their due date / after it.
    answered_on_time: int
    answered_overdue: int
    #: Answered cases with no due date on record (clock error): neither on time nor overdue.
    answered_without_due: int
    #: 信息处理费 paid in the year (收费通知 with a payment date in the year): how many, and the
    #: sum in yuan. 0 means no fee was charged.
    fees_paid_count: int
    fees_total_yuan: Decimal
    #: 收费通知 sent in the year (paid or not).
    fee_notices_sent: int
    reconsideration: int  # table 4 行政复议 总计
    reconsideration_corrected: int
    litigation: int  # table 4 行政诉讼 总计 (direct and after reconsideration)
    litigation_corrected: int

    @property
    def on_time_rate(self) -> Decimal | None:
        """Share answered on time, as a percentage with one decimal; ``None`` when nothing was answered."""
        judged = self.answered_on_time + self.answered_overdue
        if judged == 0:
            return None
        return (Decimal(100) * self.answered_on_time / judged).quantize(Decimal("0.1"))

    @property
    def fees_charged(self) -> bool:
        return self.fees_paid_count > 0


def facts_for(agency: Agency, year: int, *, computed: tuple[Table3, Table4] | None = None) -> ReportFacts:
    """The narrative facts; ``computed`` passes tables 3 and 4 already counted for this year
    (from :func:`report_tables`) so that they are not counted twice."""
    first, last = _year_bounds(year)
    table3, table4 = (
        computed if computed is not None else (table3_for(agency, year), table4_for(agency, year))
    )
    timing = (
        _applications(agency)
        .filter(_resolved_in(year))
        .aggregate(
            on_time=Count("pk", filter=ApplicationQuerySet.answered_on_time_q()),
            overdue=Count("pk", filter=ApplicationQuerySet.answered_late_q()),
            no_due=Count("pk", filter=Q(due_on__isnull=True)),
        )
    )
    paid_in_year = Q(paid_on__range=(first, last))
    fees = FeeNotice.objects.filter(application__agency=agency).aggregate(
        sent=Count("pk", filter=Q(sent_on__range=(first, last))),
        n=Count("pk", filter=paid_in_year),
        total=Sum("amount", filter=paid_in_year),
    )
    litigation_groups = (table4.litigation_direct, table4.litigation_after_reconsideration)
    return ReportFacts(
        year=year,
        publications=figures.publications_in(agency, year),
        received=table3.row("new").total or 0,
        carried=table3.row("carried").total or 0,
        answered=table3.row("total").total or 0,
        carry_next=table3.row("carry_next").total or 0,
        answered_on_time=timing["on_time"],
        answered_overdue=timing["overdue"],
        answered_without_due=timing["no_due"],
        fees_paid_count=fees["n"],
        fees_total_yuan=fees["total"] or Decimal(0),
        fee_notices_sent=fees["sent"],
        reconsideration=table4.reconsideration.total or 0,
        reconsideration_corrected=table4.reconsideration.corrected or 0,
        litigation=sum(g.total or 0 for g in litigation_groups),
        litigation_corrected=sum(g.corrected or 0 for g in litigation_groups),
    )

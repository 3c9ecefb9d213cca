"""Table 2 of the annual report (条例 第二十条) and the publication counts, as queries.

- 规章/行政规范性文件: 本年制发 = 成文日期 in the year; 本年废止 = abolished in the year; 现行有效 =
  made on or before 31 December and not abolished by then. Drafts count: the catalogue is the
  register of the documents the agency made, whether or not the portal copy is out yet.
- 行政许可/处罚/强制: the decisions of the year; 行政事业性收费: their amounts in 万元. A figure
  entered for the year (YearFigure) replaces the count from the lists.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum

from gongkai.report.model import DocumentCounts, Table2
from gongkai.web.accounts.models import Agency
from gongkai.web.disclosure import vocabulary as v
from gongkai.web.disclosure.models import Decision, Item, LifeEvent, Publication, YearFigure

TEN_THOUSAND = Decimal(10000)


def _documents(agency: Agency, doc_type: str) -> QuerySet[Item]:
    return Item.objects.filter(agency=agency, doc_type=doc_type)


def in_force_on(agency: Agency, doc_type: str, day: date) -> int:
    """How many documents of ``doc_type`` were in force on ``day``."""
    abolished = LifeEvent.objects.filter(item=OuterRef("pk"), kind=v.LifeEventKind.ABOLISHED, on__lte=day)
    return _documents(agency, doc_type).filter(written_on__lte=day).exclude(Exists(abolished)).count()


def document_counts(agency: Agency, doc_type: str, year: int) -> DocumentCounts:
    first, last = date(year, 1, 1), date(year, 12, 31)
    issued = _documents(agency, doc_type).filter(written_on__range=(first, last)).count()
    abolished = LifeEvent.objects.filter(
        item__agency=agency, item__doc_type=doc_type, kind=v.LifeEventKind.ABOLISHED, on__range=(first, last)
    ).count()
    return DocumentCounts(issued=issued, abolished=abolished, in_force=in_force_on(agency, doc_type, last))


def decision_figure(agency: Agency, year: int, kind: str) -> int | Decimal:
    """Decisions of the year (or 万元 of fees), the entered figure taking precedence."""
    entered = YearFigure.objects.filter(agency=agency, year=year, kind=kind).first()
    rows = Decision.objects.filter(agency=agency, kind=kind, decided_on__year=year)
    if kind == v.DecisionKind.FEE:
        if entered is not None:
            return entered.value.normalize()
        total = rows.aggregate(total=Sum("amount"))["total"] or Decimal(0)
        return (Decimal(total) / TEN_THOUSAND).normalize()
    if entered is not None:
        return int(entered.value)
    return rows.count()


def table2_for(agency: Agency, year: int) -> Table2:
    fee = decision_figure(agency, year, v.DecisionKind.FEE)
    return Table2(
        regulations=document_counts(agency, v.DocType.REGULATION, year),
        normative_documents=document_counts(agency, v.DocType.NORMATIVE, year),
        licensing=int(decision_figure(agency, year, v.DecisionKind.LICENSING)),
        penalty=int(decision_figure(agency, year, v.DecisionKind.PENALTY)),
        coercion=int(decision_figure(agency, year, v.DecisionKind.COERCION)),
        fees_10k_yuan=Decimal(fee),
    )


def publications_in(agency: Agency, year: int) -> dict[str, int]:
    """Publications of the year per channel, and "total": 全年共通过各渠道发布政府信息N条."""
    rows = (
        Publication.objects.filter(agency=agency, on__year=year)
        .values("channel")
        .annotate(n=Count("pk"))
        .order_by("channel")
    )
    out = {r["channel"]: r["n"] for r in rows}
    out["total"] = sum(out.values())
    return out


def items_published_in(agency: Agency, year: int) -> int:
    """Distinct items published in the year on any channel."""
    return Item.objects.filter(Q(publications__on__year=year), agency=agency).distinct().count()

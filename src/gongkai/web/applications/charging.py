"""The 信息处理费 quote of one application: the tiers are gongkai.fees', the count is the database's.

按件 (办法 第四条) charges by the application's number among the applicant's applications to the
agency in one calendar month (同一申请人一个自然月内累计申请): counted here over the same identity
document, in the month of the date of receipt (第三十一条), in receipt order (registration order
within a day). 按量 (第五条) charges by the pages delivered. One method per application (第三条).
"""

from __future__ import annotations

from django.db.models import Q

from gongkai.fees import FeeError, FeeMethod, FeeQuote, quote
from gongkai.web.applications.models import Application


def monthly_number(app: Application) -> int:
    """The application's number in its applicant's applications to the agency that month."""
    if app.received_on is None:
        raise FeeError("收到申请之日尚未确定，无法按件计算本月申请件数（条例第三十一条）")
    on = app.received_on
    first = on.replace(day=1)
    return (
        Application.objects.filter(
            agency_id=app.agency_id,
            id_type=app.id_type,
            id_number=app.id_number,
            received_on__gte=first,
        )
        .filter(Q(received_on__lt=on) | Q(received_on=on, pk__lte=app.pk))
        .count()
    )


def fee_quote(app: Application, method: str, pages: int | None) -> FeeQuote:
    """The quote by ``method``: 按件 from the database count, 按量 from ``pages``."""
    chosen = FeeMethod(method)
    if chosen is FeeMethod.PER_PAGE:
        if pages is None:
            raise FeeError("按量计收须填写提供的页数")
        return quote(chosen, pages)
    return quote(chosen, monthly_number(app))


def lines_json(q: FeeQuote) -> list[dict[str, object]]:
    """The quote's bands for the FeeNotice row (Decimal amounts as strings, never floats)."""
    return [
        {"band": line.band, "units": line.units, "rate": str(line.rate), "subtotal": str(line.subtotal)}
        for line in q.lines
    ]

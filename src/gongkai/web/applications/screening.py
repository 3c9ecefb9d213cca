"""Screening prompts on the case page (重复申请, 条例 第三十五条): the database side.

The text comparison is the domain's (gongkai.screening); this module only finds the applicant's
other applications to the same agency -- by the same identity document, or the same name and
phone -- through the (agency, id_number) and (agency, phone, name) indexes, never by
scanning all applications. The counts are of the calendar month and year of the application's
date of receipt (or submission, before receipt is established).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from gongkai.screening import Match, excessive, matcher
from gongkai.web.applications.models import Application

#: How many of the applicant's most recent earlier applications are compared (the newest first);
#: a prompt needs the recent ones, and the bound keeps the page fast for prolific applicants.
COMPARED_AT_MOST = 200


@dataclass(frozen=True)
class Hit:
    app: Application
    match: Match


@dataclass(frozen=True)
class Screening:
    hits: list[Hit] = field(default_factory=list)
    month_count: int = 0
    year_count: int = 0
    month_threshold: int = 0
    year_threshold: int = 0

    @property
    def month_excessive(self) -> bool:
        return excessive(self.month_count, self.month_threshold)

    @property
    def year_excessive(self) -> bool:
        return excessive(self.year_count, self.year_threshold)


def same_applicant(app: Application) -> tuple[QuerySet[Application], QuerySet[Application]]:
    """The applicant's applications to the case's agency: by the same identity document, and by
    the same name and phone. Two querysets combined with UNION, not one with OR: each then uses
    its own index on both databases (SQLite, unanalysed, reads ``agency AND (a OR b)`` through
    the agency index alone -- the whole agency)."""
    # No ordering inside the parts (the model's default would be refused in a UNION).
    mine = Application.objects.filter(agency_id=app.agency_id).order_by()
    return (
        mine.filter(id_number=app.id_number, id_type=app.id_type),
        mine.filter(phone=app.phone, name=app.name),
    )


def application_date(app: Application) -> date:
    """The date the counts are taken for: receipt (第三十一条), else the submission day."""
    return app.received_on or timezone.localdate(app.submitted_at)


def screen(app: Application) -> Screening:
    """Earlier applications that read the same or very similar, and this period's counts."""
    by_id, by_contact = same_applicant(app)
    shown = ("id", "number", "description", "received_on", "status", "resolution", "agency_id")
    earlier = (
        by_id.filter(pk__lt=app.pk)
        .only(*shown)
        .union(by_contact.filter(pk__lt=app.pk).only(*shown))
        .order_by("-id")[:COMPARED_AT_MOST]
    )
    match = matcher(app.description)
    hits = [Hit(e, m) for e in earlier if (m := match(e.description)) is not None]
    on = application_date(app)
    month_start = on.replace(day=1)
    next_month = date(on.year + (on.month == 12), on.month % 12 + 1, 1)
    # The year's applications (UNION drops those found both ways); ranges, not __year lookups,
    # so that the received_on column of the identity index is used.
    year = {"received_on__gte": date(on.year, 1, 1), "received_on__lte": date(on.year, 12, 31)}
    dates = [
        d
        for _, d in by_id.filter(**year)
        .values_list("id", "received_on")
        .union(by_contact.filter(**year).values_list("id", "received_on"))
    ]
    return Screening(
        hits=hits,
        month_count=sum(1 for d in dates if month_start <= d < next_month),
        year_count=len(dates),
        month_threshold=settings.GONGKAI_EXCESSIVE_PER_MONTH,
        year_threshold=settings.GONGKAI_EXCESSIVE_PER_YEAR,
    )

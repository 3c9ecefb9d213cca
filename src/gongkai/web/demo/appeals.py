"""行政复议 and 行政诉讼 cases on demo applications (表四, issue 8)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone

from gongkai.web.accounts.models import Agency, Membership, Role, User
from gongkai.web.appeals import actions as appeal_actions
from gongkai.web.applications.models import Application
from gongkai.web.audit.record import replaying
from gongkai.web.demo.people import reconsideration_body
from gongkai.workflow.cases import CaseState

#: Agencies whose cases are never challenged in the demo: 平湖市科学技术局's tables must stay
#: those of its real published report (corpus 000: no reconsideration, no litigation).
UNCHALLENGED = frozenset({"平科"})


def _clerk_of(agency: Agency) -> User:
    members = Membership.objects.filter(agency=agency, role=Role.CLERK).select_related("user").order_by("pk")
    return members[0].user


def _challenged(agencies: Iterable[Agency], year: int, taken: set[int], latest: date) -> Application | None:
    """The last case closed with a refusal-type answer in ``year`` no later than ``latest``, of
    an agency that may be challenged; any answered case if there is no refusal."""
    pks = [a.pk for a in agencies if a.short_name not in UNCHALLENGED]
    closed = (
        Application.objects.filter(
            agency_id__in=pks,
            closed_on__year=year,
            closed_on__lte=latest,
            status=CaseState.CLOSED,
        )
        .exclude(resolution="")
        .exclude(pk__in=taken)
        .select_related("agency")
        .order_by("-closed_on", "-pk")
    )
    refused = closed.exclude(resolution__in=("granted", "partial"))
    return refused.first() or closed.first()


def _register(app: Application, kind: str, filed: date, body: str, **extra: Any) -> Any:
    assert app.closed_on is not None
    clerk = _clerk_of(app.agency)
    data = {
        "application": app,
        "kind": kind,
        "body": body,
        "case_number": extra.pop("case_number"),
        "applicant_name": app.name,
        "act_on": app.closed_on,
        "known_on": app.closed_on,
        "filed_on": filed,
        **extra,
    }
    with replaying(timezone.make_aware(datetime.combine(filed + timedelta(days=3), time(15, 0)))):
        return appeal_actions.do_register_appeal(app.agency, data, acting_user=clerk)


def _decide(appeal: Any, result: str, decided: date) -> Any:
    with replaying(timezone.make_aware(datetime.combine(decided + timedelta(days=2), time(15, 0)))):
        return appeal_actions.do_record_appeal_result(
            appeal, result=result, decided_on=decided, acting_user=_clerk_of(appeal.agency)
        )


def build_appeals(agencies: Iterable[Agency], today: date) -> int:
    """A few 行政复议/行政诉讼 cases on demo applications; returns how many were registered.

    Run before the annual reports are generated, so table 4 of the published reports counts them:
    one reconsideration filed two years ago and decided after 31 December (尚未审结 that year, 结果
    维持 the next) followed by a lawsuit (复议后起诉) decided that next year; one reconsideration
    decided within last year (结果纠正); one lawsuit filed directly this year, still pending.
    """
    agencies = list(agencies)
    taken: set[int] = set()
    made = 0
    first = _challenged(agencies, today.year - 2, taken, date(today.year - 2, 12, 1))
    if first is not None and first.closed_on is not None:
        taken.add(first.pk)
        filed = first.closed_on + timedelta(days=30)  # within the 60 days (行政复议法 第二十条)
        body = reconsideration_body(first.agency)
        recon = _register(first, "reconsideration", filed, body, case_number=f"示复〔{filed.year}〕17号")
        decided = date(today.year - 1, 2, 26)
        received = decided + timedelta(days=4)
        _decide(recon, "upheld", decided)
        suit = _register(
            first,
            "litigation",
            received + timedelta(days=12),  # within 15 days of receiving the decision (第四十五条)
            "示例市人民法院",
            case_number=f"（{today.year - 1}）浙0482行初31号",
            after_reconsideration=True,
            reconsideration=recon,
            decision_received_on=received,
        )
        _decide(suit, "other", date(today.year - 1, 9, 18))  # 原告撤诉
        made += 2
    second = _challenged(agencies, today.year - 1, taken, date(today.year - 1, 9, 30))
    if second is not None and second.closed_on is not None:
        taken.add(second.pk)
        filed = second.closed_on + timedelta(days=21)
        body = reconsideration_body(second.agency)
        recon = _register(second, "reconsideration", filed, body, case_number=f"示复〔{filed.year}〕42号")
        _decide(recon, "corrected", filed + timedelta(days=55))  # 责令重新答复
        made += 1
    third = _challenged(agencies, today.year, taken, today - timedelta(days=20))
    if third is None:  # early in the year: a case of last year, sued within 6 months
        third = _challenged(agencies, today.year - 1, taken, today - timedelta(days=20))
    if third is not None and third.closed_on is not None:
        filed = min(third.closed_on + timedelta(days=14), today)
        _register(
            third,
            "litigation",
            filed,
            "示例市人民法院",
            case_number=f"（{filed.year}）浙0482行初8号",
        )
        made += 1
    return made

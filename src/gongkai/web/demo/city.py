"""The demo city for ``gongkai serve --demo``: 示例市, its agencies, people for every role, and
applications in every state from 2023 to today, with replies, appeals, catalogues and annual
reports.

Every case is built by replaying the actions (so deadlines are the engine's, never invented, and
every step is in the audit trail, stamped with the day it happened). Deterministic: the same
seed gives the same city.
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import date

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from gongkai.web.accounts.models import Agency, Membership, Role, User
from gongkai.web.actions_base import batch
from gongkai.web.applications.models import Application
from gongkai.web.demo import appeals, fees
from gongkai.web.demo.cases import Desk, build_open, build_year
from gongkai.web.demo.people import AGENCIES, GOVERNMENT, PASSWORD, PEOPLE, people
from gongkai.web.demo.progress import Stages
from gongkai.web.memo import memoising
from gongkai.workflow.cases import CASE_STATE_LABELS, CaseState

__all__ = ["PASSWORD", "build", "summary"]

FIRST_YEAR = 2023
#: Agency-years with no applications at all, to agree with what that agency really published:
#: 平湖市科学技术局's 2023 report says "2023年收到依申请公开申请事项0件" (../shared/corpus/000_*).
YEARS_WITHOUT_APPLICATIONS = frozenset({("平科", 2023)})


def build(
    *, seed: int = 2026, today: date | None = None, per_year: int = 6, progress: Stages | None = None
) -> list[tuple[str, str, str]]:
    """Create the demo city; returns (username, role label, agency) for every demo account.
    ``progress`` is told each stage and step (silent by default)."""
    today = today or timezone.localdate()
    progress = progress or Stages()
    # One transaction: the nested actions become cheap savepoints. memoising: the calendar and
    # the disclosure setup each step asks for are read once (gongkai.web.memo; bench/RESULTS.md).
    with batch(), memoising():
        accounts = _build(seed, today, per_year, progress)
    progress.finish()
    return accounts


def _build(seed: int, today: date, per_year: int, progress: Stages) -> list[tuple[str, str, str]]:
    rng = random.Random(seed)
    progress.stage("机关与账号", 1)
    agencies: dict[str, Agency] = {}
    for name, short, parent in AGENCIES:
        agencies[name] = Agency.objects.create(
            name=name,
            short_name=short,
            parent=agencies[parent] if parent else None,
            phone="0573-8" + str(rng.randint(1000000, 9999999)),
        )
    name, short, parent, phone = GOVERNMENT
    agencies[name] = Agency.objects.create(name=name, short_name=short, parent=agencies[parent], phone=phone)
    hashed = make_password(PASSWORD)  # once: the hash is deliberately slow
    for username, full_name, role, agency in PEOPLE:
        admin = role == Role.ADMIN
        user = User.objects.create(
            username=username, password=hashed, full_name=full_name, is_staff=admin, is_superuser=admin
        )
        Membership.objects.create(user=user, agency=agencies[agency], role=role)
    who = people()
    by_agency: dict[int, dict[str, str]] = {}
    for username, _, role, agency in PEOPLE:
        by_agency.setdefault(agencies[agency].pk, {})[role] = username
    from gongkai.web.workdays.calendars import calendar_for

    calendar = calendar_for(None)
    years = range(FIRST_YEAR, today.year + 1)
    desks = [
        a for a in agencies.values() if Role.CLERK in by_agency.get(a.pk, {}) and a.name != GOVERNMENT[0]
    ]
    progress.stage("申请、答复、告知书与送达（按机关、按年）", len(desks) * (len(years) + 1))
    for agency in desks:
        desk = Desk(agency, by_agency[agency.pk], who, calendar, today, rng)
        weight = 3 if agency.short_name in ("平科", "示自规") else 1
        for year in years:
            progress.note(f"{agency.short_name} {year} 年")
            if (agency.short_name, year) not in YEARS_WITHOUT_APPLICATIONS:
                build_year(desk, year, per_year * weight // 2 + rng.randint(0, 4))
            progress.advance()
        progress.note(f"{agency.short_name} 在办案件")
        build_open(desk)
        if agency.short_name == fees.FREQUENT_AT:  # 按件收费 (issue 6)
            fees.build_frequent_applicant(desk)
        progress.advance()
    from gongkai.web.annual import demo as annual_demo
    from gongkai.web.disclosure import demo as disclosure_demo  # issue 7: catalogues and portal

    with_cases = [a for a in agencies.values() if a.name != GOVERNMENT[0]]
    progress.stage("行政复议与行政诉讼", 1)
    appeals.build_appeals(with_cases, today)  # issue 8: before table 4 is generated
    catalogues = progress.track("主动公开目录与门户（按机关）", with_cases, name=_short)
    disclosure_demo.build(catalogues, today, seed)
    annual_demo.confirm_kinds(agencies.values(), FIRST_YEAR)  # issue 16: the administrator sets kinds
    reports = progress.track("政府信息公开工作年度报告（按机关）", agencies.values(), name=_short)
    annual_demo.build(reports, today)  # issue 8: annual reports from the records above
    return [(u, Role.of(r).label, a) for u, _, r, a in PEOPLE]


def _short(agency: Agency) -> str:
    return agency.short_name


def summary() -> str:
    counts = Counter(Application.objects.values_list("status", flat=True))
    parts = [f"{CASE_STATE_LABELS[CaseState(s)]} {n}" for s, n in sorted(counts.items())]
    return (
        f"{Agency.objects.count()} 个机关，{Application.objects.count()} 件申请（" + "，".join(parts) + "）"
    )

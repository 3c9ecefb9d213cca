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
from collections.abc import Iterable
from datetime import date

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from gongkai.web.accounts.models import Agency, Membership, Role, User
from gongkai.web.actions_base import batch
from gongkai.web.applications.models import Application
from gongkai.web.audit.guard import TABLE as AUDIT_TABLE
from gongkai.web.demo import appeals, fees
from gongkai.web.demo.cases import Desk, build_open, build_year
from gongkai.web.demo.parallel import side_by_side
from gongkai.web.demo.people import AGENCIES, GOVERNMENT, PASSWORD, PEOPLE, people
from gongkai.web.demo.progress import Stages
from gongkai.web.memo import forget, memoising
from gongkai.workflow.cases import CASE_STATE_LABELS, CaseState

__all__ = ["PASSWORD", "build", "summary"]

FIRST_YEAR = 2023
#: Agency-years with no applications at all, to agree with what that agency really published:
#: 平湖市科学技术局's 2023 report says "2023年收到依申请公开申请事项0件" (../shared/corpus/000_*).
YEARS_WITHOUT_APPLICATIONS = frozenset({("平科", 2023)})


def build(
    *,
    seed: int = 2026,
    today: date | None = None,
    per_year: int = 6,
    progress: Stages | None = None,
    parallel: bool = False,
) -> list[tuple[str, str, str]]:
    """Create the demo city; returns (username, role label, agency) for every demo account.
    ``progress`` is told each stage and step (silent by default). ``parallel``: the cases and the
    catalogues are built side by side on two cores when the database is an SQLite file
    (:mod:`gongkai.web.demo.parallel`: the same city as built one after the other)."""
    today = today or timezone.localdate()
    progress = progress or Stages()
    # Each part in one transaction: the nested actions become cheap savepoints. memoising: the
    # calendar and the disclosure setup each step asks for are read once (gongkai.web.memo).
    with memoising():
        rng = random.Random(seed)
        with batch():
            agencies, by_agency = _accounts(rng, progress)
        with_cases = [a for a in agencies.values() if a.name != GOVERNMENT[0]]

        def cases(progress: Stages) -> None:
            with batch():
                _cases(agencies, by_agency, rng, today, per_year, progress)

        def catalogues(progress: Stages) -> None:
            from gongkai.web.disclosure import demo as disclosure_demo  # issue 7: catalogues and portal

            with batch():
                listed = progress.track("主动公开目录与门户（按机关）", with_cases, name=_short)
                disclosure_demo.build(listed, today, seed)

        if parallel:
            side_by_side(cases, catalogues, progress, renumbered=[AUDIT_TABLE])
            forget()  # what was kept was read before the catalogues' rows were merged in
        else:
            cases(progress)
            catalogues(progress)
        with batch():
            _reports(agencies.values(), today, progress)
    progress.finish()
    return [(u, Role.of(r).label, a) for u, _, r, a in PEOPLE]


def _accounts(rng: random.Random, progress: Stages) -> tuple[dict[str, Agency], dict[int, dict[str, str]]]:
    """The agencies and the demo accounts, and each agency's usernames by role."""
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
    by_agency: dict[int, dict[str, str]] = {}
    for username, _, role, agency in PEOPLE:
        by_agency.setdefault(agencies[agency].pk, {})[role] = username
    return agencies, by_agency


def _cases(
    agencies: dict[str, Agency],
    by_agency: dict[int, dict[str, str]],
    rng: random.Random,
    today: date,
    per_year: int,
    progress: Stages,
) -> None:
    """Every desk's applications year by year, its open cases, then the appeals on them."""
    from gongkai.web.workdays.calendars import calendar_for

    who = people()
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
    progress.stage("行政复议与行政诉讼", 1)
    appeals.build_appeals([a for a in agencies.values() if a.name != GOVERNMENT[0]], today)  # issue 8


def _reports(agencies: Iterable[Agency], today: date, progress: Stages) -> None:
    """The agencies' kinds set by the administrator, then their annual reports from the records."""
    from gongkai.web.annual import demo as annual_demo

    annual_demo.confirm_kinds(agencies, FIRST_YEAR)  # issue 16: the administrator sets kinds
    reports = progress.track("政府信息公开工作年度报告（按机关）", agencies, name=_short)
    annual_demo.build(reports, today)  # issue 8: annual reports from the records above


def _short(agency: Agency) -> str:
    return agency.short_name


def summary() -> str:
    counts = Counter(Application.objects.values_list("status", flat=True))
    parts = [f"{CASE_STATE_LABELS[CaseState(s)]} {n}" for s, n in sorted(counts.items())]
    return (
        f"{Agency.objects.count()} 个机关，{Application.objects.count()} 件申请（" + "，".join(parts) + "）"
    )

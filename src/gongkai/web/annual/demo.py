"""Demo annual reports: each demo agency's report on every year that is over, generated from its
records and published by replaying the actions (stamped with the day it happened).

So that the supervisor's view has something to show, the city is not perfect: one agency published
one year late (after 31 January), one amended a published report (更正) (a second version), one has
only a draft of the latest year and one has not started it (未上报). A report whose publication
day is still ahead of ``today`` stays a draft. The figures are whatever the demo's records give:
for 平湖市科学技术局 in 2023 the same figures as its real published report (corpus 000).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time

from django.utils import timezone

from gongkai.web.accounts.models import Agency, Membership, Role, User
from gongkai.web.annual import actions
from gongkai.web.annual.models import AnnualReport
from gongkai.web.audit.record import replaying

FIRST_YEAR = 2023
#: Day of January (of the following year) on which a report is published; on time by default.
PUBLISH_DAY = 20
#: (short name, year) published late: on 10 February, after the 31 January deadline.
LATE = frozenset({("示环", 2024)})
#: (short name, year) amended (更正) after publication (a second version on 1 March).
AMENDED = frozenset({("平科", 2024)})
#: Short names whose latest report is only a draft, and whose latest report is not started.
DRAFT_ONLY = frozenset({"西塘街道"})
NOT_STARTED = frozenset({"东湖镇"})


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10, 0)))


def _people(agency: Agency) -> dict[str, User]:
    out: dict[str, User] = {}
    for m in Membership.objects.filter(agency=agency).select_related("user").order_by("pk"):
        out.setdefault(m.role, m.user)
    return out


def _publish(report: AnnualReport, clerk: User, head: User, day: date) -> AnnualReport:
    with replaying(_at(day)):
        report = actions.do_check_report(report, acting_user=clerk)
        for finding in report.findings:
            if finding["severity"] == "warning":
                actions.do_acknowledge_warning(
                    report,
                    finding["rule"],
                    ",".join(finding["cells"]),
                    "演示数据：经办人已核对，情况属实",
                    acting_user=clerk,
                )
        return actions.do_publish_report(report, acting_user=head, at=_at(day))


def build(agencies: Iterable[Agency], today: date) -> int:
    """Generate and publish the demo reports; returns how many versions were published."""
    published = 0
    for agency in agencies:
        people = _people(agency)
        clerk, head = people.get(Role.CLERK), people.get(Role.HEAD)
        if clerk is None or head is None:
            continue
        for year in range(FIRST_YEAR, today.year):
            latest = year == today.year - 1
            if latest and agency.short_name in NOT_STARTED:
                continue
            late = (agency.short_name, year) in LATE
            day = date(year + 1, 2, 10) if late else date(year + 1, 1, PUBLISH_DAY)
            generated_on = min(date(year + 1, 1, 5), today)
            with replaying(_at(generated_on)):
                report = actions.do_generate_report(agency, year, acting_user=clerk)
            if day > today or (latest and agency.short_name in DRAFT_ONLY):
                continue
            report = _publish(report, clerk, head, day)
            published += 1
            fixed_on = date(year + 1, 3, 1)
            if (agency.short_name, year) in AMENDED and fixed_on <= today:
                with replaying(_at(fixed_on)):
                    draft = actions.do_start_amendment(report, acting_user=clerk)
                    text = draft.sections()[4]["text"] + "（本版更正了第五部分的表述。）"
                    draft = actions.do_edit_narrative(draft, {"五": text}, acting_user=clerk)
                _publish(draft, clerk, head, fixed_on)
                published += 1
    return published

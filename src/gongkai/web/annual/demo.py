"""Demo annual reports: each demo agency's report on every year that is over, generated from its
records and published by replaying the actions (stamped with the day it happened).

So that the supervisor's view has something to show, the city is not perfect: one agency published
one year late (after 31 January), one amended a published report (更正) (a second version), one has
only a draft of the latest year and one has not started it (未上报). A report whose publication
day is still ahead of ``today`` stays a draft. The figures are whatever the demo's records give:
for 平湖市科学技术局 in 2023 the same figures as its real published report (corpus 000).

Issue 16 (条例 第四十九条、第五十条第（四）项): the administrator confirms each agency's kind; 示例市人民政府
(a 县级以上地方人民政府) publishes in March, before its 31 March date, so it is not late; each 部门
submits its published report to the 主管部门 (示例市人民政府办公室) the day it publishes it; the
governments (示例市人民政府, 东湖镇人民政府) enter their 工作考核、社会评议和责任追究结果情况 before the
report is drafted, so the draft passes GOV-ASSESSMENT with no acknowledgement.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time

from django.utils import timezone

from gongkai.agencies import AgencyKind
from gongkai.web.accounts.actions import do_set_agency_kind
from gongkai.web.accounts.models import Agency, Membership, Role, User
from gongkai.web.annual import actions
from gongkai.web.annual.models import AnnualReport, duty_for
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
#: Day of March on which a 县级以上地方人民政府's report is published (due 31 March: on time).
GOVERNMENT_PUBLISH_DAY = 20
#: What a government enters for 第五十条第（四）项 (演示数据).
GOVERNMENT_RESULTS = {
    "assessment": "将政府信息公开工作纳入{year}年度绩效考核，各单位考核结果均为合格以上",
    "evaluation": "组织服务对象和社会公众开展社会评议，满意度为95%",
    "accountability": "本年度未发生因政府信息公开工作被责任追究的情形",
}
#: The warning the demo never acknowledges: a government's draft must pass it.
NOT_ACKNOWLEDGED = frozenset({"GOV-ASSESSMENT"})


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
            if finding["severity"] == "warning" and finding["rule"] not in NOT_ACKNOWLEDGED:
                actions.do_acknowledge_warning(
                    report,
                    finding["rule"],
                    ",".join(finding["cells"]),
                    "演示数据：经办人已核对，情况属实",
                    acting_user=clerk,
                )
        report = actions.do_publish_report(report, acting_user=head, at=_at(day))
        agency = report.agency
        if duty_for(agency, report.year).submit_to_supervisor and agency.parent_id:  # 第四十九条第一款
            actions.do_submit_to_supervisor(report, acting_user=head, on=day)
        return report


def confirm_kinds(agencies: Iterable[Agency], first_year: int) -> None:
    """The administrator sets each agency's kind (the name's proposal, confirmed) through the
    audited action, at the start of the demo's history."""
    admin = User.objects.filter(memberships__role=Role.ADMIN).order_by("pk").first()
    if admin is None:
        return
    with replaying(_at(date(first_year, 1, 3))):
        for agency in agencies:
            do_set_agency_kind(agency, agency.kind, acting_user=admin)


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
            if agency.agency_kind is AgencyKind.GOVERNMENT:
                day = date(year + 1, 3, GOVERNMENT_PUBLISH_DAY)
            generated_on = min(date(year + 1, 1, 5), today)
            with replaying(_at(generated_on)):
                if agency.agency_kind.is_peoples_government:
                    texts = {k: t.format(year=year) for k, t in GOVERNMENT_RESULTS.items()}
                    actions.do_record_government_results(agency, year, texts, acting_user=clerk)
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

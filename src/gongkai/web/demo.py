"""Demo data for ``gongkai serve --demo``: 示例市, its agencies, people for every role, and
applications in every state from 2023 to today.

Every case is built by replaying the actions (so deadlines are the engine's, never invented, and
every step is in the audit trail, stamped with the day it happened). Deterministic: the same
seed gives the same city.
"""

from __future__ import annotations

import contextlib
import random
from collections import Counter
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from gongkai.calendar import WorkingCalendar
from gongkai.errors import GongkaiError
from gongkai.web import demo_cases
from gongkai.web.accounts.models import Agency, Membership, Role, User
from gongkai.web.applications import actions
from gongkai.web.applications.models import Application
from gongkai.web.audit.record import replaying
from gongkai.workflow.applicants import ApplicantType
from gongkai.workflow.cases import CaseState

PASSWORD = "gongkai-demo"
FIRST_YEAR = 2023
#: Agency-years with no applications at all, to agree with what that agency really published:
#: 平湖市科学技术局's 2023 report says "2023年收到依申请公开申请事项0件" (../shared/corpus/000_*).
YEARS_WITHOUT_APPLICATIONS = frozenset({("平科", 2023)})

#: (name, short name for numbers, parent name or None)
AGENCIES = [
    ("示例市人民政府办公室", "示政办", None),
    ("平湖市科学技术局", "平科", "示例市人民政府办公室"),
    ("示例市财政局", "示财", "示例市人民政府办公室"),
    ("示例市自然资源和规划局", "示自规", "示例市人民政府办公室"),
    ("示例市生态环境局", "示环", "示例市人民政府办公室"),
    ("示例市东湖镇人民政府", "东湖镇", "示例市人民政府办公室"),
    ("示例市西塘街道办事处", "西塘街道", "示例市人民政府办公室"),
]

#: (username, full name, role, agency)
PEOPLE = [
    ("admin", "系统管理员", Role.ADMIN, "示例市人民政府办公室"),
    ("gongkaiban", "王公开", Role.SUPERVISOR, "示例市人民政府办公室"),
    ("zf_clerk", "赵敏", Role.CLERK, "示例市人民政府办公室"),
    ("zf_reviewer", "钟审", Role.REVIEWER, "示例市人民政府办公室"),
    ("zf_head", "韩主任", Role.HEAD, "示例市人民政府办公室"),
    ("kj_clerk", "李明", Role.CLERK, "平湖市科学技术局"),
    ("kj_clerk2", "孙丽", Role.CLERK, "平湖市科学技术局"),
    ("kj_reviewer", "周审", Role.REVIEWER, "平湖市科学技术局"),
    ("kj_head", "吴局长", Role.HEAD, "平湖市科学技术局"),
    ("cz_clerk", "钱进", Role.CLERK, "示例市财政局"),
    ("cz_reviewer", "郑核", Role.REVIEWER, "示例市财政局"),
    ("cz_head", "冯主任", Role.HEAD, "示例市财政局"),
    ("zg_clerk", "陈土", Role.CLERK, "示例市自然资源和规划局"),
    ("zg_reviewer", "楚审", Role.REVIEWER, "示例市自然资源和规划局"),
    ("zg_head", "褚处长", Role.HEAD, "示例市自然资源和规划局"),
    ("hb_clerk", "卫清", Role.CLERK, "示例市生态环境局"),
    ("hb_reviewer", "魏核", Role.REVIEWER, "示例市生态环境局"),
    ("hb_head", "蒋局长", Role.HEAD, "示例市生态环境局"),
    ("dh_clerk", "蒋镇", Role.CLERK, "示例市东湖镇人民政府"),
    ("dh_reviewer", "杨审", Role.REVIEWER, "示例市东湖镇人民政府"),
    ("dh_head", "朱镇长", Role.HEAD, "示例市东湖镇人民政府"),
    ("xt_clerk", "沈街", Role.CLERK, "示例市西塘街道办事处"),
    ("xt_reviewer", "秦审", Role.REVIEWER, "示例市西塘街道办事处"),
    ("xt_head", "尤主任", Role.HEAD, "示例市西塘街道办事处"),
]

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯"
    "龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = [
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "丽",
    "强",
    "磊",
    "军",
    "洋",
    "勇",
    "艳",
    "杰",
    "涛",
    "明",
    "超",
    "秀英",
    "华",
    "建国",
    "海燕",
]
ORGS = {
    ApplicantType.COMMERCIAL: ["示例市恒达建设有限公司", "平湖光电科技股份有限公司", "东湖农业发展有限公司"],
    ApplicantType.RESEARCH: ["示例市农业科学研究院", "平湖新材料研究所"],
    ApplicantType.PUBLIC_INTEREST: ["示例市绿色环保志愿者协会", "示例市助残公益服务中心"],
    ApplicantType.LEGAL_SERVICE: ["浙江示例律师事务所", "示例市法律援助中心"],
    ApplicantType.OTHER: ["东湖镇青山村村民委员会", "示例市个体劳动者协会"],
}
TOPICS = [
    "{y}年度科技型中小企业研发费用补助资金分配明细",
    "{y}年本单位政府采购项目的中标公告及合同",
    "示例市东湖片区控制性详细规划调整的批复文件",
    "{y}年度财政预算执行情况及部门决算说明",
    "本村土地征收补偿安置方案及补偿款发放名单",
    "示例市高新区污水处理厂环境影响评价报告书",
    "{y}年度重点研发计划项目立项清单",
    "某路段道路拓宽工程的立项批复及资金来源",
    "本单位{y}年“三公”经费支出情况",
    "示例市企业技术中心认定名单及评审标准",
]


def _id_number(rng: random.Random) -> str:
    from gongkai.sensitive.checksums import id_card_check_char

    born = date(rng.randint(1950, 2004), rng.randint(1, 12), rng.randint(1, 28))
    first17 = f"330482{born:%Y%m%d}{rng.randint(0, 999):03d}"
    return first17 + id_card_check_char(first17)


def _uscc(rng: random.Random) -> str:
    from gongkai.sensitive.checksums import USCC_ALPHABET, uscc_check_char

    first17 = "91330482" + "".join(rng.choice(USCC_ALPHABET) for _ in range(9))
    return first17 + uscc_check_char(first17)


def _applicant(rng: random.Random, year: int) -> dict[str, Any]:
    kind = rng.choices(list(ApplicantType), weights=[70, 12, 4, 4, 6, 4])[0]
    person = rng.choice(SURNAMES) + rng.choice(GIVEN)
    data: dict[str, Any] = {
        "applicant_type": kind.value,
        "phone": f"1{rng.choice('3589')}{rng.randint(0, 9)}{rng.randint(10000000, 99999999)}",
        "email": f"user{rng.randint(100, 999)}@example.cn",
        "address": f"示例市{rng.choice(['人民路', '解放路', '东湖大道', '新华街'])}{rng.randint(1, 300)}号",
        "postcode": "314200",
        "description": rng.choice(TOPICS).format(y=year - 1),
        "delivery_form": rng.choice(["electronic", "paper"]),
        "delivery_method": rng.choice(["email", "post", "pickup"]),
    }
    if kind is ApplicantType.NATURAL:
        data.update(name=person, id_type="resident_id", id_number=_id_number(rng), legal_representative="")
    else:
        data.update(
            name=rng.choice(ORGS[kind]), id_type="uscc", id_number=_uscc(rng), legal_representative=person
        )
    return data


class _Replay:
    """Replays one case's history through the actions, each step stamped with its own day."""

    def __init__(self, app: Application, calendar: WorkingCalendar) -> None:
        self.app, self.calendar = app, calendar

    def at(self, day: date, fn: Callable[..., Application], *args: Any, **kwargs: Any) -> None:
        with replaying(timezone.make_aware(datetime.combine(day, time(10, 30)))):
            self.app = fn(self.app, *args, **kwargs)

    def workday(self, after: date, n: int) -> date:
        return self.calendar.add_working_days(after, n)


def _people() -> dict[str, User]:
    return {u.username: u for u in User.objects.all()}


#: The scenario of each case; weights favour ordinary answered cases like a real year.
SCENARIOS = [
    "answered",
    "answered",
    "answered",
    "answered",
    "answered_late",
    "corrected",
    "correction_lapsed",
    "extended",
    "consulted",
    "fee",
]
#: (scenario, working days since receipt) of the cases on the desk today: every open state, some
#: due within 3 working days, some overdue (received more than 20 working days ago, unanswered).
OPEN_AGES = [
    ("received", 1),
    ("in_progress", 5),
    ("awaiting_correction", 6),
    ("consulting", 8),
    ("awaiting_fee", 9),
    ("reply_drafted", 10),
    ("under_review", 12),
    ("returned", 14),
    ("approved", 16),
    ("extension_pending", 17),
    ("issued", 18),
    ("extended", 19),
    ("reply_drafted", 18),
    ("under_review", 19),
    ("in_progress", 24),
    ("in_progress", 27),
]


def _play(rp: _Replay, scenario: str, today: date, rng: random.Random, who: dict[str, User]) -> None:
    app = rp.app
    clerk = who[app.agency_clerk]
    head = who.get(app.agency_head)
    reviewer = who.get(app.agency_reviewer) or clerk
    received = app.received_on
    assert received is not None
    start = rp.workday(received, 1)
    outcome: str | None = None  # decided by the story itself, else drawn when the reply is
    if start > today or scenario == "received":  # 已登记: not yet given to a clerk
        return
    rp.at(start, actions.do_assign_application, clerk, acting_user=clerk)
    if scenario == "in_progress":  # being worked on, no reply drafted yet
        return
    if scenario in ("corrected", "correction_lapsed", "awaiting_correction"):
        sent = rp.workday(received, rng.randint(2, 6))
        if sent > today:
            return
        rp.at(
            sent,
            actions.do_request_correction,
            sent_on=sent,
            items="请明确所需信息的名称、文号或形成时间",
            working_days=10,
            acting_user=clerk,
        )
        if scenario == "awaiting_correction":
            return
        if scenario == "correction_lapsed":
            lapse = rp.workday(sent, 11)
            if lapse <= today:
                rp.at(lapse, actions.do_close_for_missing_correction, today=lapse, acting_user=clerk)
            return
        back = rp.workday(sent, rng.randint(2, 8))
        if back > today:
            return
        rp.at(back, actions.do_receive_correction, received_on=back, acting_user=clerk)
    if scenario in ("consulted", "consulting"):
        sent = rp.workday(start, 2)
        if sent > today:
            return
        kind = rng.choice(["third_party", "other_agency"])
        if kind == "third_party":  # 第三十二条: letter, answer, decision to disclose (issue 6)
            if not demo_cases.consult_third_party(rp, sent, today, clerk, answered=scenario == "consulted"):
                return
            outcome = "granted"
        else:
            rp.at(
                sent,
                actions.do_start_consultation,
                kind=kind,
                sent_on=sent,
                note="涉及其他机关职责，书面征求意见",
                acting_user=clerk,
            )
            if scenario == "consulting":
                return
            end = rp.workday(sent, rng.randint(5, 15))
            if end > today:
                return
            rp.at(end, actions.do_end_consultation, ended_on=end, acting_user=clerk)
    if scenario in ("fee", "awaiting_fee", "fee_per_application"):
        sent = rp.workday(start, 3)
        if sent > today:
            return
        per_application = scenario == "fee_per_application"  # 按件: see demo_cases
        rp.at(
            sent,
            actions.do_send_fee_notice,
            sent_on=sent,
            method="per_application" if per_application else "per_page",
            pages=None if per_application else rng.randint(31, 250),
            how_to_pay="持本通知到本机关财务窗口缴纳，或通过非税收入统一缴款平台缴纳",
            note="",
            acting_user=clerk,
        )
        if scenario == "awaiting_fee":
            return
        paid = rp.workday(sent, rng.randint(2, 10))
        if paid > today:
            return
        rp.at(paid, actions.do_receive_fee, paid_on=paid, acting_user=clerk)
    if scenario in ("extended", "extension_pending") and head is not None:
        asked = rp.workday(rp.app.received_on or received, 15)
        if asked > today or rp.app.status != CaseState.IN_PROGRESS:
            return
        rp.at(
            asked,
            actions.do_request_extension,
            reason="所需信息涉及多个科室，需要检索归档材料",
            on=asked,
            acting_user=clerk,
        )
        if scenario == "extension_pending":
            return
        approved = rp.workday(asked, 1)
        if approved > today:
            return
        rp.at(approved, actions.do_approve_extension, approved_on=approved, acting_user=head)
    # The reply, through the replies app for this year's cases (issue 6; see demo_cases).
    demo_cases.play_reply(
        rp,
        scenario,
        start=start,
        today=today,
        rng=rng,
        clerk=clerk,
        reviewer=reviewer,
        with_letter=received.year >= today.year,
        outcome=outcome,
    )


def build(*, seed: int = 2026, today: date | None = None, per_year: int = 6) -> list[tuple[str, str, str]]:
    """Create the demo city; returns (username, role label, agency) for every demo account."""
    today = today or timezone.localdate()
    with transaction.atomic():  # one transaction: the nested actions become cheap savepoints
        return _build(seed, today, per_year)


def _build(seed: int, today: date, per_year: int) -> list[tuple[str, str, str]]:
    rng = random.Random(seed)
    agencies: dict[str, Agency] = {}
    for name, short, parent in AGENCIES:
        agencies[name] = Agency.objects.create(
            name=name,
            short_name=short,
            parent=agencies[parent] if parent else None,
            phone="0573-8" + str(rng.randint(1000000, 9999999)),
        )
    hashed = make_password(PASSWORD)  # once: the hash is deliberately slow
    for username, full_name, role, agency in PEOPLE:
        admin = role == Role.ADMIN
        user = User.objects.create(
            username=username, password=hashed, full_name=full_name, is_staff=admin, is_superuser=admin
        )
        Membership.objects.create(user=user, agency=agencies[agency], role=role)
    who = _people()
    by_agency: dict[int, dict[str, str]] = {}
    for username, _, role, agency in PEOPLE:
        by_agency.setdefault(agencies[agency].pk, {})[role] = username
    from gongkai.web.workdays.calendars import calendar_for

    calendar = calendar_for(None)
    for agency in agencies.values():
        roles = by_agency.get(agency.pk, {})
        if Role.CLERK not in roles:
            continue
        weight = 3 if agency.short_name in ("平科", "示自规") else 1
        for year in range(FIRST_YEAR, today.year + 1):
            if (agency.short_name, year) in YEARS_WITHOUT_APPLICATIONS:
                continue
            _build_year(
                agency, year, today, rng, who, roles, calendar, per_year * weight // 2 + rng.randint(0, 4)
            )
        _build_open(agency, today, rng, who, roles, calendar)
        if agency.short_name == demo_cases.FREQUENT_AT:  # 按件收费 (issue 6)
            demo_cases.build_frequent_applicant(agency, today, rng, who, roles, calendar)
    from gongkai.web.annual import demo as annual_demo
    from gongkai.web.disclosure import demo as disclosure_demo  # issue 7: catalogues and portal

    demo_cases.build_appeals(agencies.values(), today)  # issue 8: before table 4 is generated
    disclosure_demo.build(agencies.values(), today, seed)
    annual_demo.build(agencies.values(), today)  # issue 8: annual reports from the records above
    return [(u, Role(r).label, a) for u, _, r, a in PEOPLE]


def _working_days_before(calendar: WorkingCalendar, today: date, n: int) -> date:
    day = today
    while n > 0:
        day -= timedelta(days=1)
        if calendar.is_working_day(day):
            n -= 1
    return day


def _build_open(
    agency: Agency,
    today: date,
    rng: random.Random,
    who: dict[str, User],
    roles: dict[str, str],
    calendar: WorkingCalendar,
) -> None:
    """The cases on the desk today: one per open state, received 1 to 28 working days ago (the
    oldest ones still unanswered are overdue, some fall due within 3 working days)."""
    for scenario, age in OPEN_AGES:
        if scenario not in ("extension_pending", "extended"):
            age = max(1, age + rng.randint(-1, 1))
        _build_case(
            agency,
            _working_days_before(calendar, today, age),
            today,
            rng,
            who,
            roles,
            calendar,
            scenario,
            channel=rng.choice(CHANNELS),
        )


CHANNELS = ["online", "online", "online", "in_person", "post_signed", "post_unsigned", "email", "fax"]


def _build_case(
    agency: Agency,
    day: date,
    today: date,
    rng: random.Random,
    who: dict[str, User],
    roles: dict[str, str],
    calendar: WorkingCalendar,
    scenario: str,
    *,
    channel: str,
    applicant: dict[str, Any] | None = None,
) -> None:
    confirmed = day if channel in ("in_person", "online") else min(calendar.add_working_days(day, 1), today)
    received = actions.receipt_date(channel, arrived_on=day, confirmed_on=confirmed)
    at = timezone.make_aware(datetime.combine(day, time(9 + rng.randint(0, 7), rng.randint(0, 59))))
    clerk = who[roles[Role.CLERK]]
    with replaying(at):
        app = actions.do_submit_application(
            agency,
            applicant or _applicant(rng, day.year),
            channel=channel,
            submitted_at=at,
            received_on=received,
            acting_user=None if channel == "online" else clerk,
        ).application
    app.agency_clerk = roles[Role.CLERK]
    app.agency_head = roles.get(Role.HEAD)
    app.agency_reviewer = roles.get(Role.REVIEWER)
    # A step the rules refuse on this random history (e.g. a date in a year without a schedule)
    # ends the story there: the case stays in its last legal state.
    with contextlib.suppress(GongkaiError):
        _play(_Replay(app, calendar), scenario, today, rng, who)


def _build_year(
    agency: Agency,
    year: int,
    today: date,
    rng: random.Random,
    who: dict[str, User],
    roles: dict[str, str],
    calendar: WorkingCalendar,
    count: int,
) -> None:
    """Past cases of ``year``, all received at least 60 days before ``today`` and settled."""
    last_day = min(date(year, 12, 31), today - timedelta(days=60))
    if last_day < date(year, 1, 1):
        return
    span = (last_day - date(year, 1, 1)).days
    days = sorted(date(year, 1, 1) + timedelta(days=rng.randint(0, span)) for _ in range(count))
    for day in days:
        while not calendar.is_working_day(day):
            day += timedelta(days=1)
        _build_case(
            agency, day, today, rng, who, roles, calendar, rng.choice(SCENARIOS), channel=rng.choice(CHANNELS)
        )


def summary() -> str:
    counts = Counter(Application.objects.values_list("status", flat=True))
    from gongkai.workflow.cases import CASE_STATE_LABELS

    parts = [f"{CASE_STATE_LABELS[CaseState(s)]} {n}" for s, n in sorted(counts.items())]
    return (
        f"{Agency.objects.count()} 个机关，{Application.objects.count()} 件申请（" + "，".join(parts) + "）"
    )

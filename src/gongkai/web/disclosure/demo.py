"""Demo data of proactive disclosure: each demo agency's catalogue over the years, built by
replaying the actions (so every step is in the audit trail, stamped with the day it happened).

Consistent with what the reports state. For 平湖市科学技术局 in 2023 (its published annual report,
corpus 000): one 行政规范性文件 issued and one abolished, six in force at the year end, no
licensing/penalty/coercion decisions and no fees, "全年共通过各渠道发布政府信息150余条"
(here: 100 items on the portal and 56 records on other channels = 156; its other years and the
other agencies are lighter, to keep ``serve --demo`` quick). Deterministic per seed.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from gongkai.calendar import WorkingCalendar
from gongkai.web.accounts.models import Agency, Membership, Role, User
from gongkai.web.audit.record import replaying
from gongkai.web.disclosure import actions, catalogue
from gongkai.web.disclosure import vocabulary as v
from gongkai.web.disclosure.models import Category, Decision, Item
from gongkai.web.portal.actions import do_publish_guide
from gongkai.web.workdays.calendars import calendar_for

SCIENCE = "平湖市科学技术局"
FIRST_YEAR = 2023

#: Per agency: items published on the portal a year, and extra channel records a year.
SCIENCE_2023 = {"items": 100, "wechat": 30, "notice_board": 15, "document": 6, "hotline": 5}
SCIENCE_YEARLY = {"items": 40, "wechat": 12, "notice_board": 6, "document": 2, "hotline": 2}
OTHER_YEARLY = {"items": 12, "wechat": 3, "notice_board": 2, "document": 1, "hotline": 1}

#: (category name, title templates) of ordinary items.
TOPICS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("机构设置", ("{agency}内设机构及职能调整情况", "{agency}领导分工调整")),
    ("其他文件", ("关于开展{year}年度{theme}工作的通知", "关于做好{year}年{theme}有关事项的通知")),
    ("政策解读", ("《关于{theme}的实施意见》政策解读", "图解：{year}年{theme}政策要点")),
    ("年度计划", ("{agency}{year}年工作要点", "{year}年{theme}工作计划")),
    ("预算决算", ("{agency}{year}年部门预算", "{agency}{prev}年部门决算")),
    ("专项资金", ("{year}年第{n}批{theme}专项资金拟安排情况公示", "{year}年{theme}补助资金下达情况")),
    ("政府采购", ("{theme}服务项目采购意向公开（{year}年第{n}批）",)),
    ("办事指南", ("{theme}认定办事指南",)),
    ("许可结果", ("{year}年第{n}批{theme}认定结果公告",)),
)
THEMES = (
    "科技型中小企业",
    "高新技术企业",
    "科技创新券",
    "科技特派员",
    "星创天地",
    "产学研合作",
    "研发费用加计扣除",
    "科技成果转化",
    "科普示范基地",
    "企业研发中心",
)


def _keepers(agency: Agency) -> dict[str, User]:
    """The agency's first clerk, reviewer and head (the demo gives every agency all three)."""
    out: dict[str, User] = {}
    for m in Membership.objects.filter(agency=agency).select_related("user").order_by("pk"):
        out.setdefault(m.role, m.user)
    return out


class _Builder:
    def __init__(self, agency: Agency, today: date, rng: random.Random) -> None:
        self.agency = agency
        self.today = today
        self.rng = rng
        self.people = _keepers(agency)
        self.calendar: WorkingCalendar = calendar_for(agency)
        self.categories = {c.name: c for c in Category.objects.filter(agency=agency)}

    def at(self, day: date) -> datetime:
        return timezone.make_aware(
            datetime.combine(day, time(9 + self.rng.randint(0, 7), self.rng.randint(0, 59)))
        )

    def workday(self, day: date) -> date:
        while not self.calendar.is_working_day(day):
            day += timedelta(days=1)
        return day

    def item(self, written: date, category: str, title: str, **fields: Any) -> Item:
        clerk = self.people[Role.CLERK]
        with replaying(self.at(written)):
            return actions.do_create_item(
                self.agency,
                {"category": self.categories[category], "title": title, "written_on": written, **fields},
                acting_user=clerk,
            )

    def publish(self, item: Item, on: date) -> None:
        """Scan, the three review steps and publishing, each stamped on its own day."""
        clerk = self.people[Role.CLERK]
        steps = [self.people[Role.REVIEWER], self.people[Role.REVIEWER], self.people[Role.HEAD]]
        with replaying(self.at(item.written_on)):
            actions.do_scan_item(item, acting_user=clerk)
            actions.do_redact_item(item, acting_user=clerk) if item.findings.filter(
                state="open"
            ).exists() else None
            actions.do_submit_item(item, acting_user=clerk)
        for who in steps:
            at = self.at(on)
            with replaying(at):
                actions.do_review_item(item, "approve", "同意", acting_user=who, at=at)
        with replaying(self.at(on)):
            actions.do_publish_item(item, on, acting_user=clerk)

    @staticmethod
    def summary(title: str) -> str:
        """The 内容概述 (条例 第十二条第三款) of an item whose text is ``body(title)``."""
        return f"公布“{title}”的适用范围、办理方式和咨询渠道。"

    def body(self, title: str) -> str:
        return (
            f"{title}\n\n根据工作安排，现将有关事项公告如下：\n一、适用范围：本市范围内符合条件的单位。"
            f"\n二、办理方式：通过浙江政务服务网在线办理，或到{self.agency.name}窗口办理。"
            f"\n三、咨询：{self.agency.name}办公室。\n\n{self.agency.name}"
        )

    def ordinary_year(self, year: int, counts: dict[str, int]) -> None:
        last = min(date(year, 12, 20), self.today - timedelta(days=30))
        if last < date(year, 1, 1):
            return
        span = (last - date(year, 1, 1)).days
        published: list[Item] = []
        for n in range(counts["items"]):
            written = self.workday(date(year, 1, 1) + timedelta(days=self.rng.randint(0, span)))
            category, templates = self.rng.choice(TOPICS)
            title = self.rng.choice(templates).format(
                agency=self.agency.name, year=year, prev=year - 1, theme=self.rng.choice(THEMES), n=n % 6 + 1
            )
            it = self.item(written, category, title, body=self.body(title), summary=self.summary(title))
            self.publish(it, min(self.calendar.add_working_days(written, self.rng.randint(1, 8)), last))
            published.append(it)
        clerk = self.people[Role.CLERK]
        for channel in (
            v.PublicationChannel.WECHAT,
            v.PublicationChannel.NOTICE_BOARD,
            v.PublicationChannel.DOCUMENT,
            v.PublicationChannel.HOTLINE,
        ):
            for it in self.rng.sample(published, min(counts[channel.value], len(published))):
                assert it.published_on is not None
                with replaying(self.at(it.published_on)):
                    actions.do_record_publication(it, channel, it.published_on, acting_user=clerk)

    def normative(self, written: date, number: str, title: str) -> Item:
        it = self.item(
            written,
            "行政规范性文件",
            title,
            doc_type=v.DocType.NORMATIVE,
            doc_number=number,
            valid_from=written,
            body=self.body(title),
            summary=self.summary(title),
        )
        # Documents older than the working calendar: published a few days later.
        old = written.year < self.calendar.known_years[0]
        self.publish(it, written + timedelta(days=5) if old else self.calendar.add_working_days(written, 3))
        return it

    def abolish(self, it: Item, on: date, document: str) -> None:
        with replaying(self.at(on)):
            actions.do_record_life_event(it, "abolished", on, document, acting_user=self.people[Role.CLERK])

    def desk(self) -> None:
        """Today's unfinished work: an overdue draft, one in review, one due soon; the ledger."""
        clerk = self.people[Role.CLERK]
        self.item(
            self.working_days_before(26),
            "专项资金",
            "科技项目补助资金分配结果公示（待公开）",
            body="待补充名单",
        )
        self.item(
            self.working_days_before(18), "其他文件", "关于征集科技特派员的通知（草稿）", body="草稿正文"
        )
        review = self.item(
            self.working_days_before(5),
            "年度计划",
            f"{self.today.year}年科技工作要点（送审稿）",
            body="送审稿",
        )
        with replaying(self.at(self.today)):
            actions.do_scan_item(review, acting_user=clerk)
            actions.do_submit_item(review, acting_user=clerk)
        for title, unit, frequency, due in (
            ("部门预算、决算", "办公室", v.Frequency.YEARLY, date(self.today.year, 3, 31)),
            ("科技项目立项公示", "科技计划科", v.Frequency.QUARTERLY, self.today - timedelta(days=10)),
            ("行政许可办理结果", "政务服务科", v.Frequency.MONTHLY, self.today + timedelta(days=12)),
            ("政府信息公开年度报告", "办公室", v.Frequency.YEARLY, date(self.today.year + 1, 1, 31)),
            ("重大政策解读", "政策法规科", v.Frequency.AS_NEEDED, None),
        ):
            with replaying(self.at(self.today)):
                actions.do_add_ledger_entry(
                    self.agency,
                    {"title": title, "responsible_unit": unit, "frequency": frequency, "next_due": due},
                    acting_user=clerk,
                )

    def working_days_before(self, n: int) -> date:
        day = self.today
        while n > 0:
            day -= timedelta(days=1)
            if self.calendar.is_working_day(day):
                n -= 1
        return day

    def guide(self, versions: Iterable[date]) -> None:
        for i, on in enumerate(versions, start=1):
            with replaying(self.at(on)):
                do_publish_guide(
                    self.agency,
                    GUIDE.format(
                        agency=self.agency.name,
                        phone=self.agency.phone or "0573-85000000",
                        fax=f"0573-850{self.agency.pk:05d}",
                        number=self.agency.pk,
                        version=i,
                    ),
                    on,
                    acting_user=self.people[Role.CLERK],
                )


GUIDE = """为了更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》，\
编制本指南（第{version}版）。本指南为演示数据，地址、电话、传真、网址均为虚构。

一、主动公开
（一）公开范围和分类：本机关主动公开的政府信息分为机构职能、政策文件、规划计划、财政资金、行政许可、\
行政处罚、统计信息、应急管理、监督检查、民生保障等类别，详见本机关政府信息公开目录。
（二）编排体系：政府信息公开目录按分类编排，每条信息标注索引号、名称、内容概述和生成日期。
（三）获取方式：可通过政府网站、微信公众号、公告栏、政府公报及文件等公开形式查阅、获取。
（四）公开时限：属于主动公开范围的政府信息，自该信息形成或者变更之日起20个工作日内予以公开。

二、依申请公开
（一）申请程序：公民、法人或者其他组织可以通过网上申请、当面申请、信函申请等方式向{agency}提出申请，\
填写政府信息公开申请表，写明申请人姓名或者名称、联系方式和所需政府信息的名称、文号或者便于查询的其他特征性描述。
（二）受理机构：{agency}政府信息公开工作机构（办公室）。
办公地址：示例市人民路{number}号
办公时间：工作日上午8:30—12:00，下午13:30—17:00（法定节假日除外）
联系电话：{phone}
传真号码：{fax}
互联网联系方式：电子邮箱 gongkai{number}@example.gov.cn，网址 https://www.example.gov.cn/

三、监督和救济
公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者\
政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼。"""


#: 科技局's 行政规范性文件: (written, 文号, title, abolished on or None). Six in force at the end
#: of 2022; in 2023 one issued and one abolished -> six in force at the end of 2023.
SCIENCE_NORMATIVE = (
    (date(2018, 4, 12), "平科发〔2018〕15号", "平湖市科技创新券管理办法", date(2023, 6, 30)),
    (date(2019, 3, 20), "平科发〔2019〕8号", "平湖市科技型中小企业培育管理办法", None),
    (date(2020, 5, 18), "平科发〔2020〕21号", "平湖市企业研发中心认定管理办法", None),
    (date(2021, 2, 25), "平科发〔2021〕6号", "平湖市科技特派员管理办法", None),
    (date(2021, 9, 14), "平科发〔2021〕33号", "平湖市科技成果转化专项资金管理办法", date(2025, 3, 31)),
    (date(2022, 7, 8), "平科发〔2022〕19号", "平湖市星创天地认定管理办法", None),
    (date(2023, 6, 30), "平科发〔2023〕17号", "平湖市科技创新券管理办法（2023年修订）", None),
    (date(2025, 3, 31), "平科发〔2025〕9号", "平湖市科技成果转化和产业化专项资金管理办法", None),
)


def build(agencies: Iterable[Agency], today: date, seed: int = 2026) -> None:
    """The catalogue of every agency with a clerk, reviewer and head (call inside the demo's
    transaction)."""
    rng = random.Random(seed + 7)
    for agency in agencies:
        catalogue.seed_catalogue(agency)
        setup = catalogue.setup_for(agency)
        setup.index_prefix = f"0024826{agency.pk:02d}"
        setup.save()
        builder = _Builder(agency, today, rng)
        if not {Role.CLERK, Role.REVIEWER, Role.HEAD} <= set(builder.people):
            continue
        # The demo gives each agency one 审核人, who takes both 科室负责人审核 and 保密审查: its
        # head allows that, as an agency with a single reviewer does (the default forbids it).
        with replaying(timezone.make_aware(datetime.combine(date(FIRST_YEAR, 1, 4), time(9)))):
            actions.do_set_review_separation(agency, True, acting_user=builder.people[Role.HEAD])
        science = agency.name == SCIENCE
        builder.guide(
            [date(FIRST_YEAR, 1, 10), date(FIRST_YEAR, 6, 15)] if science else [date(FIRST_YEAR, 1, 10)]
        )
        if science:
            made = {}
            for written, number, title, abolished in SCIENCE_NORMATIVE:
                if written <= today:
                    made[number] = (builder.normative(written, number, title), abolished)
            for it, abolished in made.values():
                if abolished and abolished <= today:
                    builder.abolish(it, abolished, f"关于废止《{it.title}》的决定")
        for year in range(FIRST_YEAR, today.year + 1):
            counts = OTHER_YEARLY if not science else SCIENCE_2023 if year == 2023 else SCIENCE_YEARLY
            builder.ordinary_year(year, counts)
            if not science and year < today.year:
                _decisions(agency, year, rng)
        builder.desk()


def _decisions(agency: Agency, year: int, rng: random.Random) -> None:
    """Some licensing and penalty decisions and fees for the other agencies (科技局 has none)."""
    rows = []
    for kind, count in (
        (v.DecisionKind.LICENSING, rng.randint(20, 80)),
        (v.DecisionKind.PENALTY, rng.randint(0, 12)),
    ):
        for i in range(count):
            rows.append(
                Decision(
                    agency=agency,
                    kind=kind,
                    number=f"{agency.short_name}{kind.label[2:]}〔{year}〕{i + 1}号",
                    decided_on=date(year, 1, 1) + timedelta(days=rng.randint(0, 360)),
                    batch="演示数据",
                )
            )
    for i in range(rng.randint(0, 5)):
        rows.append(
            Decision(
                agency=agency,
                kind=v.DecisionKind.FEE,
                number=f"{agency.short_name}收〔{year}〕{i + 1}号",
                decided_on=date(year, 1, 1) + timedelta(days=rng.randint(0, 360)),
                amount=Decimal(rng.randint(1000, 90000)),
                batch="演示数据",
            )
        )
    Decision.objects.bulk_create(rows)

"""A second labelled corpus, assembled differently from ``gongkai.sensitive.corpus``.

``corpus`` was written together with the detector; this one is written from the kinds of document
an agency publishes or answers with, as they read in published form — not from the detector's
expressions — so that the detector cannot have been fitted to it without meaning to:

- 行政处罚决定书 (a person or a company with its legal representative, later mentions of the name);
- 政府信息公开申请表 (a form laid out as table cells, agent, e-mail, grouped numbers);
- 公示名单 (最低生活保障、困难家庭: rows of name, sex, village, address, old 15-digit numbers);
- 补贴发放名单 (耕地地力保护补贴: 户主, village, area, amount, card numbers grouped 6+13 or 4-4-4);
- 信访答复意见书 (addressed to the petitioner by name, landlines with extensions);
- 会议纪要 (chair, attendees listed with 、, names with titles, a recorder);
- 征迁安置户籍清单 (户主 and household members from older registers);
- 送达回证 (受送达人, 送达地点, 签收人).

Distributions come from ``published_data``: surname shares of the 2020 national name report,
GB/T 2260 divisions with their towns and villages, real area codes. Addresses start at any level
(province, prefecture, county, town) and end in any of the house-number styles seen in published
documents (门牌号, 弄, 幢/栋/号楼 + 单元 + 室, rural 组/自然村). Decoys that must not be found:
文号, 索引号, 案号, amounts, dates, 执法证号, 邮编, service numbers (12345), masked values
(3304**********1234, 138****5678, 张某, 李某某, 王*明) and division or organisation names alone.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from itertools import accumulate
from typing import TypeVar

from gongkai.sensitive import published_data as data
from gongkai.sensitive.checksums import (
    id_card_check_char,
    luhn_check_digit,
    org_code_check_char,
    uscc_check_char,
)
from gongkai.sensitive.labelled import Builder, LabelledDocument
from gongkai.sensitive.model import Kind

_SURNAMES = [s for s, _ in data.SURNAME_SHARES]
_CUMULATIVE = list(accumulate(share for _, share in data.SURNAME_SHARES))
_CHINESE_NUMERALS = "零一二三四五六七八九十"
_T = TypeVar("_T")
# The writer's values that another generator may supply (``generate(sources=...)``).
SOURCES = frozenset({"name", "id18", "mobile"})


class _Writer:
    """Draws the values a document needs; ``b`` is the document being written."""

    def __init__(self, rng: random.Random, sources: Mapping[str, Callable[[], str]]) -> None:
        self.r = rng
        self.division = rng.choice(data.DIVISIONS)
        for method, source in sources.items():
            if method not in SOURCES:
                raise ValueError(f"no value source {method!r}: one of {sorted(SOURCES)}")
            setattr(self, method, source)

    def pick(self, options: Sequence[_T]) -> _T:
        return self.r.choice(options)

    def n(self, low: int, high: int) -> int:
        return self.r.randint(low, high)

    def digits(self, count: int) -> str:
        return "".join(self.pick("0123456789") for _ in range(count))

    def name(self) -> str:
        surname = self.r.choices(_SURNAMES, cum_weights=_CUMULATIVE)[0]
        return surname + self.pick(data.GIVEN_NAMES)

    def masked_name(self) -> str:
        name = self.name()
        return self.pick([name[0] + "某", name[0] + "某某", name[0] + "*" + name[-1], name[0] + "**"])

    def birth(self, first: int, last: int) -> tuple[int, int, int]:
        month = self.n(1, 12)
        return self.n(first, last), month, self.n(1, 30 if month != 2 else 28)

    def id18(self) -> str:
        y, m, d = self.birth(1940, 2005)
        body = f"{self.pick(data.DIVISIONS)[0]}{y}{m:02d}{d:02d}{self.digits(3)}"
        return body + id_card_check_char(body)

    def id15(self) -> str:
        y, m, d = self.birth(1930, 1984)
        return f"{self.pick(data.DIVISIONS)[0]}{y % 100:02d}{m:02d}{d:02d}{self.digits(3)}"

    def wide(self, text: str) -> str:
        return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)

    def id_any(self) -> str:
        number = self.id15() if self.r.random() < 0.3 else self.id18()
        return self.wide(number) if self.r.random() < 0.1 else number

    def mobile(self) -> str:
        number = self.pick(data.MOBILE_PREFIXES) + self.digits(8)
        return self.pick(
            [
                number,
                number,
                f"{number[:3]}-{number[3:7]}-{number[7:]}",
                f"+86 {number}",
                f"{number[:3]} {number[3:7]} {number[7:]}",
            ]
        )

    def landline(self) -> str:
        area = self.division[4]
        local = self.pick("2345678") + self.digits(7)
        spaced = f"{local[:4]} {local[4:]}"
        text = self.pick(
            [
                f"{area}-{local}",
                f"{area}-{local}",
                f"（{area}）{local}",
                f"({area}){local}",
                f"{area}-{spaced}",
                f"{area} {local}",
                f"+86-{area[1:]}-{local}",
                f"0086 {area[1:]} {spaced}",
                f"{area}{local}",
            ]
        )
        if self.r.random() < 0.2:
            text += self.pick([f"转{self.n(800, 8999)}", f"分机{self.n(100, 999)}", f"-{self.n(800, 8999)}"])
        return text

    def card(self) -> str:
        body = self.pick(data.CARD_BINS) + self.digits(12)
        number = body + luhn_check_digit(body)
        return self.pick(
            [
                number,
                number,
                f"{number[:6]} {number[6:]}",
                " ".join(number[i : i + 4] for i in range(0, 19, 4)),
            ]
        )

    def uscc(self) -> str:
        org = "MA" + "".join(self.pick("0123456789ABCDEFGH") for _ in range(6))
        body = "91" + self.division[0] + org + org_code_check_char(org)
        return body + uscc_check_char(body)

    def email(self) -> str:
        user = self.pick(["wjg", "zhangli", "hzchen", "yy_lin", "liu.ming", "xmwang"]) + self.digits(
            self.n(0, 5)
        )
        return f"{user}@{self.pick(['163.com', 'qq.com', '126.com', 'foxmail.com', 'sina.cn'])}"

    def plate(self) -> str:
        head = self.pick("浙苏皖沪京鄂川粤") + self.pick("ABCDEFG")
        return head + self.pick(
            [f"{self.pick('ABCDEFGHJK')}{self.digits(4)}", self.digits(5), f"D{self.digits(5)}"]
        )

    def house(self) -> str:
        number = self.n(1, 299)
        return self.pick(
            [f"{number}号", f"{number}号", f"{number}-{self.n(1, 9)}号", f"{number}号之{self.n(1, 3)}"]
        )

    def room(self) -> str:
        return self.pick(
            [
                f"{self.n(1, 30)}幢{self.n(1, 4)}单元{self.n(1, 18)}0{self.n(1, 4)}室",
                f"{self.n(1, 30)}栋{self.n(1, 3)}单元{self.n(1, 18)}0{self.n(1, 4)}",
                f"{self.n(1, 20)}号楼{self.n(1, 4)}单元{self.n(1, 25)}0{self.n(1, 4)}室",
                f"{self.n(1, 40)}幢{self.n(1, 18)}0{self.n(1, 4)}室",
            ]
        )

    def address(self) -> str:
        _, province, city, county, _, towns = self.division
        town, villages = self.pick(towns)
        village = self.pick(villages)
        top = self.pick(
            [province + city + county, city + county, county, "", ""]
            if city
            else [province + county, county, ""]
        )
        if village.endswith("村") and self.r.random() < 0.55:
            group = self.pick([f"{self.n(1, 15)}组", f"{_CHINESE_NUMERALS[self.n(1, 10)]}组", ""])
            natural = (
                self.pick(data.NATURAL_VILLAGE_HEADS) + self.pick(data.NATURAL_VILLAGE_TAILS)
                if self.r.random() < 0.5
                else self.pick(data.NATURAL_VILLAGE_DIRECTIONS)
            )
            tail = self.pick(
                [group + self.house(), natural + self.house(), group or natural, f"{self.n(1, 15)}组"]
            )
            return top + town + village + tail
        place = self.pick(
            [
                f"{self.pick(data.ROADS)}{self.house()}",
                self.pick(data.ESTATES) + self.room(),
                f"{self.pick(data.ROADS)}{self.n(1, 99)}弄{self.n(1, 40)}号{self.n(1, 6)}0{self.n(1, 4)}室",
                f"{self.pick(data.ROADS)}{self.house()}{self.pick(data.ESTATES)}{self.room()}",
            ]
        )
        return (top + town + place) if self.r.random() < 0.6 or not top else top + place

    def date(self) -> str:
        y, m, d = self.n(2018, 2025), self.n(1, 12), self.n(1, 28)
        return self.pick([f"{y}年{m}月{d}日", f"{y}-{m:02d}-{d:02d}", f"{y}年{m:02d}月{d:02d}日"])

    def money(self) -> str:
        return self.pick(
            [
                f"{self.n(1, 50)},000元",
                f"{self.n(200, 9000)}.{self.n(0, 99):02d}元",
                "人民币叁万元整",
                f"¥{self.n(1000, 99999)}.00",
            ]
        )

    def doc_number(self, prefix: str) -> str:
        return f"{prefix}〔{self.n(2019, 2025)}〕{self.n(1, 260)}号"

    def index_number(self) -> str:
        return f"{self.division[0]}000{self.digits(3)}/{self.n(2019, 2025)}-{self.n(1, 9999):05d}"

    def masked_id(self) -> str:
        code = self.division[0]
        return self.pick(
            [
                f"{code[:4]}**********{self.digits(4)}",
                f"{code[:3]}***{self.digits(4)}",
                f"{code}********{self.digits(3)}X",
            ]
        )


def _agency(w: _Writer) -> str:
    return w.division[3] + w.pick(
        ["市场监督管理局", "综合行政执法局", "生态环境分局", "农业农村局", "民政局"]
    )


def _town(w: _Writer) -> str:
    return w.pick(w.division[5])[0]


def _penalty(w: _Writer, b: Builder) -> None:
    agency = _agency(w)
    b.t(f"{agency}\n行政处罚决定书\n{w.doc_number(w.division[3][:1] + '综执罚')}\n\n")
    person = w.name()
    if w.r.random() < 0.5:
        b.t("当事人：").e(Kind.PERSON_NAME, person).t(
            f"，{w.pick('男女')}，{w.n(1950, 2000)}年{w.n(1, 12)}月出生，"
        )
        b.t(w.pick(["身份证号码：", "公民身份号码：", "身份证号："])).e(Kind.ID_CARD, w.id_any())
        b.t(w.pick(["，住", "，住址：", "，户籍地址："])).e(Kind.ADDRESS, w.address()).t("。\n")
    else:
        company = w.division[3] + w.pick(["恒信", "永达", "佳美", "鑫源"]) + "建材有限公司"
        b.t(f"当事人：{company}\n统一社会信用代码：")
        b.e(Kind.USCC, w.uscc()).t("\n住所：").e(Kind.ADDRESS, w.address())
        b.t("\n法定代表人：").e(Kind.PERSON_NAME, person).t("\n")
    agent = w.name()
    b.t("委托代理人：").e(Kind.PERSON_NAME, agent).t("，联系电话：").e(Kind.MOBILE_PHONE, w.mobile()).t(
        "\n\n"
    )
    b.t(f"    {w.date()}，本机关执法人员在日常检查中发现，").e(Kind.PERSON_NAME, person)
    b.t(f"在{_town(w)}某处从事违法经营活动。")
    if w.r.random() < 0.4:
        b.t("涉案车辆").e(Kind.LICENSE_PLATE, w.plate()).t("已依法暂扣。")
    b.t(f"经查，违法所得{w.money()}，案件编号{w.digits(14)}。").e(Kind.PERSON_NAME, person)
    b.t(f"对上述事实无异议。执法人员（执法证号{w.division[0]}{w.digits(5)}）现场制作笔录。\n")
    article = w.pick(["二十八", "三十二", "五十一"])
    b.t(f"    依据《中华人民共和国行政处罚法》第{article}条，决定处罚款{w.money()}。")
    case = f"（{w.n(2019, 2024)}）浙{w.division[0][:4]}行初{w.n(1, 99)}号"
    b.t(f"如不服本决定，可于六十日内申请行政复议，或者六个月内提起行政诉讼（参见{case}）。\n")
    b.t(f"    联系人：{w.masked_name()}，咨询电话：12345\n\n{agency}\n{w.date()}\n")


def _application(w: _Writer, b: Builder) -> None:
    sep = w.pick([" | ", "\t", "  "])
    b.t(f"政府信息公开申请表\n编号：YSQ{w.n(2019, 2025)}{w.digits(4)}\n")
    applicant = w.name()
    b.t(f"申请人姓名{sep}").e(Kind.PERSON_NAME, applicant).t(f"{sep}证件类型{sep}居民身份证\n")
    b.t(f"证件号码{sep}").e(Kind.ID_CARD, w.id_any()).t(f"{sep}联系电话{sep}")
    if w.r.random() < 0.5:
        b.e(Kind.MOBILE_PHONE, w.mobile())
    else:
        b.e(Kind.LANDLINE_PHONE, w.landline())
    b.t(f"\n通讯地址{sep}").e(Kind.ADDRESS, w.address()).t(f"{sep}邮政编码{sep}{w.n(100000, 850000)}\n")
    b.t(f"电子邮箱{sep}").e(Kind.EMAIL, w.email()).t("\n")
    if w.r.random() < 0.5:
        b.t(f"委托代理人{sep}").e(Kind.PERSON_NAME, w.name()).t(f"{sep}代理人电话{sep}").e(
            Kind.MOBILE_PHONE, w.mobile()
        )
        b.t("\n")
    b.t(f"所需信息内容描述{sep}{_town(w)}{w.n(2019, 2024)}年度征地补偿款发放明细及相关文件\n")
    b.t(f"所需信息的索引号{sep}{w.index_number()}\n获取方式{sep}邮寄\n")
    b.t("申请人签名：").e(Kind.PERSON_NAME, applicant).t(f"{sep}申请日期：{w.date()}\n")


def _roster(w: _Writer, b: Builder) -> None:
    town = _town(w)
    b.t(f"{w.division[3]}{town}{w.n(2020, 2025)}年第{w.n(1, 4)}季度拟纳入最低生活保障对象公示\n")
    b.t(f"    根据《社会救助暂行办法》，经{town}审核，现将拟纳入对象公示如下，公示期{w.n(5, 7)}个工作日。\n")
    sep = w.pick(["\t", " | ", "   "])
    with_id = w.r.random() < 0.5
    b.t(
        sep.join(
            [
                "序号",
                "姓名",
                "性别",
                "家庭住址",
                *(["身份证号码"] if with_id else []),
                "保障人数",
                "月保障金（元）",
            ]
        )
        + "\n"
    )
    for row in range(1, w.n(4, 10)):
        b.t(f"{row}{sep}").e(Kind.PERSON_NAME, w.name()).t(f"{sep}{w.pick('男女')}{sep}").e(
            Kind.ADDRESS, w.address()
        )
        if with_id:
            b.t(sep).e(Kind.ID_CARD, w.id_any())
        b.t(f"{sep}{w.n(1, 5)}{sep}{w.n(300, 2400)}.00\n")
    b.t("监督电话：").e(Kind.LANDLINE_PHONE, w.landline()).t(f"\n{w.division[3]}民政局\n{w.date()}\n")


def _subsidy(w: _Writer, b: Builder) -> None:
    town = _town(w)
    b.t(f"{town}{w.n(2020, 2025)}年耕地地力保护补贴发放花名册\n")
    sep = w.pick(["\t", "  ", " | "])
    b.t(sep.join(["序号", "户主", "村（社区）", "面积（亩）", "补贴金额（元）", "一卡通账号"]) + "\n")
    villages = dict(w.division[5])[town]
    total = 0
    for row in range(1, w.n(4, 12)):
        area = w.n(10, 900) / 10
        total += 1
        b.t(f"{row}{sep}").e(Kind.PERSON_NAME, w.name()).t(
            f"{sep}{w.pick(villages)}{sep}{area}{sep}{area * 112.5:.2f}{sep}"
        )
        b.e(Kind.BANK_CARD, w.card()).t("\n")
    b.t(f"合计{sep}{total}户\n")
    b.t(f"以上名单中，户主已故的由继承人领取（如：{w.masked_name()}，账号{w.masked_id()}）。\n")
    b.t("经办人：").e(Kind.PERSON_NAME, w.name()).t("    审核人：").e(Kind.PERSON_NAME, w.name()).t(
        f"\n{w.date()}\n"
    )


def _petition_reply(w: _Writer, b: Builder) -> None:
    person = w.name()
    b.t(f"信访事项处理意见书\n{w.doc_number(w.division[3][:1] + '信复')}\n\n").e(Kind.PERSON_NAME, person).t(
        "：\n"
    )
    b.t(f"    您于{w.date()}通过网上信访平台反映的{_town(w)}道路积水问题收悉。信访人：").e(
        Kind.PERSON_NAME, person
    )
    b.t("，住址：").e(Kind.ADDRESS, w.address()).t("，联系电话：").e(Kind.MOBILE_PHONE, w.mobile()).t("。\n")
    b.t("    经调查核实，").e(Kind.PERSON_NAME, person).t(
        f"反映的情况基本属实，{_town(w)}已于{w.date()}完成整改，"
    )
    b.t(f"投入资金{w.money()}。\n    如对本意见不服，可自收到之日起三十日内向上一级行政机关申请复查。\n")
    b.t("    联系人：").e(Kind.PERSON_NAME, w.name()).t("，电话：").e(Kind.LANDLINE_PHONE, w.landline()).t(
        "\n"
    )
    b.t(f"\n{w.division[3]}人民政府信访局\n{w.date()}\n抄送：{_town(w)}人民政府\n")


def _minutes(w: _Writer, b: Builder) -> None:
    town = _town(w)
    b.t(f"{town}党政联席会议纪要\n（第{w.n(1, 30)}期）\n")
    chair = w.name()
    b.t(f"时间：{w.date()}上午9:00\n地点：{town}人民政府三楼会议室\n主持：").e(Kind.PERSON_NAME, chair).t(
        "\n"
    )
    attendees = [w.name() for _ in range(w.n(3, 7))]
    for label in ("出席", "列席"):
        b.t(f"{label}：")
        for i, person in enumerate(attendees if label == "出席" else [w.name() for _ in range(w.n(1, 3))]):
            b.t("、" if i else "").e(Kind.PERSON_NAME, person)
        b.t("\n")
    b.t("记录：").e(Kind.PERSON_NAME, w.name()).t("\n\n    会议听取了").e(Kind.PERSON_NAME, attendees[0])
    b.t(f"关于{w.n(2023, 2025)}年村级集体经济项目的汇报，研究了").e(Kind.PERSON_NAME, attendees[-1])
    b.t(f"同志提出的安置方案，同意安排资金{w.money()}。\n    会议要求，由").e(Kind.PERSON_NAME, attendees[1])
    b.t(f"牵头，{w.n(10, 30)}日内拿出方案。\n    会议由").e(Kind.PERSON_NAME, chair).t("主持并讲话。\n")


def _household(w: _Writer, b: Builder) -> None:
    b.t(f"{_town(w)}征迁安置户籍人口核对清单\n")
    for _ in range(w.n(2, 4)):
        head = w.name()
        b.t("户主：").e(Kind.PERSON_NAME, head).t("  身份证：").e(
            Kind.ID_CARD, w.id15() if w.r.random() < 0.6 else w.id18()
        )
        b.t("\n户籍地址：").e(Kind.ADDRESS, w.address()).t("\n家庭成员：")
        for i in range(w.n(1, 4)):
            member = head[0] + w.pick(data.GIVEN_NAMES) if i else w.name()
            b.t("、" if i else "").e(Kind.PERSON_NAME, member).t(
                f"（{w.pick(['妻', '子', '女', '孙', '母'])}）"
            )
        b.t(f"\n安置面积：{w.n(60, 240)}平方米；备注：原证号{w.masked_id()}\n")


def _service(w: _Writer, b: Builder) -> None:
    sep = w.pick(["\t", " | "])
    person = w.name()
    b.t(f"送达回证\n送达文书{sep}{w.doc_number(w.division[3][:1] + '综执罚')}行政处罚决定书\n")
    b.t(f"受送达人{sep}").e(Kind.PERSON_NAME, person).t(f"\n送达地点{sep}").e(Kind.ADDRESS, w.address())
    b.t(f"\n送达时间{sep}{w.date()}\n送达方式{sep}直接送达\n签收人{sep}").e(Kind.PERSON_NAME, person)
    b.t(f"\n送达人{sep}").e(Kind.PERSON_NAME, w.name()).t("、").e(Kind.PERSON_NAME, w.name()).t("\n")
    if w.r.random() < 0.5:
        b.t(f"联系电话{sep}").e(Kind.LANDLINE_PHONE, w.landline()).t("\n")


GENRES: dict[str, Callable[[_Writer, Builder], None]] = {
    "行政处罚决定书": _penalty,
    "政府信息公开申请表": _application,
    "公示名单": _roster,
    "补贴发放名单": _subsidy,
    "信访答复意见书": _petition_reply,
    "会议纪要": _minutes,
    "征迁安置户籍清单": _household,
    "送达回证": _service,
}


def generate(
    seed: int, documents: int = 200, *, sources: Mapping[str, Callable[[], str]] | None = None
) -> list[LabelledDocument]:
    """``documents`` labelled documents, the same for the same seed (and the same ``sources``).

    ``sources`` replaces the writer's own values by another generator's ("name", "id18",
    "mobile"): the quality test fills the templates with Faker's zh_CN names and identity numbers,
    values chosen by other authors than the detector's.
    """
    rng = random.Random(f"published-{seed}")
    genres = list(GENRES)
    result = []
    for i in range(documents):
        genre = genres[i % len(genres)]
        builder = Builder()
        GENRES[genre](_Writer(rng, sources or {}), builder)
        result.append(builder.build(genre))
    return result

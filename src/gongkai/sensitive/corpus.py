"""A labelled corpus of the documents agencies publish, generated from a seed (scoring: ``labelled``).

The generator writes 行政处罚决定书, 公示名单, 补贴发放名单, 政府信息公开申请表 and 答复书 with
valid identifiers (check digits computed here, not hard-coded), realistic names and addresses, and
look-alike decoys that must NOT be found: 文号 (平科〔2023〕12号), 索引号, dates, amounts, article
numbers, zip codes, numbers failing their check digit, organisation and place names, and masked
values (110101********1234, 张某, 李**, 138****5678). Each document carries its gold entities.

The given names the generator uses are its own list, independent of the detector's name lexicon,
so name recall measures how well the lexicon covers ordinary names. Scoring: ``labelled.evaluate``.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from gongkai.sensitive.checksums import (
    USCC_ALPHABET,
    id_card_check_char,
    luhn_check_digit,
    org_code_check_char,
    uscc_check_char,
)
from gongkai.sensitive.labelled import (  # re-exported: the corpus and its scoring, in one place
    Builder,
    Counts,
    Entity,
    Evaluation,
    LabelledDocument,
    evaluate,
)
from gongkai.sensitive.model import Kind

__all__ = ["GENRES", "Counts", "Entity", "Evaluation", "LabelledDocument", "evaluate", "generate"]


# County-level codes (GB/T 2260) and the places they name, for identity numbers and addresses.
_COUNTIES = [
    (
        "330482",
        "浙江省",
        "嘉兴市",
        "平湖市",
        ["当湖街道", "钟埭街道", "曹桥街道", "新埭镇", "乍浦镇", "林埭镇"],
    ),
    ("330402", "浙江省", "嘉兴市", "南湖区", ["建设街道", "新兴街道", "七星街道"]),
    ("330106", "浙江省", "杭州市", "西湖区", ["北山街道", "翠苑街道", "三墩镇"]),
    ("320582", "江苏省", "苏州市", "张家港市", ["杨舍镇", "塘桥镇", "金港街道"]),
    ("110105", "北京市", "", "朝阳区", ["望京街道", "三里屯街道", "酒仙桥街道"]),
    ("310104", "上海市", "", "徐汇区", ["天平路街道", "田林街道", "漕河泾街道"]),
    ("440305", "广东省", "深圳市", "南山区", ["粤海街道", "蛇口街道", "西丽街道"]),
    ("510107", "四川省", "成都市", "武侯区", ["望江路街道", "簇桥街道"]),
    ("420106", "湖北省", "武汉市", "武昌区", ["中南路街道", "水果湖街道"]),
    ("620102", "甘肃省", "兰州市", "城关区", ["张掖路街道", "皋兰路街道"]),
    ("370202", "山东省", "青岛市", "市南区", ["八大关街道", "香港中路街道"]),
    ("500103", "重庆市", "", "渝中区", ["解放碑街道", "七星岗街道"]),
]
_ROADS = [
    "中山路",
    "解放东路",
    "人民大道",
    "胜利路",
    "新华街",
    "建设三路",
    "东湖路",
    "和平路",
    "长安街",
    "学院路",
    "环城北路",
    "南河街",
    "朝阳北路",
    "文化路",
    "体育场路",
    "梅园路",
    "西大街",
    "公园巷",
    "柳营弄",
    "百花路",
    "光明街",
    "前进路",
    "复兴中路",
    "青年路",
]
_ESTATES = [
    "东湖花园",
    "金色家园",
    "阳光小区",
    "锦绣苑",
    "翠竹新村",
    "滨江花园",
    "世纪公寓",
    "紫金大厦",
    "康乐小区",
    "梧桐苑",
]
_VILLAGES = ["鱼圻塘村", "虹霓村", "金桥村", "新庙村", "南星村", "永丰村"]
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕"
    "丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严"
)
_COMPOUND = ["欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "慕容", "夏侯"]
_GIVEN = (  # noqa: SIM905 -- a word list reads and edits best as one string
    "建国 秀英 志强 丽娟 子涵 浩然 欣怡 伟 芳 敏 静 磊 军 洋 勇 艳 杰 娟 涛 明 超 霞 平 刚 "
    "桂英 玉兰 海燕 晓东 文杰 思远 雨桐 梓萱 一鸣 佳怡 俊杰 婷婷 建华 国庆 春梅 红梅 志刚 永强 "
    "丽华 淑珍 金凤 德明 立新 卫东 晓明 小红 丹 宇航 子轩 诗涵 浩宇 欣然 嘉怡 梦瑶 晨阳 "
    "鹏飞 海涛 建军 爱华 秋菊 冬梅 春燕 雪梅 振华 少华 国强 宏伟 学文 光明 志明 瑞 "
    # Less common given names, to measure how far the detector's lexicon reaches.
    "梓豪 沐宸 若汐 一诺 瑾瑜 锦程 骁 翊 芃芃 昕妍 煜城 皓轩 语桐 亦菲 书瑶 奕辰 子墨 铄 璟 晏清"
).split()
_AGENCIES = [
    ("平湖市市场监督管理局", "平市监处罚"),
    ("平湖市科学技术局", "平科"),
    ("张家港市人民政府办公室", "张政办"),
    ("嘉兴市南湖区城市管理局", "南城管罚"),
    ("平湖市人力资源和社会保障局", "平人社"),
]
_COMPANIES = [
    "平湖市恒达贸易有限公司",
    "嘉兴新锐机械制造有限公司",
    "张家港市华星化工有限公司",
    "平湖市当湖镇美味小吃店",
]
_BANK_BINS = ["622202", "621700", "622848", "621661", "622588", "623058", "621226", "622700"]


class _Faker:
    def __init__(self, rng: random.Random) -> None:
        self.r = rng

    def digits(self, n: int) -> str:
        return "".join(self.r.choice("0123456789") for _ in range(n))

    def name(self) -> str:
        surname = self.r.choice(_COMPOUND) if self.r.random() < 0.06 else self.r.choice(_SURNAMES)
        return surname + self.r.choice(_GIVEN)

    def birth(self) -> str:
        return f"{self.r.randint(1950, 2004)}{self.r.randint(1, 12):02d}{self.r.randint(1, 28):02d}"

    def id_card(self) -> str:
        first17 = self.r.choice(_COUNTIES)[0] + self.birth() + self.digits(3)
        number = first17 + id_card_check_char(first17)
        if number.endswith("X") and self.r.random() < 0.3:
            number = number[:-1] + "x"
        return self.fullwidth(number) if self.r.random() < 0.05 else number

    def id15(self) -> str:
        return self.r.choice(_COUNTIES)[0] + self.birth()[2:] + self.digits(3)

    def bad_id(self) -> str:
        first17 = self.r.choice(_COUNTIES)[0] + self.birth() + self.digits(3)
        good = id_card_check_char(first17)
        return first17 + self.r.choice([c for c in "0123456789X" if c != good])

    def mobile(self) -> str:
        number = self.r.choice(["13", "15", "17", "18", "19"]) + self.digits(9)
        style = self.r.random()
        if style < 0.1:
            return f"{number[:3]}-{number[3:7]}-{number[7:]}"
        if style < 0.2:
            return f"{number[:3]} {number[3:7]} {number[7:]}"
        if style < 0.27:
            return "+86 " + number
        if style < 0.33:
            return self.fullwidth(number)
        return number

    def landline(self) -> str:
        area = self.r.choice(["0573", "0571", "010", "021", "0512", "0755", "028"])
        local = self.r.choice("2345678") + self.digits(7 if area in ("010", "021", "0755") else 6)
        return f"{area}-{local}" if self.r.random() < 0.8 else f"({area}){local}"

    def email(self, name_hint: str = "") -> str:
        user = self.r.choice(["zhang", "li", "wang", "chen", "liu", "yang", "xiaoming", "hz"]) + self.digits(
            self.r.randint(0, 4)
        )
        return (
            user
            + "@"
            + self.r.choice(["163.com", "qq.com", "126.com", "sina.com", "gmail.com", "pinghu.gov.cn"])
        )

    def bank_card(self) -> str:
        if self.r.random() < 0.75:
            partial = self.r.choice(_BANK_BINS) + self.digits(12)
        else:
            partial = self.r.choice(["4", "51", "52", "53", "54", "55"]) + self.digits(14)
            partial = partial[:15]
        number = partial + luhn_check_digit(partial)
        if self.r.random() < 0.3:
            return " ".join(number[i : i + 4] for i in range(0, len(number), 4))
        return number

    def bad_bank(self) -> str:
        partial = self.r.choice(_BANK_BINS) + self.digits(12)
        good = luhn_check_digit(partial)
        return partial + self.r.choice([d for d in "0123456789" if d != good])

    def uscc(self, first: str = "9", second: str = "1") -> str:
        org = ("MA" if self.r.random() < 0.6 else "") + "".join(
            self.r.choice(USCC_ALPHABET[:10] + "ABCDEFGH") for _ in range(8)
        )
        org = org[:8] + org_code_check_char(org[:8])
        body = first + second + self.r.choice(_COUNTIES)[0] + org
        return body + uscc_check_char(body)

    def bad_uscc(self) -> str:
        code = self.uscc()
        return code[:-1] + self.r.choice([c for c in USCC_ALPHABET if c != code[-1]])

    def passport(self) -> str:
        if self.r.random() < 0.5:
            return "E" + self.digits(8)
        return "E" + self.r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") + self.digits(7)

    def plate(self) -> str:
        province = self.r.choice("浙沪苏京粤川鄂")
        letter = self.r.choice("ABCDEFGH")
        style = self.r.random()
        tail = self.r.choice("ABCDEFGHJK") + self.digits(4) if self.r.random() < 0.5 else self.digits(5)
        if style < 0.2:
            return f"{province}{letter}D{self.digits(5)}"  # 新能源小型车
        if style < 0.4:
            return f"{province}{letter}·{tail}"
        return f"{province}{letter}{tail}"

    def address(self) -> str:
        _, province, city, county, towns = self.r.choice(_COUNTIES)
        town = self.r.choice(towns)
        head = (
            self.r.choice([province + city + county + town, city + county + town, county + town, county, ""])
            if city
            else self.r.choice([province + county + town, province + county, county + town, ""])
        )
        form = self.r.random()
        if form < 0.45:
            core = f"{self.r.choice(_ROADS)}{self.r.randint(1, 999)}号"
            if self.r.random() < 0.4:
                core += self.building()
        elif form < 0.65:
            core = f"{self.r.choice(_ROADS)}{self.r.randint(1, 200)}弄{self.r.randint(1, 60)}号{self.room()}"
        elif form < 0.85:
            core = self.r.choice(_ESTATES) + self.building()
        else:
            head = head or county + town
            core = f"{self.r.choice(_VILLAGES)}{self.r.randint(1, 12)}组{self.r.randint(1, 120)}号"
        return head + core

    def room(self) -> str:
        return f"{self.r.randint(1, 18)}0{self.r.randint(1, 4)}室"

    def building(self) -> str:
        return f"{self.r.randint(1, 40)}幢{self.r.randint(1, 4)}单元{self.room()}"

    def date(self) -> str:
        y, m, d = self.r.randint(2019, 2024), self.r.randint(1, 12), self.r.randint(1, 28)
        return self.r.choice([f"{y}年{m}月{d}日", f"{y}-{m:02d}-{d:02d}", f"{y}.{m:02d}.{d:02d}"])

    def amount(self) -> str:
        return self.r.choice(
            [f"{self.r.randint(1, 99)}000元", f"{self.r.randint(100, 9999)}.00元", "2,000.00元"]
        )

    def fullwidth(self, text: str) -> str:
        return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)

    def masked_id(self) -> str:
        return self.r.choice(_COUNTIES)[0] + "********" + self.digits(4)

    def masked_name(self) -> str:
        return self.r.choice(_SURNAMES) + self.r.choice(["某", "某某", "*", "**"])

    def masked_mobile(self) -> str:
        return "1" + self.digits(2) + "****" + self.digits(4)


def _penalty(f: _Faker, b: Builder) -> None:
    agency, prefix = f.r.choice(_AGENCIES[:1] + _AGENCIES[3:4])
    year = f.r.randint(2019, 2024)
    b.t(f"{agency}\n行政处罚决定书\n{prefix}〔{year}〕{f.r.randint(1, 300)}号\n\n")
    person = f.name()
    if f.r.random() < 0.5:
        b.t("当事人：").e(Kind.PERSON_NAME, person).t(
            f"，{f.r.choice('男女')}，{f.r.choice(['汉族', '回族', '满族'])}，"
        )
        b.t("公民身份号码：").e(Kind.ID_CARD, f.id_card()).t("\n住址：").e(Kind.ADDRESS, f.address())
        b.t("\n联系电话：").e(Kind.MOBILE_PHONE, f.mobile()).t("\n")
    else:
        b.t(f"当事人：{f.r.choice(_COMPANIES)}\n统一社会信用代码：").e(
            Kind.USCC, f.uscc(second=f.r.choice("12"))
        )
        b.t("\n住所：").e(Kind.ADDRESS, f.address()).t("\n法定代表人：").e(Kind.PERSON_NAME, person)
        b.t(f"\n原注册号：{f.r.choice(_COUNTIES)[0]}000{f.digits(6)}\n")
    b.t(f"\n    {f.date()}，本机关执法人员对").e(Kind.PERSON_NAME, person).t(
        "（以下简称当事人）的经营场所进行检查，"
    )
    if f.r.random() < 0.6:
        b.t("发现当事人驾驶").e(Kind.LICENSE_PLATE, f.plate()).t("号牌车辆运输未经检验的货物。")
    b.t(f"经查，当事人于{f.date()}起违法经营，违法所得{f.amount()}。受理编号{f.bad_id()}。\n")
    b.t("    以上事实有现场检查笔录、询问笔录及当事人身份证复印件（").t(f.masked_id()).t("）等证据证实。")
    b.t("当事人的行为违反了《中华人民共和国行政处罚法》第十五条、第二十八条的规定。\n")
    b.t(
        f"    本机关决定：没收违法所得，并处罚款人民币{f.amount()}。",
        f"罚款缴入账户时请注明流水号{f.bad_bank()}。\n",
    )
    b.t(
        "    如不服本处罚决定，可在收到本决定书之日起六十日内向嘉兴市人民政府申请行政复议，",
        "也可以在六个月内依法向",
    )
    b.t("人民法院提起诉讼。\n    执法人员：").e(Kind.PERSON_NAME, f.name()).t("、").e(
        Kind.PERSON_NAME, f.name()
    )
    b.t(f"\n\n{agency}\n{year}年{f.r.randint(1, 12)}月{f.r.randint(1, 28)}日\n")
    b.t(f"（地址：{agency}，邮编：314200，联系电话：").e(Kind.LANDLINE_PHONE, f.landline()).t("）\n")


def _roster(f: _Faker, b: Builder, subsidy: bool) -> None:
    agency, prefix = f.r.choice(_AGENCIES)
    year = f.r.randint(2019, 2024)
    title = "2023年度创业补贴发放名单" if subsidy else "拟认定高层次人才名单公示"
    b.t(f"{agency}\n{title}\n索引号：").t(f.uscc("1", "1")).t(f"/{year}-{f.r.randint(1, 99999):05d}\n")
    b.t(f"文号：{prefix}〔{year}〕{f.r.randint(1, 99)}号  发布日期：{f.date()}\n")
    sep = f.r.choice(["\t", "  ", " | "])
    header = (
        ["序号", "姓名", "身份证号码", "银行卡号", "联系电话", "发放金额（元）"]
        if subsidy
        else ["序号", "姓名", "性别", "身份证号码", "工作单位"]
    )
    b.t(sep.join(header) + "\n")
    for i in range(1, f.r.randint(4, 12)):
        b.t(f"{i}{sep}").e(Kind.PERSON_NAME, f.name()).t(sep)
        if not subsidy:
            b.t(f.r.choice("男女") + sep)
        if f.r.random() < 0.3:
            b.t(f.masked_id())
        else:
            b.e(Kind.ID_CARD, f.id_card())
        if subsidy:
            b.t(sep).e(Kind.BANK_CARD, f.bank_card()).t(sep)
            if f.r.random() < 0.3:
                b.t(f.masked_mobile())
            else:
                b.e(Kind.MOBILE_PHONE, f.mobile())
            b.t(f"{sep}{f.r.randint(1, 20) * 500}.00\n")
        else:
            b.t(f"{sep}{f.r.choice(_COMPANIES)}\n")
    b.t(f"合计{sep}{sep}{f.amount()}\n" if subsidy else "")
    b.t(
        f"公示期：{f.date()}至{f.date()}。对公示对象有异议的，请以书面形式实名反映，并注明本人真实姓名和联系方式。\n"
    )
    b.t("联系人：").e(Kind.PERSON_NAME, f.name()).t("，联系电话：").e(Kind.LANDLINE_PHONE, f.landline()).t(
        "\n"
    )
    if not subsidy:
        b.t("拟表彰：").e(Kind.PERSON_NAME, f.name()).t("同志、").e(Kind.PERSON_NAME, f.name()).t("同志\n")
    b.t(f"已脱敏示例：{f.masked_name()}、{f.masked_name()}（身份证号{f.masked_id()}）\n")


def _application(f: _Faker, b: Builder) -> None:
    agency, _ = f.r.choice(_AGENCIES)
    b.t(f"政府信息公开申请表\n受理机关：{agency}\n申请日期：{f.date()}\n")
    if f.r.random() < 0.75:
        b.t("申请人类型：公民\n姓名：").e(Kind.PERSON_NAME, f.name()).t("\n工作单位：").t(
            f.r.choice(_COMPANIES)
        )
        if f.r.random() < 0.15:
            b.t("\n证件名称：护照\n证件号码：").e(Kind.PASSPORT, f.passport())
        elif f.r.random() < 0.15:
            b.t("\n证件名称：居民身份证（旧）\n身份证号码：").e(Kind.ID_CARD, f.id15())
        else:
            b.t("\n证件名称：居民身份证\n证件号码：").e(Kind.ID_CARD, f.id_card())
    else:
        b.t(f"申请人类型：法人或其他组织\n名称：{f.r.choice(_COMPANIES)}\n统一社会信用代码：").e(
            Kind.USCC, f.uscc()
        )
        b.t("\n法定代表人：").e(Kind.PERSON_NAME, f.name()).t("\n联系人：").e(Kind.PERSON_NAME, f.name())
    b.t("\n联系电话：").e(Kind.MOBILE_PHONE, f.mobile())
    if f.r.random() < 0.5:
        b.t("\n固定电话：").e(Kind.LANDLINE_PHONE, f.landline())
    b.t("\n通讯地址：").e(Kind.ADDRESS, f.address()).t("\n邮政编码：314200\n电子邮箱：").e(
        Kind.EMAIL, f.email()
    )
    b.t("\n所需信息内容描述：").t(f"{agency}{f.r.randint(2019, 2023)}年关于").t(
        f.r.choice(["城市道路", "人民路"])
    )
    b.t(
        f"改造工程的立项批复文件（文号{f.r.choice(_AGENCIES)[1]}",
        f"〔{f.r.randint(2019, 2023)}〕{f.r.randint(1, 99)}号）",
    )
    b.t("及工程款支付情况。\n获取方式：邮寄\n申请人签名：").e(Kind.PERSON_NAME, f.name()).t("\n")
    if f.r.random() < 0.5:
        b.t("车辆信息：").e(Kind.LICENSE_PLATE, f.plate()).t("\n")


def _reply(f: _Faker, b: Builder) -> None:
    agency, prefix = f.r.choice(_AGENCIES)
    year = f.r.randint(2019, 2024)
    applicant = f.name()
    b.t(f"{agency}\n政府信息公开申请答复书\n{prefix}依申告〔{year}〕{f.r.randint(1, 99)}号\n\n")
    b.e(Kind.PERSON_NAME, applicant).t("：\n")
    b.t(f"    本机关于{f.date()}收到您提交的政府信息公开申请（受理编号：{f.bad_uscc()}），申请获取“{agency}")
    b.t("关于张家港市某项目的审批文件”。经审查，现答复如下：\n")
    b.t("    您申请的信息属于本机关公开的范围，根据《中华人民共和国政府信息公开条例》第三十六条第（二）项")
    b.t("之规定，现将该信息提供给您，其中涉及第三方个人信息部分已作删除处理（如")
    b.t(f.masked_name()).t("、").t(f.masked_mobile()).t("）。\n")
    if f.r.random() < 0.5:
        b.t("    经查，您反映的住所").e(Kind.ADDRESS, f.address()).t(
            "不属于本机关管辖范围，建议向属地街道办事处咨询。\n"
        )
    b.t("    如对本答复不服，可以在收到本答复之日起60日内向平湖市人民政府申请行政复议，或者在6个月内向")
    b.t("平湖市人民法院提起行政诉讼。\n")
    b.t(f"\n{agency}\n{year}年{f.r.randint(1, 12)}月{f.r.randint(1, 28)}日\n")
    b.t("（联系人：").e(Kind.PERSON_NAME, f.name()).t("，联系电话：").e(Kind.LANDLINE_PHONE, f.landline())
    b.t("）\n送达地址：").e(Kind.ADDRESS, f.address()).t("\n收件人：").e(Kind.PERSON_NAME, applicant)
    b.t("，手机").e(Kind.MOBILE_PHONE, f.mobile()).t("\n")


GENRES: dict[str, Callable[[_Faker, Builder], None]] = {
    "行政处罚决定书": _penalty,
    "公示名单": lambda f, b: _roster(f, b, subsidy=False),
    "补贴发放名单": lambda f, b: _roster(f, b, subsidy=True),
    "申请表": _application,
    "答复书": _reply,
}


def generate(seed: int, documents: int = 200) -> list[LabelledDocument]:
    """``documents`` labelled documents, the same for the same seed."""
    rng = random.Random(seed)
    faker = _Faker(rng)
    genres = list(GENRES)
    result = []
    for i in range(documents):
        genre = genres[i % len(genres)]
        builder = Builder()
        GENRES[genre](faker, builder)
        result.append(builder.build(genre))
    return result

"""The independent corpus's casework genres, each laid out as its real published kind."""

from __future__ import annotations

import random
from collections.abc import Callable

from gongkai.sensitive.independent_corpus.base import Doc
from gongkai.sensitive.independent_corpus.tables import HOTLINES, NATURAL, VILLAGES, Region
from gongkai.sensitive.independent_corpus.values import Decoys, Values
from gongkai.sensitive.model import Kind


class CaseworkWriter:
    """The genres of casework: decisions, applications, rosters, 低保 lists, petitions, minutes."""

    def __init__(self, rng: random.Random) -> None:
        self.r = rng
        self.v = Values(rng)
        self.x = Decoys(rng, self.v)

    def agency(self, region: Region, office: str) -> str:
        # A county-level city's agencies are named after it alone (桐乡市应急管理局).
        if region.county.endswith("市") or self.r.random() < 0.3:
            return (region.county if region.county.endswith("市") else region.city) + office
        return region.city + region.county + office

    def names(self, b: Doc, count: int, sep: str = "、") -> list[str]:
        out = [self.v.name() for _ in range(count)]
        for i, n in enumerate(out):
            if i:
                b.t(sep)
            b.e(Kind.PERSON_NAME, n)
        return out

    def contact(self, b: Doc, region: Region, lead: str, separator: str) -> Doc:
        """A notice's contact line: a person's name and an office landline."""
        b.t(lead).e(Kind.PERSON_NAME, self.v.name()).t(separator)
        return b.e(Kind.LANDLINE_PHONE, self.v.landline(region)).t("\n")

    # 行政处罚决定书
    def penalty(self) -> Doc:
        b, v, x, r = Doc(), self.v, self.x, self.r
        region = v.region()
        office = r.choice(
            (
                "市场监督管理局",
                "综合行政执法局",
                "生态环境分局",
                "公安分局交通警察大队",
                "卫生健康局",
                "应急管理局",
            )
        )
        b.d("agency", self.agency(region, office)).t("\n行政处罚决定书\n")
        b.d("wenhao", x.wenhao(r.choice(("嘉南市监罚", "浙嘉综执罚", "秀环罚", "海卫罚", "嘉善应急罚"))))
        b.t("\n\n")
        person = r.random() < 0.65
        name = v.name()
        born = v.birth(1950, 2002)
        if person:
            b.t(r.choice(("当事人：", "当事人姓名：", "被处罚人：")))
            b.e(Kind.PERSON_NAME, name)
            b.t(f"，性别：{r.choice('男女')}，民族：汉族，出生日期：").d("date", x.day(born))
            b.t("，\n" if r.random() < 0.5 else "，").t(
                r.choice(("身份证号码：", "公民身份号码：", "身份证件号码："))
            )
            b.e(Kind.ID_CARD, v.id_card(region, born))
            b.t("，\n住址：").e(Kind.ADDRESS, v.address(region)).t("，")
            b.t(r.choice(("联系电话：", "电话：", "手机："))).e(Kind.MOBILE_PHONE, v.mobile()).t("。\n")
        else:
            firm = (
                region.county
                + r.choice(("鑫达", "恒润", "永兴", "佳美", "绿源", "华通"))
                + r.choice(("贸易有限公司", "餐饮店", "建材经营部", "物流有限公司", "食品商行"))
            )
            b.t("当事人：").d("agency", firm).t("\n统一社会信用代码：").e(Kind.USCC, v.uscc(region))
            b.t("\n" + r.choice(("住所：", "经营场所：", "地址："))).e(
                Kind.ADDRESS, v.address(region, rural=False)
            )
            b.t("\n" + r.choice(("法定代表人：", "经营者：", "负责人："))).e(Kind.PERSON_NAME, name)
            b.t("，身份证号：").e(Kind.ID_CARD, v.id_card(region)).t("\n")
            if r.random() < 0.6:
                b.t("委托代理人：").e(Kind.PERSON_NAME, v.name()).t("，联系电话：").e(
                    Kind.MOBILE_PHONE, v.mobile()
                ).t("\n")
        b.t("\n")
        road = r.choice(region.roads)
        b.t("经查，").d("date", x.day()).t("，")
        if "交通" in office:
            b.t("当事人驾驶号牌为").e(Kind.LICENSE_PLATE, v.plate(region)).t("的小型轿车，行经").d(
                "road", road
            )
            b.t(
                f"与{r.choice(region.roads)}交叉口时，有{r.choice(('闯红灯', '超速50%以上', '饮酒后驾驶'))}的违法行为。"  # noqa: E501
            )
        else:
            b.t(f"执法人员在{road}对当事人{r.choice(('经营场所', '加工场所', '堆放点'))}进行检查，发现")
            b.t(
                f"其{r.choice(('销售超过保质期的食品', '未取得许可从事经营', '超标排放污水', '未按规定配备消防器材'))}，"  # noqa: E501
            )
            b.t("涉及货值金额").d("amount", x.money()).t("，违法所得").d("amount", x.money()).t("。")
        b.t("证人").d("masked_name", x.masked_name()).t("的证言、现场检查笔录（检查人：")
        self.names(b, 2)
        b.t("）等证据在案佐证。")
        if person:
            b.t(f"{r.choice(('', '当事人'))}")
            b.e(Kind.PERSON_NAME, name)
            b.t("对上述事实无异议。\n")
        else:
            b.t("当事人对上述事实无异议。\n")
        b.t("本机关于").d("date", x.day()).t("向当事人送达了《行政处罚告知书》（")
        b.d("wenhao", x.wenhao("嘉南市监罚告")).t("），当事人在法定期限内未提出陈述、申辩意见。\n")
        law = r.choice(
            (
                "《中华人民共和国食品安全法》",
                "《中华人民共和国道路交通安全法》",
                "《中华人民共和国水污染防治法》",
                "《中华人民共和国消防法》",
            )
        )
        b.t(f"依据{law}").d(
            "article", f"第{r.choice(('二十三', '九十', '八十三', '一百二十四'))}条第{r.choice('一二三')}款"
        )
        b.t("的规定，决定给予当事人如下行政处罚：\n1. 警告；\n2. 罚款").d("amount", x.money()).t("。\n")
        b.t("当事人应当自收到本决定书之日起十五日内缴纳罚款，到期不缴纳的，每日按罚款数额的3%加处罚款。\n")
        b.t("如不服本处罚决定，可以在收到本决定书之日起六十日内向").d("agency", region.city + "人民政府")
        b.t("申请行政复议，也可以在六个月内依法向").d("agency", region.county + "人民法院").t(
            "提起行政诉讼。\n"
        )
        if r.random() < 0.5:
            b.t("咨询电话：").d("hotline", r.choice(HOTLINES)).t("\n")
        b.t("执法人员：")
        self.names(b, 2, r.choice(("、", "  ", "，")))
        b.t("  联系电话：").e(Kind.LANDLINE_PHONE, v.landline(region)).t("\n")
        b.d("date", x.day()).t("\n")
        return b

    # 政府信息公开申请表
    def application(self) -> Doc:
        b, v, x, r = Doc(), self.v, self.x, self.r
        region = v.region()
        b.t("政府信息公开申请表\n编号：").d(
            "serial", f"{r.randrange(2019, 2026)}{r.randrange(1, 9999):04d}"
        ).t("\n\n")
        table = r.random() < 0.6
        row: Callable[[str], Doc]
        if table:

            def row(label: str) -> Doc:
                return b.t(f"| {label} | ")

            end = " |\n"
        else:

            def row(label: str) -> Doc:
                return b.t(f"{label}：")

            end = "\n"
        if r.random() < 0.8:
            name = v.name()
            row("姓名").e(Kind.PERSON_NAME, name).t(end)
            if r.random() < 0.25:
                row("证件名称").t(r.choice(("护照", "往来港澳通行证")) + end)
                row("证件号码").e(Kind.PASSPORT, v.passport()).t(end)
            else:
                row("证件名称").t("居民身份证" + end)
                row("证件号码").e(Kind.ID_CARD, v.id_card()).t(end)
            row("工作单位").t(r.choice(("无", "个体", "某科技公司", "退休")) + end)
            row("联系电话").e(Kind.MOBILE_PHONE, v.mobile()).t(end)
            if r.random() < 0.3:
                row("固定电话").e(Kind.LANDLINE_PHONE, v.landline(region)).t(end)
            row(r.choice(("通信地址", "联系地址", "通讯地址"))).e(Kind.ADDRESS, v.address(region)).t(end)
            row("邮政编码").d("postcode", f"{r.randrange(10, 86)}{r.randrange(0, 100):02d}00").t(end)
            row("电子邮箱").e(Kind.EMAIL, v.email()).t(end)
            signer = name
        else:
            firm = region.city + r.choice(("智联", "宏业", "信诚", "天和")) + "科技有限公司"
            row("名称").d("agency", firm).t(end)
            row("统一社会信用代码").e(Kind.USCC, v.uscc(region)).t(end)
            row("法定代表人").e(Kind.PERSON_NAME, v.name()).t(end)
            signer = v.name()
            row("联系人姓名").e(Kind.PERSON_NAME, signer).t(end)
            row("联系人电话").e(Kind.LANDLINE_PHONE, v.landline(region)).t(end)
            row("联系人手机").e(Kind.MOBILE_PHONE, v.mobile()).t(end)
            row("联系地址").e(Kind.ADDRESS, v.address(region, rural=False)).t(end)
            row("电子邮箱").e(Kind.EMAIL, v.email()).t(end)
        road = r.choice(region.roads)
        row("所需信息内容描述").t("请公开").d("road", road).t("（")
        b.t(f"{r.choice(region.towns)}段）道路改造工程的立项批复（")
        b.d("wenhao", x.wenhao(r.choice(("嘉发改投", "浙发改", "秀发改")))).t("）及").d("date", x.day()).t(
            "以来的资金拨付情况"
        )
        b.t(end)
        row("所需信息的索引号").d("suoyin", x.suoyin(region)).t(end)
        row("获取信息的方式").t(r.choice(("邮寄", "电子邮件", "当面领取")) + end)
        b.t("\n申请人（签名）：" if r.random() < 0.5 else "\n申请人签名：").e(Kind.PERSON_NAME, signer)
        b.t("    申请日期：").d("date", x.day()).t("\n")
        b.t("受理机关：").d("agency", self.agency(region, "人民政府办公室")).t("  受理人：")
        b.e(Kind.PERSON_NAME, v.name()).t("\n")
        return b

    # 公示名单 / 补贴发放名单
    def roster(self) -> Doc:
        b, v, x, r = Doc(), self.v, self.x, self.r
        region = v.region()
        town = r.choice(region.towns)
        subject = r.choice(
            (
                "2024年度耕地地力保护补贴发放名单",
                "困难残疾人生活补贴发放名单",
                "高龄津贴发放名单",
                "农村危房改造补助对象公示名单",
                "春耕备耕种粮补贴公示",
            )
        )
        b.d("agency", region.county + town).t(subject + "\n\n")
        id_mode = r.choice(("full", "masked", "masked", "none"))
        with_card = r.random() < 0.35
        with_phone = r.random() < 0.25
        cols = ["序号", "姓名"]
        if id_mode != "none":
            cols.append("身份证号")
        cols.append("村组")
        if with_card:
            cols.append("一卡通账号")
        if with_phone:
            cols.append("联系电话")
        cols.append("金额（元）")
        b.t("| " + " | ".join(cols) + " |\n")
        b.t("|" + "---|" * len(cols) + "\n")
        total = 0
        for i in range(1, r.randrange(6, 16)):
            b.t(f"| {i} | ").e(Kind.PERSON_NAME, v.name()).t(" | ")
            if id_mode == "full":
                b.e(Kind.ID_CARD, v.id_card(region)).t(" | ")
            elif id_mode == "masked":
                b.d("masked_id", x.masked_id()).t(" | ")
            village = r.choice(VILLAGES)
            if r.random() < 0.5:
                b.e(Kind.ADDRESS, f"{town}{village}{r.randrange(1, 16)}组").t(" | ")
            else:
                b.e(Kind.ADDRESS, f"{village}{r.choice(NATURAL)}{r.randrange(1, 80)}号").t(" | ")
            if with_card:
                if r.random() < 0.5:
                    b.e(Kind.BANK_CARD, v.bank_card()).t(" | ")
                else:
                    b.d("masked_card", x.masked_card()).t(" | ")
            if with_phone:
                if r.random() < 0.5:
                    b.e(Kind.MOBILE_PHONE, v.mobile()).t(" | ")
                else:
                    b.d("masked_phone", x.masked_mobile()).t(" | ")
            amount = r.randrange(100, 5000)
            total += amount
            b.d("amount", f"{amount}.00").t(" |\n")
        b.t("\n合计发放").d("amount", f"{total}.00").t("元，共").d("stat", f"{i}").t("户。公示期为").d(
            "date", x.day()
        )
        b.t("至").d("date", x.day()).t("，如有异议，请向").d("agency", town + "人民政府").t("反映。\n")
        self.contact(b, region, "联系人：", "，联系电话：")
        b.t("监督电话：").d("hotline", r.choice(HOTLINES)).t("\n")
        return b

    # 最低生活保障公示
    def dibao(self) -> Doc:
        b, v, x, r = Doc(), self.v, self.x, self.r
        region = v.region()
        town = r.choice(region.towns)
        b.d("agency", town).t(
            f"{r.randrange(2023, 2026)}年第{r.choice('一二三四')}季度最低生活保障对象公示\n"
        )
        b.t("根据《社会救助暂行办法》").d("article", "第十一条").t(
            "规定，经入户调查、民主评议，现将拟纳入最低生活保障家庭公示如下：\n"
        )
        b.t(
            "| 序号 | 户主姓名 | 家庭人口 | 保障人数 | 月保障金额（元） | 家庭住址 |\n|---|---|---|---|---|---|\n"  # noqa: E501
        )
        n = r.randrange(4, 12)
        for i in range(1, n + 1):
            people = r.randrange(1, 6)
            b.t(f"| {i} | ").e(Kind.PERSON_NAME, v.name()).t(f" | {people} | {r.randrange(1, people + 1)} | ")
            b.d("amount", str(r.randrange(300, 3000))).t(" | ")
            b.e(
                Kind.ADDRESS,
                v.address(region, rural=r.random() < 0.75, top=r.choice(("town", "county", "town"))),
            )
            b.t(" |\n")
        b.t("本次公示").d("stat", str(n)).t("户，公示期7天。如有异议请拨打").e(
            Kind.LANDLINE_PHONE, v.landline(region)
        )
        b.t("（").d("agency", town + "社会事务办").t("）或").d("hotline", "12345").t("。\n")
        b.d("date", x.day()).t("\n")
        return b

    # 信访事项答复意见书
    def petition(self) -> Doc:
        b, v, x, r = Doc(), self.v, self.x, self.r
        region = v.region()
        b.d(
            "agency",
            self.agency(region, r.choice(("住房和城乡建设局", "自然资源和规划局", "人力资源和社会保障局"))),
        )
        b.t("\n信访事项答复意见书\n").d("wenhao", x.wenhao("嘉南信复")).t("\n\n")
        name = v.name()
        b.e(Kind.PERSON_NAME, name).t(r.choice(("：\n", "同志：\n", "先生：\n", "女士：\n")))
        b.t("    你（您）于").d("date", x.day()).t(r.choice(("通过网上信访平台", "来信", "来访")))
        b.t("反映的关于").e(Kind.ADDRESS, v.address(region)).t(
            r.choice(("房屋漏水", "邻居违章搭建", "拆迁补偿", "社保缴费年限"))
        )
        b.t("问题的信访事项（信访件编号：").d("serial", f"{r.randrange(10**11, 10**12)}").t(
            "）收悉。现答复如下：\n"
        )
        b.t("    经调查核实，")
        neighbour = v.name()
        b.e(Kind.PERSON_NAME, neighbour).t("（身份证号：").e(Kind.ID_CARD, v.id_card(region)).t("）于")
        b.d("date", x.day()).t(f"在{r.choice(('自家屋顶', '院内', '楼道'))}搭建的建筑物面积约").d(
            "stat", f"{r.randrange(5, 60)}"
        )
        b.t("平方米，").d("road", r.choice(region.roads)).t("沿线的同类情况已纳入整治计划。")
        b.t("本机关已责令").e(Kind.PERSON_NAME, neighbour).t("于").d("date", x.day()).t("前自行拆除。\n")
        b.t("    如对本答复意见不服，可自收到本意见书之日起30日内向").d("agency", region.city + "人民政府")
        b.t("信访局提出复查申请。\n")
        b.t(r.choice(("经办人：", "承办人："))).e(Kind.PERSON_NAME, v.name()).t("    联系电话：")
        b.e(Kind.LANDLINE_PHONE, v.landline(region)).t("\n")
        if r.random() < 0.4:
            b.t("电子邮箱：").e(Kind.EMAIL, v.email()).t("\n")
        b.d("date", x.day()).t("\n")
        return b

    # 会议纪要
    def minutes(self) -> Doc:
        b, v, x, r = Doc(), self.v, self.x, self.r
        region = v.region()
        b.d("agency", self.agency(region, "人民政府")).t("专题会议纪要\n〔").d(
            "stat", str(r.randrange(2019, 2026))
        )
        b.t(f"〕第{r.randrange(1, 60)}期\n\n")
        b.t("时间：").d("date", x.day()).t("下午\n地点：区政府").d("stat", str(r.randrange(2, 12))).t(
            "楼会议室\n"
        )
        b.t("主持：").e(Kind.PERSON_NAME, v.name()).t(r.choice(("（副区长）", "（常务副县长）", "")) + "\n")
        b.t("参会人员：")
        depts = ("区发改局", "区财政局", "区自然资源和规划分局", "区住建局", "区农业农村局", "区生态环境分局")
        for i, dept in enumerate(r.sample(depts, r.randrange(3, 6))):
            if i:
                b.t("，")
            b.t(dept)
            self.names(b, r.randrange(1, 3))
        if r.random() < 0.5:
            b.t("；").d("agency", r.choice(region.towns)).t("：")
            self.names(b, r.randrange(1, 3))
        b.t("\n记录：").e(Kind.PERSON_NAME, v.name()).t("\n\n")
        road = r.choice(region.roads)
        b.t("会议听取了").d("road", road).t(f"（{r.choice(region.towns)}段）改造工程进展情况汇报。")
        b.t("会议议定：\n一、工程总投资").d("amount", x.money()).t("，由区财政分").d(
            "stat", str(r.randrange(2, 5))
        ).t("年安排。\n")
        b.t("二、涉及").d("stat", str(r.randrange(3, 90))).t("户的征收工作，由")
        lead = v.name()
        b.e(Kind.PERSON_NAME, lead).t("牵头，于").d("date", x.day()).t("前完成。\n")
        b.t("三、被征收户").d("masked_name", x.masked_name()).t("反映的问题，请")
        b.e(Kind.PERSON_NAME, lead).t("同志会同街道研究处理，结果报").e(Kind.PERSON_NAME, v.name()).t("。\n")
        b.t("\n抄送：").d("agency", region.county + "人大常委会办公室").t("。\n")
        return b

    # 行政许可决定书

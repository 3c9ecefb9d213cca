"""The independent corpus's published notices, each laid out as its real published kind."""

from __future__ import annotations

from datetime import date, timedelta

from gongkai.sensitive.independent_corpus.base import Doc
from gongkai.sensitive.independent_corpus.casework import CaseworkWriter
from gongkai.sensitive.independent_corpus.tables import Region
from gongkai.sensitive.model import Kind


class Writer(CaseworkWriter):
    """Every genre: the casework ones and the notices (许可, 征收, 登记, 送达, 采购, 交通)."""

    def sign_off(self, b: Doc, region: Region, lead: str, separator: str) -> Doc:
        """The contact line and the date that end a notice."""
        return self.contact(b, region, lead, separator).d("date", self.x.day()).t("\n")

    def permit(self) -> Doc:
        b, v, x, r = Doc(), self.v, self.x, self.r
        region = v.region()
        b.d("agency", self.agency(region, r.choice(("行政审批局", "市场监督管理局", "交通运输局"))))
        b.t("\n准予行政许可决定书\n").d("wenhao", x.wenhao("嘉南审批许")).t("\n\n")
        name = v.name()
        b.t("申请人：").e(Kind.PERSON_NAME, name).t("\n")
        if r.random() < 0.75:
            b.t("身份证号码：").e(Kind.ID_CARD, v.id_card(region)).t("\n")
        else:
            b.t("护照号码：").e(Kind.PASSPORT, v.passport()).t("\n")
        b.t("住所：").e(Kind.ADDRESS, v.address(region)).t("\n")
        b.t("联系电话：").e(Kind.MOBILE_PHONE, v.mobile()).t("\n")
        if r.random() < 0.4:
            b.t("委托代理人：").e(Kind.PERSON_NAME, v.name()).t("  电话：").e(
                Kind.MOBILE_PHONE, v.mobile()
            ).t("\n")
        b.t("\n    你（单位）于").d("date", x.day()).t("提出的")
        item = r.choice(("食品经营许可", "道路运输经营许可", "建设工程规划许可", "出租汽车驾驶员从业资格"))
        b.t(f"{item}申请，本机关已于").d("date", x.day()).t("受理（受理编号：").d(
            "serial", f"{r.randrange(10**9, 10**10)}"
        )
        b.t("）。经审查，申请符合").d(
            "article", f"《{item}管理办法》第{r.choice(('十', '十二', '二十一'))}条"
        ).t("规定的条件，")
        b.t("准予许可。许可证编号：").d(
            "permit", f"JY{r.randrange(1, 3)}{region.code}{r.randrange(10**6, 10**7)}"
        )
        b.t("，有效期至").d("date", x.day(date(2029, 1, 1) + timedelta(days=r.randrange(300)))).t("。\n")
        if item == "道路运输经营许可":
            b.t("营运车辆号牌：").e(Kind.LICENSE_PLATE, v.plate(region)).t("、").e(
                Kind.LICENSE_PLATE, v.plate(region)
            ).t("\n")
        b.t("    请").e(Kind.PERSON_NAME, name).t("于").d("date", x.day()).t("前持本决定书领取许可证件。\n")
        b.t("承办人：").e(Kind.PERSON_NAME, v.name()).t("，电话：").e(
            Kind.LANDLINE_PHONE, v.landline(region)
        ).t("\n")
        return b

    # 征收补偿公告
    def expropriation(self) -> Doc:
        b, v, x, r = Doc(), self.v, self.x, self.r
        region = v.region()
        road = r.choice(region.roads)
        b.d("agency", region.county + "人民政府").t("房屋征收补偿公告\n").d("wenhao", x.wenhao("南政征")).t(
            "\n\n"
        )
        b.t("    因").d("road", road).t("拓宽工程建设需要，根据《国有土地上房屋征收与补偿条例》").d(
            "article", "第二十六条"
        )
        b.t("规定，现将以下被征收人的补偿决定予以公告：\n")
        for _ in range(r.randrange(1, 5)):
            b.t("被征收人：").e(Kind.PERSON_NAME, v.name())
            if r.random() < 0.4:
                b.t("、").e(Kind.PERSON_NAME, v.name())
            b.t("\n房屋坐落：").e(Kind.ADDRESS, v.address(region, rural=False))
            b.t("\n建筑面积：").d("stat", f"{r.randrange(40, 300)}.{r.randrange(10, 99)}").t(
                "平方米；补偿金额："
            )
            b.d("amount", x.money()).t("\n")
            if r.random() < 0.5:
                b.t("补偿款收款账户：").e(Kind.BANK_CARD, v.bank_card()).t("（户名：").e(
                    Kind.PERSON_NAME, v.name()
                ).t("）\n")
        b.t("    被征收人对补偿决定不服的，可以依法申请行政复议或者提起行政诉讼。\n")
        return self.sign_off(b, region, "联系人：", " 联系电话：")

    # 不动产登记公告
    def registration(self) -> Doc:
        b, v, r = Doc(), self.v, self.r
        region = v.region()
        b.d("agency", region.city + "不动产登记服务中心").t(
            r.choice(("首次登记公告", "遗失补证公告", "更正登记公告"))
        )
        b.t("\n编号：").d("serial", f"{r.randrange(2019, 2026)}-{r.randrange(1, 999):03d}").t("\n\n")
        for _ in range(r.randrange(1, 4)):
            b.t("权利人：").e(Kind.PERSON_NAME, v.name())
            b.t("\n" + r.choice(("身份证号：", "证件号码："))).e(Kind.ID_CARD, v.id_card(region))
            b.t("\n不动产坐落：").e(Kind.ADDRESS, v.address(region))
            unit = f"{region.code}{r.randrange(1, 999):03d}{r.randrange(1, 999):03d}GB{r.randrange(10**4, 10**5)}F{r.randrange(10**7, 10**8)}"  # noqa: E501
            b.t("\n不动产单元号：").d("property_unit", unit)
            b.t("\n不动产权证号：").d(
                "permit",
                f"浙（{r.randrange(2015, 2025)}）{region.city[:-1]}不动产权第{r.randrange(1, 9999999):07d}号",
            )
            b.t("\n面积：").d("stat", f"{r.randrange(40, 300)}.{r.randrange(10, 99)}").t("㎡\n\n")
        b.t("    凡对上述不动产登记事项有异议的，请自本公告之日起").d("stat", "15").t(
            "个工作日内将异议书面材料送达本中心。"
        )
        return self.sign_off(b, region, "\n联系人：", "；联系电话：")

    # 法律文书送达回证
    def service(self) -> Doc:
        b, v, x, r = Doc(), self.v, self.x, self.r
        region = v.region()
        b.d("agency", self.agency(region, "综合行政执法局")).t("\n送达回证\n\n")
        receiver = v.name()
        b.t("| 受送达人 | ").e(Kind.PERSON_NAME, receiver).t(" |\n")
        b.t("| 送达文书名称及文号 | 行政处罚决定书（").d("wenhao", x.wenhao("嘉综执罚")).t("） |\n")
        b.t("| 送达地点 | ").e(Kind.ADDRESS, v.address(region)).t(" |\n")
        b.t("| 送达方式 | " + r.choice(("直接送达", "留置送达", "邮寄送达")) + " |\n")
        b.t("| 送达时间 | ").d("date", x.day()).t(" |\n")
        b.t("| 受送达人签名或盖章 | ").e(Kind.PERSON_NAME, receiver).t(" |\n")
        if r.random() < 0.5:
            b.t("| 代收人及代收理由 | ").e(Kind.PERSON_NAME, v.name()).t(
                f"（系受送达人之{r.choice(('妻', '夫', '子', '母'))}） |\n"
            )
        b.t("| 送达人 | ")
        self.names(b, 2, r.choice(("、", " ", "，")))
        b.t(" |\n| 见证人 | ").e(Kind.PERSON_NAME, v.name()).t("（").d(
            "agency", r.choice(region.towns) + "工作人员"
        )
        b.t("），联系电话：").e(Kind.MOBILE_PHONE, v.mobile()).t(" |\n")
        b.t("| 备注 | 受送达人拒绝签收，已拍照留存（编号").d("serial", f"{r.randrange(10**5, 10**6)}").t(
            "） |\n"
        )
        return b

    # 采购中标公告
    def procurement(self) -> Doc:
        b, v, x, r = Doc(), self.v, self.x, self.r
        region = v.region()
        b.d("agency", self.agency(region, r.choice(("教育局", "卫生健康局", "机关事务管理中心"))))
        b.t(r.choice(("办公设备采购项目中标结果公告\n", "物业服务采购项目成交公告\n")))
        b.t("一、项目编号：").d("project", f"JXCG-{r.randrange(2019, 2026)}-{r.randrange(1, 999):03d}").t(
            "\n"
        )
        b.t("二、中标信息\n供应商名称：").d(
            "agency", region.city + r.choice(("恒信", "联创", "中远")) + "物业服务有限公司"
        )
        b.t("\n统一社会信用代码：").e(Kind.USCC, v.uscc(region))
        b.t("\n供应商地址：").e(Kind.ADDRESS, v.address(region, rural=False))
        b.t("\n中标金额：").d("amount", x.money()).t("\n")
        b.t("三、评审专家名单：")
        self.names(b, r.choice((3, 5)))
        b.t("\n四、凡对本次公告内容提出询问，请按以下方式联系。\n")
        b.t("1. 采购人信息\n名称：").d("agency", self.agency(region, "教育局")).t("\n联系人：").e(
            Kind.PERSON_NAME, v.name()
        )
        b.t("\n联系方式：").e(Kind.LANDLINE_PHONE, v.landline(region)).t("\n")
        b.t("2. 采购代理机构信息\n联系人：").e(Kind.PERSON_NAME, v.name()).t("\n联系方式：")
        if r.random() < 0.5:
            b.e(Kind.MOBILE_PHONE, v.mobile())
        else:
            b.e(Kind.LANDLINE_PHONE, v.landline(region))
        b.t("\n电子邮箱：").e(Kind.EMAIL, v.email()).t("\n")
        b.t("发布日期：").d("date", x.day()).t("\n")
        return b

    # 交通违法公告 (plates) — 机动车 owners who could not be reached
    def traffic(self) -> Doc:
        b, v, x, r = Doc(), self.v, self.x, self.r
        region = v.region()
        b.d("agency", region.city + "公安局交通警察支队").t("关于督促机动车所有人处理交通违法的公告\n\n")
        b.t("| 序号 | 号牌号码 | 所有人 | 违法时间 | 违法地点 |\n|---|---|---|---|---|\n")
        for i in range(1, r.randrange(4, 12)):
            b.t(f"| {i} | ").e(Kind.LICENSE_PLATE, v.plate(region)).t(" | ")
            if r.random() < 0.6:
                b.e(Kind.PERSON_NAME, v.name())
            else:
                b.d("masked_name", x.masked_name())
            b.t(" | ").d("date", x.day()).t(" | ")
            b.d("road", "与".join(r.sample(region.roads, 2)) + "交叉口").t(" |\n")
        b.t("请上述机动车所有人自公告之日起").d("stat", "30").t("日内到公安交通管理部门接受处理。咨询电话：")
        b.e(Kind.LANDLINE_PHONE, v.landline(region)).t("\n")
        return b

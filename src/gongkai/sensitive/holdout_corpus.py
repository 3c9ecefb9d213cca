"""A held-out labelled corpus: agency documents the detector's authors never tuned on.

Written by an independent evaluator from general knowledge of what Chinese agencies publish or send
(行政复议决定书, 起诉状副本, 村务公开栏, 安置房分配公示, 养老金发放名册, 注销公告, 失信被执行人名单,
拟录用人员公示, 信息公开申请答复书, 12345 工单, 学生资助名单, 行政处罚结果公开表, 政府采购合同公告,
婚姻登记档案查询回复). ``holdout_cases(seed)`` (documents with decoys) is deterministic for a seed.

Labelling guide (what is an entity, with exact span):
- 姓名: a natural person's full name wherever it stands (after role words, in table cells, in running
  text after 经查/据, signature lines, later mentions). NOT labelled (decoys): 某-names (李某某, 王某),
  masked names (张*), "小X"/"老X" forms of address (a nickname does not identify), agency and
  company names, a 法定代表人 is labelled (a natural person).
- 身份证号: 18-digit (valid GB 11643 check) and 15-digit (real region code + real yymmdd) numbers, in
  ASCII or full-width digits, check X in either case, optionally grouped 6-8-4 (span covers it).
- 手机号码 / 固定电话: a person's or household's number in any grouping (+86, 0086, brackets,
  hyphens, spaces, 转/分机 extensions are inside the span). Public hotlines (12345, 12315, 0573-12345)
  are decoys. Agency office numbers are not generated (ambiguous by design, so left out).
- 银行卡号: Luhn-valid numbers with real issuer prefixes, plain, 4-grouped or 6+13.
- 统一社会信用代码: every GB 32100-valid code, including companies' (the kind is the code; policy
  decides what to redact).
- 护照/通行证: E/G + 8 digits, E + letter + 7 digits, 港澳通行证 C + 8 digits.
- 机动车号牌: 浙F12345, 浙F·12345, 浙F 12345, new-energy 浙FD12345.
- 地址: a person's or household's address from its first division word (cue words 住/住所地 stay
  outside) to its last unit (室/号/组).
  An agency's 办公地址/地址 and a company's 地址 are decoys: the project labels only personal
  addresses (a sole trader's 经营场所 and a complaint's 诉求地址 count as personal).
Decoys (must not be flagged; a finding of any kind overlapping a decoy counts): 文号, 索引号,
准考证号, 案号, 不动产单元号, amounts, dates, masked values, 某-names, 小X, agency addresses, hotlines.
Divisions: real GB/T 2260 codes, names and area codes; towns/roads/villages from place syllables.
Check digits are computed here, not imported from the detector: the corpus shares no code with it.
"""

# ruff: noqa: E501
# Each template is a chain of builder calls that reads as the document it writes; wrapping the
# (double-width) Chinese to 110 columns would break documents mid-phrase and the 500-line budget.

from __future__ import annotations

import random
import re

from gongkai.sensitive.labelled import DecoyBuilder, DecoyedDocument, LabelledDocument
from gongkai.sensitive.model import Kind

# code, province, city, county, area code (GB/T 2260 and the national numbering plan)
_DIVISIONS = [tuple(row.split()) for row in """
330402 浙江省 嘉兴市 南湖区 0573|330411 浙江省 嘉兴市 秀洲区 0573|330421 浙江省 嘉兴市 嘉善县 0573
330424 浙江省 嘉兴市 海盐县 0573|330481 浙江省 嘉兴市 海宁市 0573|330483 浙江省 嘉兴市 桐乡市 0573
330106 浙江省 杭州市 西湖区 0571|330110 浙江省 杭州市 余杭区 0571|330302 浙江省 温州市 鹿城区 0577
330602 浙江省 绍兴市 越城区 0575|320102 江苏省 南京市 玄武区 025|320506 江苏省 苏州市 吴中区 0512
320583 江苏省 苏州市 昆山市 0512|320205 江苏省 无锡市 锡山区 0510|310104 上海市 上海市 徐汇区 021
310115 上海市 上海市 浦东新区 021|110105 北京市 北京市 朝阳区 010|110108 北京市 北京市 海淀区 010
440106 广东省 广州市 天河区 020|440305 广东省 深圳市 南山区 0755|441302 广东省 惠州市 惠城区 0752
510107 四川省 成都市 武侯区 028|420106 湖北省 武汉市 武昌区 027|430104 湖南省 长沙市 岳麓区 0731
370102 山东省 济南市 历下区 0531|370202 山东省 青岛市 市南区 0532|410105 河南省 郑州市 金水区 0371
350203 福建省 厦门市 思明区 0592|340104 安徽省 合肥市 蜀山区 0551|610113 陕西省 西安市 雁塔区 029
500103 重庆市 重庆市 渝中区 023|360102 江西省 南昌市 东湖区 0791|530102 云南省 昆明市 五华区 0871
450103 广西壮族自治区 南宁市 青秀区 0771|220102 吉林省 长春市 南关区 0431|130102 河北省 石家庄市 长安区 0311
""".replace("\n", "|").strip("|").split("|")]
_PLATE = {"浙": "ABCDEFGHJKL", "苏": "ABCDEFEH", "沪": "ABCDE", "京": "ABCEFGHJKNPQ", "粤": "ABLS",
          "川": "AB", "鄂": "AB", "湘": "A", "鲁": "AB", "豫": "A", "闽": "D", "皖": "A", "陕": "A",
          "渝": "AB", "赣": "A", "云": "A", "桂": "A", "吉": "A", "冀": "A"}
# 2020-census order with approximate shares (per mille), then rare and compound surnames.
_ABBR = {"浙江省": "浙", "江苏省": "苏", "上海市": "沪", "北京市": "京", "广东省": "粤", "四川省": "川", "湖北省": "鄂", "湖南省": "湘",
         "山东省": "鲁", "河南省": "豫", "福建省": "闽", "安徽省": "皖", "陕西省": "陕", "重庆市": "渝", "江西省": "赣", "云南省": "云",
         "广西壮族自治区": "桂", "吉林省": "吉", "河北省": "冀"}
_SURNAMES = ("王71李70张67刘54陈45杨31黄23赵22吴20周19徐17孙15马15朱14胡13郭12何12林11高11罗11"
             "郑10梁10谢8宋8唐8许7韩7冯7邓7曹7彭6曾6肖6田6董5袁5潘5于5蒋5蔡5余5杜5叶4程4苏4魏4"
             "吕4丁4任4沈4姚4卢4姜3崔3钟3谭3陆3汪3范3金3石3廖3贾3夏3韦3付3方3白3邹3孟3熊3秦3邱3"
             "江3尹3薛2闫2段2雷2侯2龙2史2陶2黎2贺2顾2毛2郝2龚2邵2万2钱2严2覃2武2戴2莫2孔2向2汤2")
_RARE = "佘禤檀亓逄笪昝仝厍蒯郗暴琚麻阙芮糜蔺濮虞嵇"
_COMPOUND = ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "申屠", "夏侯", "端木", "司徒", "闻人", "澹台", "长孙", "宇文", "呼延", "南宫"]
_GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建国红梅志鹏飞海燕晨宇浩然子涵"
          "欣怡梓轩雨萱俊峰文博佳琪思远晓东春生金凤德胜秋菊永福丹彤旭亮婷雪凯琳嘉怡振宁鑫淑珍立新")
_SYL = "东南西北新和平安康宁泰丰华兴盛民乐裕永定长青凤桥港湾湖塘溪山河林竹梅兰双城中大余嘉秀"
_ROAD = ["路", "街", "大道", "路", "巷", "弄"]
_ESTATE = ["花园", "小区", "家园", "新村", "苑", "名都", "公寓", "华庭", "雅苑"]
_HAMLET = ["家宅", "家浜", "家桥", "圩", "湾", "家埭", "庄", "家墩"]
_BANKS = [("622202", 19, "中国工商银行"), ("622848", 19, "中国农业银行"), ("621700", 19, "中国建设银行"),
          ("622588", 16, "招商银行"), ("601382", 19, "中国银行"), ("621799", 19, "中国邮政储蓄银行"),
          ("623058", 19, "平安银行"), ("622262", 19, "交通银行")]
_MOBILE = [str(p) for p in (*range(130, 140), 147, 150, 151, 152, 153, 155, 157, 158, 159, 166, 173, 176, 177,
                             *range(180, 190), 191, 198, 199) if p != 134]
_MAILS = ["qq.com", "163.com", "126.com", "sina.com", "foxmail.com", "139.com", "outlook.com", "yeah.net"]
_PINYIN = ["wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu", "hu", "guo", "he", "lin", "gao", "luo"]
_FW = str.maketrans("0123456789Xx", "０１２３４５６７８９ＸＸ")
_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def id18_check(body: str) -> str:
    """GB 11643 check character for the first 17 digits."""
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(c) * w for c, w in zip(body, weights, strict=True)) % 11]


def luhn_ok(number: str) -> bool:
    total = 0
    for i, c in enumerate(reversed(number)):
        d = int(c) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def uscc_check(body: str) -> str:
    """GB 32100 check character for the first 17 characters."""
    weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    total = sum(_USCC_CHARS.index(c) * w for c, w in zip(body, weights, strict=True))
    return _USCC_CHARS[(31 - total % 31) % 31]


def _org_check(body: str) -> str:
    """GB 11714 organisation-code check character (digits and capital letters as 10..35)."""
    total = sum(int(c, 36) * w for c, w in zip(body, [3, 7, 9, 10, 5, 8, 4, 2], strict=True))
    return {10: "X", 11: "0"}.get(11 - total % 11, str(11 - total % 11))


HoldoutCase = DecoyedDocument
_B = DecoyBuilder


class _Gen:
    """Random values of each kind, drawn from one seeded ``random.Random``."""

    def __init__(self, rng: random.Random) -> None:
        self.r = rng
        pairs: list[tuple[str, str]] = re.findall(r"(\D)(\d+)", _SURNAMES)
        self.surnames = [name for name, _ in pairs]
        self.weights = [int(share) for _, share in pairs]

    def div(self) -> tuple[str, ...]:
        return self.r.choice(_DIVISIONS)

    def surname(self) -> str:
        roll = self.r.random()
        if roll < 0.06:
            return self.r.choice(_COMPOUND)
        if roll < 0.10:
            return self.r.choice(_RARE)
        return self.r.choices(self.surnames, self.weights)[0]

    def name(self) -> str:
        given = "".join(self.r.choice(_GIVEN) for _ in range(1 if self.r.random() < 0.3 else 2))
        return self.surname() + given

    def birth(self, lo: int = 1940, hi: int = 2006) -> tuple[int, int, int]:
        return self.r.randint(lo, hi), self.r.randint(1, 12), self.r.randint(1, 28)

    def id_card(self, code: str | None = None, old: bool = False, lo: int = 1940, hi: int = 2006) -> str:
        code = code or self.div()[0]
        y, m, d = self.birth(lo, hi if not old else 1984)
        seq = f"{self.r.randint(1, 999):03d}"
        if old:
            raw = f"{code}{y % 100:02d}{m:02d}{d:02d}{seq}"
        else:
            body = f"{code}{y}{m:02d}{d:02d}{seq}"
            raw = body + id18_check(body).replace("X", self.r.choice("XXx"))
        roll = self.r.random()
        if roll < 0.12:
            return raw.translate(_FW)
        if roll < 0.22 and not old:
            return f"{raw[:6]} {raw[6:14]} {raw[14:]}"
        return raw

    def mobile(self) -> str:
        n = self.r.choice(_MOBILE) + f"{self.r.randint(0, 99999999):08d}"
        style = self.r.randint(0, 7)
        return [n, n, f"{n[:3]} {n[3:7]} {n[7:]}", f"{n[:3]}-{n[3:7]}-{n[7:]}", f"+86 {n}", f"+86-{n}",
                n.translate(_FW), f"{n[:3]}-{n[3:]}"][style]

    def landline(self, area: str) -> str:
        local = str(self.r.randint(2, 8)) + "".join(str(self.r.randint(0, 9)) for _ in range(7 if len(area) == 3 or self.r.random() < 0.8 else 6))
        ext, short = self.r.randint(800, 8999), area[1:]
        return [f"{area}-{local}", f"（{area}）{local}", f"({area}){local}", f"{area}-{local[:-4]} {local[-4:]}",
                f"+86-{short}-{local}", f"0086 {short} {local}", f"{area}-{local}转{ext}", f"{area}{local}",
                f"{area} {local}分机{ext % 100}", f"{area}-{local}".translate(_FW)][self.r.randint(0, 9)]

    def bank(self) -> tuple[str, str]:
        prefix, length, bank = self.r.choice(_BANKS)
        body = prefix + "".join(str(self.r.randint(0, 9)) for _ in range(length - len(prefix) - 1))
        number = next(body + c for c in "0123456789" if luhn_ok(body + c))
        roll = self.r.random()
        if roll < 0.25:
            number = " ".join(number[i:i + 4] for i in range(0, len(number), 4))
        elif roll < 0.4:
            number = f"{number[:6]} {number[6:]}"
        return number, bank

    def uscc(self, code: str | None = None, kind: str = "91") -> str:
        chars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
        org = "".join(self.r.choice("0123456789" if i < 6 else chars[:28]) for i in range(8))
        body = kind + (code or self.div()[0]) + org + _org_check(org)
        return body + uscc_check(body)

    def passport(self) -> str:
        digits, letter = "".join(str(self.r.randint(0, 9)) for _ in range(8)), self.r.choice("ABCDEFGHJKLMNPQRSTUVWXY")
        return self.r.choices(["E" + digits, "E" + letter + digits[:7], "G" + digits, "C" + digits], [35, 20, 15, 30])[0]

    def plate(self, prov: str) -> str:
        province = _ABBR[prov]
        letter = self.r.choice(_PLATE[province])
        alnum = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"
        if self.r.random() < 0.25:
            tail = self.r.choice("DF") + "".join(str(self.r.randint(0, 9)) for _ in range(5))
        else:
            tail = "".join(self.r.choice(alnum if i in (1, 2) else "0123456789") for i in range(5))
        return province + letter + self.r.choice(["", "", "", "·", " "]) + tail

    def email(self) -> str:
        words = self.r.choice(_PINYIN) + self.r.choice(["", ".", "_"]) + self.r.choice(_PINYIN) + str(self.r.randint(1, 2005))
        return f"{str(self.r.randint(10000, 3999999999)) if self.r.random() < 0.35 else words}@{self.r.choice(_MAILS)}"

    def place(self, n: int = 2) -> str:
        return "".join(self.r.sample(_SYL, n))

    def address(self, division: tuple[str, ...] | None = None, style: int | None = None) -> str:
        _, prov, city, county, _ = division or self.div()
        style = self.r.randint(0, 5) if style is None else style
        municipality = prov == city
        top = [prov + ("" if municipality else city) + county, city + county, county,
               ("" if municipality else city) + county][self.r.randint(0, 3)]
        if style <= 1:   # street address in town
            road = self.place() + self.r.choice(_ROAD)
            return f"{top}{self.place()}街道{road}{self.r.randint(1, 999)}号"
        if style == 2:  # compound with 幢/栋/单元/室
            return (f"{top}{self.place()}{self.r.choice(_ESTATE)}{self.r.randint(1, 40)}{self.r.choice('幢栋')}"
                    f"{self.r.randint(1, 6)}单元{self.r.randint(1, 32)}0{self.r.randint(1, 4)}室")
        if style == 3:  # rural with 组
            return f"{top}{self.place()}镇{self.place()}村{self.r.randint(1, 15)}组{self.r.randint(1, 80)}号"
        if style == 4:  # rural with 自然村
            return f"{top}{self.place()}镇{self.place()}村{self.surname()[0]}{self.r.choice(_HAMLET)}{self.r.randint(1, 99)}号"
        return f"{top}{self.place()}路{self.r.randint(1, 999)}弄{self.r.randint(1, 90)}号{self.r.randint(1, 6)}0{self.r.randint(1, 4)}室"

    def date(self) -> str:
        return f"{self.r.randint(2019, 2025)}年{self.r.randint(1, 12)}月{self.r.randint(1, 28)}日"

    def amount(self) -> str:
        v = self.r.randint(100, 9999999)
        return self.r.choice([f"{v / 100:,.2f}元", f"{v // 100}元", f"人民币{v}元"])

    def masked(self) -> str:
        tail = self.r.randint(1000, 9999)
        return [f"{self.div()[0]}********{tail}", f"{self.r.choice(_MOBILE)}****{tail}", self.surname() + "*" * self.r.randint(1, 2),
                f"6222****{tail}"][self.r.randint(0, 3)]

    def mou(self) -> str:
        return self.surname() + self.r.choice(["某", "某某", "某甲", "某乙"])

    def docno(self, abbr: str) -> str:
        return f"{abbr}〔{self.r.randint(2019, 2025)}〕{self.r.randint(1, 300)}号"

    def caseno(self, code: str, kind: str = "行初") -> str:
        return f"（{self.r.randint(2019, 2025)}）{self.r.choice(list(_PLATE))}{code[2:]}{kind}{self.r.randint(1, 999)}号"

    def index_no(self) -> str:
        return f"{self.r.randint(100000000, 999999999)}/{self.r.randint(2019, 2025)}-{self.r.randint(1, 99999):05d}"

    def agency_addr(self, division: tuple[str, ...]) -> str:
        return f"{division[2]}{division[3]}{self.place()}路{self.r.randint(1, 500)}号{self.r.choice(['行政中心', '政务服务中心', '', ''])}"


def _reconsideration(g: _Gen, b: _B) -> None:
    dv = g.div()
    b.t(f"{dv[2]}人民政府\n行政复议决定书\n").d("文号", g.docno(dv[3][:1] + "政复决字")).t("\n申请人：")
    b.e(Kind.PERSON_NAME, g.name()).t("，" + g.r.choice("男女") + "，身份证号码").e(Kind.ID_CARD, g.id_card(dv[0]))
    b.t("，住").e(Kind.ADDRESS, g.address(dv)).t("。\n" + g.r.choice(["委托代理人", "代理人", "委托诉讼代理人"]) + "：").e(Kind.PERSON_NAME, g.name())
    b.t("，联系电话").e(Kind.MOBILE_PHONE, g.mobile()).t("。\n被申请人：" + dv[3] + "人民政府，住所地").d("机关地址", g.agency_addr(dv))
    third = g.name()
    b.t("。\n第三人：").e(Kind.PERSON_NAME, third).t("，住").e(Kind.ADDRESS, g.address(dv)).t("。\n申请人不服被申请人于")
    b.d("日期", g.date()).t("作出的").d("文号", g.docno(dv[3][:1] + "政告")).t("，向本机关申请行政复议。经查，")
    b.e(Kind.PERSON_NAME, third).t("于").d("日期", g.date()).t("取得案涉房屋，").d("姓名(某)", g.mou())
    b.t("系其邻居。本机关认为，申请人的请求缺乏事实依据，决定维持。\n本决定书送达之日起十五日内可向人民法院提起诉讼。\n")
    b.d("日期", g.date())


def _complaint(g: _Gen, b: _B) -> None:
    dv = g.div()
    b.t("民事起诉状（副本）\n案号：").d("案号", g.caseno(dv[0], "民初")).t("\n原告：").e(Kind.PERSON_NAME, g.name())
    b.t("，" + g.r.choice(["汉族", "回族", "满族"]) + "，").d("日期", f"{g.r.randint(1950, 1999)}年{g.r.randint(1, 12)}月{g.r.randint(1, 28)}日").t("出生，公民身份号码：")
    b.e(Kind.ID_CARD, g.id_card(dv[0], old=g.r.random() < 0.3)).t("，住所地").e(Kind.ADDRESS, g.address(dv))
    b.t("，手机").e(Kind.MOBILE_PHONE, g.mobile()).t("\n被告：").e(Kind.PERSON_NAME, g.name()).t("，住")
    b.e(Kind.ADDRESS, g.address(dv)).t("，电话").e(Kind.LANDLINE_PHONE, g.landline(dv[4]))
    b.t("\n诉讼请求：判令被告返还借款").d("金额", g.amount()).t("。款项汇入原告")
    number, bank = g.bank()
    b.t(bank + "账户").e(Kind.BANK_CARD, number).t("。\n此致\n" + dv[3] + "人民法院\n具状人：").e(Kind.PERSON_NAME, g.name())


def _village_board(g: _Gen, b: _B) -> None:
    dv = g.div()
    town, village = g.place() + "镇", g.place() + "村"
    item = g.r.choice(["最低生活保障", "农村危房改造", "宅基地审批"])
    b.t(f"{village}村务公开栏\n{item}名单公示（第{g.r.randint(1, 4)}季度）\n户主 | 身份证号 | 家庭住址 | 人口 | 金额\n")
    for _ in range(g.r.randint(3, 7)):
        b.e(Kind.PERSON_NAME, g.name()).t(" | ").e(Kind.ID_CARD, g.id_card(dv[0], old=g.r.random() < 0.35)).t(" | ")
        b.e(Kind.ADDRESS, f"{village}{g.r.randint(1, 12)}组{g.r.randint(1, 60)}号" if g.r.random() < 0.5 else f"{dv[3]}{town}{village}{g.surname()[0]}{g.r.choice(_HAMLET)}{g.r.randint(1, 40)}号")
        b.t(f" | {g.r.randint(1, 6)} | ").d("金额", g.amount()).t("\n")
    b.t("公示期七天，如有异议请向村监督委员会反映，或拨打监督电话").d("热线", g.r.choice(["12345", "12317", dv[4] + "-12345"]))
    b.t("。\n" + village + "村民委员会 ").d("日期", g.date())


def _resettlement(g: _Gen, b: _B) -> None:
    dv = g.div()
    b.t(f"{dv[3]}{g.place()}地块征收项目安置房分配结果公示\n序号 被征收人 原房屋坐落 安置房号 不动产单元号\n")
    for i in range(1, g.r.randint(3, 6) + 1):
        b.t(f"{i} ").e(Kind.PERSON_NAME, g.name()).t(" ").e(Kind.ADDRESS, g.address(dv, g.r.choice([3, 4])))
        b.t(f" {g.r.randint(1, 30)}幢{g.r.randint(1, 3)}单元{g.r.randint(2, 18)}0{g.r.randint(1, 4)}室 ")
        b.d("不动产单元号", f"{dv[0]}{g.r.randint(1, 9):03d}{g.r.randint(1, 9):03d}GB{g.r.randint(1, 99999):05d}F{g.r.randint(1, 99999999):08d}").t("\n")
    b.t("联系地址：").d("机关地址", g.agency_addr(dv)).t("，咨询电话").d("热线", "12345").t("。\n")


def _pension_roll(g: _Gen, b: _B) -> None:
    dv = g.div()
    b.t(f"{dv[3]}城乡居民基本养老保险待遇发放名册（{g.r.randint(2019, 2025)}年{g.r.randint(1, 12)}月）\n")
    for _ in range(g.r.randint(3, 6)):
        number, bank = g.bank()
        b.t("姓名：").e(Kind.PERSON_NAME, g.name()).t("；证件号：").e(Kind.ID_CARD, g.id_card(dv[0], lo=1930, hi=1960))
        b.t(f"；发放银行：{bank}；卡号：").e(Kind.BANK_CARD, number).t("；金额：").d("金额", g.amount()).t("\n")
    b.t(g.r.choice(["制表：", "经办人：", "制表人 "])).e(Kind.PERSON_NAME, g.name()).t(g.r.choice(["  审核：", "  复核人：", "  负责人 "])).e(Kind.PERSON_NAME, g.name()).t("  ").d("日期", g.date())


def _deregistration(g: _Gen, b: _B) -> None:
    dv = g.div()
    shop = g.place() + g.r.choice(["五金店", "副食品店", "理发店", "餐饮店", "电动车维修部"])
    b.t(f"注销公告\n{dv[3]}{shop}（个体工商户），统一社会信用代码：").e(Kind.USCC, g.uscc(dv[0], "92"))
    b.t("，经营者：").e(Kind.PERSON_NAME, g.name()).t("，经营场所：").e(Kind.ADDRESS, g.address(dv))
    b.t("。经营者决定注销，请债权人自公告之日起45日内申报债权。联系人：").e(Kind.PERSON_NAME, g.name())
    if g.r.random() < 0.6:
        b.t("，联系电话：").e(Kind.MOBILE_PHONE, g.mobile())
    else:
        b.t("，联系电话：").e(Kind.LANDLINE_PHONE, g.landline(dv[4]))
    b.t("\n").d("日期", g.date())


def _debtor_list(g: _Gen, b: _B) -> None:
    dv = g.div()
    b.t(f"{dv[3]}人民法院失信被执行人名单（第{g.r.randint(1, 40)}批）\n")
    for _ in range(g.r.randint(3, 6)):
        if g.r.random() < 0.3:
            company = f"{dv[2][:-1]}{g.place()}{g.r.choice(['贸易', '建材', '物流'])}有限公司"
            b.t(f"被执行人：{company}，统一社会信用代码").e(Kind.USCC, g.uscc(dv[0])).t("，法定代表人")
            b.e(Kind.PERSON_NAME, g.name())
        else:
            b.t("被执行人：").e(Kind.PERSON_NAME, g.name()).t("，身份证号").e(Kind.ID_CARD, g.id_card(dv[0]))
        b.t("，执行依据").d("案号", g.caseno(dv[0], "执")).t("，未履行金额").d("金额", g.amount()).t("。\n")
    b.t("举报电话：").d("热线", "12368").t("。")


def _recruitment(g: _Gen, b: _B) -> None:
    dv = g.div()
    b.t(f"{dv[3]}{g.r.choice(['事业单位', '社区工作者', '教师'])}招聘拟录用人员公示\n姓名、性别、毕业院校、准考证号、岗位\n")
    for _ in range(g.r.randint(4, 8)):
        b.e(Kind.PERSON_NAME, g.name()).t("、" + g.r.choice("男女") + "、" + g.r.choice(["浙江大学", "华东师范大学", "四川大学", "嘉兴学院", "湖州师范学院", "武汉大学"]) + "、")
        b.d("准考证号", f"{g.r.randint(2020, 2025)}{g.r.randint(1000000, 9999999)}{g.r.randint(10, 99)}").t(f"、岗位{g.r.randint(1, 30):02d}\n")
    b.t("公示期间如有异议，请向").d("机关", dv[3] + "人力资源和社会保障局").t("反映，地址：").d("机关地址", g.agency_addr(dv)).t("。")


def _disclosure_reply(g: _Gen, b: _B) -> None:
    dv = g.div()
    name = g.name()
    b.t(f"{dv[3]}人民政府办公室\n政府信息公开申请答复书\n").d("文号", g.docno(dv[3][:1] + "政办依复")).t("\n")
    b.e(Kind.PERSON_NAME, name).t("：\n您于").d("日期", g.date()).t("通过信函提交的政府信息公开申请收悉（申请人身份证号")
    b.e(Kind.ID_CARD, g.id_card()).t("，通讯地址").e(Kind.ADDRESS, g.address(style=g.r.randint(0, 5))).t("，邮编")
    b.t(f"{g.r.randint(100000, 999999)}，电子邮箱").e(Kind.EMAIL, g.email()).t("，电话").e(Kind.LANDLINE_PHONE, g.landline(dv[4]))
    b.t("）。经审查，您申请的信息属于公开范围，现予提供（索引号：").d("索引号", g.index_no()).t("）。\n")
    b.t("如对本答复不服，可依法申请行政复议。\n联系人：").d("小X", "小" + g.surname()[0]).t("（经办人").e(Kind.PERSON_NAME, g.name()).t("）\n")
    b.t("附：邮寄给").e(Kind.PERSON_NAME, name).t("的EMS单号").d("单号", f"1{g.r.randint(10**11, 10**12 - 1)}").t("。")


def _hotline(g: _Gen, b: _B) -> None:
    dv = g.div()
    b.t(f"{dv[2]}12345政务服务便民热线工单转办单\n工单编号：").d("工单号", f"{g.r.randint(2019, 2025)}{g.r.randint(10**9, 10**10 - 1)}")
    b.t("\n来电人：").e(Kind.PERSON_NAME, g.name()).t("  来电号码：").e(Kind.MOBILE_PHONE, g.mobile())
    b.t("\n诉求地址：").e(Kind.ADDRESS, g.address(dv, g.r.choice([2, 5]))).t("\n诉求内容：市民反映楼下车辆")
    b.e(Kind.LICENSE_PLATE, g.plate(dv[1])).t("长期占用消防通道，" + g.r.choice(["多次联系车主", "物业告知车主为", "经核实车主系"])).e(Kind.PERSON_NAME, g.name())
    b.t("未果，希望").d("机关", dv[3] + "综合行政执法局").t("处理。另留备用邮箱").e(Kind.EMAIL, g.email())
    b.t("。\n承办单位请于").d("日期", g.date()).t("前回复，热线电话").d("热线", dv[4] + "-12345").t("。")


def _student_aid(g: _Gen, b: _B) -> None:
    dv = g.div()
    school = f"{dv[3]}{g.place()}{g.r.choice(['中学', '小学', '职业技术学校'])}"
    b.t(f"{school}{g.r.randint(2019, 2025)}学年国家助学金受助学生名单\n")
    for _ in range(g.r.randint(4, 8)):
        b.t(f"{g.r.randint(1, 3)}年级{g.r.randint(1, 12)}班 ").e(Kind.PERSON_NAME, g.name()).t(" ")
        b.e(Kind.ID_CARD, g.id_card(dv[0], lo=2005, hi=2018)).t(" 资助").d("金额", f"{g.r.choice([1000, 1500, 2000, 2500])}元").t("\n")
    b.t("监护人联系电话统一由" + g.r.choice(["班主任", "资助专管员", "联系老师"])).e(Kind.PERSON_NAME, g.name()).t("（").e(Kind.MOBILE_PHONE, g.mobile()).t("）核实。")


def _penalty_table(g: _Gen, b: _B) -> None:
    dv = g.div()
    b.t("行政处罚结果公开表\n决定书文号|当事人|证件号码|违法事实|处罚内容|决定日期\n")
    for _ in range(g.r.randint(3, 6)):
        b.d("文号", g.docno(dv[3][:1] + g.r.choice(["市监", "交", "环"]) + "罚")).t("|")
        if g.r.random() < 0.4:
            b.t(f"{dv[2][:-1]}{g.place()}{g.r.choice(['餐饮', '商贸', '科技'])}有限公司（法定代表人").e(Kind.PERSON_NAME, g.name()).t(")|")
            b.e(Kind.USCC, g.uscc(dv[0])).t("|")
        else:
            b.e(Kind.PERSON_NAME, g.name()).t("|").e(Kind.ID_CARD, g.id_card(dv[0])).t("|")
        b.t(g.r.choice(["无证经营", "超限运输", "销售过期食品"]) + "，车辆").e(Kind.LICENSE_PLATE, g.plate(dv[1]))
        b.t("|罚款").d("金额", g.amount()).t("|").d("日期", g.date()).t("\n")


def _procurement(g: _Gen, b: _B) -> None:
    dv = g.div()
    b.t(f"政府采购合同公告\n项目编号：{dv[0]}-ZC{g.r.randint(2019, 2025)}-{g.r.randint(1, 999):03d}\n采购人：")
    b.d("机关", dv[3] + g.r.choice(["教育局", "卫生健康局", "农业农村局"])).t("，地址：").d("机关地址", g.agency_addr(dv))
    b.t("\n供应商：" + g.place() + "科技有限公司，统一社会信用代码").e(Kind.USCC, g.uscc()).t("，地址：")
    b.d("单位地址", f"{g.div()[2]}{g.place()}产业园{g.r.randint(1, 20)}号楼")
    b.t("\n合同金额：").d("金额", g.amount()).t("\n供应商项目负责人：").e(Kind.PERSON_NAME, g.name()).t("，手机")
    b.e(Kind.MOBILE_PHONE, g.mobile()).t("，邮箱").e(Kind.EMAIL, g.email()).t("\n签订日期：").d("日期", g.date())


def _marriage_reply(g: _Gen, b: _B) -> None:
    dv = g.div()
    a, c = g.name(), g.name()
    b.t(f"{dv[3]}民政局\n婚姻登记档案查询结果告知书\n").e(Kind.PERSON_NAME, a).t("（护照号").e(Kind.PASSPORT, g.passport())
    b.t("）：\n经查询本局婚姻登记档案，").e(Kind.PERSON_NAME, a).t("（公民身份号码").e(Kind.ID_CARD, g.id_card(lo=1950, hi=1985))
    b.t("）与").e(Kind.PERSON_NAME, c).t("于").d("日期", g.date()).t("登记结婚，结婚证字号").d("证号", f"J{dv[0]}-{g.r.randint(2000, 2025)}-{g.r.randint(1, 9999):06d}")
    b.t("。").e(Kind.PERSON_NAME, c).t("现持港澳通行证").e(Kind.PASSPORT, "C" + f"{g.r.randint(0, 10**8 - 1):08d}")
    b.t("。查询人" + g.r.choice(["委托", "授权其子", "已委托律师"])).e(Kind.PERSON_NAME, g.name()).t("代为领取，其电话").e(Kind.LANDLINE_PHONE, g.landline(dv[4])).t("。\n")
    b.d("日期", g.date())


def _running_text(g: _Gen, b: _B) -> None:
    dv = g.div()
    actor = g.name()
    b.t(f"关于{dv[3]}{g.place()}社区信访事项的处理意见\n").d("文号", g.docno(dv[3][:1] + "信复")).t("\n经查，")
    b.e(Kind.PERSON_NAME, actor).t("于").d("日期", g.date()).t("在").e(Kind.ADDRESS, g.address(dv, 2)).t("装修时，" + g.r.choice(["与邻居", "与承租人", "同其胞弟"]))
    b.e(Kind.PERSON_NAME, g.name()).t("发生纠纷。").d("姓名(某)", g.mou()).t("、").d("姓名(某)", g.mou()).t("到场劝阻。社区网格员")
    b.d("小X", g.r.choice(["小", "老"]) + g.surname()[0]).t("多次上门。").e(Kind.PERSON_NAME, actor).t("表示愿意赔偿").d("金额", g.amount())
    b.t("，款项转入").e(Kind.BANK_CARD, g.bank()[0]).t("。其车辆").e(Kind.LICENSE_PLATE, g.plate(dv[1])).t("已移出。信访人可拨打")
    b.e(Kind.MOBILE_PHONE, g.mobile()).t("联系代理人，或致电").d("热线", "12345").t("。办公地址：").d("机关地址", g.agency_addr(dv)).t("。")


def _masked_notice(g: _Gen, b: _B) -> None:
    dv = g.div()
    b.t(f"{dv[3]}{g.r.choice(['医疗救助', '临时救助', '残疾人两项补贴'])}发放公示（已脱敏）\n")
    for _ in range(g.r.randint(3, 6)):
        b.t("姓名：").d("脱敏", g.surname() + "*" * g.r.randint(1, 2)).t("，证件：").d("脱敏", g.masked()).t("，手机：")
        b.d("脱敏", f"{g.r.choice(_MOBILE)}****{g.r.randint(1000, 9999)}").t("，金额").d("金额", g.amount()).t("\n")
    b.t("审核人：").e(Kind.PERSON_NAME, g.name()).t("；出境人员护照").e(Kind.PASSPORT, g.passport()).t("已核验。")


_TEMPLATES = [("行政复议决定书", _reconsideration), ("起诉状副本", _complaint), ("村务公开栏", _village_board),
              ("安置房分配公示", _resettlement), ("养老金发放名册", _pension_roll), ("注销公告", _deregistration),
              ("失信被执行人名单", _debtor_list), ("拟录用人员公示", _recruitment), ("信息公开答复书", _disclosure_reply),
              ("12345工单", _hotline), ("学生资助名单", _student_aid), ("行政处罚结果公开表", _penalty_table),
              ("政府采购合同公告", _procurement), ("婚姻登记查询回复", _marriage_reply), ("信访处理意见", _running_text),
              ("脱敏救助公示", _masked_notice)]


def holdout_cases(seed: int = 20261207, per_template: int = 20) -> list[HoldoutCase]:
    """``per_template`` documents of each kind with their decoy spans (deterministic for ``seed``)."""
    rng = random.Random(seed)
    gen = _Gen(rng)
    cases = []
    for _ in range(per_template):
        for genre, template in _TEMPLATES:
            builder = _B()
            template(gen, builder)
            cases.append(builder.case(genre))
    return cases


def holdout_corpus(seed: int = 20261207, per_template: int = 20) -> list[LabelledDocument]:
    """The labelled documents alone (for ``labelled.evaluate``)."""
    return [case.document for case in holdout_cases(seed, per_template)]

"""An independent labelled corpus: agency documents assembled from paragraph grammars.

Written without reading the detector (only ``model.Kind`` and ``labelled``'s format), so that it
cannot be fitted to the detector's patterns (issue 14, "a second corpus, written by someone other
than the detector's author, by another method"). Each document is built the way its real published
kind is laid out -- 行政处罚决定书 (当事人 block, 违法事实, 处罚依据, 救济途径), 政府信息公开申请表
(table cells and "姓名：" lines), 公示/补贴发放名单, 最低生活保障公示, 信访事项答复意见书, 会议纪要,
行政许可决定书, 征收补偿公告, 不动产登记公告, 法律文书送达回证, 采购中标公告, 交通违法公告 -- from
clause alternatives chosen by a seeded ``random.Random``; values come from realistic distributions
(surnames weighted by the public census ranking, compound surnames at their small real rates, real
GB/T 2260 divisions and codes, real long-distance area codes, valid check digits).

Labelling guide
---------------
* The span is exactly the value: a name without its role cue or title (``申请人：王小明`` -> ``王小明``;
  ``区发改局李强`` -> ``李强``); every mention of a name is labelled, including signatures, list and
  table cells and later mentions.
* 身份证号: 18-digit numbers with a valid GB 11643 check digit, 15-digit first-generation numbers
  (region code + yymmdd + 3 digits), ASCII or full-width digits, occasionally grouped 6-8-4 with
  spaces (the span covers the spaces).
* 手机号 / 固定电话: the whole dialable string, including ``+86``/``0086``, an area code in
  brackets (the brackets are inside the span) and an extension (``转8023``, ``分机8023``, ``-8023``).
  Every landline with its area code is labelled, whether a person's desk line or an office line in a
  ``联系人`` line: a reader cannot tell them apart. Short public service numbers (12345, 12315,
  12369, 12366) are not personal data and are decoys.
* 银行卡号: Luhn-valid 16/19-digit card numbers, plain or grouped (4-4-4-4-3, 6+13).
* 统一社会信用代码: a party's code with a valid GB 32100 check character. The code that opens a
  索引号 (``11330400002566372X/2024-00123``) identifies the publishing agency and is a decoy.
* 护照/通行证: E/G-series passports and C-series 往来港澳通行证 numbers.
* 机动车号牌: ``浙F·12345``, ``浙F12345``, new-energy ``浙FD12345``/``浙F12345D``.
* 地址: a detailed address of a party (a person, a household or a business), from its first
  division or street word to its last house/room token (号, 室, 组, 弄…). Agency addresses never
  appear. A road or area named as a place reference without a house number (``中山路与禾兴路交叉口``,
  ``解放路改造工程``) is a decoy, as are agency names that contain place names.
* Decoys (never labelled, recorded with their span): 文号, 索引号, amounts, dates, statistics,
  article numbers, masked values (``110***********1234``, ``138****8000``, ``张某``, ``王某某``,
  ``王*明``), postcodes, permit and 不动产单元号 numbers, project numbers, hotlines, agency names.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from gongkai.sensitive.labelled import Builder, LabelledDocument
from gongkai.sensitive.model import Kind

SEED = 20261207
SIZE = 440


@dataclass(frozen=True, slots=True)
class Decoy:
    """A value that looks like personal data but is not, with its span in the document."""

    category: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class IndependentDocument:
    document: LabelledDocument
    decoys: tuple[Decoy, ...]


class _Doc(Builder):
    def __init__(self) -> None:
        super().__init__()
        self.decoys: list[Decoy] = []

    def t(self, *texts: str) -> _Doc:
        super().t(*texts)
        return self

    def e(self, kind: Kind, text: str) -> _Doc:
        super().e(kind, text)
        return self

    def d(self, category: str, text: str) -> _Doc:
        self.decoys.append(Decoy(category, self.length, self.length + len(text), text))
        self.t(text)
        return self


# --- check digits (written here from the standards, independent of the detector's own) ---------

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_FULL = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")
_HALF = str.maketrans("０１２３４５６７８９ＸＤＦ", "0123456789XDF")


def id_check_digit(first17: str) -> str:
    """GB 11643-1999 check character of an 18-digit citizen identity number."""
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True))
    return "10X98765432"[total % 11]


def uscc_check_char(first17: str) -> str:
    """GB 32100-2015 check character of a unified social credit code."""
    total = sum(_USCC_CHARS.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return _USCC_CHARS[(31 - total % 31) % 31]


def luhn_valid(digits: str) -> bool:
    total = 0
    for i, c in enumerate(reversed(digits)):
        n = int(c)
        if i % 2:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


def to_halfwidth(text: str) -> str:
    return text.translate(_HALF)


# --- distributions ----------------------------------------------------------------------------

# Share of the population in per cent, after the public ranking of surnames (2020 census release,
# rounded); compound surnames at their small real rates.
_SURNAME_TABLE = """
王:7.12 李:7.0 张:6.74 刘:5.1 陈:4.61 杨:3.22 黄:2.45
赵:2.19 吴:2.08 周:2.01 徐:1.67 孙:1.54 马:1.44 朱:1.35
胡:1.31 郭:1.18 何:1.14 林:1.13 高:1.08 罗:1.07 郑:0.97
梁:0.94 谢:0.76 宋:0.7 唐:0.69 许:0.66 韩:0.65 邓:0.64
冯:0.64 曹:0.6 彭:0.58 曾:0.56 肖:0.55 田:0.53 董:0.5
潘:0.48 袁:0.47 蔡:0.46 蒋:0.45 余:0.44 于:0.43 杜:0.42
叶:0.42 程:0.4 魏:0.38 苏:0.37 吕:0.36 丁:0.35 任:0.35
卢:0.34 姚:0.33 沈:0.33 钟:0.32 姜:0.32 崔:0.31 谭:0.3
陆:0.3 范:0.28 汪:0.28 廖:0.27 石:0.27 金:0.26 韦:0.26
贾:0.26 夏:0.25 付:0.25 方:0.25 邹:0.24 熊:0.24 白:0.23
孟:0.23 秦:0.22 邱:0.22 侯:0.21 江:0.21 尹:0.2 薛:0.2
闫:0.19 段:0.18 雷:0.18 龙:0.17 黎:0.17 史:0.16 陶:0.16
贺:0.15 毛:0.15 郝:0.15 顾:0.15 龚:0.14 邵:0.14 万:0.13
覃:0.13 武:0.13 钱:0.13 戴:0.12 严:0.12 莫:0.12 孔:0.11
向:0.11 常:0.11 汤:0.1 康:0.1 易:0.1 乔:0.1 赖:0.1 文:0.1
施:0.09 洪:0.09 辛:0.05 柴:0.05 褚:0.04 屠:0.04 欧阳:0.08
司徒:0.02 上官:0.01 司马:0.01 诸葛:0.01 申屠:0.004 皇甫:0.005
东方:0.003 令狐:0.002 慕容:0.001
"""
_SURNAMES: tuple[tuple[str, float], ...] = tuple(
    (name, float(share)) for name, share in (pair.split(":") for pair in _SURNAME_TABLE.split())
)
_SURNAME_NAMES = [s for s, _ in _SURNAMES]
_SURNAME_WEIGHTS = [w for _, w in _SURNAMES]
_GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚英华玉兰红梅建国文辉志新海林斌宇浩凯鹏飞俊晨欣怡"
    "雨婷佳琪涵轩诺思远然豪嘉晓东春燕金凤秋月立群永福德胜长青珍淑芬桂香荣亮成彬琳颖慧倩婉雪"
    "振宏宗耀泽阳瑞峰松柏云龙虎昊睿哲博晗铭楠萱妍悦卫忠良玲莉萍蓉坤鑫鸿达"
)
_GIVEN_PAIRS = (
    "建国",
    "秀英",
    "桂英",
    "玉兰",
    "秀兰",
    "志强",
    "海燕",
    "春花",
    "国庆",
    "建华",
    "子涵",
    "梓轩",
    "一诺",
    "浩然",
    "欣怡",
    "雨桐",
    "思远",
    "晓东",
    "卫东",
    "红梅",
)


@dataclass(frozen=True, slots=True)
class _Region:
    province: str  # "" below a municipality
    city: str
    county: str
    code: str
    area: str
    towns: tuple[str, ...]
    roads: tuple[str, ...]


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# province (- below a municipality), city, county, GB/T 2260 code, area code, towns, roads
_REGION_TABLE = """
浙江省 嘉兴市 南湖区 330402 0573 凤桥镇,余新镇,新丰镇,大桥镇,七星街道 禾兴南路,中山东路,南湖路,紫阳街,越秀南路
浙江省 嘉兴市 秀洲区 330411 0573 王江泾镇,油车港镇,新塍镇,洪合镇 秀洲路,洪兴路,中山西路,新塍镇北大街
浙江省 嘉兴市 嘉善县 330421 0573 西塘镇,姚庄镇,天凝镇,干窑镇,魏塘街道 施家南路,体育南路,谈公路
浙江省 嘉兴市 海盐县 330424 0573 沈荡镇,百步镇,于城镇,澉浦镇,武原街道 盐湖路,朝阳东路,新桥北路
浙江省 嘉兴市 海宁市 330481 0573 许村镇,长安镇,袁花镇,斜桥镇,硖石街道 文苑南路,海昌南路,水月亭西路
浙江省 嘉兴市 平湖市 330482 0573 新埭镇,林埭镇,乍浦镇,独山港镇,当湖街道 胜利路,东湖大道,解放西路
浙江省 嘉兴市 桐乡市 330483 0573 乌镇镇,濮院镇,崇福镇,洲泉镇,梧桐街道 庆丰南路,复兴路,振兴东路
浙江省 杭州市 西湖区 330106 0571 三墩镇,转塘街道,蒋村街道 文三路,教工路,天目山路,古墩路,莫干山路
浙江省 杭州市 余杭区 330110 0571 径山镇,黄湖镇,瓶窑镇,仓前街道 文一西路,临平大道,五常大道
浙江省 杭州市 桐庐县 330122 0571 分水镇,富春江镇,横村镇 迎春南路,学圣路
浙江省 湖州市 德清县 330521 0572 新市镇,乾元镇,禹越镇,洛舍镇 武康街道永安街,千秋街
浙江省 湖州市 安吉县 330523 0572 孝丰镇,天荒坪镇,梅溪镇,递铺街道 昌硕东路,天目路
浙江省 绍兴市 诸暨市 330681 0575 枫桥镇,店口镇,大唐街道,次坞镇 艮塔西路,浣东北路
浙江省 金华市 义乌市 330782 0579 佛堂镇,苏溪镇,上溪镇,稠城街道 工人北路,宾王路,稠州北路
浙江省 宁波市 余姚市 330281 0574 泗门镇,马渚镇,陆埠镇,梨洲街道 阳明西路,舜水南路
浙江省 温州市 瑞安市 330381 0577 塘下镇,飞云街道,马屿镇 万松路,瑞祥大道
- 北京市 朝阳区 110105 010 南磨房乡,金盏乡,高碑店乡 建国路,朝阳北路,光华路,左家庄北里
- 北京市 海淀区 110108 010 温泉镇,苏家坨镇,西北旺镇 中关村大街,学院路,万泉河路
- 上海市 浦东新区 310115 021 川沙新镇,惠南镇,周浦镇,祝桥镇 张杨路,东方路,浦东南路,世纪大道
- 上海市 闵行区 310112 021 七宝镇,颛桥镇,马桥镇 沪闵路,莘松路
- 重庆市 渝中区 500103 023 解放碑街道,化龙桥街道 中山三路,民生路
江苏省 苏州市 昆山市 320583 0512 周庄镇,千灯镇,淀山湖镇,巴城镇 前进西路,人民南路,柏庐中路
江苏省 无锡市 宜兴市 320282 0510 丁蜀镇,和桥镇,官林镇 人民中路,阳泉西路
江苏省 南京市 玄武区 320102 025 玄武门街道,孝陵卫街道 中山路,北京东路,龙蟠路
安徽省 合肥市 蜀山区 340104 0551 南岗镇,小庙镇,井岗镇 长江西路,黄山路
福建省 厦门市 思明区 350203 0592 鼓浪屿街道,莲前街道 湖滨南路,厦禾路
山东省 青岛市 市南区 370202 0532 八大关街道,湛山街道 香港中路,东海西路
河南省 郑州市 金水区 410105 0371 杨金路街道,丰庆路街道 花园路,经三路,农业路
湖北省 武汉市 武昌区 420106 027 水果湖街道,中南路街道 中北路,武珞路
湖南省 长沙市 岳麓区 430104 0731 莲花镇,雨敞坪镇 麓山南路,枫林二路
广东省 广州市 天河区 440106 020 石牌街道,棠下街道 天河路,体育西路,中山大道西
广东省 深圳市 南山区 440305 0755 粤海街道,西丽街道 科技南路,南海大道
四川省 成都市 武侯区 510107 028 簇锦街道,玉林街道 人民南路四段,武侯祠大街
陕西省 西安市 雁塔区 610113 029 鱼化寨街道,曲江街道 长安南路,小寨东路
河北省 石家庄市 长安区 130102 0311 西兆通镇,南村镇 中山东路,建设北大街
辽宁省 沈阳市 和平区 210102 024 浑河站街道,长白街道 南京北街,太原北街
江西省 南昌市 东湖区 360102 0791 扬子洲镇,百花洲街道 八一大道,阳明路
云南省 昆明市 五华区 530102 0871 沙朗街道,厂口街道 人民中路,青年路
广西壮族自治区 南宁市 青秀区 450103 0771 长塘镇,伶俐镇 民族大道,东葛路
甘肃省 兰州市 城关区 620102 0931 雁滩街道,皋兰路街道 庆阳路,张掖路
"""
_REGIONS: tuple[_Region, ...] = tuple(
    _Region(p.strip("-"), c, k, code, area, tuple(towns.split(",")), tuple(roads.split(",")))
    for p, c, k, code, area, towns, roads in (line.split() for line in _REGION_TABLE.strip().splitlines())
)
_VILLAGES = _words(
    """
    联丰村 新星村 永红村 胜利村 东风村 三星村 红旗村 新民村 湘家荡村 建设村 五圣村 曙光村
    金星村 荷花村 长春村 新农村 永丰村 双桥村
"""
)
_NATURAL = _words(
    """
    张家宅 西圩 陆家浜 北埭 沈家桥 东港 徐家角 南湾 钱家浜 朱家埭 庙前 后村 王家门 顾家兜
    塘湾
"""
)
_COMPOUNDS = _words(
    """
    阳光花园 金色家园 名都 锦绣华庭 香樟苑 桂花园 东方明珠苑 嘉禾花园 世纪新城 和平小区
    南湖春晓 翰林府 绿洲公寓 新城花苑 万科城
"""
)
_MOBILE_PREFIXES = _words(
    """
    130 131 132 133 134 135 136 137 138 139 147 150 151 152 153 155 156 157 158 159 166 173
    177 180 181 182 183 185 186 187 188 189 191 198 199
    """
)
_BINS = _words(
    """
    622202 621700 622848 621661 622588 621483 623668 622908 621799 625965 622262
    """
)
# Writing styles seen in published documents, with rough weights (per cent).
_MOBILE_STYLES = (
    ("{d}", 50),
    ("{a} {b} {c}", 15),
    ("{a}-{b}-{c}", 8),
    ("+86 {d}", 10),
    ("+86-{a}-{b}-{c}", 5),
    ("0086-{d}", 4),
    ("FW{d}", 8),
)
_LANDLINE_STYLES = (
    ("{ac}-{n}", 30),
    ("（{ac}）{n}", 12),
    ("({ac}){n}", 6),
    ("{ac}-{n1} {n2}", 8),
    ("（{ac}）{n1} {n2}", 7),
    ("+86-{ac1}-{n}", 7),
    ("0086 {ac1} {n1} {n2}", 5),
    ("{ac} {n}", 7),
    ("{ac}{n}", 5),
    ("FW{ac}-{n}", 13),
)
_PLATE_PROVINCES = {
    "330": "浙",
    "110": "京",
    "310": "沪",
    "500": "渝",
    "320": "苏",
    "340": "皖",
    "350": "闽",
    "370": "鲁",
    "410": "豫",
    "420": "鄂",
    "430": "湘",
    "440": "粤",
    "510": "川",
    "610": "陕",
    "130": "冀",
    "210": "辽",
    "360": "赣",
    "530": "云",
    "450": "桂",
    "620": "甘",
}
_PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"
_HOTLINES = ("12345", "12315", "12369", "12366")
_NUMERALS = "〇一二三四五六七八九"


class _Values:
    """Realistic personal-data values drawn from one seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        self.r = rng

    def region(self) -> _Region:
        # Zhejiang (the agency's home province) is the most frequent, as in a city's own documents.
        if self.r.random() < 0.6:
            return self.r.choice(_REGIONS[:16])
        return self.r.choice(_REGIONS)

    def name(self) -> str:
        surname = self.r.choices(_SURNAME_NAMES, _SURNAME_WEIGHTS)[0]
        roll = self.r.random()
        if roll < 0.14:
            given = self.r.choice(_GIVEN)
        elif roll < 0.24:
            given = self.r.choice(_GIVEN_PAIRS)
        else:
            given = self.r.choice(_GIVEN) + self.r.choice(_GIVEN)
        return surname + given

    def birth(self, lo: int = 1935, hi: int = 2004) -> date:
        start = date(lo, 1, 1)
        return start + timedelta(days=self.r.randrange((date(hi, 12, 31) - start).days))

    def id_card(self, region: _Region | None = None, born: date | None = None) -> str:
        region = region or self.region()
        roll = self.r.random()
        if roll < 0.12:  # first generation: 15 digits, born before 1985
            born = born if born and born.year < 1985 else self.birth(1930, 1984)
            return region.code + born.strftime("%y%m%d") + f"{self.r.randrange(1, 1000):03d}"
        born = born or self.birth()
        first = region.code + born.strftime("%Y%m%d") + f"{self.r.randrange(1, 1000):03d}"
        value = first + id_check_digit(first)
        if roll < 0.2:
            return value.translate(_FULL)
        if roll < 0.24:
            return f"{value[:6]} {value[6:14]} {value[14:]}"
        return value

    def styled(self, styles: tuple[tuple[str, int], ...], **parts: str) -> str:
        """One of the weighted ``str.format`` styles filled with ``parts``; "FW" marks full-width digits."""
        style = self.r.choices([s for s, _ in styles], [w for _, w in styles])[0]
        if style.startswith("FW"):
            return style[2:].format(**parts).translate(_FULL)
        return style.format(**parts)

    def mobile(self) -> str:
        d = self.r.choice(_MOBILE_PREFIXES) + f"{self.r.randrange(10**8):08d}"
        return self.styled(_MOBILE_STYLES, d=d, a=d[:3], b=d[3:7], c=d[7:])

    def landline(self, region: _Region | None = None) -> str:
        area = (region or self.region()).area
        local = str(self.r.randrange(2, 9)) + f"{self.r.randrange(10**7):07d}"
        value = self.styled(_LANDLINE_STYLES, ac=area, ac1=area[1:], n=local, n1=local[:4], n2=local[4:])
        ext = self.r.random()
        if ext < 0.06:
            value += f"转{self.r.randrange(100, 9000)}"
        elif ext < 0.1:
            value += f"分机{self.r.randrange(100, 9000)}"
        elif ext < 0.13:
            value += f"-{self.r.randrange(1000, 9000)}"
        return value

    def bank_card(self) -> str:
        length = self.r.choice((16, 19, 19))
        body = self.r.choice(_BINS) + "".join(str(self.r.randrange(10)) for _ in range(length - 7))
        digits = next(body + c for c in "0123456789" if luhn_valid(body + c))
        style = self.r.random()
        if style < 0.45:
            return digits
        if style < 0.8:
            return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))
        if length == 19 and style < 0.92:
            return digits[:6] + " " + digits[6:]
        return "-".join(digits[i : i + 4] for i in range(0, len(digits), 4))

    def uscc(self, region: _Region | None = None, agency: bool = False) -> str:
        region = region or self.region()
        head = "11" if agency else self.r.choice(("91", "91", "91", "92", "93", "52", "12"))
        org = "".join(str(self.r.randrange(10)) for _ in range(8))
        weights = (3, 7, 9, 10, 5, 8, 4, 2)  # GB 11714 organization code check
        c9 = 11 - sum(int(c) * w for c, w in zip(org, weights, strict=True)) % 11
        org += "X" if c9 == 10 else "0" if c9 == 11 else str(c9)
        first = head + region.code + org
        return first + uscc_check_char(first)

    def passport(self) -> str:
        kind = self.r.random()
        if kind < 0.5:
            return "E" + f"{self.r.randrange(10**8):08d}"
        if kind < 0.7:
            return "E" + self.r.choice("ABCDEFGHJKLMN") + f"{self.r.randrange(10**7):07d}"
        if kind < 0.8:
            return "G" + f"{self.r.randrange(10**8):08d}"
        return "C" + f"{self.r.randrange(10**8):08d}"

    def plate(self, region: _Region | None = None) -> str:
        region = region or self.region()
        province = _PLATE_PROVINCES[region.code[:3]]
        city = "F" if region.city == "嘉兴市" else self.r.choice("ABCDE")
        roll = self.r.random()
        if roll < 0.2:  # new energy, small car
            plate = province + city + self.r.choice("DF") + f"{self.r.randrange(10**5):05d}"
        elif roll < 0.25:  # new energy, large car
            plate = province + city + f"{self.r.randrange(10**5):05d}" + self.r.choice("DF")
        else:
            chars = [str(self.r.randrange(10)) for _ in range(5)]
            for pos in self.r.sample(range(5), self.r.choice((0, 0, 1, 1, 2))):
                chars[pos] = self.r.choice(_PLATE_LETTERS)
            plate = province + city + "".join(chars)
        if self.r.random() < 0.3:
            plate = plate[:2] + "·" + plate[2:]
        return plate

    def email(self, name: str | None = None) -> str:
        roll = self.r.random()
        if roll < 0.35:
            local = str(self.r.randrange(10**5, 10**10))
            return f"{local}@qq.com"
        syll = (
            "wang",
            "li",
            "zhang",
            "liu",
            "chen",
            "yang",
            "huang",
            "zhao",
            "xiao",
            "ming",
            "hua",
            "jun",
            "lei",
            "fang",
            "jing",
            "hong",
            "ying",
            "qiang",
            "wei",
            "tao",
        )
        local = self.r.choice(syll) + self.r.choice(syll) + self.r.choice(("", "", "_", "."))
        local += str(self.r.randrange(1, 2000)) if self.r.random() < 0.6 else self.r.choice(syll)
        domain = self.r.choice(
            (
                "163.com",
                "126.com",
                "sina.com",
                "foxmail.com",
                "gmail.com",
                "139.com",
                "outlook.com",
                "yeah.net",
                "hotmail.com",
            )
        )
        return f"{local}@{domain}"

    def address(
        self, region: _Region | None = None, rural: bool | None = None, top: str | None = None
    ) -> str:
        region = region or self.region()
        r = self.r
        if rural is None:
            rural = r.random() < 0.45
        if rural:
            town = r.choice([t for t in region.towns if not t.endswith("街道")] or list(region.towns))
            village = r.choice(_VILLAGES)
            form = r.random()
            if form < 0.4:
                tail = f"{village}{r.randrange(1, 16)}组{r.randrange(1, 120)}号"
            elif form < 0.75:
                tail = f"{village}{r.choice(_NATURAL)}{r.randrange(1, 90)}号"
            elif form < 0.85:
                tail = f"{village}{r.randrange(1, 16)}组"
            else:
                tail = f"{village}{r.choice(_NATURAL)}{r.randrange(1, 60)}号"
            body = town + tail
        else:
            road = r.choice(region.roads)
            n = r.randrange(1, 900)
            form = r.random()
            if form < 0.25:
                body = f"{road}{n}号"
            elif form < 0.42:
                body = f"{road}{n}弄{r.randrange(1, 40)}号{r.randrange(1, 7)}0{r.randrange(1, 4)}室"
            elif form < 0.7:
                body = (
                    f"{road}{n}号{r.choice(_COMPOUNDS)}{r.randrange(1, 30)}{r.choice('幢栋')}"
                    f"{r.randrange(1, 5)}单元{r.randrange(1, 26)}0{r.randrange(1, 5)}室"
                )
            elif form < 0.85:
                body = (
                    f"{r.choice(_COMPOUNDS)}{r.randrange(1, 30)}{r.choice('幢栋')}{r.randrange(1, 5)}单元"
                    f"{r.randrange(1, 26)}0{r.randrange(1, 5)}室"
                )
            else:
                body = f"{road}{n}号院{r.randrange(1, 20)}号楼{r.randrange(1, 6)}单元{r.randrange(1, 20)}0{r.randrange(1, 4)}"  # noqa: E501
        level = top or r.choices(("province", "city", "county", "town"), (0.3, 0.35, 0.25, 0.1))[0]
        if level == "town" and not rural:
            level = "county"
        if level == "province":
            return region.province + region.city + region.county + body
        if level == "city":
            return region.city + region.county + body
        if level == "county":
            return region.county + body
        return body


# --- decoy values -----------------------------------------------------------------------------


class _Decoys:
    def __init__(self, rng: random.Random, values: _Values) -> None:
        self.r = rng
        self.v = values

    def wenhao(self, prefix: str) -> str:
        return f"{prefix}〔{self.r.randrange(2019, 2026)}〕{self.r.randrange(1, 300)}号"

    def suoyin(self, region: _Region) -> str:
        if self.r.random() < 0.6:
            head = self.v.uscc(region, agency=True)
        else:
            head = f"{self.r.randrange(10**8, 10**9)}"
        return f"{head}/{self.r.randrange(2019, 2026)}-{self.r.randrange(1, 99999):05d}"

    def money(self) -> str:
        amount = self.r.randrange(50, 500000) / (1 if self.r.random() < 0.5 else 100)
        style = self.r.random()
        if style < 0.4:
            return f"{amount:.2f}元"
        if style < 0.7:
            return f"人民币{amount:,.2f}元"
        return f"¥{amount:.2f}"

    def day(self, d: date | None = None) -> str:
        d = d or date(2024, 1, 1) + timedelta(days=self.r.randrange(700))
        style = self.r.random()
        if style < 0.6:
            return f"{d.year}年{d.month}月{d.day}日"
        if style < 0.85:
            return d.isoformat()
        year = "".join(_NUMERALS[int(c)] for c in str(d.year))
        return f"{year}年{d.month}月{d.day}日"

    def masked_id(self) -> str:
        value = to_halfwidth(self.v.id_card()).replace(" ", "")
        keep = self.r.choice(((6, 4), (3, 4), (4, 3), (0, 4), (6, 0), (1, 1)))
        middle = len(value) - keep[0] - keep[1]
        return value[: keep[0]] + "*" * middle + (value[-keep[1] :] if keep[1] else "")

    def masked_mobile(self) -> str:
        digits = self.r.choice(_MOBILE_PREFIXES) + f"{self.r.randrange(10**8):08d}"
        return digits[:3] + "****" + digits[7:]

    def masked_name(self) -> str:
        surname = self.r.choices(_SURNAME_NAMES, _SURNAME_WEIGHTS)[0]
        return surname + self.r.choice(("某", "某某", "*", "**", "某甲", "某乙", "×", "××"))

    def masked_card(self) -> str:
        card = self.v.bank_card().replace(" ", "").replace("-", "")
        return card[:4] + "*" * (len(card) - 8) + card[-4:]


# --- documents ---------------------------------------------------------------------------------


class _Writer:
    def __init__(self, rng: random.Random) -> None:
        self.r = rng
        self.v = _Values(rng)
        self.x = _Decoys(rng, self.v)

    def agency(self, region: _Region, office: str) -> str:
        # A county-level city's agencies are named after it alone (桐乡市应急管理局).
        if region.county.endswith("市") or self.r.random() < 0.3:
            return (region.county if region.county.endswith("市") else region.city) + office
        return region.city + region.county + office

    def names(self, b: _Doc, count: int, sep: str = "、") -> list[str]:
        out = [self.v.name() for _ in range(count)]
        for i, n in enumerate(out):
            if i:
                b.t(sep)
            b.e(Kind.PERSON_NAME, n)
        return out

    # 行政处罚决定书
    def penalty(self) -> _Doc:
        b, v, x, r = _Doc(), self.v, self.x, self.r
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
            b.t("咨询电话：").d("hotline", r.choice(_HOTLINES)).t("\n")
        b.t("执法人员：")
        self.names(b, 2, r.choice(("、", "  ", "，")))
        b.t("  联系电话：").e(Kind.LANDLINE_PHONE, v.landline(region)).t("\n")
        b.d("date", x.day()).t("\n")
        return b

    # 政府信息公开申请表
    def application(self) -> _Doc:
        b, v, x, r = _Doc(), self.v, self.x, self.r
        region = v.region()
        b.t("政府信息公开申请表\n编号：").d(
            "serial", f"{r.randrange(2019, 2026)}{r.randrange(1, 9999):04d}"
        ).t("\n\n")
        table = r.random() < 0.6
        row: Callable[[str], _Doc]
        if table:

            def row(label: str) -> _Doc:
                return b.t(f"| {label} | ")

            end = " |\n"
        else:

            def row(label: str) -> _Doc:
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
    def roster(self) -> _Doc:
        b, v, x, r = _Doc(), self.v, self.x, self.r
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
            village = r.choice(_VILLAGES)
            if r.random() < 0.5:
                b.e(Kind.ADDRESS, f"{town}{village}{r.randrange(1, 16)}组").t(" | ")
            else:
                b.e(Kind.ADDRESS, f"{village}{r.choice(_NATURAL)}{r.randrange(1, 80)}号").t(" | ")
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
        b.t("联系人：").e(Kind.PERSON_NAME, v.name()).t("，联系电话：").e(
            Kind.LANDLINE_PHONE, v.landline(region)
        ).t("\n")
        b.t("监督电话：").d("hotline", r.choice(_HOTLINES)).t("\n")
        return b

    # 最低生活保障公示
    def dibao(self) -> _Doc:
        b, v, x, r = _Doc(), self.v, self.x, self.r
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
    def petition(self) -> _Doc:
        b, v, x, r = _Doc(), self.v, self.x, self.r
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
    def minutes(self) -> _Doc:
        b, v, x, r = _Doc(), self.v, self.x, self.r
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
    def permit(self) -> _Doc:
        b, v, x, r = _Doc(), self.v, self.x, self.r
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
    def expropriation(self) -> _Doc:
        b, v, x, r = _Doc(), self.v, self.x, self.r
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
        b.t("联系人：").e(Kind.PERSON_NAME, v.name()).t(" 联系电话：").e(
            Kind.LANDLINE_PHONE, v.landline(region)
        ).t("\n")
        b.d("date", x.day()).t("\n")
        return b

    # 不动产登记公告
    def registration(self) -> _Doc:
        b, v, x, r = _Doc(), self.v, self.x, self.r
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
        b.t("\n联系人：").e(Kind.PERSON_NAME, v.name()).t("；联系电话：").e(
            Kind.LANDLINE_PHONE, v.landline(region)
        ).t("\n")
        b.d("date", x.day()).t("\n")
        return b

    # 法律文书送达回证
    def service(self) -> _Doc:
        b, v, x, r = _Doc(), self.v, self.x, self.r
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
    def procurement(self) -> _Doc:
        b, v, x, r = _Doc(), self.v, self.x, self.r
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
    def traffic(self) -> _Doc:
        b, v, x, r = _Doc(), self.v, self.x, self.r
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


GENRES: tuple[str, ...] = (
    "penalty",
    "application",
    "roster",
    "dibao",
    "petition",
    "minutes",
    "permit",
    "expropriation",
    "registration",
    "service",
    "procurement",
    "traffic",
)


def generate_independent(seed: int = SEED, size: int = SIZE) -> list[IndependentDocument]:
    """``size`` documents, the same for the same seed, cycling through every genre."""
    rng = random.Random(seed)
    writer = _Writer(rng)
    out: list[IndependentDocument] = []
    for i in range(size):
        genre = GENRES[i % len(GENRES)] if i < len(GENRES) * 2 else rng.choice(GENRES)
        doc: _Doc = getattr(writer, genre)()
        out.append(IndependentDocument(doc.build(genre), tuple(doc.decoys)))
    return out


def documents(seed: int = SEED, size: int = SIZE) -> list[LabelledDocument]:
    """The labelled documents alone, for ``labelled.evaluate``."""
    return [d.document for d in generate_independent(seed, size)]

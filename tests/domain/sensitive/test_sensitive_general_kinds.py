"""Issue 14, the kinds left after volume B (piifix3's "Not fixed"), with our own examples.

Travel documents of other forms, plates with a letter among the digits, 15-digit identity numbers
where 18-digit ones stand, bank-card look-alikes under other labels; names and addresses as
documents written elsewhere and their conversions print them. None of these strings is a corpus's.
"""

from __future__ import annotations

import pytest

from gongkai.sensitive import Kind, detect


def found(text: str, kind: Kind) -> list[str]:
    return [f.text for f in detect(text) if f.kind == kind]


# --- identifiers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "values"),
    [
        # A new-energy plate with a letter among its digits.
        ("由其驾驶浙BF3K921号小型汽车", Kind.LICENSE_PLATE, ["浙BF3K921"]),
        ("车牌：苏ED70M52", Kind.LICENSE_PLATE, ["苏ED70M52"]),
        # A travel permit's number after spaces and 号码.
        ("往来大陆通行证　号码：07561234", Kind.PASSPORT, ["07561234"]),
        # Foreign passports in a table under a "护照号码" header, whatever their shape.
        (
            "姓名\t国籍\t护照号码\t入境日期\nTRAN VAN MINH\t越南\tB7720415\t2024-03-01\n"
            "KHAMLA SOUK\t老挝\tPA4411029\t2024-03-02\n",
            Kind.PASSPORT,
            ["B7720415", "PA4411029"],
        ),
        # A 15-digit number bracketed after a name, as 18-digit ones are beside it.
        ("注销名单：\n周桂兰（330102195503121224）；\n孙德旺（320106520814031）。", Kind.ID_CARD,
         ["330102195503121224", "320106520814031"]),
        # A 15-digit number running on into the next cell's code, as 18-digit ones do.
        (
            "姓名        身份证号码+等级代码\n赵长林      3201065208140314    二级",
            Kind.ID_CARD,
            ["320106520814031"],
        ),
    ],
)
def test_identifiers_of_other_forms(text: str, kind: Kind, values: list[str]) -> None:
    assert found(text, kind) == values


@pytest.mark.parametrize(
    "text",
    [
        # Numbers under other labels that pass Luhn: not bank cards.
        "考生报名号62284804123456712，请妥善保管。",
        "许可证号：6228480412345671234",
        # A company's registration number after its name, not an identity number.
        "某某贸易有限公司（320106520814031）已注销。",
        # Plates: a new-energy plate has four digits at least; a 5-digit run and D is a large one.
        "代号浙BFKK92A",
    ],
)
def test_look_alikes_of_identifiers(text: str) -> None:
    kinds = {Kind.BANK_CARD, Kind.ID_CARD, Kind.LICENSE_PLATE}
    assert [f.text for f in detect(text) if f.kind in kinds] == []


# --- names ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # Kinship: both people, whatever their characters.
        ("奖补对象：\n逝者敖其尔之子巴雅尔，住新城区。", ["敖其尔", "巴雅尔"]),
        ("另，魏淑芬之女魏岚住朝阳区。", ["魏淑芬", "魏岚"]),
        ("奖补名单：\n图门吉雅（逝者宝音之妻），奖补3000元；", ["图门吉雅", "宝音"]),
        # An election's result and its list.
        ("经选举，格日乐图当选为主任，次仁卓嘎、杜凤山当选为委员。", ["格日乐图", "次仁卓嘎", "杜凤山"]),
        # Items of one shape, one of them a name of the lexicon.
        ("第三小组：闫福来 6.1亩；秦改英 4.0亩；郭建华 3.5亩", ["闫福来", "秦改英", "郭建华"]),
        (
            "名单如下\n郑满囤  城关镇东街\n祁秀芳  城关镇西街\n王建军  城关镇南街",
            ["郑满囤", "祁秀芳", "王建军"],
        ),
        ("拟聘用：柴文博 男 本科\n拟聘用：董雨桐 女 硕士", ["柴文博", "董雨桐"]),
        # Before 律师/老师/老人, after roles ending in 警/师/者/译, after a unit with its telephone.
        ("指派本所石建华律师承办。", ["石建华"]),
        ("请联系资助中心蒋丽老师。", ["蒋丽"]),
        ("慰问了百岁老人冯玉珍老人。", ["冯玉珍"]),
        ("办案民警：侯振东　0471-5551234", ["侯振东"]),
        ("主治医师：隋海波，", ["隋海波"]),
        ("救助中心：樊丽华0351-7654321", ["樊丽华"]),
        # Foreign names in Latin or Cyrillic letters.
        ("姓名\t国籍\t护照号码\nPHAM THI LAN\t越南\tC5510283\n", ["PHAM THI LAN"]),
        ("申请人：黎氏梅（LE THI MAI），女。", ["黎氏梅", "LE THI MAI"]),
        ("第三人CHAN TAI MAN（陈大文，香港居民）", ["CHAN TAI MAN", "陈大文"]),
        ("ПЕТРОВ АНДРЕЙ（俄罗斯籍）", ["ПЕТРОВ АНДРЕЙ"]),
    ],
)
def test_names_known_by_their_surroundings(text: str, names: list[str]) -> None:
    assert found(text, Kind.PERSON_NAME) == names


@pytest.mark.parametrize(
    "text",
    [
        "经审查，患者之子已签字确认。",
        "系受送达人之母代收。",
        "全票当选为主任。",
        "其余当选人为社区工作者。",
        "陕西长安律师事务所律师，电话另告。",
        "对高龄老人、孤寡老人发放补贴。",
        "世界卫生组织（World Health Organization）发布指南。",
        "序号：1 类别：2",
        # A verb right after a role in an award, not a name.
        "裁决如下：被申请人支付申请人工资差额8,000元；被告赔偿原告损失。",
        # A surname with a form of address, a bank's branch after a place.
        "联系人：蒋警官 0571-87654321",
        "缴至：中国建设银行海盐支行，户名：财政局",
    ],
)
def test_look_alikes_of_names(text: str) -> None:
    assert found(text, Kind.PERSON_NAME) == []


# --- addresses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "addresses"),
    [
        ("住东城区北新桥头条23号院，电话另告", ["东城区北新桥头条23号院"]),
        ("住丰台区方庄芳城园一区612楼3门501号，已迁出", ["丰台区方庄芳城园一区612楼3门501号"]),
        ("周某住址：一三二团五连职工住宅区4排9号。", ["一三二团五连职工住宅区4排9号"]),
        ("户籍地址：孟连县勐马镇芒海村上寨村民小组", ["孟连县勐马镇芒海村上寨村民小组"]),
        ("崔某 河口镇沙坪村第2队 4.2亩", ["河口镇沙坪村第2队"]),
        ("原住合浦县廉州镇乾江村委下村，已迁出", ["合浦县廉州镇乾江村委下村"]),
        ("住址：肥乡县天台山镇北高村；电话另告", ["肥乡县天台山镇北高村"]),
        (
            "户籍地址为东乌珠穆沁旗道特淖尔镇阿拉坦合力嘎查第四浩特。",
            ["东乌珠穆沁旗道特淖尔镇阿拉坦合力嘎查第四浩特"],
        ),
        ("住越秀区农林下路40号天河城住宅区南塔2306房，", ["越秀区农林下路40号天河城住宅区南塔2306房"]),
        ("另一户住东四十二条\n        37号院　800元", ["东四十二条\n        37号院"]),
    ],
)
def test_addresses_of_other_forms(text: str, addresses: list[str]) -> None:
    assert found(text, Kind.ADDRESS) == addresses


@pytest.mark.parametrize(
    "text",
    [
        "在城关镇新华村召开村民大会。",
        "城关镇新华村村民委员会",
        "南湖区最美家庭\n陆某某家庭\t新丰镇竹林村\n",
        "长兴县和平镇城山村 土地承包经营权确权公示",
    ],
)
def test_villages_that_are_not_addresses(text: str) -> None:
    assert found(text, Kind.ADDRESS) == []

"""Issue 14: personal data as documents written by others put it (not only our own generator).

Each gap the issue names, with the validation that keeps its look-alikes out.
"""

from __future__ import annotations

import pytest

from gongkai.sensitive import Kind, detect
from gongkai.sensitive.checksums import luhn_check_digit, registration_number_is_valid

FW = str.maketrans("0123456789", "０１２３４５６７８９")


def found(text: str, kind: Kind) -> list[str]:
    return [f.text for f in detect(text) if f.kind == kind]


# --- 15-digit first-generation identity numbers -------------------------------------------------

ID15 = "320583661023418"  # 昆山, born 1966-10-23; fails the 注册号 check digit


def test_the_15_digit_example_is_no_registration_number() -> None:
    assert not registration_number_is_valid(ID15)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        (f"户主：陈根林  身份证：{ID15}", ID15),
        (f"序号\t姓名\t身份证号码\n1\t陈根林\t{ID15}\n", ID15),
        (f"原证号 {ID15.translate(FW)}", ID15.translate(FW)),
    ],
)
def test_15_digit_numbers_with_a_region_and_a_birth_date(text: str, number: str) -> None:
    assert found(text, Kind.ID_CARD) == [number]


def test_a_15_digit_number_that_also_passes_the_registration_check_needs_a_label() -> None:
    both = "320583661023417"  # valid region and date, and a valid 注册号 check digit
    assert registration_number_is_valid(both)
    assert found(f"编码 {both}", Kind.ID_CARD) == []
    assert found(f"身份证号码：{both}", Kind.ID_CARD) == [both]


@pytest.mark.parametrize(
    "number",
    [
        "320583661323417",  # month 13
        "320583660230417",  # 30 February
        "990583661023417",  # 99 is no province
        "320083661023417",  # prefecture 00
        "320500661023417",  # county 00
    ],
)
def test_15_digit_look_alikes(number: str) -> None:
    assert found(f"编码 {number}", Kind.ID_CARD) == []


def test_a_15_digit_registration_number_stays_out() -> None:
    assert found("营业执照注册号：330482000106993", Kind.ID_CARD) == []
    assert found("受理编号 320583661023418", Kind.ID_CARD) == []


# --- landlines ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phone",
    [
        "（0573）85629217",
        "(0573)85629217",
        "0573-8512 0944",
        "0573 85120944",
        "+86-573-85673980",
        "0086 573 8567 3980",
        "+86 10 6512 3456",
        "0571-87051234转8021",
        "021-64321234分机203",
        "（010）65123456-8008",
    ],
)
def test_landline_forms(phone: str) -> None:
    assert found(f"监督电话：{phone}。", Kind.LANDLINE_PHONE) == [phone]


@pytest.mark.parametrize(
    "text",
    [
        "编号0000-12345678",  # 000 is no area code
        "（0573）123456",  # local numbers start 2-9 and have 7-8 digits
        "日期 2024-03 15",
        "服务热线 12345",
        "金额 0.5738512094 万元",
    ],
)
def test_landline_look_alikes(text: str) -> None:
    assert found(text, Kind.LANDLINE_PHONE) == []


# --- bank cards grouped 6 + 13 -------------------------------------------------------------------


def test_bank_card_grouped_six_and_thirteen() -> None:
    body = "622848" + "041234567"[:9] + "123"
    card = body + luhn_check_digit(body)
    grouped = f"{card[:6]} {card[6:]}"
    assert found(f"一卡通账号 {grouped}\n", Kind.BANK_CARD) == [grouped]
    wrong = grouped[:-1] + str((int(grouped[-1]) + 1) % 10)
    assert found(f"一卡通账号 {wrong}\n", Kind.BANK_CARD) == []


# --- addresses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "新埭镇鱼圻塘村张家宅12号",
        "平湖市新埭镇星光村5组18号",
        "肥西县三河镇建新村七组",
        "中牟县官渡镇大孟村西圩",
        "江苏省苏州市千灯镇歇马桥村3组",
        "当湖街道东湖名都10幢3单元604室",
        "西湖区文三路259号3号楼1204室",
        "亭林路77号之3中央公寓25幢4单元1602室",
        "三元坊91弄28号104室",
        "章丘区相公庄街道东山村4组",
    ],
)
def test_addresses_below_the_town_and_in_compounds(address: str) -> None:
    assert found(f"住址：{address}，联系电话见后。", Kind.ADDRESS) == [address]


@pytest.mark.parametrize(
    "text",
    [
        "新埭镇泖口村村民委员会：",  # a village committee, not a residence
        "平湖市新埭镇人民政府",
        "推进农村人居环境整治，全镇共10幢安置房。",
        "村级集体经济项目",
        "平政办发〔2024〕12号",
    ],
)
def test_address_look_alikes(text: str) -> None:
    assert found(text, Kind.ADDRESS) == []


# --- names ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("申请人：欧阳娜，住址见后", ["欧阳娜"]),
        ("委托代理人：申屠建华", ["申屠建华"]),
        ("收款人：于海燕", ["于海燕"]),
        (
            "主持：黎博文\n出席：笪梓翀、杨勇、赵秀兰\n记录：高若曦\n",
            ["黎博文", "笪梓翀", "杨勇", "赵秀兰", "高若曦"],
        ),
        ("家庭成员：蒋霞（妻）、崔赟（子）\n", ["蒋霞", "崔赟"]),
        (
            "序号 | 户主 | 村（社区） | 金额\n1 | 王阿毛 | 泖口村 | 1,200.00\n2 | 朱昶 | 星光村 | 980.50\n",
            ["王阿毛", "朱昶"],
        ),
        ("联系人：李红旗，电话：0573-85120944", ["李红旗"]),
        ("当事人：周鹏。经查，周鹏于2023年5月在店内销售过期食品。", ["周鹏", "周鹏"]),
    ],
)
def test_names_after_roles_in_lists_columns_and_again(text: str, names: list[str]) -> None:
    assert found(text, Kind.PERSON_NAME) == names


@pytest.mark.parametrize(
    "text",
    [
        "当事人：张某，男。经查，张某于2023年……",
        "申请人：李某某",
        "序号\t姓名\t金额\n1\t王*明\t300.00\n2\t合计\t300.00\n",
        "出席：全体委员、各村书记\n",
        "主持召开专题会议，记录在案。",
        "姓名\t性别\t民族\t文化程度\n王建国\t男\t汉族\t高中\n",
    ],
)
def test_name_look_alikes(text: str) -> None:
    names = found(text, Kind.PERSON_NAME)
    assert all(len(n) >= 2 and "某" not in n and "*" not in n for n in names)
    assert not {"合计", "全体委员", "各村书记", "汉族", "高中", "男"} & set(names)


# --- decoys in one text --------------------------------------------------------------------------


def test_no_decoy_is_flagged() -> None:
    text = (
        "平湖市综合行政执法局\n平综执罚〔2024〕37号\n索引号：330482000123/2024-00512\n"
        "（2024）浙0482行初15号\n罚款人民币叁万元整（¥30,000.00），2024年3月15日、2024-03-15。\n"
        "证件号码110***1234，手机138****5678，3304**********1234，当事人张某、李某某、王*明。\n"
        "执法证号33048212345，邮编314200，服务热线12345，共计1350户。\n"
    )
    assert detect(text) == []


def test_a_published_page_header_holds_no_name() -> None:
    # From a real annual report page (shared/corpus 007): "来源" once read as 来 + 源.
    text = "平潭综合实验区2021年度政府信息公开工作年度报告 来源：平潭县人民政府 时间：2022-02-11"
    assert found(text, Kind.PERSON_NAME) == []


@pytest.mark.parametrize(
    "text",
    [
        # Sentences of the reference texts (regulation, court interpretations, annual report format).
        "行政机关可以通过电子数据以及其他适当形式提供，或者安排申请人查阅、抄录相关政府信息。",
        "已找到并全文收录：条例相关条文；2025年司法解释全文；2011年规定全文",
        "申请人：安徽、江苏两省的申请人",
        "要求行政机关提供政府公报、报刊、书籍等公开出版物的，行政机关可以告知获取的途径。",
        "除本条例第二十条规定的政府信息外，设区的市级、县级人民政府……",
    ],
)
def test_words_after_a_role_in_running_text_are_no_names(text: str) -> None:
    assert found(text, Kind.PERSON_NAME) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("申请人（签名）：王建国", "王建国"),
        ("法定代表人（负责人）：李四明", "李四明"),
        ("经办人(签字)：赵敏", "赵敏"),
    ],
)
def test_a_role_with_a_bracketed_note_before_the_name(text: str, name: str) -> None:
    assert found(text, Kind.PERSON_NAME) == [name]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "参会人员：区农业农村局刘红辉、梁金阳，区发改局刘欣坤；崇福镇：刘亮红\n",
            ["刘红辉", "梁金阳", "刘欣坤", "刘亮红"],
        ),
        ("被征收人：钟亮悦、唐颖军\n房屋坐落：", ["钟亮悦", "唐颖军"]),
        ("参会人员：区财政局局长张三、副局长李四，平湖镇副镇长王五\n", ["张三", "李四", "王五"]),
        ("区发改局主任刘欣坤、张诺鹏\n", ["刘欣坤", "张诺鹏"]),
        ("| 见证人 | 于浩欣（巴城镇工作人员） |", ["于浩欣"]),
        ("韦珍诺：\n    你（您）于2025年3月1日提出的申请收悉。", ["韦珍诺"]),
    ],
)
def test_names_after_their_unit_any_role_ending_in_ren_and_a_salutation(text: str, names: list[str]) -> None:
    assert found(text, Kind.PERSON_NAME) == names


def test_a_town_or_village_label_is_no_name() -> None:
    assert found(
        "区生态环境分局丁铭洋；黄湖镇：王晓敏\n会议听取了南湖路（余新镇段）改造情况", Kind.PERSON_NAME
    ) == [
        "丁铭洋",
        "王晓敏",
    ]


def test_a_courtyard_number_and_a_road_section() -> None:
    for address in ("西湖区天目山路80号院12号楼2单元1701", "成都市武侯区人民南路四段131号院13号楼1单元1401"):
        assert found(f"房屋坐落：{address}\n", Kind.ADDRESS) == [address]

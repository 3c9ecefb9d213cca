"""Issue 14: personal data as documents written by others put it (not only our own generator).

Each gap the issue names, with the validation that keeps its look-alikes out. The cases that are a
text and the spans expected in it are in ``cases/published_kinds.toml``.
"""

from __future__ import annotations

import pytest

from gongkai.sensitive import Kind, detect
from gongkai.sensitive.checksums import luhn_check_digit, registration_number_is_valid
from support.detection import found

FW = str.maketrans("0123456789", "０１２３４５６７８９")


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


def test_a_15_digit_registration_number_stays_out() -> None:
    assert found("营业执照注册号：330482000106993", Kind.ID_CARD) == []
    assert found("受理编号 320583661023418", Kind.ID_CARD) == []


# --- bank cards grouped 6 + 13 -------------------------------------------------------------------


def test_bank_card_grouped_six_and_thirteen() -> None:
    body = "622848" + "041234567"[:9] + "123"
    card = body + luhn_check_digit(body)
    grouped = f"{card[:6]} {card[6:]}"
    assert found(f"一卡通账号 {grouped}\n", Kind.BANK_CARD) == [grouped]
    wrong = grouped[:-1] + str((int(grouped[-1]) + 1) % 10)
    assert found(f"一卡通账号 {wrong}\n", Kind.BANK_CARD) == []


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

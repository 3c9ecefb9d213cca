"""Issue 14, the forms the annotated corpus showed missing: letter-spaced names, the full surname
inventory, minority and foreign names, foreign passports and travel permits after their cue words,
identity numbers in groups or run on into a table's next cell, and organisations' addresses.

The examples are this file's own (the annotated corpus is the measurement, not the tests)."""

from __future__ import annotations

import pytest

from gongkai.sensitive import Kind, detect, lexicon
from gongkai.sensitive.checksums import id_card_check_char
from gongkai.sensitive.surnames import BAIJIAXING_COMPOUND, BAIJIAXING_SINGLE


def _found(text: str, kind: Kind) -> list[str]:
    return [f.text for f in detect(text) if f.kind == kind]


def _id(first17: str) -> str:
    return first17 + id_card_check_char(first17)


# --- letter-spaced names ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("序号 姓名 金额\n1 钟 秀 兰 2,000元\n2 邝 伟 1,500元", ["钟 秀 兰", "邝 伟"]),
        ("领款人\u3000宓\u3000丽\u3000娟\u3000签字", ["宓\u3000丽\u3000娟"]),
        ("当事人：岑  国  强  性别：男", ["岑  国  强"]),  # two spaces between the characters
        ("名单：欧阳 明 、端木 清", ["欧阳 明", "端木 清"]),  # compound surnames
        ("负责人闵 晓 东（13512345678）", ["闵 晓 东"]),  # a role cue right before
        ("沈晓雯 沈 斌 郁 婷 118分", ["沈晓雯", "沈 斌", "郁 婷"]),  # two names in one spaced row
        ("申请人：濮 国 强\n经查，濮国强于2023年提出申请。", ["濮 国 强", "濮国强"]),  # a later mention
        ("郦 红 遗失残疾人证一本。", ["郦 红"]),
        ("举报人翁 海 涛于2024年5月举报", ["翁 海 涛"]),  # a running-text end after the name
        ("救助对象：次 仁 多 吉，男，藏族", ["次 仁 多 吉"]),  # a spaced Tibetan name after a label
    ],
)
def test_letter_spaced_names(text: str, names: list[str]) -> None:
    assert sorted(_found(text, Kind.PERSON_NAME)) == sorted(names)


@pytest.mark.parametrize(
    "text",
    [
        "备 注\n合 计 3,500元",
        "姓 名  序 号  单 位  金 额",
        "时 间：2024年3月1日  项 目：道路维修",
        "行 政 处 罚 决 定 书",  # a letter-spaced heading
        "公 告\n根据有关规定，现予公告。",
        "3月4日 申 请 公开",  # no surname-led run of its own
        "纠正\n其 他\n结果\n尚 未 审\n结\n总计",  # a letter-spaced table header of an annual report
        # a PDF's text with a space after every character: spacing tells nothing there
        "申 请 人 于 2 0 2 4 年 3 月 申 请 公 开 2 单 元 4 0 1 室 的 权 属 资 料 ， 区 长 批 示",
        "舟 政 办 〔 2 0 2 4 〕 3 号",  # an issuer's abbreviation before a 文号's year
    ],
)
def test_spaced_words_and_headings_are_not_names(text: str) -> None:
    assert _found(text, Kind.PERSON_NAME) == []


def test_surname_inventory_holds_the_baijiaxing() -> None:
    for surname in "宓甘韦闵翁尤寿闻屠冉濮郦岑项喻满沙卓":
        assert surname in BAIJIAXING_SINGLE
    # 邝 is no surname of the old list: the 2020 report's frequent ones are added to it.
    assert "邝" in lexicon.SINGLE_SURNAMES
    for surname in ("欧阳", "申屠", "闻人", "司空", "第五"):
        assert surname in BAIJIAXING_COMPOUND
    assert len(BAIJIAXING_COMPOUND) >= 60 and len(BAIJIAXING_SINGLE) >= 430


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("当事人：寿丽君，女", "寿丽君"),  # 寿 was not a surname before
        ("申请人：习文涛，男", "习文涛"),
        ("申请人：公羊俊峰，男", "公羊俊峰"),
    ],
)
def test_rare_surnames_after_a_cue(text: str, name: str) -> None:
    assert _found(text, Kind.PERSON_NAME) == [name]


# --- minority and foreign names --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("被处罚人努尔艾力·买买提，男，1990年生", ["努尔艾力·买买提"]),
        ("2 古丽娜·艾则孜 / 6501021990", ["古丽娜·艾则孜"]),
        ("申请人：Brown, Mary Ann（英国籍）", ["Brown, Mary Ann"]),
        ("与Suzuki Taro（日本国籍）签订合同", ["Suzuki Taro"]),
        ("PARK MINHO 韩国 护照 M12345678", ["PARK MINHO"]),
        ("董事：佐藤 美咲（日本国籍），", ["佐藤 美咲"]),  # characters, family and given name apart
    ],
)
def test_minority_and_foreign_names(text: str, names: list[str]) -> None:
    assert _found(text, Kind.PERSON_NAME) == names


@pytest.mark.parametrize(
    "text",
    [
        "楼盘名称：绿城·桂花园，位于城东",  # an estate's name with a dot
        "依据 GB 11643 标准，使用 Microsoft Word 编辑",  # Latin words without a person's context
    ],
)
def test_dotted_and_latin_words_are_not_names(text: str) -> None:
    assert _found(text, Kind.PERSON_NAME) == []


# --- passports and travel permits ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("外籍人员（加拿大籍），护照号 AB1234567，", "AB1234567"),
        ("护照号码：612345789（美国）", "612345789"),
        ("持往来台湾通行证 T12345678 出境", "T12345678"),
        ("往来台湾通行证LC7654321", "LC7654321"),
        ("台湾居民来往大陆通行证 08812345", "08812345"),
        ("海员证号C1234567，", "C1234567"),
    ],
)
def test_travel_documents_after_their_cue(text: str, number: str) -> None:
    assert _found(text, Kind.PASSPORT) == [number]


@pytest.mark.parametrize(
    "text",
    [
        "护照办理时限为7个工作日，费用120元",
        "通行证 2024年3月1日到期",
        "护照 13812345678",  # a phone number is no passport number
    ],
)
def test_cue_without_a_number(text: str) -> None:
    assert _found(text, Kind.PASSPORT) == []


# --- identity numbers -------------------------------------------------------------------------------


def test_identity_number_printed_in_four_groups() -> None:
    number = _id("33100219750312041")
    grouped = f"{number[:6]} {number[6:10]} {number[10:14]} {number[14:]}"
    assert _found(f"证件号码：{grouped}，联系地址", Kind.ID_CARD) == [grouped]


def test_identity_number_run_on_into_the_next_cell() -> None:
    number = _id("33040219800101123")
    found = detect(f"张国强\t{number}56\t重度护理\t310")
    assert [(f.kind, f.text) for f in found if f.kind == Kind.ID_CARD] == [(Kind.ID_CARD, number)]


def test_run_on_check_fails_without_a_valid_check_character() -> None:
    number = _id("33040219800101123")
    wrong = number[:17] + ("0" if number[17] != "0" else "1")
    assert _found(f"张国强\t{wrong}56\t", Kind.ID_CARD) == []


# --- organisations' addresses and span ends --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "如有疑问请来信，来信地址：台州市椒江区市府大道88号，邮编318000。",
        "补正材料请邮寄至本机关，补正材料可寄至丽水市莲都区人民街10号。",
        "请于5月1日前到金华市婺城区八一南街55号领取证件。",
        "请到市交警支队车辆管理所（金华市金东区多湖街道光南路100号）参加学习。",
        "异议材料送达地址：舟山市定海区环城南路5号自然资源和规划局",
        "经查，该公司通过登记的住所绍兴市柯桥区笛扬路66号无法联系。",
        "住所：舟山市普陀区东港街道海华路18号2号厂房",
        "申请公开沈家门街道林家村王建国户宅基地审批材料",
    ],
)
def test_organisation_addresses_by_context(text: str) -> None:
    assert _found(text, Kind.ADDRESS) == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("住址：温州市鹿城区南汇街道学院中路100号5楼", "温州市鹿城区南汇街道学院中路100号5楼"),
        ("住址：绍兴市越城区府山街道胜利西路12号6-3-502", "绍兴市越城区府山街道胜利西路12号6-3-502"),
        ("住址：衢州市柯城区府山街道县学街8号3单元602", "衢州市柯城区府山街道县学街8号3单元602"),
        ("家庭住址：丽水市莲都区紫金街道丽阳花苑7幢1203", "丽水市莲都区紫金街道丽阳花苑7幢1203"),
        ("申请人：张伟，住所地：金华市婺城区八一南街55号", "金华市婺城区八一南街55号"),  # a person's
    ],
)
def test_address_span_keeps_its_unit(text: str, address: str) -> None:
    assert _found(text, Kind.ADDRESS) == [address]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("现住：丽水市莲都区白云街道\n丽阳路28号", "丽水市莲都区白云街道\n丽阳路28号"),
        ("1  周阿根  大港镇新民村\n南浜组6号  3人", "大港镇新民村\n南浜组6号"),
        ("住址：台州市椒江区葭沚街道葭沚路12号\n5-302", "台州市椒江区葭沚街道葭沚路12号\n5-302"),
    ],
)
def test_address_broken_by_a_line_break(text: str, address: str) -> None:
    assert _found(text, Kind.ADDRESS) == [address]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("户籍所在地丽水市莲都区紫金街道丽阳路3号", "丽水市莲都区紫金街道丽阳路3号"),
        ("涉及陈小红户大港镇新民村南浜组6号的房屋", "大港镇新民村南浜组6号"),
        ("该信件寄自衢州市柯城区府山街道县学街8号", "衢州市柯城区府山街道县学街8号"),
        (
            "住址：义乌市稠城街道工人北路9号绣湖小区5幢2单元3楼",
            "义乌市稠城街道工人北路9号绣湖小区5幢2单元3楼",
        ),
    ],
)
def test_address_starts_after_its_lead_words(text: str, address: str) -> None:
    assert _found(text, Kind.ADDRESS) == [address]

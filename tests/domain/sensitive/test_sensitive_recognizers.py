"""Each recogniser, table-tested: valid values, failed check digits, decoys, full-width, masked."""

from __future__ import annotations

import dataclasses

import pytest

from gongkai.sensitive import Finding, Kind, detect
from gongkai.sensitive.checksums import (
    id_card_check_char,
    id_card_is_valid,
    luhn_is_valid,
    org_code_is_valid,
    uscc_check_char,
    uscc_is_valid,
)
from gongkai.sensitive.corpus import generate
from gongkai.sensitive.model import make_finding
from gongkai.sensitive.normalize import normalize
from gongkai.sensitive.registry import DEFAULT_REGISTRY, resolve_overlaps

ID = "11010519491231002X"  # GB 11643 worked example (check character X)
ID_LOWER = "11010519491231002x"
ID_BAD = "110105194912310021"  # same number, wrong check digit
USCC = "91350100M000100Y43"  # a GB 32100 example with valid check characters
BANK = "6222021234567890128"  # 19 digits, 62 银联 prefix, Luhn-valid
FW = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")

ROWS = [
    # --- id_card ---
    ("身份证号码：" + ID, [(Kind.ID_CARD, ID)]),  # valid, check character X
    ("证件号码 " + ID_LOWER, [(Kind.ID_CARD, ID_LOWER)]),  # lower-case x is accepted
    ("公民身份号码" + ID.translate(FW), [(Kind.ID_CARD, ID.translate(FW))]),  # full-width digits
    ("编号" + ID_BAD, []),  # fails the check digit
    ("编号991105194912310025", []),  # 99 is no province
    ("号码110105194902300021", []),  # 2月30日 is no birth date
    ("身份证110105********002X", []),  # masked
    ("身份证号码：110105491231002", [(Kind.ID_CARD, "110105491231002")]),  # 15-digit legacy, with a label
    ("注册号330482000106993", []),  # a bare 15-digit number is an old registration number
    # --- mobile_phone ---
    ("手机13812345678", [(Kind.MOBILE_PHONE, "13812345678")]),  # plain
    ("电话 138-1234-5678。", [(Kind.MOBILE_PHONE, "138-1234-5678")]),  # hyphens
    ("联系 +86 138 1234 5678", [(Kind.MOBILE_PHONE, "+86 138 1234 5678")]),  # +86 and spaces
    ("手机１３９１２３４５６７８", [(Kind.MOBILE_PHONE, "１３９１２３４５６７８")]),  # full-width
    ("手机138****5678", []),  # masked
    ("编号12812345678", []),  # 12x is no mobile prefix
    # --- landline_phone ---
    ("联系电话：0573-85012345", [(Kind.LANDLINE_PHONE, "0573-85012345")]),  # 4-digit area code
    ("电话(010)65123456", [(Kind.LANDLINE_PHONE, "(010)65123456")]),  # Beijing in brackets
    ("日期2023-05-12", []),  # a date is no phone number
    ("邮编：314200", []),  # a zip code is no phone number
    # --- email ---
    ("邮箱 zhangsan@163.com。", [(Kind.EMAIL, "zhangsan@163.com")]),  # plain
    ("邮箱 ｚｈａｎｇ＠ｑｑ．ｃｏｍ", [(Kind.EMAIL, "ｚｈａｎｇ＠ｑｑ．ｃｏｍ")]),  # full-width
    ("邮箱 z***@qq.com", []),  # masked
    ("邮箱13812345678@qq.com。", [(Kind.EMAIL, "13812345678@qq.com")]),  # a mobile number as the local part
    # --- bank_card ---
    ("银行卡号：" + BANK, [(Kind.BANK_CARD, BANK)]),  # 19 digits
    ("卡号 6222 0212 3456 7890 128", [(Kind.BANK_CARD, "6222 0212 3456 7890 128")]),  # grouped
    ("流水号6222021234567890127", []),  # fails Luhn
    ("编号1222021234567890125", []),  # Luhn-valid but no card prefix
    # --- uscc ---
    ("统一社会信用代码：" + USCC, [(Kind.USCC, USCC)]),  # valid
    ("代码91350100M000100Y44", []),  # wrong check character
    ("索引号：11330482002629431A/2023-00012", []),  # 索引号: the agency code followed by /year-serial
    # --- passport ---
    ("护照号码：E12345678", [(Kind.PASSPORT, "E12345678")]),  # E + 8 digits
    ("证件号码 EA1234567", [(Kind.PASSPORT, "EA1234567")]),  # E + letter + 7 digits
    ("型号E1234567", []),  # too short
    # --- license_plate ---
    ("驾驶浙F12345号小型轿车", [(Kind.LICENSE_PLATE, "浙F12345")]),  # ordinary plate
    ("车牌粤B·A1234", [(Kind.LICENSE_PLATE, "粤B·A1234")]),  # with the middle dot
    ("新能源车浙FD12345", [(Kind.LICENSE_PLATE, "浙FD12345")]),  # new-energy, 8 characters
    ("北京ABCDE", []),  # no digits: not a plate
    ("浙F·1**45", []),  # masked
    # --- address ---
    (
        "住所：浙江省平湖市当湖街道中山路123号5幢2单元301室。",
        [(Kind.ADDRESS, "浙江省平湖市当湖街道中山路123号5幢2单元301室")],
    ),
    ("地址为平湖市东湖花园12幢3单元502室", [(Kind.ADDRESS, "平湖市东湖花园12幢3单元502室")]),  # estate
    ("住新埭镇鱼圻塘村3组25号，", [(Kind.ADDRESS, "新埭镇鱼圻塘村3组25号")]),  # village
    ("本机关位于平湖市。", []),  # a bare city is not an address
    ("当湖街道办事处", []),  # a bare district is not an address
    ("平科〔2023〕12号", []),  # 文号
    # --- person_name ---
    ("申请人：张三，男", [(Kind.PERSON_NAME, "张三")]),  # cue with colon
    ("当事人王小明于2023年", [(Kind.PERSON_NAME, "王小明")]),  # cue without colon; 于 ends the name
    ("法定代表人：欧阳娜娜", [(Kind.PERSON_NAME, "欧阳娜娜")]),  # two-character surname
    ("联系人：诸葛亮，", [(Kind.PERSON_NAME, "诸葛亮")]),  # 诸葛
    ("李建国同志", [(Kind.PERSON_NAME, "李建国")]),  # 同志
    ("1\t刘德华\t男", [(Kind.PERSON_NAME, "刘德华")]),  # a table cell
    ("申请人：张某某", []),  # masked
    ("申请人：李**", []),  # masked
    ("张某、王某", []),  # masked
    ("平湖市科学技术局", []),  # an organisation is not a person
    ("张家港市人民政府", []),  # 张家港市 is a place
    ("申请人：平湖市恒达贸易有限公司", []),  # an organisation after a cue
    # --- decoys across kinds ---
    ("根据《条例》第十五条、第三十六条第（三）项，罚款人民币5000元，2023年5月12日。", []),
]


@pytest.mark.parametrize(("text", "expected"), ROWS, ids=[r[0][:24] for r in ROWS])
def test_recognisers(text: str, expected: list[tuple[Kind, str]]) -> None:
    found = [(f.kind, f.text) for f in detect(text)]
    assert found == expected


@pytest.mark.parametrize(("text", "expected"), ROWS, ids=[r[0][:24] for r in ROWS])
def test_offsets_point_into_the_original(text: str, expected: list[tuple[Kind, str]]) -> None:
    for finding in detect(text):
        assert text[finding.start : finding.end] == finding.text
        assert finding.explanation


def test_a_name_found_once_is_found_again() -> None:
    text = "当事人：张三。经查，张三于2023年……张三的行为"
    assert [f.start for f in detect(text, kinds=[Kind.PERSON_NAME])] == [4, 10, 20]


def test_id_card_wins_over_bank_card_without_a_label_and_loses_with_one() -> None:
    number = "620102199003070069"  # Gansu region 62 = UnionPay prefix; valid ID and Luhn-valid
    assert id_card_is_valid(number) and luhn_is_valid(number)
    assert [f.kind for f in detect("号码" + number)] == [Kind.ID_CARD]
    assert [f.kind for f in detect("银行卡号：" + number)] == [Kind.BANK_CARD]


CHECKSUM_ROWS = [
    (id_card_check_char("11010519491231002"), "X"),  # GB 11643 example
    (id_card_check_char("44052418800101001"), "4"),
    (uscc_check_char("91350100M000100Y4"), "3"),  # GB 32100 example
    (str(uscc_is_valid("91350100M000100Y43")), "True"),
    (str(org_code_is_valid("M000100Y4")), "True"),  # GB 11714 inside the example code
    (str(luhn_is_valid("4111111111111111")), "True"),  # the classic Visa test number
    (str(luhn_is_valid("4111111111111112")), "False"),
]


@pytest.mark.parametrize(("got", "want"), CHECKSUM_ROWS)
def test_check_digits(got: str, want: str) -> None:
    assert got == want


def test_normalize_keeps_lengths() -> None:
    text = "１３８ＡＢＣ　：，（）"
    assert normalize(text) == "138ABC ：，（）"
    assert len(normalize(text)) == len(text)


def test_the_joined_scan_finds_what_separate_passes_find() -> None:
    # The registry reads the identifier kinds in one joined expression; each recogniser's own
    # expression, run alone, must give the same findings.
    for document in generate(99, 60):
        text = document.text
        norm = normalize(text)
        separate = [f for r in DEFAULT_REGISTRY.recognizers for f in r.analyze(text, norm) if f.score >= 0.5]
        assert detect(text) == resolve_overlaps(separate)


def test_make_finding_builds_an_ordinary_frozen_finding() -> None:
    fast = make_finding(Kind.EMAIL, 1, 5, "a@b.cn", 0.95, "x")
    slow = Finding(Kind.EMAIL, 1, 5, "a@b.cn", 0.95, "x")
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.start = 2  # type: ignore[misc]

"""Issue 14, after annotated corpus volume B: the kinds of error it showed, with our own examples.

Volume B (``gongkai.sensitive.annotated_corpus_b``) missed names after role labels the lexicon did
not have (调解员、领取人、患方、车主 ...), names followed by their sex ("…，男，"), and the rooms
of northern addresses (…号楼…门…号, …单元…号, …号附…号). None of these strings is the corpus's.
"""

from __future__ import annotations

import pytest

from gongkai.sensitive import Kind, detect


def found(text: str, kind: Kind) -> list[str]:
    return [f.text for f in detect(text) if f.kind == kind]


# --- names after role labels ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # Mediation, arbitration and legal aid.
        ("人民调解员：蔡国平、董丽芬\n", ["蔡国平", "董丽芬"]),
        ("仲裁员：苗永康　书记员：雷思颖　2023年5月", ["苗永康", "雷思颖"]),
        ("本中心指派律师为受援人田启明提供法律援助。", ["田启明"]),
        ("患方：钱秀梅，女，住城关镇。", ["钱秀梅"]),
        ("患方代表：卢志刚（儿子）", ["卢志刚"]),
        # Payments and housing.
        ("补贴已发放，领取人袁小燕，3000元；", ["袁小燕"]),
        ("被征收人汤玉林、汤玉山：", ["汤玉林", "汤玉山"]),
        ("快递由代收人苏凤英签收。", ["苏凤英"]),
        ("经查，冒领人戴建新已退回款项。", ["戴建新"]),
        # Traffic.
        ("乘车人韩雪梅受轻伤。", ["韩雪梅"]),
        ("该车驾驶人邹海涛，未系安全带。", ["邹海涛"]),
        ("车主严立新 登记住址不详", ["严立新"]),
        # Officers and elected members with a colon.
        ("村会计：彭守义 电话另行公布", ["彭守义"]),
        ("委员：贾文军（1,020票）", ["贾文军"]),
        ("主任：田桂香\n副主任：罗新民", ["田桂香", "罗新民"]),
        ("驻村第一书记：谭志远　2024年5月", ["谭志远"]),
        ("接访领导：魏长春（副区长）", ["魏长春"]),
        ("工人代表：尹德福，身份证号另附。", ["尹德福"]),
        ("村民代表：郝秀珍（三组）、薛国栋（四组）", ["郝秀珍", "薛国栋"]),
    ],
)
def test_names_after_role_labels(text: str, names: list[str]) -> None:
    assert found(text, Kind.PERSON_NAME) == names


# --- names followed by their sex -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("拟注销户口人员：\n1.蒋佩玲，女，已定居新西兰；\n2.邱振宇，男，已定居英国。", ["蒋佩玲", "邱振宇"]),
        ("补贴对象：\n龚德顺，男，72岁，每月发放。", ["龚德顺"]),
        ("另：骆春燕（女，1968年生）已迁出。", ["骆春燕"]),
    ],
)
def test_a_name_followed_by_its_sex(text: str, names: list[str]) -> None:
    assert found(text, Kind.PERSON_NAME) == names


@pytest.mark.parametrize(
    "text",
    [
        "人民调解委员会：城关镇人民调解委员会",
        "委员：区财政局、区民政局",
        "主任：由区长兼任",
        "车主信息已核实。",
        "所有人员均已到场。",
        "患方：张某，女，住城关镇。",
        "高一，男，共35人；高二，女，共40人。",
        "驾驶人员应当持证上岗。",
        "领取人数：35人",
        "副主任：区民政局局长",
    ],
)
def test_labels_before_no_name_flag_nothing(text: str) -> None:
    assert found(text, Kind.PERSON_NAME) == []


# --- northern rooms after the house number ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("住址：香坊区和平街道安乐里12号楼3门5号，", "香坊区和平街道安乐里12号楼3门5号"),
        ("住址：杏花岭区胜利街36号7号楼1单元9号，", "杏花岭区胜利街36号7号楼1单元9号"),
        ("住址：江北区建新北路88号附6号，", "江北区建新北路88号附6号"),
        ("住址：宽城区长江路街道光明小区5栋1门202，", "宽城区长江路街道光明小区5栋1门202"),
        ("住址：西城区新街口北大街17号\n2门3号，", "西城区新街口北大街17号\n2门3号"),
    ],
)
def test_northern_rooms_after_the_house_number(text: str, address: str) -> None:
    assert found(text, Kind.ADDRESS) == [address]


# --- organisations' seats and street stretches are not personal addresses -------------------------


@pytest.mark.parametrize(
    "text",
    [
        "如有异议，请与区残联联系。区残联地址：朝阳区安定路21号；联系电话：010-64281234。",
        "征收部门地址：沈河区市府大路260号　电话：024-22712345",
        "咨询地址：鼓楼区湖东路96号；咨询电话0591-87651234。",
        "住房保障中心地址：江岸区沿江大道188号；咨询电话027-82801234",
        "不服的，可向和平区民政局申请复核，地址：和平区南京北街125号，电话024-23411234。",
        "路段：中山路12号至86号、解放路3号至40号实行单向通行。",
        "1\t沈阳盛达商贸有限公司\t91210102MA0XK1L55M\t冯立军\t和平区太原北街17号\n",
    ],
)
def test_organisation_seats_and_street_stretches_are_not_flagged(text: str) -> None:
    assert found(text, Kind.ADDRESS) == []


def test_a_home_address_next_to_a_phone_or_in_a_roster_is_still_flagged() -> None:
    assert found("住址：和平区南京北街125号；联系电话13912345678。", Kind.ADDRESS) == ["和平区南京北街125号"]
    row = "1\t冯立军\t210102198003151234\t和平区太原北街17号\n"
    assert found(row, Kind.ADDRESS) == ["和平区太原北街17号"]


# --- a cell right before an ID number: names without a Han surname -----------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("牧户\t身份证号\t金额\n图雅\t152523197203141515\t1,200.00\n", ["图雅"]),
        ("序号  教师  身份证号\n1  次仁卓嘎  540121198806250025  小学\n", ["次仁卓嘎"]),
        ("户\t证件\n阿支莫\t513431199508111714\n", ["阿支莫"]),
    ],
)
def test_a_cell_before_an_id_number_is_its_holders_name(text: str, names: list[str]) -> None:
    assert found(text, Kind.PERSON_NAME) == names


@pytest.mark.parametrize(
    "text",
    ["公民身份号码 513431199508111714", "身份证号\t540121198806250025", "户主\t152523197203141515"],
)
def test_a_label_before_an_id_number_is_not_a_name(text: str) -> None:
    assert found(text, Kind.PERSON_NAME) == []


# --- Yi names: a clan name as a two-character surname ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("姓名\t补助\n果基阿呷\t2000元\n巴莫拉且\t1500元\n", ["果基阿呷", "巴莫拉且"]),
        ("当选人：阿约木果（主任）\n村会计：俄底尔且", ["阿约木果", "俄底尔且"]),
    ],
)
def test_yi_clan_names_are_surnames(text: str, names: list[str]) -> None:
    assert found(text, Kind.PERSON_NAME) == names


# --- a name right before its sex or a bracketed ID or mobile number, whatever its given name -------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("补助名单：\n滕满囤，男，汉族，1958年生。", ["滕满囤"]),
        ("经核实，五组姚春旺（13912345678）反映属实。", ["姚春旺"]),
        ("另查明，覃日囤（身份证号450122196607181536）未到场。", ["覃日囤"]),
    ],
)
def test_a_name_before_its_sex_or_a_bracketed_number(text: str, names: list[str]) -> None:
    assert found(text, Kind.PERSON_NAME) == names


@pytest.mark.parametrize(
    "text",
    [
        "区建设局（13912345678）",
        "送达对象：\n你（身份证号450122196607181536）于2024年",
        "某某公司（13912345678）已整改。",
    ],
)
def test_no_name_before_a_bracketed_number_of_an_office_or_a_pronoun(text: str) -> None:
    assert found(text, Kind.PERSON_NAME) == []

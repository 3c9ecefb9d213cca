"""The kind of an agency, proposed from its name (条例 第四十九条、第五十条第（四）项 depend on it)."""

from __future__ import annotations

import pytest

from gongkai.agencies import AgencyKind, kind_from_name, parse_kind

NAMES = [
    # 县级以上地方人民政府 (条例 第四十九条第二款): the corpus' three government reports.
    ("淮安市人民政府", AgencyKind.GOVERNMENT),
    ("淮安市洪泽区人民政府", AgencyKind.GOVERNMENT),
    ("江苏省人民政府", AgencyKind.GOVERNMENT),
    ("乡宁县人民政府", AgencyKind.GOVERNMENT),  # a county whose name starts with 乡
    ("恩施土家族苗族自治州人民政府", AgencyKind.GOVERNMENT),
    # 县级以上人民政府部门 (第四十九条第一款): the government's own 办公室 is one of them.
    ("淮安市人民政府办公室", AgencyKind.DEPARTMENT),
    ("某省人民政府办公厅", AgencyKind.DEPARTMENT),
    ("平湖市科学技术局", AgencyKind.DEPARTMENT),
    ("上海市科学技术委员会", AgencyKind.DEPARTMENT),
    ("示例市发改委", AgencyKind.DEPARTMENT),
    # 乡（镇）人民政府: 各级人民政府, but not 县级以上.
    ("高良涧镇人民政府", AgencyKind.TOWNSHIP),
    ("某某乡人民政府", AgencyKind.TOWNSHIP),
    # 街道办事处: a 派出机关, not a 人民政府.
    ("某区某某街道办事处", AgencyKind.SUBDISTRICT),
    # The name does not tell: no guess.
    ("平潭综合实验区", None),
    ("某经济技术开发区管理委员会", None),
    ("某镇人民政府办公室", None),
    ("", None),
    (None, None),
]


@pytest.mark.parametrize(("name", "kind"), NAMES)
def test_kind_from_name(name: str | None, kind: AgencyKind | None) -> None:
    derived = kind_from_name(name)
    assert derived.kind is kind
    assert derived.reason  # always says why, in Chinese


def test_spaces_and_a_note_after_the_name_do_not_matter() -> None:
    assert kind_from_name(" 淮安市 人民政府\n").kind is AgencyKind.GOVERNMENT
    assert kind_from_name("示例市示例局（演示数据）").kind is AgencyKind.DEPARTMENT


def test_only_governments_and_townships_are_peoples_governments() -> None:
    # 条例 第五十条第（四）项: "各级人民政府的政府信息公开工作年度报告还应当包括……".
    assert {k for k in AgencyKind if k.is_peoples_government} == {AgencyKind.GOVERNMENT, AgencyKind.TOWNSHIP}


@pytest.mark.parametrize("text", ["人民政府", "government", "县级以上地方人民政府"])
def test_parse_kind_accepts_value_name_and_description(text: str) -> None:
    assert parse_kind(text) is AgencyKind.GOVERNMENT


def test_parse_kind_refuses_in_chinese() -> None:
    with pytest.raises(ValueError, match="未知的机关类别"):
        parse_kind("委办局")

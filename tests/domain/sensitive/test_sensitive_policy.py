"""Masking policies: partial display per kind, removal, keeping, and agency policies from JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongkai.errors import GongkaiError
from gongkai.sensitive import Kind, detect
from gongkai.sensitive.policy import Action, Policy
from gongkai.sensitive.redact import Edit, apply_to_text, plan, splice

DEFAULT_ROWS = [
    (Kind.ID_CARD, "11010519491231002X", "110105********002X"),  # 前6后4, as in published lists
    (Kind.ID_CARD, "110105491231002", "110105*****1002"),  # legacy 15 digits
    (Kind.MOBILE_PHONE, "13812345678", "138****5678"),  # 前3后4
    (Kind.MOBILE_PHONE, "+86 138-1234-5678", "+86 138-****-5678"),  # country code and hyphens stay
    (Kind.EMAIL, "zhangsan@163.com", "z***@163.com"),  # local part masked, domain kept
    (Kind.PERSON_NAME, "张三", "张*"),  # surname kept
    (Kind.PERSON_NAME, "欧阳娜娜", "欧阳**"),  # a two-character surname counts as one unit
    (Kind.ADDRESS, "浙江省平湖市当湖街道中山路123号5幢", "浙江省平湖市当湖街道****"),  # down to 街道
    (Kind.BANK_CARD, "6222 0212 3456 7890 128", "6222 **** **** ***0 128"),  # grouping kept
    (Kind.LICENSE_PLATE, "粤B·A1234", "粤B·****4"),
]


@pytest.mark.parametrize(("kind", "text", "masked"), DEFAULT_ROWS)
def test_default_masks(kind: Kind, text: str, masked: str) -> None:
    assert Policy().replacement(kind, text) == masked


def test_agency_policy_from_dict() -> None:
    policy = Policy.from_dict(
        {
            "agency": "平湖市科学技术局",
            "kinds": {
                "person_name": {"mask_char": "某", "mask_length": 2},  # 张某某
                "uscc": {"action": "keep"},  # a company's code is public
                "address": {"action": "remove"},
            },
        }
    )
    assert policy.agency == "平湖市科学技术局"
    assert policy.replacement(Kind.PERSON_NAME, "张三") == "张某某"
    assert policy.replacement(Kind.PERSON_NAME, "欧阳娜娜") == "欧阳某某"
    assert policy.replacement(Kind.USCC, "91350100M000100Y43") is None
    assert policy.replacement(Kind.ADDRESS, "中山路1号") == "[已删除]"
    assert policy.replacement(Kind.ID_CARD, "11010519491231002X") == "110105********002X"  # built-in default


def test_default_for_every_kind_replaces_the_built_ins() -> None:
    policy = Policy.from_dict({"default": {"action": "remove", "replacement": "（略）"}})
    assert all(policy.for_kind(k).action is Action.REMOVE for k in Kind)
    assert policy.replacement(Kind.MOBILE_PHONE, "13812345678") == "（略）"


def test_policy_file(tmp_path: Path) -> None:
    path = tmp_path / "policy.json"
    path.write_text(
        json.dumps({"kinds": {"mobile_phone": {"keep_start": 0, "keep_end": 0}}}), encoding="utf-8"
    )
    assert Policy.load(path).replacement(Kind.MOBILE_PHONE, "13812345678") == "***********"


BAD_POLICIES = [
    ([1, 2], "应为 JSON 对象"),
    ({"kinds": {"qq_number": {}}}, "未知的信息类别“qq_number”"),
    ({"kinds": {"email": {"action": "hide"}}}, "应为 mask、remove 或 keep"),
    ({"kinds": {"email": {"keep_start": -1}}}, "应为非负整数"),
    ({"kinds": {"email": {"mask_char": "**"}}}, "应为单个字符"),
    ({"colour": "red"}, "未知字段：colour"),
]


@pytest.mark.parametrize(("data", "message"), BAD_POLICIES)
def test_bad_policies_get_chinese_errors(data: object, message: str) -> None:
    with pytest.raises(GongkaiError, match=message):
        Policy.from_dict(data)


def test_bad_policy_file(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(GongkaiError, match="不是有效的 UTF-8 JSON"):
        Policy.load(path)


def test_redact_plain_text() -> None:
    text = "申请人：张三，手机13812345678，身份证号码11010519491231002X。"
    edits = plan(detect(text), Policy())
    assert apply_to_text(text, edits) == "申请人：张*，手机138****5678，身份证号码110105********002X。"


def test_splice_carries_an_edit_across_pieces() -> None:
    # "张" bold in one run, "三" plain in the next: the replacement goes into the first, the rest
    # of the name is deleted from the second, the tab between other pieces stays.
    segments = ["申请人：", "张", "三，", "\t", "好"]
    editable = [True, True, True, False, True]
    (finding,) = detect("".join(segments), kinds=[Kind.PERSON_NAME])
    assert splice(segments, editable, [Edit(finding, "张*")]) == ["申请人：", "张*", "，", "\t", "好"]


def test_splice_refuses_an_edit_it_cannot_carry_out() -> None:
    (finding,) = detect("手机13812345678")
    with pytest.raises(GongkaiError, match="无法在文档中删除"):
        splice(["手机", "13812345678"], [True, False], [Edit(finding, "x")])

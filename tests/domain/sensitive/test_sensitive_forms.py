"""Issue 14, the forms the annotated corpus showed missing: letter-spaced names, the full surname
inventory, minority and foreign names, foreign passports and travel permits after their cue words,
identity numbers in groups or run on into a table's next cell, and organisations' addresses.

The examples are this file's own (the annotated corpus is the measurement, not the tests); those
that are a text and the spans expected in it are in ``cases/forms.toml``."""

from __future__ import annotations

from gongkai.sensitive import Kind, detect, lexicon
from gongkai.sensitive.checksums import id_card_check_char
from gongkai.sensitive.surnames import BAIJIAXING_COMPOUND, BAIJIAXING_SINGLE
from support.detection import found


def _id(first17: str) -> str:
    return first17 + id_card_check_char(first17)


def test_surname_inventory_holds_the_baijiaxing() -> None:
    for surname in "宓甘韦闵翁尤寿闻屠冉濮郦岑项喻满沙卓":
        assert surname in BAIJIAXING_SINGLE
    # 邝 is no surname of the old list: the 2020 report's frequent ones are added to it.
    assert "邝" in lexicon.SINGLE_SURNAMES
    for surname in ("欧阳", "申屠", "闻人", "司空", "第五"):
        assert surname in BAIJIAXING_COMPOUND
    assert len(BAIJIAXING_COMPOUND) >= 60 and len(BAIJIAXING_SINGLE) >= 430


# --- identity numbers -------------------------------------------------------------------------------


def test_identity_number_printed_in_four_groups() -> None:
    number = _id("33100219750312041")
    grouped = f"{number[:6]} {number[6:10]} {number[10:14]} {number[14:]}"
    assert found(f"证件号码：{grouped}，联系地址", Kind.ID_CARD) == [grouped]


def test_identity_number_run_on_into_the_next_cell() -> None:
    number = _id("33040219800101123")
    findings = detect(f"张国强\t{number}56\t重度护理\t310")
    assert [(f.kind, f.text) for f in findings if f.kind == Kind.ID_CARD] == [(Kind.ID_CARD, number)]


def test_run_on_check_fails_without_a_valid_check_character() -> None:
    number = _id("33040219800101123")
    wrong = number[:17] + ("0" if number[17] != "0" else "1")
    assert found(f"张国强\t{wrong}56\t", Kind.ID_CARD) == []

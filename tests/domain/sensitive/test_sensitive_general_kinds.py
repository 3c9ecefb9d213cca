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
        ("姓名        身份证号码+等级代码\n赵长林      3201065208140314    二级", Kind.ID_CARD, ["320106520814031"]),
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

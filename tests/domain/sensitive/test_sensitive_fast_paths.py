"""The detector's fast paths agree with the slow definitions they replace."""

from __future__ import annotations

import pytest

from gongkai.sensitive.checksums import id_card_check_char
from gongkai.sensitive.recognizers import _valid_birth_date, _valid_date


@pytest.mark.parametrize(
    "year",
    [
        0,  # no year 0 in ``date``: never a valid birth date
        1,  # the first year ``date`` accepts
        1900,  # divisible by 100, not by 400: no 29 February
        2000,  # divisible by 400: 29 February exists
        2023,  # an ordinary year
        2024,  # an ordinary leap year
        9999,  # the last year ``date`` accepts
    ],
)
def test_birth_date_lookup_agrees_with_date(year: int) -> None:
    for mmdd in (f"{n:04d}" for n in range(10000)):
        assert _valid_birth_date(year, mmdd) == _valid_date(year, int(mmdd[:2]), int(mmdd[2:])), mmdd


def test_birth_date_with_other_digits_still_goes_through_date() -> None:
    # Arabic-Indic digits are digits to ``int`` (and to ``\d``): 0101 is 1 January.
    assert _valid_birth_date(2000, "\u0660\u0661\u0660\u0661")
    assert not _valid_birth_date(2023, "\u0660\u0662\u0662\u0669")  # 29 February 2023


@pytest.mark.parametrize(
    "first17",
    [
        "1101051949123100",  # 16 characters
        "11010519491231002X",  # 18 characters
        "1101051949123100X",  # a letter among the 17
        "1101051949123100\u0662",  # a non-ASCII digit
    ],
)
def test_id_check_char_refuses_what_is_not_17_ascii_digits(first17: str) -> None:
    with pytest.raises(ValueError):
        id_card_check_char(first17)

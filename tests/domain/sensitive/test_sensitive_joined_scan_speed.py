"""The joined identifier scan's speed-ups (issue 14) find what the plainer forms found."""

from __future__ import annotations

import random
import re

from gongkai.sensitive.corpus import generate
from gongkai.sensitive.decimal_digits import spell_out_digits
from gongkai.sensitive.normalize import normalize
from gongkai.sensitive.recognizers import BankCardRecognizer
from gongkai.sensitive.registry import _NOT_CJK_AFTER_DIGITS, DEFAULT_REGISTRY

# Pieces of identifiers and of what resembles them, with digits of other scripts (Arabic-Indic,
# Devanagari, mathematical, beyond the BMP) and characters next to the digits' ranges.
_PIECES = [
    "330106198709206476",
    "11010519491231002X",
    "91350100M000100Y43",
    "6222021234567890128",
    "6222 0212 3456 7890 128",
    "13812345678",
    "+86 138 1234 5678",
    "0573-82061234",
    "(0573)82061234",
    "zhang.san@example.com",
    "浙F12345",
    "E12345678",
    "110***1234",
    "2023.05.12",
    "2023年",
    "\u0663\u0661\u0660\u0661\u0669\u0668\u0667",
    "\u0967" * 11,
    "\U0001d7cf\U0001d7d0" * 5,
    "\uff11\uff13\uff18",
    "/",
    ":",
    "*",
    " ",
    "-",
    "\n",
    "，",
    "号",
    "7",
    "0",
    "A",
]


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, int | None]]:
    return [(*m.span(), m.lastindex) for m in pattern.finditer(text)]


def _texts(seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = [doc.text for doc in generate(20231, 40)]
    texts += ["".join(rng.choices(_PIECES, k=rng.randint(1, 14))) for _ in range(3000)]
    return [normalize(text) for text in texts]


def test_spelled_out_digits_replace_every_category_and_nothing_else() -> None:
    assert spell_out_digits(r"\d{5}[\dXx](?![^\x00-\x7f\d])\.") == (
        r"[0-9\d]{5}[0-9\dXx](?![^\x00-\x7f0-9\d])\."
    )
    # A "]" first in a class is a member: the class goes on, and so does the replacement inside.
    assert spell_out_digits(r"[]\d][^]\d]\\d") == r"[]0-9\d][^]0-9\d]\\d"
    for code in [*range(0x3000), *range(0x1D7C0, 0x1D800)]:
        ch = chr(code)
        assert bool(re.fullmatch(spell_out_digits(r"\d"), ch)) == ch.isdecimal(), hex(code)


def test_joined_scan_with_spelled_out_digits_and_a_possessive_guard_finds_the_same() -> None:
    """The scanner as built (ASCII digits before the category, the guard's digits possessive)
    against the same expression with plain ``\\d`` and a backtracking guard."""
    scanner = DEFAULT_REGISTRY._scanner
    assert scanner is not None
    assert "{0,5}+" in _NOT_CJK_AFTER_DIGITS and "0-9\\d" in scanner.pattern
    plain = scanner.pattern.replace("[0-9\\d]", "\\d").replace("0-9\\d", "\\d").replace("{0,5}+", "{0,5}")
    assert "0-9\\d" not in plain and "{0,5}+" not in plain
    reference = re.compile(plain)
    for text in _texts(14):
        assert _matches(scanner, text) == _matches(reference, text), text


def test_bank_card_values_start_with_its_value_prefixes() -> None:
    """The joined scan passes over a card rival whose number does not start with one of
    ``value_prefixes``: every number the card recogniser accepts must."""
    card = BankCardRecognizer()
    rng = random.Random(7812)
    accepted = 0
    for _ in range(20_000):
        digits = "".join(rng.choices("0123456789", k=rng.randint(16, 19)))
        grouped = " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))
        text = "卡号：" + (grouped if rng.random() < 0.3 else digits)
        for match in card.pattern.finditer(text):
            if card.finding(text, text, match.start(), match.end()) is not None:
                accepted += 1
                assert text.startswith(card.value_prefixes, match.start()), text
    assert accepted > 300

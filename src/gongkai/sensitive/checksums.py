"""Check digits of Chinese identifiers, shared by the recognisers and the corpus generator.

Hand-written because no maintained PyPI package covers GB 11643 and GB 32100 (the few that exist
are unmaintained or miss lower-case ``x``); each function is a few lines of the standard's formula.
"""

from __future__ import annotations

from operator import mul

# GB 11643-1999 §8.2: weights 2^(17-i) mod 11 for the first 17 digits; the check value is
# (12 - sum mod 11) mod 11, written as "X" when it is 10.
ID_CHECK_CHARS = "10X98765432"


def id_card_check_char(first17: str) -> str:
    """The 18th character of a resident identity card number (GB 11643)."""
    if len(first17) != 17 or not (first17.isascii() and first17.isdigit()):
        raise ValueError("GB 11643 check needs 17 digits")
    # 13 = 2 (mod 11), so the digits read as one base-13 number give sum(d_i * 2^(16-i)) mod 11
    # in a single C call; the standard's weights 2^(17-i) are twice those.
    return ID_CHECK_CHARS[2 * int(first17, 13) % 11]


def id_card_is_valid(number: str) -> bool:
    """18 characters whose last one is the GB 11643 check character (``x`` accepted for ``X``)."""
    return (
        len(number) == 18
        and number[:17].isdigit()
        and number[:17].isascii()
        and id_card_check_char(number[:17]) == number[17].upper()
    )


# Luhn: every second digit from the right is doubled, and 9 subtracted when that exceeds 9. The
# doubling is a byte translation table, so the sum runs over bytes without a Python call per digit.
_LUHN_DOUBLED = bytes.maketrans(b"0123456789", bytes(48 + (2 * d - 9 if d > 4 else 2 * d) for d in range(10)))


def luhn_is_valid(digits: str) -> bool:
    """ISO/IEC 7812 Luhn check over ASCII digits (bank card numbers)."""
    if not (digits.isascii() and digits.isdigit()):
        return False
    data = digits.encode("ascii")
    total = sum(data[-1::-2]) + sum(data[-2::-2].translate(_LUHN_DOUBLED)) - 48 * len(data)
    return total % 10 == 0


def luhn_check_digit(partial: str) -> str:
    """The digit that makes ``partial + digit`` pass the Luhn check."""
    for candidate in "0123456789":
        if luhn_is_valid(partial + candidate):
            return candidate
    raise AssertionError("unreachable: one of ten digits always completes a Luhn number")


# GB 32100-2015 统一社会信用代码: 31 characters (no I, O, Z, S, V), weights 3^i mod 31, the check
# character is the one whose value is (31 - sum mod 31) mod 31.
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_VALUE = {ch: i for i, ch in enumerate(USCC_ALPHABET)}
_USCC_CHARS = frozenset(USCC_ALPHABET)
# ASCII code -> value, as a translation table (characters outside the alphabet never reach it).
_USCC_BYTE_VALUE = bytes.maketrans(USCC_ALPHABET.encode("ascii"), bytes(range(31)))
_USCC_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))


def uscc_check_char(first17: str) -> str:
    """The 18th character of a unified social credit code (GB 32100)."""
    if len(first17) != 17:
        raise ValueError("GB 32100 check needs 17 characters")
    total = sum(map(mul, first17.encode("ascii").translate(_USCC_BYTE_VALUE), _USCC_WEIGHTS))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def uscc_is_valid(code: str) -> bool:
    return len(code) == 18 and set(code) <= _USCC_CHARS and uscc_check_char(code[:17]) == code[17]


# GB 11714-1997 organisation code (the 9th-17th characters of a USCC): weights 3 7 9 10 5 8 4 2,
# check = 11 - sum mod 11, written "X" for 10 and "0" for 11.
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def org_code_check_char(first8: str) -> str:
    total = sum(int(c, 36) * w for c, w in zip(first8, _ORG_WEIGHTS, strict=True))
    value = 11 - total % 11
    return "X" if value == 10 else "0" if value == 11 else str(value)


def org_code_is_valid(code: str) -> bool:
    return (
        len(code) == 9
        and code[:8].isalnum()
        and code[:8].isascii()
        and org_code_check_char(code[:8].upper()) == code[8]
    )


def registration_number_is_valid(number: str) -> bool:
    """The old 15-digit business registration number (工商注册号): ISO 7064 MOD 11,10 (GB/T 17710)."""
    p = 10
    for ch in number[:14]:
        s = (p + int(ch)) % 10 or 10
        p = s * 2 % 11
    return (11 - p) % 10 == int(number[14])

"""The independent corpus's documents and decoys, and the check digits written from the standards."""

from __future__ import annotations

from gongkai.sensitive.labelled import DecoyBuilder, DecoyedDocument

IndependentDocument = DecoyedDocument
Doc = DecoyBuilder


# --- check digits (written here from the standards, independent of the detector's own) ---------

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
FULL = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")
HALF = str.maketrans("０１２３４５６７８９ＸＤＦ", "0123456789XDF")


def id_check_digit(first17: str) -> str:
    """GB 11643-1999 check character of an 18-digit citizen identity number."""
    total = sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS, strict=True))
    return "10X98765432"[total % 11]


def uscc_check_char(first17: str) -> str:
    """GB 32100-2015 check character of a unified social credit code."""
    total = sum(USCC_CHARS.index(c) * w for c, w in zip(first17, USCC_WEIGHTS, strict=True))
    return USCC_CHARS[(31 - total % 31) % 31]


def luhn_valid(digits: str) -> bool:
    total = 0
    for i, c in enumerate(reversed(digits)):
        n = int(c)
        if i % 2:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


def to_halfwidth(text: str) -> str:
    return text.translate(HALF)

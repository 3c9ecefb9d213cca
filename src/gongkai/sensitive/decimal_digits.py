"""``\\d`` (every Unicode decimal digit) in forms ``re`` tests faster, for the joined scan.

In a ``str`` pattern ``re`` tests ``\\d`` as a Unicode category: a call into the character
database for every character it reads, ASCII digits included. The joined identifier scan reads
``\\d`` at every digit of every number it looks at.
"""

from __future__ import annotations


def _decimal_ranges() -> str:
    """``\\d`` as a class body without the category: the BMP's digits as ranges, and every
    character beyond the BMP. Unicode assigns decimal digits in runs of ten, 0 to 9
    (Numeric_Type=Decimal), so every tenth code point is looked at (a look at each cost 10 ms at
    import) and a run is read back from the digit's value."""
    runs = []
    for code in range(0, 0x10000, 10):
        if (ch := chr(code)).isdecimal():
            first = code - int(ch)
            runs.append(f"{chr(first)}-{chr(first + 9)}")
    return "".join(runs) + "\U00010000-\U0010ffff"


# For a leading class whose branches check their first character again by a look-behind: the
# BMP's decimal digits and every character beyond the BMP (one range's test there, not one per
# run of digits), so that one table answers for every CJK character.
DECIMAL_DIGITS_AND_BEYOND_BMP = _decimal_ranges()

# ``\d`` with the ASCII digits first: ``re`` builds a bitmap of "0-9" and tests the category only
# for a character outside it, so an ASCII digit (nearly every digit it reads) costs one bit test.
# The same characters as ``\d`` (0-9 are decimal digits). Written as ranges throughout instead,
# the scan was slower: the ranges beyond the BMP are tested one by one for every non-digit.
_ASCII_DIGITS_FIRST = "0-9\\d"


def spell_out_digits(pattern: str) -> str:
    """``pattern`` with every ``\\d`` written ``[0-9\\d]`` (inside a class, ``0-9\\d``). Other
    escapes are copied as they are."""
    out = []
    in_class = False
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            escape = pattern[i : i + 2]
            if escape == "\\d":
                out.append(_ASCII_DIGITS_FIRST if in_class else f"[{_ASCII_DIGITS_FIRST}]")
            else:
                out.append(escape)
            i += 2
            continue
        if ch == "[" and not in_class:
            in_class = True
            # A "]" (or "^]") right after the opening bracket is a member, not the end.
            opening = "[^" if pattern.startswith("[^", i) else "["
            out.append(opening)
            i += len(opening)
            if pattern.startswith("]", i):
                out.append("]")
                i += 1
            continue
        if ch == "]" and in_class:
            in_class = False
        out.append(ch)
        i += 1
    return "".join(out)

"""The header of the table column a number stands in, for recognisers whose reading depends on it.

A flattened table (cells separated by tabs or by Markdown's "|") names what its numbers are once,
in its header row: a column headed 注册证编号, 许可证号 or 存单号 holds no identity numbers or bank
cards, even where a number has an identity number's region code and birth date (a licence number
starting with the issuing region and its date) or passes a card's Luhn check by chance.
"""

from __future__ import annotations

import re

# How many rows above a cell the header is looked for (a longer table's header is too far to say).
_MAX_ROWS = 40
# Headers of columns of other documents' numbers, and of the columns that do hold ours: a driver's
# 从业资格证号 is the identity number itself, a 残疾人证号 the identity number and two digits.
_DIGIT = re.compile(r"\d")
_RULE_CHARACTERS = frozenset("|-: \t")
_OTHER_NUMBER_HEADERS = ("编号", "证号", "注册号", "许可证", "存单", "登记号", "批准文号")
_PERSONAL_NUMBER_HEADERS = ("身份", "证件号", "卡号", "账号", "帐号", "从业资格", "残疾人证")


def column_header(norm: str, start: int) -> str | None:
    """The header cell of the column whose cell starts at ``start``, or None when ``start`` is not
    the start of a cell or no header row (a row without any digit) is found above it."""
    line_start = norm.rfind("\n", 0, start) + 1
    prefix = norm[line_start:start].rstrip(" ")
    separator = prefix[-1:]
    if separator not in ("\t", "|"):
        return None
    column = prefix.count(separator)
    row_end = line_start - 1
    for _ in range(_MAX_ROWS):
        if row_end < 1:
            return None
        row_start = norm.rfind("\n", 0, row_end) + 1
        if norm.count(separator, row_start, row_end) < column:
            return None  # the table ends above: a text line or a blank one
        if _DIGIT.search(norm, row_start, row_end) is None:
            row = norm[row_start:row_end]
            if not set(row) <= _RULE_CHARACTERS:  # not Markdown's rule under the header
                return row.split(separator)[column].strip()
        row_end = row_start - 1
    return None


def in_other_number_column(norm: str, start: int) -> bool:
    """Whether the number at ``start`` is a cell of a column headed as another document's number
    (注册证编号, 许可证号, 存单号 …) and not as an identity number or a card."""
    header = column_header(norm, start)
    if not header:
        return False
    return any(word in header for word in _OTHER_NUMBER_HEADERS) and not any(
        word in header for word in _PERSONAL_NUMBER_HEADERS
    )

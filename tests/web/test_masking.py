"""Masking applicants' personal data in lists, receipts and logs."""

from __future__ import annotations

import logging

import pytest

from gongkai.web.applications.masking import (
    mask_email,
    mask_id,
    mask_name,
    mask_phone,
    shown_name,
)
from gongkai.web.security import MaskPersonalDataFilter as MaskingLogFilter


@pytest.mark.parametrize(
    ("fn", "value", "masked"),
    [
        (mask_id, "110101199001011237", "110101********1237"),  # resident ID: region + last four
        (mask_id, "11010119900101123X", "110101********123X"),
        (mask_id, "E12345678", "E1***5678"),  # passport: short numbers keep less
        (mask_phone, "13812345678", "138****5678"),  # mobile
        (mask_phone, "0573-85123456", "057******3456"),  # landline
        (mask_name, "张三", "张*"),
        (mask_name, "欧阳娜娜", "欧***"),
        (mask_email, "zhangsan@example.com", "z***@example.com"),
    ],
)
def test_masks(fn: object, value: str, masked: str) -> None:
    assert fn(value) == masked  # type: ignore[operator]


def test_log_filter_masks_numbers_in_messages() -> None:
    record = logging.LogRecord(
        "x", logging.WARNING, __file__, 1, "申请人 %s 电话 %s", ("110101199001011237", "13812345678"), None
    )
    assert MaskingLogFilter().filter(record)
    assert record.getMessage() == "申请人 110101********1237 电话 138****5678"


@pytest.mark.parametrize(
    ("natural_person", "full", "shown"),
    [(True, False, "张*"), (True, True, "张三"), (False, False, "张三"), (False, True, "张三")],
)
def test_one_rule_shows_a_name(natural_person: bool, full: bool, shown: str) -> None:
    """Organisations' names are not personal data; a person's name is in full only for those
    who may see personal data."""
    assert shown_name("张三", natural_person=natural_person, full=full) == shown

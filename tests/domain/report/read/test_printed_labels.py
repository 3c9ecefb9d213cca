"""The reader keeps each table-3 row's label as printed (meta["table3_labels"], rule T3-LABEL)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.report.read import read_report
from gongkai.report.read.assembler import TABLE3_LABELS_KEY
from gongkai.report.read.labels import printed_row_label

LABELS = [
    # From the row's own ordinal on: the group label and headers above it are not part of it.
    ("（三）不\n予公开\n1.属于国家秘密", "1.属于国家秘密"),
    ("申请人情况 自然人 … 其他 一、本年新收政府信息公开申请数量", "一、本年新收政府信息公开申请数量"),
    (
        "（二）部分公开（区分处理的，只计这一情\n形，不计其他情形）",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    ),
    # As printed: other numbering and typos stay.
    ("（六）其\n他处理\n1、申请人无正当理由逾期不补\n正、行政机关不再处理其政府信\n息公开申请", None),
    ("2.其他法律行政止公开", "2.其他法律行政止公开"),
    # Digits of the previous row glued to the ordinal, or a value glued after the label.
    ("10000016.属于四类过程性信息", "6.属于四类过程性信息"),
    ("一、本年新收政府信息公开申请数量32", "一、本年新收政府信息公开申请数量"),
]


@pytest.mark.parametrize(("raw", "printed"), LABELS)
def test_printed_row_label(raw: str, printed: str | None) -> None:
    expected = printed or "1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
    assert printed_row_label(raw) == expected


@pytest.mark.parametrize(
    ("name", "row", "printed"),
    [
        ("001.pdf", "other_other", "3、其他"),
        ("001.pdf", "deny_law", "2.其他法律行政法规禁止公开"),
        ("002.pdf", "deny_law", "2.其他法律行政止公开"),
        ("000_e8025cd57936e9f9.txt", "other_other", "3.其他"),
    ],
)
def test_corpus_labels_are_kept_as_printed(corpus_dir: Path, name: str, row: str, printed: str) -> None:
    report = read_report(corpus_dir / name)
    assert report.meta[TABLE3_LABELS_KEY][row] == printed

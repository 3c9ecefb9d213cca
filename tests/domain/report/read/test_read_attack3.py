"""The third attack on the reader (``tests/support/attack3.py``): every wrong value it found, reduced
to one changed line of a report copied as tab-separated rows, then the property over all its kinds.

Found before the fixes (``bench/bench_reader_attack3.py --samples 200``, see bench/RESULTS.md):
table 三 with 总计 printed first (10,584 wrong values, every sample), two organisation columns
swapped (3,334), a footnote mark after a figure ("3¹" read as 31: 137), a tracked change kept in a
copy (``<del>7</del><ins>11</ins>`` read as 711: 173; "2 0" in one cell read as 20: 174), a page
number or print date below a row read into its 总计 ("1" + "2" as 12: 13), a column lost in the copy
and a figure split to fill its place (43).
"""

from __future__ import annotations

import pytest

from gongkai.report.model import AnnualReport
from gongkai.report.read import read_bytes
from gongkai.report.read.cells import parse_count
from gongkai.report.rules import check
from support.attack import _page as page
from support.attack import html_cells, read_right_or_null, sample
from support.attack3 import ALL_KINDS, MISPRINTED, attack3

_NEW = "一、本年新收政府信息公开申请数量\t86\t10\t0\t3\t7\t2\t108"
_GRANTED = "（一）予以公开\t31\t4\t0\t0\t2\t1\t38"


def _copied(**lines: tuple[str, str]) -> tuple[str, AnnualReport]:
    """Sample 0 copied as tab-separated rows, with some lines replaced (``old=new`` by content)."""
    report = sample(0)
    text = html_cells(page(report, seed=0), "\t")
    for old, new in lines.values():
        assert old in text
        text = text.replace(old, new)
    return text, report


def _findings(report: AnnualReport) -> list[str]:
    return [f["message"] for f in report.meta.get("read_findings", ())]


def test_table3_with_its_total_column_first_is_read_into_the_right_columns() -> None:
    text, truth = _copied()
    header = "自然人\t法人或其他组织\t总计"
    assert header in text
    rows = [line for line in text.split("\n") if line.count("\t") >= 7 and line.split("\t")[-7].isdigit()]
    for line in rows:
        cells = line.split("\t")
        text = text.replace(line, "\t".join([*cells[:-7], cells[-1], *cells[-7:-1]]))
    text = text.replace(header, "总计\t自然人\t法人或其他组织")
    assert "一、本年新收政府信息公开申请数量\t108\t86\t10\t0\t3\t7\t2" in text
    back = read_bytes(text.encode())
    assert back.table3 == truth.table3
    assert any("总计列印在最前" in m for m in _findings(back))


def test_table3_with_two_organisation_columns_swapped_in_its_header_is_not_read() -> None:
    """Every row still adds up with 法律服务机构 and 其他 swapped: only the header shows it."""
    text, truth = _copied(
        header=("法律服务机构\t其他", "其他\t法律服务机构"),
        new=(_NEW, "一、本年新收政府信息公开申请数量\t86\t10\t0\t3\t2\t7\t108"),
    )
    back = read_bytes(text.encode())
    assert back.table3.row("new").legal_service is None
    assert back.table3.row("new").other is None
    assert back.table2 == truth.table2
    assert any("顺序与标准表格不同" in m for m in _findings(back))


@pytest.mark.parametrize("mark", ["¹", "²", "①", "⑵"])
def test_a_footnote_mark_after_a_figure_is_not_a_digit_of_it(mark: str) -> None:
    assert parse_count(f"3{mark}") in (3, None)
    text, _truth = _copied(granted=(_GRANTED, f"（一）予以公开\t31{mark}\t4\t0\t0\t2\t1\t38"))
    assert read_bytes(text.encode()).table3.row("granted").natural in (31, None)


def test_a_struck_out_old_value_is_not_read_into_the_new_one() -> None:
    text, truth = _copied(granted=(_GRANTED, "（一）予以公开\t31\t4\t~~5~~0\t0\t2\t1\t38"))
    assert read_bytes(text.encode()).table3 == truth.table3


def test_two_figures_apart_in_one_cell_are_not_one_number() -> None:
    """A tracked change kept as "2 0" (old, new) in one cell: 20 is wrong; a space between groups of
    three is a thousands separator and stays one number."""
    assert parse_count("2 0") is None
    assert parse_count("12 13") is None
    assert parse_count("1 234") == 1234
    assert parse_count("1\u2009234") == 1234
    text, _truth = _copied(granted=(_GRANTED, "（一）予以公开\t31\t4\t2 0\t0\t2\t1\t38"))
    assert read_bytes(text.encode()).table3.row("granted").research in (0, None)


def test_deleted_text_of_an_html_page_is_not_read() -> None:
    """Word's tracked changes saved as HTML: ``<del>7</del><ins>11</ins>`` shows 11."""
    truth = sample(0)
    data = attack3("track_changes_html_del_ins", 0)
    assert b"<del>" in data.data
    assert read_bytes(data.data).table3 == truth.table3


def test_the_2019_single_other_row_in_a_2021_report_is_read_as_that_row() -> None:
    damaged = attack3("t3_other_processing_2019_row", 0)
    assert "（六）其他处理\t" in damaged.data.decode()
    back = read_bytes(damaged.data)
    assert back.table3 == damaged.truth.table3


#: Samples per kind for the property (every fifth one in the 2019 format); about 0.01 s CPU a read.
SEEDS = range(20)


@pytest.mark.parametrize("kind", list(ALL_KINDS))
def test_no_wrong_value(kind: str) -> None:
    """Over every kind of attack 3: no cell read differs from the truth (null is allowed), no crash,
    no read over 5 s of CPU; a misprinted figure (the truth as printed) leaves the table flagged."""
    for seed in SEEDS:
        damaged = attack3(kind, seed)
        read_right_or_null(damaged, seed)
        if kind in MISPRINTED:
            findings = check(read_bytes(damaged.data))
            assert any(f.severity == "error" for f in findings), f"seed {seed}: {damaged.note}"


def test_a_unit_after_each_figure_of_a_spaced_row_is_part_of_the_figure() -> None:
    """ "（一）予以公开 31件 4件 0件 …": the 件 is not a label between two figures (the row was
    unread before: null, not wrong; attack 3's units_after_figures_space read nothing at all)."""
    text, truth = _copied(granted=(_GRANTED, "（一）予以公开\t31件\t4件\t0件\t0件\t2件\t1件\t38件"))
    back = read_bytes(text.replace("\t", " ").encode())
    assert back.table3.row("granted") == truth.table3.row("granted")


def test_the_chinese_numeral_zero_alone_is_zero() -> None:
    assert parse_count("〇") == 0
    assert parse_count("零") == 0
    text, truth = _copied(granted=(_GRANTED, "（一）予以公开\t31\t4\t〇\t零\t2\t1\t38"))
    assert read_bytes(text.encode()).table3.row("granted") == truth.table3.row("granted")
    assert read_bytes(text.replace("\t", " ").encode()).table3.row("granted") == truth.table3.row("granted")


def test_a_page_number_below_a_row_is_not_a_digit_of_its_total() -> None:
    """Sample 29 (2019 format), spaced: a lone page number "2" printed below "1.属于国家秘密 1 0 0 0 0
    0 1". The row then has eight figures; reading 1 and 2 as one faulty published cell "12" (issue 13
    item 7, glued_fault) is a wrong value: a faulty cell is a figure as printed, not two run together."""
    damaged = attack3("t3_footer_inside_space", 29)
    assert "1.属于国家秘密 1 0 0 0 0 0 1\n2\n" in damaged.data.decode()
    assert read_bytes(damaged.data).table3.row("deny_secret").total in (1, None)


def test_a_row_one_figure_short_is_not_filled_by_splitting_a_figure() -> None:
    """A column lost in the copy (sample 39 without its 自然人 column): "一、本年新收… 1 0 1 2 0 26" is
    six figures for seven columns; 1 | 0 | 1 | 2 | 0 | 2 | 6 adds up, but a cell left out explains
    the six figures as simply as two cells run together. Null, not 26 split into 2 and 6."""
    damaged = attack3("t3_column_dropped", 39)
    assert "一、本年新收政府信息公开申请数量\t1\t0\t1\t2\t0\t26\n" in damaged.data.decode()
    new = read_bytes(damaged.data).table3.row("new")
    for column, value in new.items():
        assert value in (damaged.truth.table3.cell("new", column), None), column
    spaced = damaged.data.decode().replace("\t", " ").encode()
    for column, value in read_bytes(spaced).table3.row("new").items():
        assert value in (damaged.truth.table3.cell("new", column), None), column


def test_rows_that_lost_their_labels_under_the_column_header_are_placed_by_position() -> None:
    """Merged cells dropped from the HTML: the first rows lose their labels, and the header row
    ("商业企业 科研机构 …") runs into the first row's figures as if it were its label. It is not one:
    the six unlabelled rows are the six missing rows, in order, and the sums confirm it."""
    damaged = attack3("spans_dropped", 0)
    text = damaged.data.decode()
    assert "其他\n86\t10\t0\t3\t7\t2\t108" in text
    back = read_bytes(damaged.data)
    assert back.table3 == damaged.truth.table3
    assert "按位置" in (back.provenance["table3.new.natural"].note or "")

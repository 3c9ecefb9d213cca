"""The fifth attack on the reader (``tests/support/attack5.py``): real converters' output, reduced.

A PDF's layout text (``pdftotext -layout``, pypdf's ``extraction_mode="layout"``) prints a row label
that wraps in its cell on several lines, the row's figures on the line where their baseline falls,
and the vertical group headings ("三、本年度办理结果") a character or two per line.
"""

from __future__ import annotations

import re
from pathlib import Path

from gongkai.report.model import TABLE3_COLUMN_KEYS, TABLE3_ROW_KEYS
from gongkai.report.read import read_bytes
from support.attack import sample, score
from support.attack5 import converted

#: ``pdftotext -layout`` (poppler 22) of sample 0's PDF: the narrative of section 三 and table 三.
#: As text, because CI has no poppler.
PDFTOTEXT_LAYOUT = Path(__file__).with_name("pdftotext_layout_table3.txt")
_WRAPPED = ("partial", "reject_confirm", "other_overdue_fee")


def test_rows_whose_wrapped_label_continues_after_their_figures_are_read() -> None:
    """pypdf's layout text: "（二）部分公开（区分处理的，只计这一  0 0 0 1 1 0 2" then "情形，不计其他
    情形）" on the next line. No row label matched the cut label, so three rows were null."""
    damaged = converted("pypdf_layout", 0)
    assert "（二）部分公开（区分处理的，只计这一 " in damaged.data.decode()
    back = read_bytes(damaged.data)
    assert back.table3 == damaged.truth.table3
    for key in _WRAPPED:
        note = back.provenance[f"table3.{key}.total"].note
        assert note is not None and "断行" in note


def test_figures_between_the_lines_of_their_label_and_beside_a_heading_fragment_are_read() -> None:
    """pdftotext's layout text: figures alone between a label's two lines, the 重复申请 row's figures
    on a line that holds only "果" (of the vertical "三、本年度办理结果") with its label below, and a
    sentence of the narrative ("结转下年度继续办理8件") that names a row before the table."""
    text = PDFTOTEXT_LAYOUT.read_text(encoding="utf-8")
    back = read_bytes(text.encode("utf-8"))
    truth = sample(0).table3
    for key in TABLE3_ROW_KEYS:
        if key in truth.rows:
            assert back.table3.row(key) == truth.row(key), key
    note = back.provenance["table3.reject_repeat.total"].note
    assert note is not None and "按位置对应" in note


def test_a_row_known_by_its_label_beginning_is_null_when_the_sums_do_not_confirm_it() -> None:
    """The cut label decides the row only with the table's sums: figures that break the column
    rules leave the row null with a reason, never read under a row they may not belong to."""
    damaged = converted("pypdf_layout", 0)
    text = damaged.data.decode()
    line = next(x for x in text.splitlines() if "只计这一" in x)
    changed = re.sub(r"1(\s+)0(\s+)2$", r"2\g<1>0\g<2>3", line)  # the row still adds up
    assert changed != line
    back = read_bytes(text.replace(line, changed).encode("utf-8"))
    got = dict(back.cells())
    assert all(got[f"table3.partial.{c}"] is None for c in TABLE3_COLUMN_KEYS)
    messages = [f["message"] for f in back.meta["read_findings"] if f["cell"] == "table3.partial"]
    assert any("未经合计关系证实" in m for m in messages)
    assert back.table3.row("granted") == damaged.truth.table3.row("granted")


def test_figures_each_on_a_line_of_their_own_are_never_split_into_a_row() -> None:
    """pdfminer.six prints each table cell as a text box of its own: after "7.属于行政执法案卷" come
    four figures of the 自然人 column ("22", "23", "27", "18"), one per line. Their digits split as
    2 2 2 3 2 7 | 18 add up, and were read as that row (seven wrong values)."""
    damaged = converted("pdfminer", 19, big=True)
    assert "7.属于行政执法案卷\n\n22\n\n23\n\n27\n\n18\n" in damaged.data.decode()
    assert score(damaged).wrong == []


def test_a_big_glued_table_is_solved_within_the_solver_bound() -> None:
    """BeautifulSoup's get_text(strip=True) runs every cell together; with four-digit figures the
    joint solver explored readings failing four （七）总计 rules until its time bound, and table 三
    was null. It now looks for readings failing the fewest rules first, cutting every branch whose
    open rules can no longer hold: a few dozen steps."""
    damaged = converted("bs4_get_text_strip", 5, big=True)
    assert "数量1262134221897601593二、" in damaged.data.decode()
    back = read_bytes(damaged.data)
    assert back.table3 == damaged.truth.table3

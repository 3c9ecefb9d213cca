"""Issue 13's smaller kinds of damage, each on its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.report.read import read_bytes
from gongkai.report.read.cells import classify, parse_count
from gongkai.report.read.document import TextLine
from gongkai.report.read.encoding import decode
from gongkai.report.read.labels import normalize
from gongkai.report.read.text import extract_text, split_inline_headings


def test_a_note_glued_to_a_cell_is_not_part_of_the_figure() -> None:
    assert parse_count("22（其中修订 16 件）") == 22
    assert classify("22（其中修订 16 件）").value == "number"


def test_traditional_labels_compare_equal() -> None:
    assert normalize("一、本年新收政府信息公開申請數量") == normalize("一、本年新收政府信息公开申请数量")
    assert normalize("二、上年結轉") == normalize("二、上年结转")
    assert normalize("１２") == "12"


def test_inline_section_headings_become_lines_of_their_own() -> None:
    text = (
        "……提供了重要保障。二、主动公开政府信息情况2023年本机关制发行政规范性文件3件。"
        "三、收到和处理政府信息公开申请情况本年新收"
    )
    assert split_inline_headings(text) == [
        "……提供了重要保障。",
        "二、主动公开政府信息情况",
        "2023年本机关制发行政规范性文件3件。",
        "三、收到和处理政府信息公开申请情况",
        "本年新收",
    ]
    # "四、结转下年度继续办理" is a table row, not a section heading.
    assert len(split_inline_headings("四、结转下年度继续办理1000001" * 3)) == 1


@pytest.mark.parametrize(
    ("text", "last"),
    [
        # Without the leading pipe; a cell on its own line ending in "|".
        ("行政许可 | 12 |\n规章 | 0 | 1 | 2 |\n收费 |\n", "收费"),
        # Without the closing pipe too; a pipe inside a sentence stays text.
        ("行政许可 | 12\n规章 | 0 | 1 | 2\n甲|乙说明\n", "甲|乙说明"),
    ],
)
def test_pipe_rows_are_rows_of_cells(text: str, last: str) -> None:
    doc = extract_text(text)
    texts = [[c.text for c in b.cells] if not isinstance(b, TextLine) else b.text for b in doc.blocks]
    assert texts == [["行政许可", "12", "规章", "0", "1", "2"], last]


def test_a_text_that_stops_on_a_figure_is_marked_cut() -> None:
    assert extract_text("规章\n1\n2").cut
    assert not extract_text("规章\n1\n2\n").cut
    assert not extract_text("规章\n1\n说明").cut


def test_utf8_cut_inside_its_last_character_still_decodes() -> None:
    data = "规章\n1\n说明".encode()[:-2]
    assert decode(data) == ("规章\n1\n说", "utf-8")


def test_007_cut_inside_table3_is_still_a_report(corpus_dir: Path) -> None:
    data = (corpus_dir / "007.txt").read_bytes()
    at = data.find("（四）无法提供1.本机关不掌握相关政府信息2200".encode())
    report = read_bytes(data[: at + len("（四）无法提供1.本机关不掌握相关政府信息2200".encode()) - 1])
    assert report.table3.row("new").total == 70 and report.table3.row("deny_query").total == 1
    assert report.table3.row("unable_nodata").is_empty() and report.table3.row("total").is_empty()
    messages = {f["cell"]: f["message"] for f in report.meta["read_findings"]}
    assert messages["table3.unable_nodata"].startswith("报告在此处截断")
    assert messages["table3.total"].startswith("报告在此处截断")


def test_every_page_of_a_line_holding_form_feeds_is_read() -> None:
    """pdftotext output whose line breaks were removed keeps only its form feeds: the text of every
    page is read, not only the last page's (issue 13: such a text was refused)."""
    doc = extract_text("第一页 一、总体情况\f第二页 二、主动公开政府信息情况\f第三页的文字")
    texts = "".join(b.text for b in doc.blocks if isinstance(b, TextLine))
    assert "第一页" in texts and "第二页" in texts and "第三页的文字" in texts
    assert [b.page for b in doc.blocks if isinstance(b, TextLine)][-1] == 3


def test_a_text_cut_inside_table_two_s_first_row_is_still_a_report() -> None:
    """Issue 13: exit 2 only when none of tables 二–四 is found. Table 二 under its own header, cut
    inside its first row, is found: the report is read, its cells null."""
    text = (
        "示例市示例局2023年度政府信息公开工作年度报告\n"
        "二、主动公开政府信息情况\n"
        "第二十条第（一）项\n"
        "信息内容 本年制发件数 本年废止件数 现行有效件数\n"
        "规章 4 0 2"
    )
    report = read_bytes(text.encode("utf-8"))
    assert report.table2.regulations.in_force is None
    assert report.table3.cell("new", "total") is None

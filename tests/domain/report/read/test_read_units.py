"""The readers' small parts: label normalisation, cell values, digit regrouping, extraction shapes."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gongkai.errors import ReportFormatError
from gongkai.report.read import html, markdown, text
from gongkai.report.read.cells import CellKind, classify, parse_amount, parse_count, regroupings
from gongkai.report.read.document import Grid, TextLine
from gongkai.report.read.encoding import decode
from gongkai.report.read.labels import normalize, section_heading, table3_fuzzy, table3_matches


@pytest.mark.parametrize(
    ("printed", "normal"),
    [
        # Full-width brackets and digits become ASCII (NFKC).
        ("（三）不予公开", "(三)不予公开"),
        ("１．属于国家秘密", "1.属于国家秘密"),
        # Ordinal punctuation: 1、 1． 1 . are all "1.".
        ("1、申请人无正当理由", "1.申请人无正当理由"),
        ("3 . 其他", "3.其他"),
        # Line breaks and PDF letter-spacing inside a label.
        ("商业\n企业", "商业企业"),
        ("结 果 维 持", "结果维持"),
        # Quotes and list punctuation dropped.
        ("3.危及“三安全一稳定”", "3.危及三安全一稳定"),
        ("逾期不补正、行政机关", "逾期不补正行政机关"),
        # Word bookmark residue.
        ("[bookmark: _GoBack]本年处理决定数量", "本年处理决定数量"),
        # A decimal stays a decimal.
        ("96171.6", "96171.6"),
    ],
)
def test_normalize(printed: str, normal: str) -> None:
    assert normalize(printed) == normal


@pytest.mark.parametrize(
    ("label", "keys"),
    [
        # Group labels around a row label: the row is the last label.
        ("三、本年度办理结果（三）不予公开1.属于国家秘密", ["deny_secret"]),
        # "其他" alone is only the 3.其他 row with its ordinal.
        ("3、其他", ["other_other"]),
        ("法人或其他组织", []),
        # The single 2019 row, and the same words as a group label over a 2021 sub-row.
        ("（六）其他处理", ["other"]),
        (
            "（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            ["other", "other_overdue_correction"],
        ),
        # A label split between pages ("（四）无" … "法提供").
        ("法提供2.没有现成信息需要另行制作", ["unable_create"]),
        # The documented corpus typo.
        ("2.其他法律行政止公开", ["deny_law"]),
        ("（七）总计", ["total"]),
        ("总计", []),
    ],
)
def test_table3_labels(label: str, keys: list[str]) -> None:
    assert [m.key for m in table3_matches(normalize(label))] == keys


@pytest.mark.parametrize(
    ("label", "key"),
    [
        # One character missing.
        ("3.要求提供公开出版", "reject_publication"),
        # One character wrong.
        ("1.本机关不掌握相关政府信急", "unable_nodata"),
        # Nothing like a row label.
        ("合计金额", None),
    ],
)
def test_table3_fuzzy(label: str, key: str | None) -> None:
    found = table3_fuzzy(normalize(label))
    assert (found[0] if found else None) == key


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("一、总体情况", "一"),
        ("1、 总体情况", "一"),
        ("二、主动公开政府信息情况。", "二"),
        ("（三）收到和处理政府信息公开申请情况", "三"),
        ("四、政府信息公开行政复议和行政诉讼情况", "四"),
        ("第五部分 存在的主要问题及改进情况", "五"),
        ("六、其他需要报告的事项", "六"),
        # Sub-headings and table rows are not sections.
        ("（1） 主动公开情况。", None),
        ("（二）依申请公开情况。", None),
        ("三、本年度办理结果", None),
        ("一、本年新收政府信息公开申请数量", None),
        ("四、结转下年度继续办理", None),
        ("总体情况", None),
    ],
)
def test_section_headings(line: str, number: str | None) -> None:
    heading = section_heading(line)
    assert (heading.number if heading else None) == number


@pytest.mark.parametrize(
    ("raw", "kind", "count"),
    [
        ("12", CellKind.NUMBER, 12),
        ("１２", CellKind.NUMBER, 12),
        (" 3 ", CellKind.NUMBER, 3),
        ("1,234", CellKind.NUMBER, 1234),
        ("5件", CellKind.NUMBER, 5),
        ("", CellKind.BLANK, None),
        ("/", CellKind.BLANK, None),
        ("—", CellKind.BLANK, None),
        ("无", CellKind.BLANK, None),
        ("1O", CellKind.UNREADABLE, None),
        ("三", CellKind.UNREADABLE, None),
        # A decimal is a number (an amount) but not a count.
        ("2.5", CellKind.NUMBER, None),
    ],
)
def test_cell_values(raw: str, kind: CellKind, count: int | None) -> None:
    assert classify(raw) is kind
    assert parse_count(raw) == count


@pytest.mark.parametrize(
    ("raw", "amount"),
    [
        ("96171.6", Decimal("96171.6")),
        ("7,730.28", Decimal("7730.28")),
        ("0", Decimal(0)),
        ("12万元", Decimal(12)),
    ],
)
def test_amounts_are_decimal(raw: str, amount: Decimal) -> None:
    assert parse_amount(raw) == amount


@pytest.mark.parametrize(
    ("tokens", "joinable", "width", "readings"),
    [
        # As printed.
        (["1", "2"], [False, False], 2, [(1, 2)]),
        # One token holds two cells; no leading zeros.
        (["123"], [False], 2, [(1, 23), (12, 3)]),
        (["105"], [False], 2, [(10, 5)]),
        (["100"], [False], 2, [(10, 0)]),
        # A number broken over two lines (joinable) and read as one.
        (["31", "19"], [False, True], 1, [(3119,)]),
        # Not enough digits.
        (["1"], [False], 2, []),
    ],
)
def test_regroupings(
    tokens: list[str], joinable: list[bool], width: int, readings: list[tuple[int, ...]]
) -> None:
    assert regroupings(tokens, joinable, width) == readings


def test_regroupings_refuse_runs_too_long_to_enumerate() -> None:
    assert regroupings(["1" * 60], [False], 7) == []


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("报告".encode(), ("报告", "utf-8")),
        (b"\xef\xbb\xbf" + "报告".encode(), ("报告", "utf-8")),
        ("报告".encode("gbk"), ("报告", "gb18030")),
        (b"\xff\xfe" + "报告".encode("utf-16-le"), ("报告", "utf-16-le")),
        # UTF-16 without a BOM: the NUL bytes of digits and line breaks give it away.
        ("规章 0 0 0\n行政许可 12\n".encode("utf-16-be"), ("规章 0 0 0\n行政许可 12\n", "utf-16-be")),
        ("规章 0 0 0\n行政许可 12\n".encode("utf-16-le"), ("规章 0 0 0\n行政许可 12\n", "utf-16-le")),
        # Big5 from a traditional-character mirror: GB18030 would turn it into nonsense.
        (
            "臺北市政府資訊公開年報\n規章 0 0 0\n".encode("big5"),
            ("臺北市政府資訊公開年報\n規章 0 0 0\n", "big5"),
        ),
    ],
)
def test_decode(data: bytes, expected: tuple[str, str]) -> None:
    assert decode(data) == expected


def test_decode_refuses_binary() -> None:
    with pytest.raises(ReportFormatError):
        decode(b"\x00\x01\x02\x03\xff\xfe\x00" * 50)


def _cells(grid: Grid) -> list[tuple[str, int, int, int, int]]:
    return [(c.text, c.row, c.column, c.row_span, c.column_span) for c in grid.cells]


def _unmerged(*rows: list[str]) -> list[tuple[str, int, int, int, int]]:
    """What ``_cells`` gives for a grid of these rows' texts without merged cells."""
    return [(text, r, c, 1, 1) for r, row in enumerate(rows) for c, text in enumerate(row)]


def test_html_places_merged_cells_like_a_browser() -> None:
    page = """<html><body><table>
      <tr><td rowspan="2">三、本年度<br>办理结果</td><td colspan="2">（一）予以公开</td><td>1</td></tr>
      <tr><td>（三）不予公开</td><td>1.属于<span>国家</span>秘密</td><td><span>1</span><span>2</span></td></tr>
    </table></body></html>"""
    (grid,) = [b for b in html.extract(page.encode()).blocks if isinstance(b, Grid)]
    assert _cells(grid) == [
        ("三、本年度\n办理结果", 0, 0, 2, 1),
        ("（一）予以公开", 0, 1, 1, 2),
        ("1", 0, 3, 1, 1),
        ("（三）不予公开", 1, 1, 1, 1),
        ("1.属于国家秘密", 1, 2, 1, 1),
        ("12", 1, 3, 1, 1),
    ]


def test_html_layout_tables_are_text_and_furniture_is_dropped() -> None:
    page = """<html><head><title>某局2023年度政府信息公开工作年度报告</title><style>p{}</style></head>
      <body><nav>首页 政务公开</nav><table><tr><td><p>一、总体情况</p><p>正文&nbsp;内容</p>
      <table><tr><td>规章</td><td>0</td></tr></table></td></tr></table>
      <div class="footer">版权所有</div><script>var x = "二、主动公开政府信息情况";</script></body></html>"""
    blocks = html.extract(page.encode()).blocks
    lines = [b.text for b in blocks if isinstance(b, TextLine)]
    assert lines == ["某局2023年度政府信息公开工作年度报告", "一、总体情况", "正文 内容"]
    (grid,) = [b for b in blocks if isinstance(b, Grid)]
    assert _cells(grid) == _unmerged(["规章", "0"])


def test_markdown_tables_and_text() -> None:
    source = "# 标题\n\n**一、总体情况**\n\n| a | b |\n|---|---|\n| 规章 |\n| x \\| y | 2 |\n"
    blocks = markdown.extract(source.encode()).blocks
    assert [b.text for b in blocks if isinstance(b, TextLine)] == ["标题", "一、总体情况"]
    (grid,) = [b for b in blocks if isinstance(b, Grid)]
    # The short row gets its missing cell at the end (GitHub Flavored Markdown).
    assert _cells(grid) == _unmerged(["a", "b"], ["规章", ""], ["x | y", "2"])


def test_text_one_cell_per_line_makes_a_grid_and_drops_page_residue() -> None:
    rows = "\t规章\n\t0\n\n\t商业\n企业\n\t\n\n" + "\t行政许可\n\t5\n\n" * 3
    source = f"标题\n{rows}\n1\n\n- 2 -\n正文\n"
    blocks = text.extract(source.encode()).blocks
    # "- 2 -" is a footer here: what comes before it is on page 2, what follows on page 3.
    assert blocks[0] == TextLine("标题", page=2, line=1)
    assert isinstance(blocks[1], Grid)
    assert [(c.text, c.row, c.column, c.line) for c in blocks[1].cells][:4] == [
        ("规章", 0, 0, 2),
        ("0", 0, 1, 3),
        ("商业\n企业", 1, 0, 5),
        ("", 1, 1, 7),
    ]
    assert len(blocks[1].cells) == 10
    # The lone page number and the page marker are gone; the text after them stays.
    assert blocks[2:] == (TextLine("正文", page=3, line=22),)


def test_text_tab_separated_rows_keep_trailing_blank_cells() -> None:
    source = "表\n规章\t1\t\t3\n行政许可\t\n正文\n"
    grid = text.extract(source.encode()).blocks[1]
    assert isinstance(grid, Grid)
    assert [(c.text, c.row, c.column) for c in grid.cells] == [
        ("规章", 0, 0),
        ("1", 0, 1),
        ("", 0, 2),
        ("3", 0, 3),
        ("行政许可", 1, 0),
        ("", 1, 1),
    ]


@pytest.mark.parametrize(
    ("lines", "pages"),
    [
        # Markers as page headers (the text starts with one): a line is on the page marked above it.
        (["- 1 -", "a", "- 2 -", "b"], [1, 1, 2, 2]),
        # Markers as footers: a line is on the page marked below it; after the last, the next page.
        (["a", "第 1 页", "b", "第2页 共3页", "c"], [1, 1, 2, 2, 3]),
        # No markers.
        (["a", "b"], None),
    ],
)
def test_page_numbers_from_markers(lines: list[str], pages: list[int] | None) -> None:
    assert text.page_numbers(lines) == pages

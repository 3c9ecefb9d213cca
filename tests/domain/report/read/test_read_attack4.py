"""The fourth attack on the reader (``tests/support/attack4.py``): PDF-to-Markdown, OCR'd Markdown
and page furniture inside tables. Each kind is read right or null with a reason, never wrong."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from gongkai.report.model import DocumentCounts
from gongkai.report.read import read_bytes
from gongkai.report.samples import balanced_report
from support.attack import _page, read_right_or_null, sample
from support.attack4 import KINDS4, attack4, markdown, page_blocks
from support.damage import damage

#: Samples per kind for the property (every fifth one in the 2019 format).
SEEDS = range(20)


def _table3_row(text: str, label: str) -> str:
    return next(line for line in text.splitlines() if label in line)


@pytest.mark.parametrize("kind", list(KINDS4))
def test_no_wrong_value_and_every_null_has_a_reason(kind: str) -> None:
    for seed in SEEDS:
        damaged = attack4(kind, seed)
        read_right_or_null(damaged, seed)
        back = read_bytes(damaged.data)
        got = dict(back.cells())
        named = {f["cell"] for f in back.meta["read_findings"]}
        for path, value in damaged.truth.cells():
            if value is not None and got.get(path) is None:
                assert any(path == c or path.startswith(c + ".") for c in named), f"seed {seed}: {path}"


def test_two_merged_cells_of_a_row_are_split_back_when_the_row_then_adds_up() -> None:
    """A row printed "| 88 | 5 | 0 4 | 9 | 4 | 110 |  |": OCR merged two cells and the row kept
    its width with an empty last cell. Read by position, 110 went under 其他 and 4 under 法律服务机构."""
    damaged = attack4("md_cells_merged", 2)
    assert "| 0 4 |" in _table3_row(damaged.data.decode(), "（七）总计")
    back = read_bytes(damaged.data)
    assert back.table3.row("total") == damaged.truth.table3.row("total")
    note = back.provenance["table3.total.other"].note
    assert note is not None and "合并" in note


def test_a_merged_cell_whose_split_does_not_add_up_leaves_the_row_null() -> None:
    report = sample(0)
    blocks = page_blocks(_page(report, seed=0))
    grid, _ = next(b for b in blocks if not isinstance(b, str) and len(b[0]) > 20)
    row = next(r for r in grid if r[2].startswith("1.属于国家秘密"))
    row[3:10] = ["1 2", "0", "0", "0", "0", "0", ""]  # 1 + 2 + 0 … is not the row's 总计 (0)
    back = read_bytes(markdown(blocks).encode())
    assert all(v is None for _, v in back.table3.row("deny_secret").items())
    assert any(f["cell"].startswith("table3.deny_secret") for f in back.meta["read_findings"])
    assert back.table3.row("new") == report.table3.row("new")


def test_a_page_number_between_table_four_header_and_its_figures_does_not_end_the_table() -> None:
    damaged = attack4("text_footer_in_tables", 2)
    text = damaged.data.decode()
    assert "\t" in text and "第3页 共5页\n" in text
    assert read_bytes(damaged.data).table4 == damaged.truth.table4


def _with_row(report_seed: int, label: str, cells: list[str]) -> bytes:
    blocks = page_blocks(_page(sample(report_seed), seed=report_seed))
    grid, _ = next(b for b in blocks if not isinstance(b, str) and len(b[0]) > 20)
    row = next(r for r in grid if r[2].startswith(label) or r[0].startswith(label))
    row[3:10] = cells
    return markdown(blocks).encode()


def test_ocr_letters_in_figures_are_read_as_digits_when_the_row_then_adds_up() -> None:
    """Cells "2I" and "O" in a row of figures (OCR read 1 as I or l, 0 as O): the row sum confirms 21."""
    back = read_bytes(_with_row(0, "一、本年新收", ["2I", "2", "O", "o", "3", "4", "30"]))
    assert [v for _, v in back.table3.row("new").items()] == [21, 2, 0, 0, 3, 4, 30]
    assert "字母" in (back.provenance["table3.new.natural"].note or "")


def test_ocr_letters_in_a_row_that_does_not_add_up_are_not_read() -> None:
    back = read_bytes(_with_row(0, "一、本年新收", ["2I", "2", "O", "0", "3", "4", "31"]))
    assert back.table3.cell("new", "natural") is None
    assert back.table3.cell("new", "research") is None
    assert back.table3.cell("new", "total") == 31  # printed as a figure: read as printed
    assert any(f["cell"] == "table3.new.natural" for f in back.meta["read_findings"])


def test_two_rows_printed_as_one_with_br_in_every_cell_are_two_rows() -> None:
    """A cell "81<br>8" is two rows' figures, never 818: the row is split when every figure cell has the
    same lines; labels go with their lines when every label cell has them too."""
    report = sample(0)
    blocks = page_blocks(_page(report, seed=0))
    grid, _ = next(b for b in blocks if not isinstance(b, str) and len(b[0]) > 20)
    at = next(i for i, r in enumerate(grid) if r[2].startswith("1.属于国家秘密"))
    grid[at] = ["<br>".join(pair) if any(pair) else "" for pair in zip(grid[at], grid[at + 1], strict=True)]
    del grid[at + 1]
    back = read_bytes(markdown(blocks).encode())
    assert back.table3.row("deny_secret") == report.table3.row("deny_secret")
    assert back.table3.row("deny_law") == report.table3.row("deny_law")


def test_two_rows_printed_as_one_whose_labels_do_not_split_alike_are_not_read_by_label() -> None:
    """Cells "二、上年结转…<br>三、本年度办理结果", "（一）予以公开", "1<br>26": 予以公开 is the second
    row's, but nothing in the cell says so; read by it, 2 rows' figures were read as 予以公开."""
    damaged = attack4("md_rows_merged_br", 5)
    assert "| 1<br>26 |" in damaged.data.decode()
    back = read_bytes(damaged.data)
    for key in ("carried", "granted"):
        for column, value in back.table3.row(key).items():
            assert value is None or value == damaged.truth.table3.cell(key, column)


def test_two_rows_printed_as_one_html_row_are_two_rows() -> None:
    damaged = attack4("html_rows_merged_br", 0)
    assert b"<br>" in damaged.data
    assert read_bytes(damaged.data).table3 == damaged.truth.table3


def test_a_glued_regulations_row_is_split_by_a_count_of_zero_stated_in_words() -> None:
    """Glued "规章1012" is 1/0/12 or 10/1/2; the narrative's "未废止规章" (0 in words) decides it."""
    report = balanced_report(5)
    table2 = replace(report.table2, regulations=DocumentCounts(1, 0, 12))
    sections = tuple(
        replace(s, text=s.text + "本年度未废止规章。") if s.number == "二" else s for s in report.sections
    )
    report = replace(report, table2=table2, sections=sections)
    back = read_bytes(damage(report, "glued", random.Random(0)).encode())
    assert "规章1012" in damage(report, "glued", random.Random(0))
    assert back.table2.regulations == DocumentCounts(1, 0, 12)
    without = replace(report, sections=tuple(s for s in sections if s.number != "二"))
    assert read_bytes(damage(without, "glued", random.Random(0)).encode()).table2.regulations.issued is None

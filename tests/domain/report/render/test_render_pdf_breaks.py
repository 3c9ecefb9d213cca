"""PDF page breaks in table 三: a row's label and its figures are always on the same page, and a
merged label block (三、本年度办理结果, （六）其他处理 ...) is never cut by a page break.

Read back with pdfplumber from the ruling lines: on each page, every table row is a band of cell
boxes with the same top and bottom; in table 三 its last seven boxes are the figures and the box
before them is the row's own label.
"""

from __future__ import annotations

import io
from collections import defaultdict
from dataclasses import replace

import pdfplumber
import pytest
from render_readback import squash
from reportlab.lib.pagesizes import A4
from reportlab.platypus import Spacer

from gongkai.report.model import TABLE3_COLUMN_KEYS, AnnualReport, Template
from gongkai.report.render import render
from gongkai.report.render.fonts import cjk_font_available, pdf_font_name
from gongkai.report.render.layout import CellRole, TableGrid, document_layout, table3_grid
from gongkai.report.render.linebreak import CANNOT_END, CANNOT_START, CjkParagraph
from gongkai.report.render.pdf import (
    LINE_PITCH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    SectionBlock,
    build_pages,
    paragraph_styles,
    table_flowable,
)
from gongkai.report.samples import balanced_report
from testsupport import require

NO_FONT = "no CJK TrueType font installed (apt-get install fonts-wqy-zenhei fonts-arphic-uming)"
_WIDTH = len(TABLE3_COLUMN_KEYS)
#: A printed table-3 row: its own label (whitespace removed) and its figures as printed.
Row = tuple[str, tuple[str, ...]]


@pytest.fixture
def font() -> str:
    require(cjk_font_available(), NO_FONT)
    return pdf_font_name()


def expected_rows(grid: TableGrid) -> list[Row]:
    """Each data row of table 三 as laid out: its innermost label and its figures."""
    rows = []
    for r, cells in grid.rows():
        if r < grid.header_rows:
            continue
        label = next(c for c in cells if c.role is CellRole.LABEL and c.rowspan == 1)
        figures = tuple(c.text for c in cells if c.role is CellRole.VALUE)
        rows.append((squash(label.text), figures))
    return rows


def label_blocks(grid: TableGrid) -> list[set[str]]:
    """The row labels under each merged label (the rows a page break must not separate)."""
    own = {r: label for r, (label, _) in enumerate(expected_rows(grid), start=grid.header_rows)}
    return [
        {own[r] for r in range(c.row, c.last_row + 1)}
        for c in grid.cells
        if c.role is CellRole.LABEL and c.rowspan > 1
    ]


Box = tuple[float, float, float, float]
Char = tuple[float, float, str]


def _text(box: Box, chars: list[Char]) -> str:
    x0, top, x1, bottom = box
    return "".join(t for x, y, t in chars if x0 < x < x1 and top < y < bottom)


def printed_rows(data: bytes) -> list[tuple[int, Row]]:
    """(page number, row) for every row of a table-三 part, page by page."""
    found = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            # Characters by their centre (page.within_bbox per cell is slow).
            chars = [((c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2, c["text"]) for c in page.chars]
            for table in page.find_tables():
                if "勾稽关系" not in "".join(_text(box, chars) for box in table.cells):
                    continue  # not table 三 (each part of it repeats the header)
                bands: dict[tuple[float, float], list[Box]] = defaultdict(list)
                for box in table.cells:
                    bands[(round(box[1], 1), round(box[3], 1))].append(box)
                for _, boxes in sorted(bands.items()):
                    if len(boxes) <= _WIDTH:
                        continue  # a header row
                    boxes.sort(key=lambda b: b[0])
                    label = squash(_text(boxes[-_WIDTH - 1], chars))
                    found.append((number, (label, tuple(_text(b, chars) for b in boxes[-_WIDTH:]))))
    return found


def assert_rows_whole(data: bytes, grid: TableGrid) -> int:
    """Every row printed once, label with figures; every label block on one page. Returns how many
    pages table 三 is printed on."""
    printed = printed_rows(data)
    assert [row for _, row in printed] == expected_rows(grid)
    page_of = {label: page for page, (label, _) in printed}
    for block in label_blocks(grid):
        assert len({page_of[label] for label in block}) == 1, sorted(block)
    return len({page for page, _ in printed})


REPORTS = [
    # 2021 layout: （六） split into three rows with three-line labels.
    balanced_report(1),
    balanced_report(2, new=400),
    balanced_report(6).with_cell("table3.other_overdue_fee.natural", None),
    # 2019 trial layout: a single （六）其他处理 row.
    balanced_report(3, template=Template.Y2019, year=2020),
    balanced_report(8, template=Template.Y2019, year=2020),
]


# Rendered reports: table 三 begins under its heading (SectionBlock), moved to the next page only when
# little room is left; every row must still be printed once, its label beside its figures.
@pytest.mark.parametrize("report", REPORTS)
def test_rendered_reports_keep_each_table3_row_on_one_page(font: str, report: AnnualReport) -> None:
    assert_rows_whole(render(report, "pdf"), table3_grid(report))


def _table_after(space: float, grid: TableGrid, font: str) -> bytes:
    """Table 三 alone, after ``space`` points of blank page, so that the page break falls inside it."""
    return build_pages([Spacer(1, space), table_flowable(grid, font, paragraph_styles(font))])


@pytest.mark.parametrize("template", list(Template))
def test_a_page_break_inside_table3_falls_only_between_label_blocks(font: str, template: Template) -> None:
    report = balanced_report(1, template=template, year=2020 if template is Template.Y2019 else 2023)
    grid = table3_grid(report)
    table = table_flowable(grid, font, paragraph_styles(font))
    frame = A4[1] - MARGIN_TOP - MARGIN_BOTTOM - 12  # SimpleDocTemplate pads its frame by 6 pt
    table.wrap(A4[0] - MARGIN_LEFT - MARGIN_RIGHT, frame)
    heights = table._rowHeights
    header = sum(heights[: grid.header_rows])
    # Leave room for the header and part of a data row: the middle of every third row, and
    # the middle of each row of （六）其他处理 (labels over three lines, the reported case).
    other = [r for r, (label, _) in enumerate(expected_rows(grid), grid.header_rows) if "申请人" in label]
    targets = sorted({*range(grid.header_rows, grid.n_rows, 3), *other})
    split_pages = 0
    for r in targets:
        room = header + sum(heights[grid.header_rows : r]) + heights[r] / 2 + table.spaceBefore
        pages = assert_rows_whole(_table_after(frame - room, grid, font), grid)
        split_pages += pages > 1
    assert split_pages >= len(targets) - 1  # the breaks really fell inside the table


# -- tables kept with their headings, and no page left nearly blank (issue 17, point 16) -------

FRAME = A4[1] - MARGIN_TOP - MARGIN_BOTTOM - 12


def _used_bottom(page: pdfplumber.page.Page) -> float:
    """How far down the text block the page's text and rules reach (points from its top)."""
    bottoms = [c["bottom"] for c in page.chars if c["text"].strip() and c["top"] < A4[1] - MARGIN_BOTTOM]
    bottoms += [e["bottom"] for e in (*page.lines, *page.rects)]
    return max(bottoms, default=MARGIN_TOP) - MARGIN_TOP


def _with_long_narrative(report: AnnualReport, lines: int) -> AnnualReport:
    """``report`` with about ``lines`` more lines of text in 总体情况, moving table 三 down."""
    sections = list(report.sections or ())
    first = sections[0]
    sections[0] = replace(first, text=first.text + "本机关持续推进政务公开标准化规范化建设。" * lines)
    return replace(report, sections=tuple(sections))


PAGED_REPORTS = [
    *REPORTS,
    *(_with_long_narrative(balanced_report(1), n) for n in (2, 5, 8, 11, 14)),
    # 总体情况 longer than what is left of page 1 under the title (it stood alone on page 1).
    _with_long_narrative(balanced_report(7, template=Template.Y2019, year=2020), 21),
]


def _page_events(data: bytes, headings: list[str]) -> list[tuple[int, float, str]]:
    """(page, top, what) in reading order: each heading line, and the top of each table part."""
    events = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            for line in page.extract_text_lines():
                text = squash(line["text"])
                if text in headings:
                    events.append((number, line["top"], text))
            events.extend((number, t.bbox[1], "table") for t in page.find_tables())
    return sorted(events)


@pytest.mark.parametrize("report", PAGED_REPORTS)
def test_each_table_begins_on_the_page_of_its_heading(font: str, report: AnnualReport) -> None:
    layout = document_layout(report)
    headings = [squash(b.heading) for b in layout.blocks]
    events = _page_events(render(report, "pdf"), headings)
    seen = [what for _, _, what in events if what != "table"]
    assert seen == headings  # every heading read back once, in order
    for block in layout.blocks:
        if block.table is None:
            continue
        at = next(i for i, e in enumerate(events) if e[2] == squash(block.heading))
        following_table = next(e for e in events[at:] if e[2] == "table")
        assert following_table[0] == events[at][0], block.heading


@pytest.mark.parametrize("report", PAGED_REPORTS)
def test_no_page_but_the_last_is_left_more_than_a_third_blank(font: str, report: AnnualReport) -> None:
    with pdfplumber.open(io.BytesIO(render(report, "pdf"))) as pdf:
        used = [_used_bottom(page) for page in pdf.pages]
    # (less one line: the text reaches a line's leading short of where the next one would start)
    assert all(u >= FRAME * 2 / 3 - LINE_PITCH for u in used[:-1]), [round(u / FRAME, 2) for u in used]


@pytest.mark.parametrize("report", PAGED_REPORTS)
def test_no_line_starts_with_closing_or_ends_with_opening_punctuation(
    font: str, report: AnnualReport
) -> None:
    with pdfplumber.open(io.BytesIO(render(report, "pdf"))) as pdf:
        for page in pdf.pages:
            boxes = [t.bbox for t in page.find_tables()]

            def outside(obj: dict[str, object], boxes: list[tuple[float, ...]] = boxes) -> bool:
                """Text of the body: not in a table, not the page number under the text block."""
                x, y = float(obj["x0"]), float(obj["top"])  # type: ignore[arg-type]
                in_table = any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)
                return not in_table and y < A4[1] - MARGIN_BOTTOM

            for line in page.filter(outside).extract_text_lines():
                text = squash(line["text"])
                assert text[0] not in CANNOT_START and text[-1] not in CANNOT_END, text


def test_table3_moves_with_its_heading_only_when_at_most_a_third_of_the_page_is_left(font: str) -> None:
    """Table 三 with its heading after blank space of every height: moved whole to the next
    page only when at most a third of the page was left, else begun under its heading."""
    report = balanced_report(1)
    grid = table3_grid(report)
    styles = paragraph_styles(font)
    heading = "三、收到和处理政府信息公开申请情况"
    moved = begun = 0
    for space in range(0, int(FRAME), 24):
        block = SectionBlock(
            [
                CjkParagraph(heading, styles["heading"]),
                CjkParagraph("具体情况见下表。", styles["body"]),
                table_flowable(grid, font, styles),
            ],
            grid.header_rows,
        )
        data = build_pages([Spacer(1, space), block])
        events = _page_events(data, [heading])
        assert events[0][2] == heading and events[1][2] == "table" and events[0][0] == events[1][0]
        left = FRAME - space
        if events[0][0] == 2:
            moved += 1
            assert left <= FRAME / 3 or left < 2 * 28.9 + 40, left  # or not even two rows fit
        else:
            begun += 1
        assert_rows_whole(data, grid)
    assert moved and begun


@pytest.mark.parametrize(
    "markup",
    [
        "政府信息公开工作年度报告",
        "本机关<b>2026</b>年共收到申请<font size=14>42</font>件，<b>其中</b><b>依申请</b>公开12件。",
        "<font size=9>0</font>",
    ],
)
def test_the_lines_are_those_reportlab_makes_per_character(markup: str) -> None:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus.paragraph import cjkU, makeCJKParaLine

    from gongkai.report.render.linebreak import cjk_line

    paragraph = CjkParagraph(markup, ParagraphStyle("t", fontName="Helvetica", fontSize=11, wordWrap="CJK"))
    text = "".join(f.text for f in paragraph.frags)
    owners = [f for f in paragraph.frags for _ in f.text]
    chars = [cjkU(c, f, "utf8") for c, f in zip(text, owners, strict=True)]
    for first, end in [(0, len(text)), (1, len(text) - 1), (len(text) // 2, len(text))]:
        if first >= end:
            continue
        used = sum(c.width for c in chars[first:end])
        theirs = makeCJKParaLine(chars[first:end], 200.0, used, 200.0 - used, False, False)
        ours = cjk_line(text, owners, first, end, 200.0, used)
        assert [vars(w) for w in ours.words] == [vars(w) for w in theirs.words]
        words = {k: v for k, v in vars(ours).items() if k != "words"}
        assert words == {k: v for k, v in vars(theirs).items() if k != "words"}
        assert len(ours.words) >= 1

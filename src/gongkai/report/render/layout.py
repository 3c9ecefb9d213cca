"""The printed layout of a report, independent of the output format.

Every renderer (DOCX, HTML, XLSX, PDF) draws the same ``DocumentLayout``: the title, the six
sections and the three tables as grids of cells with their merges. Building the grid once here
keeps the merged cells identical across formats, and keeps the labels where they belong: they
all come from the specs in ``gongkai.report.model`` (``TABLE3_ROWS``, ``TABLE3_COLUMNS``,
``TABLE4_GROUPS`` ...), never retyped.

Legal basis: 国办公开办函〔2021〕30号 (tables 二, 三, 四 and their merged cells); 国办公开办函〔2019〕60号
(the trial format, whose 三（六）其他处理 is one row); ../shared/reference/annual-report-format.md.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from gongkai.errors import GongkaiError
from gongkai.report.arithmetic import table3_layout
from gongkai.report.model import (
    DOCUMENT_COUNT_FIELDS,
    DOCUMENTS_ITEM,
    FEES_HEADER,
    FEES_ITEM,
    FEES_LABEL,
    OTHER_SINGLE_KEY,
    OTHER_SPLIT_KEYS,
    SECTION_NUMBERS,
    STANDARD_SECTION_TITLES,
    TABLE2_CONTENT_HEADER,
    TABLE2_DECISION_ROWS,
    TABLE2_DOCUMENT_ROWS,
    TABLE3_APPLICANT_HEADER,
    TABLE3_BALANCE_NOTE,
    TABLE3_COLUMNS,
    TABLE4_FIELDS,
    TABLE4_GROUPS,
    AnnualReport,
    RowSpec,
    Template,
)

#: ``TABLE4_GROUPS`` labels spell the header hierarchy with this separator (行政诉讼·复议后起诉).
TABLE4_LEVEL_SEPARATOR = "·"
#: Table 3 prints its row labels over three columns (item, sub-item, sub-sub-item).
TABLE3_LABEL_COLUMNS = 3
TABLE3_HEADER_ROWS = 3

CellValue = int | Decimal | None


class CellRole(StrEnum):
    """What a grid cell shows, which decides its look and (in HTML) its element and scope."""

    NOTE = "note"  # the 勾稽关系 note in table 3's corner
    HEADER = "header"  # a column header or a block title
    LABEL = "label"  # a row label
    VALUE = "value"  # a figure of the report


@dataclass(frozen=True, slots=True)
class GridCell:
    """One printed cell; ``row``/``col`` are 0-based and name its top-left corner."""

    row: int
    col: int
    text: str
    role: CellRole
    rowspan: int = 1
    colspan: int = 1
    #: For value cells: the dotted path of the report cell (``table3.new.total``).
    path: str | None = None
    value: CellValue = None

    @property
    def last_row(self) -> int:
        return self.row + self.rowspan - 1

    @property
    def last_col(self) -> int:
        return self.col + self.colspan - 1

    @property
    def merged(self) -> bool:
        return self.rowspan > 1 or self.colspan > 1


@dataclass(frozen=True, slots=True)
class TableGrid:
    """A table as printed: its cells (each merge is one cell with spans) and its size."""

    #: The section it belongs to (二, 三 or 四), and that section's standard title as a caption.
    number: str
    caption: str
    n_rows: int
    n_cols: int
    #: Rows at the top that form the column header (repeated on each page); 0 for table 2.
    header_rows: int
    cells: tuple[GridCell, ...]
    #: Relative column widths (renderers scale them to the page).
    col_weights: tuple[float, ...]

    def rows(self) -> Iterator[tuple[int, tuple[GridCell, ...]]]:
        """Each row index with the cells that start in it, left to right."""
        by_row: dict[int, list[GridCell]] = {r: [] for r in range(self.n_rows)}
        for cell in self.cells:
            by_row[cell.row].append(cell)
        for r in range(self.n_rows):
            yield r, tuple(sorted(by_row[r], key=lambda c: c.col))

    def value_cells(self) -> Iterator[GridCell]:
        return (c for c in self.cells if c.role is CellRole.VALUE)


@dataclass(frozen=True, slots=True)
class Block:
    """One section as printed: its heading, its paragraphs, and the table that follows it."""

    number: str
    heading: str
    paragraphs: tuple[str, ...]
    table: TableGrid | None = None


@dataclass(frozen=True, slots=True)
class DocumentLayout:
    title: str
    blocks: tuple[Block, ...]

    def tables(self) -> tuple[TableGrid, ...]:
        return tuple(b.table for b in self.blocks if b.table is not None)


def format_value(value: CellValue) -> str:
    """A cell's printed text: blank when missing (never 0), fees with two decimals."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        # Amounts in 万元 are printed with two decimals (0.35), as agencies do; more precise
        # amounts keep every digit rather than being rounded away.
        exponent = value.as_tuple().exponent
        if isinstance(exponent, int) and exponent >= -2:
            return f"{value.quantize(Decimal('0.01')):f}"
        return f"{value:f}"
    return str(value)


def report_title(report: AnnualReport) -> str:
    """``{agency}{year}年度政府信息公开工作年度报告`` (each part left out when unknown)."""
    agency = printable(report.agency or "")
    year = f"{report.year}年度" if report.year is not None else ""
    return f"{agency}{year}政府信息公开工作年度报告"


def section_heading(number: str, title: str) -> str:
    return printable(f"{number}、{title}")


def _value(row: int, col: int, path: str, value: CellValue, colspan: int = 1) -> GridCell:
    return GridCell(row, col, format_value(value), CellRole.VALUE, colspan=colspan, path=path, value=value)


# ---------------------------------------------------------------------------------------------
# Table 2 (主动公开政府信息情况): four blocks, each headed by its article item across 4 columns.
# ---------------------------------------------------------------------------------------------

_TABLE2_COLS = 4


def table2_grid(report: AnnualReport) -> TableGrid:
    t2 = report.table2
    cells: list[GridCell] = []
    row = 0

    def block_header(item: str, headers: Sequence[str]) -> None:
        nonlocal row
        cells.append(GridCell(row, 0, item, CellRole.HEADER, colspan=_TABLE2_COLS))
        cells.append(GridCell(row + 1, 0, TABLE2_CONTENT_HEADER, CellRole.HEADER))
        span = (_TABLE2_COLS - 1) // len(headers)
        for i, header in enumerate(headers):
            cells.append(GridCell(row + 1, 1 + i * span, header, CellRole.HEADER, colspan=span))
        row += 2

    block_header(DOCUMENTS_ITEM, [label for _, label in DOCUMENT_COUNT_FIELDS])
    for key, label in TABLE2_DOCUMENT_ROWS:
        cells.append(GridCell(row, 0, label, CellRole.LABEL))
        for i, (name, value) in enumerate(t2.documents(key).items()):
            cells.append(_value(row, 1 + i, f"table2.{key}.{name}", value))
        row += 1
    # The decision rows come grouped by the article item they report (（五） then （六）).
    previous_item = None
    for key, label, item, header in TABLE2_DECISION_ROWS:
        if item != previous_item:
            block_header(item, [header])
            previous_item = item
        cells.append(GridCell(row, 0, label, CellRole.LABEL))
        cells.append(_value(row, 1, f"table2.{key}", getattr(t2, key), colspan=_TABLE2_COLS - 1))
        row += 1
    block_header(FEES_ITEM, [FEES_HEADER])
    cells.append(GridCell(row, 0, FEES_LABEL, CellRole.LABEL))
    cells.append(_value(row, 1, "table2.fees_10k_yuan", t2.fees_10k_yuan, colspan=_TABLE2_COLS - 1))
    row += 1
    return TableGrid("二", STANDARD_SECTION_TITLES["二"], row, _TABLE2_COLS, 0, tuple(cells), (2.2, 1, 1, 1))


# ---------------------------------------------------------------------------------------------
# Table 3 (收到和处理政府信息公开申请情况).
# ---------------------------------------------------------------------------------------------


def table3_rows_shown(report: AnnualReport) -> tuple[RowSpec, ...]:
    """The rows of table 3 in the layout this report uses.

    The 2019 trial format has one （六）其他处理 row; some later reports kept that layout (the
    corpus's 洪泽区 reports are marked 2021 but fill only the single row), so a report whose
    single row has figures and whose three sub-rows have none is printed as it was published.
    A report that fills both cannot be printed in either official layout without dropping
    figures, which is refused rather than done silently.
    """
    t3 = report.table3
    split_filled = [k for k in OTHER_SPLIT_KEYS if t3.has_row(k)]
    single = report.template is Template.Y2019 or (t3.has_row(OTHER_SINGLE_KEY) and not split_filled)
    if t3.has_row(OTHER_SINGLE_KEY) and split_filled:
        raise GongkaiError(
            "表三同时填写了“（六）其他处理”的合并行（2019年试行格式）和三个分项行（2021年格式），"
            "无法按任一官方版式呈现而不丢失数据；请只保留其中一种"
        )
    if single and split_filled:
        raise GongkaiError(
            "报告使用2019年试行格式（“（六）其他处理”为一行），但填写了2021年格式的分项行，"
            "无法按该版式呈现而不丢失数据；请将模板改为2021或合并为一行"
        )
    return table3_layout(report.template, bool(split_filled), single and not split_filled)


def table3_grid(report: AnnualReport) -> TableGrid:
    rows = table3_rows_shown(report)
    n_data = len(TABLE3_COLUMNS)
    first_data = TABLE3_LABEL_COLUMNS
    cells: list[GridCell] = [
        GridCell(
            0,
            0,
            TABLE3_BALANCE_NOTE,
            CellRole.NOTE,
            rowspan=TABLE3_HEADER_ROWS,
            colspan=TABLE3_LABEL_COLUMNS,
        ),
        GridCell(0, first_data, TABLE3_APPLICANT_HEADER, CellRole.HEADER, colspan=n_data),
    ]
    # Column headers: a column without a group spans both header rows; a group (法人或其他组织)
    # spans its consecutive columns, with their own labels in the row below.
    for i, column in enumerate(TABLE3_COLUMNS):
        col = first_data + i
        if column.group is None:
            cells.append(GridCell(1, col, column.label, CellRole.HEADER, rowspan=2))
            continue
        if i == 0 or TABLE3_COLUMNS[i - 1].group != column.group:
            width = _run_length([c.group for c in TABLE3_COLUMNS], i)
            cells.append(GridCell(1, col, column.group, CellRole.HEADER, colspan=width))
        cells.append(GridCell(2, col, column.label, CellRole.HEADER))
    # Row labels: every label level but the last is merged down over the rows that share it
    # (三、本年度办理结果 over 22 rows, （三）不予公开 over 8 ...); the last label fills the
    # remaining label columns.
    for i, spec in enumerate(rows):
        r = TABLE3_HEADER_ROWS + i
        for level, label in enumerate(spec.labels[:-1]):
            prefixes = [s.labels[: level + 1] for s in rows]
            if i == 0 or prefixes[i - 1] != prefixes[i]:
                span = _run_length(prefixes, i)
                cells.append(GridCell(r, level, label, CellRole.LABEL, rowspan=span))
        last = len(spec.labels) - 1
        cells.append(GridCell(r, last, spec.label, CellRole.LABEL, colspan=TABLE3_LABEL_COLUMNS - last))
        counts = report.table3.row(spec.key)
        for j, (column_key, value) in enumerate(counts.items()):
            cells.append(_value(r, first_data + j, f"table3.{spec.key}.{column_key}", value))
    weights = (0.9, 1.5, 3.6) + (1.0,) * n_data
    return TableGrid(
        "三",
        STANDARD_SECTION_TITLES["三"],
        TABLE3_HEADER_ROWS + len(rows),
        TABLE3_LABEL_COLUMNS + n_data,
        TABLE3_HEADER_ROWS,
        tuple(cells),
        weights,
    )


def _run_length(items: Sequence[object], start: int) -> int:
    """How many consecutive items from ``start`` equal ``items[start]``."""
    n = 1
    while start + n < len(items) and items[start + n] == items[start]:
        n += 1
    return n


# ---------------------------------------------------------------------------------------------
# Table 4 (政府信息公开行政复议、行政诉讼情况): three header rows over 15 figures.
# ---------------------------------------------------------------------------------------------


def table4_grid(report: AnnualReport) -> TableGrid:
    levels = [label.split(TABLE4_LEVEL_SEPARATOR) for _, label in TABLE4_GROUPS]
    depth = max(len(parts) for parts in levels)
    header_rows = depth + 1
    width = len(TABLE4_FIELDS)
    cells: list[GridCell] = []
    for g, (group_key, _) in enumerate(TABLE4_GROUPS):
        col = g * width
        parts = levels[g]
        for level, label in enumerate(parts):
            prefixes = [tuple(p[: level + 1]) for p in levels]
            if g == 0 or prefixes[g - 1] != prefixes[g]:
                span = _run_length(prefixes, g)
                cells.append(GridCell(level, col, label, CellRole.HEADER, colspan=span * width))
        # A group with fewer header levels (行政复议) has its field labels merged down to the
        # figures, so that every column is headed by exactly one label per row.
        field_row = len(parts)
        for f, (field_key, field_label) in enumerate(TABLE4_FIELDS):
            cells.append(
                GridCell(field_row, col + f, field_label, CellRole.HEADER, rowspan=header_rows - field_row)
            )
            value = report.table4.group(group_key)[field_key]
            cells.append(_value(header_rows, col + f, f"table4.{group_key}.{field_key}", value))
    n_cols = width * len(TABLE4_GROUPS)
    return TableGrid(
        "四",
        STANDARD_SECTION_TITLES["四"],
        header_rows + 1,
        n_cols,
        header_rows,
        tuple(cells),
        (1.0,) * n_cols,
    )


# ---------------------------------------------------------------------------------------------
# The whole document.
# ---------------------------------------------------------------------------------------------


#: C0 control characters other than tab and line breaks: invisible, and not allowed in XML 1.0
#: (DOCX, XLSX) -- a report pasted from another program sometimes carries them.
_CONTROL_CHARS = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])


def printable(text: str) -> str:
    return text.translate(_CONTROL_CHARS)


def paragraphs(text: str) -> tuple[str, ...]:
    """A section's text as printed paragraphs: one per non-blank line."""
    return tuple(line.strip() for line in printable(text).splitlines() if line.strip())


def document_layout(report: AnnualReport) -> DocumentLayout:
    """Title, then the six sections in the official order, each table after its section's text.

    A report without narrative (``sections is None``) still gets the six standard headings, so
    the tables sit where a reader expects them. Sections whose number is not one of the six
    are kept, after them, rather than dropped.
    """
    tables = {"二": table2_grid(report), "三": table3_grid(report), "四": table4_grid(report)}
    blocks: list[Block] = []
    for number in SECTION_NUMBERS:
        section = report.section(number)
        title = section.title if section is not None else STANDARD_SECTION_TITLES[number]
        text = paragraphs(section.text) if section is not None else ()
        blocks.append(Block(number, section_heading(number, title), text, tables.get(number)))
    for section in report.sections or ():
        if section.number not in SECTION_NUMBERS:
            blocks.append(
                Block(
                    section.number, section_heading(section.number, section.title), paragraphs(section.text)
                )
            )
    return DocumentLayout(report_title(report), tuple(blocks))

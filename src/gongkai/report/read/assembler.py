"""From what a document shows (``SourceDocument``) to the report it holds (``AnnualReport``).

One assembler serves every format. It finds:

- the title (agency and year), the six narrative sections by their headings (the section is
  decided by its title, so a mis-numbered "1、 总体情况" still opens section 一);
- tables 2, 3 and 4 by their row and column LABELS (``gongkai.report.read.labels``), never by
  counting numbers. A table is read from the document's grids when it has them (DOCX, HTML,
  XLSX, Markdown, PDF with ruling lines, text with one cell per line), otherwise from running
  text (a PDF's text layer, text copied with spaces between cells), where a label may wrap over
  several lines and is followed by its numbers.

Blank and unreadable cells become ``None`` with a finding and keep their place in a grid. When
running text leaves the reading ambiguous -- digits of adjacent cells run together, a number
broken over two lines -- the table's arithmetic decides: first the row's own total (总计 =
自然人 + the five 法人或其他组织 columns; a table-4 group's 总计 = its four results), then the
column rules of table 3 (一 + 二 = （七）总计 + 四; （七）总计 = the sum of the outcome rows). The
decision is recorded in ``CellSource.note``; a reading still undecided is ``None``.

What the assembler could not read is reported, never hidden: ``meta["read_findings"]`` is a list of
``{"cell": <dotted path>, "message": <Chinese>, "raw": <text as printed or "">}``. Other keys it
writes under ``meta``: ``source_format``, ``encoding`` (text formats), ``table2_2019`` (figures of
the 2019 trial table 2 that have no 2021 field, by row and column, as printed), ``table3_labels``
(each table-3 row's label as printed, from its own ordinal on: ``{"deny_law": "2.其他法律行政止公开"}``,
so that wording that differs from the national format can be reported).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType
from typing import Any, TypeVar

from gongkai.errors import ReportFormatError
from gongkai.report.model import (
    OTHER_SINGLE_KEY,
    OTHER_SPLIT_KEYS,
    SECTION_NUMBERS,
    TABLE3_COLUMN_KEYS,
    TABLE3_ROW_BY_KEY,
    TABLE4_FIELD_KEYS,
    TABLE4_GROUP_KEYS,
    AnnualReport,
    ApplicantCounts,
    CaseResults,
    CellSource,
    DocumentCounts,
    RowKind,
    Section,
    Table2,
    Table3,
    Table4,
    Template,
    table3_rows_for,
)
from gongkai.report.read import labels
from gongkai.report.read.cells import CellKind, classify, parse_amount, parse_count, regroupings
from gongkai.report.read.document import Grid, GridCell, SourceDocument, TextLine

READ_FINDINGS_KEY = "read_findings"
#: ``meta`` key: each table-3 row's label as the report prints it, by row key (rule T3-LABEL).
TABLE3_LABELS_KEY = "table3_labels"
_T = TypeVar("_T")
_T3_WIDTH = len(TABLE3_COLUMN_KEYS)
_T4_WIDTH = len(TABLE4_GROUP_KEYS) * len(TABLE4_FIELD_KEYS)
_T4_GROUP_WIDTH = len(TABLE4_FIELD_KEYS)
#: Limits on what a grid may claim: a merged cell spans at most this many rows or columns, and
#: a table has at most this many positions (the official tables have fewer than 300).
_MAX_SPAN = 200
_MAX_GRID_POSITIONS = 200_000
#: How many runs of numbers in running text may be tried for one table-3 row (the narrative
#: mentions a row's words now and then; a file that repeats them without end is not a report).
_MAX_ATTEMPTS = 8

# A number in running text: not an ordinal ("1." "1、" "(1)"), may carry decimals (万元).
_NUMBER_IN_TEXT = re.compile(r"(?<![\d.(（])\d+(?:\.\d+)?(?![\d.、．)）])")
#: Han characters, including the extensions that rare place names use (GB18030 has them all).
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_TITLE = re.compile(
    rf"(?P<agency>[{_HAN}（）()·]{{2,40}}?)?(?P<year>(?:19|20)\d{{2}}|[〇零一二三四五六七八九]{{4}})年度?"
    rf"(?:政府信息公开|政务公开|信息公开)[{_HAN}]{{0,10}}?报告"
)
_AGENCY_LINE = re.compile(rf"[{_HAN}（）()·]{{2,40}}")
_COMPILER = re.compile(rf"本报告由(?P<who>[{_HAN}（）()]{{2,40}}?)(?:办公室|办公厅)?(?:根据|依据|按照|编制)")
_CN_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
#: The title is looked for among the first lines only (a saved web page has navigation first).
_TITLE_SEARCH_LINES = 60


# ---------------------------------------------------------------------------------------------
# Tokens and rows: one shape for grid rows and lines of running text
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Tok:
    text: str
    norm: str
    kind: CellKind | None  # None: text (a label or a header)
    #: Where the token is: its provenance, or the grid cell it is built from when asked (most
    #: cells are never asked: building every CellSource up front costs a fifth of the reading).
    where: CellSource | tuple[Grid, GridCell]
    #: First token of a new line of running text (a number may continue across such a break).
    line_start: bool = False
    #: A grid position covered by a merged cell whose text sits elsewhere.
    copy: bool = False

    @property
    def source(self) -> CellSource:
        where = self.where
        if isinstance(where, CellSource):
            return where
        grid, cell = where
        page = cell.page if cell.page is not None else grid.page
        built = CellSource(cell.text, page, cell.line, grid.index, cell.row + 1, cell.column + 1)
        self.where = built
        return built


@dataclass(slots=True)
class _Row:
    toks: list[_Tok]
    grid: bool
    block: int


@dataclass(slots=True)
class _Run:
    """A label (normalised, possibly gathered over several rows) and the values that follow it."""

    label: str
    values: list[_Tok]
    positional: bool
    first_block: int
    last_block: int
    #: The label's text as printed (not normalised), for ``meta["table3_labels"]``.
    printed: str = ""


def _grid_rows(grid: Grid, block: int) -> list[_Row]:
    """The grid as rows of positions, merged cells spread over every position they cover."""
    placed: list[tuple[GridCell, int, int]] = []
    height = width = 0
    for cell in grid.cells:
        if cell.row < 0 or cell.column < 0:
            continue  # not a position: an extractor's bug must not become an IndexError here
        # A span beyond any real table is damage; it must not blow the matrix up.
        row_span = cell.row_span if 1 <= cell.row_span <= _MAX_SPAN else _clamp_span(cell.row_span)
        column_span = (
            cell.column_span if 1 <= cell.column_span <= _MAX_SPAN else _clamp_span(cell.column_span)
        )
        placed.append((cell, row_span, column_span))
        if cell.row + row_span > height:
            height = cell.row + row_span
        if cell.column + column_span > width:
            width = cell.column + column_span
    if height * width > _MAX_GRID_POSITIONS:
        raise ReportFormatError(f"表格过大（{height} 行 × {width} 列），不像是年度报告的表格")
    matrix: list[list[_Tok | None]] = [[None] * width for _ in range(height)]
    # Every cell first takes its own position, then merged cells spread over what is left: a
    # position where a cell prints its own text is that cell's, not a copy of a merged cell
    # claimed to reach over it. A continued table 3 that repeats the header shows why: Word's
    # vertical merge of the label column continues from the repeated header cell
    # ("（本列数据的勾稽关系为……）") into the first rows after it, and the row labels printed
    # inside that reach must not be hidden by copies of the header.
    spread: list[tuple[GridCell, int, int, _Tok]] = []
    for cell, row_span, column_span in placed:
        kind = classify(cell.text)
        tok = _Tok(
            cell.text,
            labels.normalize(cell.text),
            None if kind is CellKind.UNREADABLE else kind,
            (grid, cell),
        )
        if matrix[cell.row][cell.column] is None:
            matrix[cell.row][cell.column] = tok
        if row_span > 1 or column_span > 1:
            spread.append((cell, row_span, column_span, tok))
    for cell, row_span, column_span, tok in spread:
        for r in range(cell.row, cell.row + row_span):
            for c in range(cell.column, cell.column + column_span):
                if matrix[r][c] is None:
                    matrix[r][c] = _Tok(tok.text, tok.norm, tok.kind, tok.where, copy=True)
    rows = []
    for r, slots in enumerate(matrix):
        # Rows are taken as the grid gives them: a row may be shorter than the widest (text with
        # one cell per line omits merged cells, so its values are the last cells of the row).
        # Positions no cell covers at the end of a row are not cells; inside a row they are blank.
        end = len(slots)
        while end and slots[end - 1] is None:
            end -= 1
        if end:
            toks = [t if t is not None else _hole(grid, r, c) for c, t in enumerate(slots[:end])]
            rows.append(_Row(toks, True, block))
    return rows


def _clamp_span(span: int) -> int:
    return min(max(span, 1), _MAX_SPAN)


def _hole(grid: Grid, row: int, column: int) -> _Tok:
    return _Tok("", "", CellKind.BLANK, CellSource("", table=grid.index, row=row + 1, column=column + 1))


def _text_row(line: TextLine, block: int) -> _Row:
    toks: list[_Tok] = []
    text = labels.clean_text(line.text)
    position = 0
    first = True
    for match in _NUMBER_IN_TEXT.finditer(_nfkc_digits(text)):
        before = text[position : match.start()].strip()
        if before:
            toks.append(_Tok(before, labels.normalize(before), None, _line_source(before, line), first))
            first = False
        number = match.group()
        toks.append(_Tok(number, number, CellKind.NUMBER, _line_source(number, line), first))
        first = False
        position = match.end()
    rest = text[position:].strip()
    if rest:
        toks.append(_Tok(rest, labels.normalize(rest), None, _line_source(rest, line), first))
    return _Row(toks, False, block)


def _nfkc_digits(text: str) -> str:
    # Full-width digits become ASCII with the same length, so match positions stay valid.
    return text.translate(_FULLWIDTH_DIGITS)


_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")


def _line_source(raw: str, line: TextLine) -> CellSource:
    return CellSource(raw=raw, page=line.page, line=line.line)


# ---------------------------------------------------------------------------------------------
# The assembler
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Cell:
    value: int | Decimal | None
    source: CellSource


@dataclass(slots=True)
class _Candidate:
    """A table-3 row read from running text whose digits admit several readings."""

    key: str
    readings: list[tuple[int, ...]]
    run: _Run


@dataclass
class _Assembly:
    doc: SourceDocument
    findings: list[dict[str, str]] = field(default_factory=list)
    cells: dict[str, _Cell] = field(default_factory=dict)
    excluded_blocks: set[int] = field(default_factory=set)
    heading_lines: set[int] = field(default_factory=set)
    meta_2019: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: Table-3 rows whose numbers were found but could not be read (reported once, as such).
    failed_rows: set[str] = field(default_factory=set)
    #: The label each table-3 row was found by, as printed (``meta["table3_labels"]``).
    printed_labels: dict[str, str] = field(default_factory=dict)
    #: Each grid's rows and normalised text, computed once (every table looks at every grid).
    grid_cache: dict[int, tuple[list[_Row], str]] = field(default_factory=dict)

    def trial(self) -> _Assembly:
        """A scratch assembly over the same document, for reading a table in a place it may not be."""
        return _Assembly(self.doc, grid_cache=self.grid_cache, heading_lines=self.heading_lines)

    def adopt(self, trial: _Assembly) -> None:
        self.findings.extend(trial.findings)
        self.cells.update(trial.cells)
        self.excluded_blocks.update(trial.excluded_blocks)
        self.meta_2019.update(trial.meta_2019)
        self.failed_rows.update(trial.failed_rows)
        self.printed_labels.update(trial.printed_labels)

    def grid(self, index: int) -> tuple[list[_Row], str]:
        cached = self.grid_cache.get(index)
        if cached is None:
            block = self.doc.blocks[index]
            assert isinstance(block, Grid)
            cached = (_grid_rows(block, index), "".join(labels.normalize(c.text) for c in block.cells))
            self.grid_cache[index] = cached
        return cached

    # --- findings and cells ----------------------------------------------------------------

    def finding(self, cell: str, message: str, raw: str = "") -> None:
        self.findings.append({"cell": cell, "message": message, "raw": raw})

    def put(self, path: str, value: int | Decimal | None, source: CellSource) -> None:
        self.cells[path] = _Cell(value, source)

    def put_count(self, path: str, tok: _Tok, note: str | None = None) -> None:
        source = tok.source if note is None else _with_note(tok.source, note)
        if tok.copy:
            self.put(path, None, source)
            self.finding(path, "此单元格与相邻单元格合并，没有单独的数值，按缺失处理", tok.text)
            return
        kind = classify(tok.text)
        if kind is CellKind.BLANK:
            self.put(path, None, source)
            self.finding(path, "单元格为空，按缺失处理", tok.text)
            return
        value = parse_count(tok.text)
        if value is None:
            self.put(path, None, source)
            self.finding(path, f"无法识别的数值“{tok.text.strip()}”，按缺失处理", tok.text)
            return
        self.put(path, value, source)

    def put_amount(self, path: str, tok: _Tok) -> None:
        kind = classify(tok.text)
        amount = parse_amount(tok.text) if kind is CellKind.NUMBER else None
        self.put(path, amount, tok.source)
        if kind is CellKind.BLANK:
            self.finding(path, "单元格为空，按缺失处理", tok.text)
        elif amount is None:
            self.finding(path, f"无法识别的金额“{tok.text.strip()}”，按缺失处理", tok.text)

    def value(self, path: str) -> int | None:
        cell = self.cells.get(path)
        return cell.value if cell is not None and isinstance(cell.value, int) else None

    # --- document structure ----------------------------------------------------------------

    def rows(self, start: int, end: int, want: Callable[[Grid, str], bool]) -> list[_Row]:
        """Rows of the blocks in [start, end): from the grids ``want`` accepts if there are any,
        otherwise from the running text (a table is either laid out as a grid or as text)."""
        blocks = self.doc.blocks
        rows: list[_Row] = []
        for i in range(start, end):
            block = blocks[i]
            if isinstance(block, Grid):
                grid_rows, norm = self.grid(i)
                if want(block, norm):
                    rows.extend(grid_rows)
        if rows:
            return rows
        for i in range(start, end):
            block = blocks[i]
            if isinstance(block, TextLine):
                rows.append(_text_row(block, i))
        return rows


def _with_note(source: CellSource, note: str) -> CellSource:
    return CellSource(source.raw, source.page, source.line, source.table, source.row, source.column, note)


def _is_table3_grid(grid: Grid, norm: str) -> bool:
    return bool(labels.table3_matches(norm))


def _is_table2_grid(grid: Grid, norm: str) -> bool:
    return any(labels.normalize(c.text) in labels.TABLE2_ROWS for c in grid.cells)


def _is_table4_grid(grid: Grid, norm: str) -> bool:
    return any(marker in norm for marker in labels.TABLE4_HEADER_MARKERS)


# ---------------------------------------------------------------------------------------------
# Runs: labels followed by values
# ---------------------------------------------------------------------------------------------


def _runs(rows: Sequence[_Row], width: int, labelled: bool = True) -> list[_Run]:
    """Pair labels with the values that follow them.

    A grid row of at least ``width + 1`` positions (``width`` when the values need no label on
    their row, as in table 4) holds its values in its last ``width`` positions, blank or not, so
    a blank never shifts a neighbour. Elsewhere the values are the numbers that follow a label,
    possibly on later lines; a label without numbers (a wrapped label, or one printed on the
    line above its numbers) is carried on to the next numbers.
    """
    runs: list[_Run] = []
    label = printed = ""
    label_block: int | None = None
    numbers: list[_Tok] = []
    numbers_block = 0

    def emit() -> None:
        nonlocal label, printed, label_block, numbers
        if numbers:
            first = label_block if label_block is not None else numbers_block
            runs.append(_Run(label, numbers, False, first, numbers_block, printed))
            label, printed, label_block, numbers = "", "", None, []

    for row in rows:
        if row.grid and len(row.toks) >= width + labelled:
            emit()
            head = row.toks[:-width]
            text = "".join(t.norm for t in head if not t.copy)
            shown = "".join(t.text for t in head if not t.copy)
            first = label_block if label_block is not None else row.block
            runs.append(_Run(label + text, row.toks[-width:], True, first, row.block, printed + shown))
            label, printed, label_block = "", "", None
            continue
        for tok in row.toks:
            if tok.copy:
                continue
            if tok.kind is CellKind.NUMBER:
                numbers.append(tok)
                numbers_block = row.block
            elif tok.kind is CellKind.BLANK:
                continue
            else:
                emit()
                if label_block is None:
                    label_block = row.block
                label += tok.norm
                printed += tok.text
        if row.grid:
            emit()
    emit()
    return runs


def _numeric(run: _Run) -> bool:
    return any(t.kind is CellKind.NUMBER for t in run.values)


def _all_blank(run: _Run) -> bool:
    return all(t.kind is CellKind.BLANK for t in run.values)


def _readings(run: _Run, width: int, check: Callable[[tuple[int, ...]], bool]) -> list[tuple[int, ...]]:
    """Readings of a text run's digits as ``width`` counts that satisfy ``check``."""
    digits = [t.text for t in run.values]
    if any(not d.isdigit() for d in digits):
        return []
    if len(digits) == width and all(d == "0" or d[0] != "0" for d in digits):
        # As printed: one number per cell. The report's own arithmetic errors are not ours to fix.
        return [tuple(int(d) for d in digits)]
    joinable = [t.line_start for t in run.values]
    return [r for r in regroupings(digits, joinable, width) if check(r)]


def _row_balances(values: tuple[int, ...]) -> bool:
    return sum(values[:-1]) == values[-1]


def _groups_balance(values: tuple[int, ...]) -> bool:
    return all(_row_balances(values[g : g + _T4_GROUP_WIDTH]) for g in range(0, len(values), _T4_GROUP_WIDTH))


# ---------------------------------------------------------------------------------------------
# Table 3
# ---------------------------------------------------------------------------------------------


def _table3(asm: _Assembly, start: int, end: int) -> set[str]:
    """Read table 3 into ``asm.cells``; returns the row keys found."""
    rows = asm.rows(start, end, _is_table3_grid)
    runs = _runs(rows, _T3_WIDTH)
    found: dict[str, _Run] = {}
    failures: dict[str, _Run] = {}
    candidates: list[_Candidate] = []
    attempts: dict[str, int] = {}
    repeated: set[str] = set()
    orphan: _Run | None = None
    for i, run in enumerate(runs):
        matches = labels.table3_matches(run.label)
        key = matches[-1].key if matches else None
        note: str | None = None
        if key is None and _numeric(run) and (run.positional or len(run.values) == _T3_WIDTH):
            # Only a full row of numbers may be taken for a misprinted label: in running text a
            # sentence of the narrative ("本机关新收政府信息公开申请108件") also resembles one.
            fuzzy = labels.table3_fuzzy(run.label)
            if fuzzy is not None:
                key = fuzzy[0]
                note = (
                    f"行标签与标准标签近似（相似度 {fuzzy[1]:.2f}），按“{TABLE3_ROW_BY_KEY[key].label}”读取"
                )
        if key is None:
            if _numeric(run) and found:
                orphan = run
            continue
        if run.positional and _all_blank(run) and i + 1 < len(runs):
            after = runs[i + 1]
            if not labels.table3_matches(after.label) and _numeric(after):
                # The label sits on its own row and its numbers on the next (broken Markdown, OCR).
                after.label = run.label + after.label
                after.printed = run.printed + after.printed
                after.first_block = run.first_block
                continue
        if _all_blank(run) and orphan is not None and orphan.positional == run.positional:
            # The numbers came on the row before their label (a label printed below its row).
            run = _Run(
                run.label, orphan.values, orphan.positional, orphan.first_block, run.last_block, run.printed
            )
            note = "数值与行标签不在同一行，按相邻位置配对"
        orphan = None
        if key in found:
            if key not in repeated:
                repeated.add(key)
                asm.finding(f"table3.{key}", "此行在表中出现了不止一次，采用第一次出现的数值", run.label)
            continue
        if run.positional:
            for column, tok in zip(TABLE3_COLUMN_KEYS, run.values, strict=True):
                asm.put_count(f"table3.{key}.{column}", tok, note)
            found[key] = run
            failures.pop(key, None)
            continue
        attempts[key] = attempts.get(key, 0) + 1
        if attempts[key] > _MAX_ATTEMPTS:
            continue  # a label repeated without end is not a table; do not enumerate it again
        readings = _readings(run, _T3_WIDTH, _row_balances)
        if len(readings) == 1:
            _put_reading(asm, f"table3.{key}", TABLE3_COLUMN_KEYS, readings[0], run, note)
            found[key] = run
            failures.pop(key, None)
        elif readings:
            candidates.append(_Candidate(key, readings, run))
            found[key] = run
        else:
            failures.setdefault(key, run)
    asm.failed_rows.update(k for k in failures if k not in found)
    for key, run in failures.items():
        if key not in found:
            raw = " ".join(t.text for t in run.values)
            asm.finding(
                f"table3.{key}",
                f"此行的数字个数与 {_T3_WIDTH} 列对不上，且无法按行合计拆分，整行按缺失处理",
                raw,
            )
    _decide_by_columns(asm, candidates)
    asm.printed_labels.update((key, labels.printed_row_label(run.printed)) for key, run in found.items())
    if found:
        blocks = [r.last_block for r in found.values()]
        _exclude_table(asm, start, blocks, labels.TABLE3_HEADER_MARKERS)
    return set(found)


def _exclude_table(asm: _Assembly, start: int, blocks: Sequence[int], markers: Sequence[str]) -> None:
    """Leave a table read from running text out of the section text.

    The table runs from its header (the first block after ``start`` that prints one of
    ``markers``; a marker written ``^text`` must open the line) to the last block whose numbers
    were read. Without a header line, from the first block that was read.
    """
    first, last = min(blocks), max(blocks)
    for i in range(start, last + 1):
        block = asm.doc.blocks[i]
        text = labels.normalize(block.text) if isinstance(block, TextLine) else ""
        if any(text.startswith(m[1:]) if m.startswith("^") else m in text for m in markers):
            first = min(first, i)
            break
    asm.excluded_blocks.update(range(first, last + 1))


def _put_reading(
    asm: _Assembly,
    prefix: str,
    columns: Sequence[str],
    reading: tuple[int, ...],
    run: _Run,
    note: str | None,
) -> None:
    raw = " ".join(t.text for t in run.values)
    first = run.values[0].source
    as_printed = len(run.values) == len(columns)
    if not as_printed:
        note = (
            note + "；" if note else ""
        ) + f"原文“{raw}”的数字连在一起或断行，按合计关系拆分为 {len(columns)} 个数"
    for index, (column, value) in enumerate(zip(columns, reading, strict=True)):
        source = run.values[index].source if as_printed else CellSource(raw, first.page, first.line)
        asm.put(f"{prefix}.{column}", value, source if note is None else _with_note(source, note))


def _decide_by_columns(asm: _Assembly, candidates: list[_Candidate]) -> None:
    """Settle rows with several readings by table 3's column rules (勾稽关系)."""
    for candidate in candidates:
        survivors = []
        for reading in candidate.readings:
            trial = dict(zip(TABLE3_COLUMN_KEYS, reading, strict=True))
            if all(_columns_hold(asm, candidate.key, column, value) for column, value in trial.items()):
                survivors.append(reading)
        prefix = f"table3.{candidate.key}"
        if len(survivors) == 1:
            note = "数字连在一起，可有多种拆法；按表三各列的勾稽关系确定"
            _put_reading(asm, prefix, TABLE3_COLUMN_KEYS, survivors[0], candidate.run, note)
            continue
        raw = " ".join(t.text for t in candidate.run.values)
        for column in TABLE3_COLUMN_KEYS:
            asm.put(f"{prefix}.{column}", None, CellSource(raw, candidate.run.values[0].source.page))
        asm.finding(prefix, "数字连在一起，按表内合计关系仍无法确定如何拆分，整行按缺失处理", raw)


def _columns_hold(asm: _Assembly, key: str, column: str, value: int) -> bool:
    """Whether table 3's column rules that can be evaluated hold with ``key.column = value``."""

    def get(row: str) -> int | None:
        return value if row == key else asm.value(f"table3.{row}.{column}")

    outcome_keys = [k for k, spec in TABLE3_ROW_BY_KEY.items() if spec.kind is RowKind.OUTCOME]
    intake = [get("new"), get("carried"), get("total"), get("carry_next")]
    if None not in intake:
        new, carried, total, carry_next = (v for v in intake if v is not None)
        if new + carried != total + carry_next:
            return False
    present = [k for k in outcome_keys if f"table3.{k}.{column}" in asm.cells or k == key]
    outcomes = [get(k) for k in present]
    total_value = get("total")
    if total_value is not None and present and None not in outcomes:
        return sum(v for v in outcomes if v is not None) == total_value
    return True


def _build_table3(asm: _Assembly, found: set[str], template: Template) -> Table3:
    keys = [spec.key for spec in table3_rows_for(template)]
    single_only = OTHER_SINGLE_KEY in found and not (found & set(OTHER_SPLIT_KEYS))
    if template is Template.Y2021 and OTHER_SINGLE_KEY in found:
        # A 2021 report that kept the single （六） row: the three sub-rows are absent (null),
        # which is how report-json.md and the corpus transcribe it.
        at = keys.index(OTHER_SPLIT_KEYS[-1]) + 1
        keys.insert(at, OTHER_SINGLE_KEY)
    rows: dict[str, ApplicantCounts] = {}
    for key in keys:
        expected_absent = single_only and key in OTHER_SPLIT_KEYS
        if key not in found and key not in asm.failed_rows and not expected_absent:
            asm.finding(
                f"table3.{key}", f"表三中未找到“{TABLE3_ROW_BY_KEY[key].label}”这一行，整行按缺失处理"
            )
        values = {c: asm.value(f"table3.{key}.{c}") for c in TABLE3_COLUMN_KEYS}
        rows[key] = ApplicantCounts(**values)
    return Table3(rows)


# ---------------------------------------------------------------------------------------------
# Table 4
# ---------------------------------------------------------------------------------------------


def _table4(asm: _Assembly, start: int, end: int) -> bool:
    rows = asm.rows(start, end, _is_table4_grid)
    runs = _runs(rows, _T4_WIDTH, labelled=False)
    header_seen = False
    grouped: dict[str, _Run] = {}
    blocks: list[int] = []
    for run in runs:
        seen = run.label + "".join(t.norm for t in run.values if t.kind is None)
        if any(marker in seen for marker in labels.TABLE4_HEADER_MARKERS):
            header_seen = True
        group = _table4_group(run.label)
        width = _T4_GROUP_WIDTH if group is not None and not run.positional and len(run.values) <= 6 else None
        if group is not None and width is not None:
            grouped.setdefault(group, run)
            continue
        if not header_seen or not (_numeric(run) or (run.positional and _all_blank(run))):
            continue
        if run.positional:
            for index, tok in enumerate(run.values):
                group_key = TABLE4_GROUP_KEYS[index // _T4_GROUP_WIDTH]
                name = TABLE4_FIELD_KEYS[index % _T4_GROUP_WIDTH]
                asm.put_count(f"table4.{group_key}.{name}", tok)
            blocks.append(run.last_block)
            break
        readings = _readings(run, _T4_WIDTH, _groups_balance)
        paths = [f"table4.{g}.{f}" for g in TABLE4_GROUP_KEYS for f in TABLE4_FIELD_KEYS]
        if len(readings) == 1:
            _put_paths(asm, paths, readings[0], run)
        else:
            raw = " ".join(t.text for t in run.values)
            asm.finding("table4", "表四的数字个数与 15 列对不上，且无法按各组合计拆分，按缺失处理", raw)
        blocks.append(run.last_block)
        break
    # The transposed layout (a row per group: 行政复议 | five numbers) only when the official
    # one was not found.
    for group_key, run in grouped.items() if not blocks else ():
        readings = _readings(run, _T4_GROUP_WIDTH, _row_balances)
        paths = [f"table4.{group_key}.{f}" for f in TABLE4_FIELD_KEYS]
        if len(readings) == 1:
            _put_paths(asm, paths, readings[0], run)
            blocks.append(run.last_block)
    if blocks:
        # The header's first line is "行政复议 行政诉讼"; narrative lines do not start so.
        _exclude_table(asm, start, blocks, (*labels.TABLE4_HEADER_MARKERS, "^" + labels.TABLE4_TOP))
    return bool(blocks)


def _table4_group(label: str) -> str | None:
    for text, key in labels.TABLE4_GROUP_LABELS.items():
        if label.endswith(text):
            return key
    return None


def _put_paths(asm: _Assembly, paths: Sequence[str], reading: tuple[int, ...], run: _Run) -> None:
    raw = " ".join(t.text for t in run.values)
    as_printed = len(run.values) == len(paths)
    note = None if as_printed else f"原文“{raw}”的数字连在一起或断行，按合计关系拆分"
    for index, (path, value) in enumerate(zip(paths, reading, strict=True)):
        source = run.values[index].source if as_printed else CellSource(raw, run.values[0].source.page)
        asm.put(path, value, source if note is None else _with_note(source, note))


def _build_table4(asm: _Assembly, found: bool) -> Table4:
    if not found:
        asm.finding("table4", "未找到表四（政府信息公开行政复议、行政诉讼情况）的数据，按缺失处理")
    groups: dict[str, Any] = {}
    for group in TABLE4_GROUP_KEYS:
        groups[group] = CaseResults(**{f: asm.value(f"table4.{group}.{f}") for f in TABLE4_FIELD_KEYS})
    return Table4(**groups)


# ---------------------------------------------------------------------------------------------
# Table 2
# ---------------------------------------------------------------------------------------------


def _table2_is_2019(asm: _Assembly, rows: Sequence[_Row]) -> bool:
    text = "".join(t.norm for row in rows for t in row.toks)
    return any(marker in text for marker in labels.TABLE2_2019_MARKERS)


@dataclass(slots=True)
class _Table2Row:
    """A table-2 row as printed: its label's key, the header above it, its values."""

    key: str
    header: tuple[str, ...]
    values: list[_Tok]
    block: int
    grid: bool


def _table2_grid_rows(rows: Sequence[_Row]) -> list[_Table2Row]:
    """Rows of table-2 grids: a label cell, then value cells (blank or not) in their places."""
    found: list[_Table2Row] = []
    header: tuple[str, ...] = ()
    for row in rows:
        toks = [t for t in row.toks if not t.copy]
        norm = "".join(t.norm for t in toks)
        if labels.TABLE2_CONTENT_HEADER in norm:
            header = labels.table2_header_columns(norm)
            continue
        head = 0
        while head < len(toks) and toks[head].kind is CellKind.BLANK:
            head += 1
        if head == len(toks):
            continue
        # A table-2 label is one cell; what follows it are values, readable or not.
        key = _table2_key(toks[head].norm)
        if key is not None:
            found.append(_Table2Row(key, header, toks[head + 1 :], row.block, True))
    return found


def _table2_text_rows(rows: Sequence[_Row]) -> list[_Table2Row]:
    """Rows of table 2 in running text: a line that is a row label, then the numbers that follow
    it (on the same line or, one cell per line, on the next lines) up to the next line of text.

    Numbers followed by words on their line are narrative ("新增规章 1 件"), not a table row.
    """
    found: list[_Table2Row] = []
    header: tuple[str, ...] = ()
    text = ""  # the text since the last numbers: header and label
    line_text = ""  # the text of the current line before its numbers
    numbers: list[_Tok] = []
    block = 0

    def emit(clean: bool) -> None:
        nonlocal header
        if labels.TABLE2_CONTENT_HEADER in text:
            header = labels.table2_header_columns(text)
        key = _table2_key(line_text)
        if key is not None and clean:
            found.append(_Table2Row(key, header, numbers, block, False))

    for row in rows:
        for tok in row.toks:
            if tok.kind is CellKind.NUMBER:
                numbers.append(tok)
                block = row.block
                continue
            if tok.kind is CellKind.BLANK:
                continue
            if numbers:
                emit(clean=tok.line_start)
                text, line_text, numbers = "", "", []
            line_text = tok.norm if tok.line_start else line_text + tok.norm
            text += tok.norm
    if numbers:
        emit(clean=True)
    return found


def _table2_key(label: str) -> str | None:
    return labels.TABLE2_ROWS.get(labels.normalize(labels.strip_ordinal(label))) if label else None


def _table2(asm: _Assembly, start: int, end: int) -> tuple[set[str], bool]:
    """Read table 2; returns the row keys found and whether it is the 2019 trial layout."""
    rows = asm.rows(start, end, _is_table2_grid)
    is_2019 = _table2_is_2019(asm, rows)
    defaults = labels.TABLE2_DEFAULT_COLUMNS_2019 if is_2019 else labels.TABLE2_DEFAULT_COLUMNS_2021
    grid = bool(rows) and rows[0].grid
    found: set[str] = set()
    blocks: list[int] = []
    for t2 in _table2_grid_rows(rows) if grid else _table2_text_rows(rows):
        key, columns, values = t2.key, t2.header, t2.values
        if key in found:
            continue
        row_columns = columns if len(columns) == len(values) else defaults.get(key, ())
        if len(row_columns) != len(values) and t2.grid:
            # A value cell merged over the row's remaining columns is exported as the value
            # followed by empty cells (Markdown, text): those are not cells of their own.
            while values and values[-1].kind is CellKind.BLANK and len(values) > len(row_columns or columns):
                values = values[:-1]
            row_columns = columns if len(columns) == len(values) else defaults.get(key, ())
        expected = columns if columns and key not in _TABLE2_SINGLE else defaults.get(key, ())
        if len(row_columns) != len(values) and not t2.grid and 0 < len(values) < len(expected):
            # Cells glued together in running text ("规章000"): without arithmetic to decide,
            # only a reading that is the only one possible is taken (one digit per cell).
            values = _unglued(values, len(expected)) or values
            row_columns = expected if len(values) == len(expected) else row_columns
        if len(row_columns) != len(values):
            raw = " ".join(t.text for t in values)
            asm.finding(f"table2.{key}", "表二此行的数值个数与表头对不上，按缺失处理", raw)
            found.add(key)
            continue
        for column, tok in zip(row_columns, values, strict=True):
            _put_table2(asm, key, column, tok)
        found.add(key)
        blocks.append(t2.block)
    if blocks:
        _exclude_table(asm, start, blocks, ("第二十条", labels.TABLE2_CONTENT_HEADER))
    return found, is_2019


#: Table-2 rows whose single value cannot be glued to anything.
_TABLE2_SINGLE = frozenset({"licensing", "penalty", "coercion", "fees_10k_yuan"})


def _unglued(values: list[_Tok], width: int) -> list[_Tok] | None:
    """The one way to read glued digits as ``width`` counts, if there is exactly one."""
    digits = [t.text for t in values]
    if not all(d.isdigit() for d in digits):
        return None
    readings = regroupings(digits, [t.line_start for t in values], width)
    if len(readings) != 1:
        return None
    raw = " ".join(digits)
    note = f"原文“{raw}”的数字连在一起，只有一种拆法"
    source = _with_note(values[0].source, note)
    return [_Tok(str(v), str(v), CellKind.NUMBER, source) for v in readings[0]]


def _put_table2(asm: _Assembly, key: str, column: str, tok: _Tok) -> None:
    if key in ("regulations", "normative_documents") and column in ("issued", "abolished", "in_force"):
        asm.put_count(f"table2.{key}.{column}", tok)
    elif key in ("licensing", "penalty", "coercion") and column == labels.DECISIONS:
        asm.put_count(f"table2.{key}", tok)
    elif key == "fees_10k_yuan" and column == labels.FEES:
        asm.put_amount("table2.fees_10k_yuan", tok)
    else:
        # A 2019 trial-layout figure with no 2021 field: kept as printed, never dropped.
        row = asm.meta_2019.setdefault(key.removeprefix("2019:"), {})
        row[column.removeprefix("2019:")] = tok.text.strip()


def _build_table2(asm: _Assembly, found: set[str], is_2019: bool) -> Table2:
    wanted = ["regulations", "normative_documents", "licensing", "penalty", "coercion"]
    if not is_2019:
        wanted.append("fees_10k_yuan")
    if not found:
        asm.finding("table2", "未找到表二（主动公开政府信息情况）的数据，按缺失处理")
    else:
        for key in wanted:
            if key not in found:
                asm.finding(f"table2.{key}", "表二中未找到此行，按缺失处理")
    docs: dict[str, DocumentCounts] = {}
    for key in ("regulations", "normative_documents"):
        docs[key] = DocumentCounts(
            **{f: asm.value(f"table2.{key}.{f}") for f in ("issued", "abolished", "in_force")}
        )
    fee_cell = asm.cells.get("table2.fees_10k_yuan")
    fee = fee_cell.value if fee_cell is not None and isinstance(fee_cell.value, Decimal) else None
    return Table2(
        regulations=docs["regulations"],
        normative_documents=docs["normative_documents"],
        licensing=asm.value("table2.licensing"),
        penalty=asm.value("table2.penalty"),
        coercion=asm.value("table2.coercion"),
        fees_10k_yuan=fee,
    )


# ---------------------------------------------------------------------------------------------
# Title and sections
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _HeadingAt:
    block: int
    heading: labels.Heading
    raw: str


def _headings(asm: _Assembly) -> list[_HeadingAt]:
    """Section headings in reading order, each later section after the one before."""
    found: list[_HeadingAt] = []
    order = {n: i for i, n in enumerate(SECTION_NUMBERS)}
    last = -1
    for i, block in enumerate(asm.doc.blocks):
        if not isinstance(block, TextLine):
            continue
        heading = labels.section_heading(block.text)
        if heading is None:
            continue
        asm.heading_lines.add(i)
        if order[heading.number] <= last:
            continue
        found.append(_HeadingAt(i, heading, block.text))
        last = order[heading.number]
    return found


def _title(asm: _Assembly, limit: int) -> tuple[str | None, int | None]:
    lines = [b for b in asm.doc.blocks[:limit] if isinstance(b, TextLine)][:_TITLE_SEARCH_LINES]
    for i, line in enumerate(lines):
        compact = re.sub(r"\s+", "", line.text)
        match = _TITLE.search(compact)
        if match is None:
            continue
        year = int(match.group("year").translate(_CN_DIGITS))
        agency = match.group("agency")
        if not agency and i > 0:
            previous = re.sub(r"\s+", "", lines[i - 1].text)
            if _AGENCY_LINE.fullmatch(previous):
                agency = previous
        if agency:
            agency = _full_agency_name(lines[i + 1 : i + 12], agency)
        return agency or None, year
    asm.finding("title", "未能从标题中识别机关名称和年度")
    return None, None


def _full_agency_name(preamble: Sequence[TextLine], agency: str) -> str:
    """The agency's full name when the title shortens it ("洪泽区人民政府" for 淮安市洪泽区人民政府).

    The customary opening "本报告由……办公室根据……编制" names the compiler in full; only a
    longer name that ends with the title's own name is taken, so the title is never contradicted.
    """
    text = re.sub(r"\s+", "", "".join(line.text for line in preamble))
    match = _COMPILER.search(text)
    if match is not None:
        who = match.group("who")
        if who.endswith(agency) and len(who) > len(agency):
            return who
    return agency


def _sections(asm: _Assembly, headings: Sequence[_HeadingAt]) -> tuple[Section, ...] | None:
    if not headings:
        asm.finding("sections", "未找到正文的各部分标题（一、总体情况 …… 六、其他需要报告的事项）")
        return None
    blocks = asm.doc.blocks
    sections = []
    for index, at in enumerate(headings):
        end = headings[index + 1].block if index + 1 < len(headings) else len(blocks)
        lines = []
        for i in range(at.block + 1, end):
            block = blocks[i]
            # A heading out of order (a workbook repeats them over its table sheets) is no text.
            if i not in asm.excluded_blocks and isinstance(block, TextLine) and i not in asm.heading_lines:
                lines.append(block.text)
        text = "\n".join(lines)
        extra = MappingProxyType({"heading": at.raw.strip()})
        sections.append(Section(at.heading.number, at.heading.title, text, extra))
    return tuple(sections)


def _region(headings: Sequence[_HeadingAt], number: str, size: int) -> tuple[int, int]:
    """The blocks of section ``number``; the whole document when its heading is not found."""
    for index, at in enumerate(headings):
        if at.heading.number == number:
            end = headings[index + 1].block if index + 1 < len(headings) else size
            return at.block + 1, end
    return 0, size


# ---------------------------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------------------------


def _first_found(
    asm: _Assembly,
    regions: Sequence[tuple[int, int]],
    read: Callable[[_Assembly, int, int], _T],
    found: Callable[[_T], bool],
) -> _T:
    """Read a table from the first region where it is found; only that reading's findings count."""
    result: _T | None = None
    for start, end in dict.fromkeys(regions):
        trial = asm.trial()
        result = read(trial, start, end)
        if found(result):
            asm.adopt(trial)
            return result
    asm.adopt(trial)
    assert result is not None
    return result


def _template(t3_rows: set[str], has_table2: bool, table2_is_2019: bool, year: int | None) -> Template:
    """Which format the report follows, decided by what it prints.

    The 2019 trial table 2 (本年新制作数量 …, 第二十条第（九）项) is decisive. A single （六）其他处理
    row is not: reports for 2021 and later kept it in a 2021 table 2 (corpus 002, 003), and are
    2021 reports. It decides only when there is no table 2, or for a report on 2019 or 2020, the
    years the trial format was in force (国办公开办函〔2019〕60号 until 国办公开办函〔2021〕30号).
    """
    if table2_is_2019:
        return Template.Y2019
    single_only = OTHER_SINGLE_KEY in t3_rows and not (t3_rows & set(OTHER_SPLIT_KEYS))
    if single_only and (not has_table2 or (year is not None and year <= 2020)):
        return Template.Y2019
    return Template.Y2021


def assemble(doc: SourceDocument) -> AnnualReport:
    """The report in ``doc``; ``ReportFormatError`` when it holds no table 3 (not a report)."""
    asm = _Assembly(doc)
    size = len(doc.blocks)
    headings = _headings(asm)
    # Each table is looked for in its own section first, then anywhere (a workbook puts the
    # narrative on one sheet and each table on a sheet of its own).
    regions = {n: (_region(headings, n, size), (0, size)) for n in ("二", "三", "四")}
    t3_rows = _first_found(asm, regions["三"], _table3, bool)
    if not t3_rows:
        raise ReportFormatError(
            "未找到表三“收到和处理政府信息公开申请情况”，这不像是一份政府信息公开工作年度报告"
        )
    t2_rows, is_2019 = _first_found(asm, regions["二"], _table2, lambda found: bool(found[0]))
    t4_found = _first_found(asm, regions["四"], _table4, bool)
    agency, year = _title(asm, headings[0].block if headings else size)
    template = _template(t3_rows, bool(t2_rows), is_2019, year)
    table3 = _build_table3(asm, t3_rows, template)
    table2 = _build_table2(asm, t2_rows, is_2019)
    table4 = _build_table4(asm, t4_found)
    sections = _sections(asm, headings)
    meta: dict[str, Any] = {"source_format": doc.source_format}
    if doc.encoding is not None:
        meta["encoding"] = doc.encoding
    if asm.meta_2019:
        meta["table2_2019"] = asm.meta_2019
    if asm.printed_labels:
        meta[TABLE3_LABELS_KEY] = dict(asm.printed_labels)
    meta[READ_FINDINGS_KEY] = asm.findings
    provenance = {path: cell.source for path, cell in asm.cells.items()}
    return AnnualReport(
        agency=agency,
        year=year,
        template=template,
        table2=table2,
        table3=table3,
        table4=table4,
        sections=sections,
        meta=MappingProxyType(meta),
        provenance=MappingProxyType(provenance),
    )

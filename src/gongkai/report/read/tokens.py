"""Tokens and rows: one shape for grid rows and lines of running text, and runs (a label
with the values that follow it). Part of the assembler (``gongkai.report.read.assembler``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from gongkai.errors import ReportFormatError
from gongkai.report.model import (
    CellSource,
)
from gongkai.report.read import labels
from gongkai.report.read.cells import CellKind, classify, parse_count, regroupings
from gongkai.report.read.document import Grid, GridCell, TextLine
from gongkai.report.read.solver import blank_cells, one_figure_short

#: Limits on what a grid may claim: a merged cell spans at most this many rows or columns, and
#: a table has at most this many positions (the official tables have fewer than 300).
_MAX_SPAN = 200
_MAX_GRID_POSITIONS = 200_000

# A number in running text: not an ordinal ("1." "1、" "(1)"), may carry decimals (万元).
# "1,161" (a thousands separator) is one number: reading "1" from it would be a wrong value.
_NUMBER_IN_TEXT = re.compile(r"(?<![\d.(（])(?:\d{1,3}(?:,\d{3})+(?![\d,])|\d+)(?:\.\d+)?(?![\d.、．)）])")

# ---------------------------------------------------------------------------------------------
# Tokens and rows: one shape for grid rows and lines of running text
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Tok:
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
class Row:
    toks: list[Tok]
    grid: bool
    block: int


@dataclass(slots=True)
class Run:
    """A label (normalised, possibly gathered over several rows) and the values that follow it."""

    label: str
    values: list[Tok]
    positional: bool
    first_block: int
    last_block: int
    #: How the values were placed when that needed a decision (a column shift settled by sums).
    note: str | None = None
    #: The label's text as printed (not normalised), for ``meta["table3_labels"]`` (rule T3-LABEL).
    printed: str = ""


def grid_rows(grid: Grid, block: int) -> list[Row]:
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
    matrix: list[list[Tok | None]] = [[None] * width for _ in range(height)]
    # Every cell first takes its own position, then merged cells spread over what is left: a
    # position where a cell prints its own text is that cell's, not a copy of a merged cell
    # claimed to reach over it. A continued table 3 that repeats the header shows why: Word's
    # vertical merge of the label column continues from the repeated header cell
    # ("（本列数据的勾稽关系为……）") into the first rows after it, and the row labels printed
    # inside that reach must not be hidden by copies of the header.
    spread: list[tuple[GridCell, int, int, Tok]] = []
    for cell, row_span, column_span in placed:
        kind = classify(cell.text)
        tok = Tok(
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
                    matrix[r][c] = Tok(tok.text, tok.norm, tok.kind, tok.where, copy=True)
    rows: list[Row] = []
    for r, slots in enumerate(matrix):
        # Rows are taken as the grid gives them: a row may be shorter than the widest (text with
        # one cell per line omits merged cells, so its values are the last cells of the row).
        # Positions no cell covers at the end of a row are not cells; inside a row they are blank.
        end = len(slots)
        while end and slots[end - 1] is None:
            end -= 1
        if end:
            toks = [t if t is not None else _hole(grid, r, c) for c, t in enumerate(slots[:end])]
            if any("\n" in t.text for t in toks):
                rows.extend(Row(part, True, block) for part in _rows_printed_as_one(toks))
            else:
                rows.append(Row(toks, True, block))
    return rows


_FIGURE_LINES = re.compile(r"\d+(?:\.\d+)?(?:\n\d+(?:\.\d+)?)+")


def _rows_printed_as_one(toks: list[Tok]) -> list[list[Tok]]:
    """A grid row whose figure cells all hold n figures one per line ("81<br>8"), as n rows: a
    converter that missed the rule between two table rows prints them as one, each cell holding
    the rows' texts on separate lines. Read as one figure, "81<br>8" would be 818.

    Split only when every figure cell has the same n lines (a cell with a single figure could
    belong to either row: the row then stays as it is, its multi-line cells unreadable). The text
    cells go line by line to the rows when each has n lines; when some have another number of lines
    (a label spanning the rows, or one printed on one row only), which row a text belongs to is
    not known, so the rows keep no label of their own: they are then placed only by position,
    where the missing rows and the sums confirm it (``table3._map_by_position``). Positions of a
    merged cell reaching over the row stay in every part."""
    own = [t for t in toks if not t.copy]
    figures = [t for t in own if _FIGURE_LINES.fullmatch(t.text.strip())]
    counts = {t.text.strip().count("\n") + 1 for t in figures}
    if len(figures) < 2 or len(counts) != 1 or any(t.kind is CellKind.NUMBER for t in own):
        return [toks]
    n = counts.pop()
    labelled = all(t.text.strip().count("\n") + 1 == n for t in own if t.kind is None and t.text.strip())
    parts: list[list[Tok]] = [[] for _ in range(n)]
    for tok in toks:
        pieces = tok.text.strip().split("\n")
        keep = not tok.copy and len(pieces) == n and (labelled or any(tok is f for f in figures))
        for k, part in enumerate(parts):
            if keep:
                kind = classify(pieces[k])
                piece = Tok(
                    pieces[k],
                    labels.normalize(pieces[k]),
                    None if kind is CellKind.UNREADABLE else kind,
                    tok.where,
                )
                part.append(piece)
            elif tok.copy or tok.kind is CellKind.BLANK:
                part.append(tok)
            else:
                part.append(Tok("", "", CellKind.BLANK, tok.where))
    return parts


def _clamp_span(span: int) -> int:
    return min(max(span, 1), _MAX_SPAN)


def _hole(grid: Grid, row: int, column: int) -> Tok:
    return Tok("", "", CellKind.BLANK, CellSource("", table=grid.index, row=row + 1, column=column + 1))


def text_row(line: TextLine, block: int) -> Row:
    toks: list[Tok] = []
    text = labels.clean_text(line.text)
    position = 0
    first = True
    for match in _NUMBER_IN_TEXT.finditer(_ZERO_WORD.sub("0", nfkc_digits(text))):
        before = text[position : match.start()].strip()
        if before:
            toks.append(Tok(before, labels.normalize(before), None, line_source(before, line), first))
            first = False
        number = match.group()
        toks.append(Tok(number, number, CellKind.NUMBER, line_source(number, line), first))
        first = False
        position = match.end()
        unit = _CELL_UNIT.match(text, position)
        if unit is not None:
            position = unit.end()
    rest = text[position:].strip()
    if rest:
        toks.append(Tok(rest, labels.normalize(rest), None, line_source(rest, line), first))
    return Row(toks, False, block)


#: A count's unit printed after each figure of a row ("13件 4件 0件"): part of the figure, not a
#: label between two figures. Only before a space or the line's end: glued "13件4件" is left to the
#: glued-row reader.
_CELL_UNIT = re.compile(r"[^\S\n]?[件个项人次](?=\s|$)")


#: 〇 or 零 standing alone between spaces: a zero printed as the Chinese numeral (same length,
#: so match positions stay valid). Not inside a word: "二〇二三年" is a year in words.
_ZERO_WORD = re.compile(r"(?<!\S)[〇零](?!\S)")


def nfkc_digits(text: str) -> str:
    # Full-width digits become ASCII with the same length, so match positions stay valid.
    return text.translate(_FULLWIDTH_DIGITS)


_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")


def line_source(raw: str, line: TextLine) -> CellSource:
    return CellSource(raw=raw, page=line.page, line=line.line)


# ---------------------------------------------------------------------------------------------
# Runs: labels followed by values
# ---------------------------------------------------------------------------------------------


#: What a cell reads when a shifted row's columns cannot be placed (classified unreadable).
SHIFT_UNDECIDED = "列错位无法确定"
SHIFT_NOTE = "此行多出空白单元格（列错位），按合计关系确定各数所在的列"
MERGED_NOTE = "一个单元格中有两个数且行末单元格为空（相邻两格被合并），拆为两列后本行合计相符，按此读取"
#: A grid cell holding two figures apart by a space ("0 0"): two neighbouring cells merged by a
#: converter or OCR, or a tracked change ("12 13"). Such a cell classifies as text (kind None).
_TWO_FIGURES = re.compile(r"(\d+)[^\S\n]+(\d+)")


def _window(
    toks: list[Tok], width: int, balances: Callable[[tuple[int, ...]], bool] | None
) -> tuple[list[Tok], list[Tok], str | None]:
    """Split a grid row into its label part and its ``width`` values.

    The values follow the row's last label cell. When more than ``width`` positions follow it (a
    conversion added empty cells: a column shift), the values are the window whose positions
    outside are all blank; if several windows qualify and differ, the one whose numbers satisfy
    ``balances`` (the row's sums) when exactly one does; otherwise the row cannot be placed.
    """
    merged = _merged_cells(toks, width, balances)
    if merged is not None:
        return merged
    last_text = max((i for i, t in enumerate(toks) if t.kind is None), default=-1)
    region = len(toks) - last_text - 1
    if region < width and any(_label_like(t) for t in toks[-width:]):
        # Fewer value positions than columns, and a text cell with words (its label) would fall
        # among the values: a cell boundary was lost ("| 1 0 |", "…申请 0 |"). Where it was lost
        # is not known: the row is not placed.
        undecided = [Tok(SHIFT_UNDECIDED, "", CellKind.UNREADABLE, t.where) for t in toks[-width:]]
        return toks[: last_text + 1], undecided, None
    if region <= width:
        return toks[:-width], toks[-width:], None
    start = last_text + 1
    last = len(toks) - width
    windows = []
    for shift in range(start, last + 1):
        outside = toks[start:shift] + toks[shift + width :]
        if all(t.kind is CellKind.BLANK or t.copy for t in outside):
            windows.append(shift)

    def balanced(w: int) -> bool | None:
        values = toks[w : w + width]
        if balances is None or not all(t.kind is CellKind.NUMBER and t.text.isdigit() for t in values):
            return None
        return balances(tuple(int(t.text) for t in values))

    if last in windows:
        # The values end the row, as the official table prints them; a shift is read only when
        # those values do not add up and exactly one other placement does.
        others = [w for w in windows if w != last and balanced(w)]
        if balanced(last) is not False or len(others) != 1:
            return toks[:last], toks[last:], None
        return toks[: others[0]], toks[others[0] : others[0] + width], SHIFT_NOTE
    if len(windows) == 1:
        w = windows[0]
        return toks[:w], toks[w : w + width], SHIFT_NOTE
    fitting = [w for w in (windows or range(start, last + 1)) if balanced(w)]
    if len(fitting) == 1:
        w = fitting[0]
        return toks[:w], toks[w : w + width], SHIFT_NOTE
    undecided = [Tok(SHIFT_UNDECIDED, "", CellKind.UNREADABLE, t.where) for t in toks[-width:]]
    return toks[:start], undecided, None


def _merged_cells(
    toks: list[Tok], width: int, balances: Callable[[tuple[int, ...]], bool] | None
) -> tuple[list[Tok], list[Tok], str | None] | None:
    """A row whose value cells include one holding two figures ("0 0") and whose last position is
    empty: two neighbouring cells were merged, and every cell after the merge sits one column to
    the left of its own (read by position, "| 0 0 | 2 |  |" puts the row's 总计 under 其他).

    Split into two cells, the row is read only when it then adds up (every value a figure and the
    row sums hold); otherwise none of its cells is placed. Rows without an empty last position keep
    the usual reading (the two-figure cell alone is null: a tracked change "12 13" in a full row).
    Returns None when the row is not of this shape."""
    two = [
        i
        for i, t in enumerate(toks)
        if t.kind is None and not t.copy and _TWO_FIGURES.fullmatch(t.text.strip())
    ]
    if not two or toks[-1].kind is not CellKind.BLANK or toks[-1].copy:
        return None
    last_text = max((i for i, t in enumerate(toks) if t.kind is None and i not in two), default=-1)
    if two[0] < len(toks) - width or two[0] <= last_text:
        return None  # not among the positions the row's values are read from
    head = toks[: last_text + 1]
    if len(two) == 1 and balances is not None:
        m = two[0]
        match = _TWO_FIGURES.fullmatch(toks[m].text.strip())
        assert match is not None
        parts = [Tok(g, g, classify(g), toks[m].where) for g in match.groups()]
        values = (toks[last_text + 1 : m] + parts + toks[m + 1 : -1])[-width:]
        if all(t.kind is CellKind.NUMBER and t.text.isdigit() for t in values) and balances(
            tuple(int(t.text) for t in values)
        ):
            return head, values, MERGED_NOTE
    undecided = [Tok(SHIFT_UNDECIDED, "", CellKind.UNREADABLE, t.where) for t in toks[-width:]]
    return head, undecided, None


OCR_NOTE = "本行有数字被识别为字母（O→0、l/I→1），按数字读取后本行合计相符"
#: A value cell whose figure OCR read partly as letters: O or o for 0, l or I for 1 ("2I", "1O").
_OCR_FIGURE = re.compile(r"[0-9OolI]+")
_OCR_DIGITS = str.maketrans("OolI", "0011")


def _ocr_letters(
    values: list[Tok], balances: Callable[[tuple[int, ...]], bool] | None, note: str | None
) -> tuple[list[Tok], str | None]:
    """A row's values with OCR letters read as the digits they stand for, when the row then adds
    up; as they were otherwise (the letter cells are then null, with a finding).

    The letters are taken for digits only in a row whose every value is then a figure and whose
    sums hold: the sum confirms what the letters stand for, so a letter that stands for something
    else (or a row that does not balance as published) leaves the cells unread, never guessed."""
    if balances is None or not any(
        t.kind is None and not t.copy and _OCR_FIGURE.fullmatch(t.text.strip()) for t in values
    ):
        return values, note
    read: list[Tok] = []
    for tok in values:
        text = tok.text.strip()
        if tok.kind is None and not tok.copy and _OCR_FIGURE.fullmatch(text):
            digits = text.translate(_OCR_DIGITS)
            if digits != "0" and digits.startswith("0"):
                return values, note
            tok = Tok(digits, digits, CellKind.NUMBER, tok.where)
        if tok.kind is not CellKind.NUMBER or not tok.text.isdigit():
            return values, note
        read.append(tok)
    if not balances(tuple(int(t.text) for t in read)):
        return values, note
    return read, "；".join(n for n in (note, OCR_NOTE) if n)


def _label_like(tok: Tok) -> bool:
    """A text cell with words (a label), not a misprinted figure ("1O", "l", "三")."""
    return (
        tok.kind is None
        and not tok.copy
        and len(tok.norm) > 3
        and any("\u4e00" <= c <= "\u9fff" for c in tok.norm)
    )


def pair_runs(
    rows: Sequence[Row],
    width: int,
    labelled: bool = True,
    balances: Callable[[tuple[int, ...]], bool] | None = None,
) -> list[Run]:
    """Pair labels with the values that follow them.

    A grid row of at least ``width + 1`` positions (``width`` when the values need no label on
    their row, as in table 4) holds its values in its last ``width`` positions, blank or not, so
    a blank never shifts a neighbour. Elsewhere the values are the numbers that follow a label,
    possibly on later lines; a label without numbers (a wrapped label, or one printed on the
    line above its numbers) is carried on to the next numbers.
    """
    runs: list[Run] = []
    label = printed = ""
    label_block: int | None = None
    numbers: list[Tok] = []
    numbers_block = 0

    def emit() -> None:
        nonlocal label, printed, label_block, numbers
        if numbers:
            first = label_block if label_block is not None else numbers_block
            runs.append(Run(label, numbers, False, first, numbers_block, printed=printed))
            label, printed, label_block, numbers = "", "", None, []

    for row in rows:
        if row.grid and len(row.toks) >= width + labelled:
            emit()
            head, values, note = _window(row.toks, width, balances)
            values, note = _ocr_letters(values, balances, note)
            text = "".join(t.norm for t in head if not t.copy)
            shown = "".join(t.text for t in head if not t.copy)
            first = label_block if label_block is not None else row.block
            runs.append(Run(label + text, values, True, first, row.block, note, printed + shown))
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


def is_numeric(run: Run) -> bool:
    return any(t.kind is CellKind.NUMBER for t in run.values)


def all_blank(run: Run) -> bool:
    return all(t.kind is CellKind.BLANK for t in run.values)


def digit_readings(run: Run, width: int, check: Callable[[tuple[int, ...]], bool]) -> list[tuple[int, ...]]:
    """Readings of a text run's digits as ``width`` counts that satisfy ``check``."""
    digits = [t.text for t in run.values]
    if len(digits) == width and all((d == "0" or d[0] != "0") and parse_count(d) is not None for d in digits):
        # As printed: one number per cell. The report's own arithmetic errors are not ours to fix.
        return [tuple(parse_count(d) or 0 for d in digits)]
    if any(not d.isdigit() for d in digits):
        return []  # figures with separators or decimals are never re-split
    if len(digits) > 1 and all(t.line_start for t in run.values):
        # Each figure opens a line of its own: a converter printing one cell per line (pdfminer's
        # text boxes), whose figures here are cells of several rows, never one row's run-together
        # digits ("22" "23" "27" "18" split as 2 2 2 3 2 7 | 18 adds up by chance).
        return []
    if blank_cells(digits, width) or one_figure_short(digits, width):
        return []  # cells of a row with blank cells, whose positions are not determined
    joinable = [t.line_start for t in run.values]
    return [r for r in regroupings(digits, joinable, width) if check(r)]

"""Reading table 3 (收到和处理政府信息公开申请情况). Part of the assembler."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence

from gongkai.report import arithmetic
from gongkai.report.model import (
    OTHER_SINGLE_KEY,
    OTHER_SPLIT_KEYS,
    TABLE3_APPLICANT_HEADER,
    TABLE3_BALANCE_NOTE,
    TABLE3_COLUMN_KEYS,
    TABLE3_COLUMNS,
    TABLE3_ROW_BY_KEY,
    TABLE3_ROW_KEYS,
    TABLE3_ROWS,
    ApplicantCounts,
    CellSource,
    Table3,
    Template,
    table3_rows_for,
)
from gongkai.report.read import figures_first, labels
from gongkai.report.read.assembly import (
    T3_WIDTH,
    TRUNCATED,
    TRUNCATED_MESSAGE,
    Assembly,
    Candidate,
    exclude_table,
    is_table3_grid,
    with_note,
)
from gongkai.report.read.cells import CellKind, classify, parse_count
from gongkai.report.read.document import Grid, TextLine
from gongkai.report.read.glued import BLANKS_GLUED, read_glued_table3, sums_confirm
from gongkai.report.read.solver import Budget, fewer_figures_add_up
from gongkai.report.read.tokens import Run, all_blank, digit_readings, is_numeric, pair_runs, text_row
from gongkai.report.read.wrapped_labels import (
    TRUNCATED_LABEL_NOTE,
    confirm_truncated,
    heading_fragment,
    truncated_label_key,
)

#: How many runs of numbers in running text may be tried for one table-3 row (the narrative
#: mentions a row's words now and then; a file that repeats them without end is not a report).
_MAX_ATTEMPTS = 8

# ---------------------------------------------------------------------------------------------
# Table 3
# ---------------------------------------------------------------------------------------------


def read_table3_any(asm: Assembly, start: int, end: int) -> set[str]:
    """Read table 3 by its rows (``read_table3``); where that leaves cells unread in running text,
    also as glued text (``gongkai.report.read.glued``), and keep the reading with more cells."""
    standard = asm.trial()
    found = read_table3(standard, start, end)
    if len(found) >= _FULL_ROWS and standard.read_count("table3.") == len(found) * T3_WIDTH:
        asm.adopt(standard)
        return found
    first = _read_figures_first(asm, start, end)
    if first is not None:
        asm.adopt(first[0])
        return first[1]
    glued = asm.trial()
    glued_found = read_glued_table3(glued, start, end)
    if glued.read_count("table3.") > standard.read_count("table3."):
        asm.adopt(glued)
        return glued_found
    asm.adopt(standard)
    return found


def _read_figures_first(asm: Assembly, start: int, end: int) -> tuple[Assembly, set[str]] | None:
    """Table 3 whose every row prints its figures before its label, read only where the layout is
    consistent and the reading balances (``gongkai.report.read.figures_first``)."""
    lines = figures_first.figures_first_lines(asm, start, end)
    if lines is None:
        return None
    trial = asm.trial()
    blocks = tuple(lines.get(i, block) for i, block in enumerate(asm.doc.blocks))
    trial.doc = dataclasses.replace(asm.doc, blocks=blocks)
    found = read_table3(trial, start, end)
    if not figures_first.balances(trial, found):
        return None
    figures_first.noted(trial)
    trial.doc = asm.doc
    return trial, found


#: The fewest rows a complete table 3 has (the 2019 layout).
_FULL_ROWS = len(table3_rows_for(Template.Y2019))


def read_table3(asm: Assembly, start: int, end: int) -> set[str]:
    """Read table 3 into ``asm.cells``; returns the row keys found."""
    rows = asm.rows(start, end, _table3_grids(asm, start, end))
    runs = pair_runs(rows, T3_WIDTH, balances=arithmetic.row_balances)
    found: dict[str, Run] = {}
    failures: dict[str, Run] = {}
    candidates: list[Candidate] = []
    attempts: dict[str, int] = {}
    repeated: set[str] = set()
    orphan: Run | None = None
    truncated: set[str] = set()  # rows known by their label's beginning only, to be confirmed
    sequence: list[str | Run] = []
    blanks_printed = _prints_blank_rows(runs)
    for i, run in enumerate(runs):
        matches = labels.table3_matches(run.label)
        key = matches[-1].key if matches else None
        note: str | None = None
        if key == OTHER_SINGLE_KEY and _SUB_ROW.match(run.label[matches[-1].end :]):
            # "（六）其他处理 1.申請人…資訊…": a sub-row of （六） whose label matched no row exactly.
            # It is never the single （六） row; it is a sub-row only if its wording resembles one.
            fuzzy = labels.table3_fuzzy(run.label[matches[-1].end :])
            key = fuzzy[0] if fuzzy is not None and fuzzy[0] in OTHER_SPLIT_KEYS else None
            if key is not None and fuzzy is not None:
                note = (
                    f"行标签与标准标签近似（相似度 {fuzzy[1]:.2f}），按“{TABLE3_ROW_BY_KEY[key].label}”读取"
                )
            else:
                asm.finding("table3", NOT_A_ROW, run.label)
                continue
        if key is None and is_numeric(run) and (run.positional or len(run.values) == T3_WIDTH):
            # Only a full row of numbers may be taken for a misprinted label: in running text a
            # sentence of the narrative ("本机关新收政府信息公开申请108件") also resembles one.
            fuzzy = labels.table3_fuzzy(run.label)
            cut = None if run.positional else truncated_label_key(run.label)
            if cut is not None and cut not in found:
                key = cut
                truncated.add(key)
                note = TRUNCATED_LABEL_NOTE.format(label=TABLE3_ROW_BY_KEY[key].label)
            elif fuzzy is not None:
                key = fuzzy[0]
                note = (
                    f"行标签与标准标签近似（相似度 {fuzzy[1]:.2f}），按“{TABLE3_ROW_BY_KEY[key].label}”读取"
                )
        if key is None:
            if is_numeric(run) and found:
                orphan = run
            unlabelled = not run.label or _column_names_only(run.label) or heading_fragment(run.label)
            if is_numeric(run) and (run.positional or (len(run.values) == T3_WIDTH and unlabelled)):
                sequence.append(run)
            continue
        if run.positional and all_blank(run) and i + 1 < len(runs):
            after = runs[i + 1]
            if not labels.table3_matches(after.label) and is_numeric(after):
                # The label sits on its own row and its numbers on the next (broken Markdown, OCR).
                after.label = run.label + after.label
                after.printed = run.printed + after.printed
                after.first_block = run.first_block
                continue
        if all_blank(run) and orphan is not None and orphan.positional == run.positional:
            # The numbers came on the row before their label (a label printed below its row).
            if orphan in sequence:
                sequence.remove(orphan)
            run = Run(
                run.label,
                orphan.values,
                orphan.positional,
                orphan.first_block,
                run.last_block,
                printed=run.printed,
            )
            note = "数值与行标签不在同一行，按相邻位置配对"
        orphan = None
        if key not in found and _between_figures(asm, runs, i):
            # The label stands on a line of its own between two lines of figures: the figures may
            # be printed before their label (a PDF extractor emitting a multi-line label after its
            # row's figures) or after it. Nothing says which, so the row is not read.
            for column in TABLE3_COLUMN_KEYS:
                asm.put(f"table3.{key}.{column}", None, run.values[0].source)
            asm.finding(f"table3.{key}", BETWEEN_FIGURES, " ".join(t.text for t in run.values))
            found[key] = run
            continue
        if key in found:
            if key not in repeated:
                repeated.add(key)
                asm.finding(f"table3.{key}", "此行在表中出现了不止一次，采用第一次出现的数值", run.label)
            continue
        sequence.append(key)
        if run.positional:
            note = "；".join(n for n in (note, run.note) if n) or None
            for column, tok in zip(TABLE3_COLUMN_KEYS, run.values, strict=True):
                asm.put_count(f"table3.{key}.{column}", tok, note)
            found[key] = run
            failures.pop(key, None)
            continue
        if run.values and asm.at_cut(run.values[-1].source):
            # The document stops on this row: its digits may be cut short, so none is split.
            for column in TABLE3_COLUMN_KEYS:
                asm.put(f"table3.{key}.{column}", None, run.values[0].source)
            asm.finding(f"table3.{key}", TRUNCATED_MESSAGE, " ".join(t.text for t in run.values))
            asm.truncated = True
            found[key] = run
            continue
        attempts[key] = attempts.get(key, 0) + 1
        if attempts[key] > _MAX_ATTEMPTS:
            sequence.pop()
            continue  # a label repeated without end is not a table; do not enumerate it again
        readings = digit_readings(run, T3_WIDTH, arithmetic.row_balances)
        if readings and blanks_printed and _may_have_blanks(run):
            # The table prints zeros blank, and these digits also add up as fewer figures.
            for column in TABLE3_COLUMN_KEYS:
                asm.put(f"table3.{key}.{column}", None, run.values[0].source)
            asm.finding(f"table3.{key}", BLANKS_GLUED, " ".join(t.text for t in run.values))
            found[key] = run
            continue
        if asm.ends_document(run.values[-1].source) and len(run.values) != T3_WIDTH:
            readings = []  # the document ends on this row: cells may be missing, nothing is split
        if len(readings) == 1:
            put_reading(asm, f"table3.{key}", TABLE3_COLUMN_KEYS, readings[0], run, note)
            found[key] = run
            failures.pop(key, None)
        elif readings:
            candidates.append(Candidate(key, readings, run))
            found[key] = run
        else:
            sequence.pop()  # not a row of the table (a sentence of the narrative): no place in its order
            failures.setdefault(key, run)
    asm.failed_rows.update(k for k in failures if k not in found)
    for key, run in failures.items():
        if key not in found:
            raw = " ".join(t.text for t in run.values)
            asm.finding(
                f"table3.{key}",
                f"此行的数字个数与 {T3_WIDTH} 列对不上，且无法按行合计拆分，整行按缺失处理",
                raw,
            )
    _decide_by_columns(asm, candidates)
    for key, run in _map_by_position(asm, sequence, set(found)).items():
        found[key] = run
    confirm_truncated(asm, truncated & set(found), set(found))
    asm.printed_labels.update((key, labels.printed_row_label(run.printed)) for key, run in found.items())
    if found:
        blocks = [r.last_block for r in found.values()]
        exclude_table(asm, start, blocks, labels.TABLE3_HEADER_MARKERS)
    return set(found)


#: The texts of table 三's column header, normalised, longest first (the header row of a table
#: whose merged cells were dropped runs straight into the first row's figures).
_COLUMN_NAMES = sorted(
    {labels.normalize(t) for c in TABLE3_COLUMNS for t in (c.label, c.group) if t}
    | {labels.normalize(TABLE3_APPLICANT_HEADER), labels.normalize(TABLE3_BALANCE_NOTE)},
    key=len,
    reverse=True,
)


def _column_names_only(label: str) -> bool:
    """Whether a run's "label" is nothing but the table's column header ("商业企业科研机构…其他"):
    its row lost its own label, and the header is not one."""
    rest = label
    for name in _COLUMN_NAMES:
        rest = rest.replace(name, "")
    return not rest


def _prints_blank_rows(runs: Sequence[Run]) -> bool:
    """Whether a row of the table is printed with no figure at all, so that its label runs into the
    next row's ("二、上年结转政府信息公开申请数量三、本年度办理结果（一）予以公开39514150"): the table
    prints zero cells blank, and a run of glued digits may hold fewer than seven figures."""
    started = False
    for run in runs:
        keys = [m.key for m in labels.table3_matches(run.label) if m.key != OTHER_SINGLE_KEY]
        if started and not run.positional and len(keys) > 1:
            return True
        started = started or bool(keys)
    return False


def _may_have_blanks(run: Run) -> bool:
    """Whether the run's digits, not printed as seven figures, also add up as fewer figures."""
    digits = [t.text for t in run.values]
    if len(digits) == T3_WIDTH or not all(d.isdigit() for d in digits):
        return False
    return fewer_figures_add_up("".join(digits), T3_WIDTH, Budget())


#: A sub-row's ordinal ("1." "2、") after a group label.
_SUB_ROW = re.compile(r"\d[.．、]")
NOT_A_ROW = "（六）之下一行的行标签与任何标准行标签都不一致，不按“（六）其他处理”一行读取，此行按缺失处理"
BETWEEN_FIGURES = "行标签单独成行，其前后两行都是数字，无法确定哪一行数字属于此行，整行按缺失处理"


def _between_figures(asm: Assembly, runs: list[Run], i: int) -> bool:
    """Whether text run ``i`` took figures printed on a line after its label's line while figures
    come just before the label too: a row of figures without any label, more figures than a row
    has after the previous label, or figures that open the label's line."""
    run = runs[i]
    if run.positional or i == 0 or run.first_block >= run.last_block or not run.values:
        return False
    label_line = asm.doc.blocks[run.first_block]
    if not isinstance(label_line, TextLine) or run.values[0].source.line == label_line.line:
        return False  # the label's own line holds figures after it: they are its row's
    kinds = [t.kind is CellKind.NUMBER for t in text_row(label_line, run.first_block).toks]
    opening = kinds.index(False) if False in kinds else len(kinds)
    if opening >= 2 and not any(kinds[opening:]):
        return True  # the label's line opens with figures (another row's), and its own follow
    before = runs[i - 1]
    return (
        not any(kinds)
        and not before.positional
        and (len(before.values) > T3_WIDTH or (len(before.values) == T3_WIDTH and not before.label))
    )


def _table3_grids(asm: Assembly, start: int, end: int) -> Callable[[Grid, str], bool]:
    """Which grids hold table 3: those printing its labels, and grids of numbers alone between two
    of them (a conversion that broke the table into pieces cut some rows from their labels)."""
    blocks = asm.doc.blocks
    grids = [i for i in range(start, end) if isinstance(blocks[i], Grid)]
    labelled = [i for i in grids if labels.table3_matches(asm.grid(i)[1])]
    if len(labelled) < 2:
        return is_table3_grid
    between = {
        id(blocks[i])
        for i in grids
        if labelled[0] < i < labelled[-1]
        and all(classify(c.text) is not CellKind.UNREADABLE for c in blocks[i].cells)  # type: ignore[union-attr]
    }

    def want(grid: Grid, norm: str) -> bool:
        return id(grid) in between or is_table3_grid(grid, norm)

    return want


def _numbers_only(block: Grid | TextLine) -> bool:
    return isinstance(block, Grid) and all(classify(c.text) is not CellKind.UNREADABLE for c in block.cells)


POSITION_NOTE = "按位置对应（mapped by position）：此行没有行标签，按表中缺少的行依次对应，并经合计关系核对"


def _map_by_position(asm: Assembly, sequence: list[str | Run], found: set[str]) -> dict[str, Run]:
    """Rows of numbers that lost their labels, mapped to the rows the table lacks.

    Only when there are exactly as many such rows as missing rows, their order then agrees with
    the official order, and the table's sums hold with them, checked over every column rule that
    involves them (otherwise their cells stay unread).
    """
    unlabelled = [item for item in sequence if isinstance(item, Run)]
    if not unlabelled:
        return {}
    raw = " | ".join(" ".join(t.text for t in run.values) for run in unlabelled)
    # The layout the found rows show, else either: a lost （六） label leaves it open.
    layouts = [t for t in (Template.Y2021, Template.Y2019) if not found - {r.key for r in table3_rows_for(t)}]
    fitting = [
        t for t in layouts if len([r for r in table3_rows_for(t) if r.key not in found]) == len(unlabelled)
    ]
    if not fitting:
        asm.finding(
            "table3", f"表三有 {len(unlabelled)} 行数字没有行标签，与缺少的行个数不同，未按位置对应", raw
        )
        return {}
    mappings = [m for m in (_position_mapping(asm, sequence, found, unlabelled, t) for t in fitting) if m]
    if len(mappings) != 1:
        asm.finding("table3", "表三有几行数字没有行标签，按位置对应时顺序或合计关系不符，未读取", raw)
        return {}
    assigned = mappings[0]
    for run in unlabelled:
        key = assigned[id(run)]
        for column, tok in zip(TABLE3_COLUMN_KEYS, run.values, strict=True):
            asm.put_count(f"table3.{key}.{column}", tok, POSITION_NOTE)
    return {assigned[id(run)]: run for run in unlabelled}


def _position_mapping(
    asm: Assembly, sequence: list[str | Run], found: set[str], unlabelled: list[Run], template: Template
) -> dict[int, str] | None:
    """The unlabelled rows (by id) mapped in order to the rows ``template`` lacks, if the order and
    the sums confirm it."""
    missing = [r.key for r in table3_rows_for(template) if r.key not in found]
    assigned = dict(zip((id(run) for run in unlabelled), missing, strict=True))
    order = [item if isinstance(item, str) else assigned[id(item)] for item in sequence]
    index = [TABLE3_ROW_KEYS.index(k) for k in order]
    values: dict[str, tuple[int | None, ...]] = {
        k: tuple(asm.value(f"table3.{k}.{c}") for c in TABLE3_COLUMN_KEYS) for k in found
    }
    for run in unlabelled:
        values[assigned[id(run)]] = tuple(
            parse_count(t.text) if classify(t.text) is CellKind.NUMBER else None for t in run.values
        )
    if index != sorted(set(index)) or not sums_confirm(values, set(missing)):
        return None
    return assigned


def put_reading(
    asm: Assembly,
    prefix: str,
    columns: Sequence[str],
    reading: tuple[int, ...],
    run: Run,
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
        asm.put(f"{prefix}.{column}", value, source if note is None else with_note(source, note))


def _decide_by_columns(asm: Assembly, candidates: list[Candidate]) -> None:
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
            put_reading(asm, prefix, TABLE3_COLUMN_KEYS, survivors[0], candidate.run, note)
            continue
        raw = " ".join(t.text for t in candidate.run.values)
        for column in TABLE3_COLUMN_KEYS:
            asm.put(f"{prefix}.{column}", None, CellSource(raw, candidate.run.values[0].source.page))
        asm.finding(prefix, "数字连在一起，按表内合计关系仍无法确定如何拆分，整行按缺失处理", raw)


def _columns_hold(asm: Assembly, key: str, column: str, value: int) -> bool:
    """Whether table 3's column rules that can be evaluated hold with ``key.column = value``."""

    def get(row: str) -> int | None:
        return value if row == key else asm.value(f"table3.{row}.{column}")

    def shown(row: str) -> bool:
        return f"table3.{row}.{column}" in asm.cells or row == key

    layout = arithmetic.outcome_keys(
        Template.Y2021, any(shown(k) for k in OTHER_SPLIT_KEYS), shown(OTHER_SINGLE_KEY)
    )
    outcome_keys = [k for k in layout if shown(k)]
    intake = [get(k) for k in arithmetic.BALANCE_KEYS]
    if None not in intake:
        new, carried, total, carry_next = (v for v in intake if v is not None)
        if not arithmetic.balance_holds(new, carried, total, carry_next):
            return False
    present = outcome_keys
    outcomes = [get(k) for k in present]
    total_value = get("total")
    if total_value is not None and present and None not in outcomes:
        return sum(v for v in outcomes if v is not None) == total_value
    return True


def build_table3(asm: Assembly, found: set[str], template: Template) -> Table3:
    single_only = OTHER_SINGLE_KEY in found and not (found & set(OTHER_SPLIT_KEYS))
    # The template's rows, and a single （六） row that a 2021 report kept: the three sub-rows are
    # then absent (null), which is how report-json.md and the corpus transcribe it.
    split = bool(found & set(OTHER_SPLIT_KEYS))
    shown = {r.key for r in arithmetic.table3_layout(template, split, OTHER_SINGLE_KEY in found)}
    keys = [r.key for r in TABLE3_ROWS if r.key in shown or template in r.templates]
    rows: dict[str, ApplicantCounts] = {}
    for key in keys:
        expected_absent = single_only and key in OTHER_SPLIT_KEYS
        if key not in found and key not in asm.failed_rows and not expected_absent:
            reason = f"{TRUNCATED}，" if asm.truncated else ""
            asm.finding(
                f"table3.{key}",
                f"{reason}表三中未找到“{TABLE3_ROW_BY_KEY[key].label}”这一行，整行按缺失处理",
            )
        values = {c: asm.value(f"table3.{key}.{c}") for c in TABLE3_COLUMN_KEYS}
        rows[key] = ApplicantCounts(**values)
    return Table3(rows)

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

from collections.abc import Callable, Sequence
from types import MappingProxyType
from typing import Any, TypeVar

from gongkai.errors import ReportFormatError
from gongkai.report.model import (
    OTHER_SINGLE_KEY,
    OTHER_SPLIT_KEYS,
    AnnualReport,
    Template,
)
from gongkai.report.read import labels
from gongkai.report.read.assembly import (
    READ_FINDINGS_KEY,
    TABLE3_LABELS_KEY,
    Assembly,
)
from gongkai.report.read.column_order import settle_columns
from gongkai.report.read.document import SourceDocument, TextLine
from gongkai.report.read.sections import HeadingAt, find_headings, read_sections, read_title, section_region
from gongkai.report.read.table2 import build_table2, read_table2_any
from gongkai.report.read.table3 import build_table3, read_table3_any
from gongkai.report.read.table4 import build_table4, read_table4

__all__ = ["READ_FINDINGS_KEY", "TABLE3_LABELS_KEY", "assemble"]
_T = TypeVar("_T")

# ---------------------------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------------------------


def _first_found(
    asm: Assembly,
    regions: Sequence[tuple[int, int]],
    read: Callable[[Assembly, int, int], _T],
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
    if single_only and (not has_table2 or (year is not None and Template.for_year(year) is Template.Y2019)):
        return Template.Y2019
    return Template.Y2021


def _in_force(previous: AnnualReport | None) -> dict[str, int]:
    if previous is None:
        return {}
    counts = {
        "regulations": previous.table2.regulations,
        "normative_documents": previous.table2.normative_documents,
    }
    return {k: docs.in_force for k, docs in counts.items() if docs.in_force is not None}


#: A document without tables 3 and 4 is still a report (cut off early) when this many cells of
#: table 2 were read; fewer is not evidence of a report.
_MIN_TABLE2_CELLS = 3


def _ends_in_a_table(asm: Assembly, headings: Sequence[HeadingAt]) -> bool:
    """The document's last block belongs to a table and no section after table 4 follows: it was
    cut off inside its tables."""
    last = len(asm.doc.blocks) - 1
    return last in asm.excluded_blocks and not any(h.heading.number in ("五", "六") for h in headings)


def _table2_seen(asm: Assembly, rows: set[str]) -> bool:
    """Whether table 2 is there: enough of its cells were read, or rows of it were found under its
    own header ("信息内容"), even if a cut left their figures unread (issue 13: a report cut inside
    table 2's first row is still a report)."""
    if asm.read_count("table2.") >= _MIN_TABLE2_CELLS:
        return True
    if not rows:
        return False
    header = labels.TABLE2_CONTENT_HEADER
    for block in asm.doc.blocks:
        texts = [block.text] if isinstance(block, TextLine) else [c.text for c in block.cells]
        if any(header in labels.normalize(t) for t in texts):
            return True
    return False


def assemble(doc: SourceDocument, previous: AnnualReport | None = None) -> AnnualReport:
    """The report in ``doc``; ``ReportFormatError`` when it holds none of tables 2-4 (not a report)."""
    asm = Assembly(doc, previous_in_force=_in_force(previous))
    size = len(doc.blocks)
    headings = find_headings(asm)
    # Each table is looked for in its own section first, then anywhere (a workbook puts the
    # narrative on one sheet and each table on a sheet of its own).
    regions = {n: (section_region(headings, n, size), (0, size)) for n in ("二", "三", "四")}
    t3_rows = _first_found(asm, regions["三"], read_table3_any, bool)
    settle_columns(asm, t3_rows, *regions["三"][0])
    t2_rows, is_2019 = _first_found(asm, regions["二"], read_table2_any, lambda found: bool(found[0]))
    t4_found = _first_found(asm, regions["四"], read_table4, bool)
    if not t3_rows and not t4_found and not _table2_seen(asm, t2_rows):
        raise ReportFormatError(
            "未找到表三“收到和处理政府信息公开申请情况”，这不像是一份政府信息公开工作年度报告"
        )
    if doc.cut or _ends_in_a_table(asm, headings):
        asm.truncated = True
    agency, year = read_title(asm, headings[0].block if headings else size)
    template = _template(t3_rows, bool(t2_rows), is_2019, year)
    table3 = build_table3(asm, t3_rows, template)
    table2 = build_table2(asm, t2_rows, is_2019)
    table4 = build_table4(asm, t4_found)
    sections = read_sections(asm, headings)
    meta: dict[str, Any] = {"source_format": doc.source_format}
    if doc.encoding is not None:
        meta["encoding"] = doc.encoding
    if asm.meta_2019:
        meta["table2_2019"] = asm.meta_2019
    if asm.printed_labels:
        meta[TABLE3_LABELS_KEY] = dict(asm.printed_labels)
    meta[READ_FINDINGS_KEY] = asm.findings
    provenance = MappingProxyType({path: cell.source for path, cell in asm.cells.items()})
    return AnnualReport(
        agency, year, template, table2, table3, table4, sections, MappingProxyType(meta), provenance
    )

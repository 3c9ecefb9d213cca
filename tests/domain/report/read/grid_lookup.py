"""Finding rows in what a reader extracted, for the reader tests (the assembler's job, done crudely).

A row is found by its last label cell (the most specific label, spaces ignored); its figures are
counted from the right, so that an empty label cell between label and figures does not shift them.
"""

from __future__ import annotations

from gongkai.report.read.document import Grid, GridCell, SourceDocument


def _is_number(text: str) -> bool:
    return text.replace(".", "", 1).isdigit()


def grids(document: SourceDocument) -> list[Grid]:
    return [b for b in document.blocks if isinstance(b, Grid)]


def row_cells(grid: Grid, row: int) -> list[GridCell]:
    return sorted((c for c in grid.cells if c.row == row), key=lambda c: c.column)


def values_after(document: SourceDocument, label: str, width: int) -> list[str]:
    """Texts of the last ``width`` cells of the row whose last label cell reads ``label``."""
    for grid in grids(document):
        for row in sorted({c.row for c in grid.cells}):
            cells = row_cells(grid, row)
            labels = [i for i, c in enumerate(cells) if c.text and not _is_number(c.text)]
            if labels and cells[labels[-1]].text.replace(" ", "") == label:
                return [c.text for c in cells[labels[-1] + 1 :]][-width:]
    raise AssertionError(f"no row labelled {label!r}")


def cell_with(document: SourceDocument, text: str) -> GridCell:
    """The one cell reading ``text`` (spaces ignored)."""
    found = [c for g in grids(document) for c in g.cells if c.text.replace(" ", "") == text]
    assert len(found) == 1, f"{text!r} found {len(found)} times"
    return found[0]

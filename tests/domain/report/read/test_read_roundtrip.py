"""Reports written in every shape the text, Markdown and HTML readers accept, read back exactly."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import report_writers as write
from read_helpers import figures, findings, narrative

from gongkai.report.model import AnnualReport, Template
from gongkai.report.read import read_bytes, sniff
from gongkai.report.render.html import render_html
from gongkai.report.samples import balanced_report


def _text(writer: Callable[[AnnualReport], str]) -> Callable[[AnnualReport], bytes]:
    return lambda report: writer(report).encode("utf-8")


WRITERS: dict[str, tuple[str, Callable[[AnnualReport], bytes]]] = {
    # Word's "save as text": one cell per line, a tab before each (like corpus 000).
    "cell_per_line": ("text", _text(write.cell_per_line)),
    # Copied from a web page: a line per non-empty cell, no tabs, a blank line after each row.
    "line_per_cell": ("text", _text(write.line_per_cell)),
    # A row per line, cells separated by spaces (a PDF text layer, a careless paste).
    "whitespace_rows": ("text", _text(write.whitespace_rows)),
    # A row per line, cells separated by tabs (pasted from a spreadsheet or a web page).
    "tab_rows": ("text", _text(write.tab_rows)),
    # Markdown pipe tables with merged cells left empty, as converters write them.
    "markdown": ("markdown", _text(write.markdown)),
    # A whole saved page: navigation, a layout table around the article, simple data tables.
    "html_page": ("html", _text(write.html_page)),
    # Gongkai's own HTML renderer: the official rowspan/colspan layout.
    "rendered_html": ("html", render_html),
}

REPORTS = [
    # 2021 format, several generated reports.
    *[(Template.Y2021, 2023, seed) for seed in range(3)],
    # 2019 trial format (single （六） row), a report on 2020, the last year it applied.
    *[(Template.Y2019, 2020, seed) for seed in range(2)],
]


@pytest.mark.parametrize("writer", list(WRITERS))
@pytest.mark.parametrize(("template", "year", "seed"), REPORTS)
def test_written_report_reads_back_exactly(writer: str, template: Template, year: int, seed: int) -> None:
    report = balanced_report(seed, template=template, year=year)
    fmt, produce = WRITERS[writer]
    data = produce(report)
    assert sniff(data) == fmt
    back = read_bytes(data)
    assert figures(back) == figures(report)
    assert narrative(back) == narrative(report)
    assert findings(back) == []


@pytest.mark.parametrize("writer", list(WRITERS))
def test_every_cell_has_provenance(writer: str) -> None:
    report = balanced_report(7)
    back = read_bytes(WRITERS[writer][1](report))
    paths = {path for path, _ in back.cells()}
    assert set(back.provenance) == paths
    assert all(
        source.raw.strip() == str(value) for path, value in back.cells() if (source := back.provenance[path])
    )

"""Every format, read back with its own library: the three tables cell by cell and the narrative.

Generated reports of both templates (one without narrative, one with missing cells) and the
corpus's expected JSON; each document must hold exactly the layout's cells -- labels, merges
and every figure in its place, missing figures blank.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from render_readback import (
    FORMATS,
    assert_narrative,
    assert_tables,
    corpus_reports,
    read_tables,
    sample_reports,
)

from gongkai.report.model import AnnualReport, Section
from gongkai.report.render import render
from gongkai.report.render.fonts import cjk_font_available
from gongkai.report.render.layout import document_layout
from gongkai.report.samples import balanced_report
from testsupport import require


def _check_document(fmt: str, report: AnnualReport, where: str) -> None:
    if fmt == "pdf":
        require(cjk_font_available(), "no CJK TrueType font installed (apt-get install fonts-wqy-zenhei)")
    data = render(report, fmt)
    layout = document_layout(report)
    assert_tables(read_tables(fmt, data, layout), layout, where=f"{fmt} {where}")
    assert_narrative(fmt, data, layout, where=f"{fmt} {where}")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("name", "report"), sample_reports(), ids=[n for n, _ in sample_reports()])
def test_generated_reports(fmt: str, name: str, report: AnnualReport) -> None:
    _check_document(fmt, report, name)


@pytest.mark.parametrize("fmt", FORMATS)
def test_corpus_reports(fmt: str, corpus_dir: Path) -> None:
    for name, report in corpus_reports(corpus_dir):
        _check_document(fmt, report, name)


@pytest.mark.parametrize("fmt", FORMATS)
def test_control_characters_pasted_into_the_text_are_dropped(fmt: str) -> None:
    # XML 1.0 (DOCX, XLSX) cannot hold them; they are invisible in every format anyway.
    pasted = "示例\x0b市\x00局"
    report = replace(
        balanced_report(8, agency=pasted), sections=(Section("一", "总体\x07情况", "正文\x1f。"),)
    )
    _check_document(fmt, report, "control characters")
    assert document_layout(report).title.startswith("示例市局")

"""Golden files: the tables of fixed reports, read back from every format, as normalised text.

A change of labels, merges or figures in any format shows up as a diff against
golden/*.txt; regenerate them with regenerate_golden.py after a deliberate layout change.
"""

from __future__ import annotations

import pytest
from render_readback import FORMATS, GOLDEN_DIR, dump_tables, golden_reports, read_tables

from gongkai.report import jsonio
from gongkai.report.render import render
from gongkai.report.render.fonts import cjk_font_available
from gongkai.report.render.layout import document_layout
from testsupport import require

NAMES = sorted(golden_reports())


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", NAMES)
def test_tables_match_the_golden_text(name: str, fmt: str) -> None:
    if fmt == "pdf":
        require(cjk_font_available(), "no CJK TrueType font installed (fonts-wqy-zenhei)")
    report = jsonio.load(GOLDEN_DIR / f"{name}.json")
    tables = read_tables(fmt, render(report, fmt), document_layout(report))
    assert dump_tables(tables) == (GOLDEN_DIR / f"{name}.txt").read_text(encoding="utf-8")


def test_golden_inputs_are_the_fixed_reports() -> None:
    # The goldens must keep covering both templates.
    templates = {jsonio.load(GOLDEN_DIR / f"{name}.json").template.value for name in NAMES}
    assert templates == {"2019", "2021"}

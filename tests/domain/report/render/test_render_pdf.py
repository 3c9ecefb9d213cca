"""PDF: read back with pdfplumber and pypdf -- ruled cells and merges, figures, text, embedded CJK font."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pypdf
import pytest
from render_readback import (
    SAMPLE,
    rendered_sample,
)

from gongkai.errors import GongkaiError
from gongkai.report.render.fonts import FONT_ENV, cjk_font_available, find_cjk_font, pdf_font_name
from gongkai.report.render.layout import table3_grid
from gongkai.report.render.pdf import paragraph_styles, table_flowable
from testsupport import require

NO_FONT = "no CJK TrueType font installed (apt-get install fonts-wqy-zenhei fonts-arphic-uming)"


@pytest.fixture
def font() -> str:
    require(cjk_font_available(), NO_FONT)
    return pdf_font_name()  # cached: the font is looked up once per process


def test_a4_pages_with_the_cjk_font_embedded(font: str) -> None:
    reader = pypdf.PdfReader(io.BytesIO(rendered_sample("pdf")))
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == (595, 842)  # A4 in points
    fonts = [f.get_object() for f in reader.pages[0]["/Resources"]["/Font"].values()]
    truetype = [f for f in fonts if f["/Subtype"] == "/TrueType"]
    assert truetype
    # TrueType outlines, embedded (FontFile2) as subsets of the system font.
    assert all("/FontFile2" in f["/FontDescriptor"].get_object() for f in truetype)
    subsets = {str(f["/BaseFont"]).lstrip("/") for f in truetype}
    with pdfplumber.open(io.BytesIO(rendered_sample("pdf"))) as pdf:
        used = {c["fontname"] for page in pdf.pages for c in page.chars}
    assert used <= subsets  # every character is drawn in the embedded font


def test_table3_breaks_across_pages_with_its_header_repeated(font: str) -> None:
    grid = table3_grid(SAMPLE)
    table = table_flowable(grid, font, paragraph_styles(font))
    width = 156 * 72 / 25.4  # A4 text block width in points
    first, second = table.split(width, 300)
    assert 3 < first._nrows < grid.n_rows
    assert second._nrows == grid.n_rows - first._nrows + 3
    header = [[getattr(v, "text", v) for v in row] for row in first._cellvalues[:3]]
    assert [[getattr(v, "text", v) for v in row] for row in second._cellvalues[:3]] == header


def test_missing_font_names_the_debian_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(FONT_ENV, raising=False)
    with pytest.raises(GongkaiError, match="fonts-wqy-zenhei"):
        find_cjk_font([], use_fontconfig=False)


def test_a_file_that_is_not_truetype_is_passed_over(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(FONT_ENV, raising=False)
    fake = tmp_path / "NotoSansCJK-Regular.ttc"
    fake.write_bytes(b"OTTO" + bytes(200))  # CFF outlines: reportlab cannot embed them
    with pytest.raises(GongkaiError, match="TrueType"):
        find_cjk_font([fake], use_fontconfig=False)


def test_the_environment_chooses_the_font(font: str, monkeypatch: pytest.MonkeyPatch) -> None:
    chosen = find_cjk_font()
    monkeypatch.setenv(FONT_ENV, str(chosen.path))
    assert find_cjk_font([], use_fontconfig=False).path == chosen.path

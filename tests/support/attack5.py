"""A fifth attack on the reader (issue 13): the rendered report passed through the real converters
that crawlers, evaluators and converters run, with nothing simulated.

``attack.py`` to ``attack4.py`` damage Gongkai's rendered reports with damage we wrote ourselves
(a few of ``attack.py``'s kinds call real tools: pdftotext, pypdf's plain mode, pdfplumber). Here
each input is what one real tool, called the way its users call it, makes of the report's HTML,
PDF or DOCX (``gongkai.report.render``):

- HTML: BeautifulSoup ``get_text()`` with no separator, with "\\n", with " ", with ``strip=True``
  (no separator and "\\n"); lxml ``text_content()`` of the body; ``inscriptis.get_text`` (tables
  laid out as text); ``markdownify`` (Markdown tables); ``trafilatura.extract`` with and without
  its tables; Debian's chromium under Playwright: ``document.body.innerText`` and ``textContent``;
- PDF: poppler's ``pdftotext`` (default, ``-layout``, ``-raw``), pypdf ``extract_text()`` (plain
  and ``extraction_mode="layout"``), pdfminer.six ``extract_text``, pypdfium2's
  ``PdfTextPage.get_text_range()``;
- DOCX: python-docx's paragraphs, then its tables row by row (cells joined by a tab; merged cells
  repeat, as python-docx returns them), and the document XML's text in body order (docx2txt's
  rules: a tab for ``w:tab``, a line for ``w:br``/``w:cr``, a blank line after each paragraph).

A converter is a function of the rendered bytes to text; ``CONVERTERS`` names them with the format
they take. ``converted(name, seed)`` is the ``attack.Damaged`` input (truth: the sampled report,
``attack.sample``), to be scored with ``attack.score``. A converter whose tool is not installed is
reported by ``missing(name)`` (a reason, or "" when it can run).
"""

from __future__ import annotations

import functools
import importlib.util
import io
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from support.attack import Damaged, _page, html_bytes, pdftotext, rendered, sample

CHROMIUM = Path("/usr/bin/chromium")

# ---------------------------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------------------------


def _soup(page: bytes) -> Any:
    from bs4 import BeautifulSoup

    return BeautifulSoup(page, "html.parser")


def bs4_text(separator: str = "", strip: bool = False) -> Callable[[bytes], str]:
    """BeautifulSoup's ``get_text`` of the whole page, as most crawlers store a page."""

    def convert(page: bytes) -> str:
        return str(_soup(page).get_text(separator, strip=strip))

    return convert


def lxml_text_content(page: bytes) -> str:
    """lxml's ``text_content()`` of the body (every text node run together as the markup has it)."""
    body = lxml_html.fromstring(page).find("body")
    assert body is not None
    return str(body.text_content())


def inscriptis_text(page: bytes) -> str:
    from inscriptis import get_text

    return str(get_text(page.decode("utf-8")))


def markdownify_text(page: bytes) -> str:
    from markdownify import markdownify

    return str(markdownify(page.decode("utf-8")))


def trafilatura_text(tables: bool) -> Callable[[bytes], str]:
    """trafilatura's main-content text (its article heuristics decide what is content)."""

    def convert(page: bytes) -> str:
        import trafilatura

        return trafilatura.extract(page.decode("utf-8"), include_tables=tables, favor_recall=True) or ""

    return convert


class _Chromium:
    """One headless chromium for the whole run (launching one per page would cost a second each),
    driven from a thread of its own: Playwright's sync API refuses a thread where an asyncio loop
    runs, as it does in a test process beside the browser tests."""

    def __init__(self) -> None:
        self._thread: ThreadPoolExecutor | None = None
        self._playwright: Any = None
        self._browser: Any = None

    def text(self, page: bytes, expression: str) -> str:
        if self._thread is None:
            self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="chromium")
        return self._thread.submit(self._text, page, expression).result()

    def _text(self, page: bytes, expression: str) -> str:
        if self._browser is None:
            from playwright.sync_api import sync_playwright

            self._playwright = sync_playwright().start()
            self._browser = self._playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"]
            )
        tab = self._browser.new_page()
        try:
            tab.set_content(page.decode("utf-8"))
            return str(tab.evaluate(expression))
        finally:
            tab.close()

    def _stop(self) -> None:
        if self._browser is not None:
            self._browser.close()
            self._playwright.stop()
            self._browser = None

    def close(self) -> None:
        if self._thread is not None:
            self._thread.submit(self._stop).result()
            self._thread.shutdown()
            self._thread = None


_CHROMIUM = _Chromium()


def close_chromium() -> None:
    """Stop the shared chromium and its thread (a test module or a bench ends with it; left
    running, it ends with the process, whose pipes its Playwright driver reads)."""
    _CHROMIUM.close()


def chromium_text(expression: str) -> Callable[[bytes], str]:
    """What a browser gives a script (or a user's select-all and copy): ``innerText`` keeps the
    rendered layout (a tab between table cells, a line per row), ``textContent`` the raw nodes."""

    def convert(page: bytes) -> str:
        return _CHROMIUM.text(page, expression)

    return convert


# ---------------------------------------------------------------------------------------------
# PDF
# ---------------------------------------------------------------------------------------------


def pdftotext_default(pdf: bytes) -> str:
    """poppler's ``pdftotext`` with no mode option (reading order)."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp, "in.pdf")
        src.write_bytes(pdf)
        result = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(src), "-"], capture_output=True, check=True, timeout=60
        )
    return result.stdout.decode("utf-8")


def pypdf_extract(mode: str) -> Callable[[bytes], str]:
    def convert(pdf: bytes) -> str:
        from pypdf import PdfReader

        pages = PdfReader(io.BytesIO(pdf)).pages
        return "\n".join(page.extract_text(extraction_mode=mode) or "" for page in pages)

    return convert


def pdfminer_text(pdf: bytes) -> str:
    from pdfminer.high_level import extract_text

    return str(extract_text(io.BytesIO(pdf)))


def pypdfium2_text(pdf: bytes) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return "\n".join(str(page.get_textpage().get_text_range()) for page in document)
    finally:
        document.close()


# ---------------------------------------------------------------------------------------------
# DOCX
# ---------------------------------------------------------------------------------------------


def python_docx_text(docx: bytes) -> str:
    """python-docx as its users write it: every paragraph, then every table's rows, cells joined
    by a tab (a merged cell comes back once per grid position it covers)."""
    import docx as python_docx

    document = python_docx.Document(io.BytesIO(docx))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines.extend("\t".join(cell.text for cell in row.cells) for row in table.rows)
    return "\n".join(lines) + "\n"


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_xml_text(docx: bytes) -> str:
    """``word/document.xml``'s text in body order, by docx2txt's rules (text of ``w:t``, a tab for
    ``w:tab``, a line for ``w:br`` and ``w:cr``, a blank line after each paragraph)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    paragraphs: list[str] = []
    for paragraph in root.iter(f"{_W}p"):  # every text node is inside a paragraph, none nested
        parts: list[str] = []
        for element in paragraph.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"):
            parts.append((element.text or "") if element.tag == f"{_W}t" else _DOCX_BREAKS[element.tag])
        paragraphs.append("".join(parts))
    return "\n\n".join(paragraphs) + "\n\n"


_DOCX_BREAKS = {f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n"}


# ---------------------------------------------------------------------------------------------
# The converters, by name
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Converter:
    fmt: str  # "html", "pdf" or "docx": what ``gongkai.report.render`` makes for it
    convert: Callable[[bytes], str]
    needs: tuple[str, ...] = ()  # Python modules it imports
    program: str = ""  # an executable it runs


CONVERTERS: dict[str, Converter] = {
    "bs4_get_text": Converter("html", bs4_text(), ("bs4",)),
    "bs4_get_text_newline": Converter("html", bs4_text("\n"), ("bs4",)),
    "bs4_get_text_space": Converter("html", bs4_text(" "), ("bs4",)),
    "bs4_get_text_strip": Converter("html", bs4_text(strip=True), ("bs4",)),
    "bs4_get_text_newline_strip": Converter("html", bs4_text("\n", strip=True), ("bs4",)),
    "lxml_text_content": Converter("html", lxml_text_content),
    "inscriptis": Converter("html", inscriptis_text, ("inscriptis",)),
    "markdownify": Converter("html", markdownify_text, ("markdownify",)),
    "trafilatura": Converter("html", trafilatura_text(tables=False), ("trafilatura",)),
    "trafilatura_tables": Converter("html", trafilatura_text(tables=True), ("trafilatura",)),
    "chromium_inner_text": Converter(
        "html", chromium_text("document.body.innerText"), ("playwright",), str(CHROMIUM)
    ),
    "chromium_text_content": Converter(
        "html", chromium_text("document.body.textContent"), ("playwright",), str(CHROMIUM)
    ),
    "pdftotext": Converter("pdf", pdftotext_default, program="pdftotext"),
    "pdftotext_layout": Converter("pdf", functools.partial(pdftotext, mode="layout"), program="pdftotext"),
    "pdftotext_raw": Converter("pdf", functools.partial(pdftotext, mode="raw"), program="pdftotext"),
    "pypdf": Converter("pdf", pypdf_extract("plain"), ("pypdf",)),
    "pypdf_layout": Converter("pdf", pypdf_extract("layout"), ("pypdf",)),
    "pdfminer": Converter("pdf", pdfminer_text, ("pdfminer",)),
    "pypdfium2": Converter("pdf", pypdfium2_text, ("pypdfium2",)),
    "python_docx": Converter("docx", python_docx_text, ("docx",)),
    "docx_xml_text": Converter("docx", docx_xml_text),
}


# Converters left out of the ``dev`` extra on purpose; their tests run where someone installs them.
_NOT_IN_DEV = {
    "trafilatura": "left out of the dev extra because its dependency tld is MPL-1.1/GPL/LGPL "
    "(pip install trafilatura to run it)",
}


def missing(name: str) -> str:
    """Why converter ``name`` cannot run here ("" when it can)."""
    converter = CONVERTERS[name]
    for module in converter.needs:
        if importlib.util.find_spec(module) is None:
            if module in _NOT_IN_DEV:
                return f"Python module {module} is not installed: {_NOT_IN_DEV[module]}"
            return f"Python module {module} is not installed (pip install -e '.[dev]')"
    program = converter.program
    if program and not (Path(program).exists() if program.startswith("/") else shutil.which(program)):
        return f"{program} is not installed"
    return ""


def source(fmt: str, seed: int, big: bool = False) -> bytes:
    """Sample ``seed`` rendered as ``fmt``; a page without Gongkai's ``data-cell`` attributes.
    ``big``: figures of up to four digits (wider columns, another page layout)."""
    report = sample(seed, big=big)
    if fmt == "html":
        return html_bytes(_page(report, seed=seed, big=big))
    return rendered(report, fmt, seed, big)


def converted(name: str, seed: int, big: bool = False) -> Damaged:
    """Sample ``seed`` passed through converter ``name`` (the caller checks ``missing(name)``)."""
    converter = CONVERTERS[name]
    text = converter.convert(source(converter.fmt, seed, big))
    return Damaged(text.encode("utf-8"), sample(seed, big=big), note=name)

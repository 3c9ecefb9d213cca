"""Reading reports from files.

``read_report(path)`` and ``read_bytes(data)`` recognise the format by the content (not by the
file name: published files are often misnamed), extract what the document shows into a
``SourceDocument`` and assemble the report from it (``gongkai.report.read.assembler``). A file that
cannot be read as a report raises ``ReportFormatError`` with a Chinese message -- never another
exception, and never a half-read report presented as complete (what could not be read is listed
in ``report.meta["read_findings"]``).

Format by content:

=====================================  =============================================
``%PDF`` at the start                  PDF (``gongkai.report.read.pdf``)
ZIP holding ``word/document.xml``      DOCX (``gongkai.report.read.docx``)
ZIP holding ``xl/workbook.xml``        XLSX (``gongkai.report.read.xlsx``)
text starting with ``{``               JSON (report-json.md)
text with HTML markup                  HTML (``gongkai.report.read.html``)
text with a Markdown table             Markdown (``gongkai.report.read.markdown``)
any other text                         plain text (``gongkai.report.read.text``)
=====================================  =============================================

Every extractor has the signature ``extract(data: bytes) -> SourceDocument``.
"""

from __future__ import annotations

import importlib
import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import cast

from gongkai.errors import GongkaiError, ReportFormatError
from gongkai.report import jsonio
from gongkai.report.model import AnnualReport
from gongkai.report.read.assembler import READ_FINDINGS_KEY, assemble
from gongkai.report.read.document import SourceDocument
from gongkai.report.read.encoding import decode

#: Larger files are refused: a published annual report is a few MB at most (a scanned PDF of
#: 20 pages is ~10 MB), and reading is done in memory.
MAX_FILE_BYTES = 50 * 1024 * 1024

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_MARKUP = re.compile(r"<(?:!doctype\s+html|html|head|body|table|div|p|meta|h[1-6])\b", re.IGNORECASE)
_MARKDOWN_ROW = re.compile(r"^\s*\|.*\|\s*$", re.MULTILINE)
_MARKDOWN_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$", re.MULTILINE)

Extractor = Callable[[bytes], SourceDocument]

__all__ = ["MAX_FILE_BYTES", "READ_FINDINGS_KEY", "extract", "read_bytes", "read_report", "sniff"]


def read_report(path: str | Path, previous: AnnualReport | None = None) -> AnnualReport:
    """The report in the file at ``path``; ``previous`` (the agency's report on the year before)
    lets glued table-2 counts be split by 上年现行有效 + 本年制发 − 本年废止 = 现行有效."""
    file = Path(path)
    if not file.exists():
        raise ReportFormatError("文件不存在", detail=str(file))
    if file.is_dir():
        raise ReportFormatError("这是一个文件夹，不是报告文件", detail=str(file))
    size = file.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ReportFormatError(
            f"文件过大（{size / 1024 / 1024:.0f} MB），超过 {MAX_FILE_BYTES // 1024 // 1024} MB 的上限",
            detail=str(file),
        )
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise ReportFormatError("无法读取文件", detail=f"{file}：{exc.strerror}") from exc
    return read_bytes(data, previous)


def read_bytes(data: bytes, previous: AnnualReport | None = None) -> AnnualReport:
    """The report in ``data`` (any supported format)."""
    if len(data) > MAX_FILE_BYTES:
        raise ReportFormatError(f"文件过大，超过 {MAX_FILE_BYTES // 1024 // 1024} MB 的上限")
    if sniff(data) == "json":
        text, _ = decode(data)
        return jsonio.loads(text)
    return assemble(extract(data), previous)


def sniff(data: bytes) -> str:
    """The format of ``data``: pdf, docx, xlsx, json, html, markdown or text."""
    head = data[:8]
    if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:5] == b"%PDF-":
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_kind(data)
    if head == _OLE2_MAGIC:
        raise ReportFormatError("这是旧版 Word/Excel 文件（.doc/.xls），请另存为 .docx/.xlsx 后再读取")
    if not data.strip():
        raise ReportFormatError("文件是空的")
    text, _ = decode(data)
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith("{"):
        return "json"
    if _HTML_MARKUP.search(text[:8192]):
        return "html"
    # A pipe table: with its header rule, or (as OCR tools write it) three rows without one.
    if _MARKDOWN_ROW.search(text) and (_MARKDOWN_RULE.search(text) or len(_MARKDOWN_ROW.findall(text)) >= 3):
        return "markdown"
    return "text"


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ReportFormatError("ZIP 文件已损坏（DOCX/XLSX 文件无法打开）") from exc
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    raise ReportFormatError("这是一个 ZIP 压缩包，但不是 Word（.docx）或 Excel（.xlsx）文件")


def extract(data: bytes) -> SourceDocument:
    """What the document in ``data`` shows, by its format."""
    kind = sniff(data)
    if kind == "json":
        raise ReportFormatError("JSON 文件直接按 report-json.md 读取，不经过版面提取")
    extractor = _extractor(kind)
    try:
        return extractor(data)
    except GongkaiError:
        raise
    except (MemoryError, RecursionError) as exc:
        raise ReportFormatError(f"文件过于复杂，无法读取（{kind}）") from exc
    except Exception as exc:
        # Third-party parsers (python-docx, openpyxl, pdfplumber, lxml) raise their own exception
        # types for damaged files; to the user each is the same fact: the file cannot be read.
        raise ReportFormatError(
            f"文件已损坏或格式不正确，无法读取（{_FORMAT_NAMES[kind]}）",
            detail=f"{type(exc).__name__}: {exc}",
        ) from exc


_FORMAT_NAMES = {
    "pdf": "PDF",
    "docx": "Word 文档",
    "xlsx": "Excel 表格",
    "html": "网页",
    "markdown": "Markdown",
    "text": "文本",
}


def _extractor(kind: str) -> Extractor:
    try:
        module = importlib.import_module(f"gongkai.report.read.{kind}")
    except ModuleNotFoundError as exc:
        if exc.name != f"gongkai.report.read.{kind}":
            raise
        raise ReportFormatError(f"暂不支持读取{_FORMAT_NAMES[kind]}") from exc
    return cast(Extractor, module.extract)

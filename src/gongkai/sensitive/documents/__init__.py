"""Scanning and redacting files: plain text, HTML, DOCX and PDF.

The "decoded text" that ``scan_file`` offsets refer to:
- text files (.txt, .csv, .md ... and unknown extensions): the file decoded (UTF-8, GBK/GB18030,
  UTF-16 with BOM, Big5; detected with charset-normalizer);
- HTML: the decoded file, markup included; only text nodes are scanned (not attributes, scripts
  or styles), and offsets point into the markup;
- DOCX: the text of every paragraph (body paragraphs and table cells in document order, then
  headers and footers), paragraphs joined with "\\n", a tab as "\\t", a line break as "\\n";
- PDF: pdfplumber's extracted text of each page, pages joined with "\\f".
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from gongkai.errors import GongkaiError
from gongkai.sensitive.documents.base import Document
from gongkai.sensitive.documents.docx import DocxDocument
from gongkai.sensitive.documents.html import HtmlDocument
from gongkai.sensitive.documents.pdf import PdfDocument
from gongkai.sensitive.documents.plain import PlainDocument
from gongkai.sensitive.model import Finding
from gongkai.sensitive.policy import Policy
from gongkai.sensitive.redact import Removal, plan
from gongkai.sensitive.registry import DEFAULT_REGISTRY, Registry

_HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}


def _format_of(path: Path, head: bytes) -> str:
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as archive:
                if "word/document.xml" in archive.namelist():
                    return "docx"
        except zipfile.BadZipFile as exc:
            raise GongkaiError("文件已损坏：无法作为 DOCX 打开", detail=str(path)) from exc
        raise GongkaiError("这是一个压缩包，不是 DOCX 文件", detail=str(path))
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        raise GongkaiError("文件已损坏：不是有效的 PDF（缺少 %PDF 文件头）", detail=str(path))
    if suffix == ".docx":
        raise GongkaiError("文件已损坏：不是有效的 DOCX", detail=str(path))
    if suffix == ".doc" or head.startswith(b"\xd0\xcf\x11\xe0"):
        raise GongkaiError("不支持旧版 Word（.doc）文件，请另存为 .docx 后再处理", detail=str(path))
    return "html" if suffix in _HTML_SUFFIXES else "text"


def load_document(path: str | Path) -> Document:
    file = Path(path)
    if not file.exists():
        raise GongkaiError("文件不存在", detail=str(file))
    if file.is_dir():
        raise GongkaiError("这是一个文件夹，不是文件", detail=str(file))
    try:
        with file.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise GongkaiError("无法读取文件", detail=f"{file}: {exc.strerror}") from exc
    kind = _format_of(file, head)
    loaders: dict[str, Callable[[Path], Document]] = {
        "pdf": PdfDocument.load,
        "docx": DocxDocument.load,
        "html": HtmlDocument.load,
        "text": PlainDocument.load,
    }
    document: Document = loaders[kind](file)
    return document


@dataclass(frozen=True, slots=True)
class ScanResult:
    format: str
    source: str  # the decoded text the findings' offsets refer to
    findings: list[Finding]
    warnings: list[str]


def scan_document(document: Document, registry: Registry = DEFAULT_REGISTRY) -> list[Finding]:
    """Findings of ``document.text`` (the offsets used for redaction)."""
    return registry.analyze(document.text)


def scan_file(path: str | Path, registry: Registry = DEFAULT_REGISTRY) -> ScanResult:
    document = load_document(path)
    findings = []
    for finding in scan_document(document, registry):
        start, end = document.source_span(finding.start, finding.end)
        findings.append(
            Finding(finding.kind, start, end, document.source[start:end], finding.score, finding.explanation)
        )
    return ScanResult(document.format, document.source, findings, document.warnings)


@dataclass(frozen=True, slots=True)
class RedactionReport:
    format: str
    removals: list[Removal]
    kept: list[Finding]  # findings the policy keeps (action "keep")
    warnings: list[str]


def redact_document(
    document: Document, policy: Policy, registry: Registry = DEFAULT_REGISTRY
) -> RedactionReport:
    findings = scan_document(document, registry)
    edits = plan(findings, policy)
    removals = [
        Removal(e.finding.kind, e.finding.text, document.shown(e), document.location(e.start), e.start, e.end)
        for e in edits
    ]
    document.apply(edits)
    changed = {id(e.finding) for e in edits}
    kept = [f for f in findings if id(f) not in changed]
    return RedactionReport(document.format, removals, kept, document.warnings)


def redact_file(
    path: str | Path, out: str | Path, policy: Policy | None = None, registry: Registry = DEFAULT_REGISTRY
) -> RedactionReport:
    """Write the cleaned ``path`` to ``out`` (same format) and return what was removed where."""
    document = load_document(path)
    report = redact_document(document, policy or Policy(), registry)
    target = Path(out)
    try:
        document.save(target)
    except OSError as exc:
        raise GongkaiError("无法写出文件", detail=f"{target}: {exc.strerror}") from exc
    return report


__all__: Sequence[str] = [
    "Document",
    "RedactionReport",
    "ScanResult",
    "load_document",
    "redact_document",
    "redact_file",
    "scan_document",
    "scan_file",
]

"""Limits on what an input file may expand to: the one place decompression bombs are refused.

A few hundred kilobytes of ZIP or PDF can expand to gigabytes (a ZIP member of zeros, a DOCX whose
``word/document.xml`` is one huge compressed run, a PDF Flate stream of zeros, or 20,000 empty
pages). Every reader checks the file here *before* its library decompresses or parses anything,
so that the command line (``report parse``, ``report check``, ``scan``, ``redact``) and the web
(supervisors' uploads, the background check) stay within a stated bound and refuse with a Chinese
message (a ``GongkaiError``: exit 2 on the command line) instead.

Documented limits (a published annual report or an ordinary government document is far below
every one of them; the corpus's largest report expands to under 2 MB):

======================================  ==============  ==========================================
limit                                   value           what it bounds
======================================  ==============  ==========================================
``ZIP_MAX_MEMBERS``                     10,000          entries in one ZIP / DOCX / XLSX package
``ZIP_MAX_TOTAL_BYTES``                 160 MiB         all entries together, expanded
``ZIP_MAX_MEMBER_BYTES``                50 MiB          one entry, expanded (as a report file)
``ZIP_MAX_XML_BYTES``                   24 MiB          one XML part that is parsed (lxml/openpyxl
                                                        trees take ~10x the text)
``PDF_MAX_STREAM_BYTES``                32 MiB          one PDF stream, expanded
``PDF_MAX_TOTAL_STREAM_BYTES``          128 MiB         all PDF streams together, expanded
``PDF_MAX_PAGES``                       2,000           pages of one PDF
``PDF_MAX_OBJECTS``                     200,000         indirect objects of one PDF
======================================  ==============  ==========================================

With these, refusing a bomb stays under 300 MB of memory and 10 s (MEMORY_BOUND_BYTES,
TIME_BOUND_SECONDS; measured in bench/RESULTS.md, "Decompression bombs").

ZIP sizes are the ones the archive's central directory declares: Python's zipfile stops every
read at the declared size (and fails the CRC check if the data says otherwise), so an entry can
never expand past what is checked here. PDF streams are decompressed here incrementally, a chunk
at a time, and counted: PDF readers (PDFium, pdfminer, pypdf) have no such cap of their own.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator

from gongkai.errors import ReportFormatError

MiB = 1024 * 1024

ZIP_MAX_MEMBERS = 10_000
ZIP_MAX_TOTAL_BYTES = 160 * MiB
ZIP_MAX_MEMBER_BYTES = 50 * MiB
ZIP_MAX_XML_BYTES = 24 * MiB

PDF_MAX_STREAM_BYTES = 32 * MiB
PDF_MAX_TOTAL_STREAM_BYTES = 128 * MiB
PDF_MAX_PAGES = 2_000
PDF_MAX_OBJECTS = 200_000

#: The bounds promised for refusing an input past the limits: peak memory of the whole process
#: (``report parse``, ``report check``, ``scan``, ``redact``) and its CPU time, on a loaded 2-core
#: machine (asserted by tests/domain/test_limits.py, which measures CPU rather than wall time since
#: the wall time of a loaded machine measures the neighbours; figures in bench/RESULTS.md).
MEMORY_BOUND_BYTES = 300 * MiB
TIME_BOUND_SECONDS = 10

_CHUNK = 1 * MiB  # output per decompression step
_INPUT_CHUNK = 64 * 1024  # input per step (Flate expands at most ~1,032x)


class InputTooLargeError(ReportFormatError):
    """The file would expand past one of the limits above (a decompression bomb, or far too big).

    A ReportFormatError, so report readers' callers handle it as any unreadable file; the
    document scanners catch GongkaiError, its base."""


def _mib(n: int) -> str:
    return f"{n / MiB:.0f} MB"


def check_zip(
    archive: zipfile.ZipFile,
    *,
    what: str = "压缩文件",
    max_total: int = ZIP_MAX_TOTAL_BYTES,
    max_member: int = ZIP_MAX_MEMBER_BYTES,
    max_xml: int = ZIP_MAX_XML_BYTES,
) -> None:
    """Refuse an archive whose entries would expand past the limits (declared sizes; see above)."""
    infos = archive.infolist()
    if len(infos) > ZIP_MAX_MEMBERS:
        raise InputTooLargeError(
            f"{what}中的文件过多（{len(infos)} 个，上限 {ZIP_MAX_MEMBERS} 个），拒绝处理"
        )
    total = 0
    for info in infos:
        size = info.file_size
        limit = max_xml if info.filename.lower().endswith((".xml", ".rels")) else max_member
        if size > limit:
            raise InputTooLargeError(
                f"{what}中的“{info.filename}”解压后过大（{_mib(size)}，上限 {_mib(limit)}），"
                "可能是压缩炸弹，拒绝处理",
            )
        total += size
        if total > max_total:
            raise InputTooLargeError(
                f"{what}解压后总大小超过 {_mib(max_total)} 的上限，可能是压缩炸弹，拒绝处理"
            )


# --- PDF ----------------------------------------------------------------------------------------

_STREAM = re.compile(rb"stream(?:\r\n|\n|\r)")
_OBJSTM = re.compile(rb"/Type\s*/ObjStm\b")
_OBJSTM_N = re.compile(rb"/N\s+([0-9]{1,10})")
_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
_FLATE = re.compile(rb"/(?:FlateDecode|Fl)\b")


def _streams(data: bytes) -> Iterator[tuple[bytes, int]]:
    """(dictionary, start of data) of every stream: the dictionary is the text between the
    nearest preceding ``obj`` keyword and the ``stream`` keyword."""
    for match in _STREAM.finditer(data):
        start = match.start()
        if start >= 3 and data[start - 3 : start] == b"end":
            continue  # the "stream" of "endstream" followed by a newline
        head = data[max(0, start - 4096) : start]
        obj = head.rfind(b"obj")
        yield (head[obj + 3 :] if obj >= 0 else head), match.end()


def _inflate(data: bytes, start: int, limit: int, keep: bool) -> tuple[int, bytes]:
    """Expand the zlib stream at ``start`` a chunk at a time, stopping past ``limit`` bytes.

    Returns (expanded size, up to 4 MiB of the expanded text). Damaged data just stops the count:
    the PDF reader decides whether the file is readable, this only bounds how big it gets."""
    inflater = zlib.decompressobj()
    view = memoryview(data)  # slices without copying
    size = 0
    kept = bytearray()
    position = start
    pending: bytes | memoryview = b""
    try:
        while size <= limit:
            if inflater.unconsumed_tail:
                pending = inflater.unconsumed_tail
            elif position < len(data):
                pending = view[position : position + _INPUT_CHUNK]
                position += _INPUT_CHUNK
            else:
                break
            out = inflater.decompress(pending, _CHUNK)
            size += len(out)
            if keep and len(kept) < 4 * MiB:
                kept += out[: 4 * MiB - len(kept)]
            if inflater.eof:
                break
    except zlib.error:
        pass
    return size, bytes(kept)


def check_pdf(data: bytes) -> None:
    """Refuse a PDF whose streams expand past the limits, or with too many pages or objects."""
    # "N G obj" headers: every "obj" that is not the end of an "endobj" (a plain count: a regex
    # for the whole header takes ~20x longer on binary data, and a few stray bytes do not matter
    # against a limit of 200,000).
    objects = data.count(b"obj") - data.count(b"endobj")
    pages = len(_PAGE.findall(data))
    total = 0
    for dictionary, start in _streams(data):
        if not _FLATE.search(dictionary):
            continue
        packed = _OBJSTM.search(dictionary) is not None
        size, text = _inflate(data, start, PDF_MAX_STREAM_BYTES, keep=packed)
        if size > PDF_MAX_STREAM_BYTES:
            raise InputTooLargeError(
                f"PDF 文件中有一个数据流解压后超过 {_mib(PDF_MAX_STREAM_BYTES)} 的上限，"
                "可能是压缩炸弹，拒绝处理"
            )
        total += size
        if total > PDF_MAX_TOTAL_STREAM_BYTES:
            raise InputTooLargeError(
                f"PDF 文件的数据流解压后总大小超过 {_mib(PDF_MAX_TOTAL_STREAM_BYTES)} 的上限，"
                "可能是压缩炸弹，拒绝处理"
            )
        if packed:
            # Objects (pages too) packed into an object stream: counted from its /N and its text.
            count = _OBJSTM_N.search(dictionary)
            objects += int(count.group(1)) if count else 0
            pages += len(_PAGE.findall(text))
        check_pdf_counts(pages=pages, objects=objects)
    check_pdf_counts(pages=pages, objects=objects)


def check_pdf_counts(*, pages: int = 0, objects: int = 0) -> None:
    """Refuse more pages or objects than the limits (also called with a PDF library's page count)."""
    if pages > PDF_MAX_PAGES:
        raise InputTooLargeError(f"PDF 文件页数过多（{pages} 页，上限 {PDF_MAX_PAGES} 页），拒绝处理")
    if objects > PDF_MAX_OBJECTS:
        raise InputTooLargeError(
            f"PDF 文件中的对象过多（{objects} 个，上限 {PDF_MAX_OBJECTS} 个），可能是恶意构造的文件，拒绝处理"
        )

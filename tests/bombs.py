"""Decompression bombs for the tests (issue 15, point 3), importable as ``from bombs import ...``.

Each is built in a streaming way (a chunk of zeros at a time), so building one never holds its
expanded size in memory.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

MiB = 1024 * 1024
_ZEROS = b"\0" * MiB


def zip_of_zeros(path: Path, members: int = 6, member_mib: int = 49) -> Path:
    """A ZIP of ``members`` files of zeros (6 x 49 MiB: the reproduction's 300 KB upload)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for n in range(members):
            with archive.open(f"报告{n}.docx", "w", force_zip64=True) as member:
                for _ in range(member_mib):
                    member.write(_ZEROS)
    return path


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def docx_bomb(path: Path, expanded_mib: int = 1024) -> Path:
    """A DOCX whose word/document.xml is one paragraph of ``expanded_mib`` MiB of spaces."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(f'<w:document xmlns:w="{w}"><w:body><w:p><w:r><w:t>'.encode())
            spaces = b" " * MiB
            for _ in range(expanded_mib):
                part.write(spaces)
            part.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return path


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF of the given object bodies (object n is objects[n-1]; 1 is the catalog)."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def pdf_flate_bomb(path: Path, expanded_mib: int = 1024) -> Path:
    """A one-page PDF whose content stream is ``expanded_mib`` MiB of spaces, Flate-compressed."""
    compressor = zlib.compressobj(9)
    spaces = b" " * MiB
    stream = bytearray(compressor.compress(b"BT /F1 12 Tf 72 720 Td (bomb) Tj ET\n"))
    for _ in range(expanded_mib):
        stream += compressor.compress(spaces)
    stream += compressor.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + bytes(stream) + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    path.write_bytes(_pdf(objects))
    return path


def pdf_of_pages(path: Path, pages: int = 20_000) -> Path:
    """A PDF of ``pages`` pages sharing one small content stream (a few MB)."""
    first_page = 5
    kids = b" ".join(b"%d 0 R" % (first_page + n) for n in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        b"<< /Length 36 >>\nstream\nBT /F1 12 Tf 72 720 Td (page) Tj ET\n\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R"
        b" /Resources << /Font << /F1 4 0 R >> >> >>"
    )
    objects += [page] * pages
    path.write_bytes(_pdf(objects))
    return path

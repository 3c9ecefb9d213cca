"""Writing a DOCX package without compressing the template's unchanged parts again.

Every letter is python-docx's blank template with its own ``word/document.xml``, every annual
report the styled template with its own document and core properties; the template's other parts
(styles, numbering, settings, theme, fonts table, footer, relationships: about 790 KB of XML)
never change. ``Document.save`` serialises and deflates all of them for each document, about 8 of
a letter's 11.5 ms (bench/RESULTS.md). :class:`FrozenPackage` keeps python-docx's own output of the
first save -- each member's compressed bytes, CRC and sizes -- and writes later documents as the
same zip with only the changing parts serialised and deflated again, exactly as ``zipfile`` does
(raw deflate at zlib's default level): the result is byte for byte what ``Document.save`` writes
at the same time (tests/domain/letters/test_letters_render.py, tests/domain/report/render).
"""

from __future__ import annotations

import io
import struct
import threading
import time
import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

# Central directory entry and end record, as zipfile writes them (APPNOTE.TXT 4.3.12, 4.3.16).
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")


@dataclass(frozen=True, slots=True)
class _Member:
    info: zipfile.ZipInfo
    data: bytes | None  # compressed bytes; None for a part written each time


class FrozenPackage:
    """The members of one saved package, those named ``fresh`` to be replaced in each write."""

    def __init__(self, saved: bytes, fresh: frozenset[str]) -> None:
        members = []
        with zipfile.ZipFile(io.BytesIO(saved)) as z:
            for info in z.infolist():
                if info.compress_type != zipfile.ZIP_DEFLATED or info.extra or info.flag_bits & 0x08:
                    raise ValueError(f"unexpected zip member {info.filename!r}")  # not zipfile's writestr
                name_length, extra_length = struct.unpack_from("<2H", saved, info.header_offset + 26)
                start = info.header_offset + 30 + name_length + extra_length
                data = saved[start : start + info.compress_size]
                members.append(_Member(info, None if info.filename in fresh else data))
        if {m.info.filename for m in members if m.data is None} != fresh:
            raise ValueError(f"not all of {sorted(fresh)} in the package")
        self._members = members

    def write(self, blobs: dict[str, bytes]) -> bytes:
        """The package with ``blobs`` (member name: bytes) as its fresh parts, the members stamped
        with the current local time as ``zipfile.ZipFile.writestr`` does."""
        now = time.localtime(time.time())[:6]
        out = io.BytesIO()
        central = []
        for member in self._members:
            info = _copy(member.info, now)
            data = member.data
            if data is None:
                blob = blobs[info.filename]
                compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
                data = compressor.compress(blob) + compressor.flush()
                info.CRC, info.compress_size, info.file_size = zlib.crc32(blob), len(data), len(blob)
            info.header_offset = out.tell()
            out.write(info.FileHeader(zip64=False))
            out.write(data)
            central.append(_central_entry(info))
        start = out.tell()
        for entry in central:
            out.write(entry)
        size = out.tell() - start
        out.write(_END.pack(b"PK\x05\x06", 0, 0, len(central), len(central), size, start, 0))
        return out.getvalue()


def _copy(info: zipfile.ZipInfo, date_time: tuple[int, ...]) -> zipfile.ZipInfo:
    copy = zipfile.ZipInfo(info.filename, date_time=date_time)  # type: ignore[arg-type]
    for field in (
        "compress_type",
        "external_attr",
        "create_system",
        "create_version",
        "extract_version",
        "flag_bits",
        "CRC",
        "compress_size",
        "file_size",
    ):
        setattr(copy, field, getattr(info, field))
    return copy


def _central_entry(info: zipfile.ZipInfo) -> bytes:
    year, month, day, hour, minute, second = info.date_time
    dosdate = (year - 1980) << 9 | month << 5 | day
    dostime = hour << 11 | minute << 5 | second // 2
    name = info.filename.encode("ascii")
    return (
        _CENTRAL.pack(
            b"PK\x01\x02",
            info.create_version,
            info.create_system,
            info.extract_version,
            0,
            info.flag_bits,
            info.compress_type,
            dostime,
            dosdate,
            info.CRC,
            info.compress_size,
            info.file_size,
            len(name),
            0,
            0,
            0,
            0,
            info.external_attr,
            info.header_offset,
        )
        + name
    )


def save(doc: Any, frozen: FrozenPackage | None, fresh: Sequence[Any] = ()) -> tuple[bytes, FrozenPackage]:
    """``doc`` (a python-docx Document whose parts other than its main document part and the
    parts ``fresh`` are those of the package ``frozen`` was made from) as DOCX bytes, and the
    frozen package for the next save: made from ``Document.save``'s own output the first time
    (``frozen`` None)."""
    parts = [doc.part, *fresh]
    if frozen is None:
        out = io.BytesIO()
        doc.save(out)
        saved = out.getvalue()
        return saved, FrozenPackage(saved, frozenset(p.partname.membername for p in parts))
    return frozen.write({p.partname.membername: p.blob for p in parts}), frozen


class KeptDocument:
    """A template document kept for the process and reused for every document made from it, one
    at a time: :meth:`render` empties its body back to the section properties, has the caller
    fill it and saves it with the unchanged parts kept compressed (:func:`save`; ``frozen`` is
    None until the first save)."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.frozen: FrozenPackage | None = None
        self._lock = threading.Lock()

    def render(self, fill: Callable[[Any], Sequence[Any]]) -> bytes:
        """The DOCX bytes of the template filled by ``fill``, which writes into the emptied
        document and returns the parts other than the main document part that it changed."""
        with self._lock:
            body = self.doc.element.body
            for child in list(body)[:-1]:  # the document before; the last child is the w:sectPr
                body.remove(child)
            fresh = fill(self.doc)
            data, self.frozen = save(self.doc, self.frozen, fresh)
            return data

"""Plain text files: decoding with encoding detection, and redaction that keeps the encoding."""

from __future__ import annotations

import codecs
from collections.abc import Sequence
from pathlib import Path

import charset_normalizer

from gongkai.errors import GongkaiError
from gongkai.sensitive.documents.base import TextIsSource
from gongkai.sensitive.redact import Edit, LineLocator, apply_to_text

# Chinese government text files come as UTF-8 (with or without BOM), GBK/GB18030 or UTF-16 with BOM;
# Big5 appears in material from Hong Kong and Taiwan. Limiting charset-normalizer to these avoids
# the usual mis-detection of short GBK text as a Western code page.
_CANDIDATES = ["gb18030", "big5", "utf_16_le", "utf_16_be"]
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode_bytes(data: bytes, *, name: str = "") -> tuple[str, str]:
    """``(text, encoding)`` of a text file's bytes; a clear error for binary or unknown encodings."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise GongkaiError("文件的文字编码有误，无法读取", detail=f"{name}: {exc.reason}") from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise GongkaiError("这不是文本文件，也不是可识别的 DOCX/PDF/HTML 文件", detail=name)
    best = charset_normalizer.from_bytes(data, cp_isolation=_CANDIDATES).best()
    if best is None:
        raise GongkaiError("无法识别文件的文字编码（支持 UTF-8、GBK/GB18030、UTF-16、Big5）", detail=name)
    encoding = "gb18030" if best.encoding in ("gb18030", "gbk", "gb2312") else best.encoding
    return str(best), encoding


class PlainDocument(TextIsSource):
    format = "text"

    def __init__(self, text: str, encoding: str) -> None:
        self.text = text
        self.encoding = encoding
        self._lines = LineLocator(text)

    @classmethod
    def load(cls, path: Path) -> PlainDocument:
        text, encoding = decode_bytes(path.read_bytes(), name=str(path))
        return cls(text, encoding)

    def location(self, offset: int) -> str:
        return self._lines(offset)

    def apply(self, edits: Sequence[Edit]) -> None:
        self.text = apply_to_text(self.text, edits)

    def save(self, path: Path) -> None:
        path.write_bytes(self.text.encode(self.encoding))

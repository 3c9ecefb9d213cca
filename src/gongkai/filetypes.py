"""Whether a file is what its name says, by its content (issue 15 point 13).

The first bytes only say what a file claims to be: a ZIP of anything starts like a DOCX, and a
few bytes of ``%PDF`` make no PDF. Here the file must parse as its type, within the limits of
``gongkai.limits`` (checked before any library expands anything):

- PDF: no stream, page or object past the limits; pypdf opens it and finds at least one page;
  not encrypted (it could not be read or scanned);
- DOCX: a ZIP within the limits holding ``[Content_Types].xml`` and ``word/document.xml``, the
  latter well-formed XML; every entry's checksum right;
- PNG/JPEG: Pillow identifies the same format, the picture is at most ``MAX_PIXELS`` and decodes;
- TXT: the whole file is UTF-8.

A refusal is a :class:`FileContentError` with a Chinese message naming the file.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

from gongkai import limits
from gongkai.errors import GongkaiError

#: The largest picture decoded (pixels): a scanned A4 page at 300 dpi is ~8.7 million; a decoded
#: picture of this size takes ~200 MB at most (four bytes a pixel).
MAX_PIXELS = 50_000_000


class FileContentError(GongkaiError):
    """The file's content is not what its name says, or it cannot be read."""


def _pdf(data: bytes) -> None:
    from pypdf import PdfReader

    limits.check_pdf(data)
    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        raise FileContentError("是加密的 PDF 文件，无法查看，请提交未加密的文件")
    count = len(reader.pages)
    limits.check_pdf_counts(pages=count)
    if count == 0:
        raise FileContentError("不是有效的 PDF 文件（没有页面）")


def _docx(data: bytes) -> None:
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        limits.check_zip(archive, what="DOCX 文件")
        names = set(archive.namelist())
        if not {"[Content_Types].xml", "word/document.xml"} <= names:
            raise FileContentError("不是有效的 DOCX 文件（缺少 Word 文档的组成部分）")
        if archive.testzip() is not None:
            raise FileContentError("DOCX 文件已损坏（校验不符）")
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        etree.fromstring(archive.read("word/document.xml"), parser)


def _image(expected: str) -> Callable[[bytes], None]:
    def check(data: bytes) -> None:
        from PIL import Image

        with Image.open(io.BytesIO(data)) as image:
            if image.format != expected:
                raise FileContentError(f"不是有效的 {expected} 图片")
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise FileContentError(f"图片过大（{width}×{height} 像素），请缩小后再提交")
            image.load()

    return check


def _text(data: bytes) -> None:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FileContentError("不是 UTF-8 编码的文本文件") from exc


CHECKS: dict[str, Callable[[bytes], None]] = {
    ".pdf": _pdf,
    ".docx": _docx,
    ".png": _image("PNG"),
    ".jpg": _image("JPEG"),
    ".jpeg": _image("JPEG"),
    ".txt": _text,
}


def check_content(name: str, extension: str, data: bytes) -> None:
    """Refuse ``data`` unless it parses as ``extension`` (one of ``CHECKS``), naming ``name``."""
    check = CHECKS.get(extension.lower())
    if check is None:
        raise FileContentError(f"附件“{name}”的类型不受支持")
    try:
        check(data)
    except FileContentError as exc:
        raise FileContentError(f"附件“{name}”{exc.message}") from exc
    except GongkaiError as exc:  # past a limit of gongkai.limits
        raise FileContentError(f"附件“{name}”：{exc.message}") from exc
    except Exception as exc:
        raise FileContentError(f"附件“{name}”的内容与扩展名不符或文件已损坏，请检查后重新提交") from exc

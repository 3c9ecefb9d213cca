"""PDF: text extracted with pdfplumber; redaction that really removes the glyphs.

Covering text with a black box leaves it in the file (select, copy, paste). Here the content stream
is rewritten with pypdf: each glyph under a redaction is cut out of its ``Tj``/``TJ`` string and
replaced by an equal horizontal displacement, so the rest of the line stays where it was; then a
black box is drawn where the glyph was. The output is extracted again and checked: if any removed
text can still be read, redaction fails with an error instead of writing a leaking file.

Glyph order: pdfminer (under pdfplumber) emits one char per glyph code in content-stream order,
so the n-th code shown by the page's content stream is ``page.chars[n]``; the codes are split with
the same pdfminer font objects. Text drawn inside form XObjects is not rewritten: a page whose
chars do not line up with its own content stream is refused with a clear error.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.cmapdb import IdentityCMap, IdentityCMapByte
from pdfminer.pdffont import PDFCIDFont, PDFFont
from pdfminer.pdfinterp import PDFResourceManager
from pdfminer.pdftypes import resolve1
from pdfplumber.utils.text import chars_to_textmap
from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    ContentStream,
    FloatObject,
    TextStringObject,
)

from gongkai import limits
from gongkai.errors import GongkaiError
from gongkai.sensitive.redact import Edit

PAGE_BREAK = "\f"  # between pages in the extracted ("decoded") text


@dataclass
class _Page:
    start: int  # offset of the page's text in the document text
    text: str
    chars: list[dict[str, Any]]
    char_at: list[int | None]  # for each character of ``text``: index into ``chars``
    fonts: dict[str, PDFFont]


def _open_error(path: Path, exc: Exception) -> GongkaiError:
    return GongkaiError("无法读取 PDF 文件：文件已损坏、已加密或不是 PDF", detail=f"{path}: {exc}")


class PdfDocument:
    format = "pdf"

    def __init__(self, data: bytes, name: str) -> None:
        self._data = data
        self._name = name
        self._removed: dict[int, set[int]] = {}  # page number -> char indexes to remove
        self._texts_removed: list[str] = []
        self._pages = self._read(data)
        self.text = PAGE_BREAK.join(page.text for page in self._pages)
        self._output: bytes | None = None
        blank = [str(n) for n, page in enumerate(self._pages, start=1) if not page.text.strip()]
        self.warnings = (
            [f"第{'、'.join(blank)}页没有可提取的文字（可能是扫描图像），其中的个人信息无法检查，请人工核对"]
            if blank
            else []
        )

    def _read(self, data: bytes) -> list[_Page]:
        pages: list[_Page] = []
        position = 0
        limits.check_pdf(data)
        try:
            with pdfplumber.open(io.BytesIO(data)) as pdf:
                manager = PDFResourceManager(caching=True)
                for page in pdf.pages:
                    chars = list(page.chars)
                    index = {id(c): i for i, c in enumerate(chars)}
                    textmap = chars_to_textmap(chars) if chars else None
                    text = textmap.as_string if textmap else ""
                    char_at = (
                        [None if obj is None else index.get(id(obj)) for _, obj in textmap.tuples]
                        if textmap
                        else []
                    )
                    fonts = {}
                    font_specs = resolve1(page.page_obj.resources.get("Font", {})) or {}
                    for font_name, spec in font_specs.items():
                        ref = getattr(spec, "objid", None)
                        fonts[str(font_name)] = manager.get_font(ref, resolve1(spec))
                    pages.append(_Page(position, text, chars, char_at, fonts))
                    position += len(text) + len(PAGE_BREAK)
        except GongkaiError:
            raise
        except Exception as exc:  # pdfminer raises many unrelated types on broken files
            raise _open_error(Path(self._name), exc) from exc
        return pages

    @classmethod
    def load(cls, path: Path) -> PdfDocument:
        return cls(path.read_bytes(), str(path))

    @property
    def source(self) -> str:
        return self.text

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        return start, end

    def _page_of(self, offset: int) -> int:
        number = 0
        for i, page in enumerate(self._pages):
            if page.start <= offset:
                number = i
        return number

    def location(self, offset: int) -> str:
        return f"第{self._page_of(offset) + 1}页"

    def apply(self, edits: Sequence[Edit]) -> None:
        for edit in edits:
            n = self._page_of(edit.start)
            page = self._pages[n]
            original = edit.finding.text
            # Partial display keeps the characters the mask keeps (110101 ... 1234); the rest go.
            aligned = len(edit.replacement) == len(original)
            for k in range(edit.end - edit.start):
                if aligned and edit.replacement[k] == original[k]:
                    continue
                char = page.char_at[edit.start - page.start + k]
                if char is not None:
                    self._removed.setdefault(n, set()).add(char)
            self._texts_removed.append(original)
        self._output = self._rewrite()

    def _rewrite(self) -> bytes:
        try:
            writer = PdfWriter(clone_from=PdfReader(io.BytesIO(self._data)))
        except (PyPdfError, ValueError, KeyError) as exc:
            raise _open_error(Path(self._name), exc) from exc
        for n, removed in sorted(self._removed.items()):
            page = writer.pages[n]
            content = ContentStream(page.get_contents(), writer)
            shown = _rewrite_text(content, self._pages[n], removed)
            if shown != len(self._pages[n].chars):
                raise GongkaiError(
                    "此 PDF 的文字不全在页面内容流中（如表单 XObject），无法可靠删除，请先转换后再处理",
                    detail=f"{self._name} 第{n + 1}页",
                )
            boxes = _boxes(self._pages[n].chars, removed, page.mediabox)
            content.operations = [([], b"q"), *content.operations, ([], b"Q"), *boxes]
            page.replace_contents(content)
        out = io.BytesIO()
        writer.write(out)
        result = out.getvalue()
        self._verify(result)
        return result

    def _verify(self, result: bytes) -> None:
        """Read the output again: no removed text may remain readable."""
        text = PdfDocument(result, self._name).text
        leaked = [t for t in self._texts_removed if t in text]
        if leaked:
            raise GongkaiError("PDF 删除后仍能读出被删除的内容，未写出文件", detail="、".join(leaked[:3]))

    def shown(self, edit: Edit) -> str:
        """Kept characters stay; removed ones are under a black box (shown as ■)."""
        original = edit.finding.text
        if len(edit.replacement) != len(original):
            return "■" * len(original)
        return "".join(o if o == r else "■" for o, r in zip(original, edit.replacement, strict=True))

    def save(self, path: Path) -> None:
        path.write_bytes(self._output if self._output is not None else self._data)


@dataclass
class _TextState:
    font: PDFFont | None = None
    size: float = 1.0
    char_space: float = 0.0
    word_space: float = 0.0
    scale: float = 1.0


def _codes(font: PDFFont | None, data: bytes) -> list[bytes]:
    """Split a shown string into glyph codes the way pdfminer does."""
    if font is None or not isinstance(font, PDFCIDFont) or isinstance(font.cmap, IdentityCMapByte):
        return [data[i : i + 1] for i in range(len(data))]
    if isinstance(font.cmap, IdentityCMap):
        return [data[i : i + 2] for i in range(0, len(data), 2)]
    codes: list[bytes] = []
    start, count = 0, 0
    for end in range(1, len(data) + 1):  # variable-length CMaps (GBK-EUC-H ...)
        now = len(list(font.decode(data[:end])))
        if now > count:
            codes.append(data[start:end])
            start, count = end, now
    return codes


def _raw(operand: Any) -> bytes:
    if isinstance(operand, TextStringObject):
        return bytes(operand.get_original_bytes())
    return bytes(operand)


def _rewrite_text(content: ContentStream, page: _Page, removed: set[int]) -> int:
    """Cut the removed glyphs out of the text operators; returns how many glyphs the page shows."""
    state = _TextState()
    stack: list[_TextState] = []
    glyph = 0
    operations: list[tuple[list[Any], bytes]] = []
    for operands, operator in content.operations:
        if operator == b"q":
            stack.append(_TextState(**vars(state)))
        elif operator == b"Q" and stack:
            state = stack.pop()
        elif operator == b"Tf":
            state.font = page.fonts.get(str(operands[0]).lstrip("/"))
            state.size = float(operands[1])
        elif operator == b"Tc":
            state.char_space = float(operands[0])
        elif operator == b"Tw":
            state.word_space = float(operands[0])
        elif operator == b"Tz":
            state.scale = float(operands[0]) / 100
        if operator not in (b"Tj", b"TJ", b"'", b'"'):
            operations.append((operands, operator))
            continue
        if operator == b'"':
            state.word_space, state.char_space = float(operands[0]), float(operands[1])
            operations += [([operands[0]], b"Tw"), ([operands[1]], b"Tc"), ([], b"T*")]
            items: list[Any] = [operands[2]]
        elif operator == b"'":
            operations.append(([], b"T*"))
            items = [operands[0]]
        else:
            items = list(operands[0]) if operator == b"TJ" else [operands[0]]
        new_items, glyph, changed = _cut(items, glyph, state, page, removed)
        operations.append(
            ([ArrayObject(new_items)], b"TJ")
            if changed
            else ((operands, operator) if operator in (b"Tj", b"TJ") else ([ArrayObject(items)], b"TJ"))
        )
    content.operations = operations
    return glyph


def _cut(
    items: list[Any], glyph: int, state: _TextState, page: _Page, removed: set[int]
) -> tuple[list[Any], int, bool]:
    out: list[Any] = []
    changed = False
    for item in items:
        if isinstance(item, (int, float)) and not isinstance(item, bool):
            out.append(item)
            continue
        kept = b""
        for code in _codes(state.font, _raw(item)):
            if glyph in removed:
                changed = True
                if kept:
                    out.append(ByteStringObject(kept))
                    kept = b""
                out.append(
                    FloatObject(-_advance(page.chars[glyph], code, state) * 1000 / (state.size * state.scale))
                )
            else:
                kept += code
            glyph += 1
        if kept:
            out.append(ByteStringObject(kept))
    return out, glyph, changed


def _advance(char: dict[str, Any], code: bytes, state: _TextState) -> float:
    """How far the removed glyph moved the pen (text space): its width, Tc, and Tw for a space."""
    extra = state.char_space + (state.word_space if code == b" " else 0.0)
    return float(char["adv"]) + extra * state.scale


def _boxes(
    chars: list[dict[str, Any]], removed: set[int], mediabox: Any
) -> Iterator[tuple[list[Any], bytes]]:
    left, bottom = float(mediabox.left), float(mediabox.bottom)
    yield [], b"q"
    yield [FloatObject(0), FloatObject(0), FloatObject(0)], b"rg"
    for i in sorted(removed):
        c = chars[i]
        rect = [left + c["x0"], bottom + c["y0"], c["x1"] - c["x0"], c["y1"] - c["y0"]]
        yield [FloatObject(v) for v in rect], b"re"
    yield [], b"f"
    yield [], b"Q"

"""Extract a Word (.docx) report into a ``SourceDocument``.

The package is opened with zipfile and only its main part (``word/document.xml``, as named by
the package relationships) is parsed, with lxml, and walked as XML. python-docx is not used here:
its object model hides what a report reader needs (tables interleaved with paragraphs, vertically
merged cells, text boxes, content controls), and opening a file with it parses every part (styles,
numbering, theme ...), which took 40% of the time against the target of 30 DOCX reports per
second per core.

- Paragraphs and tables come in body order (the body's children are walked, so a table sits
  between the paragraphs around it). Content controls (``w:sdt``) are read through.
- Table cells: ``w:gridSpan`` gives the column span and ``w:gridBefore`` skipped grid columns;
  ``w:vMerge`` restart/continue becomes ONE GridCell with a row span (the continuation cells are
  not repeated). A cell's paragraphs and line breaks are joined without a separator, as for PDF
  (``pdf_layout.join_wrapped``): in a table they are layout, not content.
- A table inside a table cell is emitted as its own Grid right after the table holding it; a
  one-cell table used as a frame around content is read through as if it were body content.
- A table split in two (continued after a page break, with or without a repeated header) stays
  two Grids, in order: the assembler finds rows by their labels, so it needs no merge here.
- Text boxes (``w:txbxContent``, e.g. a title set in a box) are read once, before the paragraph
  that anchors them. Word stores each box twice, as ``mc:Choice`` (DrawingML) and
  ``mc:Fallback`` (VML); only the Choice is read.
- Deleted revisions (``w:delText``) and field codes (``w:instrText``) are not text; bookmarks
  carry none.
- Automatic numbering (headings numbered by a ``w:numPr`` list, "一、" drawn by Word) is not part
  of the paragraph's text and is therefore absent here; the assembler finds sections by words.
- Page headers and footers are separate parts and are not read (they hold page numbers).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from gongkai import limits
from gongkai.errors import ReportFormatError
from gongkai.report.read.document import Block, Grid, GridCell, SourceDocument, TextLine
from gongkai.report.read.pdf_layout import join_wrapped

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_P, _TBL, _SDT, _SDT_CONTENT = f"{{{W}}}p", f"{{{W}}}tbl", f"{{{W}}}sdt", f"{{{W}}}sdtContent"
_TR, _TC, _T, _TAB = f"{{{W}}}tr", f"{{{W}}}tc", f"{{{W}}}t", f"{{{W}}}tab"
_BR, _CR, _TXBX = f"{{{W}}}br", f"{{{W}}}cr", f"{{{W}}}txbxContent"
_DEL, _FALLBACK = f"{{{W}}}del", f"{{{MC}}}Fallback"
_VAL, _BODY = f"{{{W}}}val", f"{{{W}}}body"
_STRICT_W = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
#: No entity expansion or network access: a damaged or hostile file must not expand or fetch.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)

CORRUPT_MESSAGE = "Word 文件已损坏或不是有效的 DOCX 文件，无法读取"
ENCRYPTED_MESSAGE = "Word 文件设有打开密码（已加密），无法读取；请提供未加密的版本"
LEGACY_MESSAGE = "这是旧版 Word（.doc）文件，无法读取；请在 Word 中另存为 .docx 后再读取"
EMPTY_MESSAGE = "Word 文件中没有任何文字内容"

#: Compound-file (OLE2) signature: an encrypted Office file or a legacy .doc/.xls, never OOXML.
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: The stream an encrypted OOXML file keeps its key data in (MS-OFFCRYPTO), named in UTF-16.
ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")
#: What zipfile raises for a damaged archive (truncated, bad CRC, unsupported compression...).
ZIP_ERRORS = (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError, RuntimeError, NotImplementedError)


def extract(data: bytes) -> SourceDocument:
    """The paragraphs and tables of a .docx, in body order (see the module docstring)."""
    body = _open(data)
    walker = _Walker()
    walker.blocks_of(body)
    blocks = _numbered(walker.blocks)
    if not any(_has_text(b) for b in blocks):
        raise ReportFormatError(EMPTY_MESSAGE)
    return SourceDocument(blocks=tuple(blocks), source_format="docx")


def _open(data: bytes) -> Any:
    """The ``w:body`` element of the package's main document part."""
    if data.startswith(OLE_SIGNATURE):
        raise ReportFormatError(ENCRYPTED_MESSAGE if ENCRYPTION_STREAM in data else LEGACY_MESSAGE)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            limits.check_zip(archive, what="Word 文件")
            xml = archive.read(_main_part(archive))
        # Word's "Strict Open XML" files use other namespace names for the same vocabulary.
        xml = xml.replace(_STRICT_W, W.encode())
        root = etree.fromstring(xml, parser=_PARSER)
    except ZIP_ERRORS as exc:
        raise ReportFormatError(CORRUPT_MESSAGE, detail=type(exc).__name__) from exc
    except etree.LxmlError as exc:
        raise ReportFormatError(CORRUPT_MESSAGE, detail=f"word/document.xml：{exc}") from exc
    body = root.find(_BODY)
    if body is None:
        raise ReportFormatError(CORRUPT_MESSAGE, detail="word/document.xml 没有正文")
    return body


def _main_part(archive: zipfile.ZipFile) -> str:
    """The main document part named by the package relationships (normally word/document.xml)."""
    try:
        rels = etree.fromstring(archive.read("_rels/.rels"), parser=_PARSER)
    except KeyError:
        return "word/document.xml"
    for rel in rels:
        if str(rel.get("Type", "")).endswith("/officeDocument"):
            return str(rel.get("Target", "")).lstrip("/")
    return "word/document.xml"


def _has_text(block: Block) -> bool:
    if isinstance(block, TextLine):
        return bool(block.text.strip())
    return any(c.text.strip() for c in block.cells)


def _numbered(blocks: list[Block]) -> list[Block]:
    result: list[Block] = []
    index = 0
    for block in blocks:
        if isinstance(block, Grid):
            index += 1
            block = Grid(cells=block.cells, index=index, page=None)
        result.append(block)
    return result


@dataclass
class _Walker:
    """Walks block-level content (body, cell, text box), collecting blocks in reading order."""

    blocks: list[Block] = field(default_factory=list)
    paragraph_count: int = 0

    def blocks_of(self, container: Any) -> None:
        for child in container:
            tag = child.tag
            if tag == _P:
                self._paragraph(child)
            elif tag == _TBL:
                self._table(child)
            elif tag == _SDT:
                for content in child.iter(_SDT_CONTENT):
                    self.blocks_of(content)
                    break

    def _paragraph(self, p: Any) -> None:
        for box in _text_boxes(p):
            self.blocks_of(box)
        self.paragraph_count += 1
        for line in paragraph_text(p).split("\n"):
            if line.strip():
                self.blocks.append(TextLine(line.strip(), line=self.paragraph_count))

    def _table(self, tbl: Any) -> None:
        rows = [tr for tr in tbl if tr.tag == _TR]
        cells = [tc for tr in rows for tc in tr if tc.tag == _TC]
        if len(cells) == 1:
            # A one-cell table is a frame around content (a boxed note, a layout table).
            self.blocks_of(cells[0])
            return
        grid_cells, nested = _grid(rows)
        self.blocks.append(Grid(cells=tuple(grid_cells), index=0))
        for inner in nested:
            self._table(inner)


def _text_boxes(p: Any) -> Iterator[Any]:
    """The text boxes anchored in a paragraph, each once (VML fallbacks skipped)."""
    for box in p.iter(_TXBX):
        if not any(a.tag == _FALLBACK for a in box.iterancestors()):
            yield box


def paragraph_text(p: Any) -> str:
    """A paragraph's visible text; line breaks as "\\n", tabs as a space.

    Text boxes, VML fallbacks and deleted revisions inside the paragraph are skipped (text boxes
    are read as blocks of their own).
    """
    parts: list[str] = []

    def walk(element: Any) -> None:
        for child in element:
            tag = child.tag
            if tag == _T:
                parts.append(child.text or "")
            elif tag == _TAB:
                parts.append(" ")
            elif tag in (_BR, _CR):
                parts.append("\n")
            elif tag in (_TXBX, _FALLBACK, _DEL, _TBL):
                continue
            elif isinstance(tag, str):
                walk(child)

    walk(p)
    return "".join(parts)


def _cell_text(tc: Any) -> str:
    lines: list[str] = []
    for child in tc:
        if child.tag == _P:
            lines.extend(line.strip() for line in paragraph_text(child).split("\n"))
        elif child.tag == _SDT:
            for p in child.iter(_P):
                lines.extend(line.strip() for line in paragraph_text(p).split("\n"))
    return join_wrapped([line for line in lines if line])


def _int_attr(element: Any, path: str, default: int) -> int:
    found = element.find(path)
    if found is None:
        return default
    try:
        return max(int(found.get(_VAL, default)), 0)
    except ValueError:
        return default


def _grid(rows: list[Any]) -> tuple[list[GridCell], list[Any]]:
    """GridCells of a table's rows (vertical merges folded into row spans), and nested tables."""
    cells: list[GridCell] = []
    nested: list[Any] = []
    #: For each grid column, the index in ``cells`` of the vertically mergeable cell above it.
    open_merges: dict[int, int] = {}
    for row_index, tr in enumerate(rows):
        column = _int_attr(tr, f"{{{W}}}trPr/{{{W}}}gridBefore", 0)
        continuing: dict[int, int] = {}
        for tc in tr:
            if tc.tag != _TC:
                continue
            span = max(_int_attr(tc, f"{{{W}}}tcPr/{{{W}}}gridSpan", 1), 1)
            nested.extend(t for t in tc if t.tag == _TBL)
            text = _cell_text(tc)
            merge = tc.find(f"{{{W}}}tcPr/{{{W}}}vMerge")
            merge_value = None if merge is None else merge.get(_VAL, "continue")
            owner_index = open_merges.get(column)
            if merge_value == "continue" and owner_index is not None:
                owner = cells[owner_index]
                # A continuation cell normally holds nothing; if it does, keep its text.
                joined = owner.text + text if text else owner.text
                cells[owner_index] = GridCell(
                    text=joined,
                    row=owner.row,
                    column=owner.column,
                    row_span=row_index - owner.row + 1,
                    column_span=owner.column_span,
                )
                continuing[column] = owner_index
            else:
                cells.append(GridCell(text=text, row=row_index, column=column, column_span=span))
                if merge_value is not None:  # "restart" (or a stray "continue" with nothing above)
                    continuing[column] = len(cells) - 1
            column += span
        open_merges = continuing
    return cells, nested

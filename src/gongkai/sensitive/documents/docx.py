"""DOCX: text in body paragraphs, tables (nested too), text boxes, headers and footers.

Works on the WordprocessingML elements (through python-docx's package handling) rather than on
python-docx's Paragraph.text, because a name is often split across runs (拼写检查、修订、格式) and
each ``w:t`` must be edited in place to keep its run's formatting. Deleted revisions (``w:delText``)
are included: they are invisible in Word but still in the file.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from gongkai import limits
from gongkai.errors import GongkaiError
from gongkai.sensitive.documents.base import TextIsSource
from gongkai.sensitive.redact import Edit, splice

_P, _T, _DEL, _TAB, _BR, _CR = (qn(t) for t in ("w:p", "w:t", "w:delText", "w:tab", "w:br", "w:cr"))
_TC, _TR, _TBL = qn("w:tc"), qn("w:tr"), qn("w:tbl")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass(frozen=True, slots=True)
class _Paragraph:
    start: int
    location: str


def _part_label(reltype: str) -> str:
    return "页眉" if reltype == RT.HEADER else "页脚"


class DocxDocument(TextIsSource):
    format = "docx"

    def __init__(self, document: Any) -> None:
        self._document = document
        self._elements: list[Any] = []  # w:t / w:delText, or None for separators
        self._texts: list[str] = []
        self._paragraphs: list[_Paragraph] = []
        containers: list[tuple[str, Any]] = [("正文", document.element.body)]
        counts = {"页眉": 0, "页脚": 0}
        for rel in document.part.rels.values():
            if rel.reltype in (RT.HEADER, RT.FOOTER) and not rel.is_external:
                label = _part_label(rel.reltype)
                counts[label] += 1
                containers.append((f"{label}{counts[label]}", rel.target_part.element))
        position = 0
        for label, root in containers:
            tables = list(root.iter(_TBL))  # kept alive so lxml returns the same proxies
            for number, paragraph in enumerate(root.iter(_P), start=1):
                if self._texts:
                    self._add(None, "\n")
                    position += 1
                self._paragraphs.append(_Paragraph(position, self._where(label, number, paragraph, tables)))
                for node in paragraph.iter(_T, _DEL, _TAB, _BR, _CR):
                    if next(node.iterancestors(_P)) is not paragraph:
                        continue  # belongs to a paragraph nested in a text box: read there
                    if node.tag in (_T, _DEL):
                        self._add(node, node.text or "")
                    else:
                        self._add(None, "\t" if node.tag == _TAB else "\n")
                    position += len(self._texts[-1])
        self.text = "".join(self._texts)

    def _add(self, element: Any, text: str) -> None:
        self._elements.append(element)
        self._texts.append(text)

    @staticmethod
    def _where(label: str, number: int, paragraph: Any, tables: list[Any]) -> str:
        cell = next(paragraph.iterancestors(_TC), None)
        if cell is None:
            return f"{label}第{number}段"
        row = cell.getparent()
        table = row.getparent()
        r = [c for c in table if c.tag == _TR].index(row) + 1
        c = [c for c in row if c.tag == _TC].index(cell) + 1
        n = next(i for i, t in enumerate(tables, start=1) if t is table)
        return f"{label}表格{n}第{r}行第{c}列"

    @classmethod
    def load(cls, path: Path) -> DocxDocument:
        try:
            with zipfile.ZipFile(path) as archive:
                limits.check_zip(archive, what="Word 文件")
            return cls(docx.Document(str(path)))
        except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as exc:
            raise GongkaiError(
                "无法读取 DOCX 文件：文件已损坏或不是 Word 文档", detail=f"{path}: {exc}"
            ) from exc

    def location(self, offset: int) -> str:
        found = self._paragraphs[0]
        for paragraph in self._paragraphs:
            if paragraph.start > offset:
                break
            found = paragraph
        return found.location

    def apply(self, edits: Sequence[Edit]) -> None:
        editable = [element is not None for element in self._elements]
        new_texts = splice(self._texts, editable, edits)
        for element, old, new in zip(self._elements, self._texts, new_texts, strict=True):
            if element is not None and old != new:
                element.text = new
                element.set(_XML_SPACE, "preserve")
        self._texts = new_texts
        self.text = "".join(new_texts)

    def save(self, path: Path) -> None:
        self._document.save(str(path))

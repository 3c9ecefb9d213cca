"""What every document format provides to scanning and redaction."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from gongkai.sensitive.redact import Edit


class Document(Protocol):
    """A document loaded for scanning and redaction.

    ``text`` is what detection runs on. ``source`` is the "decoded text" that ``gongkai scan``
    offsets refer to: the decoded file for text and HTML files, the extracted text (== ``text``) for
    DOCX and PDF. ``source_span`` maps a span of ``text`` to ``source``.
    """

    format: str
    text: str

    @property
    def warnings(self) -> list[str]:
        """What the user should know about parts that could not be checked (a scanned PDF page)."""
        ...

    @property
    def source(self) -> str: ...

    def source_span(self, start: int, end: int) -> tuple[int, int]: ...

    def location(self, offset: int) -> str:
        """Where ``text[offset]`` sits, in Chinese (第3行, 表格1第2行第3列, 第2页...)."""
        ...

    def apply(self, edits: Sequence[Edit]) -> None:
        """Carry the edits out on the document itself."""
        ...

    def shown(self, edit: Edit) -> str:
        """What a reader sees in place of the edit (a PDF shows boxes, not replacement text)."""
        ...

    def save(self, path: Path) -> None: ...


class ReplacesText:
    """For formats whose edits show their replacement text and where every part is checked (text,
    HTML, DOCX; a PDF shows boxes and may have scanned pages)."""

    @property
    def warnings(self) -> list[str]:
        return []

    def shown(self, edit: Edit) -> str:
        return edit.replacement


class TextIsSource(ReplacesText):
    """For formats whose scanned text is the source itself (text, DOCX): a span maps to itself."""

    text: str

    @property
    def source(self) -> str:
        return self.text

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        return start, end

"""HTML: detection and redaction in text nodes only; markup, attributes and comments are kept
byte for byte.

Uses the standard library's tolerant ``html.parser`` (the same tokenizer browsers' rules inspired)
rather than lxml, because lxml re-serialises the whole document and would change the markup; here
only the characters of the redacted text nodes change.
"""

from __future__ import annotations

import bisect
import html
from collections.abc import Sequence
from html.parser import HTMLParser
from pathlib import Path

from gongkai.sensitive.documents.base import ReplacesText
from gongkai.sensitive.documents.plain import decode_bytes
from gongkai.sensitive.redact import Edit, LineLocator, splice

# Elements that start a new line of text: a name in one <td> and a number in the next are not
# read as one token.
_BLOCK = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "title",
    ]
)
_NOT_TEXT = frozenset({"script", "style", "template"})


class _Segments(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self._line_starts = [0] + [i + 1 for i, ch in enumerate(source) if ch == "\n"]
        self.texts: list[str] = []
        self.spans: list[tuple[int, int] | None] = []  # raw span in source; None = virtual break
        self._skip = 0

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def _break(self) -> None:
        if self.texts and self.texts[-1] != "\n":
            self.texts.append("\n")
            self.spans.append(None)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _NOT_TEXT:
            self._skip += 1
        elif tag in _BLOCK:
            self._break()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _NOT_TEXT:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK:
            self._break()

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        start = self._offset()
        self.texts.append(data)
        self.spans.append((start, start + len(data)))

    def _reference(self, raw_prefix: str) -> None:
        if self._skip:
            return
        start = self._offset()
        end = self.source.find(";", start, start + 40)
        end = end + 1 if end != -1 else start + len(raw_prefix)
        raw = self.source[start:end]
        self.texts.append(html.unescape(raw))
        self.spans.append((start, end))

    def handle_entityref(self, name: str) -> None:
        self._reference("&" + name)

    def handle_charref(self, name: str) -> None:
        self._reference("&#" + name)


class HtmlDocument(ReplacesText):
    format = "html"

    def __init__(self, source: str, encoding: str) -> None:
        self.encoding = encoding
        self._parse(source)

    def _parse(self, source: str) -> None:
        self._source = source
        parser = _Segments(source)
        parser.feed(source)
        parser.close()
        self._texts = parser.texts
        self._spans = parser.spans
        self._starts: list[int] = []
        position = 0
        for text in self._texts:
            self._starts.append(position)
            position += len(text)
        self.text = "".join(self._texts)
        self._lines = LineLocator(source)

    @classmethod
    def load(cls, path: Path) -> HtmlDocument:
        source, encoding = decode_bytes(path.read_bytes(), name=str(path))
        return cls(source, encoding)

    @property
    def source(self) -> str:
        return self._source

    def _to_source(self, offset: int, *, end: bool) -> int:
        i = bisect.bisect_right(self._starts, offset - (1 if end else 0)) - 1
        while self._spans[i] is None:  # a virtual line break: step to a real node
            i += -1 if end else 1
        raw_start, raw_end = self._spans[i] or (0, 0)
        if raw_end - raw_start != len(self._texts[i]):  # an entity: all or nothing
            return raw_end if end else raw_start
        return raw_start + offset - self._starts[i]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        return self._to_source(start, end=False), self._to_source(end, end=True)

    def location(self, offset: int) -> str:
        return self._lines(self._to_source(offset, end=False))

    def apply(self, edits: Sequence[Edit]) -> None:
        editable = [span is not None for span in self._spans]
        new_texts = splice(self._texts, editable, edits)
        pieces: list[str] = []
        position = 0
        for old, new, span in zip(self._texts, new_texts, self._spans, strict=True):
            if span is None or old == new:
                continue
            pieces.append(self._source[position : span[0]])
            pieces.append(html.escape(new, quote=False))
            position = span[1]
        pieces.append(self._source[position:])
        self._parse("".join(pieces))

    def save(self, path: Path) -> None:
        path.write_bytes(self._source.encode(self.encoding))

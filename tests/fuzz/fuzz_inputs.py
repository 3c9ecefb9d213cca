"""Fuzzing the report readers: seed files per format, mutations, and the property every input must keep.

The property (issue 3): whatever bytes reach ``read_bytes`` -- the entry point behind
``read_report`` and ``gongkai report parse`` -- the result is a report or a ``GongkaiError`` with a
Chinese message; never another exception and never a hang. Used by the short hypothesis tests
(tests/fuzz/test_fuzz_readers.py) and by the long run (bench/fuzz_readers.py --minutes N).

Seeds are real shapes: reports rendered by Gongkai's own renderers (DOCX, HTML, XLSX, PDF), their
JSON, text copied out of the rendered HTML (one cell per line, as people paste it), the same text
in GBK and UTF-16, a Markdown table, and the corpus files when ../shared is present. Mutations work
at the level where a format is fragile: bytes for everything, text lines and numbers for the text
formats, and the XML members inside the ZIP of DOCX and XLSX (a byte flip there mostly just breaks
the ZIP checksum, which tests nothing beyond the ZIP library).
"""

from __future__ import annotations

import io
import random
import re
import signal
import traceback
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import FrameType

from lxml import html as lxml_html

from gongkai.errors import GongkaiError
from gongkai.report import jsonio
from gongkai.report.model import TABLE3_COLUMNS, AnnualReport, Template, table3_rows_for
from gongkai.report.read import read_bytes
from gongkai.report.samples import balanced_report

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"

#: The formats fuzzed, each with its own seeds.
FORMATS = ("text", "markdown", "html", "docx", "xlsx", "pdf", "json")


class InputTimeout(BaseException):
    """An input took longer than its limit (a BaseException, so no reader's ``except Exception`` eats it)."""


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise InputTimeout


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Interrupt the block after ``seconds`` (main thread only; SIGALRM)."""
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass(frozen=True, slots=True)
class Problem:
    """An input that broke the property: what happened, and the input to reproduce it."""

    kind: str  # "exception" or "timeout"
    detail: str
    data: bytes
    #: Innermost Gongkai frame (file:line in function) where it happened, to tell problems apart.
    where: str = ""

    @property
    def signature(self) -> str:
        return f"{self.kind} {self.detail.split(':')[0]} at {self.where}"


def _gongkai_frame(exc: BaseException) -> str:
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "gongkai" in f.filename]
    if not frames:
        return ""
    last = frames[-1]
    return f"{Path(last.filename).name}:{last.lineno} in {last.name}"


def check_input(data: bytes, limit: float = 10.0) -> tuple[str, Problem | None]:
    """Read ``data``; the outcome ("report" or "error") or the ``Problem`` that breaks the property."""
    try:
        with time_limit(limit):
            read_bytes(data)
    except GongkaiError as exc:
        if not str(exc).strip():
            return "error", Problem("exception", "GongkaiError without a message", data)
        return "error", None
    except InputTimeout as exc:
        return "timeout", Problem("timeout", f"no answer within {limit:g} s", data, _gongkai_frame(exc))
    except Exception as exc:
        detail = f"{type(exc).__name__}: {exc}"[:500]
        return "exception", Problem("exception", detail, data, _gongkai_frame(exc))
    return "report", None


# ---------------------------------------------------------------------------------------------
# Seeds
# ---------------------------------------------------------------------------------------------


def _reports() -> list[AnnualReport]:
    return [
        balanced_report(1),
        balanced_report(2, agency="示例县（测试）财政局", year=2020, template=Template.Y2019),
        balanced_report(3, new=0).with_cell("table3.new.natural", None),
    ]


def text_of_html(page: bytes) -> str:
    """What copying a rendered page as text gives: a line per paragraph and per table cell, and a
    blank line after each table row (the shape of corpus 000, text copied out of a document)."""
    root = lxml_html.fromstring(page)
    lines = []
    for element in root.iter("h1", "h2", "h3", "p", "tr"):
        cells = element.iter("th", "td") if element.tag == "tr" else [element]
        for cell in cells:
            text = " ".join(cell.text_content().split())
            if text:
                lines.append(text)
        if element.tag == "tr":
            lines.append("")
    return "\n".join(lines) + "\n"


def markdown_of(report: AnnualReport) -> str:
    """A Markdown rendering of table 3 with a title, as PDF-to-Markdown tools produce."""
    lines = [f"# {report.agency}{report.year}年度政府信息公开工作年度报告", ""]
    lines.append(
        "| 本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和 | "
        + " | ".join(c.label for c in TABLE3_COLUMNS)
        + " |"
    )
    lines.append("|" + "---|" * (len(TABLE3_COLUMNS) + 1))
    for row in table3_rows_for(report.template):
        values = ["" if v is None else str(v) for _, v in report.table3.row(row.key).items()]
        lines.append(f"| {row.full_label} | " + " | ".join(values) + " |")
    return "\n".join(lines) + "\n"


def _render(report: AnnualReport, fmt: str) -> bytes | None:
    from gongkai.report.render import render

    try:
        return render(report, fmt)
    except GongkaiError:  # e.g. no CJK font for PDF on this machine
        return None


@cache
def seeds(fmt: str) -> tuple[bytes, ...]:
    """Valid (or real-world) inputs of ``fmt`` to mutate; empty when the format cannot be made here."""
    reports = _reports()
    found: list[bytes] = []
    if fmt == "json":
        found = [jsonio.dumps(r).encode() for r in reports]
        found += [p.read_bytes() for p in sorted(CORPUS.glob("*.expected.json"))[:2]]
    elif fmt in ("html", "docx", "xlsx", "pdf"):
        # Binary formats are slow to render; two layouts (2021, 2019) are enough to start from.
        found = [data for r in reports[: 1 if fmt == "pdf" else 2] if (data := _render(r, fmt))]
        if fmt == "pdf":
            found += [p.read_bytes() for p in sorted(CORPUS.glob("*.pdf"))[:1]]
    elif fmt == "text":
        pages = [_render(r, "html") for r in reports[:2]]
        texts = [text_of_html(p) for p in pages if p]
        found = [texts[0].encode("utf-8"), texts[-1].encode("gbk"), texts[0].encode("utf-16")]
        found += [p.read_bytes() for p in sorted(CORPUS.glob("*.txt"))[:2]]
    elif fmt == "markdown":
        found = [markdown_of(r).encode("utf-8") for r in reports]
    return tuple(found)


# ---------------------------------------------------------------------------------------------
# Mutations
# ---------------------------------------------------------------------------------------------

_NUMBER = re.compile(rb"\d+")
_NUMBER_TEXT = re.compile(r"\d+")
_ODD_TEXT = [
    "",
    " ",
    "\u3000",
    "—",
    "/",
    "-1",
    "１２",
    "99999999999999999999",
    "1.5",
    "三",
    "\x00",
    "\ufeff",
    "（",
    "|",
    "<td>",
    "\n",
]


def _bytes_mutation(data: bytes, rng: random.Random) -> bytes:
    if not data:
        return rng.randbytes(rng.randint(0, 64))
    buf = bytearray(data)
    i = rng.randrange(len(buf))
    j = min(len(buf), i + rng.randint(1, 256))
    choice = rng.randrange(7)
    if choice == 0:  # flip bits
        for _ in range(rng.randint(1, 8)):
            buf[rng.randrange(len(buf))] ^= 1 << rng.randrange(8)
    elif choice == 1:  # delete a range
        del buf[i:j]
    elif choice == 2:  # insert random bytes
        buf[i:i] = rng.randbytes(rng.randint(1, 64))
    elif choice == 3:  # duplicate a range
        buf[i:i] = buf[i:j]
    elif choice == 4:  # truncate
        del buf[i:]
    elif choice == 5:  # change a number
        numbers = list(_NUMBER.finditer(buf))
        if numbers:
            m = rng.choice(numbers)
            buf[m.start() : m.end()] = str(rng.choice([0, 1, 7, 10**6, 10**19, -3])).encode()
    else:  # splice in a piece of itself from elsewhere
        k = rng.randrange(len(buf))
        buf[k:k] = buf[i:j]
    return bytes(buf)


def _text_mutation(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    choice = rng.randrange(5)
    i = rng.randrange(len(lines))
    if choice == 0:  # drop lines (a label detached, a row lost)
        del lines[i : i + rng.randint(1, 3)]
    elif choice == 1:  # swap two lines
        k = rng.randrange(len(lines))
        lines[i], lines[k] = lines[k], lines[i]
    elif choice == 2:  # duplicate lines (a repeated header)
        lines[i:i] = lines[i : i + rng.randint(1, 5)]
    elif choice == 3:  # odd cell content
        lines[i] = lines[i] + rng.choice(_ODD_TEXT) if rng.random() < 0.5 else rng.choice(_ODD_TEXT)
    else:  # numbers replaced, glued or split

        def swap(m: re.Match[str]) -> str:
            return rng.choice([m.group(), m.group() * 2, m.group()[:1] + " " + m.group()[1:], "", "0"])

        lines[i] = _NUMBER_TEXT.sub(swap, lines[i])
    return "\n".join(lines)


def _zip_mutation(data: bytes, rng: random.Random) -> bytes:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [(info, archive.read(info)) for info in archive.infolist()]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return _bytes_mutation(data, rng)
    if not members:
        return _bytes_mutation(data, rng)
    index = rng.randrange(len(members))
    info, content = members[index]
    if rng.random() < 0.1:
        del members[index]
    elif info.filename.endswith((".xml", ".rels")):
        mutated = _text_mutation(content.decode("utf-8", "replace"), rng) if rng.random() < 0.5 else None
        members[index] = (info, mutated.encode() if mutated is not None else _bytes_mutation(content, rng))
    else:
        members[index] = (info, _bytes_mutation(content, rng))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, content in members:
            archive.writestr(info.filename, content)
    return out.getvalue()


def _decode_for_mutation(data: bytes) -> tuple[str, str] | None:
    for encoding in ("utf-8", "utf-16", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return None


def mutate(data: bytes, fmt: str, rng: random.Random, rounds: int | None = None) -> bytes:
    """``data`` changed by 1-4 mutations suited to ``fmt`` (or random bytes in a tenth of the cases)."""
    if rng.random() < 0.1:
        return rng.choice(
            [b"", b"%PDF-1.7\n", b"PK\x03\x04", b"{", b"<html>", b"| a |\n|---|\n"]
        ) + rng.randbytes(rng.randint(0, 2048))
    for _ in range(rounds or rng.randint(1, 4)):
        if fmt in ("docx", "xlsx"):
            data = _zip_mutation(data, rng)
        elif fmt in ("text", "markdown", "html", "json") and rng.random() < 0.6:
            decoded = _decode_for_mutation(data)
            if decoded is None:
                data = _bytes_mutation(data, rng)
            else:
                text, encoding = decoded
                data = _text_mutation(text, rng).encode(encoding, "replace")
        else:
            data = _bytes_mutation(data, rng)
    return data

"""A hand-written, annotated corpus of Chinese documents that carry personal data (issue 14).

Unlike the two generated corpora, nothing here is produced at run time: every document is literal
text in the genre files (``courts.txt``, ``penalties.txt`` ... beside this module, each document
after a ``=== genre ===`` line), written by hand after the published kinds in which agencies leak
personal data (处罚决定书, 公示名单, 答复书, 判决书摘录 ...). Values sit in the text as
``〔标签|值〕``; ``parse`` removes the brackets and records each value's exact span. A label from
``ENTITY_LABELS`` marks personal data of that ``Kind``; a label from ``DECOY_LABELS`` marks text a
detector must NOT flag (文号, 案号, 金额, masked values, agency names and addresses ...).

Labelling policy (also in docs/sensitive-corpora.md): kinds defined by their form (身份证, 手机,
固话, 邮箱, 银行卡, 信用代码, 护照, 车牌) are labelled wherever the form occurs, an agency's own
number included; 地址 is a natural person's address or the site of a person's property (an agency's
or a company's seat is a decoy); 姓名 is any natural person's full name, officials' included, and
never a masked one (张某, 王某某, 李**).
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable
from importlib import resources

from gongkai.sensitive.holdout_corpus import HoldoutCase
from gongkai.sensitive.labelled import Decoy, Entity, LabelledDocument
from gongkai.sensitive.model import Kind

ENTITY_LABELS: dict[str, Kind] = {
    "姓名": Kind.PERSON_NAME,
    "身份证": Kind.ID_CARD,
    "手机": Kind.MOBILE_PHONE,
    "固话": Kind.LANDLINE_PHONE,
    "邮箱": Kind.EMAIL,
    "银行卡": Kind.BANK_CARD,
    "信用代码": Kind.USCC,
    "护照": Kind.PASSPORT,
    "车牌": Kind.LICENSE_PLATE,
    "地址": Kind.ADDRESS,
}

# What a decoy is; the bench reports how many of each kind a detector flagged.
DECOY_LABELS: frozenset[str] = frozenset({
    "文号", "索引号", "案号", "编号", "金额", "日期", "脱敏", "姓名(某)", "职务", "机关", "单位",
    "机关地址", "单位地址", "地名", "热线", "邮编", "证号", "面积", "数量",
})

# ``〔`` starts an annotation only when a short label and ``|`` follow; a 文号's own 〔2023〕 does not.
_OPENING = re.compile(r"〔([^〔〕|\n]{1,6})\|")


class AnnotationError(ValueError):
    """A document's annotations are malformed (the message names the document and the line)."""


# The same case and decoy types as the generated held-out corpus, so that one bench and one set of
# well-formedness checks serve both.
AnnotatedCase = HoldoutCase


def _closing(source: str, start: int, where: str) -> int:
    """The index of the 〕 closing the annotation whose value begins at ``start`` (values may hold 〔〕)."""
    depth = 1
    for i in range(start, len(source)):
        if source[i] == "〔":
            depth += 1
        elif source[i] == "〕":
            depth -= 1
            if depth == 0:
                return i
    raise AnnotationError(f"{where}: annotation is not closed")


def parse(annotated: str, genre: str, name: str = "document") -> HoldoutCase:
    """The labelled document written as ``annotated`` (indentation and outer blank lines removed)."""
    source = textwrap.dedent(annotated).strip("\n")
    out: list[str] = []
    length = 0
    entities: list[Entity] = []
    decoys: list[Decoy] = []
    i = 0
    while i < len(source):
        match = _OPENING.match(source, i)
        if match is None:
            out.append(source[i])
            length += 1
            i += 1
            continue
        label = match.group(1)
        where = f"{name} line {source.count(chr(10), 0, i) + 1}"
        if label not in ENTITY_LABELS and label not in DECOY_LABELS:
            raise AnnotationError(f"{where}: unknown label {label!r}")
        end = _closing(source, match.end(), where)
        value = source[match.end() : end]
        if not value or value != value.strip():
            raise AnnotationError(f"{where}: empty value or value with outer spaces in {label!r}: {value!r}")
        if _OPENING.search(value) or "|" in value:
            raise AnnotationError(f"{where}: nested annotation in {label!r}: {value!r}")
        if label in ENTITY_LABELS:
            entities.append(Entity(ENTITY_LABELS[label], length, length + len(value), value))
        else:
            decoys.append(Decoy(length, length + len(value), value, label))
        out.append(value)
        length += len(value)
        i = end + 1
    return HoldoutCase(LabelledDocument(genre, "".join(out), tuple(entities)), tuple(decoys))


# A genre file's documents each begin with such a line, naming the document's genre; lines before the
# first one are comments (``#``) or blank.
_DOCUMENT = re.compile(r"=== (.+) ===")

# Volume A's genre files, in the corpus's order.
GENRES = ("penalties", "disclosure", "courts", "welfare", "land", "personnel", "petitions", "meetings", "enterprise",
          "traffic", "villages", "registers", "notices", "summaries", "services")


def annotated_cases() -> list[HoldoutCase]:
    """Every document of the corpus, parsed (fixed: the same list on every call)."""
    return parse_files(__name__, GENRES)


def genre_documents(source: str, where: str) -> list[tuple[str, str]]:
    """The (genre, annotated text) documents of a genre file's text ``source``: each runs from its
    ``=== genre ===`` line to the next one (outer blank lines are removed by ``parse``)."""
    documents: list[tuple[str, list[str]]] = []
    for number, line in enumerate(source.split("\n"), 1):  # only \n: documents hold form feeds
        match = _DOCUMENT.fullmatch(line)
        if match is not None:
            documents.append((match.group(1), []))
        elif documents:
            documents[-1][1].append(line)
        elif line and not line.startswith("#"):
            raise AnnotationError(f"{where} line {number}: text before the first === genre === line")
    return [(genre, "\n".join(lines)) for genre, lines in documents]


def parse_files(package: str, names: Iterable[str], prefix: str = "") -> list[HoldoutCase]:
    """Every document of the genre files ``{name}.txt`` of ``package`` (UTF-8, package data), parsed in
    order; an error names the document as ``{prefix}{name}[{number}]``. Shared by the volumes."""
    cases = []
    for name in names:
        # Bytes, decoded: a text-mode read would turn a document's \r into \n.
        source = resources.files(package).joinpath(f"{name}.txt").read_bytes().decode("utf-8")
        for number, (genre, text) in enumerate(genre_documents(source, f"{prefix}{name}"), 1):
            cases.append(parse(text, genre, f"{prefix}{name}[{number}]"))
    return cases

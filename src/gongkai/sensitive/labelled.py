"""Labelled documents and their scoring, shared by the two generated corpora.

Scoring: a finding matches a gold entity of the same kind whose span overlaps it with
intersection-over-union >= 0.5 (each entity matched once); exact-span matches are counted as well.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Self

from gongkai.sensitive.model import CHECKED_KINDS, Finding, Kind


@dataclass(frozen=True, slots=True)
class Entity:
    kind: Kind
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class LabelledDocument:
    genre: str
    text: str
    entities: tuple[Entity, ...]


class Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.entities: list[Entity] = []

    def t(self, *texts: str) -> Self:
        for text in texts:
            self.parts.append(text)
            self.length += len(text)
        return self

    def e(self, kind: Kind, text: str) -> Self:
        self.entities.append(Entity(kind, self.length, self.length + len(text), text))
        return self.t(text)

    def build(self, genre: str) -> LabelledDocument:
        return LabelledDocument(genre, "".join(self.parts), tuple(self.entities))


@dataclass(frozen=True, slots=True)
class Decoy:
    """A value that looks like personal data but is not (``what`` it is: 文号, 金额 ...), with its
    span in the document."""

    start: int
    end: int
    text: str
    what: str


@dataclass(frozen=True, slots=True)
class DecoyedDocument:
    """A corpus's case: the labelled document and its decoys."""

    document: LabelledDocument
    decoys: tuple[Decoy, ...]


class DecoyBuilder(Builder):
    """A :class:`Builder` that also records decoys."""

    def __init__(self) -> None:
        super().__init__()
        self.decoys: list[Decoy] = []

    def d(self, what: str, text: str) -> Self:
        self.decoys.append(Decoy(self.length, self.length + len(text), text, what))
        return self.t(text)

    def case(self, genre: str) -> DecoyedDocument:
        return DecoyedDocument(self.build(genre), tuple(self.decoys))


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    exact: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.exact += other.exact


@dataclass
class Evaluation:
    by_kind: dict[Kind, Counts] = field(default_factory=lambda: {k: Counts() for k in Kind})
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # (type, kind, text) samples

    def total(self, kinds: Iterable[Kind] | None = None) -> Counts:
        total = Counts()
        for kind in kinds if kinds is not None else Kind:
            total.add(self.by_kind[kind])
        return total

    @property
    def checked(self) -> Counts:
        return self.total(CHECKED_KINDS)


def _iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))


def evaluate(documents: Sequence[LabelledDocument], detect: Callable[[str], Sequence[Finding]]) -> Evaluation:
    """Score ``detect`` on the corpus (IoU >= 0.5 on the same kind counts as a match)."""
    result = Evaluation()
    for document in documents:
        predicted = list(detect(document.text))
        used = [False] * len(predicted)
        for entity in document.entities:
            counts = result.by_kind[entity.kind]
            best, best_iou = -1, 0.5
            for i, finding in enumerate(predicted):
                if used[i] or finding.kind != entity.kind:
                    continue
                overlap = _iou((entity.start, entity.end), (finding.start, finding.end))
                if overlap >= best_iou:
                    best, best_iou = i, overlap
            if best >= 0:
                used[best] = True
                counts.tp += 1
                counts.exact += best_iou == 1.0
            else:
                counts.fn += 1
                result.errors.append(("fn", entity.kind.value, entity.text))
        for i, finding in enumerate(predicted):
            if not used[i]:
                result.by_kind[finding.kind].fp += 1
                result.errors.append(("fp", finding.kind.value, finding.text))
    return result

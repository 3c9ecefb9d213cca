"""Screening help for a new disclosure application: is it a repeat, is the volume excessive?

Both are prompts for the clerk, never decisions. Whether an application is a 重复申请 (条例
第三十六条第（六）项: the agency has already answered and the applicant asks again for the same
information) or the number of requests is 明显超过合理范围 (第三十五条) is the agency's legal
judgement; this module only says which earlier applications read the same and how many there
were.

Similarity of two descriptions (所需政府信息的名称、文号或特征性描述):

- both are normalised first (:func:`normalise`): full-width forms to half-width (NFKC), Latin
  letters lowercased, and every character that is neither a letter nor a digit (punctuation of
  either width, whitespace, symbols) removed -- "2025年度，科技项目" and "2025 年度 科技项目"
  are the same text;
- then compared by the Jaccard index of their character bigrams (:func:`similarity`). Chinese is
  written without spaces, so words cannot be split cheaply; bigrams capture most two-character
  words and are insensitive to small insertions. A text of one character is its own single
  "bigram";
- :data:`SIMILAR_THRESHOLD` (0.6) is where a pair is reported as 高度相似. Measured on the pairs in
  tests/domain/test_screening.py: a request repeated with a changed year or with words added
  ("请公开…的…") scores 0.7–0.8; different documents on the same subject (“科技项目补助资金分配
  结果” / “科技项目验收专家名单”) score about 0.4, unrelated requests near 0. Short texts that
  differ in one decisive character (“部门预算” / “部门决算”) can still reach the threshold --
  another reason the result is only a prompt. Identical normalised texts are reported as 相同.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

#: Bigram Jaccard index from which two descriptions are reported as 高度相似 (see module doc).
SIMILAR_THRESHOLD = 0.6


class Likeness(StrEnum):
    SAME = "same"  # 内容相同
    SIMILAR = "similar"  # 内容高度相似


LIKENESS_LABELS = {Likeness.SAME: "内容相同", Likeness.SIMILAR: "内容高度相似"}


def normalise(text: str) -> str:
    """The description reduced to letters and digits (full-width folded, lowercased)."""
    folded = unicodedata.normalize("NFKC", text).lower()
    return "".join(ch for ch in folded if ch.isalnum())


def bigrams(text: str) -> frozenset[str]:
    """The character bigrams of a normalised text (a 1-character text is its own bigram)."""
    if len(text) < 2:
        return frozenset({text}) if text else frozenset()
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))


def _jaccard(na: str, ga: frozenset[str], nb: str, gb: frozenset[str]) -> float:
    if na == nb:
        return 1.0 if na else 0.0
    if not ga or not gb:
        return 0.0
    return len(ga & gb) / len(ga | gb)


def similarity(a: str, b: str) -> float:
    """Jaccard index of the bigrams of the normalised texts, 0.0 (nothing shared) .. 1.0."""
    na, nb = normalise(a), normalise(b)
    return _jaccard(na, bigrams(na), nb, bigrams(nb))


@dataclass(frozen=True, slots=True)
class Match:
    likeness: Likeness
    score: float

    @property
    def label(self) -> str:
        return LIKENESS_LABELS[self.likeness]


def matcher(new: str, *, threshold: float = SIMILAR_THRESHOLD) -> Callable[[str], Match | None]:
    """A comparison of many earlier descriptions with ``new`` (normalised once, not per pair)."""
    na = normalise(new)
    ga = bigrams(na)

    def match(earlier: str) -> Match | None:
        nb = normalise(earlier)
        if na and na == nb:
            return Match(Likeness.SAME, 1.0)
        score = _jaccard(na, ga, nb, bigrams(nb))
        return Match(Likeness.SIMILAR, score) if score >= threshold else None

    return match


def compare(new: str, earlier: str, *, threshold: float = SIMILAR_THRESHOLD) -> Match | None:
    """How ``earlier`` compares with ``new``: the same, very similar, or ``None`` (different)."""
    return matcher(new, threshold=threshold)(earlier)


def excessive(count: int, threshold: int) -> bool:
    """Whether ``count`` applications in a period are above the agency's prompt ``threshold``.

    A prompt only: 条例 第三十五条 leaves it to the agency whether the number is 明显超过合理范围
    and lets it ask the applicant for reasons first.
    """
    return count > threshold

"""The volumes of the annotated corpus are well-formed in the same ways: each check of
``support.labelled_corpus`` and each size floor runs here on every volume; what belongs to one volume
alone is in its own module (test_sensitive_annotated, _annotated_b, _annotated_c, _annotated_d,
_annotated_e, _annotated_f).
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Sequence

import pytest

from gongkai.sensitive.annotated_corpus import AnnotatedCase
from gongkai.sensitive.annotated_volumes import VOLUMES
from support import labelled_corpus as shared


@functools.cache
def volume(name: str) -> list[AnnotatedCase]:
    return VOLUMES[name]()


@pytest.mark.parametrize("name", VOLUMES)
@pytest.mark.parametrize(
    "check",
    [
        shared.assert_spans_exact,
        shared.assert_no_annotation_left,
        shared.assert_check_characters,
        shared.assert_annotated_formats,
        shared.assert_names_unmasked,
    ],
    ids=lambda check: check.__name__,
)
def test_the_shared_checks(name: str, check: Callable[[Sequence[AnnotatedCase]], object]) -> None:
    """Exact non-overlapping spans, no annotation left, check characters, formats, unmasked names."""
    check(volume(name))


@pytest.mark.parametrize(("name", "genres"), [("A", 25), ("B", 30), ("C", 35), ("D", 20), ("E", 40)])
def test_at_least_120_distinct_documents_in_many_genres(name: str, genres: int) -> None:
    cases = volume(name)
    assert len(cases) >= 120
    assert len({case.document.text for case in cases}) == len(cases)
    assert len(Counter(case.document.genre for case in cases)) >= genres


@pytest.mark.parametrize(("name", "first", "second"),
                         [("A", 15, 120), ("B", 15, 120), ("C", 20, 120), ("D", 30, 150), ("E", 20, 45),
                          ("F", 25, 150)])
def test_id_numbers_are_valid_and_both_generations_occur(name: str, first: int, second: int) -> None:
    """Both generations: 15-digit (first) and 18-digit (second) identity numbers."""
    lengths = shared.assert_id_numbers_valid(volume(name))
    assert lengths[15] >= first and lengths[18] >= second

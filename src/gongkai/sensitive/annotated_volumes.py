"""Every volume of the annotated corpus by its letter (issue 14), for the benches and tests that
measure or check all of them: a new volume is added here once, not in each of them.

The volumes are fixed text (``docs/sensitive-corpora.md`` says how each was written); each loader
parses its files when called, so importing this module reads none of them.
"""

from __future__ import annotations

from collections.abc import Callable

from gongkai.sensitive.annotated_corpus import AnnotatedCase, annotated_cases
from gongkai.sensitive.annotated_corpus_b import annotated_cases_b
from gongkai.sensitive.annotated_corpus_c import annotated_cases_c
from gongkai.sensitive.annotated_corpus_d import annotated_cases_d
from gongkai.sensitive.annotated_corpus_e import annotated_cases_e
from gongkai.sensitive.annotated_corpus_f import annotated_cases_f

VOLUMES: dict[str, Callable[[], list[AnnotatedCase]]] = {
    "A": annotated_cases,
    "B": annotated_cases_b,
    "C": annotated_cases_c,
    "D": annotated_cases_d,
    "E": annotated_cases_e,
    "F": annotated_cases_f,
}


def corpus_name(letter: str) -> str:
    """The benches' ``--corpus`` name of a volume: ``annotated`` for A, ``annotated_b`` for B …"""
    return "annotated" if letter == "A" else f"annotated_{letter.lower()}"

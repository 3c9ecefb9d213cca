"""The labelled corpus: the detector's quality bar on a fixed seed (issue 4 "done when")."""

from __future__ import annotations

import pytest

from gongkai.sensitive import CHECKED_KINDS, Finding, Kind, detect, published
from gongkai.sensitive.corpus import GENRES, evaluate, generate

SEED = 20231
DOCUMENTS = 250


def test_quality_bar_on_the_fixed_seed() -> None:
    documents = generate(SEED, DOCUMENTS)
    result = evaluate(documents, detect)
    checked = result.checked
    assert checked.tp > 500  # the bar is measured on a real number of identifiers
    assert checked.precision >= 0.98
    assert checked.recall >= 0.99
    assert result.by_kind[Kind.PERSON_NAME].recall >= 0.9
    assert result.by_kind[Kind.ADDRESS].recall >= 0.9
    assert result.total().f1 >= 0.95


def test_corpus_is_deterministic_and_covers_every_genre_and_kind() -> None:
    first, second = generate(7, 20), generate(7, 20)
    assert first == second
    assert {d.genre for d in first} == set(GENRES)
    assert {e.kind for d in generate(SEED, DOCUMENTS) for e in d.entities} == set(Kind)
    for document in first:
        for entity in document.entities:
            assert document.text[entity.start : entity.end] == entity.text


def test_decoys_are_in_the_corpus_and_unlabelled() -> None:
    text = "\n".join(d.text for d in generate(SEED, 25))
    for decoy in ("〔20", "索引号", "第十五条", "邮编：314200", "********", "受理编号"):
        assert decoy in text
    assert {Kind.ID_CARD, Kind.BANK_CARD, Kind.USCC} == CHECKED_KINDS


def test_the_scoring_can_fail() -> None:
    documents = generate(SEED, 10)

    def nothing(text: str) -> list[Finding]:
        return []

    def everything_is_a_name(text: str) -> list[Finding]:
        return [
            Finding(Kind.PERSON_NAME, i, i + 2, text[i : i + 2], 1.0, "") for i in range(0, len(text) - 1, 2)
        ]

    assert evaluate(documents, nothing).total().recall == 0.0
    assert evaluate(documents, everything_is_a_name).total().precision < 0.1


# Issue 14: the targets, asserted on both corpora — the generated one above and the one modelled on
# published document kinds (``gongkai.sensitive.published``), each on a seed not used while the
# detector was being changed.
ISSUE_14_SEEDS = {"corpus": (generate, 20231, 250), "published": (published.generate, 14, 400)}


@pytest.mark.parametrize("name", sorted(ISSUE_14_SEEDS))
def test_issue_14_targets_on_both_corpora(name: str) -> None:
    make, seed, count = ISSUE_14_SEEDS[name]
    documents = make(seed, count)
    result = evaluate(documents, detect)
    for kind, counts in result.by_kind.items():
        if counts.tp + counts.fn:
            assert counts.recall >= 0.97, (kind, counts)
    total = result.total()
    assert total.tp > 2000
    assert total.precision >= 0.99
    assert total.f1 >= 0.98
    # No decoy flagged: every finding the detector makes is a labelled entity.
    assert [e for e in result.errors if e[0] == "fp"] == []


def test_published_corpus_is_deterministic_and_covers_its_genres() -> None:
    first, second = published.generate(3, 16), published.generate(3, 16)
    assert first == second
    assert {d.genre for d in first} == set(published.GENRES)
    for document in first:
        for entity in document.entities:
            assert document.text[entity.start : entity.end] == entity.text
    text = "\n".join(d.text for d in published.generate(3, 40))
    for decoy in ("〔20", "12345", "行初", "执法证号", "**", "某"):
        assert decoy in text
    kinds = {e.kind for d in published.generate(3, 40) for e in d.entities}
    assert kinds == set(Kind) - {Kind.PASSPORT}


def test_issue_14_targets_with_values_from_another_generator() -> None:
    # Faker's zh_CN provider (other authors, its own surname weights and given names, identity
    # numbers with real county codes) fills the published-kind templates.
    from faker import Faker

    fake = Faker("zh_CN")
    fake.seed_instance(14)
    sources = {"name": fake.name, "id18": fake.ssn, "mobile": fake.phone_number}
    documents = published.generate(14, 200, sources=sources)
    result = evaluate(documents, detect)
    for kind in (Kind.PERSON_NAME, Kind.ID_CARD, Kind.MOBILE_PHONE):
        counts = result.by_kind[kind]
        assert counts.tp > 50
        assert counts.recall >= 0.97, (kind, counts)
        assert counts.precision >= 0.99, (kind, counts)


def test_only_the_writers_values_can_come_from_elsewhere() -> None:
    with pytest.raises(ValueError, match="plate"):
        published.generate(1, 1, sources={"plate": lambda: "浙F12345"})

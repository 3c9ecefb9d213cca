"""The name recogniser's fast paths (issue 14, speed) agree with the definitions they replace."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

import pytest

from gongkai.sensitive import lexicon
from gongkai.sensitive.corpus import generate
from gongkai.sensitive.normalize import normalize
from gongkai.sensitive.recognizers.name_lists import _AFTER_WORDS, names_before_address_words
from gongkai.sensitive.recognizers.name_tables import (
    cell_is_name,
    cell_start,
    header_column_names,
    name_headers,
    row_cells,
    salutations,
)
from gongkai.sensitive.recognizers.names import PersonNameRecognizer


def _header_column_names_by_definition(norm: str) -> Iterator[tuple[int, int]]:
    """``header_column_names`` as it was written before its rows were read inline: each row split
    by ``row_cells`` and each cell tested by ``cell_is_name`` at ``cell_start``."""
    for sep, width, column, row_end in name_headers(norm):
        while row_end != -1:
            row_start, row_end = row_end + 1, norm.find("\n", row_end + 1)
            row = norm[row_start:row_end] if row_end != -1 else norm[row_start:]
            cells, seps = row_cells(row, sep)
            if len(cells) != width:
                break
            cell = cells[column].strip(" ")
            if cell_is_name(cell, cells, under_header=True):
                start = row_start + cell_start(cells, seps, column)
                yield start, start + len(cell)


_PIECES = [
    *("姓名", "序号", "王伟", "欧阳娜娜", "王 伟", "艾力·买买提"),
    *("黄湖镇", "张某", "1", "男", "", " 李四 ", "某"),
]


def _random_table(rng: random.Random) -> str:
    sep = rng.choice(["\t", "|", "  ", "   ", " | "])
    width = rng.randint(1, 4)
    # Space tables' gaps vary from row to row (two spaces, or wider where a cell is short).
    gaps = [sep] if sep.strip() else ["  ", "   ", "    "]
    rows = [
        rng.choice(gaps).join(rng.choice(_PIECES) for _ in range(width)) for _ in range(rng.randint(1, 5))
    ]
    header = [rng.choice(["序号", "性别", "备注"]) for _ in range(width)]
    header[rng.randrange(width)] = rng.choice(sorted(lexicon.NAME_COLUMN_HEADERS))
    tail = rng.choice(["", "\n", "\n说明：无"])
    return rng.choice(["", "名单\n", " "]) + sep.join(header) + "\n" + "\n".join(rows) + tail


def test_header_rows_read_inline_agree_with_the_definition() -> None:
    rng = random.Random(14)
    texts = [normalize(d.text) for d in generate(20231, 120)] + [_random_table(rng) for _ in range(3000)]
    found = 0
    for norm in texts:
        expected = list(_header_column_names_by_definition(norm))
        assert list(header_column_names(norm)) == expected, norm
        found += len(expected)
    assert found > 1000  # the comparison is not vacuous


@pytest.mark.parametrize("word", ["你", "您"])
def test_salutation_found_whatever_the_form_of_you(word: str) -> None:
    norm = f"韦珍诺：\n  {word}（单位）提出的申请收悉。"
    assert list(salutations(norm)) == [(0, 3)]


def test_salutation_needs_you_after_the_line() -> None:
    # Without 你/您 the searches are skipped: nothing could have been found there anyway.
    assert list(salutations("韦珍诺：\n现将有关情况答复如下。")) == []


def test_each_word_after_a_name_holds_the_character_that_gates_its_search() -> None:
    assert [word for word, _ in _AFTER_WORDS] == list(lexicon.NAME_AFTER_CUES)
    assert all(rare in word for word, rare in _AFTER_WORDS)


@pytest.mark.parametrize("word", lexicon.NAME_AFTER_CUES)
def test_a_name_before_each_word_is_found(word: str) -> None:
    norm = f"经研究，请柏庆丰{word}于三日内答复。"
    assert list(names_before_address_words(norm, PersonNameRecognizer._is_lexicon_name)) == [(5, 8)]


def test_space_rows_split_without_an_expression_agree_with_the_expression() -> None:
    rng = random.Random(7)
    for _ in range(5000):
        row = "".join(
            rng.choice(["王伟", "1", " ", "  ", "   ", "男", "a b"]) for _ in range(rng.randint(0, 8))
        )
        parts = re.split("( {2,})", row)
        assert row_cells(row, None) == (parts[::2], parts[1::2]), row


def test_compound_surnames_entered_only_where_one_starts_match_as_the_plain_alternation() -> None:
    from gongkai.sensitive.recognizers import names

    plain = "|".join(sorted(lexicon.COMPOUND_SURNAMES, key=len, reverse=True))
    assert names._COMPOUNDS in names._SURNAME and names._COMPOUNDS in names._SURNAME_CLASS_FIRST
    recognizer = names.PersonNameRecognizer()
    rivals = {
        name: re.compile(
            getattr(recognizer, name).pattern.replace(names._COMPOUNDS, f"(?:{plain})"), re.MULTILINE
        )
        for name in ("_alone", "_alone_at_start", "_after_unit", "_next_in_list", "pattern")
    }
    rng = random.Random(25)
    chars = [*"，、 \n：王李华明伟娜于", *"".join(lexicon.COMPOUND_SURNAMES)]
    texts = [normalize(d.text) for d in generate(20231, 60)]
    texts += ["".join(rng.choices(chars, k=30)) for _ in range(2000)]
    for text in texts:
        for name, rival in rivals.items():
            ours = getattr(recognizer, name)
            assert [m.span() + m.regs[1:] for m in ours.finditer(text)] == [
                m.span() + m.regs[1:] for m in rival.finditer(text)
            ], (name, text)

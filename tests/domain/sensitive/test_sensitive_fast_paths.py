"""The detector's fast paths agree with the slow definitions they replace."""

from __future__ import annotations

import random
import re

import pytest

from gongkai.sensitive import Finding, Kind, detect, lexicon
from gongkai.sensitive.checksums import id_card_check_char
from gongkai.sensitive.corpus import generate
from gongkai.sensitive.decimal_digits import spell_out_digits
from gongkai.sensitive.model import make_finding
from gongkai.sensitive.normalize import _TABLE, normalize
from gongkai.sensitive.recognizers import _valid_birth_date, _valid_date
from gongkai.sensitive.recognizers.name_tables import CELL_NAME, cell_start, row_cells
from gongkai.sensitive.registry import _DECIMAL_RANGES, _FIVE_MORE, DEFAULT_REGISTRY


@pytest.mark.parametrize(
    "year",
    [
        0,  # no year 0 in ``date``: never a valid birth date
        1,  # the first year ``date`` accepts
        1900,  # divisible by 100, not by 400: no 29 February
        2000,  # divisible by 400: 29 February exists
        2023,  # an ordinary year
        2024,  # an ordinary leap year
        9999,  # the last year ``date`` accepts
    ],
)
def test_birth_date_lookup_agrees_with_date(year: int) -> None:
    for mmdd in (f"{n:04d}" for n in range(10000)):
        assert _valid_birth_date(year, mmdd) == _valid_date(year, int(mmdd[:2]), int(mmdd[2:])), mmdd


def test_birth_date_with_other_digits_still_goes_through_date() -> None:
    # Arabic-Indic digits are digits to ``int`` (and to ``\d``): 0101 is 1 January.
    assert _valid_birth_date(2000, "\u0660\u0661\u0660\u0661")
    assert not _valid_birth_date(2023, "\u0660\u0662\u0662\u0669")  # 29 February 2023


@pytest.mark.parametrize(
    "first17",
    [
        "1101051949123100",  # 16 characters
        "11010519491231002X",  # 18 characters
        "1101051949123100X",  # a letter among the 17
        "1101051949123100\u0662",  # a non-ASCII digit
    ],
)
def test_id_check_char_refuses_what_is_not_17_ascii_digits(first17: str) -> None:
    with pytest.raises(ValueError):
        id_card_check_char(first17)


def _arabic_indic(digits: str) -> str:
    return digits.translate(
        str.maketrans("0123456789", "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669")
    )


def test_identity_number_with_other_scripts_digits_is_not_an_error() -> None:
    # ``\d`` admits Arabic-Indic digits; a number mixing them with ASCII ones used to reach the
    # GB 11643 check and raise ValueError out of ``detect``. It is not an identity number.
    mixed = "11" + _arabic_indic("0105") + "19491231002X"
    assert detect(f"身份证号码：{mixed}") == []
    # The same number in ASCII digits is found, with the same inline check.
    (finding,) = detect("身份证号码：11010519491231002X")
    assert finding.kind is Kind.ID_CARD and finding.score == 0.99


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        ("11010520000229002X", False),  # 29 February in a leap year, wrong check character
        ("110105190002290015", False),  # 1900 is not a leap year: no 29 February
    ],
)
def test_identity_number_inline_checks(number: str, valid: bool) -> None:
    # The inline check agrees with the functions it spells out.
    expected = id_card_check_char(number[:17]) == number[17] and _valid_birth_date(
        int(number[6:10]), number[10:14]
    )
    assert expected == valid
    assert bool(detect(f"身份证号码：{number}")) == valid


def test_leap_day_identity_number_is_found() -> None:
    first17 = "11010520000229001"  # born 29 February 2000
    number = first17 + id_card_check_char(first17)
    assert [f.kind for f in detect(f"身份证号码：{number}")] == [Kind.ID_CARD]
    first17 = "11010519000229001"  # 29 February 1900 never was
    assert detect(f"身份证号码：{first17 + id_card_check_char(first17)}", kinds=[Kind.ID_CARD]) == []


def test_make_finding_gives_a_finding_not_its_draft() -> None:
    fast = make_finding(Kind.EMAIL, 1, 5, "a@b.cn", 0.95, "x")
    assert type(fast) is Finding
    assert fast == Finding(Kind.EMAIL, 1, 5, "a@b.cn", 0.95, "x")


@pytest.mark.parametrize(
    "text",
    [
        "无全角字符的文本 13812345678",
        "全角号码：１３８１２３４５６７８，（编号）ＡＢＣ　结束",
        "１",  # one full-width character: a run of length one
        "ａ１ｂ　２",  # runs separated by nothing but other full-width forms
    ],
)
def test_normalize_folds_every_run_and_keeps_length(text: str) -> None:
    # Equal to folding every character one by one with the table.
    expected = "".join(ch.translate(_TABLE) for ch in text)
    assert normalize(text) == expected and len(normalize(text)) == len(text)


def test_email_after_long_runs_is_still_found() -> None:
    # The local part is read possessively: it never needs to give characters back to find "@".
    text = "编号 2023.05.01.12345 邮箱 zhang.san_01@example.com.cn 结束"
    (finding,) = [f for f in detect(text) if f.kind is Kind.EMAIL]
    assert finding.text == "zhang.san_01@example.com.cn"
    assert not [f for f in detect("编号 2023.05.01.12345.abc 结束") if f.kind is Kind.EMAIL]


# Pieces the joined expression reads at its shortest and around its edges (the shortest e-mail
# address, a plate with each dot, a landline in brackets, other scripts' digits) and what
# surrounds identifiers in documents (dates, amounts, masks, line ends, CJK text).
_PIECES = [
    "a@b.cn",
    "1@q.co",
    "x.y@z.org",
    "京A·12345",
    "粤B・D1234",
    "沪C•1234挂",
    "苏E 12345",
    "浙A12345学",
    "(010)12345678",
    "010-1234567",
    "0571 87654321转123",
    "+86 138 0013 8000",
    "008613800138000",
    "13800138000",
    "11010519491231002X",
    "11010519491231002x",
    "110105491231002",
    "6222021234567890128",
    "6222 0212 3456 7890 128",
    "91330100MA2B3C4D5E",
    "E12345678",
    "EA1234567",
    "C12345678",
    "H1234567890",
    "٣٤٥٦٧٨٩٠١٢٣٤٥٦٧٨٩",
    "2023.05.12",
    "2023-05",
    "3,000.50元",
    "110***1234",
    "第3条",
    "12",
    "@",
    ".",
    "·",
    "*",
    "\n",
    " ",
    "、",
    "，",
    "年",
    "挂",
    "A",
    "7",
]


def _joined_matches(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, int | None]]:
    return [(*m.span(), m.lastindex) for m in pattern.finditer(text)]


def test_five_more_characters_look_ahead_never_changes_a_match() -> None:
    """The shared look-ahead only turns away positions where no branch could match anyway."""
    guarded = DEFAULT_REGISTRY._scanner
    five_more = spell_out_digits(_FIVE_MORE)  # as the scanner writes it
    assert guarded is not None and five_more in guarded.pattern
    unguarded = re.compile(guarded.pattern.replace(five_more, ""))
    rng = random.Random(11643)
    texts = [doc.text for doc in generate(20231, 60)]
    texts += ["".join(rng.choices(_PIECES, k=rng.randint(1, 12))) for _ in range(4000)]
    # Every piece cut short at the end of a text: the look-ahead must not need more than is there.
    texts += [piece[:cut] for piece in _PIECES for cut in range(1, len(piece) + 1)]
    for text in texts:
        norm = normalize(text)
        assert _joined_matches(guarded, norm) == _joined_matches(unguarded, norm), text


def test_digits_written_as_ranges_are_every_decimal_digit() -> None:
    """The joined scan's first characters hold ``\\d`` as ranges: the same BMP characters, and
    every character beyond it (each branch's look-behind checks its first character again)."""
    ranges = re.compile(f"[{_DECIMAL_RANGES}]")
    category = re.compile(r"\d")
    for code in [*range(0xD800), *range(0xE000, 0x10000)]:
        assert bool(ranges.fullmatch(chr(code))) == bool(category.fullmatch(chr(code))), hex(code)
    assert ranges.fullmatch("\U0001d7ce") and ranges.fullmatch("\U0001f600")  # 𝟎 and an emoji


def test_digits_as_ranges_never_change_a_joined_match() -> None:
    """The joined scan with its first class written with ``\\d`` and with ranges finds the same,
    in text with digits of other scripts, beyond the BMP and emoji."""
    scanner = DEFAULT_REGISTRY._scanner
    assert scanner is not None and _DECIMAL_RANGES in scanner.pattern
    with_category = re.compile(scanner.pattern.replace(_DECIMAL_RANGES, r"\d", 1))
    assert with_category.pattern != scanner.pattern
    rng = random.Random(2260)
    others = ["\u0663\u0661\u0660\u0661", "\U0001d7cf\U0001d7d0" * 5, "\U0001f600", "\u0967" * 18, "𝟏" * 11]
    texts = [doc.text for doc in generate(20231, 60)]
    texts += ["".join(rng.choices([*_PIECES, *others], k=rng.randint(1, 12))) for _ in range(3000)]
    for text in texts:
        norm = normalize(text)
        assert _joined_matches(scanner, norm) == _joined_matches(with_category, norm), text


def test_literal_alternation_matches_as_the_flat_alternation() -> None:
    """The trie of cue words finds what the flat alternation in the same order finds, including
    where a longer word fails later and a shorter one of the same prefix must be tried."""
    from gongkai.sensitive.recognizers.base import literal_alternation

    items = [("申请人", ""), ("申请", ""), ("申报人", r"[：:]"), ("联系人", "")]
    items += [("联系", r"(?:[：:]|\t)"), ("户主", "")]
    tail = r"(?=[王李])"
    flat = re.compile("(?:" + "|".join(w + s for w, s in items) + ")" + tail)
    trie = re.compile("(?:" + literal_alternation(items) + ")" + tail)
    assert trie.pattern != flat.pattern  # grouped: 申(?:…)
    rng = random.Random(7)
    pieces = ["申请人", "申请", "申报人：", "申报人", "联系：", "联系\t", "联系人", "户主"]
    pieces += ["王", "李", "，", "请"]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(8))
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)], text


def test_cell_name_with_the_surname_class_first_accepts_the_same_cells() -> None:
    # CELL_NAME is only matched whole: the order of its surname alternatives cannot change an answer.
    compound = "|".join(sorted(lexicon.COMPOUND_SURNAMES, key=len, reverse=True))
    compound_first = re.compile(
        rf"(?:{compound}|[{lexicon.SINGLE_SURNAMES}于])(?:[\u4e00-\u9fff]{{1,2}}| {{1,2}}[\u4e00-\u9fff])"
    )
    rng = random.Random(14)
    chars = [*lexicon.SINGLE_SURNAMES[:40], "于", " ", "华", "明", *"".join(lexicon.COMPOUND_SURNAMES)]
    for _ in range(50_000):
        cell = "".join(rng.choices(chars, k=rng.randint(1, 6)))
        assert (CELL_NAME.fullmatch(cell) is None) == (compound_first.fullmatch(cell) is None), cell
    for cell in ("欧阳 娜", "司马瑞", "王 伟", "于思琪"):
        assert CELL_NAME.fullmatch(cell), cell


def test_name_runs_with_the_surname_class_first_give_the_same_names() -> None:
    # The run after a cue starts where it did with the compound surnames first, and the name read
    # from it (its first five characters at most) is the same.
    from gongkai.sensitive.recognizers import names

    compound = "|".join(sorted(lexicon.COMPOUND_SURNAMES, key=len, reverse=True))
    compound_first = rf"(?:{compound}|[{lexicon.SINGLE_SURNAMES}于])"
    assert compound_first != names._SURNAME_OR_YU
    recognizer = names.PersonNameRecognizer()
    old = re.compile(recognizer.pattern.pattern.replace(names._SURNAME_OR_YU, compound_first))
    rng = random.Random(14)
    chars = [*"申请人联系：、 于王欧阳司马上官娜华明（）", *"".join(lexicon.COMPOUND_SURNAMES[:10])]
    texts = [normalize(d.text) for d in generate(20231, 60)]
    texts += ["".join(rng.choices(chars, k=40)) for _ in range(2000)]
    for text in texts:
        new_runs = [
            (m.span(), m.start("run"), recognizer._name_length(m["run"]))
            for m in recognizer.pattern.finditer(text)
        ]
        old_runs = [(m.span(), m.start("run"), recognizer._name_length(m["run"])) for m in old.finditer(text)]
        assert new_runs == old_runs, text


@pytest.mark.parametrize("row", ["1\t 龚超 \t男", "序号 | 姓名 | 性别", "|| 王伟|", "a\tb\t  c"])
def test_cell_start_without_listed_separators_counts_one_character_each(row: str) -> None:
    sep = "\t" if "\t" in row else "|"
    cells, seps = row_cells(row, sep)
    for column in range(len(cells)):
        assert cell_start(cells, None, column) == cell_start(cells, seps, column)
        assert row[cell_start(cells, None, column) :].startswith(cells[column].lstrip(" "))


def test_minority_names_read_from_the_names_scan_are_those_of_a_scan_of_their_own() -> None:
    from gongkai.sensitive.annotated_corpus_d import annotated_cases_d
    from gongkai.sensitive.recognizers import minority_names, name_scan

    rng = random.Random(14)
    pieces = [*minority_names.ELEMENTS[::7], "图", "、", "：", "人", "于", "，", "张", "报", "区长"]
    texts = [normalize(c.document.text) for c in annotated_cases_d()]
    texts += [normalize(d.text) for d in generate(20231, 40)]
    texts += ["".join(rng.choices(pieces, k=30)) for _ in range(1000)]
    texts += ["申请人索朗次仁、格桑卓玛，巴图乌力吉等", "沙马阿依：其其格、朝鲁门"]
    shared = 0
    for text in texts:
        own = [m.span() for m in minority_names._NAME.finditer(text)]
        name_scan.scan(text)  # leaves its spans for this very text
        assert list(minority_names._matches(text)) == own, text
        shared += bool(own)
        # Another string of the same characters is scanned anew: the spans are kept for one text.
        assert list(minority_names._matches("".join(list(text)))) == own
    assert shared > 500  # most random texts hold elements, many overlapping


def test_after_unit_is_tried_only_where_it_can_start() -> None:
    """``_after_units`` matches ``_after_unit`` only where the next character is one of
    ``_AFTER_UNIT_FIRSTS``: nowhere else (any character, then a name and a separator) does it match."""
    from gongkai.sensitive.recognizers.names import _AFTER_UNIT_FIRSTS, PersonNameRecognizer

    after_unit = PersonNameRecognizer._after_unit
    rng = random.Random(14)
    tails = ["张三、", "欧阳明，", "长刘亮红；", "副镇长刘亮红，", "：常红梅0379-6392", "局长张三。"]
    checked = 0
    for code in range(0x20, 0xA000):
        char = chr(code)
        for tail in (*tails, rng.choice(tails)):
            if after_unit.match(char + tail) is not None:
                checked += 1
                assert char in _AFTER_UNIT_FIRSTS, char
    assert checked > 400
    for document in generate(20231, 60):
        norm = normalize(document.text)
        for end in range(len(norm) + 1):
            if after_unit.match(norm, end) is not None:
                assert norm[end : end + 1] in _AFTER_UNIT_FIRSTS


def test_a_name_found_once_and_mentioned_again_is_found_again() -> None:
    """``_repeats`` skips a name mentioned only where it was found, and only such a name."""
    from gongkai.sensitive.recognizers.names import PersonNameRecognizer

    text = "申请人：张伟华\n经核实，材料属实。其中张伟华的家庭住址不予公开。"
    norm = normalize(text)
    spans = {(f.start, f.end) for f in PersonNameRecognizer().analyze(text, norm)}
    first = text.index("张伟华")
    again = text.index("张伟华", first + 1)
    assert {(first, first + 3), (again, again + 3)} <= spans
    once = "申请人：张伟华\n经核实，材料属实。"
    assert {(f.start, f.end) for f in PersonNameRecognizer().analyze(once, normalize(once))} == {(4, 7)}


def test_the_names_scan_hands_its_minority_spans_over_once_and_lets_go_of_the_text() -> None:
    from gongkai.sensitive.recognizers import minority_names, name_scan

    text = normalize("申请人索朗次仁、格桑卓玛到场。" * 50)
    name_scan.scan(text)
    assert minority_names._SCANNED[0] is text  # the names' scan left its spans for this text
    spans = list(minority_names._matches(text))
    assert spans == [m.span() for m in minority_names._NAME.finditer(text)]
    assert minority_names._SCANNED[0] is None  # read once, the document is not held on to

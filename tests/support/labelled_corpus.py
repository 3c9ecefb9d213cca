"""Well-formedness checks shared by the tests of the labelled corpora (held-out and annotated).

A corpus here is a list of cases with ``.document`` (a LabelledDocument) and ``.decoys`` (spans with
``what``, ``start``, ``end``, ``text``). The checks say nothing about the detector's quality.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Protocol, TypeVar

import pytest

from gongkai.sensitive import Kind
from gongkai.sensitive.holdout_corpus import id18_check, luhn_ok, uscc_check
from gongkai.sensitive.labelled import LabelledDocument
from testsupport import assert_exact_spans

_TO_ASCII = str.maketrans("０１２３４５６７８９Ｘ", "0123456789X")

# GB/T 2260 province-level codes: the first two digits of every real region code.
PROVINCE_CODES = frozenset({
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
    "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
})


class Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...


class Case(Protocol):
    @property
    def document(self) -> LabelledDocument: ...
    @property
    def decoys(self) -> Sequence[Span]: ...


C = TypeVar("C", bound=Case)


def corpus_fixture(load: Callable[[], Sequence[C]]) -> Callable[[], Sequence[C]]:
    """A module-scoped fixture of a corpus's cases (it is built once per test module), registered
    under the name the test module assigns it to (``cases = corpus_fixture(holdout_cases)``)."""
    # A lambda, not ``load`` itself: pytest would read load's parameters (seed ...) as fixtures.
    return pytest.fixture(scope="module")(lambda: load())


def assert_spans_exact(cases: Sequence[Case]) -> None:
    """Every entity and decoy is the slice it claims, without outer spaces, and none overlap."""
    for case in cases:
        assert_exact_spans(case.document.text, [*case.document.entities, *case.decoys])


def assert_id_numbers_valid(cases: Sequence[Case]) -> Counter[int]:
    """18-digit numbers carry their GB 11643 check character, 15-digit ones a province code and a
    real birth date; every birth date is a real day. Returns the count of each length."""
    lengths: Counter[int] = Counter()
    for case in cases:
        for e in case.document.entities:
            if e.kind is not Kind.ID_CARD:
                continue
            raw = e.text.translate(_TO_ASCII).replace(" ", "").upper()
            lengths[len(raw)] += 1
            if len(raw) == 18:
                assert id18_check(raw[:17]) == raw[17], e.text
                birth = raw[6:14]
            else:
                assert len(raw) == 15 and raw.isdigit(), e.text
                birth = "19" + raw[6:12]
            assert raw[:2] in PROVINCE_CODES, e.text
            born = datetime.date(int(birth[:4]), int(birth[4:6]), int(birth[6:]))  # raises if not a day
            assert datetime.date(1900, 1, 1) < born < datetime.date(2020, 1, 1), e.text
    return lengths


def assert_check_characters(cases: Sequence[Case]) -> None:
    """Bank cards pass Luhn (16 or 19 digits); credit codes carry their GB 32100 check character."""
    for case in cases:
        for e in case.document.entities:
            if e.kind is Kind.BANK_CARD:
                digits = e.text.replace(" ", "")
                assert digits.isdigit() and len(digits) in (16, 19) and luhn_ok(digits), e.text
            elif e.kind is Kind.USCC:
                assert len(e.text) == 18 and uscc_check(e.text[:17]) == e.text[17], e.text


def assert_formats(cases: Sequence[Case], patterns: Mapping[Kind, str]) -> None:
    """Every entity of a kind in ``patterns`` matches that kind's regular expression in full."""
    for case in cases:
        for e in case.document.entities:
            if e.kind in patterns:
                assert re.fullmatch(patterns[e.kind], e.text), (e.kind, e.text)


def assert_annotated_formats(cases: Sequence[Case]) -> None:
    """The kinds without a check character have their forms (both volumes of the annotated corpus):
    e-mail, passport, plate, landline, and mobiles of 11 digits after an optional +86."""
    digits = "0-9０-９"
    patterns = {
        Kind.EMAIL: r"[\w.]+@[a-z0-9-]+(\.[a-z]+)+",
        # Chinese ordinary (E/EA../G), official (SE), 港澳/台湾通行证 (C.., H, M, L., T), 台胞证 (8 digits),
        # and foreign passports (a letter or two and digits, or nine digits).
        Kind.PASSPORT: r"([A-Z]{1,2}\d{7,8})|\d{8,9}",
        Kind.LICENSE_PLATE: r"[\u4e00-\u9fff][A-HJ-NP-Z][· ]?[0-9A-HJ-NP-Z]{5,6}",
        Kind.MOBILE_PHONE: rf"(\+86 |\(\+86\) )?[1１][3-9３-９][{digits} -]{{9,11}}",
        Kind.LANDLINE_PHONE: rf"[{digits}（）()+\- —－转]{{7,22}}",
    }
    assert_formats(cases, patterns)
    mobiles = [e.text for case in cases for e in case.document.entities if e.kind is Kind.MOBILE_PHONE]
    for mobile in mobiles:
        national = mobile.removeprefix("+86").removeprefix("(+86)")
        assert len(re.sub(rf"[^{digits}]", "", national)) == 11, mobile


def assert_no_annotation_left(cases: Sequence[Case]) -> None:
    """No ``|``, no unfilled ``?`` check character and no ``〔标签|`` opening is left in a document's text.
    The one ``|`` allowed is a Markdown table's cell separator (volume D): in a line that starts and
    ends with ``|``, where no ``〔`` may be followed by a ``|`` before its ``〕``."""
    for case in cases:
        text = case.document.text
        assert "?" not in text, text[:80]
        assert not re.search(r"〔[^〔〕]{1,6}\|", text)
        for line in text.split("\n"):
            if len(line) > 1 and line.startswith("|") and line.endswith("|"):
                assert not re.search(r"〔[^〔〕]*\|", line), line
            else:
                assert "|" not in line, line


def assert_names_unmasked(cases: Sequence[Case]) -> None:
    """A labelled name is never a masked one (张某, 李**): those are decoys."""
    for case in cases:
        for e in case.document.entities:
            if e.kind is Kind.PERSON_NAME:
                assert "某" not in e.text and "*" not in e.text, e.text

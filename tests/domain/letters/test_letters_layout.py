"""The letter's page layout, read back from the PDF (issue 17, point 16): the 落款 is never alone
on a page, the 附件说明 is there whenever there are attachments, and line breaks follow the Chinese
rules (no line starts with closing punctuation, none ends with opening punctuation).

Lines are read back with pdfplumber (text with positions); ``bench/bench_letter_pages.py`` renders
the same letters to PNG for looking at them."""

from __future__ import annotations

import io
from dataclasses import dataclass
from itertools import pairwise

import pdfplumber
import pytest
from docx import Document
from docx.shared import Pt
from letter_facts import complete_facts

from gongkai.letters import LetterKind, compose, letter_text, render_docx, render_pdf
from gongkai.letters.model import Letter
from gongkai.report.render.fonts import cjk_font_available
from gongkai.report.render.linebreak import CANNOT_END, CANNOT_START
from testsupport import require

NO_FONT = "no embeddable CJK TrueType font (apt-get install fonts-wqy-zenhei)"
ATTACHMENTS = ("2025年度县级科技计划项目资金分配明细表", "平阳县科技计划项目管理办法（2024年修订）。")


@dataclass(frozen=True)
class Line:
    page: int
    top: float
    x0: float
    text: str
    #: Where each character starts.
    xs: tuple[float, ...]


def pdf_lines(data: bytes) -> list[Line]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [
            Line(
                number,
                line["top"],
                line["x0"],
                "".join(c["text"] for c in line["chars"] if c["text"] != " "),
                tuple(c["x0"] for c in line["chars"] if c["text"] != " "),
            )
            for number, page in enumerate(pdf.pages, start=1)
            for line in page.extract_text_lines()
        ]


def letters(count: int, attachments: tuple[str, ...] = ()) -> list[Letter]:
    """The same letter with a request description about one line longer each time, so that the
    end of the body passes line by line through the bottom of page 1 (where the 落款 fell alone)."""
    made = []
    for n in range(count):
        request = "2025年度县级科技计划项目资金分配明细表" + "，以及相关项目的立项批复、资金拨付凭证" * n
        facts = complete_facts(LetterKind.PARTIAL, request_description=request, attachments=attachments)
        made.append(compose(LetterKind.PARTIAL, facts))
    return made


def check_signature_kept_with_body(letter: Letter, lines: list[Line]) -> bool:
    """The 落款 on the page of the body's last two lines; True if it is not on page 1."""
    sign = max(i for i, line in enumerate(lines) if line.text == letter.signature)
    date_line = lines[sign + 1]
    assert date_line.text == letter.date.replace(" ", "")
    attachment_count = len(letter.attachment_lines)
    body_end = sign - attachment_count  # lines[body_end - 1] is the body's last line
    if attachment_count:
        assert lines[body_end].text.startswith("附件：")
    assert {lines[body_end - 2].page, lines[body_end - 1].page, lines[sign].page, date_line.page} == {
        date_line.page
    }, [(line.page, line.text) for line in lines[body_end - 2 : sign + 2]]
    return date_line.page > 1


@pytest.mark.parametrize("attachments", [(), ATTACHMENTS])
def test_the_signature_is_never_alone_on_a_page(attachments: tuple[str, ...]) -> None:
    require(cjk_font_available(), NO_FONT)
    on_page_two = 0
    for letter in letters(24, attachments):
        on_page_two += check_signature_kept_with_body(letter, pdf_lines(render_pdf(letter)))
    assert on_page_two  # the page break really fell near the end of the body


def test_no_line_starts_with_closing_or_ends_with_opening_punctuation() -> None:
    require(cjk_font_available(), NO_FONT)
    checked = 0
    for kind in LetterKind:
        for letter in [
            compose(kind, complete_facts(kind)),
            *(letters(12) if kind is LetterKind.PARTIAL else []),
        ]:
            for line in pdf_lines(render_pdf(letter)):
                assert line.text[0] not in CANNOT_START, line
                assert line.text[-1] not in CANNOT_END, line
                checked += 1
    assert checked > 500


def test_the_attachment_lines_follow_gbt_9704() -> None:
    letter = compose(LetterKind.GRANTED, complete_facts(LetterKind.GRANTED, attachments=ATTACHMENTS))
    assert letter.attachment_lines == (
        "附件：1. 2025年度县级科技计划项目资金分配明细表",
        "2. 平阳县科技计划项目管理办法（2024年修订）",  # no punctuation after a name
    )
    one = compose(LetterKind.GRANTED, complete_facts(LetterKind.GRANTED, attachments=ATTACHMENTS[:1]))
    assert one.attachment_lines == ("附件：2025年度县级科技计划项目资金分配明细表",)
    assert compose(LetterKind.GRANTED, complete_facts(LetterKind.GRANTED)).attachment_lines == ()
    text = letter_text(letter).splitlines()
    assert text[-4:] == [*letter.attachment_lines, letter.signature, letter.date]


def test_pdf_attachment_lines_sit_under_the_body_with_names_aligned() -> None:
    require(cjk_font_available(), NO_FONT)
    long_name = "平阳县科学技术局关于2025年度县级科技计划项目资金分配及使用情况的说明材料汇编"
    facts = complete_facts(LetterKind.GRANTED, attachments=(ATTACHMENTS[0], long_name))
    letter = compose(LetterKind.GRANTED, facts)
    lines = pdf_lines(render_pdf(letter))
    first = next(i for i, line in enumerate(lines) if line.text.startswith("附件：1."))
    body_x = min(line.x0 for line in lines[first - 3 : first])  # body lines start at the margin
    one, two, wrapped = lines[first], lines[first + 1], lines[first + 2]
    assert one.x0 == pytest.approx(body_x + 32, abs=1)  # 左空二字 (三号 = 16 pt)
    assert two.text.startswith("2.") and two.x0 == pytest.approx(one.x0 + 48, abs=1)  # under "1."
    name_x = one.xs[one.text.index("2025")]
    assert two.xs[two.text.index("平")] == pytest.approx(name_x, abs=1)
    # a long name wraps under its own first character
    assert wrapped.top > two.top and long_name.endswith(wrapped.text)
    assert wrapped.x0 == pytest.approx(name_x, abs=1)
    assert lines[first + 3].text == letter.signature


def test_docx_keeps_the_signature_with_the_body_and_carries_the_attachments() -> None:
    letter = compose(LetterKind.GRANTED, complete_facts(LetterKind.GRANTED, attachments=ATTACHMENTS))
    doc = Document(io.BytesIO(render_docx(letter)))
    paragraphs = [p for p in doc.paragraphs]
    texts = [p.text for p in paragraphs]
    last_body = texts.index(letter.paragraphs[-1].text)
    sign = texts.index(letter.signature)
    assert texts[last_body + 2 : last_body + 4] == list(letter.attachment_lines)
    for p in paragraphs[last_body:sign]:
        assert p.paragraph_format.keep_with_next, p.text
    assert paragraphs[last_body].paragraph_format.widow_control
    first, second = (paragraphs[last_body + n].paragraph_format for n in (2, 3))
    # name after 左空二字 (32 pt), "附件：" (48 pt) and "1. " (three half-width characters, 24 pt)
    assert first.left_indent == second.left_indent == Pt(32 + 48 + 24)
    assert first.first_line_indent == Pt(-(48 + 24)) and second.first_line_indent == Pt(-24)


def test_body_lines_are_justified_to_the_right_margin() -> None:
    """两端对齐: every full line of the body ends at the text block's right edge (reportlab alone
    justifies by widening spaces, which Chinese text has none of)."""
    require(cjk_font_available(), NO_FONT)
    letter = letters(3)[2]
    with pdfplumber.open(io.BytesIO(render_pdf(letter))) as pdf:
        page = pdf.pages[0]
        lines = page.extract_text_lines()
        right_edge = page.width - 26 * 72 / 25.4 - 6  # right margin 26 mm, frame padding 6 pt
    margin = min(line["x0"] for line in lines)
    # A line is full when the next one continues its paragraph (starts at the margin, no indent).
    ends = [
        line["x1"]
        for line, following in pairwise(lines)
        if line["x0"] < margin + 40 and abs(following["x0"] - margin) < 1
    ]
    assert len(ends) >= 8
    assert all(abs(end - right_edge) < 1.5 for end in ends), [round(e, 1) for e in ends]

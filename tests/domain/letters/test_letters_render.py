"""DOCX opens with python-docx and holds the letter's text and layout; PDF text reads back."""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from letter_facts import complete_facts, pdf_text

from gongkai.letters import LetterKind, compose, letter_text, render_docx, render_pdf
from gongkai.report.render.fonts import BODY_FONT, TITLE_FONT, cjk_font_available
from testsupport import require


@pytest.mark.parametrize("kind", list(LetterKind))
def test_docx_contains_the_letter(kind: LetterKind) -> None:
    letter = compose(kind, complete_facts(kind))
    doc = Document(io.BytesIO(render_docx(letter)))
    lines = [p.text for p in doc.paragraphs if p.text]
    assert lines == letter_text(letter).splitlines()


def test_docx_layout_follows_gbt_9704() -> None:
    letter = compose(LetterKind.DENY_SECRET, complete_facts(LetterKind.DENY_SECRET))
    doc = Document(io.BytesIO(render_docx(letter)))
    by_text = {p.text: p for p in doc.paragraphs if p.text}
    title = by_text[letter.title]
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert title.runs[0].font.name == TITLE_FONT and title.runs[0].font.size == Pt(22)
    number = by_text[letter.document_number]
    assert number.alignment == WD_ALIGN_PARAGRAPH.CENTER and number.runs[0].font.size == Pt(16)
    body = by_text[letter.paragraphs[0].text]
    assert body.runs[0].font.name == BODY_FONT and body.paragraph_format.first_line_indent == Pt(32)
    for line in (letter.signature, letter.date):
        assert by_text[line].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    # 文号 comes right under the title.
    order = [p.text for p in doc.paragraphs if p.text]
    assert order.index(letter.document_number) == order.index(letter.title) + 1


@pytest.mark.parametrize(
    "kind", [LetterKind.PARTIAL, LetterKind.GRANTED, LetterKind.FEE_NOTICE, LetterKind.RECEIPT]
)
def test_pdf_text_reads_back(kind: LetterKind) -> None:
    require(cjk_font_available(), "no embeddable CJK TrueType font (apt-get install fonts-wqy-zenhei)")
    letter = compose(kind, complete_facts(kind))
    data = render_pdf(letter)
    assert data.startswith(b"%PDF")
    text = "".join(pdf_text(data).split())
    for phrase in (letter.title, "张三丰", "平阳县科学技术局", "2026年8月3日"):
        assert phrase in text
    if kind.outcome is not None:
        assert "60日" in text and "平阳县人民政府" in text


def test_pdf_escapes_markup_in_values() -> None:
    require(cjk_font_available(), "no embeddable CJK TrueType font (apt-get install fonts-wqy-zenhei)")
    facts = complete_facts(LetterKind.RECEIPT, request_description="<b>A&B</b> 资金表")
    text = pdf_text(render_pdf(compose(LetterKind.RECEIPT, facts)))
    assert "<b>A&B</b>" in text


def test_a_docx_holds_its_own_letter_only_though_the_template_is_parsed_once() -> None:
    import zipfile

    from gongkai.letters import render

    def parts(data: bytes) -> dict[str, bytes]:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return {name: z.read(name) for name in z.namelist()}

    first = compose(LetterKind.DENY_SECRET, complete_facts(LetterKind.DENY_SECRET))
    second = compose(LetterKind.GRANTED, complete_facts(LetterKind.GRANTED))
    render._blank_docx.cache_clear()
    alone = parts(render_docx(second))
    render_docx(first)
    assert parts(render_docx(second)) == alone


def test_a_docx_is_byte_for_byte_what_python_docx_saves_though_its_fixed_parts_are_kept_compressed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import time

    from gongkai.letters import render

    monkeypatch.setattr(time, "time", lambda: 1_796_000_000.0)  # the zip members' timestamps
    render._blank_docx.cache_clear()
    kinds = list(LetterKind)
    for kind in [*kinds, *reversed(kinds)]:  # each kind after a longer and after a shorter letter
        letter = compose(kind, complete_facts(kind))
        fresh = Document()
        render._render_docx_into(fresh, letter)
        saved = io.BytesIO()
        fresh.save(saved)
        assert render_docx(letter) == saved.getvalue(), kind
    assert render._blank_docx().frozen is not None  # the kept parts were used, not a fresh save

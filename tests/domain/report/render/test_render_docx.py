"""DOCX: read back with python-docx -- text, gridSpan/vMerge merges, every figure, page and fonts."""

from __future__ import annotations

import io

import docx
import pytest
from docx.oxml.ns import qn
from render_readback import rendered_sample


def _document() -> docx.document.Document:
    return docx.Document(io.BytesIO(rendered_sample("docx")))


def test_official_merges_are_word_merges() -> None:
    table3 = _document().tables[1]._tbl
    first_row = table3.tr_lst[0].tc_lst
    # The 3x3 corner: gridSpan 3 starting a vertical merge, continued on the next two rows.
    assert (first_row[0].grid_span, first_row[0].vMerge) == (3, "restart")
    assert [table3.tr_lst[r].tc_lst[0].vMerge for r in (1, 2)] == ["continue", "continue"]
    assert first_row[1].grid_span == 7  # 申请人情况
    # 三、本年度办理结果: a restart in row 5 and 21 continuations below it.
    column0 = [tr.tc_lst[0].vMerge for tr in table3.tr_lst[5:27]]
    assert column0 == ["restart"] + ["continue"] * 21


def test_page_is_a4_with_gbt9704_margins_and_page_numbers() -> None:
    document = _document()
    section = document.sections[0]
    # Word stores twentieths of a point, so compare in whole millimetres.
    size = (section.page_width, section.page_height)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(v.mm) for v in size] == [210, 297]
    assert [round(v.mm) for v in margins] == [37, 35, 28, 26]
    footer_xml = section.footer._element.xml
    assert 'w:instr="PAGE"' in footer_xml


@pytest.mark.parametrize(
    ("style", "east_asian_font", "size_pt"),
    [
        ("Normal", "仿宋_GB2312", 16),  # body: 3号仿宋
        ("Heading 1", "黑体", 16),  # headings: 3号黑体
        ("Gongkai Title", "方正小标宋简体", 22),  # title: 2号小标宋
    ],
)
def test_fonts_name_east_asian_faces(style: str, east_asian_font: str, size_pt: int) -> None:
    document = _document()
    element = document.styles[style].element
    rfonts = element.rPr.rFonts
    assert rfonts.get(qn("w:eastAsia")) == east_asian_font
    assert rfonts.get(qn("w:eastAsiaTheme")) is None  # a theme font would override the name
    assert document.styles[style].font.size.pt == size_pt


def test_title_and_headings_use_their_styles() -> None:
    paragraphs = _document().paragraphs
    assert paragraphs[0].style.name == "Gongkai Title"
    assert paragraphs[0].text.endswith("年度政府信息公开工作年度报告")
    headings = [p.text for p in paragraphs if p.style.name == "Heading 1"]
    assert [h[:2] for h in headings] == ["一、", "二、", "三、", "四、", "五、", "六、"]


def test_table3_header_rows_repeat_on_each_page() -> None:
    table3 = _document().tables[1]._tbl
    repeated = [tr.trPr is not None and tr.trPr.find(qn("w:tblHeader")) is not None for tr in table3.tr_lst]
    assert repeated[:4] == [True, True, True, False]


def test_a_report_is_byte_for_byte_its_own_document_saved_though_the_template_is_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import time

    from render_readback import sample_reports

    from gongkai.report.render import docx as docx_render

    monkeypatch.setattr(time, "time", lambda: 1_796_000_000.0)  # the zip members' timestamps
    docx_render._styled_template.cache_clear()
    reports = sample_reports()  # two templates, different agencies and titles, missing cells
    for name, report in [*reports, *reversed(reports)]:
        saved = io.BytesIO()
        docx_render.build_docx(report).save(saved)
        assert docx_render.render_docx(report) == saved.getvalue(), name
    assert docx_render._styled_template().frozen is not None  # the kept parts were used

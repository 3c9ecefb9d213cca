"""HTML: parsed back with lxml -- semantic table markup, rowspan/colspan, figures, phone and print CSS."""

from __future__ import annotations

from dataclasses import replace

from lxml import html as lxml_html
from render_readback import SAMPLE

from gongkai.report.model import AnnualReport, Section
from gongkai.report.render import render
from gongkai.report.render.layout import document_layout


def _page(report: AnnualReport = SAMPLE) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(render(report, "html"))


def test_each_figure_cell_names_its_report_cell() -> None:
    page = _page()
    for grid, table in zip(document_layout(SAMPLE).tables(), page.iter("table"), strict=True):
        for cell in grid.value_cells():
            (td,) = table.xpath(f'.//td[@data-cell="{cell.path}"]')
            assert td.text_content() == cell.text, cell.path


def test_semantic_table_markup() -> None:
    table3 = list(_page().iter("table"))[1]
    assert table3.findtext("caption") == "三、收到和处理政府信息公开申请情况"
    head_rows = table3.findall("thead/tr")
    assert len(head_rows) == 3
    assert [(th.text, th.get("scope"), th.get("colspan")) for th in head_rows[0].findall("th")] == [
        ("申请人情况", "colgroup", "7")
    ]
    assert next((th.text, th.get("scope"), th.get("rowspan")) for th in head_rows[1].findall("th")) == (
        "自然人",
        "col",
        "2",
    )
    outcome = table3.xpath('.//th[text()="三、本年度办理结果"]')[0]
    assert (outcome.get("scope"), outcome.get("rowspan")) == ("rowgroup", "22")
    assert outcome.get("class") == "vertical"  # printed down its narrow merged column
    new_row = table3.xpath('.//th[text()="一、本年新收政府信息公开申请数量"]')[0]
    assert (new_row.get("scope"), new_row.get("colspan")) == ("row", "3")


def test_self_contained_page_for_phones_and_print() -> None:
    page = _page()
    assert page.get("lang") == "zh-CN"
    assert page.xpath('//meta[@name="viewport"]/@content') == ["width=device-width, initial-scale=1"]
    assert page.xpath("//link | //script | //img") == []  # nothing fetched from elsewhere
    css = page.findtext(".//style")
    assert "@media print" in css
    assert "size: A4" in css
    assert "overflow-x: auto" in css
    assert all(t.getparent().get("class") == "table-wrap" for t in page.iter("table"))


def test_all_text_is_escaped() -> None:
    hostile = "<script>alert(1)</script>&amp;"
    report = replace(SAMPLE, agency=hostile, sections=(Section("一", "总体情况", f"正文{hostile}"),))
    raw = render(report, "html").decode("utf-8")
    assert "<script>" not in raw
    page = lxml_html.fromstring(raw)
    assert page.findtext(".//h1").startswith(hostile)
    assert page.xpath("//p")[0].text_content() == f"正文{hostile}"

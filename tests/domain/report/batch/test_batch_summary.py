"""The XLSX and HTML summaries, read back with openpyxl and lxml."""

from __future__ import annotations

from pathlib import Path

import pytest
from batch_reports import make_mixed_folder
from lxml import html as lxml_html
from openpyxl import load_workbook

from gongkai.errors import GongkaiError
from gongkai.report.batch import BatchResult, FailureKind, FileResult, FindingRow, SourceText, check_paths
from gongkai.report.rules import Finding, Severity
from gongkai.report.summary import FINDING_HEADERS, REPORT_HEADERS, write_html, write_xlsx

mixed_folder_fixture = pytest.fixture(name="mixed_folder")(make_mixed_folder)


@pytest.fixture
def batch(mixed_folder: Path) -> BatchResult:
    return check_paths([mixed_folder], expected=["示例市教育局", "示例市财政局"], workers=2, progress=False)


def _rows(sheet: object) -> list[tuple[object, ...]]:
    return [tuple("" if v is None else v for v in row) for row in sheet.iter_rows(values_only=True)]  # type: ignore[attr-defined]


def test_xlsx_has_a_row_per_report_each_finding_and_the_missing(batch: BatchResult, tmp_path: Path) -> None:
    out = tmp_path / "summary.xlsx"
    write_xlsx(batch, out)
    book = load_workbook(out)
    assert book.sheetnames == ["报告一览", "问题明细", "未上报"]

    reports = _rows(book["报告一览"])
    assert reports[0] == REPORT_HEADERS
    assert len(reports) == 1 + len(batch.files)
    by_file = {Path(str(r[1])).name + str(Path(str(r[1])).parent.name): r for r in reports[1:]}
    wrong = by_file["2023.jsonb"]
    assert wrong[2:5] == ("示例市教育局", 2023, "2021版")
    assert wrong[5] >= 1 and wrong[7] == "有错误"  # type: ignore[operator]
    empty = by_file["empty.txtbroken"]
    assert empty[5:8] == ("", "", "无法读取") and empty[8]  # counts blank, the reason given

    findings = _rows(book["问题明细"])
    assert findings[0] == FINDING_HEADERS
    cell_rows = [r for r in findings[1:] if "table3.new.natural" in str(r[7]).split(", ")]
    assert cell_rows, "the wrong cell's finding is listed"
    row = cell_rows[0]
    assert row[5] == "错误"
    assert "表三“一、本年新收政府信息公开申请数量”行“自然人”列" in str(row[6]).split("；")
    assert "“9 99”" in str(row[11]) and "第2页 第14行" in str(row[11])  # the raw text it was read from
    assert sum(1 for r in findings[1:]) == sum(len(f.findings) for f in batch.files)

    assert _rows(book["未上报"]) == [
        ("年度", "未上报单位"),
        (2022, "示例市教育局"),
        (2022, "示例市财政局"),
        (2023, "示例市财政局"),
    ]


def test_html_is_one_self_contained_page_with_the_same_content(batch: BatchResult, tmp_path: Path) -> None:
    out = tmp_path / "summary.html"
    write_html(batch, out)
    doc = lxml_html.parse(str(out)).getroot()
    assert doc.get("lang") == "zh-CN"
    # Self-contained: no external scripts, styles or images.
    assert not doc.xpath("//script | //link | //img | //iframe")
    overview = doc.xpath("//table")[0]
    headers = [th.text_content() for th in overview.xpath(".//thead//th")]
    assert tuple(headers) == REPORT_HEADERS
    body_rows = overview.xpath(".//tbody/tr")
    assert len(body_rows) == len(batch.files)
    statuses = sorted(tr.xpath("./td")[7].text_content() for tr in body_rows)
    assert statuses.count("无法读取") == 4 and statuses.count("有错误") == 1
    # The findings of the wrong report, with the cell's name and raw text.
    details = doc.xpath("//h2[@id='findings']")[0]
    assert details is not None
    text = doc.text_content()
    assert "表三“一、本年新收政府信息公开申请数量”行“自然人”列" in text
    assert "9 99" in text and "第2页 第14行" in text
    # Notes (提示) are folded away under <details>; errors and warnings are not.
    assert doc.xpath("//details//td[@class='sev-info']")
    assert not doc.xpath("//details//td[@class='sev-error' or @class='sev-warning']")
    assert doc.xpath("//td[@class='sev-error']")
    # 未上报, per year.
    missing = [li.text_content() for li in doc.xpath("//h2[@id='missing']/following-sibling::ul[1]/li")]
    assert missing == ["示例市教育局", "示例市财政局"]  # 2022 comes first
    assert "2022年度（2 家）" in text and "2023年度（1 家）" in text
    # Broken files may hide an agency that did report: the page says so.
    assert "另有 4 个文件无法读取" in text


def test_text_is_escaped_and_control_characters_dropped(tmp_path: Path) -> None:
    nasty = "<script>alert(1)</script>\x07"
    finding = FindingRow(
        Finding("T3-BALANCE", Severity.ERROR, ("table3.new.total",), nasty, 1, 2, excerpt=nasty),
        sources=(SourceText("table3.new.total", nasty),),
    )
    result = BatchResult(
        files=(
            FileResult("a<b>.txt", nasty, 2023, "2021", (finding,)),
            FileResult("c.pdf", failure=FailureKind.UNREADABLE, error=nasty),
        )
    )
    write_html(result, tmp_path / "s.html")
    doc = lxml_html.parse(str(tmp_path / "s.html")).getroot()
    assert not doc.xpath("//script")
    assert "<script>alert(1)</script>" in doc.text_content()
    write_xlsx(result, tmp_path / "s.xlsx")
    first = load_workbook(tmp_path / "s.xlsx")["报告一览"]["C2"].value
    assert first == "<script>alert(1)</script>"


@pytest.mark.parametrize("writer", [write_xlsx, write_html])
def test_an_unwritable_output_is_a_clear_error(tmp_path: Path, writer: object) -> None:
    with pytest.raises(GongkaiError, match="文件夹"):
        writer(BatchResult(files=()), tmp_path / "no" / "such" / "out")  # type: ignore[operator]
    with pytest.raises(GongkaiError, match="文件夹"):
        writer(BatchResult(files=()), tmp_path)  # type: ignore[operator]

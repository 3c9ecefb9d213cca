"""A supervisor (公开办) sees a missing and a late agency, uploads a report, and reads its findings."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from browser_helpers import login, shot

pytestmark = pytest.mark.django_db(transaction=True)


def test_supervisor_sees_missing_and_late_agencies_and_an_uploaded_reports_findings(
    open_page: Any, people: Any, agencies: Any, tmp_path: Path
) -> None:
    from gongkai.report import jsonio, render, samples
    from gongkai.web.annual.models import AnnualReport

    # 财政局 published its 2025 report on 3 February 2026: after the 31 January deadline.
    AnnualReport.objects.create(
        agency=agencies["finance"],
        year=2025,
        version=1,
        state="published",
        data=jsonio.report_to_dict(samples.balanced_report(5, agency="示例市财政局", year=2025)),
        published_at=datetime(2026, 2, 3, 2, tzinfo=UTC),
    )
    # 科技局 does not use Gongkai for its report: the office uploads the DOCX it published, in which
    # one cell of table 3 was typed wrong (the row and the column no longer add up).
    report = samples.balanced_report(11, agency="平湖市科学技术局", year=2025)
    report = report.with_cell("table3.granted.natural", (report.table3.cell("granted", "natural") or 0) + 3)
    docx = tmp_path / "2025年度平湖市科学技术局政府信息公开工作年度报告.docx"
    docx.write_bytes(render.render(report, "docx"))

    page = open_page()
    login(page, "supervisor")
    page.goto("/work/oversight/2025/")
    science = page.locator('tr[data-agency="平湖市科学技术局"]')
    finance = page.locator('tr[data-agency="示例市财政局"]')
    assert science.locator(".status").inner_text() == "未上报"
    assert finance.locator(".status").inner_text() == "逾期发布"
    assert "邻市" not in page.content()
    shot(page, "oversight-year")

    page.click("text=上传报告")
    page.set_input_files("#id_files", str(docx))
    page.fill("#id_published_on", "2026-01-28")
    page.click("text=上传并检查")
    page.wait_for_selector("#finished")  # the job page reloads itself until the check is done
    row = page.locator('#uploads tr[data-file="2025年度平湖市科学技术局政府信息公开工作年度报告.docx"]')
    assert "平湖市科学技术局" in row.inner_text() and "已检查" in row.inner_text()
    shot(page, "oversight-job")

    row.locator("a").click()
    findings = page.locator("#findings")
    assert "T3-ROW-SUM" in findings.inner_text() and "T3-TOTAL-SUM" in findings.inner_text()
    assert "错误" in page.locator("#counts").inner_text()

    page.goto("/work/oversight/2025/")
    assert science.locator(".status").inner_text() == "已发布"
    assert "上传文件" in science.inner_text()
    shot(page, "oversight-year-after")

    # The 汇总 of both subordinates, marked as a sum, with the trend charts.
    page.click("text=汇总与趋势")
    assert "本表为所属各单位数据简单加总" in page.locator("#notice").inner_text()
    assert "平湖市科学技术局（上传文件）" in page.locator("#included").inner_text()
    assert page.locator("svg.chart").count() == 4
    shot(page, "oversight-combined")

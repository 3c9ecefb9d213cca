"""条例 第五十条第（四）项: a 人民政府's report also states 工作考核、社会评议和责任追究结果情况."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from rules_testkit import base_report, sections_from_text, with_section

from gongkai.agencies import AgencyKind
from gongkai.report import jsonio
from gongkai.report.model import AnnualReport
from gongkai.report.read import read_report
from gongkai.report.rules import Finding, Severity, check

RULE = "GOV-ASSESSMENT"
STATED = (
    "（五）监督保障情况。本年度将政府信息公开工作纳入年度绩效考核；开展社会评议，群众满意度为98%；"
    "未发生因政府信息公开工作引起的责任追究情况。"
)


def gov(report: AnnualReport, kind: AgencyKind | None = None) -> list[Finding]:
    return [f for f in check(report, kind=kind) if f.rule == RULE]


def government(text: str, name: str = "示例市人民政府") -> AnnualReport:
    return with_section(replace(base_report(), agency=name), "一", text)


def test_a_government_report_that_states_all_three_results_passes() -> None:
    assert gov(government(STATED)) == []


def test_a_government_report_without_them_is_a_warning_citing_article_50() -> None:
    (finding,) = gov(government("本年度扎实推进政府信息公开工作。"))
    assert finding.severity is Severity.WARNING
    assert "第五十条第（四）项" in finding.source and "第五十条第（四）项" in finding.message
    assert "工作考核、社会评议、责任追究" in finding.message
    assert finding.cells == ("sections.一",)
    assert finding.expected == "工作考核、社会评议和责任追究结果情况" and finding.actual is None


def test_touching_one_result_names_the_others_and_quotes_the_sentence() -> None:
    (finding,) = gov(government("将政府信息公开工作纳入全区高质量发展考核内容。"))
    assert "社会评议、责任追究" in finding.message and finding.actual == "工作考核"
    assert finding.excerpt == "将政府信息公开工作纳入全区高质量发展考核内容。"


def test_the_results_may_be_stated_in_another_section() -> None:
    report = with_section(government("本年度扎实推进政府信息公开工作。"), "六", STATED)
    assert gov(report) == []


@pytest.mark.parametrize("name", ["示例市人民政府办公室", "示例市示例局", "示例市西塘街道办事处"])
def test_departments_and_subdistricts_are_not_asked_for_it(name: str) -> None:
    assert gov(government("本年度扎实推进政府信息公开工作。", name)) == []


def test_a_township_is_one_of_the_governments_of_every_level() -> None:
    # 第五十条第（四）项 says 各级人民政府: a 镇人民政府 too (not only 县级以上).
    assert len(gov(government("本年度扎实推进政府信息公开工作。", "示例市东湖镇人民政府"))) == 1


def test_kind_overrides_the_name() -> None:
    office = government("本年度扎实推进政府信息公开工作。", "示例市人民政府办公室")
    (finding,) = gov(office, AgencyKind.GOVERNMENT)
    assert "已指定" in finding.message
    assert gov(government("本年度扎实推进政府信息公开工作。"), AgencyKind.DEPARTMENT) == []


def test_an_unknown_kind_cannot_be_assessed_and_says_how_to_set_it() -> None:
    (finding,) = gov(government("本年度扎实推进政府信息公开工作。", "平潭综合实验区"))
    assert finding.cannot_assess and "--kind" in finding.message


def _corpus(corpus_dir: Path, stem: str, text: str) -> AnnualReport:
    report = jsonio.load(corpus_dir / f"{stem}.expected.json")
    return replace(report, sections=sections_from_text(corpus_dir / text))


@pytest.mark.parametrize(
    ("stem", "missing"),
    [
        (
            "001",
            "工作考核、社会评议、责任追究",
        ),  # 淮安市人民政府 2024: 监督保障 speaks of checks and training only
        ("002", "工作考核、社会评议、责任追究"),  # 洪泽区人民政府 2023: of duties and monitoring only
        ("003", "社会评议、责任追究"),  # 洪泽区人民政府 2024: touches 考核 ("纳入…考核内容"), not its result
    ],
)
def test_the_corpus_government_reports_are_flagged(corpus_dir: Path, stem: str, missing: str) -> None:
    (finding,) = gov(_corpus(corpus_dir, stem, f"{stem}.pdf.txt"))
    assert finding.severity is Severity.WARNING
    assert f"正文没有说明{missing}的结果情况" in finding.message


def test_the_corpus_department_report_is_not_asked(corpus_dir: Path) -> None:
    report = _corpus(corpus_dir, "000_e8025cd57936e9f9", "000_e8025cd57936e9f9.txt")
    assert report.agency == "平湖市科学技术局" and gov(report) == []


@pytest.mark.parametrize("name", ["001.pdf", "002.pdf", "003.pdf"])
def test_the_published_government_pdfs_as_read_are_flagged(corpus_dir: Path, name: str) -> None:
    report = read_report(corpus_dir / name)
    assert report.agency is not None and report.agency.endswith("人民政府")
    assert [f.severity for f in gov(report)] == [Severity.WARNING]

"""Narrative rules: sections present and in order, titles, numbering, the year, sections 五 and 六."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from rules_testkit import base_report, findings, sections_from_text, with_section

from gongkai.report import jsonio
from gongkai.report.model import AnnualReport, Section
from gongkai.report.rules import RULES, Severity, check
from gongkai.report.rules.narrative import numbering_problems, title_key

NARRATIVE_RULES = [r.id for r in RULES if r.id.startswith("SEC")]


@pytest.mark.parametrize("rule_id", NARRATIVE_RULES)
def test_every_narrative_rule_holds_on_the_generated_report(rule_id: str) -> None:
    assert findings(base_report(), rule_id) == []


@pytest.mark.parametrize("rule_id", NARRATIVE_RULES)
def test_without_narrative_every_narrative_rule_cannot_assess(rule_id: str) -> None:
    (finding,) = findings(replace(base_report(), sections=None), rule_id)
    assert finding.cannot_assess and finding.severity is Severity.INFO


def _without(report: AnnualReport, number: str) -> AnnualReport:
    assert report.sections is not None
    return replace(report, sections=tuple(s for s in report.sections if s.number != number))


def test_a_missing_section_is_an_error_naming_it() -> None:
    (finding,) = findings(_without(base_report(), "四"), "SEC-PRESENT")
    assert finding.severity is Severity.ERROR
    assert finding.cells == ("sections.四",)
    assert "政府信息公开行政复议、行政诉讼情况" in finding.message


ORDER = [
    # swapped sections.
    (("一", "三", "二", "四", "五", "六"), "应为“一、二、三、四、五、六”"),
    # a section twice.
    (("一", "二", "三", "三", "四", "五", "六"), "出现了多次"),
    # a seventh part.
    (("一", "二", "三", "四", "五", "六", "七"), "格式之外"),
]


@pytest.mark.parametrize(("numbers", "message"), ORDER)
def test_sections_in_order_once_each(numbers: tuple[str, ...], message: str) -> None:
    report = base_report()
    assert report.sections is not None
    by_number = {s.number: s for s in report.sections}
    sections = tuple(by_number.get(n, Section(n, "附件", "")) for n in numbers)
    found = findings(replace(report, sections=sections), "SEC-ORDER")
    assert [f.severity for f in found] == [Severity.WARNING]
    assert message in found[0].message


TITLES = [
    # the usual title, with the ordinal and spaces: fine.
    ("五", "五、 存在的主要问题及改进情况", None),
    # the article's wording (条例 第五十条（四）): fine.
    ("五", "政府信息公开工作存在的主要问题及改进情况", None),
    # 四 in the article's wording: fine.
    ("四", "因政府信息公开工作被申请行政复议、提起行政诉讼的情况", None),
    # 四 with 和 for 、: fine.
    ("四", "政府信息公开行政复议和行政诉讼情况", None),
    # 二 with 的: fine.
    ("二", "主动公开政府信息的情况", None),
    # 改进措施 for 改进情况: a documented variant, info.
    ("五", "存在的主要问题及改进措施", Severity.INFO),
    # an unrelated title: warning.
    ("六", "附件", Severity.WARNING),
    # no title at all: warning.
    ("一", "", Severity.WARNING),
]


@pytest.mark.parametrize(("number", "title", "severity"), TITLES)
def test_section_titles_allow_small_wording_variants(
    number: str, title: str, severity: Severity | None
) -> None:
    report = base_report()
    assert report.sections is not None
    text = next(s.text for s in report.sections if s.number == number)
    found = findings(with_section(report, number, text, title=title), "SEC-TITLE")
    assert [f.severity for f in found] == ([] if severity is None else [severity])
    if found:
        assert found[0].cells == (f"sections.{number}",)


def test_title_key_ignores_ordinals_spaces_and_punctuation() -> None:
    assert title_key("（五） 存在的主要问题 及 改进情况。") == title_key("存在的主要问题及改进情况")


NUMBERING = [
    # consistent sub-headings on their own lines.
    ("（一）主动公开情况。\n内容。\n（二）依申请公开情况。\n内容。", []),
    # sub-headings after a full stop (a PDF text joined into one line), nested 1. under （一）.
    ("（一）甲。1.子项。2.子项。（二）乙。1.子项。", []),
    # the sample's mix: （1） then （二）.
    ("（1） 主动公开情况。\n（二）依申请公开情况。\n（3） 政府信息管理情况。", ["（二）依申请公开情况。"]),
    # a skipped number.
    ("（一）甲。\n（三）丙。", ["编号不连续"]),
    # inline enumerations after "：" and "；" are not headings.
    ("主要是：（1）甲；（二）乙。", []),
    # a decimal number at a line start is not a heading.
    ("1.5万元用于平台建设。\n（一）甲。", []),
]


@pytest.mark.parametrize(("text", "problems"), NUMBERING)
def test_numbering_problems(text: str, problems: list[str]) -> None:
    found = numbering_problems(text)
    assert len(found) == len(problems)
    for problem, expected in zip(found, problems, strict=True):
        assert expected in problem


def test_a_section_title_numbered_1_is_flagged() -> None:
    report = base_report()
    assert report.sections is not None
    found = findings(
        with_section(report, "一", report.sections[0].text, title="1、 总体情况"), "SEC-NUMBERING"
    )
    assert [f.severity for f in found] == [Severity.WARNING]
    assert "“1、”" in found[0].message and "“一、”" in found[0].message


def _sample(corpus_dir: Path) -> AnnualReport:
    report = jsonio.load(corpus_dir / "000_e8025cd57936e9f9.expected.json")
    return replace(report, sections=sections_from_text(corpus_dir / "000_e8025cd57936e9f9.txt"))


def test_the_sample_report_gets_the_numbering_warning(corpus_dir: Path) -> None:
    found = findings(_sample(corpus_dir), "SEC-NUMBERING")
    assert [(f.severity, f.cells) for f in found] == [
        (Severity.WARNING, ("sections.一",)),
        (Severity.WARNING, ("sections.五",)),
    ]
    first, fifth = found
    assert "“1、 总体情况”" in first.message
    assert "（1） 主动公开情况。" in first.message and "（二）依申请公开情况。" in first.message
    assert "（2） 改进措施。" in fifth.message


def test_the_sample_report_passes_every_other_narrative_rule(corpus_dir: Path) -> None:
    report = _sample(corpus_dir)
    assert report.sections is not None and len(report.sections) == 6
    others = [f for f in check(report) if f.rule.startswith(("SEC", "TEXT")) and f.rule != "SEC-NUMBERING"]
    assert others == []


YEARS = [
    # the report year: fine.
    ("一", "2023年，本机关扎实开展工作。", []),
    # plans for the next year in section 五: fine.
    ("五", "2024年，我局将进一步深化政务公开工作。", []),
    # plans for the next year elsewhere, with 将: fine.
    ("一", "2024年将继续推进平台建设。", []),
    # a comparison with an earlier year: fine.
    ("三", "收到申请较2022年增长10%。", []),
    # a title in 《》: fine.
    ("一", "学习《2019年修订的条例解读》。", []),
    # the publication date early next year: fine (条例 第四十九条).
    ("六", "本报告于2024年1月20日发布，未发出收费通知。", []),
    # a sentence from last year's report: warning naming the sentence.
    ("三", "2022年，本机关新收政府信息公开申请40件。", [2022]),
    # a later year stated as fact: warning.
    ("一", "2025年，本机关发布信息100条。", [2025]),
    # 起 of 起诉 is not "since": warning.
    ("四", "2022年，本机关被提起行政诉讼3件。", [2022]),
    # 到 of 收到 is not a plan ("到2025年"): warning.
    ("三", "2025年收到申请5件。", [2025]),
    # a plan with a target year: fine.
    ("一", "力争到2025年实现全覆盖。", []),
    # "since 2019": fine.
    ("一", "自2019年以来持续推进。", []),
]


@pytest.mark.parametrize(("number", "text", "years"), YEARS)
def test_years_in_the_text(number: str, text: str, years: list[int]) -> None:
    found = findings(with_section(base_report(), number, text), "SEC-YEAR")
    assert [f.actual for f in found] == years
    if found:
        assert found[0].severity is Severity.WARNING
        assert found[0].excerpt and str(years[0]) in found[0].excerpt
        assert found[0].cells == (f"sections.{number}",)


SECTION_FIVE = [
    # real content: fine.
    ("一是公开意识需要进一步强化。", []),
    # empty: error.
    ("", [Severity.ERROR]),
    # just "无。": error.
    ("无。", [Severity.ERROR]),
]


@pytest.mark.parametrize(("text", "severities"), SECTION_FIVE)
def test_section_five_is_not_empty(text: str, severities: list[Severity]) -> None:
    found = findings(with_section(base_report(), "五", text), "SEC5-EMPTY")
    assert [f.severity for f in found] == severities


def test_section_five_missing_cannot_be_assessed() -> None:
    (finding,) = findings(_without(base_report(), "五"), "SEC5-EMPTY")
    assert finding.cannot_assess


SECTION_SIX = [
    # no fee notice and （六）2 = 0: fine (the generated report).
    ("本年度未发出收费通知，未收取信息处理费。", 0, []),
    # fees collected: fine.
    ("全年收取政府信息公开信息处理费 3940 元。", 6, []),
    # nothing about fees: warning.
    ("无其他需要报告的事项。", 0, [Severity.WARNING]),
    # no fee notice but （六）2 counts applications closed for an unpaid fee notice: error.
    ("本年度未向申请人发出收费通知。", 2, [Severity.ERROR]),
    # "发出收费通知0件" says the same.
    ("发出收费通知0件，收取信息处理费0元。", 1, [Severity.ERROR]),
    # no fee notice and （六）2 blank: cannot assess.
    ("本年度没有发出收费通知。", None, [Severity.INFO]),
]


@pytest.mark.parametrize(("text", "closed_for_fee", "severities"), SECTION_SIX)
def test_section_six_reports_the_fee_and_agrees_with_table_three(
    text: str, closed_for_fee: int | None, severities: list[Severity]
) -> None:
    report = with_section(base_report(), "六", text).with_cell(
        "table3.other_overdue_fee.total", closed_for_fee
    )
    found = findings(report, "SEC6-FEE")
    assert [f.severity for f in found] == severities
    if severities == [Severity.ERROR]:
        assert found[0].cells == ("sections.六", "table3.other_overdue_fee.total")
        assert found[0].expected == 0 and found[0].actual == closed_for_fee
        assert found[0].excerpt and "收费通知" in found[0].excerpt


def test_the_printed_heading_kept_by_the_reader_is_what_numbering_and_titles_read() -> None:
    # Readers keep the heading as printed under Section.extra["heading"] and give the standard title.
    report = base_report()
    assert report.sections is not None
    printed = {"一": "1、 总体情况", "五": "五、存在的主要问题及改进措施"}
    sections = tuple(
        replace(s, extra={"heading": printed[s.number]}) if s.number in printed else s
        for s in report.sections
    )
    report = replace(report, sections=sections)
    (numbering,) = findings(report, "SEC-NUMBERING")
    assert numbering.cells == ("sections.一",) and "“1、 总体情况”" in numbering.message
    (title,) = findings(report, "SEC-TITLE")
    assert title.severity is Severity.INFO and title.actual == "五、存在的主要问题及改进措施"


def test_the_sample_report_read_from_its_text_passes_the_tables_and_gets_the_numbering_warning(
    corpus_dir: Path,
) -> None:
    pytest.importorskip("gongkai.report.read.text", reason="the text reader is another engineer's work")
    from gongkai.report.read import read_report

    report = read_report(corpus_dir / "000_e8025cd57936e9f9.txt")
    found = check(report)
    assert [f for f in found if f.severity is Severity.ERROR] == []
    numbering = [f for f in found if f.rule == "SEC-NUMBERING"]
    assert [f.cells for f in numbering] == [("sections.一",), ("sections.五",)]
    assert "“1、 总体情况”" in numbering[0].message and "（二）依申请公开情况" in numbering[0].message

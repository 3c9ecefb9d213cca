"""Numbers the narrative states against the tables, and the text normalisation they rely on."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from rules_testkit import base_report, findings, sections_from_text, with_section

from gongkai.report import jsonio
from gongkai.report.model import AnnualReport
from gongkai.report.rules import Severity, check
from gongkai.report.rules.text import excerpt, normalise, parse_count

COUNTS = [
    ("0", 0),  # ASCII digits
    ("3119", 3119),
    ("零", 0),  # Chinese numerals for small numbers
    ("两", 2),
    ("十", 10),
    ("十七", 17),
    ("二十", 20),
    ("一百零三", 103),
    ("两千零五十", 2050),
    ("一二", None),  # digits in a row are not a number word
    ("十十", None),  # units must decrease
    ("三x", None),
]


@pytest.mark.parametrize(("token", "value"), COUNTS)
def test_parse_count(token: str, value: int | None) -> None:
    assert parse_count(token) == value


def test_normalise_drops_spaces_and_makes_digits_ascii() -> None:
    assert (
        normalise("受理 政府信息公开申请 ３１１９ 件，\n答复 3,050 件")
        == "受理政府信息公开申请3119件，答复3050件"
    )


def test_excerpt_is_the_sentence() -> None:
    flat = "第一句。本机关新收申请5件，办结4件。第三句。"
    start = flat.index("5")
    assert excerpt(flat, start, start + 1) == "本机关新收申请5件，办结4件。"


# The base report: new 40, carried 2, done 40, carry_next 2, 行政复议 5, 行政诉讼 3 + 1,
# 规范性文件 制发 1 / 废止 3 / 现行有效 12.
STATEMENTS = [
    # each kind of statement, true.
    ("三", "本机关新收政府信息公开申请40件。", None),
    ("三", "全年共受理政府信息公开申请 ４０ 件。", None),  # spaces and full-width digits
    ("三", "收到依申请公开申请事项四十件。", None),  # Chinese numerals
    ("三", "受理政府信息公开申请42件（含上年结转2件）。", None),  # 一 + 二, as the sentence says
    ("三", "上年结转申请2件。", None),
    ("三", "办结40件，另有2件顺延到下年度答复。", None),
    ("三", "结转下年度继续办理两件。", None),
    ("四", "被申请行政复议5件，被提起行政诉讼4件。", None),  # 行政诉讼 = both litigation groups
    ("二", "制发行政规范性文件1件，废止3件，现行有效12件。", None),
    ("二", "印发政策性文件11件。", None),  # another kind of document: not compared
    # each kind of statement, wrong: a warning quoting the sentence.
    ("三", "本机关新收政府信息公开申请41件。", ("TEXT-TABLE-NEW", 40, 41)),
    # 一 + 二 is accepted even when the sentence does not say so (issue 16): only a count that is
    # neither 一 nor 一 + 二 is a warning.
    ("三", "受理政府信息公开申请42件。", None),
    ("三", "受理政府信息公开申请43件。", ("TEXT-TABLE-NEW", 40, 43)),
    ("三", "上年结转申请3件。", ("TEXT-TABLE-CARRIED", 2, 3)),
    ("三", "答复39件。", ("TEXT-TABLE-DONE", 40, 39)),
    ("三", "另有1件顺延到下年度答复。", ("TEXT-TABLE-CARRY-NEXT", 2, 1)),
    ("四", "被申请行政复议六件。", ("TEXT-TABLE-RECONSIDERATION", 5, 6)),
    ("四", "被提起行政诉讼3件。", ("TEXT-TABLE-LITIGATION", 4, 3)),
    ("二", "制发行政规范性文件1件，废止2件。", ("TEXT-TABLE-DOCUMENTS", 3, 2)),
    ("二", "本年制定规章1件。", ("TEXT-TABLE-DOCUMENTS", 3, 1)),  # 规章 issued is 3 in the base report
    # figures of other things are not taken for these.
    ("三", "受理行政复议申请9件。", ("TEXT-TABLE-RECONSIDERATION", 5, 9)),
]


def _report_with_regulations_issued(report: AnnualReport) -> AnnualReport:
    return report.with_cell("table2.regulations.issued", 3)


@pytest.mark.parametrize(("number", "text", "mismatch"), STATEMENTS)
def test_statements_against_the_table(number: str, text: str, mismatch: tuple[str, int, int] | None) -> None:
    report = with_section(_report_with_regulations_issued(base_report()), number, text)
    found = [f for f in check(report) if f.rule.startswith("TEXT-TABLE")]
    if mismatch is None:
        assert found == []
        return
    rule_id, table, stated = mismatch
    assert [(f.rule, f.severity, f.expected, f.actual) for f in found] == [
        (rule_id, Severity.WARNING, table, stated)
    ]
    assert found[0].cells[0] == f"sections.{number}"
    assert found[0].excerpt is not None and found[0].excerpt in found[0].message


def test_a_received_count_matching_neither_names_both_counts() -> None:
    report = with_section(base_report(), "三", "受理政府信息公开申请43件。")
    (finding,) = findings(report, "TEXT-TABLE-NEW")
    assert "为 40，加上年结转为 42" in finding.message


def test_a_statement_about_a_blank_cell_cannot_be_assessed() -> None:
    report = base_report().with_cell("table3.new.total", None)
    (finding,) = findings(report, "TEXT-TABLE-NEW")
    assert finding.cannot_assess and "table3.new.total" in finding.cells


def test_a_narrative_that_states_no_figure_is_not_a_finding() -> None:
    report = with_section(base_report(), "三", "具体情况见下表。")
    assert [f for f in check(report) if f.rule.startswith("TEXT-TABLE")] == []


def _corpus(corpus_dir: Path, stem: str, text: str) -> AnnualReport:
    report = jsonio.load(corpus_dir / f"{stem}.expected.json")
    return replace(report, sections=sections_from_text(corpus_dir / text))


def test_corpus_001_restates_its_tables_correctly(corpus_dir: Path) -> None:
    # 受理 3119, 答复 3050, 上年度结转 34, 顺延 103, 复议 351, 诉讼 46 (= 26 + 20), 规章 1.
    report = _corpus(corpus_dir, "001", "001.pdf.txt")
    assert [f for f in check(report) if f.rule.startswith("TEXT-TABLE")] == []
    # ...and each of those statements is actually read: changing the cell makes it disagree.
    cells = {
        "TEXT-TABLE-NEW": "table3.new.total",
        "TEXT-TABLE-DONE": "table3.total.total",
        "TEXT-TABLE-CARRIED": "table3.carried.total",
        "TEXT-TABLE-CARRY-NEXT": "table3.carry_next.total",
        "TEXT-TABLE-RECONSIDERATION": "table4.reconsideration.total",
        "TEXT-TABLE-LITIGATION": "table4.litigation_direct.total",
        "TEXT-TABLE-DOCUMENTS": "table2.regulations.issued",
    }
    for rule_id, path in cells.items():
        changed = report.with_cell(path, 7)
        assert [f.rule for f in findings(changed, rule_id)] == [rule_id], rule_id


def test_corpus_003_office_count_is_a_warning_naming_the_sentence(corpus_dir: Path) -> None:
    report = _corpus(corpus_dir, "003", "003.pdf.txt")
    found = [f for f in check(report) if f.rule.startswith("TEXT-TABLE")]
    assert [(f.rule, f.severity, f.expected, f.actual) for f in found] == [
        ("TEXT-TABLE-NEW", Severity.WARNING, 95, 17)
    ]
    assert found[0].excerpt is not None
    assert "区政府办代表区政府受理政府信息公开申请17件" in found[0].excerpt
    assert found[0].cells == ("sections.一", "table3.new.total")


def test_corpus_002_restates_its_tables_correctly(corpus_dir: Path) -> None:
    report = _corpus(corpus_dir, "002", "002.pdf.txt")
    assert [f for f in check(report) if f.rule.startswith("TEXT-TABLE")] == []
    assert findings(report.with_cell("table3.new.total", 20), "TEXT-TABLE-NEW") != []

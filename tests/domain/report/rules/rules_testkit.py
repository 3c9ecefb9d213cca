"""Helpers for the rules tests: findings of one rule, a base report, corpus sections built by hand.

The corpus sections stand in for the reader (another engineer's): top headings are the six
"X、title" lines (the sample's first one is printed "1、 总体情况"); tables are cut out of
sections 二 to 四 where they start, and stray page numbers are dropped.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from gongkai.report.model import SECTION_NUMBERS, AnnualReport, Section
from gongkai.report.rules import Finding, Severity, check
from gongkai.report.samples import balanced_report

_TOP = re.compile(r"^(?:(?P<cn>[一二三四五六])|(?P<ar>[1-6]))、\s*(?P<title>\S.*)$")
_PAGE = re.compile(r"^(?:-\s*\d+\s*-|\d{1,2})$")
_TABLE_START = ("第二十条", "（本列数据", "行政复议 行政诉讼", "行政复议")


def sections_from_text(path: Path) -> tuple[Section, ...]:
    found: list[tuple[str, str, list[str]]] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        match = _TOP.match(line)
        # A table row such as "四、结转下年度继续办理 103 0 …" is not a heading: headings carry no figures.
        if match and not raw.startswith("\t") and not re.search(r"\d", match["title"]):
            number = match["cn"] or SECTION_NUMBERS[int(match["ar"]) - 1]
            expected_next = SECTION_NUMBERS[len(found)] if len(found) < 6 else None
            if number == expected_next:
                title = line if match["ar"] else match["title"]
                found.append((number, title, []))
                continue
        if found and not _PAGE.match(line) and line:
            found[-1][2].append(raw)
    sections = []
    for number, title, lines in found:
        text_lines = []
        for line in lines:
            if line.startswith("\t") or line.strip().startswith(_TABLE_START):
                break
            text_lines.append(line)
        sections.append(Section(number, title, "\n".join(text_lines)))
    return tuple(sections)


def base_report() -> AnnualReport:
    """A generated balanced 2023 report (2021 format) with narrative; every error rule holds on it."""
    return balanced_report(7, agency="示例市示例局", year=2023, new=40)


def findings(report: AnnualReport, rule_id: str, previous: AnnualReport | None = None) -> list[Finding]:
    return [f for f in check(report, previous) if f.rule == rule_id]


def errors(report: AnnualReport, previous: AnnualReport | None = None) -> list[Finding]:
    return [f for f in check(report, previous) if f.severity is Severity.ERROR]


def with_section(report: AnnualReport, number: str, text: str, title: str | None = None) -> AnnualReport:
    """``report`` with the text (and optionally the title) of section ``number`` replaced."""
    assert report.sections is not None
    sections = tuple(
        replace(s, text=text, title=s.title if title is None else title) if s.number == number else s
        for s in report.sections
    )
    return replace(report, sections=sections)

"""The registry and the findings' shape (report-json.md "Check output")."""

from __future__ import annotations

import json
from decimal import Decimal

from rules_testkit import base_report

from gongkai.report.rules import RULES, Finding, Severity, check

REQUIRED_IDS = {
    "T3-BALANCE",
    "T3-TOTAL-SUM",
    "T3-ROW-SUM",
    "T4-GROUP-SUM",
    "CELL-NONNEG",
    "FEES-NONNEG",
    "TEMPLATE-DETECT",
    "TEMPLATE-2019-LAYOUT",
    "XYEAR-CARRY",
    "XYEAR-IN-FORCE",
    "SEC-PRESENT",
    "SEC-ORDER",
    "SEC-TITLE",
    "SEC-NUMBERING",
    "SEC-YEAR",
    "SEC5-EMPTY",
    "SEC6-FEE",
}


def test_every_required_rule_is_registered_once() -> None:
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert set(ids) >= REQUIRED_IDS
    assert any(i.startswith("TEXT-TABLE-") for i in ids)


def test_every_rule_cites_its_basis() -> None:
    for r in RULES:
        doc = r.func.__doc__ or ""
        assert "Legal basis:" in doc or "Source:" in doc, r.id
        assert r.source, r.id


def test_finding_to_dict_has_the_contract_keys() -> None:
    finding = Finding(
        "T3-BALANCE", Severity.ERROR, ("table3.new.total",), "消息", expected=12, actual=13, source="格式"
    )
    data = finding.to_dict()
    assert list(data) == ["rule", "severity", "cells", "message", "expected", "actual", "source"]
    assert data["severity"] == "error" and data["cells"] == ["table3.new.total"]
    with_excerpt = Finding("SEC-YEAR", Severity.WARNING, (), "m", excerpt="句子").to_dict()
    assert with_excerpt["excerpt"] == "句子" and with_excerpt["expected"] is None


def test_decimal_values_become_json_numbers() -> None:
    assert Finding("FEES-NONNEG", Severity.ERROR, (), "m", actual=Decimal("-0.5")).to_dict()["actual"] == -0.5
    assert Finding("FEES-NONNEG", Severity.ERROR, (), "m", actual=Decimal("-2")).to_dict()["actual"] == -2


def test_findings_are_sorted_errors_first_and_deterministic() -> None:
    report = base_report().with_cell("table3.granted.natural", -1).with_cell("table2.fees_10k_yuan", None)
    found = check(report)
    ranks = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    assert [ranks[f.severity] for f in found] == sorted(ranks[f.severity] for f in found)
    assert found == check(report)
    assert found == sorted(found, key=Finding.sort_key)
    json.dumps([f.to_dict() for f in found], ensure_ascii=False)


def test_all_rules_run_even_when_one_finds_errors() -> None:
    report = (
        base_report().with_cell("table3.granted.natural", -1).with_cell("table4.reconsideration.total", 99)
    )
    rules_with_findings = {f.rule for f in check(report) if f.severity is Severity.ERROR}
    assert {"CELL-NONNEG", "T3-ROW-SUM", "T3-TOTAL-SUM", "T4-GROUP-SUM"} <= rules_with_findings


def test_missing_cells_are_named_in_chinese_whatever_ran_before() -> None:
    # The labels are a cache filled on first use: a "cannot assess" message once showed the bare
    # path when no earlier rule had asked for that cell's label, so messages depended on order.
    from gongkai.report.rules.registry import CELL_LABELS

    path = "table3.reject_confirm.research"
    CELL_LABELS.pop(path, None)
    rule = RULES[0]
    message = rule.missing_cells([path], "核对").message
    assert "表三“5.要求行政机关确认或重新出具已获取信息”行“科研机构”列" in message

"""Pairing the reports of a batch by agency and year, and what pairing adds to a file's findings."""

from __future__ import annotations

from batch_reports import AGENCY_A, following_year, pair_report

from gongkai.report.batch import FileResult
from gongkai.report.batch.cross_year import pairs, with_previous, with_previous_or_note
from gongkai.report.batch.worker import finding_rows, tables_only
from gongkai.report.rules import check


def _results(*rows: tuple[str, str | None, int | None]) -> list[FileResult]:
    return [FileResult(path, agency, year) for path, agency, year in rows]


def test_pairs_join_consecutive_years_of_the_same_agency() -> None:
    results = _results(
        ("a/2022.json", "示例市（测试）局", 2022),
        ("a/2023.json", "示例市 (测试) 局", 2023),  # same agency, written differently
        ("b/2023.pdf", "示例市（测试）局", 2023),  # the same report sent twice
        ("c/2021.json", "示例市（测试）局", 2021),
        ("d/2024.json", "另一局", 2024),  # no 2023 report of this agency
        ("e/2025.json", "示例市（测试）局", 2025),  # 2024 missing: no pair
    )
    tables = {i: b"" for i in range(len(results))}
    assert pairs(results, tables) == {0: 3, 1: 0, 2: 0}


def test_only_results_with_tables_are_paired() -> None:
    results = _results(("2022.json", "甲局", 2022), ("2023.json", "甲局", 2023))
    assert pairs(results, {1: b""}) == {}


def test_pairing_replaces_cannot_assess_by_the_comparison() -> None:
    last = pair_report(AGENCY_A, 2022, carried=2, open_share=0.0, seed=1)
    this = following_year(last, seed=2)
    alone = FileResult("2023.json", this.agency, this.year, "2021", finding_rows(check(this), this))
    assert any(f.rule == "XYEAR-CARRY" and f.severity == "info" for f in alone.findings)
    paired = with_previous(alone, tables_only(this), FileResult("2022.json"), tables_only(last))
    assert paired.previous_year_file == "2022.json"
    assert not [f for f in paired.findings if f.rule.startswith("XYEAR") and "没有提供上一年度" in f.message]
    # Everything the previous report does not affect is kept as it was.
    kept = [f for f in alone.findings if not f.rule.startswith("XYEAR")]
    assert [f for f in paired.findings if not f.rule.startswith("XYEAR")] == kept


def test_a_pair_the_rules_cannot_handle_leaves_a_note_not_a_stopped_batch() -> None:
    alone = FileResult("2023.json", "甲局", 2023, "2021")
    paired = with_previous_or_note(alone, b"not compressed", FileResult("2022.json"), b"")
    assert [f.rule for f in paired.findings] == ["BATCH-XYEAR"]
    assert paired.findings[0].severity == "info" and "2022.json" in paired.findings[0].message

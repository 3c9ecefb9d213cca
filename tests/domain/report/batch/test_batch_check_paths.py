"""check_paths: folders in, one row per file out; bad files are rows, never the end of the batch."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from batch_pool_tasks import check_or_crash
from batch_reports import AGENCY_A, following_year, make_mixed_folder, pair_report, write_json

from gongkai.errors import GongkaiError
from gongkai.report.batch import FailureKind, FileResult, Status, check_paths, discover
from gongkai.report.model import CellSource

mixed_folder_fixture = pytest.fixture(name="mixed_folder")(make_mixed_folder)


def _by_name(files: tuple[FileResult, ...], root: Path) -> dict[str, FileResult]:
    return {Path(f.path).relative_to(root).as_posix(): f for f in files}


def test_discover_takes_report_files_and_skips_hidden_and_others(mixed_folder: Path) -> None:
    # A link back up the tree: followed, it would make the walk endless.
    (mixed_folder / "a" / "loop").symlink_to(mixed_folder, target_is_directory=True)
    names = [p.relative_to(mixed_folder).as_posix() for p in discover([mixed_folder])]
    assert names == [
        "a/2022.json",
        "a/2023.json",
        "b/2023.json",
        "broken/corrupt.docx",
        "broken/cut.json",
        "broken/empty.txt",
        "broken/random.pdf",
    ]


def test_discover_takes_a_named_file_of_any_type_once(mixed_folder: Path) -> None:
    csv = mixed_folder / "list.csv"
    assert discover([csv, csv, mixed_folder / "a"]) == [
        mixed_folder / "a" / "2022.json",
        mixed_folder / "a" / "2023.json",
        csv,
    ]


def test_discover_rejects_a_path_that_does_not_exist(tmp_path: Path) -> None:
    with pytest.raises(GongkaiError, match="不存在"):
        discover([tmp_path / "nowhere"])


def test_every_file_gets_a_row_with_its_verdict(mixed_folder: Path) -> None:
    result = check_paths([mixed_folder], workers=2, progress=False)
    rows = _by_name(result.files, mixed_folder)
    assert len(rows) == 7
    # Balanced generated reports: no error finding.
    assert rows["a/2022.json"].status in (Status.PASSED, Status.WARNINGS)
    assert rows["a/2023.json"].status in (Status.PASSED, Status.WARNINGS)
    assert (rows["a/2023.json"].agency, rows["a/2023.json"].year) == (AGENCY_A, 2023)
    # One changed cell: an error finding that names it.
    wrong = rows["b/2023.json"]
    assert wrong.status is Status.ERRORS
    assert any("table3.new.natural" in f.cells for f in wrong.findings if f.severity == "error")
    # Broken files: unreadable, with a Chinese reason -- and not an internal error of a reader.
    for name in ("broken/corrupt.docx", "broken/cut.json", "broken/empty.txt", "broken/random.pdf"):
        row = rows[name]
        assert row.status is Status.UNREADABLE, name
        assert row.failure is FailureKind.UNREADABLE, f"{name}: {row.error}"
        assert row.error and any("\u4e00" <= ch <= "\u9fff" for ch in row.error), name
    assert result.readable == 3
    assert result.worker_peak_rss_kib > 0


def test_a_crashing_or_hanging_file_does_not_stop_the_batch(mixed_folder: Path) -> None:
    for name in ("crash.json", "hang.json"):
        write_json(mixed_folder / name, pair_report("丙", 2023, carried=0, open_share=0.0, seed=9))
    result = check_paths([mixed_folder], workers=2, timeout=2, progress=False, task=check_or_crash)
    rows = _by_name(result.files, mixed_folder)
    assert rows["crash.json"].failure is FailureKind.CRASH
    assert rows["crash.json"].status is Status.UNREADABLE
    assert "意外终止" in (rows["crash.json"].error or "")
    assert rows["hang.json"].failure is FailureKind.TIMEOUT
    assert "超过 2 秒" in (rows["hang.json"].error or "")
    assert result.readable == 3  # the other files were all checked


def test_consecutive_years_are_checked_against_each_other(tmp_path: Path) -> None:
    last = pair_report(AGENCY_A, 2022, carried=2, open_share=0.0, seed=1)
    write_json(tmp_path / "2022.json", last)
    write_json(tmp_path / "2023.json", following_year(last, seed=2))
    result = check_paths([tmp_path], workers=1, progress=False)
    rows = _by_name(result.files, tmp_path)
    this_year = rows["2023.json"]
    assert this_year.previous_year_file == str(tmp_path / "2022.json")
    assert rows["2022.json"].previous_year_file is None  # no 2021 report in the batch
    xyear = [f for f in this_year.findings if f.rule.startswith("XYEAR")]
    assert not [f for f in xyear if f.severity == "error"]
    # Compared for real: no "cannot assess" left for want of a previous report.
    assert not [f for f in xyear if "没有提供上一年度" in f.message]


def test_a_carry_over_that_does_not_match_last_year_is_an_error(tmp_path: Path) -> None:
    # Last year kept half its applications open; this year's report says nothing was carried over.
    last = pair_report("示例市 (测试) 交通运输局", 2022, carried=2, open_share=0.5, seed=1)
    # As a reader leaves it: last year's cell with the text it was read from.
    carried_over = last.table3.cell("carry_next", "total")
    source = CellSource(raw=f"{carried_over} ", page=3, line=40)
    write_json(tmp_path / "2022.json", replace(last, provenance={"table3.carry_next.total": source}))
    write_json(
        tmp_path / "2023.json",
        following_year(pair_report(AGENCY_A, 2022, carried=0, open_share=0.0, seed=1), seed=2),
    )
    result = check_paths([tmp_path], workers=1, progress=False)
    this_year = _by_name(result.files, tmp_path)["2023.json"]
    carry = [f for f in this_year.findings if f.rule == "XYEAR-CARRY" and f.severity == "error"]
    assert carry, this_year.findings
    total = [f for f in carry if "table3.carried.total" in f.cells]
    assert total and "previous.table3.carry_next.total" in total[0].cells
    # The previous year's raw text travels with the finding.
    assert [(s.cell, s.raw, s.where) for s in total[0].sources] == [
        ("previous.table3.carry_next.total", f"{carried_over} ", "第3页 第40行")
    ]
    assert this_year.status is Status.ERRORS


def test_nothing_to_check_gives_an_empty_result(tmp_path: Path) -> None:
    result = check_paths([tmp_path], progress=False)
    assert result.files == ()
    assert result.readable == 0


def test_the_corpus_reports_as_one_batch(corpus_dir: Path) -> None:
    files = [corpus_dir / "000_e8025cd57936e9f9.txt", *(corpus_dir / f"00{i}.pdf" for i in (1, 2, 3))]
    result = check_paths(files, workers=2, progress=False)
    rows = {Path(f.path).name: f for f in result.files}
    assert [r.failure for r in rows.values()] == [None] * 4, [r.error for r in rows.values()]
    # 002 (2023) and 003 (2024) are consecutive reports of 淮安市洪泽区人民政府: compared by themselves.
    assert rows["003.pdf"].previous_year_file == str(corpus_dir / "002.pdf")
    assert not [f for f in rows["003.pdf"].findings if f.rule.startswith("XYEAR") and f.severity != "info"]
    # 002's published table 4 does not balance (corpus README): errors that point at the raw text.
    errors = [f for f in rows["002.pdf"].findings if f.severity == "error"]
    assert {f.rule for f in errors} == {"T4-GROUP-SUM"}
    assert all(f.sources and all(s.where.startswith("第4页") for s in f.sources) for f in errors)
    assert rows["001.pdf"].status in (Status.PASSED, Status.WARNINGS)

"""`gongkai report check PATH...` in batch mode: exit codes, JSON, summaries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from batch_reports import AGENCY_A, following_year, make_mixed_folder, pair_report, write_json
from openpyxl import load_workbook

from gongkai.cli import main

mixed_folder_fixture = pytest.fixture(name="mixed_folder")(make_mixed_folder)


@pytest.fixture
def good_folder(tmp_path: Path) -> Path:
    root = tmp_path / "good"
    last = pair_report(AGENCY_A, 2022, carried=2, open_share=0.0, seed=1)
    write_json(root / "2022.json", last)
    write_json(root / "2023.json", following_year(last, seed=2))
    return root


@pytest.mark.parametrize(
    ("paths", "extra", "code"),
    [
        # a folder of good reports: no error finding
        (["good"], [], 0),
        # two files with --batch behave the same
        (["good/2022.json", "good/2023.json"], ["--batch"], 0),
        # a folder with an error finding and broken files
        (["reports"], [], 1),
        # only broken files: nothing could be read at all
        (["reports/broken"], [], 2),
        # an empty folder: nothing to read
        (["empty"], [], 2),
        # an expected agency that has not reported
        (["good"], ["--expected", "agencies.csv"], 1),
    ],
)
def test_exit_status(
    tmp_path: Path, good_folder: Path, mixed_folder: Path, paths: list[str], extra: list[str], code: int
) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "agencies.csv").write_text(f"单位\n{AGENCY_A}\n示例市财政局\n", encoding="utf-8")
    args = ["report", "check", *(str(tmp_path / p) for p in paths), "--no-progress", "--workers", "2"]
    args += [str(tmp_path / a) if a.endswith(".csv") else a for a in extra]
    assert main(args) == code


def test_json_output_has_every_file_and_the_missing(
    mixed_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = tmp_path / "agencies.csv"
    csv.write_text("agency\n示例市教育局\n", encoding="utf-8")
    code = main(["report", "check", str(mixed_folder), "--json", "--expected", str(csv), "--no-progress"])
    assert code == 1
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"files", "missing", "overview"}
    assert data["missing"] == {"2022": ["示例市教育局"], "2023": []}
    by_name = {Path(f["file"]).name + Path(f["file"]).parent.name: f for f in data["files"]}
    assert len(by_name) == 7
    wrong = by_name["2023.jsonb"]
    assert {"file", "agency", "year", "template", "findings", "status"} <= set(wrong)
    assert wrong["status"] == "有错误"
    assert {"rule", "severity", "cells", "message", "expected", "actual"} <= set(wrong["findings"][0])
    assert by_name["empty.txtbroken"]["status"] == "无法读取" and by_name["empty.txtbroken"]["error"]


def test_summaries_are_written(
    mixed_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    xlsx, page = tmp_path / "s.xlsx", tmp_path / "s.html"
    code = main(
        ["report", "check", str(mixed_folder), "--xlsx", str(xlsx), "--html", str(page), "--no-progress"]
    )
    assert code == 1
    assert load_workbook(xlsx)["报告一览"].max_row == 8
    assert "政府信息公开工作年度报告检查汇总" in page.read_text(encoding="utf-8")
    out = capsys.readouterr().out
    assert "共检查 7 个文件，可读取 3 个，无法读取 4 个" in out
    assert "有错误" in out and "无法读取" in out


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        # the batch pairs years by itself
        (["--previous", "x.json"], "不能再用 --previous"),
        # an output folder that does not exist: said before the batch runs
        (["--xlsx", "/nonexistent/dir/s.xlsx"], "文件夹不存在"),
        # a list that cannot be read
        (["--expected", "/nonexistent/agencies.csv"], "无法读取应上报单位名单"),
        (["--workers", "0"], "至少为 1"),
        (["--timeout", "0"], "应为正数"),
        # --year names the years to check for 未上报: meaningless without the list
        (["--year", "2023"], "需与 --expected 一起使用"),
    ],
)
def test_bad_arguments_exit_2_with_a_reason(
    good_folder: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    assert main(["report", "check", str(good_folder), "--no-progress", *extra]) == 2
    assert message in capsys.readouterr().err


def test_a_plain_list_of_files_keeps_the_single_file_behaviour(
    good_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "check", str(good_folder / "2023.json"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert "status" not in data and data["year"] == 2023  # the check output object of report-json.md

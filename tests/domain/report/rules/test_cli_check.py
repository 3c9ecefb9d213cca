"""`gongkai report check FILE... [--previous FILE] [--json]`: output, JSON shape and exit codes."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from gongkai.cli import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, main
from gongkai.cli.report.check import check_file
from gongkai.report import jsonio
from gongkai.report.samples import balanced_report

CONTRACT_KEYS = {"rule", "severity", "cells", "message", "expected", "actual"}


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.fixture
def good(tmp_path: Path) -> str:
    return _write(tmp_path, "good.json", jsonio.dumps(balanced_report(4, year=2023)))


@pytest.fixture
def bad(tmp_path: Path) -> str:
    report = balanced_report(4, year=2023).with_cell("table4.reconsideration.total", 99)
    return _write(tmp_path, "bad.json", jsonio.dumps(report))


def test_a_good_report_exits_0_with_a_chinese_summary(good: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "check", good]) == EXIT_OK
    out = capsys.readouterr().out
    assert "示例市示例局 2023年度" in out
    assert "错误 0 项" in out
    assert "TEMPLATE-DETECT" in out


def test_an_error_finding_exits_1_and_is_shown(bad: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "check", bad]) == EXIT_FINDINGS
    out = capsys.readouterr().out
    assert "T4-GROUP-SUM" in out and "错误 1 项" in out


UNREADABLE = [
    # a file that does not exist.
    ("missing.json", None, "文件不存在"),
    # not JSON at all.
    ("broken.json", "{not json", "不是有效的 JSON 文件"),
    # JSON of the wrong shape: the message names the path.
    (
        "shape.json",
        '{"format": "gongkai.annual-report/1", "template": "2021", "table3": {"new": {"natural": "三"}}}',
        "table3.new.natural",
    ),
]


@pytest.mark.parametrize(("name", "content", "message"), UNREADABLE)
def test_an_unreadable_file_exits_2_with_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: str | None, message: str
) -> None:
    path = str(tmp_path / name) if content is None else _write(tmp_path, name, content)
    assert main(["report", "check", path]) == EXIT_UNREADABLE
    captured = capsys.readouterr()
    assert message in captured.err
    assert "Traceback" not in captured.err


def test_json_output_is_the_check_output_object(bad: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "check", bad, "--json"]) == EXIT_FINDINGS
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"file", "agency", "year", "template", "findings"}
    assert (data["file"], data["agency"], data["year"], data["template"]) == (
        bad,
        "示例市示例局",
        2023,
        "2021",
    )
    for finding in data["findings"]:
        assert CONTRACT_KEYS <= set(finding) <= CONTRACT_KEYS | {"source", "excerpt"}
    errors = [f for f in data["findings"] if f["severity"] == "error"]
    assert [e["rule"] for e in errors] == ["T4-GROUP-SUM"]
    assert errors[0]["expected"] != errors[0]["actual"] == 99
    assert data == check_file(bad)


def test_several_files_give_a_json_list_in_order(
    good: str, bad: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "check", good, bad, "--json"]) == EXIT_FINDINGS
    data = json.loads(capsys.readouterr().out)
    assert [d["file"] for d in data] == [good, bad]


def test_one_unreadable_file_among_several_exits_2_but_checks_the_others(
    tmp_path: Path, good: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "check", good, str(tmp_path / "nope.json"), "--json"]) == EXIT_UNREADABLE
    captured = capsys.readouterr()
    assert [d["file"] for d in json.loads(captured.out)] == [good]
    assert "nope.json" in captured.err


def test_previous_runs_the_cross_year_rules(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    previous = balanced_report(5, year=2022)
    current = balanced_report(6, year=2023)
    carry = previous.table3.row("carry_next")
    current = current.with_cell("table3.carried.natural", (carry.natural or 0) + 1)
    prev_path = _write(tmp_path, "2022.json", jsonio.dumps(previous))
    cur_path = _write(tmp_path, "2023.json", jsonio.dumps(current))
    assert main(["report", "check", cur_path, "--previous", prev_path, "--json"]) == EXIT_FINDINGS
    findings = json.loads(capsys.readouterr().out)["findings"]
    carry_errors = [f["cells"] for f in findings if f["rule"] == "XYEAR-CARRY" and f["severity"] == "error"]
    assert ["table3.carried.natural", "previous.table3.carry_next.natural"] in carry_errors


def test_previous_of_the_wrong_year_is_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    prev_path = _write(tmp_path, "2020.json", jsonio.dumps(balanced_report(5, year=2020)))
    cur_path = _write(tmp_path, "2023.json", jsonio.dumps(balanced_report(6, year=2023)))
    assert main(["report", "check", cur_path, "--previous", prev_path]) == EXIT_OK
    out = capsys.readouterr().out
    assert "XYEAR-PERIOD" in out and "2020年度" in out


def test_previous_needs_exactly_one_file(good: str, bad: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "check", good, bad, "--previous", good]) == EXIT_UNREADABLE
    assert "--previous" in capsys.readouterr().err


def test_an_unreadable_previous_file_exits_2(
    tmp_path: Path, good: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "check", good, "--previous", str(tmp_path / "none.json")]) == EXIT_UNREADABLE
    assert "文件不存在" in capsys.readouterr().err


def test_text_from_the_report_is_not_taken_as_markup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = replace(balanced_report(4, year=2023), agency="[bold]某局[/bold]")
    path = _write(tmp_path, "markup.json", jsonio.dumps(report))
    assert main(["report", "check", path]) == EXIT_OK
    assert "[bold]某局[/bold]" in capsys.readouterr().out


def _government_without_article_50_4(tmp_path: Path, agency: str) -> str:
    report = balanced_report(4, year=2023, agency=agency)
    assert report.sections is not None
    plain = tuple(
        replace(s, text="本年度扎实推进政府信息公开工作。") if s.number == "一" else s
        for s in report.sections
    )
    return _write(tmp_path, "gov.json", jsonio.dumps(replace(report, sections=plain)))


def test_kind_is_derived_from_the_name_and_kind_overrides_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 条例 第五十条第（四）项: only a 人民政府's report must state 工作考核、社会评议和责任追究结果情况.
    government = _government_without_article_50_4(tmp_path, "示例市人民政府")
    assert main(["report", "check", government, "--json"]) == EXIT_OK  # a warning, not an error
    rules = [f["rule"] for f in json.loads(capsys.readouterr().out)["findings"]]
    assert "GOV-ASSESSMENT" in rules
    assert main(["report", "check", government, "--json", "--kind", "部门"]) == EXIT_OK
    assert "GOV-ASSESSMENT" not in capsys.readouterr().out
    office = _government_without_article_50_4(tmp_path, "示例市人民政府办公室")
    assert main(["report", "check", office, "--json", "--kind", "人民政府"]) == EXIT_OK
    assert '"rule": "GOV-ASSESSMENT"' in capsys.readouterr().out


def test_an_unknown_kind_exits_2_in_chinese(good: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "check", good, "--kind", "委办局"]) == EXIT_UNREADABLE
    assert "未知的机关类别" in capsys.readouterr().err


def test_kind_is_refused_in_batch_mode(good: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "check", str(Path(good).parent), "--kind", "部门"]) == EXIT_UNREADABLE
    assert "--kind" in capsys.readouterr().err


def test_the_command_line_adds_its_own_hint_for_the_previous_report(
    good: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 17: the hint is the CLI's, not the rule's (web pages showed "命令行可用 --previous")."""
    assert main(["report", "check", good]) == EXIT_OK
    out = capsys.readouterr().out
    assert "没有提供上一年度的报告" in out and "--previous" in out

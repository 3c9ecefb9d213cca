"""`gongkai demo`: generated sample report written in every format, checked, and a broken copy caught."""

from __future__ import annotations

from pathlib import Path

import pytest
from render_readback import hide_cjk_fonts

from gongkai.cli import EXIT_OK, EXIT_UNREADABLE, main
from gongkai.report import jsonio
from gongkai.report.render import fonts
from gongkai.report.rules import Severity, check


@pytest.fixture(autouse=True)
def wide_console(monkeypatch: pytest.MonkeyPatch) -> None:
    # rich wraps at the terminal width; a wide one keeps each path on one line.
    monkeypatch.setenv("COLUMNS", "400")


@pytest.fixture
def no_cjk_font(monkeypatch: pytest.MonkeyPatch) -> None:
    hide_cjk_fonts(monkeypatch)


def test_demo_writes_checks_and_shows_a_broken_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "demo"
    assert main(["demo", "-o", str(folder), "--seed", "3", "--year", "2024"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "演示数据" in out and "不是真实数据" in out
    expected = ["json", "docx", "html", "xlsx"] + (["pdf"] if fonts.cjk_font_available() else [])
    for suffix in expected:
        path = folder / f"demo-report.{suffix}"
        assert path.stat().st_size > 0
        assert str(path) in out
    report = jsonio.load(folder / "demo-report.json")
    assert report.agency == "示例市示例局（演示数据）"
    assert report.year == 2024
    assert not [f for f in check(report) if f.severity is Severity.ERROR]
    assert "错误 0 项" in out
    broken = jsonio.load(folder / "demo-report-broken.json")
    errors = [f for f in check(broken) if f.severity is Severity.ERROR]
    assert errors and all("table3.new.natural" in f.cells for f in errors)
    for finding in errors:
        assert finding.rule in out
    assert "改动：表三“一、本年新收政府信息公开申请数量”行“自然人”列" in out


def test_demo_without_a_cjk_font_skips_the_pdf(
    no_cjk_font: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "-o", str(tmp_path)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "跳过 PDF" in out and "fonts-wqy-zenhei" in out
    assert not (tmp_path / "demo-report.pdf").exists()
    assert (tmp_path / "demo-report.docx").exists()


def test_demo_folder_that_cannot_be_made(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert main(["demo", "-o", str(blocker / "demo")]) == EXIT_UNREADABLE
    assert "无法创建输出文件夹" in capsys.readouterr().err

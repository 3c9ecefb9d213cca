"""`gongkai report render FILE --to FMT -o OUT`: each format written; failures in Chinese, exit 2."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from render_readback import hide_cjk_fonts

from gongkai.cli import EXIT_OK, EXIT_UNREADABLE, main
from gongkai.report import jsonio
from gongkai.report.model import ApplicantCounts, Table3
from gongkai.report.render import fonts
from gongkai.report.samples import balanced_report
from testsupport import require


@pytest.fixture
def report_file(tmp_path: Path) -> Path:
    path = tmp_path / "report.json"
    path.write_text(jsonio.dumps(balanced_report(5)), encoding="utf-8")
    return path


@pytest.fixture
def no_cjk_font(monkeypatch: pytest.MonkeyPatch) -> None:
    hide_cjk_fonts(monkeypatch)


@pytest.mark.parametrize(
    ("fmt", "magic"),
    [
        ("docx", b"PK"),  # a zip package
        ("html", b"<!DOCTYPE html>"),
        ("xlsx", b"PK"),
        ("pdf", b"%PDF-"),
        ("PDF", b"%PDF-"),  # the format name is case-insensitive
    ],
)
def test_each_format_is_written(
    fmt: str, magic: bytes, report_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if fmt.lower() == "pdf":
        require(fonts.cjk_font_available(), "no CJK TrueType font installed (fonts-wqy-zenhei)")
    out = tmp_path / f"out.{fmt}"
    assert main(["report", "render", str(report_file), "--to", fmt, "-o", str(out)]) == EXIT_OK
    assert out.read_bytes().startswith(magic)
    assert str(out) in capsys.readouterr().out


@pytest.mark.parametrize(
    ("fmt", "output", "message"),
    [
        ("odt", "out.odt", "不支持的输出格式“odt”"),  # unknown format, options listed
        ("docx", "missing/out.docx", "输出文件所在的文件夹不存在"),  # folder does not exist
        ("html", ".", "输出路径是一个文件夹"),  # OUT is a folder
    ],
)
def test_bad_output_is_a_chinese_error(
    fmt: str,
    output: str,
    message: str,
    report_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["report", "render", str(report_file), "--to", fmt, "-o", str(tmp_path / output)])
    assert code == EXIT_UNREADABLE
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_missing_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["report", "render", str(tmp_path / "nope.json"), "--to", "html", "-o", str(tmp_path / "o.html")]
    )
    assert code == EXIT_UNREADABLE
    assert "文件不存在" in capsys.readouterr().err
    assert not (tmp_path / "o.html").exists()


def test_pdf_without_font_names_the_package(
    no_cjk_font: None, report_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.pdf"
    assert main(["report", "render", str(report_file), "--to", "pdf", "-o", str(out)]) == EXIT_UNREADABLE
    assert "fonts-wqy-zenhei" in capsys.readouterr().err
    assert not out.exists()


def test_a_report_no_layout_can_show_is_refused_without_writing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = balanced_report(6)
    # Figures in both the 2019 single （六） row and the 2021 sub-rows: printing either drops some.
    both = replace(report, table3=Table3({**report.table3.rows, "other": ApplicantCounts.zeros()}))
    source = tmp_path / "both.json"
    source.write_text(jsonio.dumps(both), encoding="utf-8")
    out = tmp_path / "out.docx"
    assert main(["report", "render", str(source), "--to", "docx", "-o", str(out)]) == EXIT_UNREADABLE
    assert "（六）其他处理" in capsys.readouterr().err
    assert not out.exists()

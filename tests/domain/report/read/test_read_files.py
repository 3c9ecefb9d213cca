"""Files as they arrive: any encoding, any format by content, broken files, and the CLI."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import report_writers as write
from read_helpers import figures

import gongkai.report.read as read
from filesamples import zip_bytes
from gongkai.cli import EXIT_OK, EXIT_UNREADABLE, main
from gongkai.errors import ReportFormatError
from gongkai.report import jsonio
from gongkai.report.model import AnnualReport
from gongkai.report.read import read_bytes, read_report, sniff
from gongkai.report.samples import balanced_report

# A character GBK lacks but GB18030 has (a CJK Extension B ideograph in an agency's name).
EXT_B = "\U00020bb7"


def _report(agency: str = "示例市示例局") -> AnnualReport:
    return balanced_report(11, agency=agency)


@pytest.mark.parametrize(
    ("encoding", "prefix", "agency"),
    [
        # UTF-8 without and with a byte-order mark.
        ("utf-8", b"", "示例市示例局"),
        ("utf-8", b"\xef\xbb\xbf", "示例市示例局"),
        # "ANSI" text from Chinese Windows.
        ("gbk", b"", "示例市示例局"),
        # GB18030 with a character outside GBK.
        ("gb18030", b"", f"示例市{EXT_B}山局"),
        # UTF-16 with a BOM (Notepad's "Unicode"), both byte orders.
        ("utf-16-le", b"\xff\xfe", "示例市示例局"),
        ("utf-16-be", b"\xfe\xff", "示例市示例局"),
        # UTF-16 without a BOM.
        ("utf-16-le", b"", "示例市示例局"),
    ],
)
@pytest.mark.parametrize("writer", [write.cell_per_line, write.markdown, write.html_page])
def test_encodings_are_detected_by_themselves(
    encoding: str, prefix: bytes, agency: str, writer: Callable[[AnnualReport], str]
) -> None:
    report = _report(agency)
    text = writer(report)
    if writer is write.html_page:
        text = text.replace("<meta charset='utf-8'>", "")  # no declaration: the bytes must tell
    back = read_bytes(prefix + text.encode(encoding))
    assert figures(back) == figures(report)
    assert back.meta["encoding"] in (encoding, "gb18030" if encoding == "gbk" else encoding)


def test_html_declared_charset_is_used() -> None:
    report = _report()
    declared = "<meta http-equiv='Content-Type' content='text/html; charset=gb2312'>"
    page = write.html_page(report).replace("<meta charset='utf-8'>", declared)
    back = read_bytes(page.encode("gbk"))
    assert figures(back) == figures(report)
    assert back.meta["encoding"] == "gb18030"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n...", "pdf"),
        (b"\n  %PDF-1.4", "pdf"),
        (b'{"format": "gongkai.annual-report/1"}', "json"),
        ("<!DOCTYPE html><html><body><p>报告</p></body></html>".encode(), "html"),
        ("<table><tr><td>规章</td></tr></table>".encode(), "html"),
        (b"| a | b |\n|---|---|\n| 1 | 2 |\n", "markdown"),
        # OCR output: pipe rows without the header rule.
        ("| 规章 | 0 |\n| 行政许可 | 1 |\n| 行政处罚 | 2 |\n".encode(), "markdown"),
        ("一、总体情况\n本年度……\n".encode(), "text"),
        # A pipe in running text is not a Markdown table.
        ("甲 | 乙\n".encode(), "text"),
    ],
)
def test_format_is_sniffed_from_content(data: bytes, kind: str) -> None:
    assert sniff(data) == kind


@pytest.mark.parametrize(
    ("data", "message"),
    [
        # Empty file.
        (b"", "空"),
        (b" \n\t\n", "空"),
        # A ZIP that is not a DOCX/XLSX, and a damaged ZIP.
        (zip_bytes({"readme.txt": b"x"}), "不是 Word"),
        (b"PK\x03\x04" + b"\x00" * 40, "ZIP"),
        # Legacy Word/Excel.
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, ".doc"),
        # Binary noise.
        (bytes(range(256)) * 8, "编码|二进制|文本"),
        # A DOCX whose document part is not XML.
        (
            zip_bytes({"word/document.xml": b"<w:document", "[Content_Types].xml": b"<Types/>"}),
            "损坏|无法读取",
        ),
        # Broken JSON.
        (b'{"format": ', "JSON"),
        # Text that is not a report.
        ("这是一封信。\n此致\n敬礼\n".encode(), "未找到表三"),
    ],
)
def test_broken_files_get_a_clear_chinese_error(data: bytes, message: str) -> None:
    with pytest.raises(ReportFormatError, match=message) as info:
        read_bytes(data)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(info.value))


def test_too_large_file_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read, "MAX_FILE_BYTES", 100)
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 101)
    with pytest.raises(ReportFormatError, match="过大"):
        read_report(big)


@pytest.mark.parametrize(("make", "message"), [("missing", "不存在"), ("folder", "文件夹")])
def test_not_a_file(tmp_path: Path, make: str, message: str) -> None:
    path = tmp_path / "x"
    if make == "folder":
        path.mkdir()
    with pytest.raises(ReportFormatError, match=message):
        read_report(path)


def test_json_is_read_per_the_contract(tmp_path: Path) -> None:
    report = _report()
    path = tmp_path / "r.json"
    path.write_text(jsonio.dumps(report), encoding="utf-8")
    assert figures(read_report(path)) == figures(report)


def test_cli_parse_prints_the_json_with_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = _report().with_cell("table3.new.research", None)
    path = tmp_path / "报告.md"
    path.write_text(write.markdown(report), encoding="utf-8")
    assert main(["report", "parse", str(path), "--json"]) == EXIT_OK
    captured = capsys.readouterr()
    text = captured.out
    out = json.loads(text)
    # The unread cell is also said on stderr, for whoever pipes the JSON onwards.
    assert "有 1 处未能读取" in captured.err and "table3.new.research" in captured.err
    assert out["table3"]["new"]["research"] is None
    assert out["meta"]["read_findings"] == [
        {"cell": "table3.new.research", "message": "单元格为空，按缺失处理", "raw": ""}
    ]
    assert out["meta"]["provenance"]["table3.new.natural"]["raw"] == str(report.table3.cell("new", "natural"))
    assert figures(jsonio.loads(text)) == figures(report)


def test_cli_parse_of_a_clean_report_says_nothing_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "报告.html"
    path.write_text(write.html_page(_report()), encoding="utf-8")
    assert main(["report", "parse", str(path)]) == EXIT_OK
    captured = capsys.readouterr()
    assert captured.err == "" and json.loads(captured.out)["meta"]["read_findings"] == []


def test_cli_parse_of_a_broken_file_exits_2_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "报告.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    assert main(["report", "parse", str(path), "--json"]) == EXIT_UNREADABLE
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "ZIP 文件已损坏" in captured.err and "Traceback" not in captured.err

"""Scanning and redacting files: text encodings, HTML, DOCX (runs, tables, headers, footers), PDF."""

from __future__ import annotations

from pathlib import Path

import docx
import pdfplumber
import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from gongkai.sensitive import Kind
from gongkai.sensitive.documents import redact_file, scan_file
from gongkai.sensitive.policy import Policy
from testsupport import assert_refused, require

ID = "11010519491231002X"
MOBILE = "13812345678"
TEXT = f"申请人：张三\n身份证号码：{ID}\n联系电话：{MOBILE}\n本机关地址：平湖市。\n"
WQY = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_text_files_in_each_encoding(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.encode(encoding))
    result = scan_file(path)
    assert [(f.kind, f.text) for f in result.findings] == [
        (Kind.PERSON_NAME, "张三"),
        (Kind.ID_CARD, ID),
        (Kind.MOBILE_PHONE, MOBILE),
    ]
    assert all(result.source[f.start : f.end] == f.text for f in result.findings)
    out = tmp_path / "b.txt"
    report = redact_file(path, out, Policy())
    cleaned = out.read_bytes().decode("utf-16" if encoding == "utf-16" else encoding)
    assert ID not in cleaned and MOBILE not in cleaned and "110105********002X" in cleaned
    assert [r.location for r in report.removals] == ["第1行", "第2行", "第3行"]


def test_html_keeps_markup_and_redacts_text_nodes(tmp_path: Path) -> None:
    source = (
        '<html><head><style>.m{color:red}</style></head><body><table class="list">'
        f"<tr><td>联系人：<b>李</b>四</td><td>{MOBILE}</td></tr></table>"
        f'<p data-x="1">身份证 {ID} &amp; 其他</p></body></html>'
    )
    path = tmp_path / "a.html"
    path.write_text(source, encoding="utf-8")
    findings = scan_file(path).findings
    assert [f.text for f in findings] == ["李</b>四", MOBILE, ID]  # offsets into the markup
    out = tmp_path / "b.html"
    redact_file(path, out)
    cleaned = out.read_text(encoding="utf-8")
    assert cleaned == source.replace("<b>李</b>四", "<b>李*</b>").replace(MOBILE, "138****5678").replace(
        ID, "110105********002X"
    )


def _docx(path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("申请人：")
    run = paragraph.add_run("张")
    run.bold = True
    paragraph.add_run(f"三，身份证号码{ID}")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "姓名"
    table.cell(0, 1).text = "电话"
    table.cell(1, 0).text = "王建国"
    table.cell(1, 1).text = MOBILE
    document.sections[0].header.paragraphs[0].text = "联系人：李四 0573-85012345"
    document.sections[0].footer.paragraphs[0].text = "邮箱 zhangsan@163.com"
    document.save(str(path))


def test_docx_runs_tables_headers_footers(tmp_path: Path) -> None:
    path, out = tmp_path / "a.docx", tmp_path / "b.docx"
    _docx(path)
    report = redact_file(path, out)
    assert [(r.kind, r.location) for r in report.removals] == [
        (Kind.PERSON_NAME, "正文第1段"), (Kind.ID_CARD, "正文第1段"),
        (Kind.PERSON_NAME, "正文表格1第2行第1列"), (Kind.MOBILE_PHONE, "正文表格1第2行第2列"),
        (Kind.PERSON_NAME, "页眉1第1段"), (Kind.LANDLINE_PHONE, "页眉1第1段"), (Kind.EMAIL, "页脚1第1段"),
    ]
    cleaned = docx.Document(str(out))
    runs = [(r.text, r.bold) for r in cleaned.paragraphs[0].runs]
    assert runs == [("申请人：", None), ("张*", True), ("，身份证号码110105********002X", None)]  # bold kept
    assert cleaned.tables[0].cell(1, 0).text == "王**"
    assert cleaned.sections[0].header.paragraphs[0].text == "联系人：李* ****-****2345"
    assert cleaned.sections[0].footer.paragraphs[0].text == "邮箱 z***@163.com"
    extracted = scan_file(out).source
    for removed in ("张三", ID, "王建国", MOBILE, "李四", "85012345", "zhangsan"):
        assert removed not in extracted


def _pdf(path: Path) -> None:
    require(WQY.exists(), f"CJK font {WQY} (fonts-wqy-zenhei) is needed to build a Chinese PDF")
    pdfmetrics.registerFont(TTFont("wqy", str(WQY), subfontIndex=0))
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    page = canvas.Canvas(str(path))
    page.setFont("wqy", 11)
    page.drawString(72, 700, f"申请人：张三，身份证号码{ID}，电话{MOBILE}")
    page.setFont("STSong-Light", 11)  # a CID font with a UCS-2 CMap: 2-byte codes
    page.drawString(72, 680, "联系人：李四，邮箱 zhangsan@163.com")
    page.showPage()
    page.setFont("Helvetica", 11)  # a simple font on page 2
    page.drawString(72, 700, "Tel 0573-85012345 end")
    page.showPage()
    page.save()


def test_pdf_text_is_really_removed(tmp_path: Path) -> None:
    path, out = tmp_path / "a.pdf", tmp_path / "b.pdf"
    _pdf(path)
    report = redact_file(path, out)
    assert [(r.kind, r.location) for r in report.removals] == [
        (Kind.PERSON_NAME, "第1页"), (Kind.ID_CARD, "第1页"), (Kind.MOBILE_PHONE, "第1页"),
        (Kind.PERSON_NAME, "第1页"), (Kind.EMAIL, "第1页"), (Kind.LANDLINE_PHONE, "第2页"),
    ]
    with pdfplumber.open(out) as pdf:
        text = "\n".join(page.extract_text() for page in pdf.pages)
        first_line = [c for c in pdf.pages[0].chars if round(c["y0"]) == round(pdf.pages[0].chars[0]["y0"])]
    for removed in ("张三", ID, MOBILE, "李四", "zhangsan@163.com", "0573-85012345"):
        assert removed not in text
    # Partial display survives: the kept digits are still there, the rest of the line kept its place.
    assert "110105" in text and "002X" in text and "end" in text
    assert first_line[-1]["text"] == "8" and first_line[-1]["x1"] == pytest.approx(
        _last_x1(path), abs=0.01
    )  # the final "8" of the phone number did not move


def _last_x1(path: Path) -> float:
    with pdfplumber.open(path) as pdf:
        chars = pdf.pages[0].chars
        return float([c for c in chars if round(c["y0"]) == round(chars[0]["y0"])][-1]["x1"])


CORRUPT = [
    ("a.pdf", b"%PDF-1.4\n garbage", "PDF"),
    ("b.pdf", b"not a pdf at all", "不是有效的 PDF"),
    ("c.docx", b"PK\x03\x04 broken zip", "DOCX"),
    ("d.docx", b"plain text", "不是有效的 DOCX"),
    ("e.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "旧版 Word"),
    ("f.bin", b"\x00\x01\x02\xff\xfe\xfd" * 20, "不是文本文件"),
]


@pytest.mark.parametrize(("name", "data", "message"), CORRUPT)
def test_unreadable_files_get_chinese_errors(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    assert_refused(scan_file, tmp_path / name, data, message)


def test_missing_file(tmp_path: Path) -> None:
    assert_refused(scan_file, tmp_path / "none.txt", None, "文件不存在")


def test_published_annual_reports_hold_no_names(corpus_dir: Path) -> None:
    # Real reports from the shared corpus: their tables (自然人、商业企业、公益组织 ...) must not
    # be read as names; the agency's published phone number and mailbox are found as such.
    files = sorted(corpus_dir.glob("*.pdf")) + sorted(corpus_dir.glob("*_*.txt"))
    require(len(files) >= 3, "the shared corpus holds published reports")
    for path in files:
        kinds = {f.kind for f in scan_file(path).findings}
        assert Kind.PERSON_NAME not in kinds, path.name
        assert kinds <= {Kind.LANDLINE_PHONE, Kind.EMAIL}, path.name

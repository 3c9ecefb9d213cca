"""``gongkai serve`` / ``gongkai manage`` and the demo data behind ``serve --demo``."""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

GONGKAI = [sys.executable, "-m", "gongkai"]


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    return {**env, "GONGKAI_DATA_DIR": str(tmp_path), **extra}


def test_manage_passes_through_to_django(tmp_path: Path) -> None:
    done = subprocess.run(
        [*GONGKAI, "manage", "check"], env=_env(tmp_path), capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "no issues" in done.stdout


@contextlib.contextmanager
def _serving(tmp_path: Path, *args: str) -> Iterator[tuple[int, str]]:
    """`gongkai serve ARGS` on a port of its own until the block ends: (port, what it printed up to
    and including its "已启动" line)."""
    port = 18000 + os.getpid() % 1000
    server = subprocess.Popen(
        [*GONGKAI, "serve", *args, "--port", str(port)],
        env=_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert server.stdout is not None
        printed = []
        for line in server.stdout:
            printed.append(line)
            if "Gongkai 已启动" in line:
                break
        yield port, "".join(printed)
    finally:
        server.terminate()
        server.wait(timeout=30)


def _first_page(port: int) -> str:
    for _ in range(100):  # the address is printed just before the server binds
        try:
            return urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).read().decode()
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"nothing answered on port {port}")


def test_serve_migrates_the_embedded_database_and_answers(tmp_path: Path) -> None:
    with _serving(tmp_path) as (port, printed):
        line = printed.splitlines()[-1] if printed else ""
        assert f"http://127.0.0.1:{port}/" in line
        page = _first_page(port)
        assert "政府信息公开申请" in page
        assert (tmp_path / "gongkai.sqlite3").exists()


def test_demo_refuses_to_wipe_an_external_database(tmp_path: Path) -> None:
    done = subprocess.run(
        [*GONGKAI, "serve", "--demo"],
        env=_env(tmp_path, DATABASE_URL="postgres://x@127.0.0.1:1/x"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert "只重建内置的 SQLite 数据库" in done.stderr and "Traceback" not in done.stderr


def test_demo_with_its_port_taken_says_so_before_touching_the_database(tmp_path: Path) -> None:
    """Issue 17, point 17: the port is checked first; the database is left as it was and the
    message offers `make demo PORT=…`."""
    import socket

    database = tmp_path / "gongkai.sqlite3"
    database.write_bytes(b"the previous database")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [*GONGKAI, "serve", "--demo", "--port", str(port)],
            env=_env(tmp_path),
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert done.returncode == 2, done.stderr
    assert f"端口 {port} 已被占用" in done.stderr and f"make demo PORT={port + 1}" in done.stderr
    assert "Traceback" not in done.stderr and "已启动" not in done.stdout and "示例数据" not in done.stdout
    assert database.read_bytes() == b"the previous database"


def test_demo_without_a_cjk_font_says_so_before_touching_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The demo city's letters and annual reports are PDFs: without the font `serve --demo` stops
    at once with the font's message (not minutes into the build), the database left as it was."""
    import argparse
    import socket

    from gongkai.errors import GongkaiError
    from gongkai.report.render import fonts
    from gongkai.web import cli

    def no_font() -> str:
        raise GongkaiError(fonts.NO_FONT_MESSAGE)

    monkeypatch.setattr(fonts, "pdf_font_name", no_font)

    def reset() -> None:
        pytest.fail("the database was reset before the font was checked")

    monkeypatch.setattr(cli, "reset_embedded_database", reset)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(GongkaiError, match="fonts-wqy-zenhei"):
        cli.serve(argparse.Namespace(demo=True, host="127.0.0.1", port=port))


def test_make_demo_passes_port_and_host_through() -> None:
    done = subprocess.run(
        ["make", "-n", "demo", "PORT=8001", "HOST=0.0.0.0"],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "gongkai serve --demo --host 0.0.0.0 --port 8001" in done.stdout, done.stdout + done.stderr


# -- argparse's own words in Chinese, and --version (issue 17, point 6) ---------------------------


def _argparse_messages() -> set[str]:
    """Every message the running Python's argparse passes to ``_()`` or ``ngettext()``."""
    import argparse
    import ast
    import inspect

    found = set()
    for node in ast.walk(ast.parse(inspect.getsource(argparse))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("_", "ngettext")
        ):
            found.update(
                a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)
            )
    # add_subparsers(): _(kwargs.pop("title", "subcommands")) -- a default, not a literal argument.
    return found | {"subcommands"}


def test_the_catalog_translates_every_argparse_message_with_the_same_placeholders() -> None:
    from gongkai.cli._argparse_zh import CATALOG

    messages = _argparse_messages()
    assert {
        "usage: ",
        "positional arguments",
        "options",
        "invalid choice: %(value)r (choose from %(choices)s)",
    } <= messages
    assert sorted(messages - set(CATALOG)) == []  # none missing
    assert sorted(set(CATALOG) - messages) == []  # none stale
    placeholder = re.compile(r"%(?:\(\w+\))?[sr]")
    for msgid, chinese in CATALOG.items():
        assert sorted(placeholder.findall(msgid)) == sorted(placeholder.findall(chinese)), msgid
        assert re.search(r"[\u4e00-\u9fff]", chinese), msgid


def test_help_is_chinese_throughout(capsys: pytest.CaptureFixture[str]) -> None:
    from gongkai.cli import main

    with pytest.raises(SystemExit) as exited:
        main(["deadline", "--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("用法：gongkai deadline")
    for chinese in ("\n位置参数：\n", "\n选项：\n", "-h, --help        显示帮助信息并退出"):
        assert chinese in out
    for english in ("usage:", "positional arguments", "options:", "show this help"):
        assert english not in out


@pytest.mark.parametrize(
    ("argv", "chinese", "english"),
    [
        (["deadline"], "缺少必需的参数：RECEIVED_DATE", "the following arguments are required"),
        (["nosuch"], "参数 命令：无效的选择：'nosuch'（可选：'deadline'", "invalid choice"),
        (["deadline", "2026-01-05", "--bogus"], "无法识别的参数：--bogus", "unrecognized arguments"),
        (["deadline", "2026-01-05", "--paused"], "参数 --paused：需要一个值", "expected one argument"),
    ],
)
def test_usage_errors_are_chinese_with_exit_status_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], chinese: str, english: str
) -> None:
    from gongkai.cli import main

    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert chinese in err and english not in err
    assert err.startswith("用法：gongkai")


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    import gongkai
    from gongkai.cli import main

    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out == f"gongkai {gongkai.__version__}\n"


def test_argparse_is_english_again_outside_the_gongkai_command_line() -> None:
    import argparse

    from gongkai.cli import build_parser

    build_parser()
    other = argparse.ArgumentParser(prog="x")
    other.add_argument("file")
    assert "usage: x" in other.format_help() and "positional arguments" in other.format_help()


def test_demo_starts_from_a_checked_snapshot_without_building(tmp_path: Path) -> None:
    """Issue 17, point 17: with a snapshot made for this code and day, `serve --demo` copies it in
    (no build) and answers; the snapshot is whatever the manifest says it holds."""
    import json

    from django.utils import timezone

    from gongkai.web.demo import snapshot

    migrated = subprocess.run(
        [*GONGKAI, "manage", "migrate", "-v", "0"], env=_env(tmp_path), capture_output=True, timeout=300
    )
    assert migrated.returncode == 0, migrated.stderr
    folder = tmp_path / snapshot.SNAPSHOT_DIR
    folder.mkdir()
    (tmp_path / "gongkai.sqlite3").rename(folder / snapshot.DATABASE)
    manifest = {
        "key": snapshot.snapshot_key(timezone.localdate(), 2026),
        "sha256": snapshot._file_sha256(folder / snapshot.DATABASE),
        "accounts": [["kj_clerk", "经办人", "平湖市科学技术局"]],
        "summary": "快照中的示例城市",
    }
    (folder / snapshot.MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    with _serving(tmp_path, "--demo") as (port, text):
        assert "示例数据已从快照载入" in text and "快照中的示例城市" in text, text
        assert "kj_clerk" in text and "生成示例数据" not in text
        assert "政府信息公开申请" in _first_page(port)

"""``gongkai serve`` / ``gongkai manage`` and the demo data behind ``serve --demo``."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

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


def test_serve_migrates_the_embedded_database_and_answers(tmp_path: Path) -> None:
    port = 18000 + os.getpid() % 1000
    server = subprocess.Popen(
        [*GONGKAI, "serve", "--port", str(port)],
        env=_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert server.stdout is not None
        line = server.stdout.readline()
        while line and "Gongkai 已启动" not in line:
            line = server.stdout.readline()
        assert f"http://127.0.0.1:{port}/" in line
        for _ in range(50):  # the address is printed just before the server binds
            try:
                page = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).read().decode()
                break
            except OSError:
                time.sleep(0.2)
        assert "政府信息公开申请" in page
        assert (tmp_path / "gongkai.sqlite3").exists()
    finally:
        server.terminate()
        server.wait(timeout=20)


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

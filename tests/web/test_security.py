"""Issue 15, low points and the server: key and database files 0600 from creation, an empty key
refused, Content-Security-Policy, ``check --deploy`` clean with the documented production
settings, the request log masked, oversize uploads refused before they are stored."""

from __future__ import annotations

import logging
import os
import re
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from gongkai.web import security

GONGKAI = [sys.executable, "-m", "gongkai"]
WEB = Path(security.__file__).resolve().parent


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    # DJANGO_ALLOW_ASYNC_UNSAFE: set by the browser tests' setup in the same test process, and a
    # deployment error for `check --deploy`; a production server never has it.
    drop = (
        "DATABASE_URL",
        "DJANGO_SETTINGS_MODULE",
        "REDIS_URL",
        "GONGKAI_SECRET_KEY",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
    )
    env = {k: v for k, v in os.environ.items() if k not in drop}
    return {**env, "GONGKAI_DATA_DIR": str(tmp_path), **extra}


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_key_and_databases_are_0600_from_creation_even_with_a_permissive_umask(tmp_path: Path) -> None:
    # The child refuses any chmod: the files must be created 0600, never made so afterwards.
    code = (
        "import os; os.umask(0); os.chmod = None; os.fchmod = None\n"
        "import sys; from gongkai.cli import main; sys.exit(main(['manage', 'migrate', '-v', '0']))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=_env(tmp_path), capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    for name in ("secret_key", "gongkai.sqlite3", "queue.sqlite3"):
        assert _mode(tmp_path / name) == 0o600, name
    for wal in tmp_path.glob("*.sqlite3-*"):
        assert _mode(wal) == 0o600, wal.name
    assert len((tmp_path / "secret_key").read_text().strip()) >= 50


def test_an_empty_key_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "secret_key").write_text("  \n")
    done = subprocess.run(
        [*GONGKAI, "manage", "check"], env=_env(tmp_path), capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 2
    assert "密钥文件" in done.stderr and "是空的" in done.stderr


def test_check_deploy_is_clean_with_the_documented_production_settings(tmp_path: Path) -> None:
    production = {"GONGKAI_HTTPS": "1", "GONGKAI_ALLOWED_HOSTS": "gongkai.example.gov.cn"}
    done = subprocess.run(
        [*GONGKAI, "manage", "check", "--deploy", "--fail-level", "WARNING"],
        env=_env(tmp_path, **production),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout
    # ... and without them it says what is missing.
    bare = subprocess.run(
        [*GONGKAI, "manage", "check", "--deploy", "--fail-level", "WARNING"],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert bare.returncode != 0 and "SECURE_HSTS_SECONDS" in bare.stderr + bare.stdout


@pytest.mark.django_db
def test_every_response_has_a_content_security_policy(client: Any) -> None:
    policy = client.get("/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "object-src 'none'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "'unsafe-inline'" not in policy.split("script-src", 1)[1].split(";", 1)[0]


def test_every_inline_event_handler_of_the_templates_is_allowed_by_its_hash() -> None:
    handlers = set()
    for template in WEB.rglob("templates/**/*.html"):
        handlers |= set(re.findall(r'\son[a-z]+="([^"]*)"', template.read_text(encoding="utf-8")))
    assert handlers, "the templates' inline handlers were not found"
    assert handlers <= set(security.INLINE_HANDLERS)


def test_the_request_log_masks_id_numbers_and_phones_in_query_strings() -> None:
    line = (
        '127.0.0.1 - - [07/Dec/2026:10:00:00 +0800] "GET /search/?q=11010519491231002X'
        '&tel=13812345678&card=%31%31%30%31%30%35%31%39%34%39%31%32%33%31%30%30%32%58 HTTP/1.1" 200 3540'
    )
    record = logging.LogRecord("gunicorn.access", logging.INFO, __file__, 1, "%s", (line,), None)
    assert security.MaskPersonalDataFilter().filter(record)
    written = record.getMessage()
    assert "11010519491231002X" not in written and "13812345678" not in written
    assert "110105********002X" in written and "138****5678" in written
    assert "+0800" in written
    # An ID-shaped guess with a wrong check digit is masked too.
    guess = security.mask_log_line("GET /api/applications/?q=110105194912310021")
    assert "110105194912310021" not in guess


def _big_upload(client: Any, size: int) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    payload = {"files": [SimpleUploadedFile("big.pdf", b"%PDF-1.7\n" + b"0" * size)]}
    return client.post(reverse("oversight:upload", args=[2025]), payload)


@pytest.mark.django_db
def test_an_oversize_upload_is_refused_while_it_streams_and_never_stored(
    client: Any, people: Any, settings: Any
) -> None:
    from gongkai.web.oversight.models import UploadedReport

    settings.GONGKAI_UPLOAD_FILE_MAX_BYTES = 3 * 1024 * 1024
    client.force_login(people["supervisor"])
    response = _big_upload(client, 4 * 1024 * 1024)
    assert response.status_code == 200
    assert "过大" in response.content.decode() and "未保存" in response.content.decode()
    assert not UploadedReport.objects.exists()
    settings.GONGKAI_UPLOAD_REQUEST_MAX_BYTES = 1024 * 1024
    settings.GONGKAI_UPLOAD_FILE_MAX_BYTES = 50 * 1024 * 1024
    response = _big_upload(client, 2 * 1024 * 1024)
    assert "上传内容过大" in response.content.decode()
    assert not UploadedReport.objects.exists()


@pytest.mark.django_db
def test_a_100_mb_file_is_refused_with_the_default_caps(client: Any, people: Any) -> None:
    from gongkai.web.oversight.models import UploadedReport

    client.force_login(people["supervisor"])
    response = _big_upload(client, 100 * 1024 * 1024)
    assert "超过 50 MB 的上限" in response.content.decode()
    assert not UploadedReport.objects.exists()

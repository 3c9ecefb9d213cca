"""The demo's cold build starts from the empty migrated database committed as SQL text (issue 17,
point 17): generated from a real ``migrate``, and checked against one here, so that a new
migration fails this test until ``make demo-schema`` regenerates it."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from django.db import connection

from gongkai.web.demo import schema, snapshot


def _contents(database: Path) -> dict[str, object]:
    """Every schema object and every row of every table (virtual tables' shadow tables and
    ``sqlite_sequence`` included) of ``database``, the migrations' wall-clock times aside."""
    db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        objects = sorted(db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))
        rows: dict[str, object] = {"schema": objects}
        for name, kind in db.execute("SELECT name, type FROM pragma_table_list WHERE schema = 'main'"):
            if kind in ("table", "shadow") and name != "sqlite_schema":
                # (FTS5's _idx and _config are WITHOUT ROWID: compared as sets of rows)
                rows[name] = sorted(db.execute(f'SELECT * FROM "{name}"'), key=repr)
        migrations = db.execute("SELECT id, app, name FROM django_migrations ORDER BY id")
        rows["django_migrations"] = migrations.fetchall()
        for pragma in ("user_version", "application_id", "auto_vacuum", "encoding"):
            rows[pragma] = db.execute(f"PRAGMA {pragma}").fetchall()
    finally:
        db.close()
    return rows


@pytest.mark.slow
def test_the_committed_schema_is_what_migrate_gives_and_loads_into_the_same_database(tmp_path: Path) -> None:
    migrated = tmp_path / "migrated.sqlite3"
    run = subprocess.run(
        [sys.executable, "-m", "gongkai.web.demo.schema", "--check", "--keep", str(migrated)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr  # names the command that regenerates it
    loaded = tmp_path / "loaded.sqlite3"
    assert schema.load(loaded)
    expected = _contents(migrated)
    assert len(expected) > 60 and expected["django_migrations"] and expected["auth_permission"]
    assert _contents(loaded) == expected
    with sqlite3.connect(loaded) as db:  # the time of loading, in Django's format, not the placeholder
        (applied,) = db.execute("SELECT DISTINCT applied FROM django_migrations").fetchone()
    db.close()
    assert applied[:2] == "20" and len(applied) == 26


def test_a_schema_made_for_other_migrations_is_refused_and_the_file_left_alone(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert schema.prepared(schema.migrations_digest()) is not None
    monkeypatch.setattr(schema, "migrations_digest", lambda: "0" * 64)
    database = tmp_path / "empty.sqlite3"
    database.touch()
    assert not schema.load(database)
    assert database.read_bytes() == b""


def test_the_digest_follows_the_migration_files(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from django.apps import apps

    before = schema.migrations_digest()
    audit = apps.get_app_config("audit")
    copy = tmp_path / "audit"
    (copy / "migrations").mkdir(parents=True)
    for path in (Path(audit.path) / "migrations").glob("*.py"):
        (copy / "migrations" / path.name).write_bytes(path.read_bytes())
    monkeypatch.setattr(audit, "path", str(copy))
    assert schema.migrations_digest() == before
    (copy / "migrations" / "9999_new.py").write_text("# a new migration\n", encoding="utf-8")
    assert schema.migrations_digest() != before


@pytest.mark.django_db(transaction=True)
def test_the_cold_build_starts_from_the_committed_schema_without_migrating(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import django.core.management

    from gongkai.web.demo import city

    if connection.vendor != "sqlite":
        pytest.skip("the demo city is built on the embedded SQLite database only")
    target = tmp_path / "live.sqlite3"
    monkeypatch.setattr(snapshot, "_settings", lambda: (target, tmp_path / "media", tmp_path / "snap"))

    def migrate(*args: object, **kwargs: object) -> None:
        raise AssertionError("migrate was run")

    def build(**kwargs: object) -> list[tuple[str, str, str]]:
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM django_migrations")
            assert cursor.fetchone()[0] > 60
            cursor.execute("SELECT count(*) FROM accounts_user")
            assert cursor.fetchone()[0] == 0
        return []

    monkeypatch.setattr(django.core.management, "call_command", migrate)
    monkeypatch.setattr(city, "build", build)
    monkeypatch.setattr(city, "summary", lambda: "")
    snapshot.build(date(2026, 12, 7))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["live.sqlite3"]  # no demo-schema/ kept
    with sqlite3.connect(target) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    db.close()

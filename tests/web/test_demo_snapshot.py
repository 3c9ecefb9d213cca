"""The demo build's progress and its checked snapshot (issue 17, point 17): a snapshot is used only
when it was made for the same code, day and seed and its database is whole."""

from __future__ import annotations

import io
import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from django.db import connection

from gongkai.web.demo import snapshot
from gongkai.web.demo.progress import RichStages, Stages

DAY = date(2026, 11, 27)


class Recorded(Stages):
    def __init__(self) -> None:
        self.events: list[tuple[str, ...]] = []

    def stage(self, label: str, total: int) -> None:
        self.events.append(("stage", label, str(total)))

    def advance(self, detail: str = "") -> None:
        self.events.append(("advance", detail))

    def note(self, detail: str) -> None:
        self.events.append(("note", detail))


def test_track_counts_one_step_per_item_and_names_the_one_being_built() -> None:
    progress = Recorded()
    assert list(progress.track("年度报告", ["甲", "乙"])) == ["甲", "乙"]
    assert progress.events == [
        ("stage", "年度报告", "2"),
        ("note", "甲"),
        ("advance", "乙"),
        ("advance", ""),
    ]


def test_without_a_terminal_each_stage_is_one_line() -> None:
    out = io.StringIO()
    progress = RichStages(file=out)
    progress.stage("机关与账号", 1)
    progress.advance()
    list(progress.track("年度报告", ["平科"]))
    progress.finish()
    assert out.getvalue().splitlines() == [
        "生成示例数据：机关与账号（1 步）……",
        "生成示例数据：年度报告（1 步）……",
    ]


def test_the_key_changes_with_the_day_and_the_seed_and_the_code_hash_is_stable() -> None:
    key = snapshot.snapshot_key(DAY, 2026)
    assert key == snapshot.snapshot_key(DAY, 2026)
    assert key != snapshot.snapshot_key(date(2026, 11, 28), 2026)
    assert key != snapshot.snapshot_key(DAY, 2027)
    assert snapshot.code_hash() == snapshot.code_hash()


def _snapshot(folder: Path, key: str) -> Path:
    folder.mkdir()
    database = folder / snapshot.DATABASE
    with sqlite3.connect(database) as db:
        db.execute("CREATE TABLE t (x)")
        db.execute("INSERT INTO t VALUES (1)")
    db.close()
    manifest = {"key": key, "sha256": snapshot._file_sha256(database), "accounts": [], "summary": "s"}
    (folder / snapshot.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    return database


def test_a_whole_snapshot_for_the_key_is_accepted(tmp_path: Path) -> None:
    _snapshot(tmp_path / "s", "k")
    manifest = snapshot.checked_manifest(tmp_path / "s", "k")
    assert manifest is not None and manifest["summary"] == "s"


@pytest.mark.parametrize("damage", ["other key", "changed bytes", "no manifest", "not a database"])
def test_a_snapshot_for_another_key_or_damaged_is_refused(tmp_path: Path, damage: str) -> None:
    database = _snapshot(tmp_path / "s", "k")
    key = "k"
    if damage == "other key":
        key = "k2"
    elif damage == "changed bytes":
        with sqlite3.connect(database) as db:
            db.execute("INSERT INTO t VALUES (2)")
        db.close()
    elif damage == "no manifest":
        (tmp_path / "s" / snapshot.MANIFEST).unlink()
    else:
        database.write_bytes(b"not a database" * 100)
        manifest = json.loads((tmp_path / "s" / snapshot.MANIFEST).read_text(encoding="utf-8"))
        manifest["sha256"] = snapshot._file_sha256(database)
        (tmp_path / "s" / snapshot.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    assert snapshot.checked_manifest(tmp_path / "s", key) is None


# -- the cold build: into its own file with the build's pragmas, then moved into place ------------


def _fake_build(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, *, fail: bool
) -> tuple[Path, dict[str, object]]:
    """``snapshot.build`` with the embedded database at ``tmp_path/live.sqlite3`` (holding b"old")
    and a city that is one table, written on the connection the build opened (or a failure); the
    pragmas that connection had when the build began are put in the returned dict."""
    import django.core.management

    from gongkai.web.demo import city

    if connection.vendor != "sqlite":
        # Not a missing dependency: the demo lives on the embedded SQLite database by design
        # (`gongkai serve --demo`), and these tests swap that database's file under the connection.
        pytest.skip("the demo city is built on the embedded SQLite database only")
    target = tmp_path / "live.sqlite3"
    target.write_bytes(b"old")
    monkeypatch.setattr(snapshot, "_settings", lambda: (target, tmp_path / "media", tmp_path / "snap"))
    seen: dict[str, object] = {}

    def migrate(*args: object, **kwargs: object) -> None:
        seen["migrations"] = int(str(seen.get("migrations", 0))) + 1
        with connection.cursor() as cursor:
            seen["journal"] = cursor.execute("PRAGMA journal_mode").fetchone()[0]
            seen["synchronous"] = cursor.execute("PRAGMA synchronous").fetchone()[0]
            cursor.execute("CREATE TABLE city (name TEXT)")

    def build(**kwargs: object) -> list[tuple[str, str, str]]:
        if fail:
            raise RuntimeError("build stopped")
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO city VALUES ('示例市')")
        return [("clerk", "经办人", "示例市")]

    monkeypatch.setattr(django.core.management, "call_command", migrate)
    # As when the committed empty database was made for other migrations (the real one is
    # tests/web/test_demo_schema.py's subject): these tests are about the migrate path.
    monkeypatch.setattr(snapshot.prepared_schema, "load", lambda path: False)
    monkeypatch.setattr(city, "build", build)
    monkeypatch.setattr(city, "summary", lambda: "1 个城市")
    return target, seen


@pytest.mark.django_db(transaction=True)
def test_the_city_is_built_in_its_own_file_and_moved_into_place(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    original = connection.settings_dict["NAME"]
    target, seen = _fake_build(monkeypatch, tmp_path, fail=False)
    demo = snapshot.build(DAY)
    assert seen == {"journal": "memory", "synchronous": 0, "migrations": 1}
    assert demo == snapshot.Demo([("clerk", "经办人", "示例市")], "1 个城市", built=True)
    assert connection.settings_dict["NAME"] == original
    assert sorted(p.name for p in tmp_path.iterdir()) == [snapshot.SCHEMA_DIR, "live.sqlite3"]
    assert target.stat().st_mode & 0o777 == 0o600
    with sqlite3.connect(target) as db:
        assert db.execute("SELECT name FROM city").fetchall() == [("示例市",)]
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"  # what the server expects
    db.close()


@pytest.mark.django_db(transaction=True)
def test_the_build_pragmas_apply_to_the_build_file_only_and_a_failed_build_leaves_the_database(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target, _ = _fake_build(monkeypatch, tmp_path, fail=True)
    with pytest.raises(RuntimeError, match="build stopped"):
        snapshot.build(DAY)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == [snapshot.SCHEMA_DIR, "live.sqlite3"]
    assert connection.settings_dict["NAME"] != str(tmp_path / ".live.sqlite3.building")
    with connection.cursor() as cursor:  # the test database is untouched by the build's pragmas
        assert cursor.execute("PRAGMA synchronous").fetchone()[0] != 0


@pytest.mark.django_db(transaction=True)
def test_the_migrated_empty_database_is_kept_for_the_code_and_reused_on_another_day(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target, seen = _fake_build(monkeypatch, tmp_path, fail=False)
    snapshot.build(DAY)
    schema = tmp_path / snapshot.SCHEMA_DIR
    assert snapshot.checked_manifest(schema, snapshot.schema_key()) is not None
    with sqlite3.connect(schema / snapshot.DATABASE) as db:  # as migrate left it: no city yet
        assert db.execute("SELECT count(*) FROM city").fetchone() == (0,)
    db.close()
    snapshot.build(date(2026, 11, 28))
    assert seen["migrations"] == 1
    with sqlite3.connect(target) as db:
        assert db.execute("SELECT name FROM city").fetchall() == [("示例市",)]
    db.close()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("damage", ["other code", "changed bytes"])
def test_a_migrated_database_for_other_code_or_damaged_is_migrated_again(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, damage: str
) -> None:
    target, seen = _fake_build(monkeypatch, tmp_path, fail=False)
    snapshot.build(DAY)
    database = tmp_path / snapshot.SCHEMA_DIR / snapshot.DATABASE
    if damage == "other code":
        monkeypatch.setattr(snapshot, "schema_key", lambda: "another code")
    else:
        with sqlite3.connect(database) as db:
            db.execute("INSERT INTO city VALUES ('旧')")
        db.close()
    target.write_bytes(b"old")
    snapshot.build(DAY)
    assert seen["migrations"] == 2
    with sqlite3.connect(target) as db:
        assert db.execute("SELECT name FROM city").fetchall() == [("示例市",)]
    db.close()

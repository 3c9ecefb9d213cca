"""The demo build's progress and its checked snapshot (issue 17, point 17): a snapshot is used only
when it was made for the same code, day and seed and its database is whole."""

from __future__ import annotations

import io
import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

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

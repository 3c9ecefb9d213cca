"""The demo city's two parts built side by side and merged (issue 17, point 17): the merged
database is what the two parts make one after the other, or the merge refuses."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connection

from gongkai.web.demo.parallel import MergeConflict, merge, side_by_side
from gongkai.web.demo.progress import Stages

SCHEMA = """
CREATE TABLE audit (id integer NOT NULL PRIMARY KEY AUTOINCREMENT, what TEXT NOT NULL);
CREATE TABLE item (id integer NOT NULL PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL);
CREATE TABLE letter (id integer NOT NULL PRIMARY KEY AUTOINCREMENT,
                     item_id integer NOT NULL REFERENCES item (id) DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE setup (id integer NOT NULL PRIMARY KEY AUTOINCREMENT, flag integer NOT NULL);
CREATE TABLE entry (item_id bigint NOT NULL PRIMARY KEY REFERENCES item (id), title TEXT);
CREATE VIRTUAL TABLE search USING fts5(title);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'append-only'); END;
INSERT INTO audit (what) VALUES ('base');
INSERT INTO item (name) VALUES ('base item');
INSERT INTO setup (flag) VALUES (0), (0), (0);
"""


def _db(path: Path, script: str) -> None:
    with sqlite3.connect(path) as db:
        db.executescript(script)
    db.close()


def _rows(path: Path, query: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as db:
        rows = db.execute(query).fetchall()
    db.close()
    return rows


@pytest.fixture
def three(tmp_path: Path) -> Iterator[tuple[Path, Path, Path]]:
    """(main, base, part): main and part start as copies of base."""
    base = tmp_path / "base.sqlite3"
    _db(base, SCHEMA)
    main, part = tmp_path / "main.sqlite3", tmp_path / "part.sqlite3"
    shutil.copyfile(base, main)
    shutil.copyfile(base, part)
    yield main, base, part


def test_the_parts_rows_follow_this_process_rows_as_one_after_the_other(
    three: tuple[Path, Path, Path],
) -> None:
    main, base, part = three
    _db(main, "INSERT INTO audit (what) VALUES ('a1'), ('a2'); UPDATE setup SET flag = 1 WHERE id = 1;")
    _db(
        part,
        "INSERT INTO audit (what) VALUES ('b1'), ('b2'); INSERT INTO item (name) VALUES ('b item');"
        "INSERT INTO letter (item_id) VALUES (2); UPDATE setup SET flag = 2 WHERE id = 2;"
        "DELETE FROM setup WHERE id = 3; INSERT INTO entry VALUES (2, '通知');"
        "INSERT INTO search (rowid, title) VALUES (2, '通知');",
    )
    merge(main, base, part, renumbered=["audit"])
    assert _rows(main, "SELECT id, what FROM audit ORDER BY id") == [
        (1, "base"),
        (2, "a1"),
        (3, "a2"),
        (4, "b1"),
        (5, "b2"),
    ]
    assert _rows(main, "SELECT seq FROM sqlite_sequence WHERE name = 'audit'") == [(5,)]
    assert _rows(main, "SELECT id, name FROM item ORDER BY id") == [(1, "base item"), (2, "b item")]
    assert _rows(main, "SELECT id, item_id FROM letter") == [(1, 2)]
    assert _rows(main, "SELECT id, flag FROM setup ORDER BY id") == [(1, 1), (2, 2)]
    assert _rows(main, "SELECT item_id, title FROM entry") == [(2, "通知")]
    assert _rows(main, "SELECT rowid FROM search WHERE search MATCH '通知'") == [(2,)]


@pytest.mark.parametrize(
    ("ours", "theirs", "renumbered", "reason"),
    [
        (
            "UPDATE setup SET flag = 1 WHERE id = 1",
            "UPDATE setup SET flag = 2 WHERE id = 1",
            ["audit"],
            "same rows",
        ),
        ("UPDATE setup SET flag = 1 WHERE id = 1", "DELETE FROM setup WHERE id = 1", ["audit"], "same rows"),
        (
            "INSERT INTO item (name) VALUES ('a')",
            "INSERT INTO item (name) VALUES ('b')",
            ["audit"],
            "both parts",
        ),
        (
            "INSERT INTO item (name) VALUES ('a')",
            "INSERT INTO letter (item_id) VALUES (1)",
            ["audit", "item"],
            "refers to item",
        ),
    ],
)
def test_parts_that_were_not_independent_are_refused_and_nothing_is_written(
    three: tuple[Path, Path, Path], ours: str, theirs: str, renumbered: list[str], reason: str
) -> None:
    main, base, part = three
    _db(main, ours + "; INSERT INTO audit (what) VALUES ('a1')")
    _db(part, theirs + "; INSERT INTO audit (what) VALUES ('b1')")
    before = _rows(main, "SELECT 'audit', id, what FROM audit UNION ALL SELECT 'setup', id, flag FROM setup")
    with pytest.raises(MergeConflict, match=reason):
        merge(main, base, part, renumbered=renumbered)
    after = _rows(main, "SELECT 'audit', id, what FROM audit UNION ALL SELECT 'setup', id, flag FROM setup")
    assert after == before


# -- side by side: the child process, its progress and its failure ------------------------------


class Recorded(Stages):
    def __init__(self) -> None:
        self.events: list[tuple[object, ...]] = []
        self.lanes: list[Recorded] = []

    def stage(self, label: str, total: int) -> None:
        self.events.append(("stage", label, total))

    def advance(self, detail: str = "") -> None:
        self.events.append(("advance", detail))

    def finish(self) -> None:
        self.events.append(("finish",))

    def lane(self) -> Stages:
        self.lanes.append(Recorded())
        return self.lanes[-1]


@pytest.fixture
def on_file(tmp_path: Path) -> Iterator[Path]:
    """The default connection on an SQLite file holding :data:`SCHEMA` (as the build's own file)."""
    if connection.vendor != "sqlite":
        pytest.skip("the demo city is built on the embedded SQLite database only (by design)")
    path = tmp_path / "build.sqlite3"
    _db(path, SCHEMA)
    connection.close()
    original = connection.settings_dict["NAME"]
    connection.settings_dict["NAME"] = str(path)
    try:
        yield path
    finally:
        connection.close()
        connection.settings_dict["NAME"] = original


def _write(sql: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql)


@pytest.mark.django_db(transaction=True)
def test_the_second_part_runs_in_another_process_and_is_merged_in(on_file: Path) -> None:
    import os

    seen: dict[str, int] = {}

    def first(progress: Stages) -> None:
        seen["first"] = os.getpid()
        _write("INSERT INTO audit (what) VALUES ('cases')")

    def second(progress: Stages) -> None:
        progress.stage("主动公开目录", 1)
        progress.advance("平科")
        with connection.cursor() as cursor:  # the child's pid, written where the parent reads it
            cursor.execute("INSERT INTO item (name) VALUES (%s)", [str(os.getpid())])
        _write("INSERT INTO audit (what) VALUES ('catalogue')")

    progress = Recorded()
    side_by_side(first, second, progress, renumbered=["audit"])
    assert seen["first"] == os.getpid()
    child = _rows(on_file, "SELECT name FROM item WHERE id = 2")[0][0]
    assert child != str(os.getpid())
    assert _rows(on_file, "SELECT what FROM audit ORDER BY id") == [("base",), ("cases",), ("catalogue",)]
    assert progress.lanes[0].events == [("stage", "主动公开目录", 1), ("advance", "平科"), ("finish",)]
    assert sorted(p.name for p in on_file.parent.iterdir()) == ["build.sqlite3"]


@pytest.mark.django_db(transaction=True)
def test_a_failed_second_part_fails_the_build_with_its_traceback(on_file: Path) -> None:
    def first(progress: Stages) -> None:
        _write("INSERT INTO audit (what) VALUES ('cases')")

    def second(progress: Stages) -> None:
        _write("INSERT INTO audit (what) VALUES ('catalogue')")
        raise ValueError("目录生成失败")

    with pytest.raises(RuntimeError, match="目录生成失败"):
        side_by_side(first, second, Recorded(), renumbered=["audit"])
    assert _rows(on_file, "SELECT what FROM audit ORDER BY id") == [("base",), ("cases",)]
    assert sorted(p.name for p in on_file.parent.iterdir()) == ["build.sqlite3"]


@pytest.mark.django_db(transaction=True)
def test_a_failed_first_part_stops_the_second(on_file: Path) -> None:
    def first(progress: Stages) -> None:
        raise ValueError("案件生成失败")

    def second(progress: Stages) -> None:
        import time

        time.sleep(60)

    with pytest.raises(ValueError, match="案件生成失败"):
        side_by_side(first, second, Recorded(), renumbered=["audit"])
    assert sorted(p.name for p in on_file.parent.iterdir()) == ["build.sqlite3"]


@pytest.mark.django_db(transaction=True)
def test_without_fork_the_parts_run_one_after_the_other_here(
    on_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    monkeypatch.delattr(os, "fork")
    order: list[tuple[str, int]] = []

    def first(progress: Stages) -> None:
        order.append(("cases", os.getpid()))
        _write("INSERT INTO audit (what) VALUES ('cases')")

    def second(progress: Stages) -> None:
        order.append(("catalogue", os.getpid()))
        _write("INSERT INTO audit (what) VALUES ('catalogue')")

    side_by_side(first, second, Recorded(), renumbered=["audit"])
    assert order == [("cases", os.getpid()), ("catalogue", os.getpid())]
    assert _rows(on_file, "SELECT what FROM audit ORDER BY id") == [("base",), ("cases",), ("catalogue",)]

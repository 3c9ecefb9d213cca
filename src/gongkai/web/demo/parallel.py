"""Two independent parts of the demo build on the two cores, merged into one history.

The cold build is CPU-bound Python (Django's ORM replaying about 6,000 steps); one process uses
one core. Two parts that neither read nor change each other's rows -- the cases (and their
appeals) and the disclosure catalogues -- can run at the same time: the second in a forked child,
on a copy of the database as it was when the two parted (the *base*), the first in this process.
Each commits into a file of its own; then :func:`merge` copies what the child added or changed
into this process's file.

Why two files and a merge, not two writers on one file (WAL, ``BEGIN IMMEDIATE``): every replayed
step is a transaction whose ORM work happens while it holds SQLite's write lock, so two writers
would take turns rather than run side by side.

The merged database is the one the two parts would have made one after the other (first, then
second), row for row and id for id: the child's new rows keep their ids, except in the tables
both parts append to (the audit trail), where they are numbered after this process's rows -- the
order a sequential build gives them. Nothing may refer to the rows of such a table (checked), so
renumbering them changes no reference. ``bench/compare_demo_builds.py`` compares a parallel build
with a sequential one table by table.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import threading
import traceback
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any

from gongkai.web.demo.progress import Stages

__all__ = ["MergeConflict", "merge", "remove_database", "side_by_side"]


class MergeConflict(RuntimeError):
    """The two parts were not independent: the merge would lose or invent data."""


def side_by_side(
    first: Callable[[Stages], None],
    second: Callable[[Stages], None],
    progress: Stages,
    *,
    renumbered: Collection[str],
) -> None:
    """Run ``first`` here and ``second`` in a forked child on the default SQLite database's
    file, then merge the child's rows in (as if ``second`` had run after ``first``; only the
    tables in ``renumbered`` may be appended to by both). Each part commits its own work (call
    outside a transaction). On any other database (PostgreSQL, SQLite in memory) the two run one
    after the other here, and so they do where there is no ``os.fork`` (Windows)."""
    from django.db import connection, connections

    path = _database_file()
    if path is None or not hasattr(os, "fork"):
        first(progress)
        second(progress)
        return
    connections.close_all()  # a connection must never be shared with the child
    base, part = path.with_name(path.name + ".base"), path.with_name(path.name + ".part")
    shutil.copyfile(path, base)
    shutil.copyfile(path, part)
    try:
        child = _Child(second, part, progress.lane())
        try:
            first(progress)
        except BaseException:
            child.kill()
            raise
        connection.close()
        child.join()
        merge(path, base, part, renumbered=renumbered)
    finally:
        remove_database(base)
        remove_database(part)


def remove_database(path: Path) -> None:
    """Delete an SQLite database file and the journal files a connection may have left beside it."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _database_file() -> Path | None:
    from django.db import connection

    if connection.vendor != "sqlite" or connection.is_in_memory_db():
        return None
    return Path(connection.settings_dict["NAME"])


class _Child:
    """``work`` in a forked process on the database file ``path``; its progress is relayed to
    ``lane`` by a thread of this process, through a pipe (one JSON list per line)."""

    def __init__(self, work: Callable[[Stages], None], path: Path, lane: Stages) -> None:
        read, write = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the child: never returns
            os.close(read)
            _run_child(work, path, write)
        os.close(write)
        self._error: str | None = None
        self._relay = threading.Thread(target=self._listen, args=(read, lane), daemon=True)
        self._relay.start()

    def _listen(self, fd: int, lane: Stages) -> None:
        with os.fdopen(fd, encoding="utf-8") as pipe:
            for line in pipe:
                kind, *args = json.loads(line)
                if kind == "error":
                    self._error = args[0]
                else:
                    getattr(lane, kind)(*args)
        lane.finish()  # the child's last stage is complete

    def join(self) -> None:
        _, status = os.waitpid(self.pid, 0)
        self._relay.join()
        if status != 0 or self._error is not None:
            raise RuntimeError(f"示例数据的并行部分失败（状态 {status}）：\n{self._error or ''}")

    def kill(self) -> None:
        os.kill(self.pid, signal.SIGTERM)
        os.waitpid(self.pid, 0)
        self._relay.join()


class _PipeStages(Stages):
    """The child's progress, written to the parent's relay."""

    def __init__(self, write: Callable[[list[Any]], None]) -> None:
        self._write = write

    def stage(self, label: str, total: int) -> None:
        self._write(["stage", label, total])

    def advance(self, detail: str = "") -> None:
        self._write(["advance", detail])

    def note(self, detail: str) -> None:
        self._write(["note", detail])

    def finish(self) -> None:
        self._write(["finish"])


def _run_child(work: Callable[[Stages], None], path: Path, fd: int) -> None:
    from django.db import connection

    status = 1
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as pipe:

            def write(message: list[Any]) -> None:
                pipe.write(json.dumps(message, ensure_ascii=False) + "\n")
                pipe.flush()

            try:
                _own_connections(path)
                work(_PipeStages(write))
                connection.close()
                status = 0
            except BaseException:
                where = connection.settings_dict.get("NAME")
                write(["error", f"{traceback.format_exc()}（子进程的数据库：{where}）"])
    finally:
        os._exit(status)  # no atexit handlers, no cleanup of the parent's state


def _own_connections(path: Path) -> None:
    """In the forked child: forget every connection object inherited from the parent and point
    the default database at ``path``. An SQLite handle must never cross a fork (SQLite's own
    rule), and closing it here would act on the parent's; so the wrappers are reset, not closed,
    and every one of them opens its own handle on first use. A full test run once showed a child
    writing through a handle to the test database that it had inherited open."""
    from django.db import connections

    for alias in connections:
        wrapper = connections[alias]
        wrapper.connection = None
        wrapper.in_atomic_block = False
        wrapper.closed_in_transaction = False
        wrapper.needs_rollback = False
        wrapper.savepoint_ids = []
        wrapper.atomic_blocks = []
    connections["default"].settings_dict["NAME"] = str(path)
    connections.settings["default"]["NAME"] = str(path)


def merge(path: Path, base: Path, part: Path, *, renumbered: Collection[str] = ()) -> None:
    """Apply to the database ``path`` what ``part`` changed since ``base`` (both came from the
    same ``base``): rows added (renumbered after ``path``'s own in the tables ``renumbered``, where
    both may add rows), changed and deleted. One transaction; :class:`MergeConflict` (nothing
    written) when both changed the same row, both added rows to another table, or a table is
    renumbered that some foreign key refers to."""
    db = sqlite3.connect(path, isolation_level=None)
    try:
        # A build's own file, which no server has open (as the build's pragmas in snapshot.py).
        for pragma in ("PRAGMA journal_mode=MEMORY", "PRAGMA synchronous=OFF", "PRAGMA foreign_keys=ON"):
            db.execute(pragma)
        db.execute("ATTACH DATABASE ? AS base", (str(base),))
        db.execute("ATTACH DATABASE ? AS part", (str(part),))
        db.execute("BEGIN IMMEDIATE")
        db.execute("PRAGMA defer_foreign_keys=ON")  # rows are copied table by table, in any order
        try:
            for table in _tables(db):
                _merge_table(db, table, renumbered)
            _refuse_references_to(db, renumbered)
            violations = db.execute("PRAGMA main.foreign_key_check").fetchall()
            if violations:
                raise MergeConflict(f"foreign keys broken by the merge: {violations[:5]}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
    finally:
        db.close()


def _tables(db: sqlite3.Connection) -> list[str]:
    """The tables to merge: not SQLite's own, and not the shadow tables of a virtual table (FTS),
    which follow from the rows written to the virtual table itself."""
    rows = db.execute("SELECT name, sql FROM main.sqlite_master WHERE type = 'table'").fetchall()
    virtual = [name for name, sql in rows if sql.upper().startswith("CREATE VIRTUAL")]
    return sorted(
        name
        for name, _ in rows
        if not name.startswith("sqlite_") and not any(name.startswith(v + "_") for v in virtual)
    )


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _merge_table(db: sqlite3.Connection, table: str, renumbered: Collection[str]) -> None:
    t = _q(table)
    columns = [row[1] for row in db.execute(f"PRAGMA main.table_info({t})")]
    listed = ", ".join(_q(c) for c in columns)
    top = db.execute(f"SELECT coalesce(max(rowid), 0) FROM base.{t}").fetchone()[0]
    theirs = _changed(db, "part", t, listed, top)
    if theirs:
        if theirs & _changed(db, "main", t, listed, top):
            raise MergeConflict(f"{table}: the same rows changed by both parts")
        assigned = ", ".join(f"{_q(c)} = (SELECT {_q(c)} FROM part.{t} WHERE rowid = :r)" for c in columns)
        for rowid in sorted(theirs):
            if db.execute(f"SELECT 1 FROM part.{t} WHERE rowid = ?", (rowid,)).fetchone():
                db.execute(f"UPDATE main.{t} SET {assigned} WHERE rowid = :r", {"r": rowid})
            else:
                db.execute(f"DELETE FROM main.{t} WHERE rowid = ?", (rowid,))
    new = f"FROM part.{t} WHERE rowid > {int(top)} ORDER BY rowid"
    if not db.execute(f"SELECT 1 {new} LIMIT 1").fetchone():
        return
    ours = db.execute(f"SELECT coalesce(max(rowid), 0) FROM main.{t}").fetchone()[0]
    key = _integer_key(db, table)
    if ours > top and (table not in renumbered or key is None):
        raise MergeConflict(f"{table}: both parts added rows")
    if key is not None:  # the key is the rowid: kept, numbered after this process's own rows
        shifted = ", ".join(f"{_q(c)} + {int(ours - top)}" if c == key else _q(c) for c in columns)
        db.execute(f"INSERT INTO main.{t} ({listed}) SELECT {shifted} {new}")
    elif _is_virtual(db, table):  # FTS: its rowid is the key of the row it indexes
        db.execute(f"INSERT INTO main.{t} (rowid, {listed}) SELECT rowid, {listed} {new}")
    else:
        db.execute(f"INSERT INTO main.{t} ({listed}) SELECT {listed} {new}")


def _changed(db: sqlite3.Connection, side: str, t: str, listed: str, top: int) -> set[int]:
    """The rowids of the base's rows that ``side`` changed or deleted."""
    changed = db.execute(
        f"SELECT k FROM (SELECT rowid AS k, {listed} FROM {side}.{t} WHERE rowid <= ?"
        f" EXCEPT SELECT rowid, {listed} FROM base.{t})",
        (top,),
    )
    deleted = db.execute(f"SELECT rowid FROM base.{t} EXCEPT SELECT rowid FROM {side}.{t}")
    return {r for (r,) in changed} | {r for (r,) in deleted}


def _integer_key(db: sqlite3.Connection, table: str) -> str | None:
    """The column that is the table's rowid (``INTEGER PRIMARY KEY``), if any."""
    keys = [(row[1], row[2]) for row in db.execute(f"PRAGMA main.table_info({_q(table)})") if row[5]]
    if len(keys) == 1 and keys[0][1].upper() == "INTEGER":
        return str(keys[0][0])
    return None


def _is_virtual(db: sqlite3.Connection, table: str) -> bool:
    sql = db.execute("SELECT sql FROM main.sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    return str(sql).upper().startswith("CREATE VIRTUAL")


def _refuse_references_to(db: sqlite3.Connection, renumbered: Collection[str]) -> None:
    for table in _tables(db):
        for row in db.execute(f"PRAGMA main.foreign_key_list({_q(table)})"):
            if row[2] in renumbered:
                raise MergeConflict(f"{table}.{row[3]} refers to {row[2]}, whose rows the merge renumbers")

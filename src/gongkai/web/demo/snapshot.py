"""The built demo city kept in the data directory, so that ``gongkai serve --demo`` starts in a second.

Building the city replays every case through the actions (audit rows, deadlines, frozen letters and
reports: about a minute, see bench/RESULTS.md). The result depends only on the code, the day and
the seed, so it is built once and kept as a snapshot in ``DATA_DIR/demo-snapshot/``:

- ``gongkai.sqlite3`` -- the whole database, saved with SQLite's online backup (schema, rows,
  sequences and the audit guard's triggers in one consistent copy);
- ``media/`` -- the files the build stored (送达回证 scans);
- ``manifest.json`` -- the key, the SHA-256 of the database file, the accounts and the summary.

The key is a SHA-256 over every file of the ``gongkai`` package (code, templates, migrations,
packaged data), Django's version, the day and the seed: any change to any of them builds the city
again. Before a snapshot is used it is checked: same key, same SHA-256, and SQLite's
``quick_check``; anything else is rebuilt.

A build (a new day, or new code) starts from the empty migrated database committed as SQL text
(:mod:`gongkai.web.demo.schema`, loaded in a few milliseconds instead of 5-6.6 s of CPU for
``migrate``). When that text was made for other migrations (a developer added one and has not run
``make demo-schema`` yet), it starts from ``DATA_DIR/demo-schema/``: the empty database as
``migrate`` left it, kept the same way and checked the same way, under a key without the day or the
seed (:func:`schema_key`), so that only a change of code or of Django runs the migrations again.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import gongkai
from gongkai.web.demo import schema as prepared_schema
from gongkai.web.demo.parallel import remove_database
from gongkai.web.demo.progress import Stages

SNAPSHOT_DIR = "demo-snapshot"
#: The migrated, empty database the cold build starts from (see :func:`schema_key`).
SCHEMA_DIR = "demo-schema"
DATABASE = "gongkai.sqlite3"
MANIFEST = "manifest.json"
FORMAT = 1


@dataclass(frozen=True, slots=True)
class Demo:
    """The demo city in the database: its accounts, its summary line, and whether it was built
    now (False: copied from the snapshot)."""

    accounts: list[tuple[str, str, str]]
    summary: str
    built: bool


def code_hash() -> str:
    """SHA-256 over the path and bytes of every file of the gongkai package (no caches)."""
    root = Path(gongkai.__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def snapshot_key(today: date, seed: int) -> str:
    import django

    parts = [f"format={FORMAT}", f"code={code_hash()}", f"django={django.__version__}"]
    parts += [f"sqlite={sqlite3.sqlite_version}", f"today={today.isoformat()}", f"seed={seed}"]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def schema_key() -> str:
    """What an empty database after ``migrate`` depends on: the gongkai package, every Python file
    of the other installed apps (their models and migrations; Django's own, axes, huey), Django's
    and SQLite's versions -- not the day or the seed, so one migrated database serves every day."""
    import django
    from django.apps import apps

    root = Path(gongkai.__file__).resolve().parent
    digest = hashlib.sha256()
    for app in apps.get_app_configs():
        folder = Path(app.path).resolve()
        if folder.is_relative_to(root):
            continue  # in code_hash()
        for path in sorted(folder.rglob("*.py")):
            digest.update(path.as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    parts = [f"format={FORMAT}", f"code={code_hash()}", f"apps={digest.hexdigest()}"]
    parts += [f"django={django.__version__}", f"sqlite={sqlite3.sqlite_version}"]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _settings() -> tuple[Path, Path, Path]:
    """(the database file, the media folder, the snapshot folder) of the configured data directory."""
    from django.conf import settings

    return (
        Path(settings.DATABASES["default"]["NAME"]),
        Path(settings.MEDIA_ROOT),
        settings.DATA_DIR / SNAPSHOT_DIR,
    )


def checked_manifest(folder: Path, key: str) -> dict[str, object] | None:
    """The snapshot's manifest if the snapshot in ``folder`` is whole and made for ``key``."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    database = folder / DATABASE
    if (
        manifest.get("key") != key
        or not database.is_file()
        or _file_sha256(database) != manifest.get("sha256")
    ):
        return None
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
            ok = db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        db.close()
    except sqlite3.Error:
        return None
    return manifest if ok else None


def restore(key: str) -> Demo | None:
    """Copy a checked snapshot made for ``key`` into the (freshly deleted) embedded database."""
    from django.db import connections

    target, media, folder = _settings()
    manifest = checked_manifest(folder, key)
    if manifest is None:
        return None
    connections.close_all()
    shutil.copyfile(folder / DATABASE, target)
    target.chmod(0o600)
    if (folder / "media").is_dir():
        shutil.copytree(folder / "media", media, dirs_exist_ok=True)
    accounts = [(str(u), str(r), str(a)) for u, r, a in manifest["accounts"]]  # type: ignore[attr-defined]
    return Demo(accounts, str(manifest["summary"]), built=False)


def save(key: str, demo: Demo) -> None:
    """Keep the database just built (and its media) as the snapshot for ``key``, replacing any other."""
    _, media, folder = _settings()
    _keep(folder, {"key": key, "accounts": demo.accounts, "summary": demo.summary}, media)


def _keep(folder: Path, manifest: dict[str, object], media: Path | None = None) -> None:
    """Copy the database the default connection is open on (and ``media``) into ``folder`` with
    ``manifest`` and the copy's SHA-256, replacing what was there.

    Written to a temporary folder beside it and renamed into place, so a build killed half-way
    leaves no copy rather than a broken one."""
    from django.db import connection

    folder.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    try:
        connection.ensure_connection()
        copy = sqlite3.connect(work / DATABASE)
        try:
            connection.connection.backup(copy)
        finally:
            copy.close()
        (work / DATABASE).chmod(0o600)
        if media is not None and media.is_dir():
            shutil.copytree(media, work / "media")
        manifest = {**manifest, "sha256": _file_sha256(work / DATABASE)}
        (work / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        shutil.rmtree(folder, ignore_errors=True)
        work.rename(folder)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise


def demo_database(today: date, *, seed: int = 2026, progress: Stages | None = None) -> Demo:
    """Fill the freshly deleted embedded database with the demo city: from the snapshot when one
    was checked for this code, day and seed, else built (``progress`` told each stage) and kept."""
    key = snapshot_key(today, seed)
    restored = restore(key)
    if restored is not None:
        return restored
    demo = build(today, seed=seed, progress=progress)
    save(key, demo)
    return demo


#: For the build's own file only (see :func:`build`), never for a database a server uses: no
#: fsync; the rollback journal in memory, not OFF, because a step the rules refuse is rolled back
#: to its savepoint; a page cache larger than the whole city (about 30 MB), so that no page is
#: spilled and written twice during the one long transaction.
BUILD_PRAGMAS = ("PRAGMA journal_mode=MEMORY", "PRAGMA synchronous=OFF", "PRAGMA cache_size=-131072")


def build(today: date, *, seed: int = 2026, progress: Stages | None = None, parallel: bool = True) -> Demo:
    """Build the demo city into a new private file beside the embedded database and move it into
    place once complete (``os.replace``, atomic): the build runs with :data:`BUILD_PRAGMAS`, and a
    build killed half-way leaves the old database, never a half-written one. The file starts as the
    committed migrated empty database (:mod:`gongkai.web.demo.schema`) when it was made for these
    migrations; else as a copy of the checked migrated database for this code when there is one,
    else it is migrated and then kept as that copy. ``parallel``: build the cases and the
    catalogues side by side on two cores (:mod:`gongkai.web.demo.parallel`; the same city)."""
    from django.core.management import call_command

    from gongkai.web.demo import city
    from gongkai.web.settings import create_private_file

    target, _, folder = _settings()
    work = target.with_name(f".{target.name}.building")
    remove_database(work)
    create_private_file(work)
    try:
        migrated = prepared_schema.load(work)
        if not migrated:
            schema, key = folder.parent / SCHEMA_DIR, schema_key()
            migrated = checked_manifest(schema, key) is not None
            if migrated:
                shutil.copyfile(schema / DATABASE, work)
        with _building_in(work):
            if not migrated:
                call_command("migrate", interactive=False, verbosity=0)
                _keep(schema, {"key": key})
            accounts = city.build(seed=seed, today=today, progress=progress, parallel=parallel)
            demo = Demo(accounts, city.summary(), built=True)
        remove_database(target)  # a stale -wal beside the new file would be replayed into it
        os.replace(work, target)
    except BaseException:
        remove_database(work)
        raise
    return demo


@contextmanager
def _building_in(path: Path) -> Iterator[None]:
    """Point the default database at ``path`` with :data:`BUILD_PRAGMAS` (on every connection
    opened meanwhile: the parallel build closes and reopens it, and its child opens its own copy);
    on success the file is switched back to WAL (what the server expects) and closed; the
    database is pointed back."""
    from django.db import connection
    from django.db.backends.signals import connection_created

    def build_pragmas(sender: object, connection: Any, **kwargs: object) -> None:
        if connection.alias == "default":
            with connection.cursor() as cursor:
                for pragma in BUILD_PRAGMAS:
                    cursor.execute(pragma)

    connection.close()
    original = connection.settings_dict["NAME"]
    connection.settings_dict["NAME"] = str(path)
    connection_created.connect(build_pragmas, weak=False, dispatch_uid="gongkai.demo.build_pragmas")
    try:
        connection.ensure_connection()
        yield
        connection_created.disconnect(dispatch_uid="gongkai.demo.build_pragmas")
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode=WAL")
    finally:
        connection_created.disconnect(dispatch_uid="gongkai.demo.build_pragmas")
        connection.close()
        connection.settings_dict["NAME"] = original

"""What the web benchmarks share: Django pointed at a throw-away data directory and at SQLite or a
benchmark PostgreSQL database of their own (dropped and created again for each run)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from webtesting import applicant_person  # type: ignore[import-not-found]

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"

#: The person and delivery fields of the benchmarks' sample applicant: the web tests' applicant.
APPLICANT: dict[str, str] = applicant_person()


def pg(sql: str) -> None:
    """Run ``sql`` on the PostgreSQL server outside a transaction (CREATE/DROP DATABASE)."""
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(sql)


def drop_database(name: str) -> None:
    pg(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def use_database(data_dir: str, *, sqlite: bool, name: str, recreate: bool = True) -> None:
    """Settings for ``django.setup()``: the data directory, and SQLite or the PostgreSQL database
    ``name`` (dropped and created again unless ``recreate`` is false: a run that reuses its data)."""
    os.environ["GONGKAI_DATA_DIR"] = data_dir
    os.environ["DJANGO_SETTINGS_MODULE"] = "gongkai.web.settings"
    os.environ.pop("REDIS_URL", None)
    if sqlite:
        os.environ.pop("DATABASE_URL", None)
        return
    if recreate:
        drop_database(name)
        pg(f"CREATE DATABASE {name}")
    os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{name}"


def database_options(found: argparse.ArgumentParser, *, repeat: int) -> argparse.ArgumentParser:
    """``found`` with the options of every benchmark on a database: ``--sqlite`` (for
    :func:`use_database`) and ``--repeat``."""
    found.add_argument("--sqlite", action="store_true")
    found.add_argument("--repeat", type=int, default=repeat)
    return found


def parser(description: str, *, repeat: int) -> argparse.ArgumentParser:
    """The arguments of a benchmark over N applications: N, ``--sqlite`` and ``--repeat``."""
    found = argparse.ArgumentParser(description=description)
    found.add_argument("n", nargs="?", type=int, default=100_000)
    return database_options(found, repeat=repeat)


def migrated() -> None:
    """``django.setup()`` on the settings of :func:`use_database`, and its database migrated."""
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)

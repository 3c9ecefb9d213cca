"""Database-level guard that makes some tables append-only for every client, raw SQL included.

- ``audit_auditevent``: the audit trail (nobody edits what happened);
- ``replies_issuedletter``: letters as issued to applicants, with their digests (a legal act);
- ``annual_publishedfile``: the files of a published annual report, with their digests.

Triggers reject UPDATE and DELETE on them. On PostgreSQL TRUNCATE (table-owner only; what
test-database flushing uses) is not a row operation and stays possible for the owner. Each app's
migration installs the guard once its table exists (``install`` skips tables not created yet).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

TABLE = "audit_auditevent"
#: Guarded table -> the prefix of its trigger names (the audit table's names predate the others).
GUARDED: dict[str, str] = {
    TABLE: "audit",
    "replies_issuedletter": "issued_letter",
    "annual_publishedfile": "published_file",
}


def _sqlite_install(table: str, prefix: str) -> list[str]:
    return [
        f"""CREATE TRIGGER IF NOT EXISTS {prefix}_no_{verb} BEFORE {verb.upper()} ON {table}
            BEGIN SELECT RAISE(ABORT, '{table} rows are append-only'); END"""
        for verb in ("update", "delete")
    ]


def _sqlite_remove(table: str, prefix: str) -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {prefix}_no_{verb}" for verb in ("update", "delete")]


def _pg_install(table: str, prefix: str) -> list[str]:
    return [
        """CREATE OR REPLACE FUNCTION gongkai_append_only() RETURNS trigger AS $$
           BEGIN RAISE EXCEPTION '% rows are append-only', TG_TABLE_NAME; END; $$ LANGUAGE plpgsql""",
        f"DROP TRIGGER IF EXISTS {prefix}_append_only ON {table}",
        f"""CREATE TRIGGER {prefix}_append_only BEFORE UPDATE OR DELETE ON {table}
            FOR EACH ROW EXECUTE FUNCTION gongkai_append_only()""",
    ]


def _pg_remove(table: str, prefix: str) -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {prefix}_append_only ON {table}"]


def _statements(connection: Any, install: bool) -> list[str]:
    vendor = connection.vendor
    if vendor == "sqlite":
        build = _sqlite_install if install else _sqlite_remove
    elif vendor == "postgresql":
        build = _pg_install if install else _pg_remove
    else:
        raise RuntimeError(f"no append-only guard for database vendor {vendor!r}")
    existing = set(connection.introspection.table_names())
    return [sql for table, prefix in GUARDED.items() if table in existing for sql in build(table, prefix)]


def install(connection: Any) -> None:
    statements = _statements(connection, install=True)
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def remove(connection: Any) -> None:
    statements = _statements(connection, install=False)
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


@contextmanager
def suspended(connection: Any) -> Iterator[None]:
    """Lift the guard for a maintenance window (e.g. flushing a test database), then restore it."""
    remove(connection)
    try:
        yield
    finally:
        install(connection)

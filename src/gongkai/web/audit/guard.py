"""Database-level guard that makes some tables append-only for every client, raw SQL included.

- ``audit_auditevent``: the audit trail (nobody edits what happened);
- ``replies_issuedletter``: letters as issued to applicants, with their digests (a legal act);
- ``annual_publishedfile``: the files of a published annual report, with their digests.

- ``letters_caseletter`` and ``letters_caseletterfile``: procedural letters as issued (文号, date,
  the frozen DOCX/PDF bytes and digests);
- ``applications_caseevent``: what happened in a case; only ``until``, the end of a period that
  moves when the period is re-established (a consultation ended early, a fee paid), may change;
- ``disclosure_itemversion``: the published versions of a disclosure item;
- ``replies_delivery``: the 送达 records;
- ``appeals_appeal``: a case once its result is recorded (no longer 尚未审结).

Triggers reject UPDATE and DELETE on them (issue 15 point 14). On PostgreSQL TRUNCATE (table-owner only; what
test-database flushing uses) is not a row operation and stays possible for the owner. Each app's
migration installs the guard once its table exists (``install`` skips tables not created yet).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

TABLE = "audit_auditevent"


@dataclass(frozen=True)
class Guard:
    """How a table is guarded: the prefix of its trigger names (the audit table's predate the
    others), the columns an UPDATE may not touch (``None``: every column) and the condition on
    the old row under which it is history (``None``: always)."""

    prefix: str
    columns: tuple[str, ...] | None = None
    when: str | None = None


#: Guarded table -> its guard.
GUARDED: dict[str, Guard] = {
    TABLE: Guard("audit"),
    "replies_issuedletter": Guard("issued_letter"),
    "annual_publishedfile": Guard("published_file"),
    "letters_caseletter": Guard("case_letter"),
    "letters_caseletterfile": Guard("case_letter_file"),
    "applications_caseevent": Guard(
        "case_event", columns=("application_id", "kind", "on", "detail", "note", "by_id", "created_at")
    ),
    "disclosure_itemversion": Guard("item_version"),
    "replies_delivery": Guard("delivery"),
    "appeals_appeal": Guard("closed_appeal", when="OLD.result <> 'pending'"),
}


def _update_of(guard: Guard) -> str:
    return "UPDATE" if guard.columns is None else "UPDATE OF " + ", ".join(f'"{c}"' for c in guard.columns)


def _sqlite_install(table: str, guard: Guard) -> list[str]:
    when = f" WHEN {guard.when}" if guard.when else ""
    return [
        f"""CREATE TRIGGER IF NOT EXISTS {guard.prefix}_no_{verb} BEFORE {event} ON {table}{when}
            BEGIN SELECT RAISE(ABORT, '{table} rows are append-only'); END"""
        for verb, event in (("update", _update_of(guard)), ("delete", "DELETE"))
    ]


def _sqlite_remove(table: str, guard: Guard) -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {guard.prefix}_no_{verb}" for verb in ("update", "delete")]


def _pg_install(table: str, guard: Guard) -> list[str]:
    when = f" WHEN ({guard.when})" if guard.when else ""
    return [
        """CREATE OR REPLACE FUNCTION gongkai_append_only() RETURNS trigger AS $$
           BEGIN RAISE EXCEPTION '% rows are append-only', TG_TABLE_NAME; END; $$ LANGUAGE plpgsql""",
        f"DROP TRIGGER IF EXISTS {guard.prefix}_append_only ON {table}",
        f"""CREATE TRIGGER {guard.prefix}_append_only BEFORE {_update_of(guard)} OR DELETE ON {table}
            FOR EACH ROW{when} EXECUTE FUNCTION gongkai_append_only()""",
    ]


def _pg_remove(table: str, guard: Guard) -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {guard.prefix}_append_only ON {table}"]


def _statements(connection: Any, install: bool) -> list[str]:
    vendor = connection.vendor
    if vendor == "sqlite":
        build = _sqlite_install if install else _sqlite_remove
    elif vendor == "postgresql":
        build = _pg_install if install else _pg_remove
    else:
        raise RuntimeError(f"no append-only guard for database vendor {vendor!r}")
    existing = set(connection.introspection.table_names())
    return [sql for table, g in GUARDED.items() if table in existing for sql in build(table, g)]


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

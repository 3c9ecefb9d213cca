"""pytest support for the web tests (imported by tests/web/conftest.py and tests/browser/conftest.py;
``pythonpath = ["tests"]`` makes it importable from both). It lives under tests/, not in the
installed package: it imports pytest.

Personas (named, small, per test): a city government office (示例市人民政府办公室, the
supervisor) above 平湖市科学技术局 and 示例市财政局, and another city's office; clerks, a
reviewer and a head in 科技局, a clerk in 财政局, a supervisor in the office, an administrator.


Django is configured only there, so the domain tests run without it. On SQLite, flushing the
test database after a transactional test (live server) deletes every row -- including audit rows,
which the append-only triggers refuse -- so the guard is lifted for the teardown and restored
after it. On PostgreSQL the flush is a TRUNCATE, which the row triggers do not see.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Callable, Generator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest

from testsupport import require_cjk_font


def configure_environment() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.web.settings")
    os.environ.setdefault("GONGKAI_DATA_DIR", tempfile.mkdtemp(prefix="gongkai-test-"))
    # Tasks run where they are enqueued, deterministically (the durability test starts its own consumer).
    os.environ.setdefault("GONGKAI_HUEY_IMMEDIATE", "1")
    # Fast password hashing is set in configure(); the secret key is generated per data dir.


def configure(config: pytest.Config) -> None:
    import django
    from django.conf import settings

    django.setup()
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from pytest_django.plugin import blocking_manager_key

    config.stash[blocking_manager_key].block()


def _transactional(item: pytest.Item) -> bool:
    fixtures = getattr(item, "fixturenames", ())
    if "transactional_db" in fixtures or "live_server" in fixtures:
        return True
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: Any) -> Generator[None, None, Any]:
    if not _transactional(item):
        return (yield)
    from django.db import connection
    from pytest_django.plugin import blocking_manager_key

    from gongkai.web.audit import guard

    if connection.vendor != "sqlite":
        return (yield)
    blocker = item.config.stash[blocking_manager_key]
    with blocker.unblock():
        guard.remove(connection)
    try:
        return (yield)
    finally:
        with blocker.unblock():
            # At the end of the session the test database itself is gone by now.
            if guard.TABLE in connection.introspection.table_names():
                guard.install(connection)


def set_today(monkeypatch: pytest.MonkeyPatch, day: date) -> None:
    """Make the web clock (``gongkai.web.clock.now``, which views, actions and the live server ask)
    read 10:00 on ``day`` for the rest of the test."""
    from django.utils import timezone

    from gongkai.web import clock

    monkeypatch.setattr(clock, "now", lambda: timezone.make_aware(datetime.combine(day, time(10))))


@pytest.fixture
def in_process_queue() -> Generator[None, None, None]:
    """The task queue runs each task in-process, at once, whatever REDIS_URL says; registered in
    tests/web/conftest.py, asked for by a module's autouse fixture."""
    from huey.contrib.djhuey import HUEY

    before = HUEY.immediate
    HUEY.immediate = True
    yield
    HUEY.immediate = before


@pytest.fixture
def fresh_cache() -> None:
    """An empty cache (cached portal pages, rate limits, submission keys) so that nothing leaks from
    one test into the next; registered in tests/web/conftest.py, asked for by a module's autouse
    fixture."""
    from django.core.cache import cache

    cache.clear()


def assert_sql_refused(*statements: str) -> None:
    """The database itself refuses each raw SQL statement: the append-only triggers of
    gongkai.web.audit.guard hold below the ORM too."""
    from django.db import DatabaseError, connection, transaction

    for sql in statements:
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql)


@pytest.fixture
def agencies(db: Any) -> dict[str, Any]:
    from gongkai.web.accounts.models import Agency

    office = Agency.objects.create(name="示例市人民政府办公室", short_name="示政办")
    science = Agency.objects.create(name="平湖市科学技术局", short_name="平科", parent=office)
    finance = Agency.objects.create(name="示例市财政局", short_name="示财", parent=office)
    outside = Agency.objects.create(name="邻市人民政府办公室", short_name="邻政办")
    return {"office": office, "science": science, "finance": finance, "outside": outside}


@pytest.fixture
def make_user(db: Any) -> Callable[..., Any]:
    from gongkai.web.accounts.models import Membership, User

    def make(username: str, *memberships: tuple[Any, str], **extra: Any) -> Any:
        user = User.objects.create_user(
            username=username, password="pw-" + username, full_name=username, **extra
        )
        for agency, role in memberships:
            Membership.objects.create(user=user, agency=agency, role=role)
        return user

    return make


@pytest.fixture
def people(agencies: dict[str, Any], make_user: Callable[..., Any]) -> dict[str, Any]:
    a = agencies
    return {
        "clerk": make_user("clerk", (a["science"], "clerk")),
        "clerk2": make_user("clerk2", (a["science"], "clerk")),
        "reviewer": make_user("reviewer", (a["science"], "reviewer")),
        "head": make_user("head", (a["science"], "head")),
        "finance_clerk": make_user("finance_clerk", (a["finance"], "clerk")),
        "supervisor": make_user("supervisor", (a["office"], "supervisor")),
        "outsider": make_user("outsider", (a["outside"], "supervisor")),
        # The platform operator: the city's 系统管理员 and a superuser (Django admin is for superusers).
        "admin": make_user("admin", (a["office"], "admin"), is_staff=True, is_superuser=True),
    }


APPLICANT = {
    "applicant_type": "natural",
    "name": "张三",
    "id_type": "resident_id",
    "id_number": "110101199001011237",
    "phone": "13812345678",
    "email": "zhangsan@example.com",
    "address": "示例市人民路1号",
    "postcode": "314200",
    "description": "2025年度科技项目补助资金分配结果",
    "delivery_form": "electronic",
    "delivery_method": "email",
}


def applicant_person() -> dict[str, str]:
    """APPLICANT's person and delivery columns, as an Application row stores them (the benchmarks'
    sample applicant too: bench/webbench.py)."""
    keys = ("name", "id_type", "id_number", "phone", "delivery_form", "delivery_method")
    return {k: APPLICANT[k] for k in keys}


def row_applicant() -> dict[str, str]:
    """:func:`applicant_person` and the channel, for tests that create rows directly rather than
    through the submit action."""
    return {**applicant_person(), "channel": "online"}


@pytest.fixture
def applicant() -> dict[str, str]:
    return dict(APPLICANT)


@pytest.fixture
def submit(agencies: dict[str, Any]) -> Callable[..., Any]:
    """Register an application received on ``received`` (default 2026-03-02, a Monday)."""
    from django.utils import timezone

    from gongkai.web.applications import actions

    def make(
        agency: Any = None, received: date = date(2026, 3, 2), acting_user: Any = None, **fields: Any
    ) -> Any:
        data = {**APPLICANT, **fields}
        at = timezone.make_aware(datetime.combine(received, datetime.min.time()).replace(hour=10))
        return actions.do_submit_application(
            agency or agencies["science"],
            data,
            channel="online",
            submitted_at=at,
            acting_user=acting_user,
        ).application

    return make


# -- the demo city, built once per test session (per xdist worker) ----------------------------------

#: The day the demo tests build the city for.
DEMO_TODAY = date(2026, 11, 27)


@dataclass(frozen=True, slots=True)
class DemoCity:
    """The demo city built once: the accounts ``build`` returned, and where the built database
    was saved (None on PostgreSQL, where each module builds the city itself)."""

    accounts: list[tuple[str, str, str]]
    snapshot: Path | None


def _flush() -> None:
    """Empty the test database. Flushing deletes rows, which the append-only audit guard refuses
    on SQLite (PostgreSQL truncates), hence the guard is suspended there for the flush."""
    from django.core.management import call_command
    from django.db import connection

    from gongkai.web.audit import guard

    if connection.vendor == "sqlite":
        with guard.suspended(connection):
            call_command("flush", interactive=False, verbosity=0)
    else:
        call_command("flush", interactive=False, verbosity=0)


def _build() -> list[tuple[str, str, str]]:
    from gongkai.web.demo import city

    return city.build(per_year=1, today=DEMO_TODAY)


def build_demo_city(django_db_blocker: Any, folder: Path) -> DemoCity:
    """Build the city once and, on SQLite, save the whole database to ``folder`` with SQLite's
    online backup (``sqlite3.Connection.backup``: schema, rows, sequences and the audit guard's
    triggers in one copy, far faster than replaying every action again); then empty the database.
    The files the build wrote (letters, reports) stay in the session's data directory."""
    from django.db import connection

    with django_db_blocker.unblock():
        accounts = _build()
        snapshot = None
        if connection.vendor == "sqlite":
            snapshot = folder / "demo-city.sqlite3"
            target = sqlite3.connect(snapshot)
            try:
                connection.connection.backup(target)
            finally:
                target.close()
        _flush()
    return DemoCity(accounts, snapshot)


def demo_module(django_db_blocker: Any, city: DemoCity) -> Generator[list[tuple[str, str, str]], None, None]:
    """The demo city in the database for one test module, and the database emptied after it.

    For a module-scoped fixture: ``yield from demo_module(django_db_blocker, demo_city)``. The
    city is copied back from its snapshot (built once per session by the ``demo_city`` fixture);
    on PostgreSQL it is built again.
    """
    from django.db import connection

    with django_db_blocker.unblock():
        if city.snapshot is None:
            _build()
        else:
            connection.ensure_connection()
            source = sqlite3.connect(city.snapshot)
            try:
                source.backup(connection.connection)
            finally:
                source.close()
    yield city.accounts
    with django_db_blocker.unblock():
        _flush()


@pytest.fixture(scope="session")
def demo_city(
    django_db_setup: object, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory
) -> DemoCity:
    """The demo city, built once per session (once per worker under pytest-xdist)."""
    require_cjk_font()  # the city issues letters and publishes annual reports as PDF
    return build_demo_city(django_db_blocker, tmp_path_factory.mktemp("demo-city"))

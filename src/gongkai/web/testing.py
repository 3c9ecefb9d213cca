"""pytest support for the web tests (imported by tests/web/conftest.py and tests/browser/conftest.py).

Django is configured only there, so the domain tests run without it. On SQLite, flushing the
test database after a transactional test (live server) deletes every row -- including audit rows,
which the append-only triggers refuse -- so the guard is lifted for the teardown and restored
after it. On PostgreSQL the flush is a TRUNCATE, which the row triggers do not see.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Generator
from typing import Any

import pytest


def configure_environment() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.web.settings")
    os.environ.setdefault("GONGKAI_DATA_DIR", tempfile.mkdtemp(prefix="gongkai-test-"))
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
            guard.install(connection)

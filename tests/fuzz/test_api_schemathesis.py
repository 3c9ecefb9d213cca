"""Fuzzing the REST API against its own OpenAPI document (issue 6: "no server error").

Every operation of /api/openapi.json is called in-process (schemathesis over the Django WSGI
application, inside the test's database transaction) with generated requests, once as a system
token and once as a staff session (the handling clerk, CSRF token included so that POSTs reach
the views). Valid requests (positive mode) must get no 5xx and a response that conforms to the
document -- status code, content type and body schema; invalid ones (negative mode: wrong types,
missing fields, out-of-range numbers...) must get no 5xx. Derandomized and bounded per operation
so the suite stays repeatable and short; run on SQLite and, with DATABASE_URL, on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from webtesting import configure_environment

configure_environment()  # this folder has no Django conftest of its own

import django  # noqa: E402

django.setup()

import schemathesis  # noqa: E402
from django.conf import settings as django_settings  # noqa: E402
from django.test import Client  # noqa: E402
from hypothesis import HealthCheck, given  # noqa: E402
from hypothesis import settings as hypothesis_settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from schemathesis import GenerationMode  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

import webtesting as testing  # noqa: E402

# The web tests' personas, as fixtures of this module (tests/web/conftest.py is not loaded here).
agencies, make_user, people, submit = testing.agencies, testing.make_user, testing.people, testing.submit

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

#: Examples per operation and mode (15 operations x 2 modes x 2 clients): about a minute in all.
EXAMPLES = 12
#: A valid CSRF secret (32 alphanumerics) sent as cookie and header: Django compares the two.
CSRF = "A" * 32
POSITIVE_CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def _run(strategy: Any, call: Callable[[Any], None]) -> None:
    @hypothesis_settings(
        max_examples=EXAMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategy)
    def run(case: Any) -> None:
        call(case)

    run()


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    """As tests/web/conftest.py does: the personas' passwords need no real key stretching."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def _keep_connection() -> Any:
    """The WSGI handler closes the database connection at the end of each request (Django's test
    client disconnects that too): here it would close the test's transaction."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def _auth(who: str, people: Any, agencies: Any) -> tuple[dict[str, str], dict[str, str]]:
    if who == "token":
        from gongkai.web.api.actions import do_create_api_token

        issued = do_create_api_token(
            agencies["office"], name="省政务服务平台", may_submit=True, may_read=True, acting_user=None
        )
        return {"Authorization": f"Bearer {issued.key}"}, {}
    client = Client()
    client.force_login(people["clerk"])
    session = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    return {"X-CSRFToken": CSRF}, {django_settings.SESSION_COOKIE_NAME: session, "csrftoken": CSRF}


@pytest.mark.usefixtures("_keep_connection")
@pytest.mark.parametrize("who", ["token", "staff"])
def test_every_operation_survives_fuzzing(who: str, people: Any, agencies: Any, submit: Any) -> None:
    from gongkai.web.wsgi import application

    # Cases to hit: generated ids rarely exist, so each {id} operation is also fed real ones.
    existing = [submit().pk, submit(agency=agencies["finance"]).pk, submit(agency=agencies["outside"]).pk]
    headers, cookies = _auth(who, people, agencies)
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 15

    def positive(case: Any) -> None:
        case.call_and_validate(headers=headers, cookies=cookies, checks=POSITIVE_CHECKS)

    def negative(case: Any) -> None:
        case.call_and_validate(headers=headers, cookies=cookies, checks=[not_a_server_error])

    for op in operations:
        has_id = "{id}" in op.path
        strategies = [op.as_strategy(GenerationMode.POSITIVE)]
        if has_id:
            strategies += [
                op.as_strategy(GenerationMode.POSITIVE, path_parameters={"id": pk}) for pk in existing
            ]
        _run(st.one_of(strategies), positive)
        _run(op.as_strategy(GenerationMode.NEGATIVE), negative)

"""Web tests: Django is configured here only, so that tests/domain runs without it.

The personas and factories live in gongkai.web.testing, shared with tests/browser.
"""

from __future__ import annotations

import pytest

from gongkai.web.testing import configure_environment

configure_environment()

from gongkai.web.testing import (  # noqa: E402
    agencies,
    applicant,
    configure,
    make_user,
    people,
    pytest_runtest_teardown,
    submit,
)

__all__ = ["agencies", "applicant", "make_user", "people", "pytest_runtest_teardown", "submit"]


def pytest_configure(config: pytest.Config) -> None:
    configure(config)

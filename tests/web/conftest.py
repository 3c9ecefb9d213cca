"""Web tests: Django is configured here only, so that tests/domain runs without it.

The personas, factories and the demo city live in tests/webtesting.py, shared with tests/browser.
"""

from __future__ import annotations

import pytest

from webtesting import configure_environment

configure_environment()

from webtesting import (  # noqa: E402
    agencies,
    applicant,
    configure,
    demo_city,
    fresh_cache,
    in_process_queue,
    make_user,
    people,
    pytest_runtest_teardown,
    submit,
)

__all__ = [
    "agencies",
    "applicant",
    "demo_city",
    "fresh_cache",
    "in_process_queue",
    "make_user",
    "people",
    "pytest_runtest_teardown",
    "submit",
]


def pytest_configure(config: pytest.Config) -> None:
    configure(config)

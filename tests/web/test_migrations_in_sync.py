"""The models and the migrations agree: a model change without its migration fails here.

Without this, a refactoring of the models (abstract bases, shared fields) could pass every test on
the test database -- which pytest-django builds from the migrations -- while `migrate` on a real
database would lack the change.
"""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_no_model_change_lacks_a_migration() -> None:
    out = io.StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit as exit_:  # --check exits 1 when a migration is missing
        pytest.fail(f"makemigrations --check found model changes without a migration:\n{out.getvalue()}"
                    f" (exit {exit_.code})")
    assert "No changes detected" in out.getvalue()

"""Issue 15 point 9: the receipt masks the applicant's name for a supervisor, by the case page's rule."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def _docx_text(body: bytes) -> str:
    from docx import Document

    return "\n".join(p.text for p in Document(io.BytesIO(body)).paragraphs)


def _client(user: Any) -> Client:
    c = Client()
    c.force_login(user)
    return c


def test_a_supervisors_receipt_masks_the_applicants_name(submit: Any, people: Any) -> None:
    app = submit(name="欧阳娜娜")
    text = _docx_text(_client(people["supervisor"]).get(f"/receipt/{app.pk}.docx").content)
    assert app.number in text
    assert "欧阳娜娜" not in text and "欧***" in text


def test_the_handling_clerks_receipt_keeps_the_full_name(submit: Any, people: Any) -> None:
    app = submit(name="欧阳娜娜")
    assert "欧阳娜娜" in _docx_text(_client(people["clerk"]).get(f"/receipt/{app.pk}.docx").content)


def test_an_organisations_name_is_not_masked(submit: Any, people: Any) -> None:
    app = submit(
        applicant_type="commercial", name="平湖某科技有限公司", id_type="uscc", id_number="91330482MA2B3C4D5E"
    )
    text = _docx_text(_client(people["supervisor"]).get(f"/receipt/{app.pk}.docx").content)
    assert "平湖某科技有限公司" in text

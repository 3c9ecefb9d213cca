"""Issue 15 point 9: the receipt masks the applicant's name for a supervisor, by the case page's rule."""

from __future__ import annotations

from typing import Any

import pytest

from disclosuretesting import client_for
from filesamples import docx_text

pytestmark = pytest.mark.django_db


def test_a_supervisors_receipt_masks_the_applicants_name(submit: Any, people: Any) -> None:
    app = submit(name="欧阳娜娜")
    text = docx_text(client_for(people["supervisor"]).get(f"/receipt/{app.pk}.docx").content)
    assert app.number in text
    assert "欧阳娜娜" not in text and "欧***" in text


def test_the_handling_clerks_receipt_keeps_the_full_name(submit: Any, people: Any) -> None:
    app = submit(name="欧阳娜娜")
    assert "欧阳娜娜" in docx_text(client_for(people["clerk"]).get(f"/receipt/{app.pk}.docx").content)


def test_an_organisations_name_is_not_masked(submit: Any, people: Any) -> None:
    app = submit(
        applicant_type="commercial", name="平湖某科技有限公司", id_type="uscc", id_number="91330482MA2B3C4D5E"
    )
    text = docx_text(client_for(people["supervisor"]).get(f"/receipt/{app.pk}.docx").content)
    assert "平湖某科技有限公司" in text

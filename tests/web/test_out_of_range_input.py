"""Issue 15 point 7: out-of-range numbers in the query string or the path give 400/404, never 500."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"


@pytest.mark.parametrize(
    "url",
    [
        f"/search/?q=政府&page={HUGE}",
        f"/search/?q=政府&agency={HUGE}",
        f"/search/?q=政府&category={HUGE}",
        f"/search/?q=政府&year={HUGE}",
        f"/open/annual-reports/?agency={HUGE}",
        f"/open/annual-reports/?year={HUGE}",
    ],
)
def test_public_pages_refuse_huge_numbers_with_400(client: Any, agencies: Any, url: str) -> None:
    client.raise_request_exception = False
    assert client.get(url).status_code == 400


def test_public_pages_still_ignore_a_filter_that_is_not_a_number(client: Any, agencies: Any) -> None:
    assert client.get("/search/?q=政府&page=abc&agency=x").status_code == 200
    assert client.get("/open/annual-reports/?agency=x&year=").status_code == 200


@pytest.mark.parametrize("year", [HUGE, "99999", "0", "10000"])
def test_staff_pages_refuse_out_of_range_years(client: Any, people: Any, year: str) -> None:
    client.raise_request_exception = False
    client.force_login(people["supervisor"])
    for url in (f"/work/appeals/?year={year}", f"/work/disclosure/table2/?year={year}"):
        assert client.get(url).status_code in (400, 404), url
    for tail in ("", "combined/", "export.xlsx", "upload/"):
        assert client.get(f"/work/oversight/{year}/{tail}").status_code in (400, 404), tail


def test_staff_pages_keep_working_for_a_real_year(client: Any, people: Any) -> None:
    client.force_login(people["supervisor"])
    assert client.get("/work/appeals/?year=2025").status_code == 200
    assert client.get("/work/disclosure/table2/?year=2025").status_code == 200
    assert client.get("/work/oversight/2025/").status_code == 200


def test_a_huge_step_count_of_the_review_chain_form_is_refused(client: Any, people: Any) -> None:
    """The review chain form's ``steps`` bounds a loop: a huge one is a 400, not minutes of work."""
    from django.core.exceptions import BadRequest

    from gongkai.web.disclosure.views import _chain_from

    with pytest.raises(BadRequest):
        _chain_from({"steps": HUGE})

"""Issue 15 point 4: the API's ``q=`` never matches on what the user may not see in clear.

The attack of the report: a supervisor sees an applicant's ID number masked (110101********1237)
but ``q=`` searched the unmasked text, so guessing one digit at a time recovered it."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

LIST = "/api/applications/"
ID_NUMBER = "110101199001011237"
DESCRIPTION = f"本人身份证号{ID_NUMBER}，电话13812345678，申请公开2025年度科技项目补助资金分配结果"


def _session(user: Any) -> APIClient:
    client = APIClient()
    client.force_login(user)
    return client


def _count(client: APIClient, q: str) -> int:
    response = client.get(LIST, {"q": q})
    assert response.status_code == 200, response.content
    return int(response.json()["count"])


def _guess(client: APIClient, known: str, length: int = 18) -> tuple[str, int]:
    """Extend ``known`` one character at a time while some guess still matches; the recovered
    prefix and the requests it took."""
    requests = 0
    while len(known) < length:
        for c in "0123456789X":
            requests += 1
            if _count(client, "身份证号" + known + c):
                known += c
                break
        else:
            break
    return known, requests


def test_the_digit_guessing_attack_recovers_nothing_masked(submit: Any, people: Any) -> None:
    submit(description=DESCRIPTION)
    supervisor = _session(people["supervisor"])
    recovered, requests = _guess(supervisor, "")
    assert recovered == ID_NUMBER[:6]  # what the supervisor sees in clear anyway, nothing more
    assert requests <= 6 * 11 + 11
    assert _count(supervisor, "1380000") == 0 and _count(supervisor, "13812345678") == 0
    assert _count(supervisor, "张三") == 0  # the name is shown masked: 张*


def test_a_supervisor_still_finds_what_it_sees(submit: Any, people: Any) -> None:
    app = submit(description=DESCRIPTION)
    supervisor = _session(people["supervisor"])
    assert _count(supervisor, app.number) == 1
    assert _count(supervisor, "科技项目补助") == 1
    assert _count(supervisor, "110101********1237") == 1  # the masked text, as shown
    assert _count(supervisor, "138****5678") == 1


def test_the_handling_clerk_searches_the_clear_text(submit: Any, people: Any) -> None:
    submit(description=DESCRIPTION)
    clerk = _session(people["clerk"])
    recovered, _ = _guess(clerk, ID_NUMBER[:12])
    assert recovered == ID_NUMBER
    assert _count(clerk, "13812345678") == 1 and _count(clerk, "张三") == 1

"""Issue 15 point 6: the staff login locks after repeated wrong passwords (django-axes), with an
audit row and a Chinese message; the counters live in the database and survive a restart."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from gongkai.web.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def _login(client: Client, username: str, password: str) -> Any:
    return client.post("/login/", {"username": username, "password": password})


def test_forty_wrong_passwords_then_the_right_one_is_refused(people: Any) -> None:
    client = Client()
    statuses = [_login(client, "clerk", f"wrong-{i}").status_code for i in range(40)]
    assert statuses[:4] == [200] * 4  # the form again: 用户名或密码不正确
    assert set(statuses[5:]) == {429}
    response = _login(client, "clerk", "pw-clerk")
    assert response.status_code == 429 and "_auth_user_id" not in client.session
    page = response.content.decode()
    assert "登录失败次数过多" in page and "分钟后再试" in page
    rows = AuditEvent.objects.filter(action="accounts.login_locked")
    assert rows.exists() and all(r.object_id == str(people["clerk"].pk) for r in rows)
    assert "clerk" in rows.first().summary


def test_the_lock_is_per_account_and_other_staff_still_log_in(people: Any) -> None:
    client = Client()
    for i in range(6):
        _login(client, "clerk", f"wrong-{i}")
    response = Client().post("/login/", {"username": "reviewer", "password": "pw-reviewer"})
    assert response.status_code == 302


def test_counters_survive_a_restart(people: Any) -> None:
    """Counters are rows in the database: a new process (empty memory and cache) still refuses."""
    from axes.models import AccessAttempt

    for i in range(5):
        _login(Client(), "clerk", f"wrong-{i}")
    assert AccessAttempt.objects.filter(username="clerk").get().failures_since_start == 5
    cache.clear()  # what a restart loses
    assert _login(Client(), "clerk", "pw-clerk").status_code == 429


def test_a_success_before_the_limit_resets_the_count(people: Any) -> None:
    client = Client()
    for i in range(4):
        _login(client, "clerk", f"wrong-{i}")
    assert _login(client, "clerk", "pw-clerk").status_code == 302
    for i in range(4):
        assert _login(Client(), "clerk", f"again-{i}").status_code == 200

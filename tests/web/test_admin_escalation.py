"""Issue 15 point 2 (and 9, first bullet): an agency's administrator is not a global one through
Django admin; role changes are audited actions; admin shows personal data masked, and every view
of it unmasked is audited."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from gongkai.web.accounts.models import Membership
from gongkai.web.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def leaf_admin(agencies: Any, make_user: Any) -> Any:
    """The 系统管理员 of a leaf agency (科技局), staff flag set as the old admin required."""
    return make_user("leaf_admin", (agencies["science"], "admin"), is_staff=True)


def _client(user: Any) -> Client:
    c = Client()
    c.force_login(user)
    return c


def test_a_leaf_agency_admin_cannot_open_django_admin(leaf_admin: Any, submit: Any, agencies: Any) -> None:
    other = submit(agency=agencies["finance"])
    client = _client(leaf_admin)
    assert client.get("/admin/").status_code == 302  # to the admin login: not allowed
    page = client.get(f"/admin/applications/application/{other.pk}/change/")
    assert page.status_code == 302 and other.id_number.encode() not in page.content
    user_url = f"/admin/accounts/user/{leaf_admin.pk}/change/"
    client.post(user_url, {"memberships-0-agency": agencies["finance"].pk, "memberships-0-role": "clerk"})
    assert not Membership.objects.filter(user=leaf_admin, agency=agencies["finance"]).exists()
    assert "管理后台" not in client.get("/work/").content.decode()


def _user_form(user: Any, memberships: list[tuple[Any, str, Any]]) -> dict[str, Any]:
    data: dict[str, Any] = {
        "username": user.username,
        "full_name": user.full_name,
        "is_active": "on",
        "last_login_0": "",
        "last_login_1": "",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "00:00:00",
        "memberships-TOTAL_FORMS": str(len(memberships)),
        "memberships-INITIAL_FORMS": str(sum(1 for *_, pk in memberships if pk)),
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
    }
    for i, (agency, role, pk) in enumerate(memberships):
        data |= {
            f"memberships-{i}-agency": agency.pk,
            f"memberships-{i}-role": role,
            f"memberships-{i}-user": user.pk,
        }
        if pk:
            data[f"memberships-{i}-id"] = pk
    return data


def test_role_changes_in_admin_are_audited_actions(people: Any, agencies: Any) -> None:
    clerk = people["clerk"]
    own = Membership.objects.get(user=clerk)
    client = _client(people["admin"])  # a platform superuser
    data = _user_form(clerk, [(agencies["science"], "clerk", own.pk), (agencies["finance"], "clerk", None)])
    response = client.post(f"/admin/accounts/user/{clerk.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Membership.objects.filter(user=clerk, agency=agencies["finance"], role="clerk").exists()
    granted = AuditEvent.objects.get(action="accounts.role_granted")
    assert granted.actor == people["admin"] and granted.after["role"] == "clerk"
    assert "示例市财政局" in granted.summary
    data = _user_form(clerk, [(agencies["science"], "clerk", own.pk)])
    finance = Membership.objects.get(user=clerk, agency=agencies["finance"])
    data = _user_form(
        clerk, [(agencies["science"], "clerk", own.pk), (agencies["finance"], "clerk", finance.pk)]
    )
    data["memberships-1-DELETE"] = "on"
    assert client.post(f"/admin/accounts/user/{clerk.pk}/change/", data).status_code == 302
    assert not Membership.objects.filter(pk=finance.pk).exists()
    revoked = AuditEvent.objects.get(action="accounts.role_revoked")
    assert revoked.before == {"user": clerk.pk, "agency": agencies["finance"].pk, "role": "clerk"}


def test_admin_shows_personal_data_masked_and_audits_the_unmasked_view(people: Any, submit: Any) -> None:
    app = submit(name="欧阳娜娜", description="本人电话13812345678")
    client = _client(people["admin"])
    url = f"/admin/applications/application/{app.pk}/change/"
    page = client.get(url).content.decode()
    for clear in (app.id_number, app.phone, "欧阳娜娜", app.email, "13812345678"):
        assert clear not in page
    assert "110101********1237" in page and "138****5678" in page and "欧***" in page
    assert not AuditEvent.objects.filter(action="accounts.personal_data_viewed").exists()
    clear_page = client.get(url + "?unmask=1").content.decode()
    assert app.id_number in clear_page and "欧阳娜娜" in clear_page
    row = AuditEvent.objects.get(action="accounts.personal_data_viewed")
    assert row.actor == people["admin"] and row.object_id == str(app.pk) and row.agency_id == app.agency_id


def test_making_a_user_superuser_is_an_audited_action(people: Any, agencies: Any) -> None:
    clerk = people["clerk"]
    own = Membership.objects.get(user=clerk)
    data = _user_form(clerk, [(agencies["science"], "clerk", own.pk)]) | {
        "is_staff": "on",
        "is_superuser": "on",
    }
    response = _client(people["admin"]).post(f"/admin/accounts/user/{clerk.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    clerk.refresh_from_db()
    assert clerk.is_superuser and clerk.is_staff
    row = AuditEvent.objects.get(action="accounts.flags_changed")
    assert row.actor == people["admin"] and row.object_id == str(clerk.pk)
    assert row.before["is_superuser"] is False and row.after["is_superuser"] is True
    assert "超级用户：是" in row.summary


def test_each_masked_column_of_admin_has_its_heading_and_its_masked_value(people: Any, submit: Any) -> None:
    """The five masked stand-ins of the personal data, each under its Chinese heading (issue 12
    review: the columns are made by one factory now)."""
    app = submit(name="欧阳娜娜", description="本人电话13812345678，身份证110101199001011237")
    page = _client(people["admin"]).get(f"/admin/applications/application/{app.pk}/change/").content.decode()
    columns = {
        name: re.search(
            rf'field-{name}">.*?<label>(.*?):</label>\s*<div class="readonly">(.*?)</div>', page, re.S
        )
        for name in ("masked_name", "masked_id_number", "masked_phone", "masked_email", "masked_description")
    }
    assert {name: m.groups() if m else None for name, m in columns.items()} == {
        "masked_name": ("申请人", "欧***"),
        "masked_id_number": ("证件号码", "110101********1237"),
        "masked_phone": ("联系电话", "138****5678"),
        "masked_email": ("电子邮箱", "z***@example.com"),
        "masked_description": ("申请内容", "本人电话138****5678，身份证110101********1237"),
    }

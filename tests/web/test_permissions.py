"""Staff of one agency cannot read or change another agency's applications through ANY URL.

The URL patterns are enumerated from the resolver, so a view added later is covered without
editing this test.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from gongkai.web.accounts import permissions as accounts
from gongkai.web.applications import permissions
from gongkai.web.applications.models import Application, CaseEvent
from gongkai.web.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

#: URL prefixes of the apps that hold applications; any other app's id URL must still not leak.
OWN_PREFIXES = ("/work/", "/receipt/", "/admin/")
_CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>")


def _routes(patterns: list[Any] | None = None, prefix: str = "") -> Iterator[str]:
    for p in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(p, URLResolver):
            yield from _routes(p.url_patterns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern)


def _object_urls(app: Application) -> list[str]:
    """Every route that takes an object id, filled in with the case's id."""
    urls = []
    for route in _routes():
        names = [m.group(2) for m in _CONVERTER.finditer(route)]
        if not names or route.startswith("^"):
            continue
        values = {
            "pk": str(app.pk),
            "object_id": str(app.pk),
            "fmt": "pdf",
            "app_label": "applications",
            "model_name": "application",
        }
        if any(n not in values for n in names):
            continue
        urls.append("/" + _CONVERTER.sub(lambda m, values=values: values[m.group(2)], route))
    return urls


def test_the_enumeration_sees_the_case_urls(submit: Any) -> None:
    urls = _object_urls(submit())
    assert len(urls) >= 12
    assert any(u.endswith("/extension/approve/") for u in urls)
    assert any(u.startswith("/admin/applications/application/") for u in urls)


def _state(app: Application) -> tuple[Any, ...]:
    fresh = Application.objects.get(pk=app.pk)
    return (
        fresh.status,
        fresh.due_on,
        fresh.assignee_id,
        CaseEvent.objects.count(),
        AuditEvent.objects.count(),
    )


@pytest.mark.parametrize("who", ["finance_clerk", "outsider", "anonymous"])
def test_no_url_reads_or_changes_another_agencys_case(
    client: Any, people: Any, submit: Any, who: str
) -> None:
    app = submit()
    if who != "anonymous":
        client.force_login(people[who])
    before = _state(app)
    form = {
        "on": "2026-03-05",
        "sent_on": "2026-03-05",
        "items": "x",
        "working_days": "5",
        "reason": "x",
        "kind": "third_party",
        "note": "x",
        "assignee": people[who].pk if who != "anonymous" else 1,
    }
    secrets = (app.number, "110101199001011237", "13812345678", app.description)
    for url in _object_urls(app):
        for method in ("get", "post"):
            response = getattr(client, method)(url, form)
            what = f"{method.upper()} {url} -> {response.status_code}"
            if url.startswith(OWN_PREFIXES):
                # The case's own pages: a login redirect, forbidden, not found or wrong method.
                if response.status_code == 302:
                    assert "login" in response["Location"], what
                else:
                    assert response.status_code in (403, 404, 405), what
            else:
                # Other apps' pages that take an id (public portal pages may well answer 200).
                assert response.status_code < 500, what
            body = response.content.decode(errors="replace")
            assert not any(secret in body for secret in secrets), f"{what} leaked the case"
    assert _state(app) == before


@pytest.mark.cjk_font  # publishes or issues a PDF
def test_the_owning_clerk_does_reach_the_case(client: Any, people: Any, submit: Any) -> None:
    """The same enumeration, for the agency's own clerk: the pages do open (the test above is not
    passing only because every URL is broken)."""
    app = submit()
    client.force_login(people["clerk"])
    assert client.get(f"/work/cases/{app.pk}/").status_code == 200
    assert client.get(f"/receipt/{app.pk}.pdf").status_code == 200


@pytest.mark.parametrize(
    ("who", "sees"),
    [
        ("clerk", {"science"}),  # own agency
        ("finance_clerk", {"finance"}),  # own agency only, not the sibling
        ("supervisor", {"office", "science", "finance"}),  # 公开办: the subtree
        ("outsider", {"outside"}),  # another city's office sees only its own tree
    ],
)
def test_visibility(people: Any, agencies: Any, submit: Any, who: str, sees: set[str]) -> None:
    for name in ("office", "science", "finance", "outside"):
        submit(agency=agencies[name])
    visible = {a.agency.short_name for a in permissions.visible(people[who]).select_related("agency")}
    expected = {agencies[n].short_name for n in sees}
    assert visible == expected


@pytest.mark.parametrize(("who", "allowed"), [("admin", True), ("supervisor", False), ("clerk", False)])
def test_django_admin_for_administrators_only(client: Any, people: Any, who: str, allowed: bool) -> None:
    client.force_login(people[who])
    response = client.get("/admin/")
    assert (response.status_code == 200) is allowed
    assert accounts.can_use_admin(people[who]) is allowed


def test_the_account_roles_are_the_domains_but_the_system_role() -> None:
    from gongkai.web.accounts.models import Role
    from gongkai.workflow.cases import ROLE_LABELS
    from gongkai.workflow.cases import Role as WorkflowRole

    assert Role.choices() == [(r.value, ROLE_LABELS[r]) for r in WorkflowRole if r is not WorkflowRole.SYSTEM]

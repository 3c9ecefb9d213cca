"""Template context: what the navigation may show to the current user."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from gongkai.web.accounts import permissions


def roles(request: HttpRequest) -> dict[str, Any]:
    user = request.user
    if not user.is_authenticated:
        return {"nav_staff": False, "nav_admin": False, "nav_register": False}
    return {
        "nav_staff": permissions.is_staff_member(user),
        "nav_register": bool(permissions.handling_agency_ids(user)),
        "nav_admin": permissions.can_use_django_admin(user),
    }

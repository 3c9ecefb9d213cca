"""Template context: whether the navigation shows the supervisor's pages to the current user."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from gongkai.web.accounts.permissions import handling_agency_ids
from gongkai.web.oversight.permissions import OVERSIGHT_ROLES


def oversight(request: HttpRequest) -> dict[str, Any]:
    # handling_agency_ids reads the memberships cached on the user: no extra query per page.
    return {"nav_oversight": bool(handling_agency_ids(request.user, OVERSIGHT_ROLES))}

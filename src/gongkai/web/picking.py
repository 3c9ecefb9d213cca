"""Which of a user's agencies a staff page shows: the one the request asks for, else the first."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from gongkai.web.accounts.models import Agency


def agencies_by_name(ids: Iterable[int]) -> list[Agency]:
    return list(Agency.objects.filter(pk__in=ids).order_by("name"))


def picked(request: HttpRequest, agencies: list[Agency], refusal: str = "") -> Agency:
    """The agency of ``agencies`` asked for (``?agency=`` or the posted form's), else the first;
    403 (with ``refusal``) when the user has none."""
    if not agencies:
        raise PermissionDenied(refusal) if refusal else PermissionDenied
    wanted = request.GET.get("agency") or request.POST.get("agency")
    return next((a for a in agencies if str(a.pk) == wanted), agencies[0])

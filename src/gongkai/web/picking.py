"""Which of a user's agencies a staff page shows: the one the request asks for, else the first."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import BadRequest, PermissionDenied
from django.http import Http404, HttpRequest

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


#: The years a page may be asked about (reports from the 2008 regulation on; dates stay in range).
YEARS = range(2000, 2200)
#: The largest row id the databases hold (a signed 64-bit key).
MAX_ID = 2**63 - 1


def number_param(value: str | None, *, default: int | None = None, high: int = MAX_ID) -> int | None:
    """A whole number of the query string or form, the one way views read them (issue 15 point 7).

    No value, or one that is not digits, gives ``default`` (a filter left empty, a stale link);
    digits beyond ``high`` are a 400 (BadRequest) rather than an overflow in the database or in
    ``date`` arithmetic further down (a 500)."""
    if value is None or not (value.isascii() and value.isdigit()):
        return default
    if len(value) > len(str(high)) or int(value) > high:
        raise BadRequest("参数超出范围。")
    return int(value)


def year_param(value: str | None, default: int) -> int:
    """A year of the query string or form: ``default`` when absent or not digits, 404 outside ``YEARS``."""
    year = number_param(value, default=default, high=YEARS[-1] * 10)
    return checked_year(default if year is None else year)


def checked_year(year: int) -> int:
    """``year`` (of a path or a form) if a page can be about it, else 404."""
    if year not in YEARS:
        raise Http404("没有该年度。")
    return year

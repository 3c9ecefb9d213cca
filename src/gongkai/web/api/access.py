"""What an API client may see and do: a staff session exactly as on the web
(applications.permissions), a system token within its scope (see models.ApiToken)."""

from __future__ import annotations

from django.db.models import QuerySet
from rest_framework.request import Request

from gongkai.web.accounts import permissions as accounts
from gongkai.web.accounts.models import Agency
from gongkai.web.api.models import ApiToken
from gongkai.web.applications import permissions
from gongkai.web.applications.models import Application, ApplicationQuerySet


def token_of(request: Request) -> ApiToken | None:
    return request.auth if isinstance(request.auth, ApiToken) else None


def token_agency_ids(token: ApiToken) -> set[int]:
    """The token's agency and the agencies below it (a platform serves the whole subtree)."""
    cached: set[int] | None = getattr(token, "_subtree", None)
    if cached is None:
        cached = token.agency.subtree_ids()
        token._subtree = cached
    return cached


def visible_applications(request: Request) -> ApplicationQuerySet:
    token = token_of(request)
    if token is None:
        return permissions.visible(request.user)
    if not token.may_read:
        return Application.objects.none()
    return Application.objects.filter(agency_id__in=token_agency_ids(token))


def sees_personal_data(request: Request, app: Application) -> bool:
    """Unmasked applicant details: like the web (the handling agency's own staff); never a token."""
    return token_of(request) is None and permissions.can_see_personal_data(request.user, app)


def personal_data_agency_ids(request: Request) -> set[int]:
    """The agencies whose applicants' personal data the client sees unmasked (never a token)."""
    return set() if token_of(request) is not None else permissions.personal_data_agency_ids(request.user)


def may_handle_cases(request: Request) -> bool:
    """Case actions are staff work: a token never handles a case."""
    return token_of(request) is None


def submission_agencies(request: Request) -> QuerySet[Agency]:
    """Agencies the client may submit to: a token's subtree (accepting online applications), a
    staff member's own handling agencies (as the web's 登记 page)."""
    token = token_of(request)
    if token is None:
        return Agency.objects.filter(pk__in=accounts.handling_agency_ids(request.user))
    if not token.may_submit:
        return Agency.objects.none()
    return Agency.objects.filter(pk__in=token_agency_ids(token), accepts_online=True)

"""Helpers for case pages that every app with a button on a case uses (applications, notices,
replies): the case the user may read, and the POST view that runs one action on it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from gongkai.errors import GongkaiError
from gongkai.web.accounts import permissions as accounts
from gongkai.web.applications import permissions
from gongkai.web.applications.models import Application


def staff_only(request: HttpRequest) -> None:
    if not accounts.is_staff_member(request.user):
        raise PermissionDenied


def visible_case(request: HttpRequest, pk: int) -> Application:
    """The case if the user may read it; 404 otherwise (no hint that it exists elsewhere)."""
    staff_only(request)
    return get_object_or_404(permissions.visible(request.user).select_related("agency", "assignee"), pk=pk)


def run_action(
    request: HttpRequest, app: Application, action: Any, success: str, **kwargs: Any
) -> HttpResponse:
    try:
        action(app, acting_user=request.user, **kwargs)
    except GongkaiError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, success)
    return redirect("applications:detail", pk=app.pk)


def invalid_form(request: HttpRequest, app: Application, form: Any) -> HttpResponse:
    errors = "；".join(str(e) for errs in form.errors.values() for e in errs)
    messages.error(request, f"提交的内容有误：{errors}")
    return redirect("applications:detail", pk=app.pk)


def form_fields(*names: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """``arguments`` for a ``case_action`` whose action takes these form fields, by the same names."""
    return lambda data: {name: data[name] for name in names}


def case_action(
    action: Any,
    success: str,
    *,
    form_class: Any = None,
    form_kwargs: Callable[[Application], dict[str, Any]] = lambda app: {},
    arguments: Callable[[dict[str, Any]], dict[str, Any]] = dict,
) -> Callable[[HttpRequest, int], HttpResponse]:
    """A POST-only view that validates ``form_class`` (if any) and runs one action on the case.

    Every case-handling button works the same way -- permission via ``visible_case``, the form, one
    action, a message -- so the views below only say which form, which action and which arguments.
    ``arguments`` is called per request, so values such as today's date are taken when it is made;
    by default the action takes every field of the form, by the same names.
    """

    @login_required
    @require_POST
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        app = visible_case(request, pk)
        data: dict[str, Any] = {}
        if form_class is not None:
            form = form_class(request.POST, **form_kwargs(app))
            if not form.is_valid():
                return invalid_form(request, app, form)
            data = form.cleaned_data
        return run_action(request, app, action, success, **arguments(data))

    return view

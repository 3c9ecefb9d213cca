"""Staff pages for reconsideration and litigation cases: list per agency and year, form, detail.

Views validate and call one action (appeals.actions); reading follows the agency subtree.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from gongkai.errors import GongkaiError
from gongkai.remedies import FILING_PERIODS_NOTE
from gongkai.web import clock
from gongkai.web.accounts import permissions as accounts
from gongkai.web.accounts.models import Agency
from gongkai.web.appeals import actions, forms, permissions
from gongkai.web.appeals.models import Appeal, Result
from gongkai.web.appeals.timing import period_facts
from gongkai.web.applications import masking
from gongkai.web.applications import permissions as app_permissions
from gongkai.web.applications.models import Application
from gongkai.web.picking import agencies_by_name, picked, year_param
from gongkai.web.workdays.calendars import calendar_for


def _shown_name(user: Any, appeal: Appeal) -> str:
    if permissions.can_see_personal_data(user, appeal):
        return appeal.applicant_name
    return masking.mask_name(appeal.applicant_name)


@login_required
def index(request: HttpRequest) -> HttpResponse:
    agencies = agencies_by_name(accounts.visible_agency_ids(request.user))
    agency = picked(request, agencies)
    year = year_param(request.GET.get("year"), clock.today().year)
    cases = list(
        Appeal.objects.filter(agency=agency)
        .handled_in(year)
        .select_related("agency", "application")
        .order_by("filed_on", "pk")
    )
    calendar = calendar_for(agency)
    rows = [
        {
            "appeal": a,
            "name": _shown_name(request.user, a),
            "result_label": Result.of(a.result_on(date(year, 12, 31))).label,
            "timing": period_facts(a, calendar),
        }
        for a in cases
    ]
    return render(
        request,
        "appeals/index.html",
        {
            "agencies": agencies,
            "agency": agency,
            "year": year,
            "rows": rows,
            "can_record": permissions.can_record(request.user, agency),
        },
    )


@login_required
def register(request: HttpRequest) -> HttpResponse:
    application: Application | None = None
    if request.GET.get("application"):
        application = get_object_or_404(app_permissions.visible(request.user), pk=request.GET["application"])
        agency = application.agency
    else:
        agency = get_object_or_404(Agency, pk=request.GET.get("agency") or 0)
    if not permissions.can_record(request.user, agency):
        raise PermissionDenied
    form = forms.AppealForm(request.POST or None, agency=agency, application=application)
    if request.method == "POST" and form.is_valid():
        try:
            appeal = actions.do_register_appeal(agency, form.cleaned_data, acting_user=request.user)
        except GongkaiError as e:
            form.add_error(None, str(e))
        else:
            messages.success(request, "已登记。")
            return redirect("appeals:detail", pk=appeal.pk)
    return render(
        request,
        "appeals/form.html",
        {"form": form, "agency": agency, "application": application, "periods_note": FILING_PERIODS_NOTE},
    )


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    appeal = get_object_or_404(
        permissions.visible(request.user).select_related("agency", "application"), pk=pk
    )
    return render(
        request,
        "appeals/detail.html",
        {
            "appeal": appeal,
            "name": _shown_name(request.user, appeal),
            "timing": period_facts(appeal),
            "can_record": permissions.can_record(request.user, appeal.agency),
            "result_form": forms.ResultForm(
                initial={"result": appeal.result, "decided_on": appeal.decided_on}
            ),
        },
    )


@login_required
@require_POST
def record_result(request: HttpRequest, pk: int) -> HttpResponse:
    appeal = get_object_or_404(permissions.visible(request.user), pk=pk)
    form = forms.ResultForm(request.POST)
    if not form.is_valid():
        errors = "；".join(str(e) for errs in form.errors.values() for e in errs)
        messages.error(request, f"提交的内容有误：{errors}")
    else:
        try:
            actions.do_record_appeal_result(appeal, acting_user=request.user, **form.cleaned_data)
        except GongkaiError as e:
            messages.error(request, str(e))
        else:
            messages.success(request, "已记录结果。")
    return redirect("appeals:detail", pk=appeal.pk)

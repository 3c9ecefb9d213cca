"""HTML views of the applications app: public intake and tracking, staff queue and case page.

Views validate input, check permissions (applications.permissions) and call one action each.
"""

from __future__ import annotations

import functools
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from gongkai.deadlines import DUE_SOON_WORKING_DAYS
from gongkai.errors import GongkaiError
from gongkai.web import clock as time_seam
from gongkai.web.accounts import permissions as accounts
from gongkai.web.accounts.models import Agency
from gongkai.web.applications import (
    actions,
    clock,
    forms,
    masking,
    notices,
    numbering,
    permissions,
    ratelimit,
    receipt,
)
from gongkai.web.applications import vocabulary as v
from gongkai.web.applications.case_views import case_action, staff_only, visible_case
from gongkai.web.applications.models import Application, ApplicationQuerySet
from gongkai.web.audit.record import timeline
from gongkai.web.clock import today
from gongkai.web.replies.panel import panel_context as reply_panel_context
from gongkai.web.workdays.calendars import calendar_for
from gongkai.workflow.cases import CaseState

PUBLIC_SESSION_KEY = "gongkai_public_cases"
STATUS_LABELS = dict(v.STATUS_CHOICES)
QUEUE_VIEWS = {
    "all": "全部在办",
    "soon": f"{DUE_SOON_WORKING_DAYS}个工作日内到期",
    "overdue": "已逾期",
    "mine": "我经办的",
    "approvals": "待批延期",
}


def home(request: HttpRequest) -> HttpResponse:
    agencies = Agency.objects.filter(accepts_online=True).order_by("name")
    return render(request, "home.html", {"agencies": agencies})


# -- the public ---------------------------------------------------------------------------------


def apply(request: HttpRequest) -> HttpResponse:
    form = forms.ApplicantForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        limit, window = settings.GONGKAI_SUBMIT_RATE
        if not ratelimit.hit(request, "submit", limit, window):
            return render(request, "applications/rate_limited.html", status=429)
        if form.is_valid():
            data = {k: form.cleaned_data[k] for k in forms.APPLICANT_FIELDS}
            submission = actions.do_submit_application(
                data["agency"],
                data,
                channel=v.SubmissionChannel.ONLINE,
                submitted_at=time_seam.now(),  # looked up per call: tests fix the seam
                attachments=form.cleaned_data["attachments"],
                acting_user=None,
            )
            app = submission.application
            request.session[PUBLIC_SESSION_KEY] = [*request.session.get(PUBLIC_SESSION_KEY, []), app.pk][-20:]
            return render(request, "applications/submitted.html", {"app": app, "code": submission.query_code})
    return render(request, "applications/apply.html", {"form": form})


def track(request: HttpRequest) -> HttpResponse:
    form = forms.TrackForm(request.POST or None)
    app = None
    if request.method == "POST":
        if not ratelimit.hit(request, "track", 30, 3600):
            return render(request, "applications/rate_limited.html", status=429)
        if form.is_valid():
            number = form.cleaned_data["number"].strip()
            candidate = Application.objects.filter(number=number).select_related("agency").first()
            if candidate and numbering.check_query_code(
                number, form.cleaned_data["code"], candidate.query_code_hash
            ):
                app = candidate
                request.session[PUBLIC_SESSION_KEY] = [*request.session.get(PUBLIC_SESSION_KEY, []), app.pk][
                    -20:
                ]
            else:
                form.add_error(None, "登记编号或查询码不正确。")
    context: dict[str, Any] = {"form": form, "app": app}
    if app is not None:
        context["events"] = app.events.all()
        context["masked_name"] = masking.applicant_name(app)
    return render(request, "applications/track.html", context)


def _may_download_receipt(request: HttpRequest, app: Application) -> bool:
    return app.pk in request.session.get(PUBLIC_SESSION_KEY, []) or permissions.can_view(request.user, app)


def receipt_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    app = get_object_or_404(Application.objects.select_related("agency"), pk=pk)
    if not _may_download_receipt(request, app):
        raise Http404
    # The applicant (by its query code) and the handling agency's staff see the name in full;
    # a supervisor sees it masked, as on the case page and in the API (issue 15 point 9).
    full = app.pk in request.session.get(PUBLIC_SESSION_KEY, []) or permissions.can_see_personal_data(
        request.user, app
    )
    if fmt == "docx":
        body, mime = receipt.render_docx(app, full_name=full), receipt.DOCX_MIME
    elif fmt == "pdf":
        body, mime = receipt.render_pdf(app, full_name=full), "application/pdf"
    else:
        raise Http404
    response = HttpResponse(body, content_type=mime)
    response["Content-Disposition"] = f'attachment; filename="receipt-{app.pk}.{fmt}"'
    return response


# -- staff --------------------------------------------------------------------------------------


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    """The work queue, sorted by due date: all open cases, due soon, overdue, mine, approvals."""
    staff_only(request)
    view = request.GET.get("view", "all")
    if view not in QUEUE_VIEWS:
        view = "all"
    visible_ids = accounts.visible_agency_ids(request.user)
    agencies = Agency.objects.filter(pk__in=visible_ids).order_by("name")
    agency_id = request.GET.get("agency")
    base = Application.objects.open().filter(agency_id__in=visible_ids)
    selected = None
    if agency_id:
        if not agency_id.isdigit():
            raise Http404
        selected = get_object_or_404(agencies, pk=agency_id)
        base = base.filter(agency=selected)
    now = today()
    calendar = calendar_for(selected)
    soon_limit = ApplicationQuerySet.due_soon_until(now, calendar)
    # One condition per tab; the counts of all tabs come from one aggregate query (one pass over
    # the agency's open cases, index-only on (agency, status, due_on)), not one COUNT per tab.
    conditions = {
        "all": Q(),
        "soon": ApplicationQuerySet.due_soon_q(now, soon_limit),
        "overdue": ApplicationQuerySet.past_due_q(now),
        "mine": Q(assignee=request.user),
        "approvals": Q(
            status=CaseState.EXTENSION_PENDING,
            agency_id__in=accounts.handling_agency_ids(request.user, ("head",)),
        ),
    }
    # One grouped pass gives the tabs' counts and the per-agency table (supervisors).
    per_agency = list(
        Application.objects.open()
        .filter(agency_id__in=visible_ids)
        .values("agency_id")
        .annotate(
            **{key: Count("pk", filter=cond) for key, cond in conditions.items()},
            clock_errors=Count("pk", filter=~Q(clock_error="")),
        )
        .order_by()
    )
    counted = [r for r in per_agency if selected is None or r["agency_id"] == selected.pk]
    counts = {key: sum(r[key] for r in counted) for key in (*conditions, "clock_errors")}
    tabs = [{"key": key, "label": label, "count": counts[key]} for key, label in QUEUE_VIEWS.items()]
    rows = (
        base.filter(conditions[view])
        .select_related("agency")
        .only(
            "number",
            "name",
            "applicant_type",
            "received_on",
            "due_on",
            "status",
            "agency__name",
            "clock_error",
        )
        .order_by("due_on", "pk")
    )
    page = CountedPaginator(rows, 50, count=counts[view]).get_page(request.GET.get("page"))
    items = [_queue_row(app, now, soon_limit) for app in page]
    missing = calendar.missing_years(now)
    by_agency = None
    if len(visible_ids) > 1:
        names = {a.pk: a.name for a in agencies}
        by_agency = sorted(
            (
                {
                    "agency_id": r["agency_id"],
                    "agency__name": names[r["agency_id"]],
                    "open": r["all"],
                    "overdue": r["overdue"],
                }
                for r in per_agency
            ),
            key=lambda r: r["agency__name"],
        )
    return render(
        request,
        "applications/queue.html",
        {
            "view": view,
            "tabs": tabs,
            "page": page,
            "items": items,
            "agencies": agencies,
            "selected": selected,
            "missing_years": missing,
            "by_agency": by_agency,
            "clock_errors": counts["clock_errors"],
        },
    )


class CountedPaginator(Paginator):
    """A paginator told its count (already known from the tab counts) instead of counting again."""

    def __init__(self, object_list: Any, per_page: int, *, count: int) -> None:
        super().__init__(object_list, per_page)
        self._known_count = count

    @property
    def count(self) -> int:
        return self._known_count


@functools.cache
def _case_url_prefix() -> str:
    """``/work/cases/`` as routed (one reverse() per process instead of one per row)."""
    return reverse("applications:detail", args=[1]).removesuffix("1/")


def _queue_row(app: Application, now: date, soon_limit: date | None) -> dict[str, Any]:
    if app.due_on is None:
        badge = ("neutral", "期限待定")
    elif app.due_on < now:
        badge = ("overdue", "补正期限已过" if app.status == CaseState.AWAITING_CORRECTION else "已逾期")
    elif soon_limit is not None and app.due_on <= soon_limit:
        badge = ("soon", "即将到期")
    else:
        badge = ("ok", "未到期")
    name = masking.applicant_name(app)
    # Plain strings for the template: resolving model attributes and {% url %} per cell costs
    # more than the queries on a 50-row page (bench/bench_queue.py).
    return {
        "app": app,
        "url": f"{_case_url_prefix()}{app.pk}/",
        "number": app.number,
        "name": name,
        "agency": app.agency.name,
        "received": app.received_on.isoformat() if app.received_on else "—",
        "due": app.due_on.isoformat() if app.due_on else "—",
        "status": STATUS_LABELS.get(app.status, app.status),
        "badge": badge,
    }


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    app = visible_case(request, pk)
    calendar = calendar_for(app.agency)
    status = None
    try:
        status = clock.clock_status(app, calendar, today())
    except GongkaiError as exc:
        messages.warning(request, exc.message)
    full = permissions.can_see_personal_data(request.user, app)
    applicant = {
        "name": masking.applicant_name(app, full=full),
        "id_number": app.id_number if full else masking.mask_id(app.id_number),
        "phone": app.phone if full else masking.mask_phone(app.phone),
        "email": app.email if full else masking.mask_email(app.email),
        "address": app.address if full else "（已隐藏）",
    }
    handle = permissions.can_handle(request.user, app)
    pending_extension = app.status == CaseState.EXTENSION_PENDING
    correction = clock.latest(app, v.EventKind.CORRECTION_REQUESTED)
    context = {
        "app": app,
        "applicant": applicant,
        "clock": status,
        "events": app.events.all(),
        "timeline": timeline(app),
        "attachments": app.attachments.all(),
        "can_handle": handle and app.is_open,
        "can_approve": permissions.can_approve_extension(request.user, app)
        and pending_extension
        and app.is_open,
        "pending_extension": pending_extension,
        "extended": clock.latest(app, v.EventKind.EXTENSION_APPROVED) is not None,
        "correction": correction,
        "today": today(),
        "correction_form": forms.CorrectionRequestForm(initial={"sent_on": today()}),
        "correction_received_form": forms.DateForm(initial={"on": today()}, label="收到补正申请日期"),
        "extension_form": forms.ExtensionRequestForm(),
        "approve_form": forms.DateForm(initial={"on": today()}, label="批准日期"),
        "consult_form": forms.ConsultationForm(initial={"on": today()}),
        "consult_end_form": forms.DateForm(initial={"on": today()}, label="收到意见（结束）日期"),
        "assign_form": forms.AssignForm(agency=app.agency, initial={"assignee": app.assignee_id}),
        "S": {s.name: s.value for s in CaseState},
        "consulting": app.status in v.CONSULTING_STATUSES,
        "reply_panel": reply_panel_context(request.user, app, today()),
    }
    # Issue 6 panels (screening, third-party consultation, fees).
    context.update(notices.panel_context(request.user, app, today()))
    return render(request, "applications/detail.html", context)


request_correction = case_action(
    actions.do_request_correction,
    "已发出补正告知。",
    form_class=forms.CorrectionRequestForm,
    arguments=lambda d: {"sent_on": d["sent_on"], "items": d["items"], "working_days": d["working_days"]},
)
receive_correction = case_action(
    actions.do_receive_correction,
    "已登记补正，答复期限重新计算。",
    form_class=forms.DateForm,
    arguments=lambda d: {"received_on": d["on"]},
)
close_missing_correction = case_action(
    actions.do_close_for_missing_correction, "已按逾期未补正办结。", arguments=lambda d: {"today": today()}
)
request_extension = case_action(
    actions.do_request_extension,
    "已提交延期申请，待机构负责人审批。",
    form_class=forms.ExtensionRequestForm,
    arguments=lambda d: {"reason": d["reason"], "on": today()},
)
approve_extension = case_action(
    actions.do_approve_extension,
    "已批准延长答复期限。",
    form_class=forms.DateForm,
    arguments=lambda d: {"approved_on": d["on"]},
)
start_consultation = case_action(
    actions.do_start_consultation,
    "已登记征求意见，暂停计时。",
    form_class=forms.ConsultationForm,
    arguments=lambda d: {"kind": d["kind"], "sent_on": d["on"], "note": d["note"]},
)
end_consultation = case_action(
    actions.do_end_consultation,
    "征求意见已结束，恢复计时。",
    form_class=forms.DateForm,
    arguments=lambda d: {"ended_on": d["on"]},
)
assign = case_action(
    actions.do_assign_application,
    "已分派。",
    form_class=forms.AssignForm,
    form_kwargs=lambda app: {"agency": app.agency},
    arguments=lambda d: {"assignee": d["assignee"]},
)


@login_required
def register(request: HttpRequest) -> HttpResponse:
    """Staff intake for 当面 / 邮寄 / 平常信函 / 传真 / 电子邮件 / 网上 (条例 第三十一条)."""
    staff_only(request)
    agencies = Agency.objects.filter(pk__in=accounts.handling_agency_ids(request.user))
    if not agencies.exists():
        raise PermissionDenied
    form = forms.StaffIntakeForm(
        request.POST or None, request.FILES or None, agencies=agencies, initial={"arrived_on": today()}
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            arrived = timezone.make_aware(
                timezone.datetime.combine(d["arrived_on"], timezone.datetime.min.time())
            ) + timedelta(hours=9)
            submission = actions.do_submit_application(
                d["agency"],
                {k: d[k] for k in forms.APPLICANT_FIELDS},
                channel=d["channel"],
                submitted_at=arrived,
                arrived_on=d["arrived_on"],
                confirmed_on=d["confirmed_on"],
                attachments=d["attachments"],
                acting_user=request.user,
            )
        except GongkaiError as exc:
            form.add_error(None, exc.message)
        else:
            app = submission.application
            messages.success(
                request, f"已登记 {app.number}，查询码 {submission.query_code}（请告知申请人）。"
            )
            return redirect("applications:detail", pk=app.pk)
    return render(request, "applications/register.html", {"form": form})

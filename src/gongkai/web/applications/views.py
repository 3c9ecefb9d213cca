"""HTML views of the applications app: public intake and tracking, staff queue and case page.

Views validate input, check permissions (applications.permissions) and call one action each.
"""

from __future__ import annotations

import functools
from datetime import date, timedelta
from typing import Any

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
from gongkai.web.accounts import permissions as accounts
from gongkai.web.accounts.models import Agency
from gongkai.web.applications import (
    actions,
    clock,
    forms,
    masking,
    notices,
    permissions,
    procedure_views,
    submission_keys,
)
from gongkai.web.applications import vocabulary as v
from gongkai.web.applications.case_views import case_action, form_fields, staff_only, visible_case
from gongkai.web.applications.models import Application, ApplicationQuerySet
from gongkai.web.applications.public_views import filed_earlier, filed_with
from gongkai.web.audit.record import timeline
from gongkai.web.clock import today
from gongkai.web.disclosure import queues as disclosure_queues
from gongkai.web.replies.panel import panel_context as reply_panel_context
from gongkai.web.workdays.calendars import calendar_for
from gongkai.workflow.cases import Action, CaseState

STATUS_LABELS = dict(v.STATUS_CHOICES)
QUEUE_VIEWS = {
    "all": "全部在办",
    "soon": f"{DUE_SOON_WORKING_DAYS}个工作日内到期",
    "overdue": "已逾期",
    "mine": "我经办的",
    "approvals": "待批延期",
    "late": "本年逾期答复",
    "review": "待审核",
}


def home(request: HttpRequest) -> HttpResponse:
    agencies = Agency.objects.filter(accepts_online=True).order_by("name")
    return render(request, "home.html", {"agencies": agencies})


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
        # Replies submitted for review (the workflow's APPROVE is the 审核人's step).
        "review": Q(
            status=CaseState.UNDER_REVIEW,
            agency_id__in=accounts.handling_agency_ids(request.user, ("reviewer",)),
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
    # 逾期答复: answered this year after the due date -- no longer open, so counted apart.
    late = Application.objects.filter(
        ApplicationQuerySet.answered_late_q(),
        agency_id__in=[selected.pk] if selected else visible_ids,
        closed_on__year=now.year,
    )
    counts["late"] = late.count()
    # The 待审核 tab also lists the catalogue items waiting at a review step the user may take
    # (few: only items in review), and counts them, so that the tab shows there is work.
    review_items = disclosure_queues.awaiting_review(request.user, [selected.pk] if selected else visible_ids)
    shown_counts = {**counts, "review": counts["review"] + len(review_items)}
    tabs = [{"key": key, "label": label, "count": shown_counts[key]} for key, label in QUEUE_VIEWS.items()]
    rows = (
        (late if view == "late" else base.filter(conditions[view]))
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
            "resolution",
            "closed_on",
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
            "review_items": review_items if view == "review" else [],
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
    if app.answered_late:
        badge = ("overdue", "逾期答复")
    elif app.due_on is None:
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
        "due": app.due_on.isoformat() if app.due_on else (app.clock_error or "—"),
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
    extended = clock.latest(app, v.EventKind.EXTENSION_APPROVED) is not None
    # Past the reply period no extension can be asked for (第三十三条第二款): the case is answered,
    # late (逾期答复).
    past_due = app.is_open and app.due_on is not None and app.due_on < today()
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
        "extended": extended,
        "can_request_extension": handle
        and app.status == CaseState.IN_PROGRESS
        and not extended
        and not past_due,
        "past_due": past_due,
        "can_withdraw_extension": pending_extension
        and "clerk" in accounts.roles_in(request.user, app.agency_id),
        "refuse_form": forms.ExtensionRefusalForm(),
        "shown": clock.shown_deadlines(app, calendar),
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
    # Issue 16 panels (a lapse decided by the clerk; 第三十五条).
    context.update(procedure_views.panel_context(request.user, app, today()))
    return render(request, "applications/detail.html", context)


def _dated_action(action: Any, success: str, date_name: str) -> Any:
    """A ``case_action`` whose form is the one date of ``DateForm``, passed as ``date_name``."""
    return case_action(action, success, form_class=forms.DateForm, arguments=lambda d: {date_name: d["on"]})


request_correction = case_action(
    actions.do_request_correction,
    "已发出补正告知。",
    form_class=forms.CorrectionRequestForm,
    arguments=form_fields("sent_on", "items", "working_days"),
)
receive_correction = _dated_action(
    actions.do_receive_correction, "已登记补正，答复期限重新计算。", "received_on"
)
request_extension = case_action(
    actions.do_request_extension,
    "已提交延期申请，待机构负责人审批。",
    form_class=forms.ExtensionRequestForm,
    arguments=lambda d: {"reason": d["reason"], "on": today()},
)
approve_extension = _dated_action(actions.do_approve_extension, "已批准延长答复期限。", "approved_on")
refuse_extension = case_action(
    functools.partial(actions.do_take_step, action=Action.REJECT_EXTENSION),
    "已不同意延期，经办人继续办理。",
    form_class=forms.ExtensionRefusalForm,
    arguments=lambda d: {"on": today(), "note": d["reason"]},
)
withdraw_extension = case_action(
    functools.partial(actions.do_take_step, action=Action.WITHDRAW_EXTENSION),
    "已撤回延期申请。",
    arguments=lambda d: {"on": today()},
)
start_consultation = case_action(
    actions.do_start_consultation,
    "已登记征求意见，暂停计时。",
    form_class=forms.ConsultationForm,
    arguments=lambda d: {"kind": d["kind"], "sent_on": d["on"], "note": d["note"]},
)
end_consultation = _dated_action(actions.do_end_consultation, "征求意见已结束，恢复计时。", "ended_on")
assign = case_action(
    actions.do_assign_application,
    "已分派。",
    form_class=forms.AssignForm,
    form_kwargs=lambda app: {"agency": app.agency},
    arguments=form_fields("assignee"),
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
    if request.method == "POST":
        again = filed_with(request.POST.get(submission_keys.FIELD_NAME, ""))
        if again is not None:
            return _already_registered(request, *again)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        said = {k: d[k] for k in (*forms.APPLICANT_FIELDS, "channel", "arrived_on", "confirmed_on")}
        earlier = filed_earlier(request, said)
        if earlier is not None:  # back to the filled form, submitted again
            return _already_registered(request, *earlier)
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
                submission_key=d[submission_keys.FIELD_NAME],
            )
        except actions.AlreadySubmitted as again:  # a concurrent POST of the same form filed it
            return _already_registered(request, again.application, again.query_code)
        except GongkaiError as exc:
            form.add_error(None, exc.message)
        else:
            app = submission.application
            submission_keys.remember(request.session, said, d[submission_keys.FIELD_NAME])
            messages.success(
                request, f"已登记 {app.number}，查询码 {submission.query_code}（请告知申请人）。"
            )
            return redirect("applications:detail", pk=app.pk)
    return render(request, "applications/register.html", {"form": form})


def _already_registered(request: HttpRequest, app: Application, code: str) -> HttpResponse:
    messages.info(request, f"此登记表已提交过：{app.number}，查询码 {code}。")
    return redirect("applications:detail", pk=app.pk)

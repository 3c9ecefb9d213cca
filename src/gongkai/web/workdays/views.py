from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from gongkai.calendar import packaged_schedules
from gongkai.web.accounts import permissions as accounts
from gongkai.web.workdays.actions import do_save_schedule
from gongkai.web.workdays.calendars import calendar_for
from gongkai.web.workdays.forms import ScheduleForm
from gongkai.web.workdays.models import HolidaySchedule


@login_required
def schedule_list(request: HttpRequest) -> HttpResponse:
    if not accounts.is_staff_member(request.user):
        raise PermissionDenied
    calendar = calendar_for(None)
    return render(
        request,
        "workdays/list.html",
        {
            "packaged": packaged_schedules(),
            "entered": HolidaySchedule.objects.select_related("agency"),
            "missing": calendar.missing_years(timezone.localdate()),
            "can_edit": accounts.can_use_admin(request.user),
        },
    )


@login_required
def schedule_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    if not accounts.can_use_admin(request.user):
        raise PermissionDenied
    instance = get_object_or_404(HolidaySchedule, pk=pk) if pk else None
    form = ScheduleForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        recomputed = do_save_schedule(form.instance, acting_user=request.user)
        counts = "、".join(f"{r.count} {r.what}" for r in recomputed) or "没有需要"
        messages.success(request, f"已保存{form.instance}，{counts}的期限已重新计算。")
        return redirect("workdays:list")
    return render(request, "workdays/form.html", {"form": form})

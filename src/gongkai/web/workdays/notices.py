"""Entering a year from the State Council's notice (issue 17, point 2): the administrator pastes
the text of 国务院办公厅关于YYYY年部分节假日安排的通知, Gongkai reads it
(gongkai.calendar.parse_holiday_notice), shows the year as a month-grid calendar to confirm, and
saves it through ``actions.do_save_schedule`` citing the notice's title and number.

The confirmation posts the text again and it is read again: what is saved is what the text says,
never what a page sent back.
"""

from __future__ import annotations

import calendar as stdlib_calendar
from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from gongkai.calendar import ParsedNotice, UnknownCalendarYear, YearSchedule
from gongkai.web.accounts import permissions as accounts
from gongkai.web.accounts.models import Agency
from gongkai.web.workdays.actions import do_save_schedule
from gongkai.web.workdays.calendars import calendar_for
from gongkai.web.workdays.forms import NoticeForm
from gongkai.web.workdays.models import HolidaySchedule

WEEKDAY_HEADINGS = ("一", "二", "三", "四", "五", "六", "日")


def month_grid(schedule: YearSchedule) -> list[dict[str, Any]]:
    """The year as twelve months of weeks (Monday first), each day marked 休 (a holiday day off),
    班 (a make-up working day) or as an ordinary weekend; days of the neighbouring months are
    blank. The weeks come from the standard library's calendar module."""
    names = {day: e.holiday for e in schedule.entries for day in e.off_days()}
    names.update({day: f"{e.holiday}调休上班" for e in schedule.entries for day in e.makeup_workdays})
    months = []
    for month in range(1, 13):
        weeks = []
        for week in stdlib_calendar.Calendar().monthdatescalendar(schedule.year, month):
            weeks.append([_cell(day, month, schedule, names) for day in week])
        months.append({"month": month, "weeks": weeks})
    return months


def _cell(day: date, month: int, schedule: YearSchedule, names: dict[date, str]) -> dict[str, Any]:
    if day.month != month:
        return {"day": None}
    if day in schedule.off_days:
        kind, mark = "off", "休"
    elif day in schedule.makeup_workdays:
        kind, mark = "makeup", "班"
    else:
        kind, mark = ("weekend" if day.weekday() >= 5 else "work"), ""
    return {"day": day.day, "iso": day.isoformat(), "kind": kind, "mark": mark, "name": names.get(day, "")}


def _row(year: int, agency: Agency | None, schedule: YearSchedule, source: str) -> HolidaySchedule:
    """The year's schedule row for ``agency`` (the existing one updated, or a new one)."""
    row = HolidaySchedule.objects.filter(year=year, agency=agency).first() or HolidaySchedule(
        year=year, agency=agency
    )
    row.holidays = [d.isoformat() for d in sorted(schedule.off_days)]
    row.workdays = [d.isoformat() for d in sorted(schedule.makeup_workdays)]
    row.source = source[:200]
    return row


def neighbouring_years(parsed: ParsedNotice, agency: Agency | None) -> list[dict[str, Any]]:
    """Days the notice puts into another year (元旦 from 31 December): for each such year, the
    schedule with them merged in, whether that changes the calendar in use, or that the year is
    not known (then those days cannot be saved until it is entered)."""
    known = calendar_for(agency)
    result = []
    for year, entries in parsed.other_years.items():
        days = sorted(
            {d for e in entries for d in e.off_days()} | {d for e in entries for d in e.makeup_workdays}
        )
        try:
            current = known.schedule(year)
        except UnknownCalendarYear:
            result.append({"year": year, "days": days, "merged": None, "changes": False})
            continue
        merged = parsed.merge_into(current)
        changes = (merged.off_days, merged.makeup_workdays) != (current.off_days, current.makeup_workdays)
        result.append({"year": year, "days": days, "merged": merged, "changes": changes})
    return result


@login_required
def enter_notice(request: HttpRequest) -> HttpResponse:
    if not accounts.can_use_admin(request.user):
        raise PermissionDenied
    form = NoticeForm(request.POST or None)
    context: dict[str, Any] = {"form": form}
    if request.method == "POST" and form.is_valid():
        parsed: ParsedNotice = form.cleaned_data["text"]
        agency: Agency | None = form.cleaned_data["agency"]
        others = neighbouring_years(parsed, agency)
        if "confirm" in request.POST:
            source = parsed.notice.citation
            rows = [_row(parsed.year, agency, parsed.schedule, source)]
            rows += [_row(o["year"], agency, o["merged"], source) for o in others if o["changes"]]
            recomputed = [r for row in rows for r in do_save_schedule(row, acting_user=request.user)]
            counts = "、".join(f"{r.count} {r.what}" for r in recomputed if r.count) or "没有需要"
            saved = "、".join(str(row) for row in rows)
            messages.success(request, f"已按{source}保存{saved}，{counts}重新计算期限。")
            return redirect("workdays:list")
        context.update(
            parsed=parsed,
            months=month_grid(parsed.schedule),
            weekdays=WEEKDAY_HEADINGS,
            others=others,
            existing=HolidaySchedule.objects.filter(year=parsed.year, agency=agency).first(),
        )
    return render(request, "workdays/notice.html", context)

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from gongkai.web.actions_base import batch
from gongkai.web.workdays.actions import do_save_schedule
from gongkai.web.workdays.forms import ScheduleForm
from gongkai.web.workdays.models import HolidaySchedule


@admin.register(HolidaySchedule)
class HolidayScheduleAdmin(admin.ModelAdmin):
    form = ScheduleForm
    fields = ("year", "agency", "source", "holidays_text", "workdays_text")
    list_display = ("year", "agency", "source", "updated_at")

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        # Through the action: audited, and the open cases' deadlines are recomputed. The admin's
        # change form already holds a transaction (ModelAdmin.changeform_view): the step runs
        # inside it instead of as a durable transaction of its own.
        with batch():
            do_save_schedule(obj, acting_user=request.user)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

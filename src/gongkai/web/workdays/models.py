"""Holiday schedules entered by an administrator; they feed the domain ``WorkingCalendar``.

The packaged calendar (gongkai.calendar) covers the years the State Council has announced. A
schedule entered here takes precedence for its year: nationwide when ``agency`` is empty, or for
one agency (and the agencies below it) otherwise. Saving one goes through
``actions.do_save_schedule``, which tells the apps that cache due dates (``signals.calendar_changed``).
"""

from __future__ import annotations

from datetime import date

from django.db import models

from gongkai.web.model_fields import Model, optional_reference


class HolidaySchedule(Model):
    year = models.PositiveSmallIntegerField("年份")
    agency = optional_reference("accounts.Agency", "适用机构（空 = 全部）", related_name="holiday_schedules")
    #: ISO dates of the public holidays (法定节假日, including the weekend days inside a holiday).
    holidays = models.JSONField("放假日期", default=list)
    #: ISO dates of the make-up working days (调休上班的周末).
    workdays = models.JSONField("调休上班日期", default=list)
    source = models.CharField(
        "依据", max_length=200, help_text="如：国务院办公厅关于2027年部分节假日安排的通知（发布日期）"
    )
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "节假日安排"
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["year", "agency"], name="schedule_year_agency"),
            models.UniqueConstraint(
                fields=["year"], condition=models.Q(agency__isnull=True), name="schedule_year_national"
            ),
        ]

    def __str__(self) -> str:
        scope = self.agency.name if self.agency_id else "全国"
        return f"{self.year}年节假日安排（{scope}）"

    def holiday_dates(self) -> list[date]:
        return [date.fromisoformat(d) for d in self.holidays]

    def workday_dates(self) -> list[date]:
        return [date.fromisoformat(d) for d in self.workdays]


class CalendarReminder(Model):
    """A message sent to an administrator that a year's holiday schedule is missing
    (workdays.reminders): ``kind`` "deadline" is sent once per year and administrator (a case's
    deadline needs the year), "ahead" once a day (from 1 November, next year is not entered)."""

    kind = models.CharField(max_length=20)
    year = models.PositiveSmallIntegerField()
    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="+")
    sent_on = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "year", "user", "sent_on"], name="calendar_reminder_once")
        ]

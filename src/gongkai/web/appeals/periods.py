"""Filing periods for reconsideration and litigation (application-handling.md 附录E).

- 行政复议法 第二十条: within 60 days of knowing (or when one should have known) of the act;
- 行政诉讼法 第四十六条: a direct lawsuit within 6 months of knowing of the act;
- 行政诉讼法 第四十五条 (and 行政复议法 第三十四条): within 15 days of receiving the
  reconsideration decision.

These are natural days and months: 行政复议法 第八十八条 makes only its "三日、五日、七日、十日"
working days, and sends everything else to the 民事诉讼法 rules on periods, under which the day the
period starts is not counted and a period whose last day is a 法定休假日 ends on the first day
after it. The 民事诉讼法 text itself is not in the reference; the two rules are the well-known
ones and are applied here, with the working calendar deciding which days are 法定休假日.
No Django here: the rules are plain date arithmetic.
"""

from __future__ import annotations

import calendar as _cal
from dataclasses import dataclass
from datetime import date, timedelta

from gongkai.calendar import UnknownCalendarYear, WorkingCalendar

RECONSIDERATION_DAYS = 60
DIRECT_LITIGATION_MONTHS = 6
AFTER_RECONSIDERATION_DAYS = 15


@dataclass(frozen=True, slots=True)
class FilingPeriod:
    start: date
    #: The last day of the period before any move for a rest day.
    nominal_end: date
    #: Where the rule comes from, for the page.
    basis: str
    #: What the period is, in words (自知道之日起60日内 ...).
    description: str

    def end(self, calendar: WorkingCalendar | None = None) -> date:
        """The last day to file: ``nominal_end``, moved past rest days when the calendar knows them."""
        day = self.nominal_end
        if calendar is None:
            return day
        try:
            while not calendar.is_working_day(day):
                day += timedelta(days=1)
        except UnknownCalendarYear:
            return self.nominal_end
        return day

    def is_late(self, filed_on: date, calendar: WorkingCalendar | None = None) -> bool:
        return filed_on > self.end(calendar)


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later; the month's last day when that month is shorter."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, _cal.monthrange(year, month)[1]))


def reconsideration_period(known_on: date) -> FilingPeriod:
    return FilingPeriod(
        start=known_on,
        nominal_end=known_on + timedelta(days=RECONSIDERATION_DAYS),
        basis="行政复议法 第二十条",
        description="自知道或者应当知道该行政行为之日起六十日内",
    )


def direct_litigation_period(known_on: date) -> FilingPeriod:
    return FilingPeriod(
        start=known_on,
        nominal_end=add_months(known_on, DIRECT_LITIGATION_MONTHS),
        basis="行政诉讼法 第四十六条",
        description="自知道或者应当知道作出行政行为之日起六个月内",
    )


def litigation_after_reconsideration_period(decision_received_on: date) -> FilingPeriod:
    return FilingPeriod(
        start=decision_received_on,
        nominal_end=decision_received_on + timedelta(days=AFTER_RECONSIDERATION_DAYS),
        basis="行政诉讼法 第四十五条",
        description="自收到复议决定书之日起十五日内",
    )

"""The applicant's remedies against a decision: the filing periods for reconsideration
(行政复议) and litigation (行政诉讼), and every text that states them.

For the web layer::

    from gongkai.remedies import reconsideration_period, direct_litigation_period
    p = reconsideration_period(known_on)
    p.end(calendar), p.is_late(filed_on, calendar), p.description, p.basis

Rules (application-handling.md 附录E), each once:

- 行政复议法 第二十条: within 60 days of knowing (or when one should have known) of the act;
- 行政诉讼法 第四十六条: a direct lawsuit within 6 months of knowing of the act;
- 行政诉讼法 第四十五条 (and 行政复议法 第三十四条): within 15 days of receiving the
  reconsideration decision.

These are natural days and months: 行政复议法 第八十八条 makes only its "三日、五日、七日、十日"
working days, and sends everything else to the 民事诉讼法 rules on periods, under which the day the
period starts is not counted and a period whose last day is a 法定休假日 ends on the first day
after it. The 民事诉讼法 text itself is not in the reference; the two rules are the well-known
ones and are applied here, with the working calendar deciding which days are 法定休假日.
"""

from __future__ import annotations

import calendar as _cal
from dataclasses import dataclass
from datetime import date, timedelta

from gongkai.calendar import UnknownCalendarYear, WorkingCalendar

#: 行政复议法 第二十条第一款: 自知道或者应当知道该行政行为之日起六十日内提出行政复议申请.
RECONSIDERATION_DAYS = 60
#: 行政诉讼法 第四十六条第一款: 自知道或者应当知道作出行政行为之日起六个月内提出.
DIRECT_LITIGATION_MONTHS = 6
#: 行政诉讼法 第四十五条: 在收到复议决定书之日起十五日内向人民法院提起诉讼.
AFTER_RECONSIDERATION_DAYS = 15

_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1–99 in Chinese numerals as statutes write periods (六十、十五、六)."""
    if not 1 <= n <= 99:
        raise ValueError(f"chinese_number covers 1–99, not {n}")
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + ("" if ones == 0 else _DIGITS[ones])


RECONSIDERATION_DESCRIPTION = f"自知道或者应当知道该行政行为之日起{chinese_number(RECONSIDERATION_DAYS)}日内"
DIRECT_LITIGATION_DESCRIPTION = (
    f"自知道或者应当知道作出行政行为之日起{chinese_number(DIRECT_LITIGATION_MONTHS)}个月内"
)
AFTER_RECONSIDERATION_DESCRIPTION = f"自收到复议决定书之日起{chinese_number(AFTER_RECONSIDERATION_DAYS)}日内"

#: The three periods in one note, for the page where a case is registered.
FILING_PERIODS_NOTE = (
    f"申请行政复议：{RECONSIDERATION_DESCRIPTION}（行政复议法第二十条）；"
    f"直接起诉：{chinese_number(DIRECT_LITIGATION_MONTHS)}个月内（行政诉讼法第四十六条）；"
    f"复议后起诉：{AFTER_RECONSIDERATION_DESCRIPTION.removeprefix('自')}（行政诉讼法第四十五条）。"
    "期间按自然日计算，届满日为法定休假日的顺延。"
)

#: The remedies in a letter, counted from its receipt (行政复议法 第二十条; 行政诉讼法 第四十六条).
#: ``{subject}`` (本答复/本决定), ``{body}`` (复议机关), ``{court}`` are filled in by the letter.
REMEDIES_TEXT = (
    f"如对{{subject}}不服，可以自收到{{subject}}之日起{RECONSIDERATION_DAYS}日内向{{body}}申请行政复议，"
    f"也可以自收到{{subject}}之日起{DIRECT_LITIGATION_MONTHS}个月内依法向{{court}}提起行政诉讼。"
)
#: The exact sentence for 复议前置 (行政复议法 第二十三条第二款: the agency "应当告知…先向行政复议机关
#: 申请行政复议"); the days to sue after the decision: 行政诉讼法 第四十五条. ``{law}`` is the
#: 行政复议法's title.
RECONSIDERATION_FIRST_TEXT = (
    "根据{law}第二十三条的规定，如对{subject}不服，应当先向{body}申请行政复议（申请期限为自收到{subject}"
    f"之日起{RECONSIDERATION_DAYS}日内）；对行政复议决定不服的，可以自收到行政复议决定书之日起"
    f"{AFTER_RECONSIDERATION_DAYS}日内依法向{{court}}提起行政诉讼。"
)
#: What the remedies element of a letter must say, for the list of required elements.
REMEDIES_ELEMENT_LABEL = (
    f"救济途径：{RECONSIDERATION_DAYS}日内申请行政复议（写明复议机关）"
    f"或{DIRECT_LITIGATION_MONTHS}个月内提起行政诉讼"
)


@dataclass(frozen=True, slots=True)
class FilingPeriod:
    start: date
    #: The last day of the period before any move for a rest day.
    nominal_end: date
    #: Where the rule comes from, for the page.
    basis: str
    #: What the period is, in words (自知道之日起六十日内 ...).
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


def _days(start: date, days: int, basis: str, description: str) -> FilingPeriod:
    return FilingPeriod(start, start + timedelta(days=days), basis, description)


def reconsideration_period(known_on: date) -> FilingPeriod:
    """Legal basis: 行政复议法 第二十条 -- sixty natural days from knowing of the act."""
    return _days(known_on, RECONSIDERATION_DAYS, "行政复议法 第二十条", RECONSIDERATION_DESCRIPTION)


def direct_litigation_period(known_on: date) -> FilingPeriod:
    """Legal basis: 行政诉讼法 第四十六条 -- six months from knowing of the act."""
    end = add_months(known_on, DIRECT_LITIGATION_MONTHS)
    return FilingPeriod(known_on, end, "行政诉讼法 第四十六条", DIRECT_LITIGATION_DESCRIPTION)


def litigation_after_reconsideration_period(decision_received_on: date) -> FilingPeriod:
    """Legal basis: 行政诉讼法 第四十五条 -- fifteen days from receiving the decision."""
    return _days(
        decision_received_on,
        AFTER_RECONSIDERATION_DAYS,
        "行政诉讼法 第四十五条",
        AFTER_RECONSIDERATION_DESCRIPTION,
    )

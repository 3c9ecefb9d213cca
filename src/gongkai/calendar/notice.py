"""Reading a year's schedule out of the pasted text of the State Council's holiday notice.

An administrator pastes 国务院办公厅关于YYYY年部分节假日安排的通知 as published; this module reads the
holidays and make-up working days (调休上班) out of it, with the notice's title, number (国办发明电
〔YYYY〕N号, when the pasted text carries it) and date (the signature line), as the same
:class:`~gongkai.calendar.YearSchedule` the packaged ``cn_YYYY.json`` files give::

    from gongkai.calendar.notice import parse_holiday_notice

    parsed = parse_holiday_notice(text)          # NoticeParseError (Chinese, names the sentence)
    parsed.schedule                              # YearSchedule of parsed.year
    parsed.other_years                           # {2022: (HolidayEntry,...)} for 12月31日 of 元旦
    parsed.merge_into(schedule_2022)             # that year's schedule with those entries added
    parsed.schedule.to_dict()                    # the JSON format, to store

The wording varies between years -- "（星期日）" / "（周日）", lunar dates in the brackets
("（农历除夕、周二）"), "至3日" without the month, "1月1日放假，与周末连休", "放假1天，不调休", a
range across the new year ("2022年12月31日至2023年1月2日" or "12月30日至1月1日") -- and every form
is checked rather than trusted: a weekday given in brackets must be that date's weekday, "共N天"
must be the length of the range, a make-up working day must fall on a weekend, every holiday the
notice announces (现将YYYY年元旦、春节……的具体安排通知如下) must have its item and the items must be
numbered without a gap. Anything not understood raises :class:`NoticeParseError` naming the
sentence: never a partial year.

Dates belong to their own calendar year (see gongkai.calendar.schedule): a range that wraps the
new year is the 元旦 of the notice's year, so it starts in the previous year, and the days there
go to :attr:`ParsedNotice.other_years`. A date without a year is read in the year that puts it
nearest to its item's days off (a make-up day "12月29日" beside "12月30日至1月1日").

Legal basis: the yearly 国务院办公厅关于YYYY年部分节假日安排的通知 under 《全国年节及纪念日放假办法》.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from types import MappingProxyType

from gongkai.calendar.schedule import CalendarDataError, HolidayEntry, Notice, YearSchedule

#: The holidays of 《全国年节及纪念日放假办法》 第二条 that the notices arrange.
HOLIDAYS = ("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节")
#: Sentences that encourage rather than arrange (鼓励……安排职工在除夕（2月9日）休息): no day changes.
ADVISORY_OPENINGS = ("鼓励", "提倡", "倡导")

_NUMERALS = "一二三四五六七八九十"
_WEEKDAYS = "一二三四五六日"
# Pasted text comes from web pages, Word and PDF: ASCII or full-width digits and brackets alike.
_NORMALISE = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        "(": "（",
        ")": "）",
        ":": "：",
        ",": "，",
        ";": "；",
        "\u3000": " ",
        "\xa0": " ",
    }
)

_TITLE = re.compile(r"国务院办公厅关于(\d{4})年部分节假日安排的通知")
_NUMBER = re.compile(r"国办发(明电)?\s*[〔\[［【（]\s*(\d{4})\s*[〕\]］】）]\s*(\d{1,3})\s*号")
#: The 成文日期: on its own line, or straight after the signature when pasted as one line.
_SIGNED_ON = re.compile(r"(?:^|国务院办公厅)\s*(\d{4})年(\d{1,2})月(\d{1,2})日\s*$", re.MULTILINE)
#: Where the items end, also when the text was pasted as one line.
_AFTER_ITEMS = re.compile(r"节假日期间|国务院办公厅\s*\d{4}年|\n")
_ANNOUNCED = re.compile(r"现将\d{4}年(.+?)(?:放假调休日期|放假日期)?的具体安排")
_HOLIDAY_NAME = "(?:" + "|".join(HOLIDAYS) + ")"
_ITEM = re.compile(rf"([{_NUMERALS}]+)、\s*({_HOLIDAY_NAME}(?:\s*、\s*{_HOLIDAY_NAME})*)\s*：")
_DATE = (
    r"(?:(?P<{p}y>\d{{4}})年)?(?:(?P<{p}m>\d{{1,2}})月)?(?P<{p}d>\d{{1,2}})日"
    r"(?:（(?P<{p}note>[^（）]*)）)?"
)
_RANGE = re.compile(
    r"\s*" + _DATE.format(p="a") + r"(?:\s*(?:至|到|—|－|-|~|～)\s*" + _DATE.format(p="b") + r")?\s*"
)
_ONE_DATE = re.compile(r"\s*" + _DATE.format(p="a") + r"\s*")
_ANY_DATE = re.compile(r"\d{1,2}日")
#: What may follow 放假: 调休, 1天, ，共3天, ，与周末连休, ，不调休.
_OFF_REST = re.compile(r"(?:调休)?(?:(?P<n1>\d+)天)?(?:[，,]\s*(?:共(?P<n2>\d+)天|与周末连休|不调休))*")
_WEEKDAY_NOTE = re.compile(rf"(?:星期|周)([{_WEEKDAYS}天])")


class NoticeParseError(CalendarDataError):
    """The pasted text is not a holiday notice Gongkai can read completely; the message names
    the sentence (or what is missing) in Chinese."""


@dataclass(frozen=True, slots=True)
class ParsedNotice:
    """What one notice arranges: its own year, and the days it puts into a neighbouring year."""

    notice: Notice
    year: int
    schedule: YearSchedule
    #: Entries for days outside :attr:`year` (元旦 starting on 31 December), by calendar year.
    other_years: Mapping[int, tuple[HolidayEntry, ...]]

    def merge_into(self, schedule: YearSchedule) -> YearSchedule:
        """``schedule`` (of a year in :attr:`other_years`) with this notice's entries for it,
        replacing entries it already has from the same notice for the same holiday."""
        added = self.other_years.get(schedule.year, ())
        ours = {(e.notice, e.holiday) for e in added}
        kept = tuple(e for e in schedule.entries if (e.notice, e.holiday) not in ours)
        return replace(schedule, entries=kept + added)


def parse_holiday_notice(text: str, *, source: str = "通知原文") -> ParsedNotice:
    """Read the pasted text of 国务院办公厅关于YYYY年部分节假日安排的通知.

    ``source`` becomes :attr:`YearSchedule.source` (who entered it). Raises
    :class:`NoticeParseError` with a Chinese message naming the sentence it cannot read, the
    holiday it cannot find, or the contradiction (weekday, number of days) it found.
    """
    text = text.translate(_NORMALISE)
    title_match = _TITLE.search(text)
    if title_match is None:
        raise NoticeParseError(
            "未找到通知标题“国务院办公厅关于××××年部分节假日安排的通知”；请连同标题一起粘贴通知全文"
        )
    year = int(title_match.group(1))
    items = list(_ITEM.finditer(text))
    if not items:
        raise NoticeParseError(
            f"未找到各节日的放假安排（应为“一、元旦：……”这样的条目）；请粘贴{year}年通知的全文"
        )
    notice = Notice(
        title=title_match.group(0),
        date=_signed_on(text, items[-1].end()),
        number=_number(text[: items[0].start()]),
    )
    _check_items_complete(text, items, year)
    entries: list[HolidayEntry] = []
    other: dict[int, list[HolidayEntry]] = {}
    for index, item in enumerate(items):
        end = items[index + 1].start() if index + 1 < len(items) else len(text)
        body = _AFTER_ITEMS.split(text[item.end() : end], 1)[0]
        holiday = re.sub(r"\s+", "", item.group(2))
        for entry_year, entry in _entries(holiday, body, year, notice):
            if entry_year == year:
                entries.append(entry)
            else:
                other.setdefault(entry_year, []).append(entry)
    try:
        schedule = YearSchedule(year=year, entries=tuple(entries), source=source)
    except CalendarDataError as exc:
        raise NoticeParseError(f"通知内容自相矛盾：{exc.message}") from exc
    return ParsedNotice(
        notice=notice,
        year=year,
        schedule=schedule,
        other_years=MappingProxyType({y: tuple(e) for y, e in sorted(other.items())}),
    )


# -- the notice's own data ---------------------------------------------------------------------


def _number(head: str) -> str | None:
    """The document number from the text before the first item (the body may cite others)."""
    found = {f"国办发{m.group(1) or ''}〔{m.group(2)}〕{int(m.group(3))}号" for m in _NUMBER.finditer(head)}
    if len(found) > 1:
        raise NoticeParseError(
            f"通知标题附近出现了多个文号（{'、'.join(sorted(found))}），无法确定本通知的文号"
        )
    return found.pop() if found else None


def _signed_on(text: str, after: int) -> date | None:
    """The date on its own line after the items (成文日期 under the signature), if pasted."""
    found = list(_SIGNED_ON.finditer(text, after))
    if not found:
        return None
    y, m, d = (int(g) for g in found[-1].groups())
    try:
        return date(y, m, d)
    except ValueError as exc:
        raise NoticeParseError(f"通知落款日期“{found[-1].group(0).strip()}”不是有效日期") from exc


def _check_items_complete(text: str, items: list[re.Match[str]], year: int) -> None:
    """Items numbered 一、二、三… without a gap, covering every holiday the notice announces."""
    for position, item in enumerate(items, start=1):
        if _numeral(item.group(1)) != position:
            raise NoticeParseError(
                f"第{position}项放假安排缺失或编号不连续（读到“{item.group(0).strip()}”）；请核对粘贴的通知是否完整"
            )
    named = {h for item in items for h in re.split(r"\s*、\s*", item.group(2))}
    announced = _ANNOUNCED.search(text)
    expected = [h for h in HOLIDAYS if h in announced.group(1)] if announced is not None else list(HOLIDAYS)
    missing = [h for h in expected if h not in named]
    if missing:
        raise NoticeParseError(
            f"通知中未找到{'、'.join(missing)}的放假安排；请核对粘贴的{year}年通知是否完整"
        )


def _numeral(text: str) -> int:
    """一 … 十九 as a number (the notices have at most eight items)."""
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _NUMERALS.index(text[1]) + 1
    if "十" in text:
        tens, _, units = text.partition("十")
        return (_NUMERALS.index(tens) + 1) * 10 + (_NUMERALS.index(units) + 1 if units else 0)
    return _NUMERALS.index(text) + 1


# -- one item ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Written:
    """A date as written: the year and month may be left out (taken from the context)."""

    year: int | None
    month: int | None
    day: int
    note: str  # the bracket after it: （周日）, （农历除夕、周二）


@dataclass(slots=True)
class _Clause:
    text: str
    off: tuple[date, date] | None = None
    makeup: tuple[_Written, ...] = ()


def _entries(holiday: str, body: str, year: int, notice: Notice) -> list[tuple[int, HolidayEntry]]:
    """The entries one item makes: one for ``year``, one per other year it reaches into."""
    clauses = [c for c in (_clause(s, holiday, year) for s in _sentences(body)) if c is not None]
    offs = [c.off for c in clauses if c.off is not None]
    if not offs:
        raise NoticeParseError(f"“{holiday}：{body.strip()}”中没有找到放假日期")
    first, last = min(o[0] for o in offs), max(o[1] for o in offs)
    days: dict[int, tuple[list[tuple[date, date]], list[date]]] = {}
    for clause in clauses:
        if clause.off is not None:
            for y in range(clause.off[0].year, clause.off[1].year + 1):
                span = (max(clause.off[0], date(y, 1, 1)), min(clause.off[1], date(y, 12, 31)))
                days.setdefault(y, ([], []))[0].append(span)
        for written in clause.makeup:
            day = _makeup_day(written, first, last, clause.text)
            days.setdefault(day.year, ([], []))[1].append(day)
    arrangement = "；".join(c.text for c in clauses)
    elsewhere = {y: v for y, v in days.items() if y != year}
    result = []
    for y, (off, makeup) in sorted(days.items()):
        if y == year:
            name = holiday
            note = "".join(
                f"（{'、'.join(_long(d) for d in _listed(v))}见{oy}年日历）" for oy, v in elsewhere.items()
            )
        else:
            name = f"{holiday}（{year}年）"
            note = f"（本年只含{'、'.join(_short(d) for d in _listed((off, makeup)))}）"
        entry = HolidayEntry(
            holiday=name,
            arrangement=arrangement + note,
            notice=notice,
            off=tuple(off),
            makeup_workdays=tuple(sorted(makeup)),
        )
        result.append((y, entry))
    return result


def _sentences(body: str) -> list[str]:
    """The item's sentences and clauses (。 and ；), without the final stop."""
    return [s.strip() for s in re.split(r"[。；]", body) if s.strip()]


def _clause(sentence: str, holiday: str, year: int) -> _Clause | None:
    """A sentence that gives days off or make-up days; ``None`` for one that changes no day."""
    if sentence.startswith(ADVISORY_OPENINGS):
        return None
    if sentence.endswith("上班"):
        written = []
        for part in re.split(r"[、，]", sentence.removesuffix("上班")):
            match = _ONE_DATE.fullmatch(part)
            if match is None:
                raise _unreadable(holiday, sentence)
            written.append(_written(match, "a"))
        return _Clause(sentence, makeup=tuple(written))
    if "放假" in sentence:
        head, _, rest = sentence.partition("放假")
        span = _RANGE.fullmatch(head)
        rest_match = _OFF_REST.fullmatch(rest)
        if span is None or rest_match is None:
            raise _unreadable(holiday, sentence)
        first, last = _range(
            _written(span, "a"), _written(span, "b") if span.group("bd") else None, year, sentence
        )
        stated = rest_match.group("n1") or rest_match.group("n2")
        length = (last - first).days + 1
        if stated is not None and int(stated) != length:
            raise NoticeParseError(
                f"“{sentence}”写明共{stated}天，但{_long(first)}至{_long(last)}是{length}天"
            )
        return _Clause(sentence, off=(first, last))
    if _ANY_DATE.search(sentence):
        raise _unreadable(holiday, sentence)
    return None


def _unreadable(holiday: str, sentence: str) -> NoticeParseError:
    return NoticeParseError(
        f"无法识别{holiday}的安排“{sentence}。”（应为“×月×日至×日放假调休，共×天”或“×月×日（星期×）上班”）"
    )


def _written(match: re.Match[str], p: str) -> _Written:
    y, m = match.group(f"{p}y"), match.group(f"{p}m")
    return _Written(
        year=int(y) if y else None,
        month=int(m) if m else None,
        day=int(match.group(f"{p}d")),
        note=match.group(f"{p}note") or "",
    )


def _range(a: _Written, b: _Written | None, year: int, sentence: str) -> tuple[date, date]:
    """The days off from ``a`` to ``b``; the end takes a missing year and month from the start.

    A range that wraps the new year (12月31日至1月2日) is the 元旦 of the notice's year: it starts
    in December of the year before (the notice for the next year arranges the next 元旦).
    """
    if a.month is None:
        raise NoticeParseError(f"“{sentence}”中的日期缺少月份")
    year_a = a.year or year
    if b is None:
        day = _dated(a, year_a, a.month, sentence)
        return day, day
    month_b = b.month or a.month
    year_b = b.year or year_a
    if (year_b, month_b, b.day) < (year_a, a.month, a.day):
        if a.year is None and b.year is None:
            year_a, year_b = year - 1, year
        elif b.year is None:
            year_b = year_a + 1
        elif a.year is None:
            year_a = year_b - 1
    first, last = _dated(a, year_a, a.month, sentence), _dated(b, year_b, month_b, sentence)
    if last < first or (last - first).days > 31:
        raise NoticeParseError(f"“{sentence}”中的放假区间无法理解（结束早于开始或超过一个月）")
    return first, last


def _makeup_day(written: _Written, first: date, last: date, sentence: str) -> date:
    """A make-up working day; without a year, in the year nearest the item's days off."""
    if written.month is None:
        raise NoticeParseError(f"“{sentence}”中的日期缺少月份")
    if written.year is not None:
        year = written.year
    else:

        def distance(y: int) -> int:
            try:
                d = date(y, written.month or 0, written.day)
            except ValueError:
                return 10**6
            return 0 if first <= d <= last else min(abs((d - first).days), abs((d - last).days))

        year = min((last.year - 1, last.year, last.year + 1), key=distance)
    day = _dated(written, year, written.month, sentence)
    if day.weekday() < 5:
        raise NoticeParseError(
            f"“{sentence}”中的上班日 {_long(day)} 是{_weekday(day)}，本来就是工作日；请核对通知原文"
        )
    return day


def _dated(written: _Written, year: int, month: int, sentence: str) -> date:
    """The date, checked against the weekday the notice gives in brackets (（周日）, （星期六）)."""
    try:
        day = date(year, month, written.day)
    except ValueError as exc:
        raise NoticeParseError(f"“{sentence}”中有不存在的日期：{year}年{month}月{written.day}日") from exc
    stated = _WEEKDAY_NOTE.search(written.note)
    if stated is not None:
        weekday = "日" if stated.group(1) == "天" else stated.group(1)
        if _WEEKDAYS.index(weekday) != day.weekday():
            raise NoticeParseError(
                f"“{sentence}”中{_short(day)}标注为{stated.group(0)}，但{_long(day)}是{_weekday(day)}；"
                "请核对年份和日期"
            )
    return day


def _listed(days: tuple[list[tuple[date, date]], list[date]]) -> list[date]:
    off, makeup = days
    found = {*makeup}
    for first, last in off:
        found.update(first + timedelta(days=i) for i in range((last - first).days + 1))
    return sorted(found)


def _long(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _short(day: date) -> str:
    return f"{day.month}月{day.day}日"


def _weekday(day: date) -> str:
    return "星期" + _WEEKDAYS[day.weekday()]

"""One year of the official holiday schedule (节假日安排), as reviewable data.

A :class:`YearSchedule` says which days of one calendar year are off (放假, including 调休 days)
and which weekend days are make-up working days (调休上班). Everything else follows the week:
Monday to Friday work, Saturday and Sunday rest.

The packaged years live in ``gongkai/calendar/data/cn_YYYY.json``, one file per year, each
citing the State Council notice(s) it comes from; an agency enters a year (or corrects one) in
the same format, see :meth:`YearSchedule.from_dict`. The format::

    {"year": 2024,
     "notices": {"main": {"title": "国务院办公厅关于2024年部分节假日安排的通知",
                          "number": "国办发明电〔2023〕7号", "date": "2023-10-25"}},
     "entries": [{"holiday": "春节", "notice": "main",
                  "arrangement": "2月10日至17日放假调休，共8天；2月4日（星期日）、2月18日（星期日）上班",
                  "off": [["2024-02-10", "2024-02-17"]],
                  "makeup_workdays": ["2024-02-04", "2024-02-18"]}]}

``number`` may be ``null`` when the document number could not be verified: the notice is then
cited by title and date only, never by a guessed number. A date belongs to the schedule of its
own calendar year, so a notice that reaches into the previous year (2023's 元旦 starts on
2022-12-31) contributes an entry to that year's file.

Legal basis: 《全国年节及纪念日放假办法》 and the yearly 国务院办公厅关于YYYY年部分节假日安排的通知;
条例 第三十条、第三十三条 count in 工作日, which this schedule defines.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from gongkai.errors import GongkaiError


class UnknownCalendarYear(GongkaiError):
    """A deadline needs a year whose holiday schedule nobody has entered yet.

    Never guessed from weekends alone: 调休 moves working days onto weekends, so a guess would
    be wrong exactly around the holidays where deadlines matter most.
    """

    def __init__(self, year: int) -> None:
        super().__init__(
            f"{year}年的法定节假日安排尚未录入，无法计算期限；"
            f"请由管理员录入国务院办公厅公布的{year}年节假日安排"
        )
        self.year = year


class CalendarDataError(GongkaiError):
    """A holiday schedule (packaged or entered by an agency) that contradicts itself."""


@dataclass(frozen=True, slots=True)
class Notice:
    """The official notice an entry comes from (cited by number only when verified)."""

    title: str
    date: date | None = None
    number: str | None = None

    @property
    def citation(self) -> str:
        """How the notice is cited in Chinese text: 《title》（number）, 《title》（date） or 《title》."""
        if self.number:
            return f"《{self.title}》（{self.number}）"
        if self.date:
            return f"《{self.title}》（{self.date.year}年{self.date.month}月{self.date.day}日）"
        return f"《{self.title}》"


@dataclass(frozen=True, slots=True)
class HolidayEntry:
    """One holiday of one year as the notice arranges it."""

    holiday: str
    arrangement: str
    notice: Notice
    #: Inclusive (first, last) ranges of days off.
    off: tuple[tuple[date, date], ...]
    makeup_workdays: tuple[date, ...]

    def off_days(self) -> Iterator[date]:
        for first, last in self.off:
            day = first
            while day <= last:
                yield day
                day += timedelta(days=1)


@dataclass(frozen=True, slots=True)
class YearSchedule:
    """The holidays and make-up working days of one calendar year.

    ``source`` says who entered it: the packaged file, or an agency administrator.
    """

    year: int
    entries: tuple[HolidayEntry, ...]
    source: str = "packaged"
    notes: str = ""
    off_days: frozenset[date] = field(init=False)
    makeup_workdays: frozenset[date] = field(init=False)

    def __post_init__(self) -> None:
        off = [d for e in self.entries for d in e.off_days()]
        makeup = [d for e in self.entries for d in e.makeup_workdays]
        for day in (*off, *makeup):
            if day.year != self.year:
                raise CalendarDataError(
                    f"{self.year}年节假日安排中出现了其他年份的日期 {day.isoformat()}；"
                    "跨年的日期请录入该日期所在年份的安排"
                )
        for day in makeup:
            if day.weekday() < 5:
                raise CalendarDataError(
                    f"调休上班日 {day.isoformat()} 是周一至周五，本来就是工作日；请核对通知原文"
                )
        clash = sorted(set(off) & set(makeup))
        if clash:
            raise CalendarDataError(f"{clash[0].isoformat()} 同时被录入为放假日和调休上班日")
        object.__setattr__(self, "off_days", frozenset(off))
        object.__setattr__(self, "makeup_workdays", frozenset(makeup))

    def is_working_day(self, day: date) -> bool:
        """Make-up days work, days off rest, the rest follows the week (Mon–Fri work)."""
        if day in self.makeup_workdays:
            return True
        if day in self.off_days:
            return False
        return day.weekday() < 5

    @property
    def notices(self) -> tuple[Notice, ...]:
        """The distinct notices this year cites, in order of first use."""
        return tuple(dict.fromkeys(e.notice for e in self.entries))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, source: str = "packaged") -> YearSchedule:
        """Read the JSON format described in the module docstring; Chinese errors on bad input."""
        try:
            year = int(data["year"])
            notices = {
                key: Notice(
                    title=str(n["title"]),
                    date=None if n.get("date") is None else _parse_date(n["date"]),
                    number=None if n.get("number") is None else str(n["number"]),
                )
                for key, n in dict(data.get("notices", {})).items()
            }
            entries = tuple(
                HolidayEntry(
                    holiday=str(e["holiday"]),
                    arrangement=str(e.get("arrangement", "")),
                    notice=notices[str(e["notice"])],
                    off=tuple((_parse_date(a), _parse_date(b)) for a, b in e.get("off", ())),
                    makeup_workdays=tuple(_parse_date(d) for d in e.get("makeup_workdays", ())),
                )
                for e in data["entries"]
            )
        except CalendarDataError:
            raise
        except (KeyError, TypeError, ValueError) as exc:
            raise CalendarDataError(
                "节假日安排数据格式不正确（需要 year、notices、entries；日期写作 YYYY-MM-DD）",
                detail=f"{type(exc).__name__}: {exc}",
            ) from exc
        for first, last in (r for e in entries for r in e.off):
            if last < first:
                raise CalendarDataError(f"放假区间 {first.isoformat()} 至 {last.isoformat()} 的结束早于开始")
        return cls(year=year, entries=entries, source=source, notes=str(data.get("notes", "")))

    def to_dict(self) -> dict[str, Any]:
        """The JSON format :meth:`from_dict` reads (``from_dict(s.to_dict()) == s`` up to
        ``source``): how a year read from a notice (gongkai.calendar.notice) is stored."""
        keys: dict[Notice, str] = {}
        for number, notice in enumerate(self.notices):
            keys[notice] = "main" if number == 0 else f"n{number + 1}"
        data: dict[str, Any] = {
            "year": self.year,
            "notices": {
                key: {
                    "title": n.title,
                    "number": n.number,
                    "date": None if n.date is None else n.date.isoformat(),
                }
                for n, key in keys.items()
            },
            "entries": [
                {
                    "holiday": e.holiday,
                    "notice": keys[e.notice],
                    "arrangement": e.arrangement,
                    "off": [[a.isoformat(), b.isoformat()] for a, b in e.off],
                    "makeup_workdays": [d.isoformat() for d in e.makeup_workdays],
                }
                for e in self.entries
            ],
        }
        if self.notes:
            data["notes"] = self.notes
        return data

    @classmethod
    def from_dates(
        cls,
        year: int,
        off_days: Iterable[date],
        makeup_workdays: Iterable[date],
        *,
        notice: Notice,
        holiday: str = "节假日安排",
        source: str = "packaged",
    ) -> YearSchedule:
        """A schedule from plain sets of dates (one entry), e.g. imported from another source."""
        entry = HolidayEntry(
            holiday=holiday,
            arrangement="",
            notice=notice,
            off=tuple((d, d) for d in sorted(set(off_days))),
            makeup_workdays=tuple(sorted(set(makeup_workdays))),
        )
        return cls(year=year, entries=(entry,), source=source)


def _parse_date(value: Any) -> date:
    if not isinstance(value, str):
        raise CalendarDataError(f"日期应写作 YYYY-MM-DD 字符串，实际为 {value!r}")
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise CalendarDataError(f"无法识别的日期 {value!r}（应写作 YYYY-MM-DD）") from exc

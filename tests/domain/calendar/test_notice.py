"""Reading a year out of the pasted State Council notice (issue 17, point 2).

The official texts of the 2023–2026 notices (../shared/reference/holiday-notices.md) must give
exactly the packaged data of each year; the wording variations and every kind of bad input are
checked on texts written here."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.calendar import WorkingCalendar, YearSchedule, packaged_schedules
from gongkai.calendar.notice import NoticeParseError, parse_holiday_notice
from testsupport import official_notice

PACKAGED = {s.year: s for s in packaged_schedules()}


@pytest.mark.parametrize("year", [2023, 2024, 2025, 2026])
def test_the_official_notice_gives_the_packaged_year(year: int) -> None:
    parsed = parse_holiday_notice(official_notice(year))
    packaged = PACKAGED[year]
    assert parsed.year == year
    assert parsed.schedule.entries == packaged.entries  # holidays, arrangements, days, notice
    assert parsed.schedule.off_days == packaged.off_days
    assert parsed.schedule.makeup_workdays == packaged.makeup_workdays
    assert parsed.notice == packaged.notices[0]


def test_the_2023_new_year_reaches_into_2022_as_packaged() -> None:
    parsed = parse_holiday_notice(official_notice(2023))
    assert list(parsed.other_years) == [2022]
    (entry,) = parsed.other_years[2022]
    assert entry == PACKAGED[2022].entries[-1]  # 元旦（2023年）: 2022-12-31 off
    without = YearSchedule(2022, PACKAGED[2022].entries[:-1], source="测试")
    assert parsed.merge_into(without).entries == PACKAGED[2022].entries
    assert parsed.merge_into(PACKAGED[2022]).entries == PACKAGED[2022].entries  # not twice


def test_the_number_is_read_and_2026s_missing_number_stays_missing() -> None:
    assert parse_holiday_notice(official_notice(2024)).notice.number == "国办发明电〔2023〕7号"
    notice = parse_holiday_notice(official_notice(2026)).notice
    assert notice.number is None and notice.date == date(2025, 11, 4)


def test_stored_and_read_again_the_year_is_the_same() -> None:
    for year in (2023, 2026):
        schedule = parse_holiday_notice(official_notice(year)).schedule
        assert YearSchedule.from_dict(schedule.to_dict(), source=schedule.source) == schedule
    for packaged in PACKAGED.values():
        assert YearSchedule.from_dict(packaged.to_dict()) == packaged


# -- wording variations (texts written here, on the pattern of the real notices) ----------------

HEAD_2019 = "国务院办公厅关于2019年部分节假日安排的通知\n国办发明电〔2018〕15号\n"


def test_a_range_across_the_new_year_without_years_and_a_december_make_up_day() -> None:
    # 2019's 元旦 as a notice would write it without the years.
    text = (
        HEAD_2019
        + "经国务院批准，现将2019年元旦放假调休日期的具体安排通知如下。\n"
        + "一、元旦：12月30日（星期日）至1月1日（星期二）放假调休，共3天。12月29日（星期六）上班。\n"
        + "国务院办公厅\n2018年12月6日\n"
    )
    parsed = parse_holiday_notice(text)
    (entry,) = parsed.schedule.entries
    assert entry.off == ((date(2019, 1, 1), date(2019, 1, 1)),)
    assert entry.makeup_workdays == ()
    (before,) = parsed.other_years[2018]
    assert before.off == ((date(2018, 12, 30), date(2018, 12, 31)),)
    assert before.makeup_workdays == (date(2018, 12, 29),)
    assert before.holiday == "元旦（2019年）"
    assert parsed.notice.number == "国办发明电〔2018〕15号" and parsed.notice.date == date(2018, 12, 6)
    assert WorkingCalendar([parsed.schedule]).is_working_day(date(2019, 1, 2))


def test_text_pasted_on_one_line_with_ascii_brackets_and_spaces() -> None:
    text = official_notice(2025).replace("\n", "").replace("（", "(").replace("）", ")").replace("：", ": ")
    parsed = parse_holiday_notice(text)
    assert parsed.schedule.off_days == PACKAGED[2025].off_days
    assert parsed.schedule.makeup_workdays == PACKAGED[2025].makeup_workdays
    assert parsed.notice == PACKAGED[2025].notices[0]


def test_other_bracket_forms_of_the_document_number() -> None:
    text = official_notice(2024).replace("国办发明电〔2023〕7号", "国办发明电[2023]7号")
    assert parse_holiday_notice(text).notice.number == "国办发明电〔2023〕7号"


# -- never a partial year ------------------------------------------------------------------------


def _broken(year: int, old: str, new: str) -> str:
    text = official_notice(year)
    assert old in text
    return text.replace(old, new)


@pytest.mark.parametrize(
    ("year", "old", "new", "message"),
    [
        # A sentence that cannot be read is named.
        (2024, "4月4日至6日放假调休", "4月4日起放假调休", "无法识别清明节的安排“4月4日起放假调休，共3天。”"),
        # A weekday that contradicts the date (a typo, or the wrong year's text).
        (2025, "1月26日（周日）", "1月26日（周六）", "1月26日标注为周六，但2025年1月26日是星期日"),
        # A number of days that contradicts the range.
        (
            2023,
            "1月21日至27日放假调休，共7天",
            "1月21日至27日放假调休，共8天",
            "写明共8天，但2023年1月21日至2023年1月27日是7天",
        ),
        # A make-up day on a weekday.
        (2026, "5月9日（周六）上班", "5月8日上班", "2026年5月8日 是星期五，本来就是工作日"),
        # A holiday left out of the paste (its line is missing: numbering gap).
        (
            2026,
            "五、端午节：6月19日（周五）至21日（周日）放假，共3天。\n",
            "",
            "第5项放假安排缺失或编号不连续",
        ),
        # A date that does not exist.
        (2024, "6月10日放假", "6月31日放假", "不存在的日期：2024年6月31日"),
        # An item without any day off.
        (2024, "6月10日放假，与周末连休", "与周末连休", "端午节"),
    ],
)
def test_unreadable_or_contradictory_text_is_refused_naming_the_sentence(
    year: int, old: str, new: str, message: str
) -> None:
    with pytest.raises(NoticeParseError) as raised:
        parse_holiday_notice(_broken(year, old, new))
    assert message in raised.value.message


def test_a_holiday_the_notice_announces_but_does_not_arrange_is_missing() -> None:
    text = _broken(
        2024, "七、国庆节：10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。", ""
    )
    with pytest.raises(NoticeParseError, match="未找到国庆节的放假安排"):
        parse_holiday_notice(text)


def test_text_without_the_title_or_without_items_is_refused() -> None:
    with pytest.raises(NoticeParseError, match="未找到通知标题"):
        parse_holiday_notice("一、元旦：1月1日放假，共1天。")
    with pytest.raises(NoticeParseError, match="未找到各节日的放假安排"):
        parse_holiday_notice("国务院办公厅关于2027年部分节假日安排的通知\n（正文待发布）")

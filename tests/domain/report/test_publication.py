"""条例 第四十九条: who publishes the annual report, to whom it is submitted, and by when."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.agencies import AgencyKind
from gongkai.report.publication import annual_report_duty


def test_a_department_submits_and_publishes_by_31_january() -> None:
    # 第四十九条第一款: 县级以上人民政府部门 … 1月31日前向本级政府信息公开工作主管部门提交 … 并向社会公布.
    duty = annual_report_duty(AgencyKind.DEPARTMENT, 2024)
    assert duty.due == date(2025, 1, 31)
    assert duty.submit_to_supervisor
    assert duty.basis == "条例 第四十九条第一款"
    assert "提交" in duty.note and "2025年1月31日" in duty.note


def test_a_government_report_is_published_by_its_office_by_31_march() -> None:
    # 第四十九条第二款: 县级以上地方人民政府的政府信息公开工作主管部门 … 3月31日前向社会公布.
    duty = annual_report_duty(AgencyKind.GOVERNMENT, 2024)
    assert duty.due == date(2025, 3, 31)
    assert not duty.submit_to_supervisor
    assert "主管部门" in duty.publisher
    assert duty.basis == "条例 第四十九条第二款"


def test_a_government_report_published_in_march_is_on_time() -> None:
    # The defect of issue 16 point 1: a government's report published in February or March was 逾期.
    duty = annual_report_duty(AgencyKind.GOVERNMENT, 2024)
    assert duty.is_late(date(2025, 3, 31), today=date(2025, 6, 1)) is False
    assert duty.is_late(date(2025, 4, 1), today=date(2025, 6, 1)) is True
    assert duty.is_late(None, today=date(2025, 2, 15)) is False  # not yet published, not yet due
    assert duty.is_late(None, today=date(2025, 4, 1)) is True


def test_31_january_itself_is_on_time_for_a_department() -> None:
    duty = annual_report_duty(AgencyKind.DEPARTMENT, 2023)
    assert duty.is_late(date(2024, 1, 31), today=date(2024, 3, 1)) is False
    assert duty.is_late(date(2024, 2, 1), today=date(2024, 3, 1)) is True


def test_leap_years_do_not_matter_for_fixed_dates() -> None:
    assert annual_report_duty(AgencyKind.GOVERNMENT, 2023).due == date(2024, 3, 31)


@pytest.mark.parametrize("kind", [AgencyKind.TOWNSHIP, AgencyKind.SUBDISTRICT, AgencyKind.OTHER])
def test_no_date_where_article_49_sets_none(kind: AgencyKind) -> None:
    # 第四十九条 covers only 县级以上 departments and governments: no date is invented for the rest.
    duty = annual_report_duty(kind, 2024)
    assert duty.due is None and duty.basis == ""
    assert "没有规定" in duty.note and kind.description in duty.note
    assert duty.is_late(None, today=date(2026, 1, 1)) is None

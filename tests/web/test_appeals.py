"""Reconsideration and litigation records (table 4): periods, actions, pages and permissions."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from gongkai import remedies as periods
from gongkai.calendar import WorkingCalendar
from gongkai.web.appeals import actions
from gongkai.web.appeals.actions import AppealError
from gongkai.web.appeals.models import Appeal
from gongkai.web.audit.models import AuditEvent

CALENDAR = WorkingCalendar.official()


# -- periods (natural days; 行政复议法 第二十条, 行政诉讼法 第四十五条、第四十六条) ------------------


def test_reconsideration_sixty_natural_days_moved_past_a_holiday() -> None:
    p = periods.reconsideration_period(date(2026, 3, 2))
    assert p.nominal_end == date(2026, 5, 1)  # 60 days after 2 March, not counting 2 March
    assert p.end(CALENDAR) == date(2026, 5, 6)  # 1–5 May 2026 is the 劳动节 holiday
    assert not p.is_late(date(2026, 5, 6), CALENDAR)
    assert p.is_late(date(2026, 5, 7), CALENDAR)
    assert p.is_late(date(2026, 5, 2))  # without a calendar the nominal day is the last


def test_reconsideration_period_ending_on_a_working_day() -> None:
    p = periods.reconsideration_period(date(2026, 6, 1))
    assert p.end(CALENDAR) == p.nominal_end == date(2026, 7, 31)


def test_direct_litigation_six_months_and_month_ends() -> None:
    assert periods.direct_litigation_period(date(2026, 3, 2)).nominal_end == date(2026, 9, 2)
    assert periods.direct_litigation_period(date(2026, 8, 31)).nominal_end == date(2027, 2, 28)
    assert periods.add_months(date(2027, 8, 31), 6) == date(2028, 2, 29)
    assert periods.add_months(date(2026, 12, 15), 1) == date(2027, 1, 15)


def test_litigation_after_reconsideration_fifteen_days() -> None:
    p = periods.litigation_after_reconsideration_period(date(2026, 3, 2))
    assert p.nominal_end == date(2026, 3, 17)
    assert p.end(CALENDAR) == date(2026, 3, 17)


def test_unknown_calendar_year_keeps_the_nominal_day() -> None:
    p = periods.reconsideration_period(date(2090, 1, 1))
    assert p.end(CALENDAR) == p.nominal_end


# -- actions ------------------------------------------------------------------------------------

DATA = {
    "kind": "reconsideration",
    "after_reconsideration": False,
    "reconsideration": None,
    "body": "示例市人民政府",
    "case_number": "示政复〔2026〕12号",
    "applicant_name": "张三",
    "act_on": date(2026, 3, 20),
    "known_on": date(2026, 3, 23),
    "decision_received_on": None,
    "filed_on": date(2026, 4, 10),
    "note": "",
    "application": None,
}


@pytest.mark.django_db
def test_register_and_record_result_with_audit(
    people: dict[str, Any], agencies: dict[str, Any], submit: Any
) -> None:
    app = submit()
    appeal = actions.do_register_appeal(
        agencies["science"], {**DATA, "application": app}, acting_user=people["clerk"]
    )
    assert appeal.application == app and appeal.result == "pending" and appeal.decided_on is None
    actions.do_record_appeal_result(
        appeal, result="corrected", decided_on=date(2026, 6, 1), acting_user=people["clerk"]
    )
    appeal.refresh_from_db()
    assert (appeal.result, appeal.decided_on) == ("corrected", date(2026, 6, 1))
    events = list(
        AuditEvent.objects.filter(object_type="appeals.appeal", object_id=str(appeal.pk)).order_by("pk")
    )
    assert [e.action for e in events] == ["appeal.register", "appeal.result"]
    assert events[1].before["result"] == "pending" and events[1].after["result"] == "corrected"
    assert "张三" not in str(events[0].after)


@pytest.mark.django_db
def test_lawsuit_after_reconsideration_links_and_period(
    people: dict[str, Any], agencies: dict[str, Any]
) -> None:
    clerk, science = people["clerk"], agencies["science"]
    first = actions.do_register_appeal(science, DATA, acting_user=clerk)
    actions.do_record_appeal_result(first, result="upheld", decided_on=date(2026, 5, 20), acting_user=clerk)
    first.refresh_from_db()
    suit = actions.do_register_appeal(
        science,
        {
            **DATA,
            "kind": "litigation",
            "after_reconsideration": True,
            "reconsideration": first,
            "filed_on": date(2026, 6, 8),
        },
        acting_user=clerk,
    )
    assert suit.period() is None  # the receipt of the decision is not recorded yet
    suit.decision_received_on = date(2026, 5, 20)
    assert suit.table4_group == "litigation_after_reconsideration"
    period = suit.period()
    assert period is not None and period.nominal_end == date(2026, 6, 4)  # 15 days after the decision
    assert period.is_late(suit.filed_on, CALENDAR)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"known_on": date(2026, 3, 1)}, "知道行政行为之日不能早于"),
        ({"filed_on": date(2026, 3, 1), "known_on": date(2026, 3, 20)}, "申请（起诉）日期不能早于"),
        ({"kind": "litigation", "decision_received_on": date(2026, 4, 1)}, "只有复议后起诉"),
        (
            {"kind": "litigation", "after_reconsideration": True, "decision_received_on": date(2026, 4, 20)},
            "不能晚于起诉日期",
        ),
    ],
)
def test_impossible_facts_are_refused_in_chinese(
    people: dict[str, Any], agencies: dict[str, Any], change: dict[str, Any], message: str
) -> None:
    with pytest.raises(AppealError, match=message):
        actions.do_register_appeal(agencies["science"], {**DATA, **change}, acting_user=people["clerk"])
    assert not Appeal.objects.exists()


@pytest.mark.django_db
def test_application_of_another_agency_is_refused(
    people: dict[str, Any], agencies: dict[str, Any], submit: Any
) -> None:
    other = submit(agency=agencies["finance"])
    with pytest.raises(AppealError, match="不属于本机关"):
        actions.do_register_appeal(
            agencies["science"], {**DATA, "application": other}, acting_user=people["clerk"]
        )


@pytest.mark.django_db
def test_result_date_and_choice_checked(people: dict[str, Any], agencies: dict[str, Any]) -> None:
    appeal = actions.do_register_appeal(agencies["science"], DATA, acting_user=people["clerk"])
    with pytest.raises(AppealError, match="审结日期不能早于"):
        actions.do_record_appeal_result(
            appeal, result="upheld", decided_on=date(2026, 4, 1), acting_user=people["clerk"]
        )
    with pytest.raises(AppealError, match="请选择结果"):
        actions.do_record_appeal_result(
            appeal, result="pending", decided_on=date(2026, 5, 1), acting_user=people["clerk"]
        )


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["supervisor", "reviewer", "finance_clerk", "outsider"])
def test_only_the_agencys_clerk_or_head_records(
    people: dict[str, Any], agencies: dict[str, Any], who: str
) -> None:
    with pytest.raises(PermissionDenied):
        actions.do_register_appeal(agencies["science"], DATA, acting_user=people[who])
    appeal = actions.do_register_appeal(agencies["science"], DATA, acting_user=people["head"])
    with pytest.raises(PermissionDenied):
        actions.do_record_appeal_result(
            appeal, result="upheld", decided_on=date(2026, 5, 1), acting_user=people[who]
        )


# -- pages --------------------------------------------------------------------------------------


def _form(**change: Any) -> dict[str, str]:
    data = {
        k: ("" if v is None else str(v))
        for k, v in DATA.items()
        if k not in ("application", "after_reconsideration")
    }
    data.update({k: str(v) for k, v in change.items()})
    return data


@pytest.mark.django_db
def test_register_from_the_case_page_and_list(client: Any, people: dict[str, Any], submit: Any) -> None:
    app = submit()
    client.force_login(people["clerk"])
    page = client.get(reverse("applications:detail", args=[app.pk])).content.decode()
    assert "登记行政复议或行政诉讼" in page
    url = reverse("appeals:register") + f"?application={app.pk}"
    form_page = client.get(url).content.decode()
    assert 'value="张三"' in form_page  # the applicant's name is proposed
    response = client.post(url, _form(filed_on="2026-06-01"))  # 60 days from 23 March end 22 May
    appeal = Appeal.objects.get()
    assert response.status_code == 302 and appeal.application == app
    detail = client.get(reverse("appeals:detail", args=[appeal.pk])).content.decode()
    assert "最后一日 2026-05-22" in detail and "已超过法定期限" in detail
    assert "张三" in detail
    case_page = client.get(reverse("applications:detail", args=[app.pk])).content.decode()
    assert reverse("appeals:detail", args=[appeal.pk]) in case_page
    listing = client.get(reverse("appeals:index") + "?year=2026").content.decode()
    assert f'href="{reverse("appeals:index")}"' in listing  # in the staff navigation
    assert "示政复〔2026〕12号" in listing and "超过法定期限" in listing and "尚未审结" in listing


@pytest.mark.django_db
def test_form_errors_are_chinese(client: Any, people: dict[str, Any], agencies: dict[str, Any]) -> None:
    client.force_login(people["clerk"])
    url = reverse("appeals:register") + f"?agency={agencies['science'].pk}"
    page = client.post(url, _form(after_reconsideration="on")).content.decode()
    assert "行政复议案件不能标为“复议后起诉”" in page
    page = client.post(url, _form(known_on="2026-03-01")).content.decode()
    assert "知道行政行为之日不能早于行政行为作出日期" in page
    assert not Appeal.objects.exists()


@pytest.mark.django_db
def test_result_page_and_year_end_view(client: Any, people: dict[str, Any], agencies: dict[str, Any]) -> None:
    appeal = actions.do_register_appeal(
        agencies["science"], {**DATA, "filed_on": date(2026, 5, 10)}, acting_user=people["clerk"]
    )
    client.force_login(people["clerk"])
    client.post(reverse("appeals:result", args=[appeal.pk]), {"result": "upheld", "decided_on": "2027-01-15"})
    appeal.refresh_from_db()
    assert appeal.result == "upheld"
    page_2026 = client.get(
        reverse("appeals:index") + f"?agency={agencies['science'].pk}&year=2026"
    ).content.decode()
    assert "尚未审结" in page_2026  # decided after the year end
    page_2027 = client.get(reverse("appeals:index") + "?year=2027").content.decode()
    assert "结果维持" in page_2027
    assert "没有办理中的" in client.get(reverse("appeals:index") + "?year=2028").content.decode()
    bad = client.post(
        reverse("appeals:result", args=[appeal.pk]),
        {"result": "upheld", "decided_on": "2026-01-01"},
        follow=True,
    )
    assert "审结日期不能早于" in bad.content.decode()


@pytest.mark.django_db
def test_supervisor_reads_masked_and_cannot_record(
    client: Any, people: dict[str, Any], agencies: dict[str, Any]
) -> None:
    appeal = actions.do_register_appeal(agencies["science"], DATA, acting_user=people["clerk"])
    client.force_login(people["supervisor"])
    listing = client.get(
        reverse("appeals:index") + f"?agency={agencies['science'].pk}&year=2026"
    ).content.decode()
    assert "张*" in listing and "张三" not in listing and "登记案件" not in listing
    detail = client.get(reverse("appeals:detail", args=[appeal.pk])).content.decode()
    assert "张三" not in detail and "记录结果" not in detail
    assert (
        client.post(
            reverse("appeals:result", args=[appeal.pk]), {"result": "upheld", "decided_on": "2026-05-01"}
        ).status_code
        == 403
    )
    assert client.get(reverse("appeals:register") + f"?agency={agencies['science'].pk}").status_code == 403


@pytest.mark.django_db
def test_outsiders_see_nothing(client: Any, people: dict[str, Any], agencies: dict[str, Any]) -> None:
    appeal = actions.do_register_appeal(agencies["science"], DATA, acting_user=people["clerk"])
    client.force_login(people["outsider"])
    assert client.get(reverse("appeals:detail", args=[appeal.pk])).status_code == 404
    listing = client.get(
        reverse("appeals:index") + f"?agency={agencies['science'].pk}&year=2026"
    ).content.decode()
    assert "示政复" not in listing
    client.force_login(people["finance_clerk"])
    assert client.get(reverse("appeals:detail", args=[appeal.pk])).status_code == 404


@pytest.mark.django_db
def test_list_queries_do_not_grow_with_cases(
    client: Any, people: dict[str, Any], agencies: dict[str, Any]
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(people["clerk"])
    url = reverse("appeals:index") + f"?agency={agencies['science'].pk}&year=2026"
    counts = []
    for _ in range(2):
        for _ in range(5):
            actions.do_register_appeal(agencies["science"], DATA, acting_user=people["clerk"])
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]

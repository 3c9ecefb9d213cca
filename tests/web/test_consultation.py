"""Third-party consultation (条例 第三十二条): the letter's 15 working days, the answer, the notice.

Dates on the 2026 schedule: 清明 4–6 April off.
"""

from __future__ import annotations

import functools
from datetime import date
from typing import Any

import pytest
from django.test import Client

from gongkai.web.applications import actions
from gongkai.web.applications.models import Application, ThirdPartyConsultation
from gongkai.web.audit.models import AuditEvent
from gongkai.workflow.cases import Action

pytestmark = pytest.mark.django_db


def _client(user: Any) -> Client:
    c = Client()
    c.force_login(user)
    return c


def _party(**kw: Any) -> actions.ThirdParty:
    return actions.ThirdParty(
        name=kw.get("name", "平湖某科技有限公司"),
        contact="0573-85000000",
        information="该公司申报项目的预算明细",
        letter_received_on=kw.get("received"),
    )


def _consulting(submit: Any, people: Any, sent: date = date(2026, 4, 1), received: date | None = None) -> Any:
    app = submit(received=date(2026, 3, 30))
    actions.do_take_step(app, Action.START, on=date(2026, 3, 30), acting_user=people["clerk"])
    actions.do_start_consultation(
        app,
        kind="third_party",
        sent_on=sent,
        note="",
        third_party=_party(received=received),
        acting_user=people["clerk"],
    )
    return app


def test_reply_window_is_fifteen_working_days_across_the_holiday(submit: Any, people: Any) -> None:
    # Received Thursday 2 April: day 1 is Friday 3 April, 清明 4–6 April off, day 15 is Friday
    # 24 April (it would be 23 April without the holiday).
    app = _consulting(submit, people, sent=date(2026, 4, 1), received=date(2026, 4, 2))
    c = ThirdPartyConsultation.objects.get(application=app)
    assert (c.sent_on, c.letter_received_on, c.reply_due) == (
        date(2026, 4, 1),
        date(2026, 4, 2),
        date(2026, 4, 24),
    )
    assert Application.objects.get(pk=app.pk).status == "consulting_third_party"


def test_window_runs_from_sending_when_receipt_is_not_given(submit: Any, people: Any) -> None:
    app = _consulting(submit, people, sent=date(2026, 4, 2))
    assert ThirdPartyConsultation.objects.get(application=app).reply_due == date(2026, 4, 24)


def test_no_answer_only_after_the_window_and_the_pause_ends_with_it(submit: Any, people: Any) -> None:
    app = _consulting(submit, people, sent=date(2026, 4, 2))
    with pytest.raises(actions.ActionError, match="尚未届满"):
        actions.do_end_consultation(
            app, ended_on=date(2026, 4, 24), answer="no_answer", acting_user=people["clerk"]
        )
    actions.do_end_consultation(
        app, ended_on=date(2026, 4, 27), answer="no_answer", acting_user=people["clerk"]
    )
    c = ThirdPartyConsultation.objects.get(application=app)
    assert (c.answer, c.answered_on) == ("no_answer", None)
    assert c.event.until == date(2026, 4, 24)


def test_a_recorded_consultation_needs_the_answer(submit: Any, people: Any) -> None:
    app = _consulting(submit, people)
    with pytest.raises(actions.ActionError, match="请选择第三方的意见"):
        actions.do_end_consultation(app, ended_on=date(2026, 4, 10), acting_user=people["clerk"])


def test_disclosing_against_the_third_party_needs_reason_and_written_notice(submit: Any, people: Any) -> None:
    app = _consulting(submit, people)
    actions.do_end_consultation(
        app, ended_on=date(2026, 4, 10), answer="disagree", reason="涉及商业秘密", acting_user=people["clerk"]
    )
    c = ThirdPartyConsultation.objects.get(application=app)
    disclose = functools.partial(
        actions.do_decide_after_consultation,
        app,
        consultation=c,
        decision="disclose",
        acting_user=people["clerk"],
    )
    with pytest.raises(actions.ActionError, match="公共利益"):
        disclose(reason="", notice_sent_on=None)
    with pytest.raises(actions.ActionError, match="书面告知第三方"):
        disclose(reason="涉及公共资金使用", notice_sent_on=None)
    disclose(
        reason="涉及公共资金使用", notice_sent_on=date(2026, 4, 13), reconsideration_body="示例市人民政府"
    )
    c.refresh_from_db()
    assert (c.decision, c.notice_sent_on) == ("disclose", date(2026, 4, 13))
    assert AuditEvent.objects.filter(action="application.third_party_decision").count() == 1


def test_web_flow_shows_the_window_and_the_overdue_state(submit: Any, people: Any, monkeypatch: Any) -> None:
    from django.utils import timezone

    from gongkai.web import clock as views

    monkeypatch.setattr(views, "now", lambda: timezone.make_aware(timezone.datetime(2026, 4, 27, 10)))
    app = submit(received=date(2026, 3, 30))
    actions.do_take_step(app, Action.START, on=date(2026, 3, 30), acting_user=people["clerk"])
    client = _client(people["clerk"])
    page = client.get(f"/work/cases/{app.pk}/").content.decode()
    assert "书面征求第三方意见" in page
    page = client.post(
        f"/work/cases/{app.pk}/third-party/",
        {
            "party_name": "平湖某科技有限公司",
            "contact": "0573-85000000",
            "information": "预算明细",
            "sent_on": "2026-04-01",
            "letter_received_on": "2026-04-02",
        },
        follow=True,
    ).content.decode()
    assert "2026-04-24" in page and "第三方逾期未答复" in page  # "today" is 27 April
    page = client.post(
        f"/work/cases/{app.pk}/third-party/answer/", {"answer": "agree", "on": "2026-04-10"}, follow=True
    ).content.decode()
    assert "同意公开（2026-04-10）" in page
    assert Application.objects.get(pk=app.pk).status == "in_progress"


def test_other_agencies_and_non_handlers_cannot_consult(submit: Any, people: Any) -> None:
    app = submit(received=date(2026, 3, 30))
    actions.do_take_step(app, Action.START, on=date(2026, 3, 30), acting_user=people["clerk"])
    data = {"party_name": "某公司", "contact": "1", "information": "x", "sent_on": "2026-04-01"}
    assert (
        _client(people["finance_clerk"]).post(f"/work/cases/{app.pk}/third-party/", data).status_code == 404
    )
    assert _client(people["reviewer"]).post(f"/work/cases/{app.pk}/third-party/", data).status_code == 403
    assert not ThirdPartyConsultation.objects.exists()


def test_the_clock_pause_lasts_until_the_third_partys_own_deadline(submit: Any, people: Any) -> None:
    # Sent Wednesday 1 April. Received the same day: the third party's 15 working days end on
    # 23 April; received on 2 April: on 24 April. The reply clock stands still one working day
    # longer, so the reply is due one working day later.
    same_day = _consulting(submit, people, sent=date(2026, 4, 1), received=date(2026, 4, 1))
    next_day = _consulting(submit, people, sent=date(2026, 4, 1), received=date(2026, 4, 2))
    due_same = Application.objects.get(pk=same_day.pk).due_on
    due_next = Application.objects.get(pk=next_day.pk).due_on
    assert ThirdPartyConsultation.objects.get(application=same_day).reply_due == date(2026, 4, 23)
    assert due_same is not None and due_next is not None
    assert (due_next - due_same).days in (1, 3)  # the next working day (over a weekend: 3)
    assert due_next > due_same

"""条例 第三十五条 (issue 16, point 3): "申请人申请公开政府信息的数量、频次明显超过合理范围，行政机关
可以要求申请人说明理由。行政机关认为申请理由不合理的，告知申请人不予处理；行政机关认为申请理由合理，
但是无法在本条例第三十三条规定的期限内答复申请人的，可以确定延迟答复的合理期限并告知申请人。"

The request for reasons is a letter with the applicant's window (a reasonable period the agency
sets: the article names none); the answer is recorded; a later reply date is what the clock and
the letters then show; the （五）4 letter needs the request on record.
"""

from __future__ import annotations

import functools
from datetime import date
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from gongkai.errors import GongkaiError
from gongkai.report.render.fonts import cjk_font_available
from gongkai.web.applications import actions
from gongkai.web.applications.models import Application
from gongkai.web.audit.models import AuditEvent
from gongkai.web.letters.case_letters import facts_for, render
from gongkai.web.letters.models import CaseLetter
from gongkai.web.replies import actions as replies
from proceduretesting import request_reasons
from testsupport import require

pytestmark = pytest.mark.django_db

MASSIVE = replies.DraftData(
    outcome="reject_massive", reconsideration_body="平湖市人民政府", contact="李经办 0573-85551234"
)


def reload(app: Application) -> Application:
    return Application.objects.get(pk=app.pk)


@pytest.fixture
def case(submit: Any, people: Any) -> Application:
    app = submit(received=date(2026, 3, 2))  # reply due 30 March
    return actions.do_assign_application(app, people["clerk"], acting_user=people["clerk"])


def test_the_request_for_reasons_is_a_letter_with_the_agencys_window(case: Any, people: Any) -> None:
    with pytest.raises(GongkaiError, match="至少为1个工作日"):
        request_reasons(case, people["clerk"], working_days=0)
    with pytest.raises(PermissionDenied):
        request_reasons(case, people["reviewer"])
    request_reasons(case, people["clerk"], sent_on=date(2026, 3, 3), working_days=10)
    event = reload(case).events.get(kind="reasons_requested")
    assert event.until == date(2026, 3, 17)  # 10 working days from Tuesday 3 March
    row = CaseLetter.objects.get(application=case, kind="reasons_request")
    facts = facts_for(row)
    assert (facts.reasons_due, facts.excessive_facts) == (date(2026, 3, 17), event.note)
    assert AuditEvent.objects.filter(action="application.reasons_requested").count() == 1
    with pytest.raises(GongkaiError, match="已要求"):
        request_reasons(case, people["clerk"])
    require(cjk_font_available(), "PDF letters need a CJK TrueType font (apt-get install fonts-wqy-zenhei)")
    assert render(row, "pdf").body.startswith(b"%PDF")


def test_the_massive_reply_cannot_go_forward_without_the_request(case: Any, people: Any) -> None:
    replies.do_save_reply_draft(case, MASSIVE, on=date(2026, 3, 10), acting_user=people["clerk"])
    with pytest.raises(GongkaiError, match="已要求申请人说明理由的日期"):
        replies.do_submit_reply_for_review(case, on=date(2026, 3, 10), acting_user=people["clerk"])


def test_reasons_found_unreasonable_lead_to_the_massive_reply(case: Any, people: Any) -> None:
    require(cjk_font_available(), "PDF letters need a CJK TrueType font (apt-get install fonts-wqy-zenhei)")
    clerk = people["clerk"]
    request_reasons(case, clerk, sent_on=date(2026, 3, 3))
    # No answer: only once the window (to 17 March) has passed, and never "reasonable".
    no_answer = functools.partial(
        actions.do_record_reasons_answer,
        case,
        answered_on=None,
        answer="",
        finding="unreasonable",
        acting_user=clerk,
    )
    with pytest.raises(GongkaiError, match="尚未届满"):
        no_answer(today=date(2026, 3, 17))
    no_answer(today=date(2026, 3, 18))
    assert reload(case).events.get(kind="reasons_answered").note == "申请人在期限内未说明理由"
    replies.do_save_reply_draft(case, MASSIVE, on=date(2026, 3, 18), acting_user=clerk)
    replies.do_submit_reply_for_review(case, on=date(2026, 3, 18), acting_user=clerk)
    replies.do_approve_reply(reload(case), on=date(2026, 3, 18), acting_user=people["reviewer"])
    letter = replies.do_issue_reply_letter(reload(case), issued_on=date(2026, 3, 19), acting_user=clerk)
    assert "本机关已于2026年3月3日要求您说明理由，经审查认为申请理由不合理" in letter.text
    assert reload(case).resolution == "reject_massive"


def test_a_reasonable_answer_and_a_later_reply_date_move_the_clock(case: Any, people: Any) -> None:
    clerk = people["clerk"]
    request_reasons(case, clerk, sent_on=date(2026, 3, 3))
    with pytest.raises(GongkaiError, match="理由合理"):
        actions.do_set_later_date(
            case, later_date=date(2026, 5, 29), decided_on=date(2026, 3, 10), acting_user=clerk
        )
    actions.do_record_reasons_answer(
        case,
        answered_on=date(2026, 3, 9),
        answer="系为撰写学位论文收集全省科技项目数据",
        finding="reasonable",
        today=date(2026, 3, 10),
        acting_user=clerk,
    )
    assert reload(case).due_on == date(2026, 3, 30)
    # Reasons found reasonable: no 不予处理 reply (第三十五条).
    with pytest.raises(GongkaiError, match="已认定申请理由合理"):
        replies.do_save_reply_draft(case, MASSIVE, on=date(2026, 3, 10), acting_user=clerk)
    # The later date lies after the 第三十三条 period (30 March), or it is no later date.
    with pytest.raises(GongkaiError, match="应晚于法定答复期限"):
        actions.do_set_later_date(
            case, later_date=date(2026, 3, 30), decided_on=date(2026, 3, 10), acting_user=clerk
        )
    actions.do_set_later_date(
        case, later_date=date(2026, 5, 29), decided_on=date(2026, 3, 10), acting_user=clerk
    )
    app = reload(case)
    assert app.due_on == date(2026, 5, 29)
    assert facts_for(CaseLetter.objects.get(application=app, kind="later_reply")).later_date == date(
        2026, 5, 29
    )
    audit = AuditEvent.objects.get(action="application.later_date_set")
    assert audit.after["due_on"] == "2026-05-29"
    client = Client()
    client.force_login(clerk)
    page = client.get(f"/work/cases/{app.pk}/").content.decode()
    assert "2026-05-29" in page and "延迟答复告知书" in page and "理由合理" in page
    assert "（第三十五条确定的延迟答复期限）" in page


def test_the_case_page_buttons_record_the_procedure(case: Any, people: Any) -> None:
    client = Client()
    client.force_login(people["clerk"])
    page = client.get(f"/work/cases/{case.pk}/").content.decode()
    assert "要求申请人说明理由" in page
    client.post(
        f"/work/cases/{case.pk}/reasons/",
        {"sent_on": "2026-03-03", "facts": "一个月内申请86件", "working_days": 10},
    )
    client.post(
        f"/work/cases/{case.pk}/reasons/answer/",
        {"answered_on": "2026-03-09", "answer": "学术研究", "finding": "reasonable"},
    )
    client.post(
        f"/work/cases/{case.pk}/reasons/later-date/", {"decided_on": "2026-03-10", "later_date": "2026-05-29"}
    )
    assert reload(case).due_on == date(2026, 5, 29)
    assert [
        e.kind
        for e in reload(case).events.filter(
            kind__in=["reasons_requested", "reasons_answered", "later_date_set"]
        )
    ] == [
        "reasons_requested",
        "reasons_answered",
        "later_date_set",
    ]

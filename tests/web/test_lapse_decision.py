"""Lapses decided by a person (issue 16, point 2).

条例 第三十条: "申请人无正当理由逾期不补正的，视为放弃申请，行政机关不再处理该政府信息公开申请" -- a
case lapses only without a 正当理由, which the clerk finds; the unpaid fee likewise under the fee
rules (workflow.outcomes.FEE_LAPSE_BASIS). Closing is the （六）1/2 告知书 through draft → 审核人
approves → issue → deliver. Dates on the 2026 schedule (清明 4–6 April off).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from gongkai.errors import GongkaiError
from gongkai.report.render.fonts import cjk_font_available
from gongkai.web.applications import actions
from gongkai.web.applications.models import Application, FeeNotice
from gongkai.web.audit.models import AuditEvent
from gongkai.web.replies import actions as replies
from gongkai.web.replies.models import IssuedLetter
from proceduretesting import confirm_lapse, lapse_correction
from testsupport import require

pytestmark = pytest.mark.django_db


def reload(app: Application) -> Application:
    return Application.objects.get(pk=app.pk)


@pytest.fixture
def case(submit: Any, people: Any) -> Application:
    app = submit(received=date(2026, 3, 2))
    return actions.do_assign_application(app, people["clerk"], acting_user=people["clerk"])


def test_a_good_cause_sets_a_new_correction_period_and_the_case_waits_again(case: Any, people: Any) -> None:
    """第三十条: with a 正当理由 the applicant has not abandoned the application; a new reasonable
    period is set for the same items (the notice stays one-time)."""
    lapse_correction(case, people["clerk"])  # period to 9 March, referred 10 March
    with pytest.raises(GongkaiError, match="正当理由"):
        actions.do_record_good_cause(
            case, decided_on=date(2026, 3, 11), statement=" ", working_days=5, acting_user=people["clerk"]
        )
    actions.do_record_good_cause(
        case,
        decided_on=date(2026, 3, 11),
        statement="申请人3月9日来电称住院，申请延长补正期限",
        working_days=5,
        acting_user=people["clerk"],
    )
    app = reload(case)
    assert app.status == "awaiting_correction"
    assert app.due_on == date(2026, 3, 18)  # 5 working days from 11 March
    assert app.events.get(kind="correction_requested").until == date(2026, 3, 18)
    excused = app.events.get(kind="lapse_excused")
    assert (excused.until, excused.note) == (date(2026, 3, 18), "申请人3月9日来电称住院，申请延长补正期限")
    audit = AuditEvent.objects.get(action="application.lapse_excused")
    assert "申请人有正当理由" in audit.summary and "2026-03-18" in audit.summary
    # The corrected application then restarts the clock as usual.
    actions.do_receive_correction(app, received_on=date(2026, 3, 16), acting_user=people["clerk"])
    assert reload(app).status == "in_progress"


def test_nobody_but_the_clerk_decides_a_lapse(case: Any, people: Any) -> None:
    lapse_correction(case, people["clerk"])
    for user in (people["reviewer"], people["finance_clerk"]):
        with pytest.raises(PermissionDenied):
            confirm_lapse(reload(case), user, on=date(2026, 3, 10))
    with pytest.raises((PermissionDenied, GongkaiError)):
        actions.do_record_good_cause(
            case,
            decided_on=date(2026, 3, 11),
            statement="x",
            working_days=5,
            acting_user=None,  # type: ignore[arg-type]
        )
    assert reload(case).status == "correction_lapse_pending"


def test_a_six_one_reply_needs_the_confirmed_lapse(case: Any, people: Any) -> None:
    """No （六）1 告知书 on a case whose lapse nobody confirmed (第三十条: 无正当理由)."""
    draft = replies.DraftData(outcome="other_overdue_correction", reconsideration_body="平湖市人民政府")
    with pytest.raises(GongkaiError, match="确认申请人无正当理由"):
        replies.do_save_reply_draft(case, draft, on=date(2026, 3, 10), acting_user=people["clerk"])
    lapse_correction(case, people["clerk"])
    # While the lapse awaits the decision no other reply can be drafted either.
    with pytest.raises(GongkaiError, match="答复不能修改"):
        replies.do_save_reply_draft(
            reload(case),
            replies.DraftData(outcome="granted"),
            on=date(2026, 3, 10),
            acting_user=people["clerk"],
        )


def test_a_confirmed_lapse_closes_through_review_issue_and_delivery(case: Any, people: Any) -> None:
    require(cjk_font_available(), "PDF letters need a CJK TrueType font (apt-get install fonts-wqy-zenhei)")
    clerk, reviewer = people["clerk"], people["reviewer"]
    lapse_correction(case, clerk)
    reply = confirm_lapse(reload(case), clerk, on=date(2026, 3, 11))
    app = reload(case)
    assert (app.status, reply.outcome, app.resolution) == ("reply_drafted", "other_overdue_correction", "")
    confirmed = app.events.get(kind="lapse_confirmed")
    assert (confirmed.until, confirmed.detail) == (date(2026, 3, 9), "correction")
    assert AuditEvent.objects.filter(action="application.lapse_confirmed").count() == 1
    replies.do_submit_reply_for_review(app, on=date(2026, 3, 11), acting_user=clerk)
    with pytest.raises(PermissionDenied):
        replies.do_approve_reply(reload(app), on=date(2026, 3, 11), acting_user=clerk)
    replies.do_approve_reply(reload(app), on=date(2026, 3, 12), acting_user=reviewer)
    letter = replies.do_issue_reply_letter(reload(app), issued_on=date(2026, 3, 12), acting_user=clerk)
    assert "补正期限已于2026年3月9日届满，经审查，您无正当理由逾期未作补正" in letter.text
    assert "第三十条" in letter.text and "不再处理该政府信息公开申请" in letter.text
    proof = replies.DeliveryProof("online", date(2026, 3, 12), log="省政务服务网推送成功，回执号 8812")
    replies.do_record_delivery(reload(app), proof, today=date(2026, 3, 13), acting_user=clerk)
    app = reload(app)
    assert (app.status, app.resolution) == ("closed", "other_overdue_correction")


def _fee_case(case: Application, clerk: Any) -> Application:
    actions.do_send_fee_notice(
        case,
        sent_on=date(2026, 3, 4),
        acting_user=clerk,
        method="per_page",
        how_to_pay="到窗口缴纳",
        pages=50,
    )  # payment due 1 April
    return actions.do_refer_lapse(case, today=date(2026, 4, 2), acting_user=None)


def test_an_unpaid_fee_with_a_good_cause_gets_a_new_payment_period(case: Any, people: Any) -> None:
    """FEE_LAPSE_BASIS: the fee rules' own 20 working days, counted again from the decision."""
    _fee_case(case, people["clerk"])
    actions.do_record_good_cause(
        reload(case),
        decided_on=date(2026, 4, 3),
        statement="申请人称银行转账被退回，已提供退回凭证",
        acting_user=people["clerk"],
    )
    app = reload(case)
    assert app.status == "awaiting_fee"
    # 20 working days from the day after Friday 3 April: 清明 (4–6 April) and 劳动节 (1–5 May)
    # skipped -- 7–10, 13–17, 20–24, 27–30 April are 18, then 6 and 7 May.
    assert FeeNotice.objects.get(application=app).payment_due == date(2026, 5, 7)
    actions.do_receive_fee(app, paid_on=date(2026, 4, 8), acting_user=people["clerk"])
    assert reload(app).status == "in_progress"


def test_an_unpaid_fee_confirmed_lapsed_is_answered_by_the_six_two_letter(case: Any, people: Any) -> None:
    require(cjk_font_available(), "PDF letters need a CJK TrueType font (apt-get install fonts-wqy-zenhei)")
    clerk = people["clerk"]
    _fee_case(case, clerk)
    confirm_lapse(reload(case), clerk, on=date(2026, 4, 3))
    app = reload(case)
    assert app.events.get(kind="fee_notice_sent").until == date(2026, 4, 1)  # the pause ended then
    replies.do_submit_reply_for_review(app, on=date(2026, 4, 3), acting_user=clerk)
    replies.do_approve_reply(reload(app), on=date(2026, 4, 3), acting_user=people["reviewer"])
    letter = replies.do_issue_reply_letter(reload(app), issued_on=date(2026, 4, 3), acting_user=clerk)
    assert "已于2026年4月1日届满，经审查，您无正当理由逾期未缴纳信息处理费" in letter.text
    assert "国办函〔2020〕109号" in letter.text
    assert reload(app).resolution == "other_overdue_fee"
    assert IssuedLetter.objects.filter(application=app, kind="other_overdue_fee").count() == 1


def test_the_case_page_shows_the_decision_and_its_buttons(case: Any, people: Any) -> None:
    lapse_correction(case, people["clerk"])
    client = Client()
    client.force_login(people["clerk"])
    page = client.get(f"/work/cases/{case.pk}/").content.decode()
    assert "补正期限已过，待确认" in page and "登记正当理由" in page and "确认无正当理由，起草告知书" in page
    client.post(
        f"/work/cases/{case.pk}/lapse/confirm/",
        {"decided_on": "2026-03-11", "finding": "申请人未作说明", "reconsideration_body": "平湖市人民政府"},
    )
    assert reload(case).status == "reply_drafted"
    reviewer = Client()
    reviewer.force_login(people["reviewer"])
    page = reviewer.get(f"/work/cases/{case.pk}/").content.decode()
    assert "无正当理由，确认不再处理：申请人未作说明" in page
    assert reviewer.post(
        f"/work/cases/{case.pk}/lapse/excuse/",
        {"decided_on": "2026-03-11", "statement": "x", "working_days": 5},
    ).status_code in (302, 403)
    assert reload(case).status == "reply_drafted"

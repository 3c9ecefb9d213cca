"""The demo's cases for issue 16: a lapsed 补正 period put before the clerk, decided with a
正当理由 (a new period) or without one (the （六）1 告知书 through review, issue and delivery;
条例 第三十条), and the 第三十五条 request for reasons with the answer and a later reply date."""

from __future__ import annotations

from datetime import date

from gongkai.web.accounts.models import User
from gongkai.web.applications import actions
from gongkai.web.demo.replay import Replay
from gongkai.web.demo.replies import draft_for
from gongkai.web.replies import actions as replies

#: The （六）1 outcome a confirmed 补正 lapse is answered with.
OVERDUE_CORRECTION = "other_overdue_correction"


def lapse_correction(rp: Replay, scenario: str, sent: date, today: date, clerk: User) -> date | None:
    """The 补正 period (10 working days from ``sent``) ran out: the periodic job puts the case
    before the clerk the next working day. ``correction_lapse_pending`` stays there;
    ``correction_excused`` gets a new period for a 正当理由; ``correction_lapsed`` is confirmed
    and drafted as （六）1 -- the day of that draft is returned for the reply to go on from."""
    lapsed_on = rp.workday(sent, 11)
    if lapsed_on > today:
        return None
    rp.at(lapsed_on, actions.do_refer_lapse, today=lapsed_on, acting_user=None)
    if scenario == "correction_lapse_pending" or (decided := rp.workday_by(today, lapsed_on, 1)) is None:
        return None
    if scenario == "correction_excused":
        rp.at(
            decided,
            actions.do_record_good_cause,
            decided_on=decided,
            statement="申请人补正期限届满前一日来电，称所需材料须向原单位调取，申请延长补正期限10个工作日",
            working_days=10,
            acting_user=clerk,
        )
        return None
    draft = draft_for(rp.app, OVERDUE_CORRECTION, clerk)
    rp.run(
        decided,
        replies.do_confirm_lapse,
        decided_on=decided,
        finding="补正期限内申请人未作补正，也未提出延期或说明任何理由；电话联系未接通",
        reconsideration_body=draft.reconsideration_body,
        contact=draft.contact,
        acting_user=clerk,
    )
    return decided


def ask_reasons(rp: Replay, start: date, today: date, clerk: User) -> None:
    """第三十五条: an applicant with dozens of applications in a month is asked to explain (10
    working days, the agency's reasonable period), explains, and the agency finds the reasons
    reasonable but sets a later reply date it tells the applicant."""
    if (sent := rp.workday_by(today, start, 1)) is None:
        return
    facts = "申请人近一个月内向本机关提出政府信息公开申请42件，涉及全县历年各类项目资料"
    rp.at(sent, actions.do_request_reasons, sent_on=sent, facts=facts, working_days=10, acting_user=clerk)
    if (answered := rp.workday_by(today, sent, 4)) is None:
        return
    rp.at(
        answered,
        actions.do_record_reasons_answer,
        answered_on=answered,
        answer="申请人称系受课题组委托开展县域科技投入研究，需要完整的历年项目资料",
        finding="reasonable",
        today=answered,
        acting_user=clerk,
    )
    if (told := rp.workday_by(today, answered, 1)) is None:
        return
    later = rp.workday(rp.app.due_on or told, 10)  # two more weeks, within the known calendar
    rp.at(told, actions.do_set_later_date, later_date=later, decided_on=told, acting_user=clerk)

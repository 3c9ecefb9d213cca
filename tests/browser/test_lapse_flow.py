"""Issue 16's browser scenario (条例 第三十条: a case lapses only "无正当理由", a person's
finding): the 补正 period ran out → the clerk puts the case before themself (补正期限已过，待确认)
→ confirms there was no 正当理由, which drafts the （六）1 告知书 → the 审核人 approves → the clerk
issues it. A second case gets a new period for a 正当理由."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from browser_helpers import login, shot, take_step

from gongkai.report.render.fonts import cjk_font_available
from gongkai.web.applications import actions
from proceduretesting import request_correction
from testsupport import require

pytestmark = pytest.mark.django_db(transaction=True)


def _lapsed_case(submit: Any, clerk: Any) -> Any:
    app = actions.do_assign_application(submit(received=date(2026, 3, 2)), clerk, acting_user=clerk)
    return request_correction(app, clerk, sent_on=date(2026, 3, 2))  # period to 9 March


def test_lapse_confirmed_by_the_clerk_then_reviewed_and_issued(
    open_page: Any, people: Any, submit: Any, clock: Any
) -> None:
    require(cjk_font_available(), "PDF letters need a CJK TrueType font (apt-get install fonts-wqy-zenhei)")
    clock(date(2026, 3, 10))
    app = _lapsed_case(submit, people["clerk"])
    case_url = f"/work/cases/{app.pk}/"

    clerk = open_page()
    login(clerk, "clerk")
    clerk.goto(case_url)
    clerk.click("#lapse-refer")
    assert clerk.inner_text("#case-status") == "补正期限已过，待确认"
    assert "补正期限于 2026-03-09 届满" in clerk.inner_text("#lapse-pending")
    shot(clerk, "lapse-pending-desktop")
    clerk.click("#lapse-confirm summary")
    clerk.fill("#lapse-confirm textarea[name=finding]", "申请人在补正期限内未作补正，也未说明任何理由")
    clerk.fill("#lapse-confirm input[name=reconsideration_body]", "平湖市人民政府")
    take_step(clerk, "#lapse-confirm-button", message="已确认无正当理由", status="答复已起草")
    preview = clerk.inner_text("#letter-preview")
    assert "补正期限已于2026年3月9日届满" in preview and "无正当理由逾期未作补正" in preview
    clerk.click("#reply-submit")
    assert clerk.inner_text("#case-status") == "审核中"

    reviewer = open_page()
    login(reviewer, "reviewer")
    reviewer.goto(case_url)
    assert reviewer.locator("#lapse-confirm-button").count() == 0  # the clerk records, not the reviewer
    assert "无正当理由，确认不再处理" in reviewer.inner_text("#lapse-history")
    reviewer.click("#reply-approve")
    assert reviewer.inner_text("#case-status") == "审核通过"

    clerk.reload()
    clerk.click("#reply-issue-button")
    assert clerk.inner_text("#case-status") == "已答复"
    shot(clerk, "lapse-issued-desktop")


def test_a_good_cause_gives_a_new_correction_period(
    open_page: Any, people: Any, submit: Any, clock: Any
) -> None:
    clock(date(2026, 3, 10))
    app = _lapsed_case(submit, people["clerk"])
    actions.do_refer_lapse(app, today=date(2026, 3, 10), acting_user=None)  # the periodic job
    clerk = open_page()
    login(clerk, "clerk")
    clerk.goto(f"/work/cases/{app.pk}/")
    clerk.fill("#lapse-excuse textarea[name=statement]", "申请人3月9日来电称住院，申请延长补正期限")
    clerk.fill("#lapse-excuse input[name=working_days]", "5")
    take_step(clerk, "#lapse-excuse-button", message="已登记正当理由", status="待补正")
    assert "新期限至 2026-03-17" in clerk.inner_text("#lapse-history")

"""Who acts next (issue 17, point 12): the 审核人's 待审核 list on the staff home -- replies
submitted for review and catalogue items waiting at a review step the reviewer may take."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from disclosuretesting import client_for, make_item, science_catalogue
from gongkai.web.applications import actions as app_actions
from gongkai.web.disclosure import actions
from gongkai.workflow.cases import Action

__all__ = ["make_item", "science_catalogue"]

pytestmark = pytest.mark.django_db


def _reply_under_review(submit: Any, clerk: Any) -> Any:
    app = app_actions.do_assign_application(submit(), clerk, acting_user=clerk)
    for step in (Action.DRAFT_REPLY, Action.SUBMIT_FOR_REVIEW):
        app = app_actions.do_take_step(app, step, on=date(2026, 3, 9), acting_user=clerk)
    return app


def test_the_reviewer_finds_what_waits_for_review_from_the_staff_home(
    people: Any, agencies: Any, make_user: Any, submit: Any, make_item: Any
) -> None:
    case = _reply_under_review(submit, people["clerk"])
    item = make_item(title="关于科技项目验收结果的公示")
    actions.do_scan_item(item, acting_user=people["clerk"])
    actions.do_submit_item(item, acting_user=people["clerk"])

    reviewer = client_for(people["reviewer"])
    home = reviewer.get("/work/").content.decode()
    assert 'data-view="review"' in home and "待审核" in home
    tab = {t["key"]: t["count"] for t in reviewer.get("/work/").context["tabs"]}
    assert tab["review"] == 2  # the reply and the item
    page = reviewer.get("/work/", {"view": "review"}).content.decode()
    assert case.number in page
    assert "关于科技项目验收结果的公示" in page and "科室负责人审核" in page

    # Once the reviewer took 科室负责人审核, 保密审查 waits for another reviewer, not for them.
    actions.do_review_item(item, "approve", acting_user=people["reviewer"])
    assert "关于科技项目验收结果的公示" not in reviewer.get("/work/", {"view": "review"}).content.decode()
    second = client_for(make_user("reviewer2", (agencies["science"], "reviewer")))
    page = second.get("/work/", {"view": "review"}).content.decode()
    assert "关于科技项目验收结果的公示" in page and "保密审查" in page

    # The clerk reviews nothing.
    clerk = client_for(people["clerk"])
    assert {t["key"]: t["count"] for t in clerk.get("/work/").context["tabs"]}["review"] == 0
    assert "关于科技项目验收结果的公示" not in clerk.get("/work/", {"view": "review"}).content.decode()

"""Issue 17, point 1: an overdue case must not get stuck.

No extension can be asked for after the reply period; a pending request can be refused by the
head or withdrawn by the clerk; an overdue case can always be answered and is then marked 逾期答复
-- on the case page, in the queue, and in the annual report's count of late replies.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.test import Client

from gongkai.report.render.fonts import cjk_font_available
from gongkai.web.annual import tables
from gongkai.web.applications import actions
from gongkai.web.applications.models import Application, ApplicationQuerySet
from gongkai.web.audit.models import AuditEvent
from gongkai.web.replies import actions as reply_actions
from gongkai.workflow.cases import Action
from testsupport import require
from webtesting import set_today

pytestmark = pytest.mark.django_db

RECEIVED = date(2026, 3, 2)  # a Monday: due on 30 March (20 working days)
DUE = date(2026, 3, 30)
LATE = date(2026, 4, 10)


def reload(app: Application) -> Application:
    return Application.objects.get(pk=app.pk)


@pytest.fixture
def case(submit: Any, people: Any) -> Application:
    app = submit(received=RECEIVED)
    assert app.due_on == DUE
    return actions.do_assign_application(app, people["clerk"], acting_user=people["clerk"])


def _messages(page: Any) -> list[str]:
    return [str(m) for m in page.context["messages"]]


def test_no_extension_can_be_asked_for_after_the_deadline(
    client: Client, monkeypatch: Any, case: Application, people: Any
) -> None:
    set_today(monkeypatch, LATE)
    client.force_login(people["clerk"])
    page = client.get(f"/work/cases/{case.pk}/").content.decode()
    assert "申请延长答复期限" not in page and 'id="extension-request"' not in page
    assert "答复期限已过，不能再申请延长" in page
    refused = client.post(f"/work/cases/{case.pk}/extension/", {"reason": "情况复杂"}, follow=True)
    assert any("答复期限已过" in m for m in _messages(refused))
    assert reload(case).status == "in_progress"
    # Before the deadline the request is still offered.
    set_today(monkeypatch, date(2026, 3, 20))
    assert 'id="extension-request"' in client.get(f"/work/cases/{case.pk}/").content.decode()


def _pending(case: Application, people: Any) -> Application:
    return actions.do_request_extension(
        case, reason="需要调取多年档案", on=date(2026, 3, 25), acting_user=people["clerk"]
    )


@pytest.fixture
def late_request(client: Client, monkeypatch: Any, case: Application, people: Any) -> None:
    """The clerk's extension request of 25 March is still pending when the head looks at the case,
    after the reply period (LATE)."""
    _pending(case, people)
    set_today(monkeypatch, LATE)
    client.force_login(people["head"])


def test_the_head_refuses_a_pending_request_after_the_deadline(
    client: Client, case: Application, people: Any, late_request: None
) -> None:
    page = client.get(f"/work/cases/{case.pk}/").content.decode()
    assert 'id="extension-refuse"' in page and "不同意延期" in page
    # Approving after the deadline is refused (第三十三条第二款) ...
    approve = client.post(f"/work/cases/{case.pk}/extension/approve/", {"on": LATE.isoformat()}, follow=True)
    assert any("届满前" in m for m in _messages(approve))
    assert reload(case).status == "extension_pending"
    # ... refusing is not, and needs a reason.
    empty = client.post(f"/work/cases/{case.pk}/extension/refuse/", {"reason": ""}, follow=True)
    assert reload(case).status == "extension_pending" and any("有误" in m for m in _messages(empty))
    client.post(f"/work/cases/{case.pk}/extension/refuse/", {"reason": "期限已过，请立即答复"})
    assert reload(case).status == "in_progress"
    row = AuditEvent.objects.filter(action="application.reject_extension", object_id=str(case.pk)).get()
    assert "期限已过，请立即答复" in row.summary


def test_the_clerk_withdraws_a_pending_request_and_the_head_cannot(
    client: Client, case: Application, people: Any, late_request: None
) -> None:
    assert 'id="extension-withdraw"' not in client.get(f"/work/cases/{case.pk}/").content.decode()
    client.post(f"/work/cases/{case.pk}/extension/withdraw/")
    assert reload(case).status == "extension_pending"
    client.force_login(people["clerk"])
    page = client.get(f"/work/cases/{case.pk}/").content.decode()
    assert 'id="extension-withdraw"' in page and 'id="extension-refuse"' not in page
    client.post(f"/work/cases/{case.pk}/extension/refuse/", {"reason": "x"})
    assert reload(case).status == "extension_pending"
    client.post(f"/work/cases/{case.pk}/extension/withdraw/")
    assert reload(case).status == "in_progress"
    assert AuditEvent.objects.filter(action="application.withdraw_extension", object_id=str(case.pk)).exists()
    # Back in progress the reply can be drafted.
    assert 'id="reply-draft"' in client.get(f"/work/cases/{case.pk}/").content.decode()


def test_an_overdue_case_is_answered_and_marked_as_answered_late(
    client: Client, monkeypatch: Any, case: Application, people: Any
) -> None:
    require(cjk_font_available(), "PDF letters need a CJK TrueType font (apt-get install fonts-wqy-zenhei)")
    _pending(case, people)
    actions.do_take_step(reload(case), Action.WITHDRAW_EXTENSION, on=LATE, acting_user=people["clerk"])
    draft = reply_actions.DraftData(
        outcome="unable_create",
        explanation="经检索，本机关未制作该信息",
        reconsideration_body="平湖市人民政府",
        contact="李经办 0573-85551234",
    )
    reply_actions.do_save_reply_draft(reload(case), draft, on=LATE, acting_user=people["clerk"])
    reply_actions.do_submit_reply_for_review(reload(case), on=LATE, acting_user=people["clerk"])
    reply_actions.do_approve_reply(reload(case), on=LATE, acting_user=people["reviewer"])
    reply_actions.do_issue_reply_letter(reload(case), issued_on=LATE, acting_user=people["clerk"])
    app = reload(case)
    assert (app.status, app.closed_on, app.due_on) == ("issued", LATE, DUE)
    assert app.answered_late
    assert Application.objects.filter(ApplicationQuerySet.answered_late_q()).get() == app
    set_today(monkeypatch, LATE)
    client.force_login(people["clerk"])
    page = client.get(f"/work/cases/{case.pk}/").content.decode()
    assert 'id="answered-late"' in page and "逾期答复" in page
    queue = client.get("/work/?view=late")
    assert [row["number"] for row in queue.context["items"]] == [app.number]
    assert {t["key"]: t["count"] for t in queue.context["tabs"]}["late"] == 1
    assert "逾期答复" in queue.content.decode()
    # The annual report counts the same case as answered late.
    facts = tables.facts_for(app.agency, 2026)
    assert (facts.answered_on_time, facts.answered_overdue) == (0, 1)

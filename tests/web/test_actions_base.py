"""The shared base of the actions (web.actions_base): one user step is one durable transaction
with one audit row under its named event."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.db import transaction

from gongkai.web.actions_base import ActionError, batch, require, step_record, top_level
from gongkai.web.applications import actions
from gongkai.web.audit.models import AuditEvent
from gongkai.workflow.cases import Action

pytestmark = pytest.mark.django_db

DAY = date(2026, 3, 3)


def test_require_refuses_with_the_message_and_error_class() -> None:
    require(True, "不会出现")
    with pytest.raises(ActionError, match="不能这样办理"):
        require(False, "不能这样办理")


def test_an_action_never_runs_inside_a_callers_transaction(submit: Any, people: Any) -> None:
    """Durable: a step is committed when it returns, so no outer transaction may swallow it."""
    app = submit()
    with pytest.raises(RuntimeError, match="durable"), transaction.atomic():
        actions.do_assign_application(app, people["clerk"], acting_user=people["clerk"])
    with batch():  # the demo and the admin's change form say so explicitly
        actions.do_assign_application(app, people["clerk"], acting_user=people["clerk"])
    assert AuditEvent.objects.filter(action="application.assign", object_id=str(app.pk)).count() == 1


def test_a_step_cannot_nest_another_step_nor_write_a_second_row(submit: Any, people: Any) -> None:
    app = submit()
    clerk = people["clerk"]

    @top_level("test.outer")
    def outer() -> None:
        actions.do_assign_application(app, clerk, acting_user=clerk)

    with pytest.raises(RuntimeError, match="top-level action"):
        outer()

    @top_level("test.twice")
    def twice() -> None:
        for _ in range(2):
            step_record(acting_user=clerk, summary="一次", obj=app)

    before = AuditEvent.objects.count()
    with pytest.raises(RuntimeError, match="already written its audit row"):
        twice()
    assert AuditEvent.objects.count() == before  # the step rolled back as a whole
    with pytest.raises(RuntimeError, match="only inside a top-level action"):
        step_record(acting_user=clerk, summary="无步骤", obj=app)


def test_issuing_and_delivering_at_once_is_one_step_with_one_row(submit: Any, people: Any) -> None:
    clerk, reviewer = people["clerk"], people["reviewer"]
    app = actions.do_assign_application(submit(), clerk, acting_user=clerk)
    for step, who in (
        (Action.DRAFT_REPLY, clerk),
        (Action.SUBMIT_FOR_REVIEW, clerk),
        (Action.APPROVE, reviewer),
    ):
        app = actions.do_take_step(app, step, on=DAY, acting_user=who)
    app = actions.do_issue_reply(app, outcome="granted", issued_on=DAY, acting_user=clerk, delivered_on=DAY)
    assert app.status == "closed" and app.resolution == "granted"
    rows = AuditEvent.objects.filter(
        object_id=str(app.pk), action__in=["application.issued", "application.delivered"]
    )
    issued = ("application.issued", "出具答复：（一）予以公开；送达并办结")
    assert [(r.action, r.summary) for r in rows] == [issued]

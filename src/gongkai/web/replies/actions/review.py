"""The reviewer's decision on a draft: 退回修改 with a comment, or 审核通过."""

from __future__ import annotations

from datetime import date

from gongkai.web.accounts.models import User
from gongkai.web.actions_base import require, require_permission, top_level
from gongkai.web.applications import events as case_events
from gongkai.web.applications.actions import take_step
from gongkai.web.applications.models import Application
from gongkai.web.replies import permissions
from gongkai.web.replies import vocabulary as rv
from gongkai.web.replies.actions.common import blockers, current_reply, locked
from gongkai.web.replies.models import Reply, ReviewComment
from gongkai.workflow.cases import Action


def _review(
    app: Application, reply: Reply, comment: str, *, returned: bool, on: date, acting_user: User
) -> ReviewComment:
    """Move the case (退回修改 / 审核通过) and keep the reviewer's decision on this version."""
    decision = rv.ReviewDecision.RETURNED if returned else rv.ReviewDecision.APPROVED
    take_step(
        app,
        Action.RETURN_FOR_CHANGES if returned else Action.APPROVE,
        on=on,
        acting_user=acting_user,
        note=comment if returned else comment.strip() or f"第{reply.version}版",
    )
    return ReviewComment.objects.create(
        reply=reply, reviewer=acting_user, version=reply.version, decision=decision, text=comment.strip()
    )


@top_level(case_events.step_event(Action.RETURN_FOR_CHANGES))
def do_return_reply(app: Application, *, comment: str, on: date, acting_user: User) -> ReviewComment:
    """The reviewer sends the draft back with what to change (a comment is required)."""
    app = locked(app)
    require_permission(permissions.can_review(acting_user, app))
    require(bool(comment.strip()), "退回修改须填写审核意见。")
    return _review(app, current_reply(app), comment, returned=True, on=on, acting_user=acting_user)


@top_level(case_events.step_event(Action.APPROVE))
def do_approve_reply(app: Application, *, on: date, acting_user: User, comment: str = "") -> ReviewComment:
    """The reviewer approves; the letter and the attachments are checked again first."""
    app = locked(app)
    require_permission(permissions.can_review(acting_user, app))
    reply = current_reply(app)
    problems = blockers(reply)
    require(not problems, "不能审核通过：" + "；".join(problems))
    return _review(app, reply, comment, returned=False, on=on, acting_user=acting_user)

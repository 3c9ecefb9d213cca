"""Bringing a case to the point where a （六）1/2 or （五）4 reply may be drafted (issue 16): the
applicant let a period lapse and the clerk found no 正当理由 (条例 第三十条), or the applicant was
asked for reasons (第三十五条)."""

from __future__ import annotations

from datetime import date
from typing import Any


def request_correction(
    app: Any, clerk: Any, *, sent_on: date, items: str = "请写明所需信息的名称", working_days: int = 5
) -> Any:
    """The clerk's one-time 补正 notice (条例 第三十条), sent on ``sent_on``."""
    from gongkai.web.applications import actions

    return actions.do_request_correction(
        app, sent_on=sent_on, items=items, working_days=working_days, acting_user=clerk
    )


def lapse_correction(
    app: Any, clerk: Any, *, sent_on: date = date(2026, 3, 2), today: date = date(2026, 3, 10)
) -> Any:
    """补正 notice sent on ``sent_on`` with 5 working days (to 9 March for the default); the
    period has run out by ``today`` and the case is before the clerk (补正期限已过，待确认)."""
    from gongkai.web.applications import actions

    request_correction(app, clerk, sent_on=sent_on)
    return actions.do_refer_lapse(app, today=today, acting_user=None)


def confirm_lapse(app: Any, clerk: Any, *, on: date) -> Any:
    """The clerk finds no 正当理由 and drafts the （六）letter."""
    from gongkai.web.replies.actions import do_confirm_lapse

    return do_confirm_lapse(
        app,
        decided_on=on,
        finding="申请人在补正期限内未作补正，也未说明任何理由",
        reconsideration_body="平湖市人民政府",
        contact="李经办 0573-85551234",
        acting_user=clerk,
    )


def request_reasons(app: Any, clerk: Any, *, sent_on: date = date(2026, 3, 3), working_days: int = 10) -> Any:
    """The 第三十五条 request for reasons, numbered as a 说明理由通知书."""
    from gongkai.web.applications import actions

    return actions.do_request_reasons(
        app,
        sent_on=sent_on,
        facts="申请人自2026年2月1日至3月2日向本机关提出政府信息公开申请86件",
        working_days=working_days,
        acting_user=clerk,
    )

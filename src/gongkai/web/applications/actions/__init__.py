"""Every state change of an application, Zulip-style: ``do_<verb>_<noun>(..., *, acting_user)``,
one module per subject (intake, correction, extension, consultation, fees, lapses, reasons, steps,
deadlines).

Each action is a top-level action (web.actions_base): one durable transaction with the case row
locked (SELECT ... FOR UPDATE), the permission (applications.permissions) and the domain rules
(gongkai.deadlines) checked, the case and its events written, the cached due dates recomputed and
one audit row with before/after under the step's named event (applications.events).
Views, commands and the API validate input and call these -- nothing else writes.
"""

from __future__ import annotations

from gongkai.web.actions_base import ActionError
from gongkai.web.applications.actions.common import AUDITED
from gongkai.web.applications.actions.consultation import (
    ThirdParty,
    do_decide_after_consultation,
    do_end_consultation,
    do_start_consultation,
)
from gongkai.web.applications.actions.correction import do_receive_correction, do_request_correction
from gongkai.web.applications.actions.deadlines import do_recompute_deadlines
from gongkai.web.applications.actions.extension import do_approve_extension, do_request_extension
from gongkai.web.applications.actions.fees import do_receive_fee, do_send_fee_notice
from gongkai.web.applications.actions.intake import (
    AlreadySubmitted,
    Submission,
    do_submit_application,
    receipt_date,
)
from gongkai.web.applications.actions.lapses import do_record_good_cause, do_refer_lapse
from gongkai.web.applications.actions.reasons import (
    do_record_reasons_answer,
    do_request_reasons,
    do_set_later_date,
)
from gongkai.web.applications.actions.steps import (
    SIMPLE_STEPS,
    deliver_reply,
    do_assign_application,
    do_deliver_reply,
    do_issue_reply,
    do_take_step,
    issue_reply,
    take_step,
)

__all__ = [
    "AUDITED",
    "SIMPLE_STEPS",
    "ActionError",
    "AlreadySubmitted",
    "Submission",
    "ThirdParty",
    "deliver_reply",
    "do_approve_extension",
    "do_assign_application",
    "do_decide_after_consultation",
    "do_deliver_reply",
    "do_end_consultation",
    "do_issue_reply",
    "do_receive_correction",
    "do_receive_fee",
    "do_recompute_deadlines",
    "do_record_good_cause",
    "do_record_reasons_answer",
    "do_refer_lapse",
    "do_request_correction",
    "do_request_extension",
    "do_request_reasons",
    "do_send_fee_notice",
    "do_set_later_date",
    "do_start_consultation",
    "do_submit_application",
    "do_take_step",
    "issue_reply",
    "receipt_date",
    "take_step",
]

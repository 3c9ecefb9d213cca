"""The named audit events of the annual report: one per user step (see web.actions_base)."""

from __future__ import annotations

GENERATED = "annual.generate"
REGENERATED = "annual.regenerate"
EDITED = "annual.edit"
CHECKED = "annual.check"
ACKNOWLEDGED = "annual.acknowledge"
#: The clerk submits the checked draft for the 机构负责人/审核人 to publish.
SUBMITTED_FOR_APPROVAL = "annual.submit_for_approval"
PUBLISHED = "annual.publish"
#: 更正 (amendment) of a published report: a new draft version. The stored name predates the
#: word and stays, so the trail reads the same before and after.
AMENDMENT_STARTED = "annual.correct"
REMINDED = "annual.remind"
#: The report submitted to the 政府信息公开工作主管部门 (条例 第四十九条第一款).
SUBMITTED_TO_SUPERVISOR = "annual.submit"
#: A government's 工作考核、社会评议和责任追究结果情况 entered (条例 第五十条第（四）项).
RESULTS_RECORDED = "annual.record_results"

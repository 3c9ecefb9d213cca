"""The named audit events of the annual report: one per user step (see web.actions_base)."""

from __future__ import annotations

GENERATED = "annual.generate"
REGENERATED = "annual.regenerate"
EDITED = "annual.edit"
CHECKED = "annual.check"
ACKNOWLEDGED = "annual.acknowledge"
#: The clerk submits the checked draft for the 机构负责人/审核人 to publish.
SUBMITTED = "annual.submit"
PUBLISHED = "annual.publish"
#: 更正 (amendment) of a published report: a new draft version. The stored name predates the
#: word and stays, so the trail reads the same before and after.
AMENDMENT_STARTED = "annual.correct"
REMINDED = "annual.remind"

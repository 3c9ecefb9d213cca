"""The named audit events of oversight: one per user step (see web.actions_base), the background
check's own row, and the row of an upload re-queued after its check was lost."""

from __future__ import annotations

UPLOADED = "oversight.upload"
ASSIGNED = "oversight.assign"
#: An assignment cleared (the file is left 待指定单位 and counted nowhere).
UNASSIGNED = "oversight.unassign"
#: An assignment the file disagrees with (another agency's name or another year) confirmed.
CONFIRMED = "oversight.confirm"
#: A failed upload put back on the queue by its supervisor ("重新检查").
RECHECKED = "oversight.recheck"
#: Written by the background check of one uploaded file (not a user step).
CHECKED = "oversight.check"
#: Written when an upload whose check was lost goes back on the queue (oversight.recovery; not a user step).
REQUEUED = "oversight.requeue"
#: A supervisor deleted an uploaded file, and the check results read from it with it.
DELETED = "oversight.delete_upload"

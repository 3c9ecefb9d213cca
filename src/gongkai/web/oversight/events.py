"""The named audit events of oversight: one per user step (see web.actions_base), and the
background check's own row."""

from __future__ import annotations

UPLOADED = "oversight.upload"
ASSIGNED = "oversight.assign"
#: Written by the background check of one uploaded file (not a user step).
CHECKED = "oversight.check"

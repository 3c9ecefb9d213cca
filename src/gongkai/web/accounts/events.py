"""The named audit events of accounts (issue 15 points 2 and 6)."""

from __future__ import annotations

#: A staff login locked after too many wrong passwords (django-axes; not a user step).
LOGIN_LOCKED = "accounts.login_locked"
#: A role given to a user in an agency, or taken away (Django admin, platform superusers only).
ROLE_GRANTED = "accounts.role_granted"
ROLE_REVOKED = "accounts.role_revoked"
#: An administrator opened an applicant's personal data unmasked in Django admin.
PERSONAL_DATA_VIEWED = "accounts.personal_data_viewed"
#: A user's platform flags changed (superuser, staff, active) in Django admin.
FLAGS_CHANGED = "accounts.flags_changed"
#: The administrator sets (or confirms) an agency's kind (条例 第四十九条).
KIND_SET = "accounts.set_kind"

"""Who may draft, review, issue and read replies (shared by the HTML views and the API).

The workflow (gongkai.workflow) gives drafting, issuing and delivery to the 经办人 and review to
the 审核人 of the case's own agency; a 公开办 above it may read the case but not the letters, which
carry the applicant's name and address unmasked.
"""

from __future__ import annotations

from typing import Any

from gongkai.web.accounts import permissions as accounts
from gongkai.web.accounts.models import Role
from gongkai.web.applications import permissions as app_permissions
from gongkai.web.applications.models import Application


def can_draft(user: Any, app: Application) -> bool:
    """Write the draft, add attachments, issue and record delivery: the agency's 经办人."""
    return Role.CLERK in accounts.roles_in(user, app.agency_id)


def can_review(user: Any, app: Application) -> bool:
    """Return or approve the draft and justify kept findings: the agency's 审核人."""
    return Role.REVIEWER in accounts.roles_in(user, app.agency_id)


def can_read_letters(user: Any, app: Application) -> bool:
    """Download issued letters and attachments: the agency's own staff (unmasked personal data)."""
    return app_permissions.can_see_personal_data(user, app)

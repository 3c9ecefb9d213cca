"""Who may do what with an agency's annual report (built on accounts.permissions).

The roles map onto the work as it is done in an agency:

- 经办人 (clerk) and 机构负责人 (head) draft: generate, edit the narrative, run the check, start an
  amendment (更正) -- the clerk prepares the report, the head may step in.
- 经办人, 审核人 and 机构负责人 may acknowledge a warning of the check (with a reason, recorded).
- Publishing (条例 第四十九条: the agency publishes its report) is a sign-off: 机构负责人 or 审核人
  only, never the clerk alone.
- Everyone on the agency's staff reads its reports; a 公开办 or 系统管理员 reads the subtree it
  supervises (read only: it does not write another agency's report).
"""

from __future__ import annotations

from typing import Any

from gongkai.web.accounts import permissions as accounts
from gongkai.web.accounts.models import Role

DRAFTERS = frozenset({Role.CLERK, Role.HEAD})
ACKNOWLEDGERS = frozenset({Role.CLERK, Role.REVIEWER, Role.HEAD})
PUBLISHERS = frozenset({Role.HEAD, Role.REVIEWER})


def can_view(user: Any, agency_id: int) -> bool:
    return agency_id in accounts.visible_agency_ids(user)


def can_draft(user: Any, agency_id: int) -> bool:
    return bool(accounts.roles_in(user, agency_id) & DRAFTERS)


def can_acknowledge(user: Any, agency_id: int) -> bool:
    return bool(accounts.roles_in(user, agency_id) & ACKNOWLEDGERS)


def can_publish(user: Any, agency_id: int) -> bool:
    return bool(accounts.roles_in(user, agency_id) & PUBLISHERS)

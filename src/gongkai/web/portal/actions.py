"""Portal actions: publishing a new version of an agency's 政府信息公开指南 (条例 第十二条)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Max

from gongkai.guide import missing_guide_elements, missing_message
from gongkai.web.accounts.models import Agency
from gongkai.web.actions_base import require, require_permission, step_record, top_level
from gongkai.web.disclosure import permissions
from gongkai.web.portal.cache import public_changed
from gongkai.web.portal.models import Guide

#: The audit event of publishing a new version of the guide.
GUIDE_PUBLISHED = "portal.guide.publish"


@top_level(GUIDE_PUBLISHED)
def do_publish_guide(agency: Agency, body: str, on: date, *, acting_user: Any) -> Guide:
    """A new version of the guide; earlier versions stay readable (never edited). Refused while the
    text lacks a required element (gongkai.guide: 条例 第十二条第二款, the application procedure,
    第五十一条), naming each."""
    require_permission(permissions.can_keep(acting_user, agency.pk))
    require(bool(body.strip()), "指南正文不能为空")
    missing = missing_guide_elements(body)
    require(not missing, missing_message(missing))
    Agency.objects.select_for_update().get(pk=agency.pk)  # one version number at a time
    last = Guide.objects.filter(agency=agency).aggregate(n=Max("version"))["n"] or 0
    current = Guide.objects.filter(agency=agency, version=last).first()
    require(current is None or on >= current.published_on, "发布日期不能早于上一版本的发布日期")
    guide = Guide.objects.create(
        agency=agency,
        version=last + 1,
        body=body.strip(),
        published_on=on,
        by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
    )
    step_record(
        acting_user=acting_user,
        summary=f"发布政府信息公开指南第{guide.version}版",
        obj=guide,
        agency_id=agency.pk,
        after={"version": guide.version, "published_on": on.isoformat()},
    )
    public_changed()
    return guide

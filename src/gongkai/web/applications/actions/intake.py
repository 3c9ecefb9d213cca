"""Registering a new application: its number, query code and date of receipt (条例 第三十一条)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone

from gongkai.receipt import Channel as DomainChannel
from gongkai.receipt import date_of_receipt
from gongkai.web.accounts.models import Agency
from gongkai.web.actions_base import require_permission, step_record, top_level
from gongkai.web.applications import clock, events, numbering, permissions
from gongkai.web.applications import vocabulary as v
from gongkai.web.applications.actions.common import snapshot
from gongkai.web.applications.models import Application, Attachment
from gongkai.web.workdays.calendars import calendar_for
from gongkai.workflow.cases import CaseState


@dataclass(frozen=True)
class Submission:
    application: Application
    #: Shown to the applicant once; only its keyed hash is stored.
    query_code: str


def receipt_date(channel: str, *, arrived_on: date, confirmed_on: date | None) -> date:
    """The date of receipt from what the clerk entered (the rule is the domain's)."""
    domain = DomainChannel(channel)
    return date_of_receipt(
        domain, submitted_on=arrived_on, signed_for_on=confirmed_on, confirmed_on=confirmed_on
    )


@top_level(events.SUBMIT)
def do_submit_application(
    agency: Agency,
    data: dict[str, Any],
    *,
    channel: str,
    submitted_at: datetime,
    arrived_on: date | None = None,
    confirmed_on: date | None = None,
    attachments: Sequence[UploadedFile] = (),
    acting_user: Any = None,
    via_system: str | None = None,
) -> Submission:
    """Register a new application and give it its number, query code and date of receipt.

    The date of receipt (条例 第三十一条) is fixed here by ``date_of_receipt`` from the day the
    application arrived (default: the day of ``submitted_at``) and the day its receipt was signed
    for or confirmed. An online application is confirmed at once -- the system gives the number
    and query code -- so it is received on the day it arrived unless ``confirmed_on`` says otherwise.
    ``via_system`` names the system that forwarded a public submission (an API client such as a
    provincial platform, whose own access rules the API has checked) for the audit trail.
    """
    staff = getattr(acting_user, "is_authenticated", False)
    require_permission(not staff or permissions.can_register(acting_user, agency))
    arrived = arrived_on or timezone.localdate(submitted_at)
    if channel == v.SubmissionChannel.ONLINE and confirmed_on is None:
        confirmed_on = arrived
    received_on = receipt_date(channel, arrived_on=arrived, confirmed_on=confirmed_on)
    year = timezone.localtime(submitted_at).year
    code = numbering.new_query_code()
    serial = numbering.next_serial(agency, year)
    number = numbering.format_number(agency, year, serial)
    app = Application(
        agency=agency,
        year=year,
        serial=serial,
        number=number,
        query_code_hash=numbering.hash_query_code(number, code),
        channel=channel,
        submitted_at=submitted_at,
        received_on=received_on,
        status=CaseState.RECEIVED.value,
        registered_by=acting_user if staff else None,
        **{k: val for k, val in data.items() if k != "agency"},
    )
    clock.refresh(app, calendar_for(agency))
    app.save()
    for f in attachments:
        Attachment.objects.create(
            application=app,
            file=f,
            original_name=(f.name or "")[:200],
            size=f.size or 0,
            content_type=(f.content_type or "")[:100],
        )
    via = v.SubmissionChannel.of(channel).label
    step_record(
        acting_user=acting_user,
        obj=app,
        summary=f"登记申请 {number}（{via}）",
        after=snapshot(app),
        actor_label=None
        if staff
        else f"申请人（{via}）"
        if via_system is None
        else f"申请人（{via}，经{via_system}）",
    )
    return Submission(app, code)

"""Registering a new application: its number, query code and date of receipt (条例 第三十一条)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from gongkai.errors import GongkaiError
from gongkai.receipt import Channel as DomainChannel
from gongkai.receipt import date_of_receipt
from gongkai.web.accounts.models import Agency
from gongkai.web.actions_base import require_permission, step_record, top_level
from gongkai.web.applications import clock, numbering, permissions, submission_keys
from gongkai.web.applications import vocabulary as v
from gongkai.web.applications.actions.common import snapshot, tell_about_missing_years
from gongkai.web.applications.events import Event
from gongkai.web.applications.models import Application, Attachment, SubmissionKey
from gongkai.web.workdays.calendars import calendar_for
from gongkai.workflow.cases import CaseState


@dataclass(frozen=True)
class Submission:
    application: Application
    #: Shown to the applicant once; only its keyed hash is stored.
    query_code: str


class AlreadySubmitted(GongkaiError):
    """The form's one-time key was consumed already: the application it filed is ``application``."""

    def __init__(self, application: Application, query_code: str) -> None:
        super().__init__(f"此申请表已提交过，登记编号 {application.number}")
        self.application = application
        self.query_code = query_code


def _claim(key: str) -> SubmissionKey:
    """Consume the one-time key inside the registration's transaction, or raise AlreadySubmitted.

    The unique key_hash serialises concurrent submissions of one form: a second INSERT waits for
    the first transaction (PostgreSQL's unique index; SQLite's IMMEDIATE write lock) and then fails,
    and the application the first one filed is read back."""
    digest = submission_keys.key_hash(key)
    try:
        with transaction.atomic():
            return SubmissionKey.objects.create(key_hash=digest)
    except IntegrityError:
        used = SubmissionKey.objects.select_related("application__agency").get(key_hash=digest)
        assert used.application is not None  # set in the same transaction as the claim
        raise AlreadySubmitted(used.application, submission_keys.unseal(key, used.sealed_code)) from None


def receipt_date(channel: str, *, arrived_on: date, confirmed_on: date | None) -> date:
    """The date of receipt from what the clerk entered (the rule is the domain's)."""
    domain = DomainChannel(channel)
    return date_of_receipt(
        domain, submitted_on=arrived_on, signed_for_on=confirmed_on, confirmed_on=confirmed_on
    )


@top_level(Event.SUBMIT)
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
    submission_key: str | None = None,
) -> Submission:
    """Register a new application and give it its number, query code and date of receipt.

    The date of receipt (条例 第三十一条) is fixed here by ``date_of_receipt`` from the day the
    application arrived (default: the day of ``submitted_at``) and the day its receipt was signed
    for or confirmed. An online application is confirmed at once -- the system gives the number
    and query code -- so it is received on the day it arrived unless ``confirmed_on`` says otherwise.
    ``via_system`` names the system that forwarded a public submission (an API client such as a
    provincial platform, whose own access rules the API has checked) for the audit trail.
    ``submission_key`` is the form's one-time key (applications.submission_keys): a key already
    used raises :class:`AlreadySubmitted` naming the application it filed, and nothing is written.
    """
    staff = getattr(acting_user, "is_authenticated", False)
    require_permission(not staff or permissions.can_register(acting_user, agency))
    claim = _claim(submission_key) if submission_key is not None else None
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
    missing = clock.refresh(app, calendar_for(agency))
    app.save()
    tell_about_missing_years(app, missing)
    if claim is not None and submission_key is not None:
        claim.application = app
        claim.sealed_code = submission_keys.seal(submission_key, code)
        claim.save(update_fields=["application", "sealed_code"])
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

"""The demo city's cases carry what real ones do: replies with issued letters and deliveries,
行政复议/行政诉讼 cases, a third-party consultation with its letters (gongkai.web.demo_cases)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.web.accounts.models import Role, User
from gongkai.web.appeals.models import Appeal, Kind
from gongkai.web.applications import clock
from gongkai.web.applications.models import Application, FeeNotice, ThirdPartyConsultation
from gongkai.web.audit.models import AuditEvent
from gongkai.web.demo import fees as demo_cases
from gongkai.web.letters import case_letters
from gongkai.web.letters.models import CaseLetter
from gongkai.web.replies.models import Delivery, IssuedLetter, Reply, ReviewComment
from gongkai.web.workdays.calendars import calendar_for
from gongkai.workflow.cases import CaseState
from webtesting import DemoCity, demo_module

TODAY = date(2026, 11, 27)


@pytest.fixture(scope="module")
def demo(demo_city: DemoCity, django_db_blocker: object) -> Iterator[list[tuple[str, str, str]]]:
    yield from demo_module(django_db_blocker, demo_city)


@pytest.mark.django_db
def test_this_years_answered_cases_have_reply_letter_and_delivery(demo: None) -> None:
    # Answered by a reply (cases closed for a lapsed 补正 or an unpaid fee have no reply letter).
    answered = Application.objects.filter(
        received_on__year=TODAY.year, events__kind="step", events__detail="issue"
    ).distinct()
    assert answered.exists()
    for app in answered:
        reply = Reply.objects.get(application=app)
        assert reply.outcome == app.resolution, app.number
        letter = IssuedLetter.objects.get(application=app)
        assert letter.document_number == reply.document_number
        assert hashlib.sha256(bytes(letter.docx)).hexdigest() == letter.docx_sha256
        assert bytes(letter.pdf).startswith(b"%PDF") and app.name in letter.text
        assert AuditEvent.objects.filter(
            action="reply.letter_issued", summary__contains=letter.document_number
        )
        if app.status == "closed":
            delivery = Delivery.objects.get(application=app)
            assert delivery.delivered_on >= letter.issued_on
            assert delivery.tracking_number or delivery.log or delivery.receipt
    assert Delivery.objects.filter(method="post").exclude(tracking_number="").exists()


@pytest.mark.django_db
def test_cases_under_review_have_drafts_and_a_returned_one_has_its_comment(demo: None) -> None:
    for state in ("reply_drafted", "under_review", "returned", "approved"):
        cases = Application.objects.filter(status=state, received_on__year=TODAY.year)
        assert cases.exists(), state
        assert all(Reply.objects.filter(application=c).exists() for c in cases), state
    returned = Application.objects.filter(status="returned").first()
    assert returned is not None
    comment = ReviewComment.objects.get(reply__application=returned, decision="returned")
    assert comment.text and comment.reviewer.memberships.filter(role="reviewer").exists()


@pytest.mark.django_db
def test_appeals_cross_a_year_end_and_are_decided_never_for_the_science_bureau(demo: None) -> None:
    appeals = list(Appeal.objects.select_related("application"))
    assert len(appeals) >= 3
    assert not any(a.agency.short_name == "平科" for a in appeals)
    assert all(a.application is not None and a.application.agency_id == a.agency_id for a in appeals)
    across = [a for a in appeals if a.decided_on and a.decided_on.year > a.filed_on.year]
    assert across and across[0].result_on(date(across[0].filed_on.year, 12, 31)) == "pending"
    assert any(a.result == "corrected" and a.decided_on for a in appeals)
    lawsuit = next(a for a in appeals if a.kind == Kind.LITIGATION and a.after_reconsideration)
    assert lawsuit.reconsideration is not None and lawsuit.decision_received_on is not None
    assert any(a.result == "pending" for a in appeals)  # still before the court today
    assert AuditEvent.objects.filter(action="appeal.register").count() == len(appeals)


@pytest.mark.django_db
def test_third_party_consultations_have_their_letters(demo: None) -> None:
    consultations = list(ThirdPartyConsultation.objects.all())
    assert consultations
    for c in consultations:
        assert CaseLetter.objects.filter(event=c.event, kind=case_letters.THIRD_PARTY_CONSULTATION).exists()
        if c.decision:
            assert c.answer == "disagree" and c.notice_sent_on is not None
            assert CaseLetter.objects.filter(
                event=c.event, kind=case_letters.THIRD_PARTY_DISCLOSURE_NOTICE
            ).exists()


@pytest.mark.django_db
def test_an_eleventh_application_in_a_month_is_charged_per_application(demo: None) -> None:
    notice = FeeNotice.objects.select_related("application").get(method="per_application")
    app = notice.application
    assert app.agency.short_name == demo_cases.FREQUENT_AT
    same_month = Application.objects.filter(
        agency=app.agency,
        id_number=app.id_number,
        received_on__year=app.received_on.year,
        received_on__month=app.received_on.month,
    )
    assert same_month.count() == demo_cases.FREE_PER_MONTH + 1
    assert notice.quantity == demo_cases.FREE_PER_MONTH + 1 and notice.amount == Decimal("100.00")
    assert notice.paid_on is not None
    assert CaseLetter.objects.filter(event=notice.event, kind=case_letters.FEE_NOTICE).exists()
    assert not FeeNotice.objects.filter(application__in=same_month.exclude(pk=app.pk)).exists()


@pytest.mark.django_db
def test_the_clerk_sees_the_letter_and_the_appeals_in_the_demo(demo: None, client: Client) -> None:
    letter = IssuedLetter.objects.select_related("application__agency").order_by("pk").first()
    assert letter is not None
    clerk = User.objects.get(memberships__agency=letter.application.agency, memberships__role="clerk")
    client.force_login(clerk)
    page = client.get(reverse("applications:detail", args=[letter.application.pk])).content.decode()
    assert letter.document_number in page
    appeal = Appeal.objects.order_by("pk").first()
    assert appeal is not None
    client.force_login(User.objects.get(username="gongkaiban"))  # 公开办 reads every agency's cases
    assert client.get(reverse("appeals:detail", args=[appeal.pk])).status_code == 200


@pytest.mark.django_db
def test_demo_data_covers_every_state_with_engine_deadlines(demo: list[tuple[str, str, str]]) -> None:
    accounts = demo  # what gongkai.web.demo.city.build returned
    assert {role for _, role, _ in accounts} == {r.label for r in Role}
    assert User.objects.filter(username="admin", is_superuser=True).exists()
    statuses = set(Application.objects.values_list("status", flat=True))
    assert statuses == {s.value for s in CaseState}, {s.value for s in CaseState} - statuses
    assert set(Application.objects.values_list("year", flat=True)) == {2023, 2024, 2025, 2026}
    assert Application.objects.filter(agency__name="平湖市科学技术局").exists()
    # Every cached due date is what the engine computes from the case's own events.
    for app in Application.objects.filter(status__in=[s.value for s in CaseState if s.value != "closed"]):
        expected = Application.objects.get(pk=app.pk)
        clock.refresh(expected, calendar_for(app.agency))
        assert (app.due_on, app.clock_error) == (expected.due_on, expected.clock_error), app.number
    numbers = list(Application.objects.values_list("number", flat=True))
    assert all(re.fullmatch(r".+依申〔20\d\d〕\d{4}号", n) for n in numbers) and len(set(numbers)) == len(
        numbers
    )


@pytest.mark.django_db
def test_the_demo_shows_each_step_of_issue_16(demo: None) -> None:
    """条例 第三十条 (a lapse is the clerk's finding) and 第三十五条 (reasons, a later date)."""
    # A case awaiting the clerk's lapse decision.
    pending = Application.objects.filter(status=CaseState.CORRECTION_LAPSE_PENDING)
    assert pending.exists()
    assert all(a.events.filter(kind="lapse_referred", by=None).exists() for a in pending)
    # One closed by the （六）1 告知书, drafted on the clerk's confirmation, reviewed and issued.
    letters = IssuedLetter.objects.filter(kind="other_overdue_correction", application__status="closed")
    assert letters.exists()
    closed = letters.first().application  # type: ignore[union-attr]
    assert closed.resolution == "other_overdue_correction"
    assert closed.events.filter(kind="lapse_confirmed").exclude(note="").exists()
    assert ReviewComment.objects.filter(reply__application=closed, decision="approved").exists()
    assert "无正当理由逾期未作补正" in letters.first().text  # type: ignore[union-attr]
    # One with a 正当理由 recorded: waiting again, with the new period.
    excused = Application.objects.filter(events__kind="lapse_excused").distinct()
    assert excused.exists()
    for app in excused:
        event = app.events.get(kind="lapse_excused")
        assert event.note and event.until is not None and event.until > event.on
    # 第三十五条: the request (its letter), the answer, the later date the clock shows.
    later = Application.objects.filter(events__kind="later_date_set").distinct()
    assert later.exists()
    for app in later:
        assert app.events.filter(kind="reasons_requested").exists()
        assert app.events.filter(kind="reasons_answered", detail="reasonable").exists()
        assert app.due_on == app.events.get(kind="later_date_set").until
        assert {"reasons_request", "later_reply"} <= set(
            CaseLetter.objects.filter(application=app).values_list("kind", flat=True)
        )

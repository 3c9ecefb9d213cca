"""Reads kept for one long run (gongkai.web.memo; issue 17, point 17): the demo build reads each
agency's calendar and disclosure setup once, and never keeps a value that a saved row or a
rolled-back step has made stale. Outside ``memoising`` every call reads the database."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.errors import GongkaiError
from gongkai.web.actions_base import batch, top_level
from gongkai.web.disclosure import catalogue
from gongkai.web.disclosure.models import DisclosureSetup
from gongkai.web.memo import memoising
from gongkai.web.workdays.actions import do_save_schedule
from gongkai.web.workdays.calendars import calendar_for
from gongkai.web.workdays.models import HolidaySchedule

pytestmark = pytest.mark.django_db

MARCH_2 = date(2026, 3, 2)  # a Monday, an ordinary working day in the official 2026 calendar


def _queries(fn: Any) -> int:
    with CaptureQueriesContext(connection) as captured:
        fn()
    return len(captured)


def test_outside_memoising_every_call_reads_the_database(agencies: Any) -> None:
    assert _queries(lambda: calendar_for(agencies["science"])) > 0
    assert _queries(lambda: calendar_for(agencies["science"])) > 0
    assert _queries(lambda: catalogue.setup_for(agencies["science"])) > 0
    assert _queries(lambda: catalogue.setup_for(agencies["science"])) > 0


def test_inside_memoising_a_read_is_made_once_per_agency(agencies: Any) -> None:
    with memoising():
        assert _queries(lambda: calendar_for(agencies["science"])) > 0
        assert _queries(lambda: calendar_for(agencies["science"])) == 0
        assert _queries(lambda: calendar_for(agencies["outside"])) > 0
        assert _queries(lambda: catalogue.setup_for(agencies["science"])) > 0
        assert _queries(lambda: catalogue.setup_for(agencies["science"].pk)) == 0


def test_a_saved_schedule_or_setup_is_read_again(agencies: Any, people: Any) -> None:
    science = agencies["science"]
    with memoising():
        assert calendar_for(science).is_working_day(MARCH_2)
        official = sorted(calendar_for(None).schedule(2026).off_days)
        row = HolidaySchedule(
            year=2026,
            agency=agencies["office"],
            source="示例市通知",
            holidays=[d.isoformat() for d in official] + [MARCH_2.isoformat()],
            workdays=["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
        )
        do_save_schedule(row, acting_user=people["admin"])
        assert not calendar_for(science).is_working_day(MARCH_2)

        assert catalogue.setup_for(science).one_person_several_steps is False
        DisclosureSetup.objects.create(agency=science, index_prefix="1", one_person_several_steps=True)
        assert catalogue.setup_for(science).one_person_several_steps is True


@top_level("test.memo_step")
def _step_that_fails(agency: Any) -> None:
    DisclosureSetup.objects.create(agency=agency, index_prefix="2", one_person_several_steps=True)
    assert catalogue.setup_for(agency).one_person_several_steps is True  # read inside the step
    raise GongkaiError("refused")


def test_what_a_rolled_back_step_read_is_forgotten(agencies: Any) -> None:
    science = agencies["science"]
    with batch(), memoising():
        assert catalogue.setup_for(science).pk is None  # not saved yet: the defaults
        with pytest.raises(GongkaiError):
            _step_that_fails(science)
        assert not DisclosureSetup.objects.filter(agency=science).exists()
        assert catalogue.setup_for(science).pk is None

"""Rules that moved in the consolidation of the web layer (issue 12): the items' transition
table, the catalogue seeded by an action, the import's duplicate check inside its transaction,
and due dates recomputed when the working calendar changes."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from disclosuretesting import client_for, make_item, publish, science_catalogue
from gongkai.calendar import WorkingCalendar
from gongkai.errors import GongkaiError
from gongkai.web.actions_base import ActionError
from gongkai.web.audit.models import AuditEvent
from gongkai.web.disclosure import actions, catalogue, transitions
from gongkai.web.disclosure import vocabulary as v
from gongkai.web.disclosure.imports import ImportRejected
from gongkai.web.disclosure.models import Category, Decision, DisclosureSetup, Item
from gongkai.web.workdays.actions import do_save_schedule
from gongkai.web.workdays.models import HolidaySchedule

__all__ = ["make_item", "publish", "science_catalogue"]

pytestmark = pytest.mark.django_db

Step = transitions.Step


# -- the transition table ------------------------------------------------------------------------


def test_every_step_and_status_is_in_the_table_once() -> None:
    assert set(transitions.TRANSITIONS) == set(Step)
    for step, t in transitions.TRANSITIONS.items():
        assert t.sources, step
        assert t.target is None or t.target in set(v.Status)


@pytest.mark.parametrize(
    ("status", "step", "after"),
    [
        (v.Status.DRAFT, Step.SUBMIT, v.Status.IN_REVIEW),
        (v.Status.IN_REVIEW, Step.APPROVE, v.Status.IN_REVIEW),
        (v.Status.IN_REVIEW, Step.APPROVE_LAST, v.Status.APPROVED),
        (v.Status.IN_REVIEW, Step.RETURN, v.Status.DRAFT),
        (v.Status.APPROVED, Step.PUBLISH, v.Status.PUBLISHED),
        (v.Status.PUBLISHED, Step.WITHDRAW, v.Status.WITHDRAWN),
        (v.Status.PUBLISHED, Step.AMEND, v.Status.DRAFT),
        (v.Status.WITHDRAWN, Step.AMEND, v.Status.DRAFT),
        (v.Status.PUBLISHED, Step.RECORD_CHANNEL, v.Status.PUBLISHED),
        (v.Status.DRAFT, Step.EDIT, v.Status.DRAFT),
    ],
)
def test_allowed_steps_lead_where_the_table_says(status: v.Status, step: Step, after: v.Status) -> None:
    assert transitions.target(status, step) == after
    assert step in transitions.allowed(status)


@pytest.mark.parametrize(
    ("status", "step", "message"),
    [
        (v.Status.PUBLISHED, Step.EDIT, "只有草稿可以修改"),
        (v.Status.DRAFT, Step.PUBLISH, "须经审核流程全部同意后才能发布"),
        (v.Status.WITHDRAWN, Step.WITHDRAW, "只有已发布的信息可以撤回"),
        (v.Status.DRAFT, Step.AMEND, "只有已发布或已撤回的信息可以更正"),
        (v.Status.APPROVED, Step.SUBMIT, "只有草稿可以提交审核"),
        (v.Status.DRAFT, Step.RECORD_CHANNEL, "只有已发布的信息可以登记其他渠道"),
    ],
)
def test_a_step_the_table_does_not_allow_is_refused_with_its_reason(
    status: v.Status, step: Step, message: str
) -> None:
    with pytest.raises(ActionError, match=message):
        transitions.check(status, step)
    assert step not in transitions.allowed(status)


def test_the_actions_follow_the_table(make_item: Any, people: Any) -> None:
    item = make_item()
    with pytest.raises(GongkaiError, match="只有已发布或已撤回的信息可以更正"):
        actions.do_start_amendment(item, date(2026, 3, 9), acting_user=people["clerk"])
    assert Item.objects.get(pk=item.pk).status == v.Status.DRAFT


# -- seeding the catalogue ----------------------------------------------------------------------


def test_seeding_is_an_action_with_its_audit_row(agencies: Any, people: Any) -> None:
    science = agencies["science"]
    made = actions.do_seed_catalogue(science, acting_user=people["clerk"])
    assert len(made) == Category.objects.filter(agency=science).count() > 0
    assert DisclosureSetup.objects.filter(agency=science).exists()
    row = AuditEvent.objects.get(action="disclosure.catalogue.seed")
    assert row.agency_id == science.pk and row.actor == people["clerk"]
    assert row.after["codes"] == [c.code for c in made]
    assert actions.do_seed_catalogue(science, acting_user=people["clerk"]) == []


def test_only_the_agencys_keepers_seed_its_catalogue(agencies: Any, people: Any) -> None:
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        actions.do_seed_catalogue(agencies["outside"], acting_user=people["clerk"])
    assert not Category.objects.filter(agency=agencies["outside"]).exists()


def test_the_new_item_page_seeds_through_the_action(agencies: Any, people: Any) -> None:
    assert client_for(people["clerk"]).get("/work/disclosure/new/").status_code == 200
    assert AuditEvent.objects.filter(action="disclosure.catalogue.seed").count() == 1
    assert Category.objects.filter(agency=agencies["science"]).exists()


def test_reading_the_review_chain_creates_nothing(agencies: Any) -> None:
    chain = catalogue.setup_for(agencies["science"]).review_chain
    assert any(step["secrecy"] for step in chain)
    assert not DisclosureSetup.objects.exists()


# -- importing decisions --------------------------------------------------------------------------

CSV = "决定书文号,决定日期\n平科许〔2025〕1号,2025-03-04\n平科许〔2025〕2号,2025-04-05\n".encode()


def test_the_duplicate_check_runs_inside_the_import_step(
    agencies: Any, people: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A number imported between reading the file and writing it is seen: the file is read and
    the check made inside the import's own step (one transaction, agency row locked)."""
    from gongkai.web.actions_base import in_step
    from gongkai.web.disclosure import imports

    science = agencies["science"]
    read_rows = imports.read_rows
    inside: list[bool] = []

    def read_then_someone_else_imports(name: str, data: bytes) -> list[list[Any]]:
        inside.append(in_step())
        rows = read_rows(name, data)
        Decision.objects.create(
            agency=science, kind="licensing", number="平科许〔2025〕2号", decided_on=date(2025, 4, 5)
        )
        return rows

    monkeypatch.setattr(imports, "read_rows", read_then_someone_else_imports)
    with pytest.raises(ImportRejected) as rejected:
        actions.do_import_decisions(science, "licensing", "许可.csv", CSV, acting_user=people["clerk"])
    assert [str(e) for e in rejected.value.errors] == ["第3行：决定书文号 平科许〔2025〕2号 已导入过"]
    assert inside == [True]
    assert not AuditEvent.objects.filter(action="disclosure.decisions.import").exists()


# -- the calendar changed -----------------------------------------------------------------------


def _official_2026_off() -> list[str]:
    return [d.isoformat() for d in sorted(WorkingCalendar.official().schedule(2026).off_days)]


def test_saving_a_schedule_recomputes_the_due_dates_of_unpublished_items(
    make_item: Any, publish: Any, agencies: Any, people: Any
) -> None:
    draft = make_item()
    published = make_item()
    publish(published)
    before = Item.objects.get(pk=draft.pk).due_on
    assert before == Item.objects.get(pk=published.pk).due_on is not None
    # A local day off on Tuesday 10 March 2026, inside the 20 working days from 2 March.
    row = HolidaySchedule(
        year=2026,
        agency=agencies["office"],
        source="示例市通知",
        holidays=[*_official_2026_off(), "2026-03-10"],
        workdays=["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
    )
    recomputed = do_save_schedule(row, acting_user=people["admin"])
    after = Item.objects.get(pk=draft.pk).due_on
    assert after is not None and before is not None and after > before
    assert after == catalogue.publish_due(agencies["science"], date(2026, 3, 2))
    # Published already: its deadline is history and stays as it was.
    assert Item.objects.get(pk=published.pk).due_on == before
    from gongkai.web.workdays.signals import Recomputed

    assert Recomputed("项主动公开事项", 1) in recomputed
    row = AuditEvent.objects.get(action="disclosure.item.due_recomputed")
    assert row.object_id == str(draft.pk) and row.before == {"due_on": before.isoformat()}


# -- one user step, one audit row -----------------------------------------------------------------


def test_redacting_is_one_step_with_one_audit_row(make_item: Any, people: Any) -> None:
    """Redaction scans again as part of its own step: the trail shows the step, not a second scan."""
    item = make_item(body="联系电话13812345678。")
    actions.do_scan_item(item, acting_user=people["clerk"])
    actions.do_redact_item(item, acting_user=people["clerk"])
    trail = list(
        AuditEvent.objects.filter(object_type="disclosure.item", object_id=str(item.pk))
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert trail == ["disclosure.item.create", "disclosure.item.scan", "disclosure.item.redact"]
    assert Item.objects.get(pk=item.pk).scanned_at is not None


def test_a_top_level_action_cannot_run_inside_another(make_item: Any, people: Any) -> None:
    from gongkai.web.actions_base import top_level

    item = make_item()

    @top_level("test.outer")
    def outer() -> None:
        actions.do_scan_item(item, acting_user=people["clerk"])

    with pytest.raises(RuntimeError, match="top-level action"):
        outer()
    assert not AuditEvent.objects.filter(action="disclosure.item.scan").exists()

"""An agency's annual report: generate → edit → check → acknowledge → publish → correction (issue 8)."""

from __future__ import annotations

import hashlib
from datetime import UTC, date
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from gongkai.report import rules
from gongkai.web import clock
from gongkai.web.annual import actions
from gongkai.web.annual.models import AnnualReport, PublishedFile, State, WarningAcknowledgement
from gongkai.web.applications import actions as app_actions
from gongkai.web.audit.models import AuditEvent
from gongkai.workflow.cases import Action
from webtesting import assert_sql_refused

pytestmark = pytest.mark.django_db
YEAR = 2025


def answer(app: Any, outcome: str, on: date, clerk: Any, reviewer: Any) -> Any:
    """Take an application through the workflow to a delivered reply with ``outcome`` on ``on``."""
    app = app_actions.do_assign_application(app, clerk, acting_user=clerk)
    for step, who in (
        (Action.DRAFT_REPLY, clerk),
        (Action.SUBMIT_FOR_REVIEW, clerk),
        (Action.APPROVE, reviewer),
    ):
        app = app_actions.do_take_step(app, step, on=on, acting_user=who)
    return app_actions.do_issue_reply(app, outcome=outcome, issued_on=on, acting_user=clerk, delivered_on=on)


@pytest.fixture
def records(people: dict[str, Any], submit: Any, agencies: dict[str, Any]) -> dict[str, Any]:
    """科技局 in 2025: three applications answered (granted, granted, nodata), one still open."""
    clerk, head = people["clerk"], people["reviewer"]
    apps = [submit(received=date(2025, m, 3)) for m in (3, 4, 5, 12)]
    answer(apps[0], "granted", date(2025, 3, 10), clerk, head)
    answer(apps[1], "granted", date(2025, 4, 10), clerk, head)
    answer(apps[2], "unable_nodata", date(2025, 5, 12), clerk, head)
    return {"apps": apps}


def generate(people: dict[str, Any], agencies: dict[str, Any], year: int = YEAR) -> AnnualReport:
    return actions.do_generate_report(agencies["science"], year, acting_user=people["clerk"])


def test_generated_report_counts_records_and_its_narrative_passes_the_rules(
    people: dict[str, Any], agencies: dict[str, Any], records: dict[str, Any]
) -> None:
    report = generate(people, agencies)
    assert (report.version, report.state) == (1, State.DRAFT)
    data = report.data
    assert data["format"] == "gongkai.annual-report/1" and data["template"] == "2021"
    assert data["agency"] == "平湖市科学技术局" and data["year"] == YEAR
    assert data["table3"]["new"]["total"] == 4
    assert data["table3"]["granted"]["natural"] == 2
    assert data["table3"]["unable_nodata"]["total"] == 1
    assert data["table3"]["carry_next"]["total"] == 1
    texts = {s["number"]: s["text"] for s in data["sections"]}
    assert "新收政府信息公开申请4件" in texts["三"] and "办结3件" in texts["三"]
    assert "结转下年度继续办理1件" in texts["三"]
    assert "未收取信息处理费" in texts["六"]
    findings = rules.check(actions.report_of(data))
    assert [f.rule for f in findings if f.severity == "error"] == []
    # The narrative restates the tables: no text-against-table warning either.
    assert [f.rule for f in findings if f.rule.startswith("TEXT-TABLE")] == []


@pytest.mark.cjk_font  # publishes or issues a PDF
def test_lifecycle_to_publication_and_correction(
    people: dict[str, Any], agencies: dict[str, Any], records: dict[str, Any]
) -> None:
    clerk, head = people["clerk"], people["head"]
    report = generate(people, agencies)
    report = actions.do_edit_narrative(
        report,
        {"五": "（一）存在的主要问题。公开内容更新不够及时。（二）改进情况。按月核对公开台账。"},
        acting_user=clerk,
    )
    assert report.sections()[4]["text"].startswith("（一）存在的主要问题。公开内容更新不够及时")
    report = actions.do_check_report(report, acting_user=clerk)
    assert report.checked_at is not None and report.errors == 0
    for finding in list(report.findings):
        if finding["severity"] == "warning":
            rule, cells = finding["rule"], ",".join(finding["cells"])
            actions.do_acknowledge_warning(report, rule, cells, "经核对，属实无误", acting_user=clerk)

    # The clerk drafts; publishing is the head's (or reviewer's) sign-off.
    with pytest.raises(PermissionDenied):
        actions.do_publish_report(report, acting_user=clerk)
    report = actions.do_publish_report(report, acting_user=head)
    assert report.state == State.PUBLISHED and report.published_by == head
    files = {f.fmt: f for f in report.files.all()}
    assert set(files) == {"json", "docx", "pdf", "html"}
    for f in files.values():
        assert f.sha256 == hashlib.sha256(bytes(f.content)).hexdigest()
    assert report.sha256 == files["json"].sha256
    assert bytes(files["pdf"].content).startswith(b"%PDF")
    frozen = {fmt: bytes(f.content) for fmt, f in files.items()}

    # A published version is never edited; a correction is a new version.
    with pytest.raises(actions.ActionError):
        actions.do_edit_narrative(report, {"一": "改"}, acting_user=clerk)
    with pytest.raises(actions.ActionError):
        generate(people, agencies)
    draft = actions.do_start_amendment(report, acting_user=clerk)
    assert (draft.version, draft.state) == (2, State.DRAFT)
    assert draft.data["table3"] == report.data["table3"]
    with pytest.raises(actions.ActionError):
        actions.do_start_amendment(report, acting_user=clerk)
    draft = actions.do_edit_narrative(
        draft, {"一": report.sections()[0]["text"] + "（更正）"}, acting_user=clerk
    )
    draft = actions.do_publish_report(draft, acting_user=head)
    report.refresh_from_db()
    assert report.state == State.SUPERSEDED and draft.state == State.PUBLISHED
    # The old version is still there, byte for byte.
    assert {f.fmt: bytes(f.content) for f in report.files.all()} == frozen
    assert draft.sha256 != report.sha256
    actions_logged = set(
        AuditEvent.objects.filter(object_type="annual.annualreport").values_list("action", flat=True)
    )
    assert {
        "annual.generate",
        "annual.edit",
        "annual.check",
        "annual.publish",
        "annual.correct",
    } <= actions_logged


def test_errors_block_publishing(
    people: dict[str, Any], agencies: dict[str, Any], records: dict[str, Any]
) -> None:
    report = generate(people, agencies)
    # 条例 第五十条第（四）项: section 五 may not be empty (rule SEC5-EMPTY, an error).
    report = actions.do_edit_narrative(report, {"五": "无"}, acting_user=people["clerk"])
    with pytest.raises(actions.ActionError, match="错误"):
        actions.do_publish_report(report, acting_user=people["head"])
    report.refresh_from_db()
    # The refused attempt leaves the findings that explain it.
    assert report.state == State.DRAFT and report.errors >= 1
    assert "SEC5-EMPTY" in {f["rule"] for f in report.findings}
    assert not PublishedFile.objects.exists()


@pytest.mark.cjk_font  # publishes or issues a PDF
def test_unacknowledged_warning_blocks_and_acknowledgement_survives_recheck(
    people: dict[str, Any], agencies: dict[str, Any], records: dict[str, Any]
) -> None:
    clerk = people["clerk"]
    report = generate(people, agencies)
    # A narrative figure that disagrees with table 3: a TEXT-TABLE-NEW warning.
    text = report.sections()[2]["text"].replace("新收政府信息公开申请4件", "新收政府信息公开申请5件")
    report = actions.do_edit_narrative(report, {"三": text}, acting_user=clerk)
    report = actions.do_check_report(report, acting_user=clerk)
    warning = next(f for f in report.findings if f["rule"] == "TEXT-TABLE-NEW")
    cells = ",".join(warning["cells"])
    with pytest.raises(actions.ActionError, match="警告未确认"):
        actions.do_publish_report(report, acting_user=people["head"])
    with pytest.raises(actions.ActionError, match="理由"):
        actions.do_acknowledge_warning(report, "TEXT-TABLE-NEW", cells, " ", acting_user=clerk)
    with pytest.raises(actions.ActionError, match="没有这条警告"):
        actions.do_acknowledge_warning(
            report, "TEXT-TABLE-NEW", "table3.new.natural", "理由充分写明", acting_user=clerk
        )
    for f in report.findings:
        if f["severity"] == "warning":
            actions.do_acknowledge_warning(
                report, f["rule"], ",".join(f["cells"]), "口径不同，已说明", acting_user=clerk
            )
    # Re-checking (and regenerating the tables) keeps the acknowledgement while the finding recurs.
    report = actions.do_generate_report(agencies["science"], YEAR, acting_user=clerk)
    assert report.sections()[2]["text"] == text  # the edited narrative is kept
    report = actions.do_check_report(report, acting_user=clerk)
    assert actions.unacknowledged_warnings(report) == []
    ack = WarningAcknowledgement.objects.get(rule="TEXT-TABLE-NEW")
    assert ack.acknowledged_by == clerk and ack.reason == "口径不同，已说明"
    assert AuditEvent.objects.filter(action="annual.acknowledge", actor=clerk).exists()
    report = actions.do_publish_report(report, acting_user=people["reviewer"])
    assert report.state == State.PUBLISHED


def test_regenerate_can_redraft_the_narrative(
    people: dict[str, Any], agencies: dict[str, Any], records: dict[str, Any]
) -> None:
    report = generate(people, agencies)
    report = actions.do_edit_narrative(report, {"一": "临时文字"}, acting_user=people["clerk"])
    report = actions.do_generate_report(
        agencies["science"], YEAR, acting_user=people["clerk"], keep_narrative=False
    )
    assert report.sections()[0]["text"] != "临时文字" and report.version == 1


@pytest.mark.cjk_font  # publishes or issues a PDF
def test_cross_year_check_uses_last_years_published_report(
    people: dict[str, Any], agencies: dict[str, Any], records: dict[str, Any], submit: Any
) -> None:
    clerk, head = people["clerk"], people["head"]
    alone = actions.do_check_report(generate(people, agencies), acting_user=clerk)
    # Without last year's report the carry-over rule cannot assess (info), never passes silently.
    assert [f["severity"] for f in alone.findings if f["rule"] == "XYEAR-CARRY"] == ["info"]
    last = actions.do_generate_report(agencies["science"], YEAR - 1, acting_user=clerk)
    actions.do_publish_report(last, acting_user=head)
    agreed = actions.do_check_report(alone, acting_user=clerk)
    assert [f for f in agreed.findings if f["rule"] == "XYEAR-CARRY"] == []
    # A case received in 2024 registered after that report was published: 2025's 上年结转 (1) no
    # longer equals the published 2024 结转下年度 (0) -- an error that blocks publishing.
    submit(received=date(2024, 12, 2))
    report = actions.do_generate_report(agencies["science"], YEAR, acting_user=clerk)
    with pytest.raises(actions.ActionError, match="错误"):
        actions.do_publish_report(report, acting_user=head)
    report.refresh_from_db()
    assert "XYEAR-CARRY" in {f["rule"] for f in report.findings if f["severity"] == "error"}


def test_a_year_not_over_cannot_be_published(people: dict[str, Any], agencies: dict[str, Any]) -> None:
    this_year = clock.today().year
    report = actions.do_generate_report(agencies["science"], this_year, acting_user=people["clerk"])
    with pytest.raises(actions.ActionError, match="尚未结束"):
        actions.do_publish_report(report, acting_user=people["head"])


def test_permissions(people: dict[str, Any], agencies: dict[str, Any]) -> None:
    science = agencies["science"]
    for who in ("finance_clerk", "supervisor", "reviewer", "outsider"):
        with pytest.raises(PermissionDenied):
            actions.do_generate_report(science, YEAR, acting_user=people[who])
    report = generate(people, agencies)
    with pytest.raises(PermissionDenied):
        actions.do_edit_narrative(report, {"一": "x"}, acting_user=people["finance_clerk"])
    with pytest.raises(PermissionDenied):
        actions.do_check_report(report, acting_user=people["supervisor"])
    with pytest.raises(PermissionDenied):
        actions.do_publish_report(report, acting_user=people["supervisor"])


def test_late_is_judged_on_the_local_day(agencies: dict[str, Any]) -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from gongkai.web.annual.models import deadline_for, published_late

    science = agencies["science"]  # a 部门 (the deadline depends on the kind since issue 16)
    assert deadline_for(science, 2025) == date(2026, 1, 31)
    shanghai = ZoneInfo("Asia/Shanghai")
    assert not published_late(science, 2025, datetime(2026, 1, 31, 23, 30, tzinfo=shanghai))
    # 16:30 UTC on 31 January is already 1 February in China.
    assert published_late(science, 2025, datetime(2026, 1, 31, 16, 30, tzinfo=UTC))


@pytest.mark.cjk_font  # publishes or issues a PDF
def test_a_published_version_cannot_be_rewritten(people: dict[str, Any], agencies: dict[str, Any]) -> None:
    from gongkai.web.annual.models import FrozenReportError

    report = actions.do_publish_report(generate(people, agencies), acting_user=people["head"])
    report.data = {**report.data, "year": 2024}
    with pytest.raises(FrozenReportError):
        report.save()
    f = report.files.get(fmt="json")
    f.content = b"{}"
    with pytest.raises(FrozenReportError):
        f.save()
    report.refresh_from_db()
    assert report.data["year"] == YEAR
    # Below the ORM too: the database's triggers refuse raw SQL on the frozen files.
    assert_sql_refused("UPDATE annual_publishedfile SET sha256 = 'x'", "DELETE FROM annual_publishedfile")
    assert report.files.get(fmt="json").sha256 == f.sha256

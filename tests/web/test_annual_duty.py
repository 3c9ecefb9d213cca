"""Who publishes an agency's annual report by when, and the submission to the 主管部门 (issue 16 point 1).

Legal basis enforced: 条例 第四十九条第一款 (县级以上人民政府部门: submit to the 本级政府信息公开工作主管部门
and publish by 31 January), 第四十九条第二款 (县级以上地方人民政府: published by its 主管部门 by
31 March), no statutory date for other kinds; 第五十条第（四）项 (各级人民政府: 工作考核、社会评议和
责任追究结果情况).
"""

from __future__ import annotations

from datetime import date, datetime, time
from io import StringIO
from typing import Any

import pytest
from django.apps import apps
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.utils import timezone

from gongkai.web.accounts.actions import do_set_agency_kind
from gongkai.web.accounts.models import Agency
from gongkai.web.actions_base import ActionError
from gongkai.web.annual import actions
from gongkai.web.annual.models import Submission, deadline_for, duty_for, published_late
from gongkai.web.audit.models import AuditEvent
from gongkai.web.oversight.overview import Status, year_overview

pytestmark = pytest.mark.django_db


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10, 0)))


@pytest.fixture
def government(agencies: dict[str, Any]) -> Agency:
    return Agency.objects.create(name="平湖市人民政府", short_name="平政", parent=agencies["office"])


@pytest.fixture
def gov_people(government: Agency, make_user: Any) -> dict[str, Any]:
    return {
        "clerk": make_user("gov_clerk", (government, "clerk")),
        "head": make_user("gov_head", (government, "head")),
    }


def _publish(report: Any, clerk: Any, head: Any, day: date) -> Any:
    report = actions.do_check_report(report, acting_user=clerk)
    for f in report.findings:
        if f["severity"] == "warning":
            actions.do_acknowledge_warning(
                report, f["rule"], ",".join(f["cells"]), "测试：已核对", acting_user=clerk
            )
    return actions.do_publish_report(report, acting_user=head, at=_at(day))


# ---------------------------------------------------------------------------------------------
# The kind of an agency
# ---------------------------------------------------------------------------------------------


def test_agencies_get_the_kind_their_name_tells_or_other_with_a_note(agencies: dict[str, Any]) -> None:
    assert agencies["science"].kind == "部门" and agencies["science"].kind_note == ""
    assert Agency.objects.create(name="平湖市人民政府").kind == "人民政府"
    assert Agency.objects.create(name="示例市东湖镇人民政府").kind == "乡镇"
    zone = Agency.objects.create(name="示例市经济开发区管理委员会")
    assert zone.kind == "其他" and "请系统管理员设置机关类别" in zone.kind_note


def test_the_migration_gives_existing_agencies_the_proposal(agencies: dict[str, Any]) -> None:
    from importlib import import_module

    migration = import_module("gongkai.web.accounts.migrations.0002_agency_kind")
    Agency.objects.update(kind="", kind_note="")
    zone = Agency.objects.create(name="示例市经济开发区管理委员会")
    Agency.objects.filter(pk=zone.pk).update(kind="", kind_note="")
    migration.propose(apps, None)
    assert Agency.objects.get(pk=agencies["science"].pk).kind == "部门"
    zone.refresh_from_db()
    assert zone.kind == "其他" and "暂按“其他”处理" in zone.kind_note


def test_the_administrator_sets_the_kind_through_an_audited_action(
    people: dict[str, Any], agencies: dict[str, Any]
) -> None:
    zone = Agency.objects.create(name="示例市经济开发区管理委员会", parent=agencies["office"])
    with pytest.raises(PermissionDenied):
        do_set_agency_kind(zone, "人民政府", acting_user=people["clerk"])
    with pytest.raises(ActionError, match="未知的机关类别"):
        do_set_agency_kind(zone, "开发区", acting_user=people["admin"])
    do_set_agency_kind(zone, "人民政府", acting_user=people["admin"])
    zone.refresh_from_db()
    assert (zone.kind, zone.kind_note) == ("人民政府", "")
    row = AuditEvent.objects.get(action="accounts.set_kind")
    assert row.before["kind"] == "其他" and row.after["kind"] == "人民政府"
    assert deadline_for(zone, 2025) == date(2026, 3, 31)


# ---------------------------------------------------------------------------------------------
# 第四十九条: the due date by kind, in the pages, the reminder and the supervisor's view
# ---------------------------------------------------------------------------------------------


def test_the_due_date_depends_on_the_kind(agencies: dict[str, Any], government: Agency) -> None:
    assert deadline_for(agencies["science"], 2025) == date(2026, 1, 31)  # 第四十九条第一款
    assert deadline_for(government, 2025) == date(2026, 3, 31)  # 第四十九条第二款
    assert not published_late(government, 2025, _at(date(2026, 3, 20)))
    assert published_late(government, 2025, _at(date(2026, 4, 1)))
    town = Agency.objects.create(name="示例市东湖镇人民政府")
    assert deadline_for(town, 2025) is None
    assert published_late(town, 2025, _at(date(2026, 6, 1))) is None
    assert "没有规定乡（镇）人民政府的期限" in duty_for(town, 2025).note


def test_a_government_is_not_reminded_as_overdue_in_february(
    gov_people: dict[str, Any], government: Agency, people: dict[str, Any]
) -> None:
    gov_people["clerk"].email = "gov@example.cn"
    gov_people["clerk"].save()
    people["clerk"].email = "dept@example.cn"
    people["clerk"].save()
    call_command("remind_annual_report", "--today", "2026-02-16", stdout=StringIO(), stderr=StringIO())
    gov = next(m for m in mail.outbox if "gov@example.cn" in m.to)
    assert "逾期" not in gov.subject + gov.body
    assert "距法定发布期限（2026年3月31日）还有 43 天" in gov.body
    dept = next(m for m in mail.outbox if "dept@example.cn" in m.to)
    assert "年度报告已逾期未发布" in dept.subject


def test_no_overdue_verdict_without_a_statutory_date(make_user: Any) -> None:
    town = Agency.objects.create(name="示例市东湖镇人民政府")
    clerk = make_user("town_clerk", (town, "clerk"))
    clerk.email = "town@example.cn"
    clerk.save()
    call_command("remind_annual_report", "--today", "2026-05-04", stdout=StringIO(), stderr=StringIO())
    [sent] = [m for m in mail.outbox if "town@example.cn" in m.to]
    assert "逾期" not in sent.subject + sent.body
    assert "条例第四十九条只规定了县级以上人民政府部门和县级以上地方人民政府年度报告的期限" in sent.body


def test_annual_pages_show_the_governments_date(
    client: Any, gov_people: dict[str, Any], government: Agency
) -> None:
    client.force_login(gov_people["clerk"])
    page = client.get(f"/work/annual/?agency={government.pk}").content.decode()
    assert "机关类别：人民政府（县级以上地方人民政府）" in page
    assert "3月31日" in page


def test_the_supervisor_sees_a_march_government_report_on_time_and_submission_apart_from_publication(
    people: dict[str, Any], agencies: dict[str, Any], gov_people: dict[str, Any], government: Agency
) -> None:
    report = actions.do_generate_report(government, 2025, acting_user=gov_people["clerk"])
    actions.do_record_government_results(
        government,
        2025,
        {
            "assessment": "已将政务公开纳入绩效考核。",
            "evaluation": "开展社会评议一次。",
            "accountability": "未发生责任追究。",
        },
        acting_user=gov_people["clerk"],
    )
    _publish(report, gov_people["clerk"], gov_people["head"], date(2026, 3, 20))
    science = actions.do_generate_report(agencies["science"], 2025, acting_user=people["clerk"])
    science = _publish(science, people["clerk"], people["head"], date(2026, 1, 20))
    actions.do_submit_to_supervisor(science, acting_user=people["head"], on=date(2026, 1, 22))
    overview = year_overview(agencies["office"], agencies["office"].subtree_ids(), 2025, date(2026, 6, 1))
    rows = {r.name: r for r in overview.rows}
    assert rows["平湖市人民政府"].status is Status.PUBLISHED  # not 逾期: due 31 March
    assert rows["平湖市人民政府"].must_submit is False
    assert rows["平湖市科学技术局"].status is Status.PUBLISHED
    assert rows["平湖市科学技术局"].submitted_to_supervisor == date(2026, 1, 22)
    assert rows["示例市财政局"].must_submit and rows["示例市财政局"].submitted_to_supervisor is None
    assert rows["平湖市科学技术局"].submission == "已报送主管部门（2026年1月22日）"
    assert (rows["示例市财政局"].submission, rows["平湖市人民政府"].submission) == ("未报送", "无需报送")


def test_the_oversight_page_distinguishes_submitted_from_published(
    client: Any, people: dict[str, Any], agencies: dict[str, Any]
) -> None:
    science = actions.do_generate_report(agencies["science"], 2025, acting_user=people["clerk"])
    science = _publish(science, people["clerk"], people["head"], date(2026, 1, 20))
    actions.do_submit_to_supervisor(science, acting_user=people["head"], on=date(2026, 1, 22))
    client.force_login(people["supervisor"])
    page = client.get("/work/oversight/2025/").content.decode()
    assert '<th scope="col">公开发布</th><th scope="col">报送主管部门</th>' in page
    assert '已报送主管部门<div class="small muted">2026年1月22日</div>' in page
    assert "未报送" in page  # 财政局: a 部门 that has not submitted
    import io

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(client.get("/work/oversight/2025/export.xlsx").content))
    rows = {r[0]: r for r in book["年度情况"].iter_rows(values_only=True)}
    assert rows["单位"][4:6] == ("报送主管部门", "机关类别")
    assert rows["平湖市科学技术局"][4:6] == ("已报送主管部门（2026年1月22日）", "部门")


# ---------------------------------------------------------------------------------------------
# The submission step (第四十九条第一款)
# ---------------------------------------------------------------------------------------------


def test_submission_is_recorded_with_its_date_and_audited(
    people: dict[str, Any], agencies: dict[str, Any]
) -> None:
    report = actions.do_generate_report(agencies["science"], 2025, acting_user=people["clerk"])
    with pytest.raises(ActionError, match="只能报送当前已发布的版本"):
        actions.do_submit_to_supervisor(report, acting_user=people["head"])
    report = _publish(report, people["clerk"], people["head"], date(2026, 1, 20))
    with pytest.raises(PermissionDenied):
        actions.do_submit_to_supervisor(report, acting_user=people["clerk"])
    with pytest.raises(ActionError, match="报送日期不能早于发布日期"):
        actions.do_submit_to_supervisor(report, acting_user=people["head"], on=date(2026, 1, 19))
    submission = actions.do_submit_to_supervisor(report, acting_user=people["head"], on=date(2026, 1, 21))
    assert (submission.submitted_to, submission.submitted_on) == (agencies["office"], date(2026, 1, 21))
    row = AuditEvent.objects.get(action="annual.submit")
    assert "报送示例市人民政府办公室" in row.summary and "条例 第四十九条第一款" in row.summary
    assert Submission.objects.count() == 1


def test_an_agency_without_a_supervisor_cannot_submit(agencies: dict[str, Any], make_user: Any) -> None:
    clerk = make_user("office_clerk", (agencies["office"], "clerk"))
    head = make_user("office_head", (agencies["office"], "head"))
    report = actions.do_generate_report(agencies["office"], 2025, acting_user=clerk)
    report = _publish(report, clerk, head, date(2026, 1, 20))
    with pytest.raises(ActionError, match="没有上级（监督）机构"):
        actions.do_submit_to_supervisor(report, acting_user=head)


# ---------------------------------------------------------------------------------------------
# 第五十条第（四）项: the kind reaches the check, and the draft writes the government's paragraph
# ---------------------------------------------------------------------------------------------


def test_the_recorded_kind_reaches_the_check(people: dict[str, Any], agencies: dict[str, Any]) -> None:
    report = actions.do_generate_report(agencies["science"], 2025, acting_user=people["clerk"])
    report = actions.do_check_report(report, acting_user=people["clerk"])
    assert "GOV-ASSESSMENT" not in {f["rule"] for f in report.findings}
    # The name says 部门; the administrator records 人民政府: the check follows the record.
    do_set_agency_kind(agencies["science"], "人民政府", acting_user=people["admin"])
    report = actions.do_check_report(report, acting_user=people["clerk"])
    assert "GOV-ASSESSMENT" in {f["rule"] for f in report.findings}


def test_a_governments_draft_passes_gov_assessment_once_the_results_are_entered(
    gov_people: dict[str, Any], government: Agency
) -> None:
    clerk = gov_people["clerk"]
    report = actions.do_generate_report(government, 2025, acting_user=clerk)
    report = actions.do_check_report(report, acting_user=clerk)
    assert "GOV-ASSESSMENT" in {f["rule"] for f in report.findings}  # nothing entered: nothing claimed
    texts = {
        "assessment": "将政府信息公开工作纳入年度绩效考核，考核结果为优秀",
        "evaluation": "组织社会评议一次，群众满意度96%",
        "accountability": "本年度未发生责任追究情形",
    }
    actions.do_record_government_results(government, 2025, texts, acting_user=clerk)
    report.refresh_from_db()
    first = next(s["text"] for s in report.sections() if s["number"] == "一")
    assert first.endswith(
        "监督保障。工作考核结果：将政府信息公开工作纳入年度绩效考核，考核结果为优秀。"
        "社会评议结果：组织社会评议一次，群众满意度96%。责任追究结果：本年度未发生责任追究情形。"
    )
    report = actions.do_check_report(report, acting_user=clerk)
    assert "GOV-ASSESSMENT" not in {f["rule"] for f in report.findings}
    # Regenerating with a fresh narrative writes it again, once.
    report = actions.do_generate_report(government, 2025, acting_user=clerk, keep_narrative=False)
    first = next(s["text"] for s in report.sections() if s["number"] == "一")
    assert first.count("监督保障。") == 1
    assert AuditEvent.objects.filter(action="annual.record_results").count() == 1


def test_only_governments_record_the_results(people: dict[str, Any], agencies: dict[str, Any]) -> None:
    with pytest.raises(ActionError, match="只要求各级人民政府"):
        actions.do_record_government_results(
            agencies["science"], 2025, {"assessment": "x"}, acting_user=people["clerk"]
        )


# ---------------------------------------------------------------------------------------------
# The pages' steps: submit, enter the results, set the kind in the admin
# ---------------------------------------------------------------------------------------------


def test_the_year_page_submits_and_records_the_results(
    client: Any,
    people: dict[str, Any],
    agencies: dict[str, Any],
    gov_people: dict[str, Any],
    government: Agency,
) -> None:
    science = agencies["science"]
    report = actions.do_generate_report(science, 2025, acting_user=people["clerk"])
    report = _publish(report, people["clerk"], people["head"], date(2026, 1, 20))
    client.force_login(people["head"])
    page = client.get(f"/work/annual/{science.pk}/2025/").content.decode()
    assert "尚未报送主管部门。" in page and 'id="submit-report"' in page
    client.post(f"/work/annual/{science.pk}/2025/do/submit-to-supervisor/", {"version": report.version})
    page = client.get(f"/work/annual/{science.pk}/2025/").content.decode()
    assert "已报送示例市人民政府办公室（第1版）" in page

    draft = actions.do_generate_report(government, 2025, acting_user=gov_people["clerk"])
    client.force_login(gov_people["clerk"])
    page = client.get(f"/work/annual/{government.pk}/2025/").content.decode()
    assert "法定发布期限 2026年3月31日（人民政府）" in page and 'id="gov-results"' in page
    client.post(
        f"/work/annual/{government.pk}/2025/do/results/",
        {
            "version": draft.version,
            "assessment": "考核合格",
            "evaluation": "评议满意",
            "accountability": "无追责",
        },
    )
    draft.refresh_from_db()
    first = next(s["text"] for s in draft.sections() if s["number"] == "一")
    assert first.endswith("监督保障。工作考核结果：考核合格。社会评议结果：评议满意。责任追究结果：无追责。")


def test_the_admin_change_form_sets_the_kind_through_the_action(
    client: Any, people: dict[str, Any], agencies: dict[str, Any]
) -> None:
    from django.contrib.auth import get_user_model

    zone = Agency.objects.create(
        name="示例市经济开发区管理委员会", short_name="开发区", parent=agencies["office"]
    )
    root = get_user_model().objects.create_superuser("root", "root@example.cn", "pw-root-123")
    client.force_login(root)
    response = client.post(
        f"/admin/accounts/agency/{zone.pk}/change/",
        {
            "name": zone.name,
            "short_name": zone.short_name,
            "parent": agencies["office"].pk,
            "address": "",
            "phone": "",
            "accepts_online": "on",
            "kind": "人民政府",
        },
    )
    assert response.status_code == 302, response.content.decode()[:500]
    zone.refresh_from_db()
    assert (zone.kind, zone.kind_note) == ("人民政府", "")
    row = AuditEvent.objects.get(action="accounts.set_kind")
    assert row.actor == root and row.before["kind"] == "其他"

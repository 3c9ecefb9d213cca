"""The supervisor's view of annual reports (issue 8): status, uploads and bulk checks, 汇总, trends, XLSX."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from filesamples import zip_bytes
from gongkai.agencies import AgencyKind
from gongkai.errors import GongkaiError
from gongkai.report import jsonio, samples
from gongkai.report.publication import annual_report_duty
from gongkai.web.accounts.models import Agency
from gongkai.web.annual.models import AnnualReport
from gongkai.web.audit.models import AuditEvent
from gongkai.web.oversight import actions, charts, checking, matching
from gongkai.web.oversight.combine import NOTICE, combined_for
from gongkai.web.oversight.models import BulkCheckJob, UploadedReport, UploadState
from gongkai.web.oversight.overview import (
    Status,
    submission_status,
    trends,
    upload_submitted_on,
    year_overview,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_process_queue")]


def publish(
    agency: Agency, year: int, *, on: date, seed: int = 1, state: str = "published", **kw: Any
) -> Any:
    report = samples.balanced_report(seed, agency=agency.name, year=year)
    return AnnualReport.objects.create(
        agency=agency,
        year=year,
        version=kw.pop("version", 1),
        state=state,
        data=jsonio.report_to_dict(report),
        published_at=datetime(on.year, on.month, on.day, 2, tzinfo=UTC),
        **kw,
    )


def report_bytes(agency: str, year: int = 2025, *, seed: int = 7, broken: bool = False) -> bytes:
    report = samples.balanced_report(seed, agency=agency, year=year)
    if broken:
        report = report.with_cell("table3.new.total", (report.table3.cell("new", "total") or 0) + 5)
    return jsonio.dumps(report).encode("utf-8")


# ---------------------------------------------------------------------------------------------
# Pure parts
# ---------------------------------------------------------------------------------------------


def test_status_is_judged_by_31_january_of_the_next_year() -> None:
    # A 部门's report (条例 第四十九条第一款); the kind is an argument since issue 16.
    duty = annual_report_duty(AgencyKind.DEPARTMENT, 2025)
    assert submission_status(duty, date(2026, 1, 31), date(2026, 6, 1))[0] is Status.PUBLISHED
    assert submission_status(duty, date(2026, 2, 1), date(2026, 6, 1))[0] is Status.LATE
    status, note = submission_status(duty, None, date(2026, 1, 20))
    assert status is Status.MISSING and "尚有11天" in note
    status, note = submission_status(duty, None, date(2026, 2, 1))
    assert status is Status.MISSING and "已超过" in note


def test_matching_takes_the_longest_name_and_refuses_a_tie() -> None:
    names = {1: "平湖市科学技术局", 2: "平湖市人民政府", 3: "示例市财政局", 4: "示例市财政局办公室"}
    assert matching.match_agency("平湖市 科学技术局", names) == 1
    assert matching.match_agency("2025年平湖市科学技术局政府信息公开工作年度报告.pdf", names) == 1
    assert matching.match_agency("示例市财政局办公室2025年报告", names) == 4
    assert matching.match_agency("附件1.docx", names) is None
    assert matching.match_agency("甲局乙局", {1: "甲局", 2: "乙局"}) is None


def test_bar_chart_is_accessible_escaped_and_never_draws_missing_as_zero() -> None:
    svg = charts.bar_chart(
        "c1",
        "标题<x>",
        "说明",
        ["2024年", "2025年"],
        [charts.Series("按期办结率", [None, 0.5])],
        percent=True,
    )
    assert 'role="img"' in svg and 'aria-labelledby="c1-title c1-desc"' in svg
    assert '<title id="c1-title">标题&lt;x&gt;</title>' in svg
    assert "无数据" in svg and "2025年 按期办结率：50.0%" in svg
    assert charts.nice_ceiling(7) == 10 and charts.nice_ceiling(130) == 200 and charts.nice_ceiling(0) == 1


# ---------------------------------------------------------------------------------------------
# The year view
# ---------------------------------------------------------------------------------------------


def test_year_view_shows_each_agency_of_the_subtree_with_its_status(
    client: Any, people: Any, agencies: Any
) -> None:
    publish(agencies["science"], 2025, on=date(2026, 1, 20), errors=0, warnings=2)
    publish(agencies["finance"], 2025, on=date(2026, 2, 3))
    publish(agencies["outside"], 2025, on=date(2026, 1, 3))
    client.force_login(people["supervisor"])
    response = client.get(reverse("oversight:year", args=[2025]))
    assert response.status_code == 200
    rows = {r.name: r for r in response.context["overview"].rows}
    assert set(rows) == {"示例市人民政府办公室", "平湖市科学技术局", "示例市财政局"}
    assert rows["示例市人民政府办公室"].is_self and rows["示例市人民政府办公室"].status is Status.MISSING
    assert rows["平湖市科学技术局"].status is Status.PUBLISHED
    assert rows["平湖市科学技术局"].warnings == 2
    assert rows["示例市财政局"].status is Status.LATE
    science = samples.balanced_report(1, agency="平湖市科学技术局", year=2025)
    assert rows["平湖市科学技术局"].figures["new"] == science.table3.cell("new", "total")
    page = response.content.decode()
    assert "逾期发布" in page and "本级" in page and "年报监督" in page
    client.force_login(people["clerk"])
    assert "年报监督" not in client.get(reverse("applications:queue")).content.decode()


def test_a_corrected_report_was_submitted_when_first_published(agencies: Any) -> None:
    publish(agencies["science"], 2025, on=date(2026, 1, 10), state="superseded")
    publish(agencies["science"], 2025, on=date(2026, 3, 1), version=2)
    overview = year_overview(agencies["office"], agencies["office"].subtree_ids(), 2025, date(2026, 6, 1))
    science = next(r for r in overview.rows if r.name == "平湖市科学技术局")
    assert science.status is Status.PUBLISHED


def test_year_view_queries_do_not_grow_with_the_agencies(agencies: Any) -> None:
    office = agencies["office"]

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            year_overview(office, office.subtree_ids(), 2025, date(2026, 6, 1))
        return len(queries)

    small = count()
    for i in range(20):
        agency = Agency.objects.create(name=f"示例市第{i}局", parent=office)
        publish(agency, 2025, on=date(2026, 1, 5), seed=i)
    assert count() == small


def test_only_overseers_see_the_view_and_never_a_sibling(client: Any, people: Any, agencies: Any) -> None:
    client.force_login(people["clerk"])
    assert client.get(reverse("oversight:year", args=[2025])).status_code == 403
    client.force_login(people["head"])  # head of 科技局: its own agency only, not 财政局
    names = {r.name for r in client.get(reverse("oversight:year", args=[2025])).context["overview"].rows}
    assert names == {"平湖市科学技术局"}
    client.force_login(people["outsider"])
    names = {r.name for r in client.get(reverse("oversight:year", args=[2025])).context["overview"].rows}
    assert names == {"邻市人民政府办公室"}
    # Picking an agency one does not oversee falls back to one's own.
    response = client.get(reverse("oversight:year", args=[2025]), {"agency": agencies["office"].pk})
    assert response.context["selected"] == agencies["outside"]


# ---------------------------------------------------------------------------------------------
# Uploads and the bulk check
# ---------------------------------------------------------------------------------------------


def upload(client: Any, year: int, *files: tuple[str, bytes], **data: Any) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    payload = {"files": [SimpleUploadedFile(name, content) for name, content in files], **data}
    return client.post(reverse("oversight:upload", args=[year]), payload)


#: checked_upload(name, content, **form_data) -> the stored upload, checked.
CheckedUpload = Callable[..., UploadedReport]


@pytest.fixture
def checked_upload(client: Any, people: Any, django_capture_on_commit_callbacks: Any) -> CheckedUpload:
    """The supervisor (left logged in) uploads one file for 2025 and its check runs at commit, as the
    worker's would; returns the stored upload."""

    def run(name: str, content: bytes, **data: Any) -> UploadedReport:
        client.force_login(people["supervisor"])
        with django_capture_on_commit_callbacks(execute=True):
            upload(client, 2025, (name, content), **data)
        return UploadedReport.objects.get()

    return run


def test_an_uploaded_report_is_matched_read_and_checked_in_the_background(
    client: Any, people: Any, agencies: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(people["supervisor"])
    content = report_bytes("示例市财政局", broken=True)
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, 2025, ("caizheng.json", content), published_on="2026-01-30")
    job = BulkCheckJob.objects.get()
    assert response.status_code == 302 and response.url == reverse("oversight:job", args=[job.pk])
    assert (job.total, job.done, job.failed) == (1, 1, 0)
    stored = UploadedReport.objects.get()
    assert stored.agency == agencies["finance"] and stored.state == UploadState.CHECKED
    assert bytes(stored.content) == content and len(stored.sha256) == 64
    assert stored.errors >= 1 and any(f["rule"] == "T3-BALANCE" for f in stored.findings)
    progress = client.get(reverse("oversight:progress", args=[job.pk])).json()
    assert progress == {"total": 1, "done": 1, "failed": 0, "finished": True}
    page = client.get(reverse("oversight:job", args=[job.pk]))
    assert "Refresh" not in page and "检查已完成" in page.content.decode()
    rows = {r.name: r for r in client.get(reverse("oversight:year", args=[2025])).context["overview"].rows}
    assert rows["示例市财政局"].source == "上传文件" and rows["示例市财政局"].status is Status.PUBLISHED
    detail = client.get(reverse("oversight:upload_detail", args=[stored.pk])).content.decode()
    assert "T3-BALANCE" in detail and "错误" in detail
    assert AuditEvent.objects.filter(action="oversight.upload").count() == 1
    assert AuditEvent.objects.filter(action="oversight.check").count() == 1


def test_a_bad_file_fails_with_the_readers_chinese_message_and_is_kept(
    agencies: Any, checked_upload: CheckedUpload
) -> None:
    stored = checked_upload("scan.docx", b"PK\x03\x04 damaged", agency=agencies["science"].pk)
    assert stored.state == UploadState.FAILED and "损坏" in stored.error_message
    assert bytes(stored.content) == b"PK\x03\x04 damaged"
    job = BulkCheckJob.objects.get()
    assert (job.done, job.failed, job.finished) == (0, 1, True)
    rows = {
        r.name: r
        for r in year_overview(
            agencies["office"], agencies["office"].subtree_ids(), 2025, date(2026, 6, 1)
        ).rows
    }
    assert rows["平湖市科学技术局"].source == "上传文件" and rows["平湖市科学技术局"].upload_state == "failed"


def _scanned_pdf() -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.rect(100, 100, 200, 200, fill=1)  # an image-only page, as a scanner makes
    page.showPage()
    page.save()
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("scan.pdf", _scanned_pdf(), "没有任何文字"),
        ("odd.txt", "平湖市科学技术局年度报告".encode("utf-16-le")[:-1], "编码"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "旧版"),
    ],
)
def test_scans_and_wrong_encodings_fail_with_the_readers_message(
    client: Any, name: str, content: bytes, message: str, checked_upload: CheckedUpload
) -> None:
    stored = checked_upload(name, content)
    assert stored.state == UploadState.FAILED and message in stored.error_message
    assert bytes(stored.content) == content
    page = client.get(reverse("oversight:upload_detail", args=[stored.pk])).content.decode()
    assert "无法读取" in page


def test_a_failure_while_checking_ends_failed_not_stuck(
    monkeypatch: Any, checked_upload: CheckedUpload
) -> None:
    def broken(*args: Any) -> None:
        raise RuntimeError("a bug in a rule")

    monkeypatch.setattr(checking.rules, "check", broken)
    stored = checked_upload("a.json", report_bytes("示例市财政局"))
    assert stored.state == UploadState.FAILED and stored.error_message == checking.INTERNAL_ERROR
    assert stored.data is None and BulkCheckJob.objects.get().finished


def test_a_zip_is_expanded_and_an_unknown_file_waits_for_manual_assignment(
    client: Any, people: Any, agencies: Any, django_capture_on_commit_callbacks: Any
) -> None:
    publish(agencies["science"], 2024, on=date(2025, 1, 10))
    archive = zip_bytes(
        {
            "报告/2025年平湖市科学技术局年报.json": report_bytes("某单位"),
            "附件1.json": report_bytes("某单位", seed=9),
            "__MACOSX/._附件1.json": b"junk",
        }
    )
    client.force_login(people["supervisor"])
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, 2025, ("all.zip", archive))
    by_name = {u.filename: u for u in UploadedReport.objects.all()}
    assert set(by_name) == {"2025年平湖市科学技术局年报.json", "附件1.json"}
    assert by_name["2025年平湖市科学技术局年报.json"].agency == agencies["science"]
    assert by_name["2025年平湖市科学技术局年报.json"].compared_with_previous
    unknown = by_name["附件1.json"]
    assert unknown.state == UploadState.UNASSIGNED and unknown.agency is None
    job = BulkCheckJob.objects.get()
    assert (
        job.finished and "附件1.json" in client.get(reverse("oversight:job", args=[job.pk])).content.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("oversight:assign", args=[unknown.pk]), {"agency": agencies["finance"].pk})
    unknown.refresh_from_db()
    # Issue 17: the file itself says "某单位", not 财政局: counted only once the supervisor confirms.
    assert unknown.state == UploadState.UNCONFIRMED and unknown.agency == agencies["finance"]
    assert "某单位" in unknown.mismatch
    assert not unknown.compared_with_previous  # 财政局 has no 2024 report


def test_zip_member_names_in_gbk_are_read_as_chinese() -> None:
    """Archives made on Chinese Windows store GBK names without zip's UTF-8 flag."""
    gbk = "财政局年报.json".encode("gbk")
    placeholder = b"X" * (len(gbk) - len(b".json")) + b".json"
    raw = zip_bytes({placeholder.decode("ascii"): b"{}"}).replace(placeholder, gbk)
    files = actions.expand([actions.IncomingFile("all.zip", raw)])
    assert [f.name for f in files] == ["财政局年报.json"]


def test_an_upload_for_another_year_gets_a_warning(checked_upload: CheckedUpload) -> None:
    stored = checked_upload("a.json", report_bytes("示例市财政局", year=2024))
    assert stored.findings[0]["rule"] == checking.YEAR_RULE and stored.warnings >= 1


def test_upload_permissions(client: Any, people: Any, agencies: Any, checked_upload: CheckedUpload) -> None:
    client.force_login(people["clerk"])
    assert upload(client, 2025, ("a.json", report_bytes("示例市财政局"))).status_code == 403
    client.force_login(people["supervisor"])
    response = upload(client, 2025, ("a.json", report_bytes("示例市财政局")), agency=agencies["outside"].pk)
    assert response.status_code == 200 and "agency" in response.context["form"].errors
    stored = checked_upload("a.json", report_bytes("外单位"))
    with pytest.raises(Exception, match="只能指定"):
        actions.do_assign_upload(stored, agencies["outside"], acting_user=people["supervisor"])
    client.force_login(people["outsider"])
    assert client.get(reverse("oversight:job", args=[stored.job_id])).status_code == 403
    assert client.get(reverse("oversight:upload_detail", args=[stored.pk])).status_code == 403


def test_a_job_page_reloads_itself_while_files_are_pending(client: Any, people: Any, agencies: Any) -> None:
    client.force_login(people["supervisor"])
    # Without running the on-commit callbacks the file stays queued, as with a busy worker.
    upload(client, 2025, ("a.json", report_bytes("示例市财政局")), agency=agencies["finance"].pk)
    job = BulkCheckJob.objects.get()
    page = client.get(reverse("oversight:job", args=[job.pk]))
    assert page["Refresh"] == "3" and "排队中" in page.content.decode()
    stored = UploadedReport.objects.get()
    with pytest.raises(GongkaiError, match="正在检查"):
        actions.do_assign_upload(stored, agencies["finance"], acting_user=people["supervisor"])
    assert client.get(reverse("oversight:progress", args=[job.pk])).json()["finished"] is False
    assert "检查中" in client.get(reverse("oversight:year", args=[2025])).content.decode()


# ---------------------------------------------------------------------------------------------
# 汇总, trends, XLSX
# ---------------------------------------------------------------------------------------------


def test_combined_sums_the_subordinates_and_lists_who_is_missing(
    client: Any, people: Any, agencies: Any
) -> None:
    publish(agencies["science"], 2025, on=date(2026, 1, 5), seed=3)
    publish(agencies["office"], 2025, on=date(2026, 1, 5), seed=4)  # the office itself is not summed
    result = combined_for(agencies["office"], agencies["office"].subtree_ids(), 2025)
    science = samples.balanced_report(3, agency="x", year=2025)
    assert dict(result.report.cells())["table3.new.total"] == science.table3.cell("new", "total")
    assert result.included == [("平湖市科学技术局", "系统生成")] and result.missing == ["示例市财政局"]
    publish(agencies["finance"], 2025, on=date(2026, 1, 5), seed=5)
    finance = samples.balanced_report(5, agency="x", year=2025)
    result = combined_for(agencies["office"], agencies["office"].subtree_ids(), 2025)
    for path, value in result.report.cells():
        assert value == dict(science.cells())[path] + dict(finance.cells())[path], path
    client.force_login(people["supervisor"])
    page = client.get(reverse("oversight:combined", args=[2025])).content.decode()
    assert NOTICE in page and 'data-cell="table3.new.total"' in page


def test_combined_2019_folds_split_other_rows_and_reports_missing_cells(agencies: Any) -> None:
    from gongkai.web.oversight.combine import combine

    report = samples.balanced_report(2, year=2020)  # 2021 template on purpose, summed into 2019's
    blank = report.with_cell("table2.penalty", None)
    total, lacking = combine("汇总", 2020, [jsonio.report_to_dict(report), jsonio.report_to_dict(blank)])
    other = sum(
        report.table3.cell(k, "total") or 0
        for k in ("other_overdue_correction", "other_overdue_fee", "other_other")
    )
    assert dict(total.cells())["table3.other.total"] == 2 * other
    assert lacking == {"table2.penalty": 1}


def test_trends_and_on_time_rate_from_records(client: Any, people: Any, agencies: Any, submit: Any) -> None:
    publish(agencies["science"], 2024, on=date(2025, 1, 5), seed=1)
    publish(agencies["science"], 2025, on=date(2026, 1, 5), seed=2)
    app = submit(agencies["science"], received=date(2025, 3, 3))
    type(app).objects.filter(pk=app.pk).update(closed_on=date(2025, 3, 10))
    late = submit(agencies["science"], received=date(2025, 3, 3))
    type(late).objects.filter(pk=late.pk).update(closed_on=date(2025, 12, 31))
    points = trends({agencies["science"].pk, agencies["finance"].pk}, 2025)
    assert [p.year for p in points] == [2024, 2025]
    assert points[0].on_time_rate is None and points[1].on_time_rate == 0.5
    assert points[1].received == samples.balanced_report(2, year=2025).table3.cell("new", "total")
    client.force_login(people["supervisor"])
    page = client.get(reverse("oversight:combined", args=[2025])).content.decode()
    assert page.count('role="img"') == 4 and "2024年无办理记录" in page and 'id="trend-table"' in page


def test_xlsx_export(client: Any, people: Any, agencies: Any) -> None:
    publish(agencies["science"], 2025, on=date(2026, 1, 5), seed=3)
    client.force_login(people["supervisor"])
    response = client.get(reverse("oversight:export", args=[2025]))
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["年度情况", "汇总（仅供参考）", "历年趋势"]
    year_rows = list(book["年度情况"].iter_rows(values_only=True))
    assert year_rows[0][:3] == ("单位", "本级", "状态")
    assert year_rows[2][:3] == ("平湖市科学技术局", None, "已发布") or any(
        r[0] == "平湖市科学技术局" and r[2] == "已发布" for r in year_rows
    )
    assert book["汇总（仅供参考）"]["A1"].value == NOTICE
    client.force_login(people["clerk"])
    assert client.get(reverse("oversight:export", args=[2025])).status_code == 403


def test_findings_page_of_a_system_report(client: Any, people: Any, agencies: Any) -> None:
    stored = publish(
        agencies["science"],
        2025,
        on=date(2026, 1, 5),
        errors=1,
        findings=[
            {
                "rule": "T3-BALANCE",
                "severity": "error",
                "cells": ["table3.new.total"],
                "message": "不平衡",
                "expected": 1,
                "actual": 2,
                "source": "",
            }
        ],
    )
    client.force_login(people["supervisor"])
    page = client.get(reverse("oversight:report", args=[stored.pk])).content.decode()
    assert "不平衡" in page and "本年新收" in page
    client.force_login(people["outsider"])
    assert client.get(reverse("oversight:report", args=[stored.pk])).status_code == 403
    draft = publish(agencies["science"], 2025, on=date(2026, 1, 5), state="draft", version=2)
    client.force_login(people["supervisor"])
    assert client.get(reverse("oversight:report", args=[draft.pk])).status_code == 404
    assert json.loads(json.dumps(stored.findings))  # stored as plain JSON


def test_index_and_upload_form(client: Any, people: Any, agencies: Any) -> None:
    client.force_login(people["supervisor"])
    response = client.get(reverse("oversight:index"))
    assert response.status_code == 302 and response.url.startswith("/work/oversight/")
    page = client.get(reverse("oversight:upload", args=[2025])).content.decode()
    assert 'type="file"' in page and "multiple" in page and "平湖市科学技术局" in page
    assert "邻市人民政府办公室" not in page
    response = client.post(reverse("oversight:upload", args=[2025]), {})
    assert "请选择要上传的报告文件" in response.content.decode()


@pytest.mark.parametrize(
    ("redis_url", "expected"), [("redis://127.0.0.1:6379/0", "huey.RedisHuey"), ("", "huey.SqliteHuey")]
)
def test_the_queue_is_redis_when_configured_and_in_process_otherwise(
    tmp_path: Any, redis_url: str, expected: str
) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "GONGKAI_DATA_DIR": str(tmp_path), "REDIS_URL": redis_url}
    env.pop("GONGKAI_HUEY_IMMEDIATE", None)
    env.pop("GONGKAI_QUEUE_WORKERS", None)
    code = "import json, gongkai.web.settings as s; print(json.dumps(s.HUEY))"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    huey = json.loads(out.stdout)
    assert huey["huey_class"] == expected
    # Issue 15, point 8: the embedded default is a durable queue (a SQLite file), never immediate.
    assert huey["immediate"] is False
    if not redis_url:
        assert huey["filename"] == str(tmp_path / "queue.sqlite3")
    if redis_url:
        assert huey["connection"] == {"url": redis_url}
        # A consumer on Redis uses its machine's cores: processes, as many as cores (the checks
        # hold the GIL, so threads of one consumer would share one core).
        assert huey["consumer"] == {"workers": os.cpu_count(), "worker_type": "process"}
        three = {**env, "GONGKAI_QUEUE_WORKERS": "3"}
        out = subprocess.run([sys.executable, "-c", code], env=three, capture_output=True, text=True)
        assert json.loads(out.stdout)["consumer"]["workers"] == 3, out.stderr
    else:
        assert huey["consumer"] == {"workers": 1, "worker_type": "thread"}


# ---------------------------------------------------------------------------------------------
# Issue 15: bombs, lost tasks, re-checking
# ---------------------------------------------------------------------------------------------


def test_a_zip_bomb_upload_is_refused_before_anything_is_expanded_or_stored(
    client: Any, people: Any, tmp_path: Any
) -> None:
    import tracemalloc

    from bombs import zip_of_zeros

    bomb = zip_of_zeros(tmp_path / "upload.zip").read_bytes()  # 6 x 49 MiB of zeros, < 1 MB
    client.force_login(people["supervisor"])
    tracemalloc.start()
    response = upload(client, 2025, ("upload.zip", bomb))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert "压缩炸弹" in response.content.decode()
    assert not UploadedReport.objects.exists() and not BulkCheckJob.objects.exists()
    assert peak < 32 * 1024 * 1024, peak
    print(f"ZIP bomb upload refused, Python peak {peak / 1024 / 1024:.1f} MiB")


def _uploaded_without_its_task(client: Any, people: Any, agencies: Any) -> UploadedReport:
    """An upload committed whose task never ran (the process died before enqueueing it)."""
    client.force_login(people["supervisor"])
    upload(client, 2025, ("a.json", report_bytes("示例市财政局")), agency=agencies["finance"].pk)
    return UploadedReport.objects.get()


def test_an_upload_left_queued_after_a_crash_is_requeued_and_checked(
    client: Any, people: Any, agencies: Any, django_capture_on_commit_callbacks: Any
) -> None:
    stored = _uploaded_without_its_task(client, people, agencies)
    assert stored.state == UploadState.QUEUED
    assert actions.recover_uploads(pending_tasks=3) == 0  # tasks still waiting: left alone
    with django_capture_on_commit_callbacks(execute=True):
        assert actions.recover_uploads(pending_tasks=0) == 1
    stored.refresh_from_db()
    assert stored.state == UploadState.CHECKED
    assert BulkCheckJob.objects.get().finished
    assert AuditEvent.objects.filter(action="oversight.requeue").count() == 1


def test_an_upload_that_never_finishes_fails_clearly_and_can_be_rechecked(
    client: Any, people: Any, agencies: Any, django_capture_on_commit_callbacks: Any
) -> None:
    stored = _uploaded_without_its_task(client, people, agencies)
    # The worker dies while reading it, every time (the re-queued tasks are lost too).
    for _ in range(actions.MAX_RECOVERIES):
        UploadedReport.objects.filter(pk=stored.pk).update(state=UploadState.READING)
        actions.recover_uploads(pending_tasks=0)
    UploadedReport.objects.filter(pk=stored.pk).update(state=UploadState.READING)
    actions.recover_uploads(pending_tasks=0)
    stored.refresh_from_db()
    assert stored.state == UploadState.FAILED and stored.error_message == actions.STUCK_ERROR
    job = BulkCheckJob.objects.get()
    assert job.finished and job.failed == 1
    assert "Refresh" not in client.get(reverse("oversight:job", args=[job.pk]))
    page = client.get(reverse("oversight:upload_detail", args=[stored.pk])).content.decode()
    assert "重新检查" in page and actions.STUCK_ERROR in page
    # Only an overseer may re-run it, only by POST.
    assert client.get(reverse("oversight:recheck", args=[stored.pk])).status_code == 405
    client.force_login(people["outsider"])
    assert client.post(reverse("oversight:recheck", args=[stored.pk])).status_code == 403
    client.force_login(people["supervisor"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("oversight:recheck", args=[stored.pk]))
    stored.refresh_from_db()
    assert stored.state == UploadState.CHECKED and stored.error_message == ""
    job.refresh_from_db()
    assert job.failed == 0 and job.done == 1
    assert AuditEvent.objects.filter(action="oversight.recheck", actor=people["supervisor"]).count() == 1
    # A re-checked upload gets its full number of recoveries again.
    UploadedReport.objects.filter(pk=stored.pk).update(state=UploadState.READING)
    actions.recover_uploads(pending_tasks=0)
    assert UploadedReport.objects.get(pk=stored.pk).state == UploadState.QUEUED
    with pytest.raises(GongkaiError, match="重新检查"):
        actions.do_recheck_upload(stored, acting_user=people["supervisor"])


def test_an_upload_is_checked_with_its_agencys_recorded_kind(
    client: Any, people: Any, agencies: Any, checked_upload: CheckedUpload
) -> None:
    # 条例 第五十条第（四）项: the recorded kind (not the name, which says 部门) decides GOV-ASSESSMENT;
    # 第四十九条第二款: a government's upload published on 20 March is not late.
    from gongkai.web.accounts.actions import do_set_agency_kind

    do_set_agency_kind(agencies["finance"], "人民政府", acting_user=people["admin"])
    stored = checked_upload("caizheng.json", report_bytes("示例市财政局"), published_on="2026-03-20")
    assert stored.state == UploadState.CHECKED
    assert "GOV-ASSESSMENT" in {f["rule"] for f in stored.findings}
    rows = {r.name: r for r in client.get(reverse("oversight:year", args=[2025])).context["overview"].rows}
    assert rows["示例市财政局"].status is Status.PUBLISHED


# ---------------------------------------------------------------------------------------------
# Issue 17, point 14: a wrong assignment must not corrupt the totals
# ---------------------------------------------------------------------------------------------


def test_an_assignment_the_file_disagrees_with_is_counted_only_once_confirmed(
    client: Any, agencies: Any, checked_upload: CheckedUpload
) -> None:
    """Another agency's report of another year, assigned to 科技局 for 2025: not 已发布, not in the
    汇总, until the supervisor confirms; confirming is audited."""
    science = agencies["science"]
    city = report_bytes("邻市人民政府办公室", year=2024, seed=3)
    stored = checked_upload("city.json", city, agency=science.pk, published_on="2026-01-20")
    assert stored.state == UploadState.UNCONFIRMED and stored.agency == science
    assert "邻市人民政府办公室" in stored.mismatch and "2024" in stored.mismatch
    office = agencies["office"]
    rows = {r.name: r for r in year_overview(office, office.subtree_ids(), 2025, date(2026, 6, 1)).rows}
    assert (
        rows["平湖市科学技术局"].status is not Status.PUBLISHED and "待确认" in rows["平湖市科学技术局"].note
    )
    assert set(rows["平湖市科学技术局"].figures.values()) == {None}
    combined = combined_for(office, office.subtree_ids(), 2025)
    assert "平湖市科学技术局" in combined.missing and combined.report.table3.cell("new", "total") in (0, None)
    page = client.get(reverse("oversight:upload_detail", args=[stored.pk])).content.decode()
    assert 'id="mismatch"' in page and "确认指定无误" in page

    response = client.post(reverse("oversight:confirm", args=[stored.pk]))
    assert response.status_code == 302
    stored.refresh_from_db()
    assert stored.state == UploadState.CHECKED
    assert AuditEvent.objects.filter(action="oversight.confirm", object_id=str(stored.pk)).count() == 1
    rows = {r.name: r for r in year_overview(office, office.subtree_ids(), 2025, date(2026, 6, 1)).rows}
    assert rows["平湖市科学技术局"].status is Status.PUBLISHED
    assert "平湖市科学技术局" not in combined_for(office, office.subtree_ids(), 2025).missing
    # Nothing is left to confirm.
    client.post(reverse("oversight:confirm", args=[stored.pk]))
    assert AuditEvent.objects.filter(action="oversight.confirm").count() == 1


def test_a_matching_file_needs_no_confirmation(agencies: Any, checked_upload: CheckedUpload) -> None:
    stored = checked_upload("a.json", report_bytes("平湖市 科学技术局"), agency=agencies["science"].pk)
    assert (stored.state, stored.mismatch) == (UploadState.CHECKED, "")


def test_an_assignment_can_be_changed_and_cleared_with_an_audit_row(
    client: Any,
    agencies: Any,
    django_capture_on_commit_callbacks: Any,
    checked_upload: CheckedUpload,
) -> None:
    stored = checked_upload("a.json", report_bytes("示例市财政局"))
    assert stored.agency == agencies["finance"] and stored.state == UploadState.CHECKED
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("oversight:assign", args=[stored.pk]), {"agency": agencies["science"].pk})
    stored.refresh_from_db()
    assert stored.agency == agencies["science"] and stored.state == UploadState.UNCONFIRMED
    client.post(reverse("oversight:assign", args=[stored.pk]), {"agency": ""})
    stored.refresh_from_db()
    assert stored.agency is None and stored.state == UploadState.UNASSIGNED
    row = AuditEvent.objects.get(action="oversight.unassign")
    assert row.before["agency"] == agencies["science"].pk and row.after["agency"] is None
    office = agencies["office"]
    rows = {r.name: r for r in year_overview(office, office.subtree_ids(), 2025, date(2026, 6, 1)).rows}
    assert rows["示例市财政局"].source != "上传文件" and rows["平湖市科学技术局"].source != "上传文件"


def test_without_a_publication_date_the_date_received_decides_as_the_form_says(agencies: Any) -> None:
    # The form says: received within the period, the report was published on time; received
    # after it, whether it was late cannot be told (a guessed 逾期 would be a wrong value).
    duty = annual_report_duty(AgencyKind.DEPARTMENT, 2025)
    early = {"published_on": None, "uploaded_at": datetime(2026, 1, 20, 2, tzinfo=UTC)}
    on, note = upload_submitted_on(early, duty)
    assert on == date(2026, 1, 20) and "按收到文件之日" in note
    assert submission_status(duty, on, date(2026, 6, 1))[0] is Status.PUBLISHED
    late = {"published_on": None, "uploaded_at": datetime(2026, 3, 2, 2, tzinfo=UTC)}
    assert upload_submitted_on(late, duty) == (None, "")


def test_findings_name_cells_in_chinese_and_lead_with_the_message(
    client: Any, agencies: Any, checked_upload: CheckedUpload
) -> None:
    """Issue 17, point 11: "agency；agency" and a leading rule code were shown."""
    publish(agencies["finance"], 2024, on=date(2025, 1, 10))
    content = report_bytes("示例市财政局（旧称）", year=2025)
    stored = checked_upload("a.json", content, agency=agencies["finance"].pk)
    assert any(f["rule"] == "XYEAR-AGENCY" for f in stored.findings)
    page = client.get(reverse("oversight:upload_detail", args=[stored.pk])).content.decode()
    assert "机关名称；上年报告机关名称" in page and "agency；" not in page
    assert '<code class="rule-id">XYEAR-AGENCY</code>' in page and '<th scope="col">规则</th>' not in page

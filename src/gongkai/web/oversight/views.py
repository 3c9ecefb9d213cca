"""The supervisor's pages: the year view, 汇总 and trends, the XLSX workbook, uploads and checks.

Views validate input, check who oversees what (oversight.permissions) and call one action each;
an action's GongkaiError is shown as a message, a PermissionDenied is a 403.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from gongkai.errors import GongkaiError
from gongkai.report.naming import cell_names
from gongkai.report.render.layout import table2_grid, table3_grid, table4_grid
from gongkai.web import clock
from gongkai.web.accounts.models import Agency
from gongkai.web.annual.models import SUBMITTED_STATES, AnnualReport
from gongkai.web.oversight import actions, charts, exports, forms, permissions, removal
from gongkai.web.oversight.combine import NOTICE, combined_for
from gongkai.web.oversight.models import BulkCheckJob, UploadedReport
from gongkai.web.oversight.overview import TrendPoint, trends, year_overview
from gongkai.web.picking import checked_year, picked

#: Seconds between reloads of a job page while its files are being checked (no script needed).
REFRESH_SECONDS = 3
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


def _overseer(request: HttpRequest, year: int) -> tuple[list[Agency], Agency, set[int]]:
    """The agencies the user oversees, the one picked (?agency=), and its subtree; 403 for none,
    404 for a ``year`` no page is about."""
    agencies = permissions.overseeing_agencies(request.user)
    checked_year(year)
    chosen = picked(request, agencies, "只有公开办或机构负责人可以查看所属单位的年度报告情况。")
    return agencies, chosen, chosen.subtree_ids()


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """The reports due most recently: those on last year (published by 31 January this year)."""
    return redirect("oversight:year", year=clock.today().year - 1)


@login_required
def year(request: HttpRequest, year: int) -> HttpResponse:
    agencies, chosen, ids = _overseer(request, year)
    overview = year_overview(chosen, ids, year, clock.today())
    return render(
        request,
        "oversight/year.html",
        {
            "agencies": agencies,
            "selected": chosen,
            "year": year,
            "can_upload": permissions.can_upload(request.user, chosen),
            "overview": overview,
        },
    )


def _series(points: list[TrendPoint], *named: tuple[str, str]) -> list[charts.Series]:
    """One series per (label, TrendPoint attribute), a value per year."""
    return [charts.Series(label, [getattr(p, attr) for p in points]) for label, attr in named]


def _charts(points: list[TrendPoint]) -> list[dict[str, Any]]:
    years = [f"{p.year}年" for p in points]
    rate_missing = [p.year for p in points if p.on_time_rate is None]
    specs = [
        (
            "received",
            "本年新收申请数量",
            "各年度所属单位本年新收政府信息公开申请数量之和。",
            _series(points, ("本年新收", "received")),
            False,
            False,
        ),
        (
            "outcomes",
            "办理结果",
            "各年度予以公开、部分公开、不予公开和其他结果的数量（堆叠）。",
            _series(
                points,
                ("予以公开", "granted"),
                ("部分公开", "partial"),
                ("不予公开", "denied"),
                ("其他结果", "other"),
            ),
            True,
            False,
        ),
        (
            "ontime",
            "按期办结率",
            "使用本系统办理的单位当年办结申请中在答复期限内办结的比例；"
            + ("、".join(f"{y}年" for y in rate_missing) + "无办理记录，不显示。" if rate_missing else ""),
            _series(points, ("按期办结率", "on_time_rate")),
            False,
            True,
        ),
        (
            "appeals",
            "行政复议和行政诉讼",
            "各年度所属单位因政府信息公开被申请行政复议和被提起行政诉讼的数量。",
            _series(points, ("行政复议", "reconsideration"), ("行政诉讼", "litigation")),
            False,
            False,
        ),
    ]
    return [
        {
            "id": f"chart-{key}",
            "title": title,
            "desc": desc,
            # Safe: charts.bar_chart escapes every text it writes.
            "svg": mark_safe(
                charts.bar_chart(f"chart-{key}", title, desc, years, series, stacked=stacked, percent=percent)
            ),
        }
        for key, title, desc, series, stacked, percent in specs
    ]


@login_required
def combined(request: HttpRequest, year: int) -> HttpResponse:
    agencies, chosen, ids = _overseer(request, year)
    result = combined_for(chosen, ids, year)
    points = trends(ids - {chosen.pk}, year)
    grids = [table2_grid(result.report), table3_grid(result.report), table4_grid(result.report)]
    return render(
        request,
        "oversight/combined.html",
        {
            "agencies": agencies,
            "selected": chosen,
            "year": year,
            "can_upload": permissions.can_upload(request.user, chosen),
            "combined": result,
            "notice": NOTICE,
            "grids": grids,
            "points": points,
            "charts": _charts(points) if points else [],
        },
    )


@login_required
def export(request: HttpRequest, year: int) -> HttpResponse:
    _, chosen, ids = _overseer(request, year)
    content = exports.workbook(
        year_overview(chosen, ids, year, clock.today()),
        combined_for(chosen, ids, year),
        trends(ids - {chosen.pk}, year),
    )
    response = HttpResponse(
        content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    filename = f"{year}年度报告汇总-{chosen.name}.xlsx"
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response


@login_required
def upload(request: HttpRequest, year: int) -> HttpResponse:
    checked_year(year)
    agencies = permissions.uploading_agencies(request.user)
    chosen = picked(request, agencies, "只有公开办可以上传所属单位的年度报告文件。")
    ids = chosen.subtree_ids()
    subtree = list(Agency.objects.filter(pk__in=ids).order_by("name"))
    posted = request.method == "POST"
    form = forms.UploadForm(
        request.POST if posted else None, request.FILES if posted else None, agencies=subtree
    )
    refused = getattr(request, "upload_refused", "")  # set by the upload cap while streaming
    if refused:
        form.is_valid()
        form.errors["files"] = form.error_class([refused])  # the reason, not "no file chosen"
    elif posted and form.is_valid():
        files = [actions.IncomingFile(f.name, f.read()) for f in form.cleaned_data["files"]]
        try:
            job = actions.do_upload_reports(
                chosen,
                year,
                files,
                agency=form.cleaned_data["agency"],
                published_on=form.cleaned_data["published_on"],
                acting_user=request.user,
            )
        except GongkaiError as exc:
            form.add_error("files", exc.message)
        else:
            return redirect("oversight:job", pk=job.pk)
    jobs = BulkCheckJob.objects.filter(supervisor_agency=chosen, year=year)[:20]
    return render(
        request,
        "oversight/upload.html",
        {
            "agencies": agencies,
            "selected": chosen,
            "year": year,
            "form": form,
            "jobs": jobs,
            "can_upload": True,
        },
    )


def _job_for(request: HttpRequest, pk: int) -> BulkCheckJob:
    job = get_object_or_404(BulkCheckJob.objects.select_related("supervisor_agency"), pk=pk)
    if not permissions.can_upload(request.user, job.supervisor_agency):
        raise PermissionDenied("这批文件不是您所在机构上传的。")
    return job


@login_required
def job(request: HttpRequest, pk: int) -> HttpResponse:
    job = _job_for(request, pk)
    uploads = list(
        job.uploads.select_related("agency").defer("content", "data", "findings").order_by("filename", "pk")
    )
    subtree = list(Agency.objects.filter(pk__in=job.supervisor_agency.subtree_ids()).order_by("name"))
    response = render(
        request,
        "oversight/job.html",
        {
            "job": job,
            "uploads": uploads,
            "unassigned": [u for u in uploads if u.agency_id is None],
            "assign_form": forms.AssignForm(agencies=subtree),
            "refresh": REFRESH_SECONDS,
        },
    )
    if not job.finished:
        # Reload until every file is checked: an HTTP Refresh works in every browser, without script.
        response["Refresh"] = str(REFRESH_SECONDS)
    return response


@login_required
def progress(request: HttpRequest, pk: int) -> JsonResponse:
    job = _job_for(request, pk)
    return JsonResponse(
        {"total": job.total, "done": job.done, "failed": job.failed, "finished": job.finished}
    )


def _upload_for(request: HttpRequest, pk: int) -> UploadedReport:
    upload = get_object_or_404(
        UploadedReport.objects.select_related("job__supervisor_agency", "agency"), pk=pk
    )
    if not (
        permissions.can_upload(request.user, upload.job.supervisor_agency)
        or (upload.agency_id is not None and permissions.may_see_agency(request.user, upload.agency_id))
    ):
        raise PermissionDenied("您无权查看该上传文件。")
    return upload


def _finding_rows(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            **f,
            "severity_zh": SEVERITY_ZH.get(f.get("severity", ""), f.get("severity", "")),
            "cell_names": cell_names(f.get("cells", [])),
        }
        for f in findings
    ]


@login_required
def upload_detail(request: HttpRequest, pk: int) -> HttpResponse:
    upload = _upload_for(request, pk)
    can_assign = permissions.can_upload(request.user, upload.job.supervisor_agency)
    subtree = (
        list(Agency.objects.filter(pk__in=upload.job.supervisor_agency.subtree_ids()).order_by("name"))
        if can_assign
        else []
    )
    return render(
        request,
        "oversight/findings.html",
        {
            "title": upload.filename,
            "upload": upload,
            "agency": upload.agency,
            "year": upload.year,
            "source": "上传文件",
            "errors": upload.errors,
            "warnings": upload.warnings,
            "findings": _finding_rows(upload.findings),
            "can_assign": can_assign,
            "assign_form": forms.AssignForm(agencies=subtree, initial={"agency": upload.agency_id}),
        },
    )


@login_required
@require_POST
def assign(request: HttpRequest, pk: int) -> HttpResponse:
    upload = _upload_for(request, pk)
    subtree = list(Agency.objects.filter(pk__in=upload.job.supervisor_agency.subtree_ids()))
    form = forms.AssignForm(request.POST, agencies=subtree)
    if not form.is_valid():
        messages.error(request, "请选择所属单位。")
    else:
        agency = form.cleaned_data["agency"]
        try:
            if agency is None:
                actions.do_unassign_upload(upload, acting_user=request.user)
            else:
                actions.do_assign_upload(upload, agency, acting_user=request.user)
        except GongkaiError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, f"已指定为{agency.name}的报告。" if agency else "已取消指定所属单位。")
    back = request.POST.get("next", "")
    if back == "job":
        return redirect("oversight:job", pk=upload.job_id)
    return redirect("oversight:upload_detail", pk=upload.pk)


def _upload_step(request: HttpRequest, pk: int, step: Callable[..., None], done: str) -> HttpResponse:
    """Run one action on an upload and go back to its page with the outcome as a message."""
    upload = _upload_for(request, pk)
    try:
        step(upload, acting_user=request.user)
    except GongkaiError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, done)
    return redirect("oversight:upload_detail", pk=upload.pk)


@login_required
@require_POST
def confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """The supervisor confirms an assignment the file disagrees with (then it is counted)."""
    return _upload_step(request, pk, actions.do_confirm_upload, "已确认，该报告计入统计和汇总。")


@login_required
@require_POST
def recheck(request: HttpRequest, pk: int) -> HttpResponse:
    return _upload_step(request, pk, actions.do_recheck_upload, "已重新排队检查。")


@login_required
@require_POST
def delete_upload(request: HttpRequest, pk: int) -> HttpResponse:
    upload = _upload_for(request, pk)
    try:
        removal.do_delete_upload(upload, acting_user=request.user)
    except GongkaiError as exc:
        messages.error(request, exc.message)
        return redirect("oversight:upload_detail", pk=upload.pk)
    messages.success(request, f"已删除上传文件“{upload.filename}”及其检查结果。")
    return redirect("oversight:job", pk=upload.job_id)


@login_required
def report(request: HttpRequest, pk: int) -> HttpResponse:
    """The check results of an agency's report published in Gongkai."""
    stored = get_object_or_404(AnnualReport.objects.select_related("agency"), pk=pk)
    if stored.state not in SUBMITTED_STATES:
        raise Http404
    if not permissions.may_see_agency(request.user, stored.agency_id):
        raise PermissionDenied("您无权查看该单位的年度报告。")
    return render(
        request,
        "oversight/findings.html",
        {
            "title": str(stored),
            "stored": stored,
            "agency": stored.agency,
            "year": stored.year,
            "source": "系统生成",
            "errors": stored.errors,
            "warnings": stored.warnings,
            "findings": _finding_rows(stored.findings),
            "can_assign": False,
        },
    )

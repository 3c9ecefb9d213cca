"""Staff pages of the annual report: the agency's reports by year, one year's report, downloads.

Views check who may see what (annual.permissions: 404 for another agency's report) and call one
action each; an action's GongkaiError is shown as a message, a PermissionDenied is a 403.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from gongkai.errors import GongkaiError
from gongkai.report.model import SECTION_NUMBERS, STANDARD_SECTION_TITLES
from gongkai.web import clock
from gongkai.web.accounts import permissions as accounts
from gongkai.web.accounts.models import Agency
from gongkai.web.annual import actions, display, drilldown, permissions
from gongkai.web.annual.files import file_response
from gongkai.web.annual.models import (
    AnnualReport,
    GovernmentResults,
    PublishedFile,
    State,
    Submission,
    duty_for,
    published_late,
)
from gongkai.web.audit.record import timeline
from gongkai.web.picking import agencies_by_name, picked

MIN_YEAR = 2008  # 条例 in force since 1 May 2008: the first annual reports are on 2008


def _visible_agency(request: HttpRequest, agency_pk: int) -> Agency:
    agency = get_object_or_404(Agency, pk=agency_pk)
    if not permissions.can_view(request.user, agency.pk):
        raise Http404
    return agency


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """The user's agencies and, for the chosen one, its reports by year."""
    agencies = agencies_by_name(accounts.visible_agency_ids(request.user))
    chosen = picked(request, agencies)
    # Prefer an agency the user drafts for when none is asked for (a clerk's own agency).
    if not request.GET.get("agency"):
        chosen = next((a for a in agencies if permissions.can_draft(request.user, a.pk)), chosen)
    reports = (
        AnnualReport.objects.filter(agency=chosen)
        .select_related("published_by")
        .order_by("-year", "-version")
    )
    years: dict[int, list[AnnualReport]] = {}
    for r in reports:
        years.setdefault(r.year, []).append(r)
    today = clock.today()
    rows = []
    for year, versions in years.items():
        published = [v for v in versions if v.state != State.DRAFT]
        first = min((v.published_at for v in published if v.published_at), default=None)
        rows.append(
            {
                "year": year,
                "versions": versions,
                "current": next((v for v in versions if v.state == State.PUBLISHED), None),
                "draft": next((v for v in versions if v.state == State.DRAFT), None),
                "late": first is not None and published_late(chosen, year, first) is True,
            }
        )
    last_year = duty_for(chosen, today.year - 1)
    return render(
        request,
        "annual/index.html",
        {
            "kind": chosen.agency_kind,
            "agencies": agencies,
            "selected": chosen,
            "rows": rows,
            "can_draft": permissions.can_draft(request.user, chosen.pk),
            "default_year": today.year - 1,
            # 条例 第四十九条: last year's report is due by 31 January (部门) or 31 March (县级以上地方
            # 人民政府), or by no statutory date; say so while it is not published.
            "due": None
            if any(r["year"] == today.year - 1 and r["current"] for r in rows)
            else {
                "year": today.year - 1,
                "deadline": last_year.due,
                "note": last_year.note,
                "overdue": last_year.is_late(None, today) is True,
            },
            "min_year": MIN_YEAR,
            "max_year": today.year,
        },
    )


def _tables(agency: Agency, report: AnnualReport, links: bool) -> dict[str, Any]:
    documents, decisions = display.table2_rows(report.data)
    out: dict[str, Any] = {
        "documents": documents,
        "decisions": decisions,
        "table3": display.table3_rows(report.data),
        "table4": display.table4_rows(report.data),
        "headers": display.headers(),
    }
    if links:
        urls = {}
        for rows in (documents, decisions, out["table3"], out["table4"]):
            for row in rows:
                for cell in row.cells:
                    urls[cell.path] = drilldown.cell_url(agency, report.year, cell.path)
        out["urls"] = urls
    return out


@login_required
def year(request: HttpRequest, agency_pk: int, year: int) -> HttpResponse:
    """One year's report: the draft being worked on, the published versions, last year's beside it."""
    agency = _visible_agency(request, agency_pk)
    versions = list(
        AnnualReport.objects.filter(agency=agency, year=year)
        .select_related("published_by")
        .prefetch_related("files")
        .order_by("-version")
    )
    if not versions:
        raise Http404
    wanted = request.GET.get("version", "")
    shown = next((v for v in versions if str(v.version) == wanted), versions[0])
    previous = actions.previous_published(agency.pk, year)
    previous_texts = {s["number"]: s["text"] for s in (previous.sections() if previous else [])}
    current_texts = {s["number"]: s for s in shown.sections()}
    sections = [
        {
            "number": n,
            "title": (current_texts.get(n) or {}).get("title") or STANDARD_SECTION_TITLES[n],
            "text": (current_texts.get(n) or {}).get("text", ""),
            "previous": previous_texts.get(n),
        }
        for n in SECTION_NUMBERS
    ]
    acks = actions.acknowledgements(agency.pk, year)
    findings = display.findings_for(shown.findings, acks)
    user = request.user
    return render(
        request,
        "annual/year.html",
        {
            "agency": agency,
            "year": year,
            "report": shown,
            "versions": versions,
            "previous": previous,
            "sections": sections,
            "findings": findings,
            "pending": sum(1 for f in findings if f.needs_acknowledgement),
            "next_step": display.next_step(shown, sum(1 for f in findings if f.needs_acknowledgement)),
            "tables": _tables(agency, shown, links=True),
            "can_draft": shown.is_draft and permissions.can_draft(user, agency.pk),
            "can_acknowledge": shown.is_draft and permissions.can_acknowledge(user, agency.pk),
            "can_publish": shown.is_draft and permissions.can_publish(user, agency.pk),
            "can_amend": shown.state == State.PUBLISHED
            and shown.version == versions[0].version
            and permissions.can_draft(user, agency.pk),
            "duty": duty_for(agency, year),
            "kind": agency.agency_kind,
            "submissions": Submission.objects.filter(agency=agency, year=year).select_related("submitted_to"),
            "can_submit": shown.state == State.PUBLISHED
            and agency.parent_id is not None
            and permissions.can_publish(user, agency.pk),
            "results": GovernmentResults.objects.filter(agency=agency, year=year).first(),
            "can_record_results": agency.agency_kind.is_peoples_government
            and permissions.can_draft(user, agency.pk),
            "events": timeline(shown),
        },
    )


def _report_for(request: HttpRequest, agency: Agency, year: int) -> AnnualReport:
    version = request.POST.get("version", "")
    if not version.isdigit():
        raise Http404
    return get_object_or_404(AnnualReport, agency=agency, year=year, version=int(version))


def _generate(request: HttpRequest, agency: Agency, year: int) -> AnnualReport:
    keep = request.POST.get("redraft") != "1"
    return actions.do_generate_report(agency, year, acting_user=request.user, keep_narrative=keep)


def _edit(request: HttpRequest, agency: Agency, year: int) -> AnnualReport:
    texts = {n: request.POST[f"section_{n}"] for n in SECTION_NUMBERS if f"section_{n}" in request.POST}
    return actions.do_edit_narrative(_report_for(request, agency, year), texts, acting_user=request.user)


def _check(request: HttpRequest, agency: Agency, year: int) -> AnnualReport:
    return actions.do_check_report(_report_for(request, agency, year), acting_user=request.user)


def _acknowledge(request: HttpRequest, agency: Agency, year: int) -> AnnualReport:
    report = _report_for(request, agency, year)
    actions.do_acknowledge_warning(
        report,
        request.POST.get("rule", ""),
        request.POST.get("cells", ""),
        request.POST.get("reason", ""),
        acting_user=request.user,
    )
    return report


def _submit_for_approval(request: HttpRequest, agency: Agency, year: int) -> AnnualReport:
    return actions.do_submit_for_approval(_report_for(request, agency, year), acting_user=request.user)


def _publish(request: HttpRequest, agency: Agency, year: int) -> AnnualReport:
    return actions.do_publish_report(_report_for(request, agency, year), acting_user=request.user)


def _amend(request: HttpRequest, agency: Agency, year: int) -> AnnualReport:
    return actions.do_start_amendment(_report_for(request, agency, year), acting_user=request.user)


def _submit_to_supervisor(request: HttpRequest, agency: Agency, year: int) -> AnnualReport:
    report = _report_for(request, agency, year)
    actions.do_submit_to_supervisor(report, acting_user=request.user)
    return report


def _results(request: HttpRequest, agency: Agency, year: int) -> AnnualReport:
    fields = ("assessment", "evaluation", "accountability")
    texts = {f: request.POST.get(f, "") for f in fields}
    actions.do_record_government_results(agency, year, texts, acting_user=request.user)
    return _report_for(request, agency, year)


VERBS: dict[str, tuple[Callable[[HttpRequest, Agency, int], AnnualReport], str]] = {
    "submit-to-supervisor": (_submit_to_supervisor, "已报送主管部门"),
    "results": (_results, "已记录工作考核、社会评议和责任追究结果情况，并写入草稿正文第一部分；请重新检查"),
    "generate": (_generate, "已由本年度记录生成表格"),
    "edit": (_edit, "正文已保存；请重新检查"),
    "check": (_check, "检查完成"),
    "acknowledge": (_acknowledge, "已确认该警告"),
    "submit": (_submit_for_approval, "已提交，等待机构负责人或审核人发布"),
    "publish": (_publish, "年度报告已发布"),
    "correct": (_amend, "已生成更正草稿（新版本）"),
}


@login_required
@require_POST
def act(request: HttpRequest, agency_pk: int, year: int, verb: str) -> HttpResponse:
    agency = _visible_agency(request, agency_pk)
    if verb not in VERBS:
        raise Http404
    handler, done = VERBS[verb]
    if verb == "generate" and not MIN_YEAR <= year <= clock.today().year:
        messages.error(request, f"年度应在 {MIN_YEAR} 至 {clock.today().year} 之间")
        return redirect(f"{reverse('annual:index')}?agency={agency.pk}")
    try:
        report = handler(request, agency, year)
    except GongkaiError as exc:
        messages.error(request, exc.message)
        if not AnnualReport.objects.filter(agency=agency, year=year).exists():
            return redirect(f"{reverse('annual:index')}?agency={agency.pk}")
        return redirect("annual:year", agency.pk, year)
    messages.success(request, done)
    return redirect(f"{reverse('annual:year', args=[agency.pk, year])}?version={report.version}")


@login_required
def generate(request: HttpRequest) -> HttpResponse:
    """The index page's form: agency and year in the form, then the per-year action."""
    if request.method != "POST":
        return redirect("annual:index")
    agency_pk, year_text = request.POST.get("agency", ""), request.POST.get("year", "")
    if not agency_pk.isdigit() or not year_text.isdigit():
        messages.error(request, "请选择机构并填写年度（四位数字）")
        return redirect("annual:index")
    return act(request, int(agency_pk), int(year_text), "generate")


@login_required
def download(request: HttpRequest, pk: int) -> HttpResponse:
    """A frozen file of a version (staff; the portal serves the published ones to the public)."""
    f = get_object_or_404(PublishedFile.objects.select_related("report__agency"), pk=pk)
    if not permissions.can_view(request.user, f.report.agency_id):
        raise Http404
    return file_response(f)

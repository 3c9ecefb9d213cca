"""The portal's annual-report pages (条例 第四十九条: agencies publish their annual reports).

Public pages show published versions only, never a draft: the current version (state
``published``) with its frozen HTML, downloads of every frozen format with its SHA-256, and the
earlier versions an amendment (更正) replaced, marked 已更正 and still downloadable as they were.
"""

from __future__ import annotations

from typing import Any

from django.contrib.sitemaps import Sitemap
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from lxml import etree
from lxml import html as lxml_html

from gongkai.web.accounts.models import Agency
from gongkai.web.annual.files import file_response
from gongkai.web.annual.models import SUBMITTED_STATES, AnnualReport, PublishedFile, State
from gongkai.web.picking import YEARS, number_param
from gongkai.web.portal.cache import public_page, render_page


def _published() -> Any:
    return AnnualReport.objects.filter(state__in=SUBMITTED_STATES)


def published_for(agency: Agency) -> Any:
    """The agency's published reports, the current version of each year, newest year first."""
    return _published().filter(agency=agency, state=State.PUBLISHED).order_by("-year")


@public_page
def annual_reports(request: HttpRequest) -> HttpResponse:
    """Every published report, by agency and year (filters: ?agency=, ?year=)."""
    reports = _published().select_related("agency").order_by("agency__name", "-year", "-version")
    agency_id = number_param(request.GET.get("agency"))
    year = number_param(request.GET.get("year"), high=YEARS[-1])
    if agency_id is not None:
        reports = reports.filter(agency_id=agency_id)
    if year is not None:
        reports = reports.filter(year=year)
    groups: dict[tuple[int, int], dict[str, Any]] = {}
    for r in reports.only("agency__name", "year", "version", "state", "published_at", "agency_id"):
        group = groups.setdefault((r.agency_id, r.year), {"agency": r.agency, "year": r.year, "versions": []})
        group["versions"].append(r)
        if r.state == State.PUBLISHED:
            group["current"] = r
    years = sorted(set(_published().values_list("year", flat=True)), reverse=True)
    agencies = Agency.objects.filter(pk__in=_published().values("agency_id")).order_by("name")
    return render_page(
        request,
        "portal/annual_reports.html",
        {
            "groups": list(groups.values()),
            "agencies": agencies,
            "years": years,
            "agency_id": agency_id,
            "year": year,
        },
    )


def frozen_body(content: bytes) -> SafeString:
    """The ``<main>`` of a frozen HTML file, to show inside the portal page.

    The file was written by gongkai.report.render.html (lxml escapes every text); it is parsed and
    serialised again by lxml, with scripts and event attributes removed all the same.
    """
    tree = lxml_html.fromstring(content)
    main = tree.find(".//main")
    if main is None:
        return mark_safe("")
    etree.strip_elements(main, "script", "style", "iframe", "object", with_tail=False)
    for element in main.iter():
        for name in [a for a in element.attrib if str(a).lower().startswith("on")]:
            del element.attrib[name]
    parts = [lxml_html.tostring(child, encoding="unicode") for child in main]
    return mark_safe("".join(parts))


@public_page
def annual_report(request: HttpRequest, agency_pk: int, year: int) -> HttpResponse:
    agency = get_object_or_404(Agency, pk=agency_pk)
    versions = list(
        _published().filter(agency=agency, year=year).prefetch_related("files").order_by("-version")
    )
    if not versions:
        raise Http404
    wanted = request.GET.get("version", "")
    current = next((v for v in versions if v.state == State.PUBLISHED), versions[0])
    shown = next((v for v in versions if str(v.version) == wanted), current)
    html = next((f for f in shown.files.all() if f.fmt == PublishedFile.Format.HTML), None)
    return render_page(
        request,
        "portal/annual_report.html",
        {
            "agency": agency,
            "year": year,
            "report": shown,
            "current": current,
            "versions": versions,
            "body": frozen_body(bytes(html.content)) if html is not None else "",
        },
    )


def annual_file(request: HttpRequest, pk: int) -> HttpResponse:
    f = get_object_or_404(PublishedFile.objects.select_related("report__agency"), pk=pk)
    if f.report.state not in SUBMITTED_STATES:
        raise Http404
    return file_response(f, inline=f.fmt in ("pdf", "html"))


class AnnualReportSitemap(Sitemap):
    changefreq = "yearly"

    def items(self) -> Any:
        return AnnualReport.objects.filter(state=State.PUBLISHED).order_by("agency_id", "year")

    def location(self, report: AnnualReport) -> str:
        return reverse("portal:annual_report", args=[report.agency_id, report.year])

    def lastmod(self, report: AnnualReport) -> Any:
        return report.published_at

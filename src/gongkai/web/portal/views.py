"""The public portal: home, catalogue by agency and heading, item pages, the guide, search.

Public pages read only what is published: ``SearchEntry`` rows (one per item on the portal) and
the item's current ``ItemVersion`` -- never a draft.
"""

from __future__ import annotations

from datetime import date

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme

from gongkai.errors import GongkaiError
from gongkai.web import clock
from gongkai.web.accounts.models import Agency
from gongkai.web.disclosure import permissions as disclosure_permissions
from gongkai.web.disclosure import vocabulary as v
from gongkai.web.disclosure.models import Attachment, Item
from gongkai.web.picking import YEARS, agencies_by_name, number_param, picked
from gongkai.web.portal import headings as headings_of
from gongkai.web.portal import search
from gongkai.web.portal.actions import do_publish_guide
from gongkai.web.portal.cache import LARGE_TEXT_COOKIE, public_page, render_page
from gongkai.web.portal.models import Guide, SearchEntry

PAGE_SIZE = 20
#: The standard catalogue's heading of annual reports: the reports themselves are published by the
#: annual app (条例 第四十九条), not filed as items, and count under it (issue 17).
ANNUAL_HEADING = next(code for code, name, _ in v.STANDARD_HEADINGS if name == "政府信息公开年度报告")

#: The last results page asked for that is not refused (400): an offset the database can hold.
MAX_PAGE = 10**6


def _agency_counts() -> dict[int, int]:
    rows = SearchEntry.objects.values_list("agency_id").annotate(n=Count("pk")).values_list("agency_id", "n")
    return dict(rows)


@public_page
def home(request: HttpRequest) -> HttpResponse:
    latest = SearchEntry.objects.select_related("agency").order_by("-published_on", "-item_id")[:10]
    # Counted at most once a minute per process: the home page is the busiest page.
    counts = cache.get_or_set("portal:agency-counts", _agency_counts, 60)
    agencies = [(a, counts.get(a.pk, 0)) for a in Agency.objects.order_by("name")]
    return render_page(request, "portal/home.html", {"latest": latest, "agencies": agencies})


@public_page
def agency(request: HttpRequest, pk: int) -> HttpResponse:
    """An agency's catalogue: its headings with counts, and the items under the chosen one."""
    ag = get_object_or_404(Agency, pk=pk)
    counts = dict(
        SearchEntry.objects.filter(agency=ag)
        .values_list("category_id")
        .annotate(n=Count("pk"))
        .values_list("category_id", "n")
    )
    # Deactivated headings are not listed; their items stay public under "其他" (see headings.py).
    from gongkai.web.portal.annual_reports import published_for

    reports = list(published_for(ag))
    visible = headings_of.visible_top_headings([ag.pk])
    annual_heading = next((c for c in visible if c.code == ANNUAL_HEADING), None)
    headings = [(c, counts.get(c.pk, 0) + (len(reports) if c == annual_heading else 0)) for c in visible]
    hidden = headings_of.hidden_top_heading_ids(ag.pk)
    other_count = sum(counts.get(pk, 0) for pk in hidden)
    entries = SearchEntry.objects.filter(agency=ag).order_by("-published_on", "-item_id")
    chosen, other_chosen = None, False
    wanted = request.GET.get("category", "")
    if wanted == headings_of.OTHER and other_count:
        other_chosen = True
        entries = entries.filter(category_id__in=hidden)
    elif wanted:
        chosen = next((c for c, _ in headings if str(c.pk) == wanted), None)
        if chosen is None:
            raise Http404
        entries = entries.filter(category=chosen)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    guide = Guide.objects.filter(agency=ag).order_by("-version").first()
    return render_page(
        request,
        "portal/agency.html",
        {
            "agency": ag,
            "headings": headings,
            "chosen": chosen,
            "other_count": other_count,
            "other_chosen": other_chosen,
            "other": headings_of.OTHER,
            "page": page,
            "guide": guide,
            # Under the annual-report heading: the agency's published reports, newest first.
            "reports": reports if chosen is not None and chosen == annual_heading else [],
        },
    )


@public_page
def item(request: HttpRequest, pk: int) -> HttpResponse:
    it = get_object_or_404(
        Item.objects.select_related("agency", "category__parent__parent", "current_version"), pk=pk
    )
    if it.status == v.Status.WITHDRAWN:
        return render_page(request, "portal/withdrawn.html", {"item": it}, status=410)
    if it.current_version is None or it.attribute != v.Attribute.ACTIVE:
        raise Http404
    return render_page(
        request,
        "portal/item.html",
        {
            "item": it,
            "validity": validity(it, clock.today()),
            "heading": headings_of.heading_label(it.category),
            "version": it.current_version,
            "attachments": it.current_version.attachments.all(),
            "versions": it.versions.all(),
        },
    )


def validity(it: Item, today: date) -> str | None:
    """效力状态 of a 规章 or 行政规范性文件 (or any item with a validity period) on ``today``:
    已废止, 已失效 (past 有效期至), 尚未生效 (before 生效日期) or 现行有效 -- the same "in force"
    as table 2's 现行有效 count (disclosure.figures.in_force_on). None for other items."""
    if it.doc_type not in v.COUNTED_TYPES and it.valid_from is None and it.valid_until is None:
        return None
    abolished = it.life_events.filter(kind=v.LifeEventKind.ABOLISHED, on__lte=today).first()
    if abolished is not None:
        return f"已废止（{abolished.on:%Y-%m-%d}）"
    if it.valid_until is not None and it.valid_until < today:
        return "已失效"
    if it.valid_from is not None and it.valid_from > today:
        return "尚未生效"
    return "现行有效"


def attachment(request: HttpRequest, pk: int) -> FileResponse:
    att = get_object_or_404(Attachment.objects.select_related("item"), pk=pk)
    item = att.item
    if (
        item.current_version_id is None
        or item.status == v.Status.WITHDRAWN
        or item.attribute != v.Attribute.ACTIVE
        or not item.current_version.attachments.filter(pk=att.pk).exists()
    ):
        raise Http404  # only the files of the published version (issue 15 point 1)
    return FileResponse(att.file.open("rb"), as_attachment=True, filename=att.name)


@public_page
def guide(request: HttpRequest, agency_pk: int) -> HttpResponse:
    ag = get_object_or_404(Agency, pk=agency_pk)
    versions = list(Guide.objects.filter(agency=ag).order_by("-version"))
    wanted = request.GET.get("version", "")
    shown = next((g for g in versions if str(g.version) == wanted), versions[0] if versions else None)
    return render_page(request, "portal/guide.html", {"agency": ag, "guide": shown, "versions": versions})


@public_page
def search_page(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "")
    doc_type = request.GET.get("type", "")
    filters = search.Filters(
        agency=number_param(request.GET.get("agency")),
        category=number_param(request.GET.get("category")),
        year=number_param(request.GET.get("year"), high=YEARS[-1]),
        doc_type=doc_type if doc_type in v.DocType.labels() else None,
    )
    page_number = number_param(request.GET.get("page"), high=MAX_PAGE) or 1
    results, error = None, ""
    # A filter alone (a type, a year...) lists its items: no keyword needed (issue 17).
    if q.strip() or filters.tags():
        try:
            query = search.Query.parse(q) if q.strip() else search.Query.everything()
            results = search.search(query, filters, limit=PAGE_SIZE, offset=(page_number - 1) * PAGE_SIZE)
        except search.SearchQueryError as exc:
            error = exc.message
    pages = (results.total + PAGE_SIZE - 1) // PAGE_SIZE if results else 0
    # Only headings the public sees (active ones) are offered as filters.
    headings = headings_of.visible_top_headings([filters.agency] if filters.agency else None)
    return render_page(
        request,
        "portal/search.html",
        {
            "q": q,
            "filters": filters,
            "results": results,
            "error": error,
            "page": page_number,
            "pages": pages,
            "agencies": Agency.objects.order_by("name"),
            "headings": headings[:200],
            "doc_types": v.DocType.choices(),
            "years": range(clock.today().year, clock.today().year - 10, -1),
        },
    )


def text_size(request: HttpRequest) -> HttpResponse:
    """Large-text mode for older readers: a cookie, no script needed. A plain link (GET): it
    only sets a display preference, and a page without a form can be cached for everyone."""
    back = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = "/"
    response = redirect(back)
    if request.COOKIES.get(LARGE_TEXT_COOKIE) == "1":
        response.delete_cookie(LARGE_TEXT_COOKIE)
    else:
        response.set_cookie(LARGE_TEXT_COOKIE, "1", max_age=365 * 24 * 3600, samesite="Lax")
    return response


class GuideForm(forms.Form):
    body = forms.CharField(label="指南正文", widget=forms.Textarea(attrs={"rows": 16}))
    published_on = forms.DateField(label="发布日期", widget=forms.DateInput(attrs={"type": "date"}))


@login_required
def guide_edit(request: HttpRequest) -> HttpResponse:
    agencies = agencies_by_name(disclosure_permissions.keeper_agency_ids(request.user))
    ag = picked(request, agencies)
    current = Guide.objects.filter(agency=ag).order_by("-version").first()
    form = GuideForm(
        request.POST or None, initial={"body": current.body if current else "", "published_on": clock.today()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            g = do_publish_guide(
                ag, form.cleaned_data["body"], form.cleaned_data["published_on"], acting_user=request.user
            )
        except GongkaiError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, f"已发布第{g.version}版")
            return redirect("portal:guide", ag.pk)
    return render(
        request,
        "portal/guide_edit.html",
        {"form": form, "agency": ag, "agencies": agencies, "current": current},
    )

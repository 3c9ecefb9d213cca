"""Issue 17 point 8: axe-core's WCAG 2 A/AA rules find nothing on any page, public or staff.

Government websites are held to GB/T 37668-2019《信息技术 互联网内容无障碍可访问性技术要求与测试方法》,
whose requirements follow WCAG 2.0 A/AA; axe-core's wcag2a/wcag2aa/wcag21a/wcag21aa rules test the
automatically checkable part of it.

axe-core comes from PyPI: the ``axe-playwright-python`` dev dependency ships ``axe.min.js``; the file
is injected into the page and ``axe.run`` called directly.

Every page: each persona (the public, a clerk, a reviewer, a head, the city's supervisor, the
administrator) crawls the demo city from its start pages, following the links it is shown, and axe
runs on the first page of each URL pattern. Afterwards every URL pattern of the site must have been
checked or be listed in NOT_PAGES with the reason it is not an HTML page (downloads, feeds, POST-only
actions, the API, Django's admin).
"""

from __future__ import annotations

from importlib import resources
from typing import Any
from urllib.parse import urlsplit

import pytest
from browser_helpers import PHONE, require, shot
from browser_helpers import login_demo as login

pytestmark = pytest.mark.django_db(transaction=True)

#: The issue's desktop width.
WIDE = {"width": 1366, "height": 768}
#: WCAG 2.0 and 2.1, levels A and AA (GB/T 37668 follows WCAG 2.0 A/AA).
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}

#: URL patterns that are not HTML pages a person reads, with the reason.
NOT_PAGES = {
    "logout": "POST only (signs out)",
    "portal:text_size": "switches 大字模式 and redirects back (checked in test_large_text.py)",
    "portal:rss": "RSS feed (XML)",
    "portal:atom": "Atom feed (XML)",
    "portal:sitemap": "sitemap (XML)",
    "portal:attachment": "file download",
    "portal:annual_file": "file download",
    "applications:receipt": "receipt download (PDF/DOCX)",
    "letters:case_letter": "letter download (PDF/DOCX)",
    "replies:letter": "letter download (PDF/DOCX)",
    "replies:attachment": "attachment download",
    "replies:receipt": "delivery receipt download",
    "annual:download": "report file download",
    "oversight:export": "XLSX download",
    "oversight:progress": "JSON progress of a checking job",
    "disclosure:act": "POST only (an item's actions)",
    "annual:act": "POST only (a report's actions)",
    "annual:generate": "POST only (generates a draft)",
    "oversight:assign": "POST only (assigns an upload)",
    "appeals:result": "POST only (records a result)",
    "applications:track_letter": "letter download (PDF), posted with the number and query code",
    "oversight:confirm": "POST only (confirms an upload's assignment)",
    "oversight:delete_upload": "POST only (deletes an upload)",
    "oversight:recheck": "POST only (checks an upload again)",
}
#: Prefixes of POST-only case actions (each a form on the case page, checked there) and of the API.
NOT_PAGE_PREFIXES = {
    "api:": "the REST API (JSON)",
    "replies:": "POST only: the reply panel's forms on the case page",
}
CASE_ACTIONS = {
    "assign",
    "request_correction",
    "receive_correction",
    "close_missing_correction",
    "request_extension",
    "approve_extension",
    "start_consultation",
    "third_party",
    "end_consultation",
    "third_party_answer",
    "third_party_decision",
    "fee_notice",
    "fee_paid",
    "fee_lapsed",
    "refuse_extension",
    "withdraw_extension",
    "refer_lapse",
    "lapse_confirm",
    "lapse_excuse",
    "reasons_request",
    "reasons_answer",
    "later_date",
}

#: (persona, start pages). The demo's accounts: 平湖市科学技术局's clerk, reviewer and head, the
#: city office's supervisor and the administrator.
PERSONAS = [
    (None, ["/", "/open/", "/apply/", "/track/", "/search/?q=2025", "/open/annual-reports/", "/login/"]),
    ("kj_clerk", ["/work/", "/work/disclosure/", "/work/annual/", "/work/appeals/", "/work/letters/"]),
    ("kj_reviewer", ["/work/", "/work/disclosure/?tab=review"]),
    ("kj_head", ["/work/", "/work/annual/"]),
    ("gongkaiban", ["/work/oversight/", "/work/"]),
    ("admin", ["/calendar/", "/calendar/new/"]),
]


def _pattern_names() -> set[str]:
    from django.urls import URLPattern, URLResolver, get_resolver

    names: set[str] = set()

    def walk(patterns: list[Any], namespace: str | None) -> None:
        for p in patterns:
            if isinstance(p, URLResolver):
                if p.namespace != "admin":
                    walk(p.url_patterns, p.namespace or namespace)
            elif isinstance(p, URLPattern) and p.name:
                names.add(f"{namespace}:{p.name}" if namespace else p.name)

    walk(get_resolver().url_patterns, None)
    return names


def _not_a_page(name: str) -> str | None:
    if name in NOT_PAGES:
        return NOT_PAGES[name]
    for prefix, reason in NOT_PAGE_PREFIXES.items():
        if name.startswith(prefix):
            return reason
    if name.startswith("applications:") and name.split(":")[1] in CASE_ACTIONS:
        return "POST only: a case action, its form is on the case page"
    return None


def _view_name(url: str) -> str | None:
    from django.urls import Resolver404, resolve

    try:
        return resolve(urlsplit(url).path).view_name
    except Resolver404:
        return None


def axe_violations(page: Any) -> list[str]:
    """axe-core's WCAG 2 A/AA violations on the page, one line each (rule, impact, nodes)."""
    script = resources.files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")
    page.evaluate(script)
    result = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    return [
        f"{v['id']} ({v['impact']}, {len(v['nodes'])}): "
        + " | ".join(
            " ".join(n["target"][:1]) + " " + n.get("failureSummary", "")[:160] for n in v["nodes"][:4]
        )
        for v in result["violations"]
    ]


def _crawl(page: Any, origin: str, starts: list[str], seen: set[str], found: dict[str, list[str]]) -> None:
    queue = list(starts)
    while queue:
        url = queue.pop(0)
        name = _view_name(url)
        if name is None or name in seen or _not_a_page(name) or name.startswith("admin:"):
            continue
        seen.add(name)
        response = page.goto(url)
        assert response is not None and response.ok, f"{url}: {response and response.status}"
        page.wait_for_load_state()
        problems = axe_violations(page)
        if problems:
            found[url] = problems
            shot(page, "axe-" + name.replace(":", "-"))
        for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
            parts = urlsplit(href)
            if f"{parts.scheme}://{parts.netloc}" == origin and parts.path:
                queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))


def _pages_behind_records() -> dict[str, list[str]]:
    """Start pages that only exist once there are records the demo does not make: a supervisor's
    upload of another report file (its checking job and findings), an entered holiday schedule,
    an appeal (listed for its own agency's staff)."""
    from django.utils import timezone

    from gongkai.web.accounts.models import Agency, User
    from gongkai.web.annual.models import PublishedFile
    from gongkai.web.appeals.models import Appeal
    from gongkai.web.applications import submission_keys
    from gongkai.web.applications.actions import do_submit_application
    from gongkai.web.applications.vocabulary import SubmissionChannel
    from gongkai.web.demo.people import PEOPLE
    from gongkai.web.oversight.actions import IncomingFile, do_upload_reports
    from gongkai.web.workdays.actions import do_save_schedule
    from gongkai.web.workdays.models import HolidaySchedule
    from webtesting import APPLICANT

    supervisor = User.objects.get(username="gongkaiban")
    office = Agency.objects.get(name="示例市人民政府办公室")
    report = PublishedFile.objects.filter(fmt="docx").select_related("report__agency").first()
    assert report is not None
    job = do_upload_reports(
        office,
        report.report.year,
        [
            IncomingFile(
                f"{report.report.agency.name}{report.report.year}年度报告.docx", bytes(report.content)
            )
        ],
        acting_user=supervisor,
    )
    admin = User.objects.get(username="admin")
    schedule = HolidaySchedule(year=2027, holidays=["2027-01-01"], workdays=[], source="测试录入")
    do_save_schedule(schedule, acting_user=admin)
    appeal = Appeal.objects.select_related("agency").order_by("pk").first()
    assert appeal is not None
    clerk = next(u for u, _, role, agency in PEOPLE if agency == appeal.agency.name and role == "clerk")
    # The receipt page a member of the public sees after filing (addressed by the form's one-time key).
    key = submission_keys.new_key()
    do_submit_application(
        appeal.agency,
        dict(APPLICANT),
        channel=SubmissionChannel.ONLINE,
        submitted_at=timezone.now(),
        acting_user=None,
        submission_key=key,
    )
    return {
        None: [f"/apply/received/{key}/"],
        "gongkaiban": [f"/work/oversight/jobs/{job.pk}/"],
        "admin": [f"/calendar/{schedule.pk}/"],
        clerk: [f"/work/appeals/{appeal.pk}/"],
        "kj_clerk": ["/work/disclosure/guide/"],
    }


def test_axe_finds_nothing_on_any_page(open_page: Any, live_server: Any, demo: Any) -> None:
    require(
        resources.files("axe_playwright_python").joinpath("axe.min.js").is_file(),
        "axe-core is not installed (pip install -e '.[dev]': axe-playwright-python)",
    )
    extra = _pages_behind_records()
    found: dict[str, list[str]] = {}
    checked: set[str] = set()
    personas = [(u, starts + extra.pop(u, [])) for u, starts in PERSONAS]
    personas += [(u, starts) for u, starts in extra.items()]
    for username, starts in personas:
        page = open_page(WIDE)
        if username:
            login(page, username)
        seen: set[str] = set()
        _crawl(page, live_server.url, starts, seen, found)
        checked |= seen
        page.context.close()
    # The error pages (404 here; 403 once signed in as someone without the right).
    page = open_page(WIDE)
    response = page.goto("/open/items/999999/")
    assert response is not None and response.status == 404
    if problems := axe_violations(page):
        found["404"] = problems
    assert not found, "axe-core (WCAG 2 A/AA) violations:\n" + "\n".join(
        f"{url}\n  " + "\n  ".join(lines) for url, lines in found.items()
    )
    missing = sorted(n for n in _pattern_names() if n not in checked and not _not_a_page(n))
    assert not missing, f"pages no persona reached (add a start page): {missing}"


def test_axe_on_the_phone_width(open_page: Any, live_server: Any, demo: Any) -> None:
    """The phone layout (390 px) of the busiest public and staff pages passes too."""
    found: dict[str, list[str]] = {}
    public = open_page(PHONE)
    clerk = open_page(PHONE)
    login(clerk, "kj_clerk")
    supervisor = open_page(PHONE)
    login(supervisor, "gongkaiban")
    pages = [
        (public, "/open/"),
        (public, "/search/?q=2025"),
        (public, "/open/annual-reports/"),
        (clerk, "/work/"),
        (clerk, "/work/disclosure/"),
        (clerk, "/work/annual/"),
        (supervisor, "/work/oversight/2025/"),
        (supervisor, "/work/oversight/2025/combined/"),
    ]
    for page, url in pages:
        page.goto(url)
        if problems := axe_violations(page):
            found[url] = problems
        shot(page, "axe-phone-" + url.strip("/").replace("/", "-").replace("?", "-"))
    assert not found, found

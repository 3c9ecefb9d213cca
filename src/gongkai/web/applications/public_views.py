"""The public's views of the applications app: the application form and its receipt
(POST/redirect/GET with a one-time submission key), the progress page and the applicant's
letters, the receipt documents."""

from __future__ import annotations

import contextlib
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from gongkai.web import clock as time_seam
from gongkai.web.applications import (
    actions,
    clock,
    forms,
    masking,
    numbering,
    permissions,
    progress,
    ratelimit,
    receipt,
    submission_keys,
)
from gongkai.web.applications import vocabulary as v
from gongkai.web.applications.models import Application, SubmissionKey
from gongkai.web.workdays.calendars import calendar_for

#: The cases this browser filed or tracked (their receipts may be downloaded).
PUBLIC_SESSION_KEY = "gongkai_public_cases"


def apply(request: HttpRequest) -> HttpResponse:
    """The public form. A filed form redirects to its receipt (POST/redirect/GET); filing the same
    form again (its one-time key, applications.submission_keys) shows that receipt again."""
    if request.method == "POST" and filed_with(request.POST.get(submission_keys.FIELD_NAME, "")):
        return redirect("applications:submitted", key=request.POST[submission_keys.FIELD_NAME])
    form = forms.ApplicantForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        limit, window = settings.GONGKAI_SUBMIT_RATE
        if not ratelimit.hit(request, "submit", limit, window):
            return render(request, "applications/rate_limited.html", status=429)
        if form.is_valid():
            data = {k: form.cleaned_data[k] for k in forms.APPLICANT_FIELDS}
            earlier = submission_keys.filed_before(request.session, data)
            if earlier is not None and filed_with(earlier) is not None:  # back to the form, sent again
                return redirect("applications:submitted", key=earlier)
            key = form.cleaned_data[submission_keys.FIELD_NAME]
            # A concurrent POST of the same form may have filed it: then show that receipt.
            with contextlib.suppress(actions.AlreadySubmitted):
                actions.do_submit_application(
                    data["agency"],
                    data,
                    channel=v.SubmissionChannel.ONLINE,
                    submitted_at=time_seam.now(),  # looked up per call: tests fix the seam
                    attachments=form.cleaned_data["attachments"],
                    acting_user=None,
                    submission_key=key,
                )
            submission_keys.remember(request.session, data, key)
            return redirect("applications:submitted", key=key)
    return render(request, "applications/apply.html", {"form": form})


def filed_with(key: str) -> tuple[Application, str] | None:
    """The application filed with the form key ``key`` and its query code, if the key is ours
    and was used."""
    if not key or not submission_keys.valid(key, max_age=None):
        return None
    used = (
        SubmissionKey.objects.filter(key_hash=submission_keys.key_hash(key), application__isnull=False)
        .select_related("application__agency")
        .first()
    )
    if used is None or used.application is None:
        return None
    return used.application, submission_keys.unseal(key, used.sealed_code)


def filed_earlier(request: HttpRequest, data: dict[str, Any]) -> tuple[Application, str] | None:
    """The application this browser already filed with the very same form (submission_keys.filed_before)."""
    key = submission_keys.filed_before(request.session, data)
    return filed_with(key) if key is not None else None


def submitted(request: HttpRequest, key: str) -> HttpResponse:
    """The receipt of a filed form, addressed by the form's one-time key (only its holder knows it)."""
    filed = filed_with(key)
    if filed is None:
        raise Http404
    app, code = filed
    known = request.session.get(PUBLIC_SESSION_KEY, [])
    if app.pk not in known:
        request.session[PUBLIC_SESSION_KEY] = [*known, app.pk][-20:]
    context = {
        "app": app,
        "code": code,
        "deadlines": clock.shown_deadlines(app, calendar_for(app.agency)),
    }
    response = render(request, "applications/submitted.html", context)
    response["Cache-Control"] = "no-store"  # the query code is on it
    response["Referrer-Policy"] = "no-referrer"  # the key is in the address
    return response


#: The progress page and its letter downloads share one budget per address: 30 tries an hour.
TRACK_RATE = (30, 3600)


def _tracked(request: HttpRequest, form: forms.TrackForm) -> Application | None:
    """The case of a valid number and query code (a form error otherwise)."""
    if not form.is_valid():
        return None
    # The number may be typed with other brackets or as the bare serial (issue 17): the query code,
    # checked against each case it may mean, tells which one it is.
    typed = numbering.applications_numbered(form.cleaned_data["number"])
    for candidate in typed.select_related("agency")[:50]:
        if numbering.check_query_code(candidate.number, form.cleaned_data["code"], candidate.query_code_hash):
            return candidate
    form.add_error(None, "登记编号或查询码不正确。")
    return None


def track(request: HttpRequest) -> HttpResponse:
    form = forms.TrackForm(request.POST or None)
    app = None
    if request.method == "POST":
        if not ratelimit.hit(request, "track", *TRACK_RATE):
            return render(request, "applications/rate_limited.html", status=429)
        app = _tracked(request, form)
        if app is not None:
            request.session[PUBLIC_SESSION_KEY] = [*request.session.get(PUBLIC_SESSION_KEY, []), app.pk][-20:]
    context: dict[str, Any] = {"form": form, "app": app}
    if app is not None:
        context.update(progress.context(app))
        context["masked_name"] = masking.applicant_name(app)
        context["deadlines"] = clock.shown_deadlines(app, calendar_for(app.agency)) if app.is_open else {}
    response = render(request, "applications/track.html", context)
    response["Cache-Control"] = "no-store"  # the query code is in the page's download forms
    return response


@require_POST
def track_letter(request: HttpRequest) -> HttpResponse:
    """A letter addressed to the applicant, as PDF: only with the case's number and query code
    (posted again with each download), rate-limited with the progress form."""
    if not ratelimit.hit(request, "track", *TRACK_RATE):
        return render(request, "applications/rate_limited.html", status=429)
    app = _tracked(request, forms.TrackForm(request.POST))
    found = progress.letter_file(app, request.POST.get("letter", "")) if app is not None else None
    if found is None:
        raise Http404
    body, mime, name = found
    response = HttpResponse(body, content_type=mime)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name, safe='')}"
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _may_download_receipt(request: HttpRequest, app: Application) -> bool:
    return app.pk in request.session.get(PUBLIC_SESSION_KEY, []) or permissions.can_view(request.user, app)


def receipt_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    app = get_object_or_404(Application.objects.select_related("agency"), pk=pk)
    if not _may_download_receipt(request, app):
        raise Http404
    # The applicant (by its query code) and the handling agency's staff see the name in full;
    # a supervisor sees it masked, as on the case page and in the API (issue 15 point 9).
    full = app.pk in request.session.get(PUBLIC_SESSION_KEY, []) or permissions.can_see_personal_data(
        request.user, app
    )
    if fmt == "docx":
        body, mime = receipt.render_docx(app, full_name=full), receipt.DOCX_MIME
    elif fmt == "pdf":
        body, mime = receipt.render_pdf(app, full_name=full), "application/pdf"
    else:
        raise Http404
    response = HttpResponse(body, content_type=mime)
    response["Content-Disposition"] = f'attachment; filename="receipt-{app.pk}.{fmt}"'
    return response

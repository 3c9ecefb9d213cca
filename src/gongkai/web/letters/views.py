"""Letter template pages (agency heads and administrators) and the case letters' downloads."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from gongkai.errors import GongkaiError
from gongkai.web.accounts import permissions as accounts
from gongkai.web.accounts.models import Agency
from gongkai.web.applications import permissions as application_permissions
from gongkai.web.letters import actions, case_letters, permissions
from gongkai.web.letters.models import CaseLetter, LetterTemplate
from gongkai.web.letters.samples import SAMPLE_NOTICE, sample_facts
from gongkai.web.letters.templates import template_for


def _kind(kind: str) -> Any:
    from gongkai.letters import LetterKind

    try:
        return LetterKind(kind)
    except ValueError:
        raise Http404 from None


def _agency(request: HttpRequest, agency_id: int) -> Agency:
    if not permissions.can_edit_templates(request.user, agency_id):
        raise PermissionDenied
    return get_object_or_404(Agency, pk=agency_id)


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """The agencies whose templates the user edits, each with its letter kinds."""
    from gongkai.letters import LetterKind

    if not accounts.is_staff_member(request.user):
        raise PermissionDenied
    # Staff without the right see the page with an explanation (the menu shows it to all staff).
    ids = permissions.template_agency_ids(request.user)
    # The current (latest) version per (agency, kind): one query, newest first per key.
    latest: dict[tuple[int, str], str] = {}
    for agency_id, kind, text in (
        LetterTemplate.objects.filter(agency_id__in=ids)
        .order_by("agency_id", "kind", "-version")
        .values_list("agency_id", "kind", "text")
    ):
        latest.setdefault((agency_id, kind), text)
    agencies = [
        {
            "agency": a,
            "kinds": [
                {"kind": k, "label": k.label, "edited": bool(latest.get((a.pk, k.value)))} for k in LetterKind
            ],
        }
        for a in Agency.objects.filter(pk__in=ids).order_by("name")
    ]
    return render(request, "letters/index.html", {"agencies": agencies})


@login_required
def edit(request: HttpRequest, agency_id: int, kind: str) -> HttpResponse:
    """Edit one template: save (validated), preview with sample facts (示例), reset to default."""
    from gongkai.letters import compose, default_template, letter_text, template_fields

    agency = _agency(request, agency_id)
    letter_kind = _kind(kind)
    text = template_for(agency, letter_kind)
    errors: list[str] = []
    preview = ""
    if request.method == "POST":
        op = request.POST.get("op", "save")
        if op == "reset":
            actions.do_reset_letter_template(agency, letter_kind.value, acting_user=request.user)
            messages.success(request, "已恢复为默认模板。")
            return redirect("letters:edit", agency_id=agency.pk, kind=letter_kind.value)
        text = request.POST.get("text", "")
        if op == "preview":
            try:
                preview = letter_text(
                    compose(letter_kind, sample_facts(letter_kind, agency.name), template=text)
                )
            except GongkaiError as exc:
                errors.append(exc.message)
        else:
            try:
                actions.do_save_letter_template(agency, letter_kind.value, text, acting_user=request.user)
            except GongkaiError as exc:
                errors.append(exc.message)
            else:
                messages.success(request, "模板已保存。")
                return redirect("letters:edit", agency_id=agency.pk, kind=letter_kind.value)
    history = LetterTemplate.objects.filter(agency=agency, kind=letter_kind.value).select_related(
        "updated_by"
    )
    return render(
        request,
        "letters/edit.html",
        {
            "agency": agency,
            "kind": letter_kind,
            "text": text,
            "errors": errors,
            "preview": preview,
            "sample_notice": SAMPLE_NOTICE,
            "fields": template_fields(letter_kind),
            "is_default": text == default_template(letter_kind),
            "history": history[:20],
        },
    )


@login_required
def case_letter(request: HttpRequest, pk: int, lid: int, fmt: str) -> HttpResponse:
    """A procedural letter of a case, for the handling agency's own staff (the letter names the
    applicant; supervisors and other agencies get 404 as for any case they cannot read)."""
    if fmt not in ("docx", "pdf"):
        raise Http404
    row = get_object_or_404(CaseLetter.objects.select_related("application__agency", "event"), pk=lid)
    app = row.application
    if app.pk != pk or not application_permissions.can_see_personal_data(request.user, app):
        raise Http404
    try:
        out = case_letters.render(row, fmt)
    except GongkaiError as exc:
        messages.error(request, exc.message)
        return redirect("applications:detail", pk=app.pk)
    response = HttpResponse(out.body, content_type=out.mime)
    response["Content-Disposition"] = f'attachment; filename="{out.filename}"'
    return response

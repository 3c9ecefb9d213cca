"""Views of the reply panel on the case page: each validates its form and calls one action.

The case is looked up with ``applications.case_views.visible_case`` (404 outside the user's
agencies); steps that take only simple fields use its ``case_action`` factory.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from gongkai.errors import GongkaiError
from gongkai.web.applications import case_views
from gongkai.web.applications.models import Application
from gongkai.web.clock import today
from gongkai.web.replies import actions, forms, permissions
from gongkai.web.replies.models import Delivery, IssuedLetter, ReplyAttachment

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _back(app: Application) -> HttpResponseRedirect:
    return redirect(reverse("applications:detail", args=[app.pk]) + "#reply")


def _errors(request: HttpRequest, form: Any, formset: Any = None) -> None:
    errors = [str(e) for items in form.errors.values() for e in items]
    if formset is not None:
        errors += [str(e) for sub in formset.forms for items in sub.errors.values() for e in items]
        errors += [str(e) for e in formset.non_form_errors()]
    messages.error(request, "提交的内容有误：" + "；".join(errors))


def _attachment(app: Application, aid: int) -> ReplyAttachment:
    return get_object_or_404(ReplyAttachment, pk=aid, reply__application=app)


def _with_form(
    form_class: Any, lookup: Callable[..., Any] | None = None
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """A POST view of the reply panel that takes the case and the posted ``form_class``, valid:
    an invalid form goes back to the panel with its errors. The URL's other ids go to
    ``lookup(app, **ids)``, which finds what they name within the case (404 when it is not there)
    before the form is read, and ``view`` gets it ahead of the form."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @login_required
        @require_POST
        @functools.wraps(view)
        def run(request: HttpRequest, pk: int, **ids: int) -> HttpResponse:
            app = case_views.visible_case(request, pk)
            found = [] if lookup is None else [lookup(app, **ids)]
            form = form_class(request.POST, request.FILES)
            if not form.is_valid():
                _errors(request, form)
                return _back(app)
            return view(request, app, *found, form)

        return run

    return decorate


def _run(
    request: HttpRequest, app: Application, success: str, action: Any, *args: Any, **kwargs: Any
) -> HttpResponseRedirect:
    """Run ``action(*args, **kwargs)`` as the user; back to the reply panel with ``success`` or
    the reason the step was refused."""
    try:
        action(*args, acting_user=request.user, **kwargs)
    except GongkaiError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, success)
    return _back(app)


@login_required
@require_POST
def save_draft(request: HttpRequest, pk: int) -> HttpResponse:
    app = case_views.visible_case(request, pk)
    form = forms.ReplyForm(request.POST)
    formset = forms.WithheldFormSet(request.POST, prefix="withheld")
    if not (form.is_valid() and formset.is_valid()):
        _errors(request, form, formset)
        return _back(app)
    draft = forms.draft_data(form, formset)
    return _run(request, app, "答复草稿已保存。", actions.do_save_reply_draft, app, draft, on=today())


submit = case_views.case_action(
    actions.do_submit_reply_for_review, "已提交审核。", arguments=lambda d: {"on": today()}
)
return_for_changes = case_views.case_action(
    actions.do_return_reply,
    "已退回修改。",
    form_class=forms.CommentForm,
    arguments=lambda d: {"comment": d["comment"], "on": today()},
)
approve = case_views.case_action(
    actions.do_approve_reply,
    "审核通过。",
    form_class=forms.CommentForm,
    arguments=lambda d: {"comment": d["comment"], "on": today()},
)
issue = case_views.case_action(
    actions.do_issue_reply_letter,
    "答复书已出具，可下载 Word 和 PDF。",
    form_class=forms.IssueForm,
    arguments=case_views.form_fields("issued_on"),
)


@_with_form(forms.AttachmentForm)
def add_attachment(request: HttpRequest, app: Application, form: Any) -> HttpResponse:
    upload = form.cleaned_data["file"]
    return _run(request, app, f"已添加附件“{upload.name}”。", actions.do_add_reply_attachment, app, upload)


@login_required
@require_POST
def redact_attachment(request: HttpRequest, pk: int, aid: int) -> HttpResponse:
    app = case_views.visible_case(request, pk)
    attachment = _attachment(app, aid)
    return _run(
        request, app, "已生成脱敏后的文件并替换原附件。", actions.do_redact_reply_attachment, attachment
    )


@_with_form(forms.JustifyForm, lookup=_attachment)
def justify_attachment(
    request: HttpRequest, app: Application, attachment: ReplyAttachment, form: Any
) -> HttpResponse:
    text = form.cleaned_data["text"]
    return _run(request, app, "已记录保留理由。", actions.do_justify_reply_attachment, attachment, text=text)


def _file_response(body: bytes, mime: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=mime)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{_quote(filename)}"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _quote(name: str) -> str:
    from urllib.parse import quote

    return quote(name, safe="")


@login_required
def download_attachment(request: HttpRequest, pk: int, aid: int) -> HttpResponse:
    app = case_views.visible_case(request, pk)
    attachment = _attachment(app, aid)
    if not permissions.can_read_letters(request.user, app):
        raise PermissionDenied
    with attachment.file.open("rb") as handle:
        body = handle.read()
    return _file_response(body, "application/octet-stream", attachment.original_name)


@login_required
def download_letter(request: HttpRequest, pk: int, lid: int, fmt: str) -> HttpResponse:
    app = case_views.visible_case(request, pk)
    if not permissions.can_read_letters(request.user, app):
        raise PermissionDenied
    letter = get_object_or_404(IssuedLetter, pk=lid, application=app)
    if fmt == "docx":
        body, mime = bytes(letter.docx), DOCX_MIME
    elif fmt == "pdf":
        body, mime = bytes(letter.pdf), "application/pdf"
    else:
        raise Http404
    return _file_response(body, mime, f"{letter.kind_label}-{letter.document_number}.{fmt}")


@_with_form(forms.DeliveryForm)
def record_delivery(request: HttpRequest, app: Application, form: Any) -> HttpResponse:
    return _run(
        request, app, "已登记送达，案件已办结。", actions.do_record_delivery, app, form.proof(), today=today()
    )


@login_required
def download_receipt(request: HttpRequest, pk: int, did: int) -> HttpResponse:
    app = case_views.visible_case(request, pk)
    if not permissions.can_read_letters(request.user, app):
        raise PermissionDenied
    delivery = get_object_or_404(Delivery, pk=did, application=app)
    if not delivery.receipt:
        raise Http404
    with delivery.receipt.open("rb") as handle:
        body = handle.read()
    return _file_response(body, "application/octet-stream", delivery.receipt.name.rsplit("/", 1)[-1])

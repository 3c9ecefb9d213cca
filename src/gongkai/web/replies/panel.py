"""What the reply panel on the case page shows (``replies/_case_panel.html``), per role and state."""

from __future__ import annotations

from datetime import date
from typing import Any

from gongkai.web.applications.models import Application
from gongkai.web.replies import actions, composing, forms, permissions
from gongkai.web.replies.models import Reply
from gongkai.workflow.cases import CaseState
from gongkai.workflow.outcomes import OUTCOMES


def panel_context(user: Any, app: Application, today: date) -> dict[str, Any]:
    state = CaseState(app.status)
    reply = (
        Reply.objects.filter(application=app)
        .select_related("application__agency")
        .prefetch_related("withheld_parts", "attachments", "comments__reviewer")
        .first()
    )
    drafter = permissions.can_draft(user, app)
    reviewer = permissions.can_review(user, app)
    editable = drafter and state in actions.DRAFTABLE_STATES
    # The letter names the applicant in full: only the agency's own staff see it (a supervisor
    # sees the case masked, applications.permissions.can_see_personal_data).
    readers = permissions.can_read_letters(user, app)
    preview = (
        composing.preview(reply, today)
        if readers and reply is not None and state not in (CaseState.ISSUED, CaseState.CLOSED)
        else None
    )
    attachments = list(reply.attachments.all()) if reply is not None else []
    return {
        "show": reply is not None or editable,
        "reply": reply,
        "outcome": OUTCOMES[reply.outcome] if reply is not None else None,
        "withheld": list(reply.withheld_parts.all()) if reply is not None else [],
        "comments": list(reply.comments.all()) if reply is not None else [],
        "attachments": attachments,
        "preview": preview,
        "editable": editable,
        "form": forms.ReplyForm(initial=forms.ReplyForm.initial_for(reply)) if editable else None,
        "formset": forms.WithheldFormSet(prefix="withheld", initial=forms.withheld_initial(reply))
        if editable
        else None,
        "can_attach": drafter and reply is not None and state in actions.ATTACHABLE_STATES,
        "can_submit": drafter and reply is not None and state is CaseState.REPLY_DRAFTED,
        "can_review": reviewer and state is CaseState.UNDER_REVIEW,
        "can_justify": reviewer and state in actions.JUSTIFIABLE_STATES,
        "can_issue": drafter and state is CaseState.APPROVED,
        "can_deliver": drafter and state is CaseState.ISSUED,
        "can_read_letters": readers,
        "comment_form": forms.CommentForm(),
        "attachment_form": forms.AttachmentForm(),
        "justify_form": forms.JustifyForm(),
        "issue_form": forms.IssueForm(initial={"issued_on": today}),
        "delivery_form": forms.DeliveryForm(initial={"delivered_on": today}),
        "letters": list(app.issued_letters.order_by("issued_on", "pk").defer("docx", "pdf")),
        "deliveries": list(app.deliveries.order_by("delivered_on", "pk")),
    }

"""The receipt (接收回执) given to an applicant, as DOCX and PDF, from the agency's RECEIPT template.

The letter is composed by gongkai.letters from the agency's current 回执 template
(letters.templates.template_for): letterhead, applicant, 登记编号, 收到申请之日, the request, the
statutory periods. The details the template has no placeholders for -- the masked identity
document and phone, the channel, the requested form and the reply due date -- are appended by
the system as the receipt's last paragraphs, so that no template can drop them. Personal numbers
are masked (the receipt may be photographed).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from gongkai.web.applications import clock
from gongkai.web.applications import vocabulary as v
from gongkai.web.applications.masking import applicant_name, mask_id, mask_phone
from gongkai.web.applications.models import Application
from gongkai.web.workdays.calendars import calendar_for

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TITLE = "政府信息公开申请接收回执"


def receipt_lines(app: Application) -> list[tuple[str, str]]:
    """The system's details of the receipt (beyond the template's own fields): the deadlines as
    far as the known calendar reaches them (clock.shown_deadlines), or what is missing."""
    shown = clock.shown_deadlines(app, calendar_for(app.agency))
    deadlines = (
        [("补正告知期限", shown["correction_notice_due"]), ("答复期限", shown["due"])]
        if shown
        else [("答复期限", "待收到申请之日确定后计算")]
    )
    return [
        ("身份证明", f"{v.IdType.of(app.id_type).label} {mask_id(app.id_number)}"),
        ("联系电话", mask_phone(app.phone)),
        ("提交方式", v.SubmissionChannel.of(app.channel).label),
        (
            "提供形式",
            f"{v.InformationFormat.of(app.delivery_form).label}，{v.ObtainingMethod.of(app.delivery_method).label}",
        ),
        *deadlines,
    ]


def letter(app: Application, *, full_name: bool = True) -> Any:
    """The receipt as a gongkai.letters.Letter (LetterError if the template drops an element).

    The applicant's name in full only when ``full_name`` (the applicant, the handling agency's
    staff); masked by ``masking.shown_name`` otherwise, as on the case page and in the API."""
    from gongkai.letters import LetterKind, Paragraph, compose
    from gongkai.web.letters.case_letters import receipt_facts
    from gongkai.web.letters.templates import template_for

    facts = replace(receipt_facts(app), applicant_name=applicant_name(app, full=full_name))
    composed = compose(LetterKind.RECEIPT, facts, template=template_for(app.agency, LetterKind.RECEIPT))
    extra = tuple(Paragraph(f"{label}：{value}") for label, value in receipt_lines(app))
    return replace(composed, paragraphs=composed.paragraphs + extra)


def render_docx(app: Application, *, full_name: bool = True) -> bytes:
    from gongkai.letters import render_docx as render

    return render(letter(app, full_name=full_name))


def render_pdf(app: Application, *, full_name: bool = True) -> bytes:
    from gongkai.letters import render_pdf as render

    return render(letter(app, full_name=full_name))

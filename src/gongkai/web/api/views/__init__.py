"""The REST API's views: they check access (api.access), validate input (serializers, then the
web's forms for the rules) and call one action of applications.actions each -- as the HTML
views do. Reads mask applicants' personal data as the web does. One module per noun:
applications (list, detail, events), case_actions, letters (outcomes and letters)."""

from __future__ import annotations

from gongkai.web.api.views.applications import ApplicationDetail, ApplicationList, EventList
from gongkai.web.api.views.case_actions import (
    approve_extension,
    assign,
    confirm_lapse,
    end_consultation,
    receive_correction,
    record_good_cause,
    record_reasons_answer,
    refer_lapse,
    request_correction,
    request_extension,
    request_reasons,
    set_later_date,
    start_consultation,
)
from gongkai.web.api.views.letters import CaseOutcome, LetterList, OutcomeList, letter_docx, letter_pdf

__all__ = [
    "ApplicationDetail",
    "ApplicationList",
    "CaseOutcome",
    "EventList",
    "LetterList",
    "OutcomeList",
    "approve_extension",
    "assign",
    "confirm_lapse",
    "end_consultation",
    "letter_docx",
    "letter_pdf",
    "receive_correction",
    "record_good_cause",
    "record_reasons_answer",
    "refer_lapse",
    "request_correction",
    "request_extension",
    "request_reasons",
    "set_later_date",
    "start_consultation",
]

"""Routes of the REST API, all under /api/ (the OpenAPI document at /api/openapi.json); gongkai.web.urls
mounts them in the namespace "api"."""

from django.urls import path, register_converter
from drf_spectacular.views import SpectacularJSONAPIView

from gongkai.web.api import views


class SignedInt:
    """Ids in paths: negative numbers reach the view too, so that every malformed id gets the
    API's JSON 404 rather than the site's HTML page."""

    regex = "-?[0-9]+"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(SignedInt, "id")

_CASE = "api/applications/<id:pk>/"

urlpatterns = [
    path("api/openapi.json", SpectacularJSONAPIView.as_view(), name="schema"),
    path("api/applications/", views.ApplicationList.as_view(), name="applications"),
    path(_CASE, views.ApplicationDetail.as_view(), name="application"),
    path(f"{_CASE}events/", views.EventList.as_view(), name="events"),
    path(f"{_CASE}outcome/", views.CaseOutcome.as_view(), name="outcome"),
    path(f"{_CASE}letters/", views.LetterList.as_view(), name="letters"),
    path(f"{_CASE}letters/<id:letter>/docx", views.letter_docx, name="letter_docx"),
    path(f"{_CASE}letters/<id:letter>/pdf", views.letter_pdf, name="letter_pdf"),
    path(f"{_CASE}assign/", views.assign, name="assign"),
    path(f"{_CASE}request-correction/", views.request_correction, name="request_correction"),
    path(f"{_CASE}receive-correction/", views.receive_correction, name="receive_correction"),
    path(f"{_CASE}start-consultation/", views.start_consultation, name="start_consultation"),
    path(f"{_CASE}end-consultation/", views.end_consultation, name="end_consultation"),
    path(f"{_CASE}request-extension/", views.request_extension, name="request_extension"),
    path(f"{_CASE}approve-extension/", views.approve_extension, name="approve_extension"),
    # Issue 16: a lapse decided by the clerk (条例 第三十条); 第三十五条.
    path(f"{_CASE}refer-lapse/", views.refer_lapse, name="refer_lapse"),
    path(f"{_CASE}record-good-cause/", views.record_good_cause, name="record_good_cause"),
    path(f"{_CASE}confirm-lapse/", views.confirm_lapse, name="confirm_lapse"),
    path(f"{_CASE}request-reasons/", views.request_reasons, name="request_reasons"),
    path(f"{_CASE}record-reasons-answer/", views.record_reasons_answer, name="record_reasons_answer"),
    path(f"{_CASE}set-later-date/", views.set_later_date, name="set_later_date"),
    path("api/outcomes/", views.OutcomeList.as_view(), name="outcomes"),
]
